// StatisticFinder: finds figures that measure something in the world (counts,
// percents, money, ratios, durations, measures; ANNOTATION.md "statistic")
// and resolves each to its value, unit, qualifier, subject and as-of date.
//
// The pack's patterns find a figure's core (qualifier, number, unit); the
// finder then
//   - reads spelled-out numbers with ICU's rule-based number format;
//   - reads the counted noun phrase after it (NounPhraseReader): a count
//     keeps it in its span ("more than 71,000 asylum seekers"), a percent or
//     fraction takes `of X` ("75% of MPP patients"), never a nested figure
//     ("45 percent of the 2,315 people" is two figures);
//   - drops what is not a figure: years, labels ("Level 4", "Article 33"),
//     footnote markers glued to words, phone and case numbers, numbers inside
//     the statutes, citations and dates found earlier, bare numbers that
//     count nothing, vague amounts ("thousands", "tens of thousands");
//   - takes `as_of` from a date of the same sentence introduced by "as of",
//     "through", "by the end of" ... (the pack's `as_of_triggers`).
//
// Example:
//   std::unique_ptr<Finder> f = MakeStatisticFinder(*entity_finder->pack("statistic"));
//   f->Find(doc, earlier, &found);  // "over 56,000 asylum seekers" -> count 56000,
//                                   // qualifier "over", subject "asylum seekers"
#ifndef DOSSIER_PIPELINE_FIND_STATISTIC_FINDER_H_
#define DOSSIER_PIPELINE_FIND_STATISTIC_FINDER_H_

#include <memory>

#include "pipeline/find/finder.h"
#include "pipeline/find/pattern_pack.h"

namespace dossier {

// Returns the statistic finder over `pack` (kind "statistic"), which must
// outlive it.
std::unique_ptr<Finder> MakeStatisticFinder(const PatternPack& pack);

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_FIND_STATISTIC_FINDER_H_
