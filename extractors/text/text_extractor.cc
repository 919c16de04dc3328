#include "extractors/text/text_extractor.h"

namespace dossier {

namespace {

class TextExtractor final : public Extractor {
 public:
  Format format() const override { return Format::kText; }

  Status Extract(const Input& input, const ExtractOptions& options,
                 DocumentSink& sink) const override {
    Result<std::string> bytes = ReadAll(input, options.max_document_bytes);
    if (!bytes.ok()) return bytes.status();
    Document doc = NewDocument(input);
    doc.raw_text = std::move(*bytes);
    Segment all;
    all.end = doc.raw_text.size();
    all.anchor.byte_offset = 0;
    doc.segments.push_back(all);
    sink.Accept(std::move(doc));
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeTextExtractor() { return std::make_unique<TextExtractor>(); }

}  // namespace dossier
