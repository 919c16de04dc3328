// ExtractorRegistry: which extractor reads which format.
//
// Example:
//   const Extractor* x = ExtractorRegistry::Default().For(Format::kPdf);
#ifndef DOSSIER_EXTRACTORS_REGISTRY_H_
#define DOSSIER_EXTRACTORS_REGISTRY_H_

#include <memory>
#include <vector>

#include "extractors/extractor.h"

namespace dossier {

class ExtractorRegistry {
 public:
  // Returns the registry holding every built-in extractor (built once,
  // shared read-only across threads).
  static const ExtractorRegistry& Default();

  // Adds `extractor`; a later one for the same format replaces the earlier.
  void Add(std::unique_ptr<Extractor> extractor);
  // Returns the extractor for `format`, or nullptr.
  const Extractor* For(Format format) const;

 private:
  std::vector<std::unique_ptr<Extractor>> extractors_;
};

}  // namespace dossier

#endif  // DOSSIER_EXTRACTORS_REGISTRY_H_
