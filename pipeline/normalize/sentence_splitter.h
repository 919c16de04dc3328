// SentenceSplitter: sentence ranges of normalized text, legal-citation aware.
//
// ICU's sentence BreakIterator (with the locale's standard abbreviation
// suppressions, "@ss=standard") proposes breaks over the UTF-8 text; a line
// break is always a break; then a break is withdrawn when the sentence
// before it ends with an abbreviation that legal and policy text uses
// mid-sentence ("v.", "Pub. L.", "U.S.C.", "Cir.", "Jan.", "et al.",
// "No. 19-15716"). The abbreviations are data: a table in the .cc.
//
// Holds an ICU iterator, which is not thread-safe: one per thread.
//
// Example:
//   SentenceSplitter splitter("en");
//   splitter.Split("See Innovation Law Lab v. McAleenan. It held.");
//   // -> {0, 37}, {38, 46}
#ifndef DOSSIER_PIPELINE_NORMALIZE_SENTENCE_SPLITTER_H_
#define DOSSIER_PIPELINE_NORMALIZE_SENTENCE_SPLITTER_H_

#include <unicode/brkiter.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/document.h"
#include "pipeline/core/status.h"


namespace dossier::normalize_internal {

class SentenceSplitter {
 public:
  explicit SentenceSplitter(const std::string& locale);
  ~SentenceSplitter();
  SentenceSplitter(const SentenceSplitter&) = delete;
  SentenceSplitter& operator=(const SentenceSplitter&) = delete;

  // Returns Ok, or why ICU could not make the break iterator.
  const Status& status() const { return status_; }

  // Returns the sentences of `text`: non-empty ranges in order, without
  // surrounding whitespace, never spanning a line break.
  std::vector<TextRange> Split(std::string_view text) const;

 private:
  std::unique_ptr<icu::BreakIterator> iterator_;
  Status status_;
};

// Sets `out` to the UTF-16 form of valid UTF-8 `text` (at most INT32_MAX
// bytes). Returns true when `text` is all ASCII, so that UTF-16 indexes are
// byte offsets: plain English then skips ICU's converter and the walk that
// maps indexes back to bytes, which together cost about a third as much as
// the break rules themselves.
bool ToUtf16(std::string_view text, icu::UnicodeString& out);

// Returns true when a sentence ending with `sentence` (ending in '.') must
// not end before `next` (the start of the following text).
bool EndsWithNonFinalAbbreviation(std::string_view sentence, std::string_view next);

}  // namespace dossier::normalize_internal

#endif  // DOSSIER_PIPELINE_NORMALIZE_SENTENCE_SPLITTER_H_
