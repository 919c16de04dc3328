#include "extractors/extractor.h"

#include "pipeline/core/hash.h"

namespace dossier {

Document NewDocument(const Input& input, std::string locator) {
  Document doc;
  doc.source_path = input.path;
  doc.sha256 = input.sha256;
  doc.format = input.format;
  doc.id = DocumentId(input.sha256, locator);
  doc.locator = std::move(locator);
  return doc;
}

}  // namespace dossier
