// Extractor: turns the bytes of one source file into Documents.
//
// One extractor per format (extractors/<format>/), registered in
// registry.cc. An extractor fills a Document's identity, metadata, raw text
// and segments (the map from raw text to source anchors) and nothing else:
// normalization and finding come later, in other stages.
//
// A file may hold many documents (a JSON dump, JSON Lines); each is handed
// to the sink as soon as it is complete, so a multi-gigabyte dump is never
// held in memory at once. A document that fails goes to the sink's Reject
// with its locator and the rest go on; a file that fails as a whole makes
// Extract return the status.
//
// Example:
//   const Extractor* x = ExtractorRegistry::Default().For(input.format);
//   Status s = x->Extract(input, options, sink);
#ifndef DOSSIER_EXTRACTORS_EXTRACTOR_H_
#define DOSSIER_EXTRACTORS_EXTRACTOR_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "extractors/input.h"
#include "pipeline/core/document.h"
#include "pipeline/core/status.h"

namespace dossier {

struct ExtractOptions {
  bool ocr = true;                         // OCR PDF pages with no text layer
  int64_t max_document_bytes = 512 << 20;  // larger inputs are refused (kLimit)
  // When > 0, an extractor may hand a long document over in parts of about
  // this many bytes of raw text (Document::part), each cut between blocks,
  // so a consumer that only streams the text (`dossier text`) holds one
  // part, not the whole document. 0: whole documents only.
  size_t part_bytes = 0;
  // A web page's headline opens its text (as Role::kTitle) and its figure
  // captions stay in it, so their entities are found: ANNOTATION.md counts
  // titles and captions as content. Off for `dossier text`, whose main-text
  // output benchmarks score without a repeated headline or captions.
  bool headline_and_captions = true;
};

// Receives the documents of one input as they are extracted.
class DocumentSink {
 public:
  virtual ~DocumentSink() = default;
  // Takes a complete document (identity, metadata, raw text, segments).
  virtual void Accept(Document doc) = 0;
  // Records that the document at `locator` could not be extracted.
  virtual void Reject(const std::string& locator, const Status& why) = 0;
};

class Extractor {
 public:
  virtual ~Extractor() = default;
  // Returns the format this extractor reads.
  virtual Format format() const = 0;
  // Extracts every document in `input` into `sink`. Returns non-ok only when
  // the file as a whole cannot be read (the sink may have had some documents).
  virtual Status Extract(const Input& input, const ExtractOptions& options,
                         DocumentSink& sink) const = 0;
};

// Returns a Document with identity fields filled from `input` and `locator`.
Document NewDocument(const Input& input, std::string locator = "");

}  // namespace dossier

#endif  // DOSSIER_EXTRACTORS_EXTRACTOR_H_
