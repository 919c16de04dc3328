// PageWords: a Poppler page's words as PdfWords, right-to-left words in
// logical order, all in one upright reading frame.
//
// Poppler reports each word's rotation in quarter turns; the page is read in
// the rotation most of its text has (a landscape table on a portrait page)
// and words in other rotations (a vertical arXiv stamp in the margin) are
// left out.
//
// Example:
//   PageWords words = ReadPageWords(*page);
//   LayOutPage(std::move(words.words), words.width, words.height);
#ifndef DOSSIER_EXTRACTORS_PDF_PAGE_WORDS_H_
#define DOSSIER_EXTRACTORS_PDF_PAGE_WORDS_H_

#include <string>
#include <vector>

#include "extractors/pdf/page_layout.h"

namespace poppler {
class page;
}

namespace dossier::pdf {

struct PageWords {
  std::vector<PdfWord> words;
  double width = 0, height = 0;  // of the reading frame, in points
  int letters = 0;               // non-space characters on the page
  int dropped_rotated = 0;       // words left out for their rotation
};

// Returns the words of `page`.
PageWords ReadPageWords(const poppler::page& page);

// Returns UTF-16 `s` (as Poppler's ustring holds it) as code points.
std::u32string CodePointsOf(const std::basic_string<unsigned short>& s);

// Returns code points `s` as UTF-8.
std::string Utf8Of(std::u32string_view s);

}  // namespace dossier::pdf

#endif  // DOSSIER_EXTRACTORS_PDF_PAGE_WORDS_H_
