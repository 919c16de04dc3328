// Conflicts: figures from different documents that claim the same quantity
// with different values ("more than 71,000 asylum seekers" returned vs
// "70,000 migrants enrolled"), surfaced instead of one being picked.
//
// Two figures claim the same quantity when they have the same kind and
// unit, subjects of the same class (SubjectClass: "asylum seekers" and
// "migrants" are both "people"), the same reference date (equal as-of
// dates, or neither stated: a figure "as of November 2019" never conflicts
// with one "through December 2019") and values close enough that they
// cannot be different things (relative gap at most `max_relative_gap`:
// sources counting one quantity differ by rounding or a few weeks of data;
// 500 and 16,000 children are two quantities, 70,000 and 71,000 people one).
// Figures are linked by that relation; each linked group holding two or
// more values becomes one Conflict with one claim per document and value.
//
// Example:
//   std::vector<Conflict> c = FindConflicts(record.figures, {});
#ifndef DOSSIER_PIPELINE_ASSEMBLE_CONFLICTS_H_
#define DOSSIER_PIPELINE_ASSEMBLE_CONFLICTS_H_

#include <vector>

#include "pipeline/core/incident.h"

namespace dossier {

struct ConflictOptions {
  double max_relative_gap = 0.10;  // |a-b| / max(a,b) above which values are different things
};

// Returns whether `a` and `b` are the same kind of figure with values that
// differ by a non-zero relative gap of at most `max_relative_gap`.
bool SameQuantityDiffers(const StatisticValue& a, const StatisticValue& b,
                         double max_relative_gap = 0.10);

// Returns the conflicts among `figures` from different documents, sorted
// by subject, as-of date and first claim.
std::vector<Conflict> FindConflicts(const std::vector<Figure>& figures,
                                    const ConflictOptions& options);

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_ASSEMBLE_CONFLICTS_H_
