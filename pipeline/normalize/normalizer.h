// TextNormalizer: makes a document's raw text clean and comparable with ICU,
// keeping an exact offset map back to the raw text.
//
// What it does, in order, each step recorded in the OffsetMap:
//   1. invalid UTF-8 -> U+FFFD (counted, reported as a warning); NUL and
//      other C0 controls except \t \n \r \f -> space;
//   2. Unicode NFKC (ligatures, full-width forms, compatibility spaces);
//   3. curly quotes -> ' and ", dashes (U+2010..U+2015, U+2212) -> -,
//      soft hyphen and zero-width characters removed, no-break and other
//      spaces -> ' ';
//   4. line-end hyphenation joined where it is a break ("immi-\ngration"),
//      kept where the hyphen is real ("asylum-\nseekers" when the document
//      also writes "asylum-seekers");
//   5. whitespace: runs without a line break -> ' '; a single line break
//      (a wrapped line) -> ' '; two or more -> "\n\n" (a paragraph break);
//      leading and trailing whitespace dropped.
// Then sentences are split with ICU's BreakIterator (paragraph breaks are
// always sentence breaks).
//
// A TextNormalizer holds ICU objects that are not thread-safe: use one per
// thread. Construction is cheap relative to a document.
//
// Example:
//   TextNormalizer normalizer;
//   Status s = normalizer.Normalize(doc);  // sets text, offsets, sentences
#ifndef DOSSIER_PIPELINE_NORMALIZE_NORMALIZER_H_
#define DOSSIER_PIPELINE_NORMALIZE_NORMALIZER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/document.h"
#include "pipeline/core/offset_map.h"
#include "pipeline/core/status.h"

namespace dossier {

struct NormalizeOptions {
  bool join_hyphenation = true;
  // Off when only the text is wanted (`dossier text`): no sentences, and no
  // ICU break iterator to load.
  bool split_sentences = true;
  std::string sentence_locale = "en";
};

// The normalized form of one text and its map onto the input.
struct NormalizedText {
  std::string text;
  OffsetMap offsets;            // input (raw) -> text
  size_t invalid_sequences = 0; // invalid UTF-8 sequences replaced
  size_t control_chars = 0;     // NULs and other controls replaced
};

class TextNormalizer {
 public:
  explicit TextNormalizer(NormalizeOptions options = {});
  ~TextNormalizer();
  TextNormalizer(const TextNormalizer&) = delete;
  TextNormalizer& operator=(const TextNormalizer&) = delete;

  // Returns the normalized form of `raw` (any bytes; never fails).
  NormalizedText NormalizeText(std::string_view raw) const;

  // Returns the sentences of normalized `text` as byte ranges that tile it
  // without the whitespace between them (none without split_sentences).
  std::vector<TextRange> SplitSentences(std::string_view text) const;

  // Sets doc.text, doc.offsets and doc.sentences (when split_sentences) from
  // doc.raw_text and adds a warning for replaced bytes. Fails only on an ICU
  // setup error.
  Status Normalize(Document& doc) const;

 private:
  struct Impl;
  NormalizeOptions options_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_NORMALIZE_NORMALIZER_H_
