// DateFinder: finds calendar dates, months, years and date ranges in a
// document and resolves each to an ISO 8601 value (ANNOTATION.md, `date`).
//
// The patterns live in packs/dates.json; each names a resolve rule:
//   date     named groups a_year/a_month/a_day/a_mod (one end) and
//            b_year/b_month/b_day (the second end of a range);
//   numeric  the same, or a_n1/a_n2 read as US month/day ("1/25/2019",
//            day first when the first number is over 12), checked not to
//            be part of a docket, phone or decimal number;
//   year     a bare four-digit year, kept only where it reads as a time
//            reference: not a count ("2000 people"), a section, page,
//            bill or reporter number, nor the year of an instrument's name;
//   cited_year  a year kept only inside a case or reporter citation.
// Groups `decade` and `season` make a range of the decade or the season.
// A group `span` narrows the entity to it, so a cue word ("in March")
// helps the match without entering the span. Overlapping matches keep the
// longest; two dates joined by a connector ("from X to Y", "between X and
// Y", "X - Y", lists.range_openers) become one range; a month followed by
// a bare year across whitespace alone (a page break: "October\n\n2019")
// takes that year. A date still without a year (`inferred`) takes, in
// order: the year its stated weekday allows ("Wednesday, Feb. 26"); the
// year of the same month and day dated earlier; that of a date in the same
// or previous sentence; for "the February instructions", that of the same
// month dated earlier; the occurrence nearest the document's date (the
// extractor's, else a "Published ..."/"Date: ..." line or a date ending a
// short header line); else the nearest year before or after. Dates inside
// citations are dates but give no context; dates inside a URL are none.
// Decades ("late 1990s" -> 1990/1999 with mod late) and seasons ("Summer
// 2019" -> 2019-06/2019-08) are ranges; an early year in a case cite's
// parenthetical ("(1804)") is a date only inside a case citation. Dates
// overlapping a statute found earlier are left to the statute ("Refugee
// Act of 1980").
//
// Example:
//   std::unique_ptr<Finder> f = MakeDateFinder(*entity_finder->pack("date"));
//   f->Find(doc, earlier, &out);  // "between June 2018 and July 2019"
//                                 //   -> value "2018-06/2019-07", month
#ifndef DOSSIER_PIPELINE_FIND_DATE_FINDER_H_
#define DOSSIER_PIPELINE_FIND_DATE_FINDER_H_

#include <memory>

#include "pipeline/find/finder.h"
#include "pipeline/find/pattern_pack.h"

namespace dossier {

// Returns the date finder over `pack` (kind "date"), which must outlive it.
std::unique_ptr<Finder> MakeDateFinder(const PatternPack& pack);

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_FIND_DATE_FINDER_H_
