// Line joining: undoes line-end hyphenation and collapses whitespace.
//
// Input is clean UTF-8 (see char_cleanup.h). A hyphen at a line end between
// letters ("immi-\ngration") is a word broken by the layout and is joined,
// unless the document says otherwise:
//   - the joined word appears elsewhere ("immigration")  -> join;
//   - the hyphenated form appears elsewhere ("asylum-seekers"), or the
//     second part starts with an upper-case letter, or either side is a
//     digit -> keep the hyphen, drop the line break ("COVID-\n19" ->
//     "COVID-19", "No. 19-\n15716" -> "No. 19-15716");
//   - otherwise -> join.
// A soft hyphen at a line end always joins; elsewhere it is removed.
// Whitespace runs without a line break, or with exactly one ("\r\n" is
// one), become ' '; runs with two or more become "\n\n"; leading and
// trailing whitespace is dropped.
//
// Internal to pipeline/normalize.
//
// Example:
//   std::string out;
//   icu::Edits edits;
//   JoinLines("  immi-\ngration\n\n\nlaw ", true, out, edits);
//   // out == "immigration\n\nlaw"
#ifndef DOSSIER_PIPELINE_NORMALIZE_LINE_JOIN_H_
#define DOSSIER_PIPELINE_NORMALIZE_LINE_JOIN_H_

#include <unicode/edits.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace dossier::normalize_internal {

// Appends the joined form of `in` to `out` and records every rewrite in
// `edits`. Returns true when anything changed.
bool JoinLines(std::string_view in, bool join_hyphenation, std::string& out,
               icu::Edits& edits);

// Returns the first offset at or after `i` (at most in.size()) where
// JoinLines may have something to do. It skips no byte that is whitespace,
// '-' or a soft hyphen's lead byte, except a single ' ' between two other
// bytes; it looks at eight bytes at a time, so words and the single spaces
// between them cost a fraction of a byte-by-byte scan.
size_t NextJoinCandidate(std::string_view in, size_t i);

}  // namespace dossier::normalize_internal

#endif  // DOSSIER_PIPELINE_NORMALIZE_LINE_JOIN_H_
