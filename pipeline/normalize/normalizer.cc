// INTERIM: identity normalization until the ICU implementation lands.
#include "pipeline/normalize/normalizer.h"

namespace dossier {

struct TextNormalizer::Impl {};

TextNormalizer::TextNormalizer(NormalizeOptions options) : options_(std::move(options)) {}
TextNormalizer::~TextNormalizer() = default;

NormalizedText TextNormalizer::NormalizeText(std::string_view raw) const {
  NormalizedText out;
  out.text = std::string(raw);
  out.offsets.AddUnchanged(raw.size());
  return out;
}

std::vector<TextRange> TextNormalizer::SplitSentences(std::string_view text) const {
  return {{0, text.size()}};
}

Status TextNormalizer::Normalize(Document& doc) const {
  NormalizedText n = NormalizeText(doc.raw_text);
  doc.text = std::move(n.text);
  doc.offsets = std::move(n.offsets);
  doc.sentences = SplitSentences(doc.text);
  return Status::Ok();
}

}  // namespace dossier
