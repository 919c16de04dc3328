// Format detection from content, never from the file name: a ".txt" may be
// a JSON dump, a ".html" a PDF.
//
// Example:
//   Detection d = DetectFormat(input.head);
//   if (d.format == Format::kUnknown) Report(d.reason);
#ifndef DOSSIER_EXTRACTORS_DETECT_H_
#define DOSSIER_EXTRACTORS_DETECT_H_

#include <string>
#include <string_view>

#include "pipeline/core/format.h"

namespace dossier {

struct Detection {
  Format format = Format::kUnknown;
  // Why: the evidence for the format, or for unknown what the bytes are
  // ("empty file", "binary data: NUL bytes", ...).
  std::string reason;
};

// Returns the format of a file whose first bytes are `head`; `total_size` is
// the whole file's size (a head shorter than it is a truncated view).
Detection DetectFormat(std::string_view head, int64_t total_size);

}  // namespace dossier

#endif  // DOSSIER_EXTRACTORS_DETECT_H_
