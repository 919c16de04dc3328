// Format: what kind of document a file holds, detected from its bytes.
#ifndef DOSSIER_PIPELINE_CORE_FORMAT_H_
#define DOSSIER_PIPELINE_CORE_FORMAT_H_

#include <string_view>

namespace dossier {

enum class Format {
  kUnknown = 0,
  kPdf,
  kHtml,
  kJson,
  kJsonLines,
  kMarkdown,
  kText,
};

// Returns the stable lower-case name used in records ("pdf", "jsonl", ...).
std::string_view FormatName(Format format);

// Returns the format named `name`, or kUnknown.
Format FormatFromName(std::string_view name);

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_CORE_FORMAT_H_
