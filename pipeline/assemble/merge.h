// Merge: records that describe the same incident, from many documents,
// become one record that lists every source, unions the timelines by date,
// keeps every figure with its provenance and surfaces conflicting figures.
//
// The rule (schemas/incident.md, "Merge rule"): two records are the same
// incident when their similarity reaches `threshold`, where similarity is
//   1                      when they share a slug or a canonical URL,
//   0                      when both have slugs and they differ (an incident
//                          database keeps distinct incidents apart), else
//   0.5 * terms + 0.2 * title + 0.15 * sources + 0.15 * period
// with terms  = (min(2, hits(A, B)) + min(2, hits(B, A))) / 4, hits(A, B)
//               being how many of A's first 4 key terms (its main names,
//               KeyTerms in rank order, then tags) are among B's terms,
//      title  = Jaccard similarity of the titles' content words,
//      sources= min(1, shared canonical source URLs / 2),
//      period = 1 when the records' date spans overlap (by year), else 0.
// Records are linked pairwise (single link) and each connected group is
// merged. The result depends only on the set of records, never on their
// order.
//
// Example:
//   std::vector<IncidentRecord> merged = MergeRecords(std::move(records), {});
#ifndef DOSSIER_PIPELINE_ASSEMBLE_MERGE_H_
#define DOSSIER_PIPELINE_ASSEMBLE_MERGE_H_

#include <vector>

#include "pipeline/assemble/conflicts.h"
#include "pipeline/core/incident.h"

namespace dossier {

struct MergeOptions {
  double threshold = 0.5;  // similarity at or above which two records merge; > 1 never merges
  ConflictOptions conflicts;
};

// Returns the similarity of `a` and `b` in [0, 1] (see above).
double Similarity(const IncidentRecord& a, const IncidentRecord& b);

// Returns one record made of `members` (which describe one incident): the
// scalar fields of the primary member (the one with a slug, else the
// lowest id), every list unioned, conflicts found across documents.
IncidentRecord MergeGroup(std::vector<IncidentRecord> members, const ConflictOptions& options);

// Returns `records` grouped by the merge rule and merged, sorted by id.
std::vector<IncidentRecord> MergeRecords(std::vector<IncidentRecord> records,
                                         const MergeOptions& options);

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_ASSEMBLE_MERGE_H_
