// NFKC by runs: only the stretches of a text that hold non-ASCII characters
// go through ICU's normalizer.
//
// ASCII is its own NFC and NFKC form, and a normalization boundary comes
// before every ASCII character (each is a starter that composes with
// nothing before it). So normalizing each stretch of non-ASCII characters,
// from the ASCII character before it (a base a combining mark may compose
// with) to the next ASCII character, and copying the rest gives the text
// and the edits of normalizing it whole; a mostly English document then
// costs a copy instead of ICU's checks on every byte.
//
// Internal to pipeline/normalize.
//
// Example:
//   std::string out;
//   icu::Edits edits;
//   UErrorCode ec = U_ZERO_ERROR;
//   NormalizeNonAsciiRuns(*nfkc, "the \xEF\xAC\x81le", out, edits, ec);  // out == "the file"
#ifndef DOSSIER_PIPELINE_NORMALIZE_NFKC_RUNS_H_
#define DOSSIER_PIPELINE_NORMALIZE_NFKC_RUNS_H_

#include <unicode/edits.h>
#include <unicode/normalizer2.h>

#include <string>
#include <string_view>

namespace dossier::normalize_internal {

// Appends the form `normalizer` (NFC or NFKC, filtered or not) gives UTF-8
// `text` (at most INT32_MAX bytes) to `out` and appends its edits to
// `edits`. Sets `ec` on an ICU failure, after which `out` and `edits` are
// unspecified.
void NormalizeNonAsciiRuns(const icu::Normalizer2& normalizer, std::string_view text, std::string& out,
                           icu::Edits& edits, UErrorCode& ec);

}  // namespace dossier::normalize_internal

#endif  // DOSSIER_PIPELINE_NORMALIZE_NFKC_RUNS_H_
