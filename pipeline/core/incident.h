// IncidentRecord: what happened, when, to how many people, under which
// laws, according to which sources, assembled from one or more documents.
//
// Assembly builds one record per document (from its structured fields when
// it is an incident database entry, from its entities otherwise); merge
// folds records that describe the same incident into one. Every extracted
// value carries a Provenance naming the document, the source anchor and
// the quoted sentence, so an analyst can check each claim. The JSON form
// (json_io.h) is described by schemas/incident.schema.json.
//
// Example:
//   IncidentRecord r = RecordFromDocument(doc);
//   for (const Figure& f : r.figures) Show(f.value.value, f.provenance.quote);
#ifndef DOSSIER_PIPELINE_CORE_INCIDENT_H_
#define DOSSIER_PIPELINE_CORE_INCIDENT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/core/entity.h"
#include "pipeline/core/format.h"
#include "pipeline/core/span.h"

namespace dossier {

// Version of the incident record format (schemas/incident.schema.json).
inline constexpr const char* kIncidentRecordVersion = "1.0";

// Where a value came from. `start`/`end` are offsets in the document's
// normalized text (-1 for a structured field, which has only a pointer).
struct Provenance {
  std::string document;  // Document::id
  SourceAnchor anchor;   // pointer, page or byte offset of the value's start
  int64_t start = -1, end = -1;
  std::string quote;  // the sentence (or structured string) it was read from
};

// A text value with its provenance (title, summary, victims, a tag...).
struct Field {
  std::string value;
  Provenance provenance;
  bool empty() const { return value.empty(); }
};

// An ISO 8601 date or interval with its precision ("day", "month", "year").
struct DateField {
  std::string value;
  std::string precision;
  Provenance provenance;
  bool empty() const { return value.empty(); }
};

// A statistic: the finder's structured value and the text it was read from.
struct Figure {
  StatisticValue value;
  std::string text;
  Provenance provenance;
};

// A legal instrument by canonical name with its provision.
struct LegalBasis {
  std::string instrument;
  std::string provision;
  std::string description;  // what the provision says, when the record states it
  Provenance provenance;
};

// A work the record relies on: the member document itself, a source listed
// by the record, or a citation found in the text.
struct SourceRef {
  std::string kind;  // "document", "listed", "citation"
  std::string url, title, publisher, date;
  std::string text;  // the citation as written, for citations without a URL
  Provenance provenance;
};

struct TimelineEntry {
  std::string date;  // ISO 8601
  std::string precision;
  std::string title;
  std::string summary;  // the dated sentence, or the record's entry summary
  Provenance provenance;
};

// One document that contributed to the record.
struct MemberDocument {
  std::string id, path, sha256, locator, title, url, date;
  Format format = Format::kUnknown;
};

// Sources that disagree on a figure for the same subject and date.
struct Conflict {
  std::string kind;            // "figure"
  std::string subject;         // canonical subject class ("people returned", ...)
  std::string as_of;           // the reference date they share ("" if none stated)
  std::vector<Figure> claims;  // one per distinct value and document
};

// A disagreement inside one document between a structured field and its
// prose (a `date` no sentence supports, a count the summary contradicts).
struct Discrepancy {
  std::string code;     // "unsupported_date", "contradicted_figure", ...
  std::string pointer;  // JSON Pointer of the structured field
  std::string message;
  std::vector<Provenance> evidence;  // the prose that contradicts it, if any
};

struct IncidentRecord {
  std::string id;  // 16 hex digits: hash of the slug or the member ids
  std::string slug;
  std::string url;  // canonical URL, when one is known
  Field title;
  DateField date;
  std::string period_from, period_to;  // span of every date in the record
  Field summary, category, severity, victims, perpetrators, citation;
  std::vector<Field> tags;
  std::vector<Field> key_points;
  std::vector<std::string> terms;  // salient names and acronyms (merge keys)
  std::vector<Figure> figures;
  std::vector<LegalBasis> legal_basis;
  std::vector<SourceRef> sources;
  std::vector<TimelineEntry> timeline;
  std::vector<MemberDocument> documents;
  std::vector<Conflict> conflicts;
  std::vector<Discrepancy> discrepancies;
};

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_CORE_INCIDENT_H_
