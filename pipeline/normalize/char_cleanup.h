// Character cleanup: the per-character steps of normalization, one pass.
//
// Repairs invalid UTF-8 (each maximal ill-formed subsequence -> U+FFFD),
// replaces NUL and other control characters with a space, and folds the
// characters that make the same text compare unequal: curly quotes and
// guillemets -> ' and ", dashes and the minus sign -> '-', Unicode spaces
// -> ' ', line and paragraph separators -> line breaks, vulgar fractions
// and the fraction slash -> ASCII ("2½" -> "2 1/2"); zero-width
// characters are removed. A soft hyphen is removed too, unless whitespace
// follows: then it may mark a line-end hyphenation, which the line joiner
// decides.
//
// Internal to pipeline/normalize.
//
// Example:
//   std::string out;
//   icu::Edits edits;
//   CleanupCounts counts;
//   CleanChars("a\xE2\x80\x99" "b\xFF", out, edits, counts);  // out == "a'b\uFFFD"
#ifndef DOSSIER_PIPELINE_NORMALIZE_CHAR_CLEANUP_H_
#define DOSSIER_PIPELINE_NORMALIZE_CHAR_CLEANUP_H_

#include <unicode/edits.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace dossier::normalize_internal {

struct CleanupCounts {
  size_t invalid_sequences = 0;  // ill-formed UTF-8 subsequences replaced
  size_t control_chars = 0;      // C0 (but \t \n \r \f), DEL and C1 replaced
  bool non_ascii = false;        // the output has a non-ASCII character
};

// Appends the cleaned form of `in` to `out` and records every rewrite in
// `edits` (appended, UTF-8 byte lengths). Returns true when anything changed.
bool CleanChars(std::string_view in, std::string& out, icu::Edits& edits,
                CleanupCounts& counts);

// Returns the length of the well-formed UTF-8 sequence at the start of `in`
// when it encodes a character CleanChars keeps as it is and needs not decode
// (U+0100..U+07FF: Latin, Greek, Cyrillic, Hebrew, Arabic...; U+4000..U+D7FF
// and U+E000..U+EFFF: most CJK and Hangul), else 0. Text in those scripts so
// costs a check per character instead of a decode and a table look-up.
size_t KeptSequenceLength(std::string_view in);

}  // namespace dossier::normalize_internal

#endif  // DOSSIER_PIPELINE_NORMALIZE_CHAR_CLEANUP_H_
