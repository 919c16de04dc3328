// JSON forms of the core types: the record format every sink writes and
// schemas/document.schema.json describes. The one place that knows field
// names, so that a rename happens once.
#ifndef DOSSIER_PIPELINE_CORE_JSON_IO_H_
#define DOSSIER_PIPELINE_CORE_JSON_IO_H_

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "pipeline/core/document.h"
#include "pipeline/core/error_record.h"
#include "pipeline/core/incident.h"

namespace dossier {

// Version of the document record format; bumped on incompatible changes.
inline constexpr const char* kDocumentRecordVersion = "1.1";  // 1.1: note_refs

struct RecordOptions {
  bool include_text = true;       // the normalized text itself
  bool include_segments = true;   // the block map onto the source
  bool include_sentences = true;  // sentence ranges
};

// Returns the JSON form of one source position.
nlohmann::json ToJson(const SourceAnchor& anchor);
// Returns the JSON form of one entity: type, text, offsets, source anchors,
// sentence and the kind's value fields flattened beside them.
nlohmann::json ToJson(const Entity& entity);
// Returns the document record.
nlohmann::json ToJson(const Document& doc, const RecordOptions& options = {});
// Returns the document record without its entities (an empty array): what a
// validator checks before it checks each entity's ToJson on its own.
nlohmann::json DocumentSkeleton(const Document& doc, const RecordOptions& options = {});
// Calls `emit` with the JSON of each block of the record, in order (a
// segment, or one per box of a segment drawn in several): what a validator
// checks one by one against the "document/block" definition.
void ForEachBlockJson(const Document& doc, const std::function<void(const nlohmann::json&)>& emit);
// Writes the document record as one JSON Lines line through `emit`, a piece
// at a time: the bytes of Line(ToJson(doc, options)), without ever holding
// the whole record (a long document's text, blocks, sentences and entities)
// as one JSON value.
void WriteDocumentLine(const Document& doc, const RecordOptions& options,
                       const std::function<void(std::string_view)>& emit);
// Returns `value` as one JSON Lines line. Records may hold any text the
// source had; invalid UTF-8 is replaced, never thrown on.
std::string Line(const nlohmann::json& value);
// Returns the error record.
nlohmann::json ToJson(const ErrorRecord& error);
// Returns the incident record (schemas/incident.schema.json); empty values
// are left out.
nlohmann::json ToJson(const IncidentRecord& incident);

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_CORE_JSON_IO_H_
