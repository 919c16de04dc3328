// Record mapping: one JSON object (an incident record, a JSON Lines line)
// becomes one Document's metadata, raw text and segments.
//
// Prose is told from structured fields by key and by value (ANNOTATION.md,
// "JSON documents"): a string that holds words is prose; a value that is
// only a date, a timestamp, a number, an identifier, a slug, an enum label
// or a URL is structured and feeds metadata instead. Known incident-record
// fields are put in reading order (title, summary, description, victims,
// ..., contentHtml, postureNote, citation); other prose follows in file
// order. Each prose string is one segment anchored at its JSON Pointer with
// byte offsets into the decoded string; HTML strings are turned into text
// blocks first. Parts are joined by "\n\n" separator segments.
//
// Example:
//   Document doc = NewDocument(input, "/records/3");
//   Status s = MapRecord(record, RecordPlace{"/records/3", 0}, doc);
#ifndef DOSSIER_EXTRACTORS_JSON_RECORD_MAPPER_H_
#define DOSSIER_EXTRACTORS_JSON_RECORD_MAPPER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "pipeline/core/document.h"
#include "pipeline/core/status.h"

namespace dossier::json_internal {

// Where a record sits: the JSON Pointer of the record object in the file
// ("" for the whole file or a JSON Lines line) and, for JSON Lines, the line.
struct RecordPlace {
  std::string pointer;
  int64_t line = 0;
};

// Fills `doc` (metadata, raw text, segments) from the object `record`.
// Returns kInvalidInput when `record` is not an object and kEmpty when it
// holds no prose.
Status MapRecord(const nlohmann::ordered_json& record, const RecordPlace& place, Document& doc);

// Fills `doc` from one JSON Lines object: when it has a `text`, `content` or
// `body` string, that is the content and `id`, `title`, `date`, `url` are
// metadata; otherwise the object is mapped by MapRecord.
Status MapLineObject(const nlohmann::ordered_json& object, int64_t line, Document& doc);

// Returns whether the string `value` under `key` is prose (see above).
bool IsProse(std::string_view key, std::string_view value);

// Returns whether `key` names a structured field whatever its value
// ("id", "slug", "createdAt", "categoryLabel", "tags", ...).
bool IsStructuredKey(std::string_view key);

// Returns the ISO 8601 form of a display date ("January 21, 2025" ->
// "2025-01-21", "March 2020" -> "2020-03"), or "" if it is not one.
std::string ParseDisplayDate(std::string_view s);

// Returns `token` escaped for a JSON Pointer ("~" -> "~0", "/" -> "~1").
std::string EscapePointerToken(std::string_view token);

}  // namespace dossier::json_internal

#endif  // DOSSIER_EXTRACTORS_JSON_RECORD_MAPPER_H_
