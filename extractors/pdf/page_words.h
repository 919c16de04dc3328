// PageReader: a Poppler page's words as PdfWords, right-to-left words in
// logical order, all in one upright reading frame.
//
// Poppler reports each word's rotation in quarter turns; the page is read in
// the rotation most of its text has (a landscape table on a portrait page)
// and words in other rotations (a vertical arXiv stamp in the margin) are
// left out.
//
// Poppler's TextOutputDev finds the words, as pdftotext's does; one reader
// keeps one for all the pages of a document, so colour spaces and fonts
// parsed for one page serve the next. Not thread-safe: one per thread, each
// on its own PDFDoc.
//
// Example:
//   PageReader reader(*doc);
//   std::optional<PageWords> words = reader.Read(0);
//   if (words) LayOutPage(std::move(words->words), words->width, words->height);
#ifndef DOSSIER_EXTRACTORS_PDF_PAGE_WORDS_H_
#define DOSSIER_EXTRACTORS_PDF_PAGE_WORDS_H_

#include <memory>
#include <optional>
#include <vector>

#include "extractors/pdf/page_layout.h"

class PDFDoc;
class TextOutputDev;

namespace dossier::pdf {

struct PageWords {
  std::vector<PdfWord> words;
  double width = 0, height = 0;  // of the reading frame, in points
  int letters = 0;               // non-space characters on the page
  int dropped_rotated = 0;       // words left out for their rotation
};

class PageReader {
 public:
  // Reads pages of `doc`, which must outlive the reader.
  explicit PageReader(PDFDoc& doc);
  ~PageReader();
  PageReader(const PageReader&) = delete;
  PageReader& operator=(const PageReader&) = delete;

  // Returns the words of page `index` (0-based), or nothing when Poppler
  // cannot load the page.
  std::optional<PageWords> Read(int index);

 private:
  PDFDoc& doc_;
  std::unique_ptr<TextOutputDev> text_;
};

}  // namespace dossier::pdf

#endif  // DOSSIER_EXTRACTORS_PDF_PAGE_WORDS_H_
