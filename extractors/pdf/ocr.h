// PageOcr: reads a PDF page that has no text layer (a scan) with Tesseract.
//
// The page is rendered with Poppler's Splash at 300 dpi in gray and handed to
// Tesseract; the words come back with their boxes converted to points, so the
// same layout code orders them as it orders a text layer. Tesseract lives
// in a module (ocr_engine.h) loaded on the first page that needs it, and
// starts then (loading its models takes a while); it is reused for the rest
// of the document. Not thread-safe: one per document.
//
// Example:
//   PageOcr ocr("eng+spa");
//   Result<std::vector<PdfWord>> words = ocr.Read(*doc, 0);
#ifndef DOSSIER_EXTRACTORS_PDF_OCR_H_
#define DOSSIER_EXTRACTORS_PDF_OCR_H_

#include <memory>
#include <string>
#include <vector>

#include "extractors/pdf/page_layout.h"
#include "pipeline/core/status.h"

class PDFDoc;

namespace dossier::pdf {

class PageOcr {
 public:
  // `languages` in Tesseract's form ("eng", "eng+spa"); languages whose data
  // is not installed are left out.
  explicit PageOcr(std::string languages);
  ~PageOcr();
  PageOcr(const PageOcr&) = delete;
  PageOcr& operator=(const PageOcr&) = delete;

  // Returns the words Tesseract reads on page `index` (0-based) of `doc`,
  // boxes in points.
  Result<std::vector<PdfWord>> Read(PDFDoc& doc, int index);

 private:
  Status Start();

  std::string languages_;
  void* engine_ = nullptr;  // from the module's start function
  std::string failure_;     // why the engine could not start, once it could not
};

}  // namespace dossier::pdf

#endif  // DOSSIER_EXTRACTORS_PDF_OCR_H_
