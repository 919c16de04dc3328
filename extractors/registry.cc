#include "extractors/registry.h"

#include "extractors/html/html_extractor.h"
#include "extractors/json/json_extractor.h"
#include "extractors/markdown/markdown_extractor.h"
#include "extractors/pdf/pdf_extractor.h"
#include "extractors/text/text_extractor.h"

namespace dossier {

const ExtractorRegistry& ExtractorRegistry::Default() {
  static const ExtractorRegistry* registry = [] {
    auto* r = new ExtractorRegistry;
    r->Add(MakeTextExtractor());
    r->Add(MakeHtmlExtractor());
    r->Add(MakeJsonExtractor());
    r->Add(MakeJsonLinesExtractor());
    r->Add(MakeMarkdownExtractor());
    // One page thread: poppler-cpp does not document concurrent page access
    // to one document as safe, and a crash must not take a batch down. Batch
    // parallelism comes from worker processes, one document each.
    r->Add(MakePdfExtractor(1));
    return r;
  }();
  return *registry;
}

void ExtractorRegistry::Add(std::unique_ptr<Extractor> extractor) {
  for (auto& x : extractors_) {
    if (x->format() == extractor->format()) {
      x = std::move(extractor);
      return;
    }
  }
  extractors_.push_back(std::move(extractor));
}

const Extractor* ExtractorRegistry::For(Format format) const {
  for (const auto& x : extractors_) {
    if (x->format() == format) return x.get();
  }
  return nullptr;
}

}  // namespace dossier
