// Footnote notes: where a document's footnotes and bibliography entries
// are, and the parts of one entry (author, title, publisher).
//
// Three sources, in order of trust: footnote segments from the extractor
// (Role::kFootnote, labelled with their number); numbered footnote blocks
// in plain text, read from the raw lines ("6 United States Department of
// ...", numbers in sequence and each announced by a marker glued to the
// text before it, "...Protocols.6"); and the paragraphs under a
// "References" or "Bibliography" heading.
//
// Example:
//   for (const NoteRange& n : FindNotes(doc, {{"references"}, {"selected"}})) {
//     NoteParts p = ParseNoteParts(Slice(doc.text, n), {"Media Note"});
//     p.author;  // "TRAC Immigration"
//   }
#ifndef DOSSIER_PIPELINE_FIND_FOOTNOTE_NOTES_H_
#define DOSSIER_PIPELINE_FIND_FOOTNOTE_NOTES_H_

#include <span>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "pipeline/core/document.h"

namespace dossier {

// One note in normalized text, without its leading number.
struct NoteRange {
  size_t begin = 0, end = 0;
  std::string label;  // footnote number, "" for a bibliography entry
};

// The parts of a note; empty when the note does not state them.
struct NoteParts {
  std::string author, title, publisher;
  size_t title_begin = std::string::npos;  // offsets of the title in the note
  size_t title_end = std::string::npos;
};

// The words that announce a reference section, lower case.
struct NoteVocabulary {
  std::vector<std::string> headings;    // "references", "bibliography"
  std::vector<std::string> qualifiers;  // "selected" (bibliography)
};

// Returns the notes of `doc`, sorted and not overlapping. Paragraphs under
// a reference heading are notes when they read like a reference (a year, a
// quoted title, an address) or hold one of `cited` (sorted spans of the
// statutes found in the text).
std::vector<NoteRange> FindNotes(const Document& doc, const NoteVocabulary& words,
                                 std::span<const std::pair<size_t, size_t>> cited = {});

// The words a note may open with that are not its author.
struct NoteOpeners {
  std::vector<std::string> signals;      // "See", "See also", "Cf.": left out of the author
  std::vector<std::string> short_forms;  // "Id.", "Ibid.": the note repeats another, no parts
};

// Returns the author, title and publisher of `note` (normalized text).
// `genre_words` ("Media Note", "Press Release") are never a publisher.
NoteParts ParseNoteParts(std::string_view note, const std::vector<std::string>& genre_words,
                         const NoteOpeners& openers = {});

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_FIND_FOOTNOTE_NOTES_H_
