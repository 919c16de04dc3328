// JSON and JSON Lines extractors: incident dumps and record streams.
//
// JSON: the file is streamed through nlohmann's SAX parser; every record
// (see record_stream.h for the layouts) becomes one Document whose locator
// is the record's JSON Pointer. JSON Lines: one Document per non-blank line,
// locator "line:N"; a malformed line is rejected and the others go on.
// Either way a record's prose is mapped by MapRecord (record_mapper.h).
//
// Example:
//   auto x = MakeJsonExtractor();
//   Status s = x->Extract(input, options, sink);  // one Accept per record
#ifndef DOSSIER_EXTRACTORS_JSON_JSON_EXTRACTOR_H_
#define DOSSIER_EXTRACTORS_JSON_JSON_EXTRACTOR_H_

#include <memory>

#include "extractors/extractor.h"

namespace dossier {

// Returns the extractor for Format::kJson.
std::unique_ptr<Extractor> MakeJsonExtractor();

// Returns the extractor for Format::kJsonLines.
std::unique_ptr<Extractor> MakeJsonLinesExtractor();

}  // namespace dossier

#endif  // DOSSIER_EXTRACTORS_JSON_JSON_EXTRACTOR_H_
