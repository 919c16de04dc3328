// RecordFromDocument: one analysed Document (entities found) becomes one
// IncidentRecord.
//
// Two paths, one result type:
//  - a JSON incident-database entry (Document::structured is an object) is
//    mapped field by field: slug, title, date, summary, category, severity,
//    victims, perpetrators, tags, keyPoints, internationalLaw, sources,
//    legalAnalyses, timeline, citation; the entities found in its prose are
//    attached (figures, statutes, citations, dated sentences) and the
//    structured fields are checked against that prose (Discrepancy);
//  - any other document is built from its entities: title and date from
//    metadata or text, timeline from dated sentences, figures, legal basis
//    from statutes, sources from citations.
// Every value carries its Provenance. The same document always gives the
// same record, sorted by stable keys.
//
// Example:
//   IncidentRecord r = RecordFromDocument(doc);
//   r.discrepancies;  // e.g. a timeline date no sentence states
#ifndef DOSSIER_PIPELINE_ASSEMBLE_RECORD_FROM_DOCUMENT_H_
#define DOSSIER_PIPELINE_ASSEMBLE_RECORD_FROM_DOCUMENT_H_

#include "pipeline/core/document.h"
#include "pipeline/core/incident.h"

namespace dossier {

struct AssembleOptions {
  size_t max_terms = 12;   // key terms kept per record (merge keys)
  size_t max_quote = 600;  // bytes of a quoted sentence kept in provenance
};

// Returns the incident record of `doc`.
IncidentRecord RecordFromDocument(const Document& doc, const AssembleOptions& options = {});

// Sorts every list of `record` by stable keys and drops exact duplicates;
// the record's JSON is then independent of input order.
void Canonicalize(IncidentRecord& record);

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_ASSEMBLE_RECORD_FROM_DOCUMENT_H_
