// ErrorRecord: why one input (or one document in it) could not be processed.
//
// One of these goes to stderr as a line and to errors.jsonl as an object;
// the batch goes on without the document.
#ifndef DOSSIER_PIPELINE_CORE_ERROR_RECORD_H_
#define DOSSIER_PIPELINE_CORE_ERROR_RECORD_H_

#include <string>

#include "pipeline/core/format.h"
#include "pipeline/core/status.h"

namespace dossier {

struct ErrorRecord {
  std::string path;
  std::string locator;  // JSON Pointer or line of the failing document, if any
  Format format_guess = Format::kUnknown;
  std::string stage;    // read, detect, extract, normalize, find, validate, write
  StatusCode code = StatusCode::kInternal;
  std::string reason;

  // Returns the one-line form for stderr: "dossier: PATH: STAGE: REASON".
  std::string ToLine() const;
};

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_CORE_ERROR_RECORD_H_
