#include "pipeline/normalize/normalizer.h"

#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/uniset.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

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

// One fine edit: `old_len` bytes that become `new_len` bytes.
struct EditSpan {
  int32_t old_len, new_len;
  bool changed;
};

std::vector<EditSpan> FineSpans(const icu::Edits& edits) {
  std::vector<EditSpan> spans;
  UErrorCode ec = U_ZERO_ERROR;
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(ec)) spans.push_back({it.oldLength(), it.newLength(), it.hasChange() != 0});
  return spans;
}

// Returns the edits a -> c of edits a -> b and b -> c. ICU's mergeAndAppend
// fuses every run of adjacent changes into one, so the word edges between
// them ("x\u2014y" -> "x - y": an inserted space, a folded dash, a space)
// would stop mapping back. Here two changes fuse only when one step's change
// overlaps the other's: a position of b where both steps have an edge stays
// an edge.
icu::Edits ComposeEdits(const icu::Edits& ab, const icu::Edits& bc) {
  const std::vector<EditSpan> a = FineSpans(ab), b = FineSpans(bc);
  icu::Edits out;
  size_t ia = 0, ib = 0;
  int32_t a_off = 0, b_off = 0;     // bytes of b consumed in a[ia] and b[ib]
  int32_t group_old = 0, group_new = 0;
  bool group_open = false;
  auto close = [&] {
    if (group_open) out.addReplace(group_old, group_new);
    group_old = group_new = 0;
    group_open = false;
  };
  while (ia < a.size() || ib < b.size()) {
    const bool a_edge = ia == a.size() || !a[ia].changed || a_off == 0;
    const bool b_edge = ib == b.size() || !b[ib].changed || b_off == 0;
    if (a_edge && b_edge) close();
    if (ia < a.size() && a[ia].new_len == 0) {  // a deletion: nothing in b
      group_old += a[ia].old_len;
      group_open = true;
      ++ia;
      continue;
    }
    if (ib < b.size() && b[ib].old_len == 0) {  // an insertion: nothing in b
      group_new += b[ib].new_len;
      group_open = true;
      ++ib;
      continue;
    }
    if (ia == a.size() || ib == b.size()) break;  // lengths disagree: cannot happen
    const EditSpan& x = a[ia];
    const EditSpan& y = b[ib];
    const int32_t k = std::min(x.new_len - a_off, y.old_len - b_off);
    if (!x.changed && !y.changed && !group_open) {
      out.addUnchanged(k);
    } else {
      group_old += x.changed ? (a_off == 0 ? x.old_len : 0) : k;
      group_new += y.changed ? (b_off == 0 ? y.new_len : 0) : k;
      group_open = true;
    }
    if ((a_off += k) == x.new_len) ++ia, a_off = 0;
    if ((b_off += k) == y.old_len) ++ib, b_off = 0;
  }
  close();
  return out;
}

// Folds one step's edits (previous text -> next) into the stage.
void Compose(Stage& stage, std::string next_text, const icu::Edits& step, bool step_changed) {
  stage.text = std::move(next_text);
  if (!step_changed) return;
  stage.edits = stage.changed ? ComposeEdits(stage.edits, step) : step;
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
