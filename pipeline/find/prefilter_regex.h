// The form of a pattern that the scanner's prefilter set matches: the
// pattern with its counted repetitions unbounded (`{0,9}` -> `{0,}`).
//
// Why: an unanchored automaton over many patterns starts a thread at every
// position; a bounded repetition makes each thread count, so a run of
// capitalised words or numbers puts the automaton in a new state (a new
// combination of counts) at almost every byte of text it has not seen
// before. RE2 then builds states instead of following them and matches
// first-seen text at a few MB/s. Unbounded repetitions do not count, and
// their language is a superset of the pattern's, so the prefilter still
// names every pattern that can match; the full pattern decides.
//
// Example:
//   PrefilterRegex("\\b[A-Z]\\w*(?:\\s[A-Z]\\w*){0,9}\\sAct")
//     == "\\b[A-Z]\\w*(?:\\s[A-Z]\\w*){0,}\\sAct"
#ifndef DOSSIER_PIPELINE_FIND_PREFILTER_REGEX_H_
#define DOSSIER_PIPELINE_FIND_PREFILTER_REGEX_H_

#include <string>
#include <string_view>

namespace dossier {

// Returns `regex` (RE2 syntax) with every `{n,m}` repetition made `{n,}`.
// Escapes, character classes and \Q...\E literals are copied unchanged; a
// repetition RE2 would reject (n > m, or a bound above 1000) is left as it
// is, so the prefilter rejects the same patterns as RE2 does.
std::string PrefilterRegex(std::string_view regex);

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_FIND_PREFILTER_REGEX_H_
