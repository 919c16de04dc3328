// CitationFinder: references to other works a reader could look up, each
// with its parts (ANNOTATION.md, citation).
//
// Kinds: `case` (a case name, with volume, reporter, page, court and year
// when cited in full, parallel reporters and all), `reporter` (a reporter
// citation alone), `url` (a DOI too, as https://doi.org/..., with its doi),
// and `note` (a whole footnote or bibliography entry, with author, title,
// publisher and date). Patterns come from the citation pack
// (citations.json) and name a resolve rule: case (groups case_name,
// volume, reporter, page, court, year), reporter (the same without a name),
// url, doi. Notes come from the document's structure (footnote_notes.h);
// a citation inside a note is the note, unless the note is essentially one
// case citation, which is then reported as that case with the note's label.
// Link() fills each note's date from the first date found inside it that
// is not part of its title (dates are found after citations).
//
// Example:
//   std::unique_ptr<Finder> f = MakeCitationFinder(*pack);
//   f->Find(doc, statutes, &entities);
//   // "Matter of A-B-, 27 I&N Dec. 316 (A.G. 2018)" -> kind "case",
//   //   case_name "Matter of A-B-", volume "27", reporter "I&N Dec.",
//   //   page "316", court "A.G.", year "2018"
#ifndef DOSSIER_PIPELINE_FIND_CITATION_FINDER_H_
#define DOSSIER_PIPELINE_FIND_CITATION_FINDER_H_

#include <memory>

#include "pipeline/find/finder.h"
#include "pipeline/find/pattern_pack.h"

namespace dossier {

// Returns the citation finder over `pack`, which must outlive it.
std::unique_ptr<Finder> MakeCitationFinder(const PatternPack& pack);

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_FIND_CITATION_FINDER_H_
