#include "pipeline/normalize/normalizer.h"

#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/uniset.h>

#include <climits>
#include <memory>
#include <optional>
#include <utility>

#include "pipeline/normalize/char_cleanup.h"
#include "pipeline/normalize/line_join.h"
#include "pipeline/normalize/nfkc_runs.h"
#include "pipeline/normalize/sentence_splitter.h"

namespace dossier {

using normalize_internal::CleanChars;
using normalize_internal::CleanupCounts;
using normalize_internal::JoinLines;
using normalize_internal::NormalizeNonAsciiRuns;
using normalize_internal::SentenceSplitter;

struct TextNormalizer::Impl {
  explicit Impl(const NormalizeOptions& options) {
    if (options.split_sentences) splitter.emplace(options.sentence_locale);
    UErrorCode ec = U_ZERO_ERROR;
    const icu::Normalizer2* full = icu::Normalizer2::getNFKCInstance(ec);
    if (U_FAILURE(ec)) {
      status = Internal(std::string("ICU NFKC data: ") + u_errorName(ec));
    } else {
      // Hangul compatibility letters (U+3131..U+318E, halfwidth U+FFA0..
      // U+FFDC) are left alone: NFKC maps them to conjoining jamo, which
      // fuse with neighbouring syllables (the interpunct U+318D becomes a
      // vowel of the syllable before it).
      outside_hangul_letters.applyPattern(icu::UnicodeString(u"[^\u3131-\u318E\uFFA0-\uFFDC]"), ec);
      outside_hangul_letters.freeze();
      filtered = std::make_unique<icu::FilteredNormalizer2>(*full, outside_hangul_letters);
      nfkc = filtered.get();
      if (U_FAILURE(ec)) {
        status = Internal(std::string("ICU NFKC filter: ") + u_errorName(ec));
      } else if (splitter) {
        status = splitter->status();
      }
    }
  }

  icu::UnicodeSet outside_hangul_letters;
  std::unique_ptr<icu::FilteredNormalizer2> filtered;
  const icu::Normalizer2* nfkc = nullptr;  // `filtered`
  std::optional<SentenceSplitter> splitter;  // when split_sentences
  Status status;
};

namespace {

// The text between steps and the edits from the raw input to it.
struct Stage {
  std::string text;
  icu::Edits edits;  // raw -> text
  bool changed = false;
};

// Folds one step's edits (previous text -> next) into the stage.
void Compose(Stage& stage, std::string next_text, const icu::Edits& step, bool step_changed) {
  stage.text = std::move(next_text);
  if (!step_changed) return;
  if (!stage.changed) {
    stage.edits = step;
  } else {
    icu::Edits merged;
    UErrorCode ec = U_ZERO_ERROR;
    merged.mergeAndAppend(stage.edits, step, ec);
    stage.edits = std::move(merged);
  }
  stage.changed = true;
}

// Returns the OffsetMap equivalent of `edits`.
OffsetMap ToOffsetMap(const icu::Edits& edits) {
  OffsetMap map;
  UErrorCode ec = U_ZERO_ERROR;
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(ec)) {
    if (it.hasChange()) {
      map.AddReplace(static_cast<size_t>(it.oldLength()), static_cast<size_t>(it.newLength()));
    } else {
      map.AddUnchanged(static_cast<size_t>(it.oldLength()));
    }
  }
  return map;
}

}  // namespace

TextNormalizer::TextNormalizer(NormalizeOptions options)
    : options_(std::move(options)), impl_(std::make_unique<Impl>(options_)) {}

TextNormalizer::~TextNormalizer() = default;

NormalizedText TextNormalizer::NormalizeText(std::string_view raw) const {
  NormalizedText result;
  Stage stage;

  // 1. Invalid UTF-8, controls, quotes, dashes, spaces, zero-width.
  CleanupCounts counts;
  {
    std::string cleaned;
    icu::Edits edits;
    bool changed = CleanChars(raw, cleaned, edits, counts);
    Compose(stage, std::move(cleaned), edits, changed);
  }
  result.invalid_sequences = counts.invalid_sequences;
  result.control_chars = counts.control_chars;

  // 2. NFKC; ASCII is already in NFKC, so only the stretches around non-ASCII
  // characters go through ICU (nfkc_runs.h). ICU lengths are int32_t.
  if (counts.non_ascii && impl_->nfkc != nullptr && stage.text.size() <= INT32_MAX) {
    UErrorCode ec = U_ZERO_ERROR;
    std::string composed;
    composed.reserve(stage.text.size());
    icu::Edits edits;
    NormalizeNonAsciiRuns(*impl_->nfkc, stage.text, composed, edits, ec);
    if (U_SUCCESS(ec) && edits.hasChanges()) {
      Compose(stage, std::move(composed), edits, true);
      // NFKC can produce characters step 1 folds ("\u2011" -> "\u2010").
      std::string refolded;
      icu::Edits fold_edits;
      CleanupCounts ignored;
      bool changed = CleanChars(stage.text, refolded, fold_edits, ignored);
      if (changed) Compose(stage, std::move(refolded), fold_edits, true);
    }
  }

  // 3. Line-end hyphenation and whitespace.
  {
    std::string joined;
    icu::Edits edits;
    bool changed = JoinLines(stage.text, options_.join_hyphenation, joined, edits);
    Compose(stage, std::move(joined), edits, changed);
  }

  result.text = std::move(stage.text);
  if (stage.changed) {
    result.offsets = ToOffsetMap(stage.edits);
  } else {
    result.offsets.AddUnchanged(raw.size());
  }
  return result;
}

std::vector<TextRange> TextNormalizer::SplitSentences(std::string_view text) const {
  if (!impl_->splitter) return {};
  return impl_->splitter->Split(text);
}

Status TextNormalizer::Normalize(Document& doc) const {
  if (!impl_->status.ok()) return impl_->status;
  // ICU's edit records and break positions are int32_t.
  if (doc.raw_text.size() > static_cast<size_t>(INT32_MAX)) {
    return Status(StatusCode::kLimit, "text over 2 GiB cannot be normalized");
  }
  NormalizedText n = NormalizeText(doc.raw_text);
  doc.text = std::move(n.text);
  doc.offsets = std::move(n.offsets);
  doc.sentences = SplitSentences(doc.text);
  if (n.invalid_sequences > 0) {
    doc.Warn("normalize", "invalid_utf8",
             "replaced " + std::to_string(n.invalid_sequences) +
                 " invalid UTF-8 sequence(s) with U+FFFD");
  }
  if (n.control_chars > 0) {
    doc.Warn("normalize", "control_characters",
             "replaced " + std::to_string(n.control_chars) +
                 " control character(s) (NUL, C0, DEL, C1) with spaces");
  }
  return Status::Ok();
}

}  // namespace dossier
