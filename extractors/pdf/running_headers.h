// RunningHeaders: finds running headers, footers and page numbers.
//
// A line in a page's top or bottom margin (LaidLine::margin) is dropped when
// it reads like a page number ("12", "- 12 -", "Page 3 of 40", "iv"), or when
// the same text, digits aside, sits in the same margin on several pages
// ("Case 1:20-cv-01 Document 5 Filed 01/02/20 Page 3 of 10"). Only the margin
// lines of each page are kept, so memory stays small for long documents.
//
// Example:
//   RunningHeaders headers;
//   for (const PageLayout& p : pages) headers.AddPage(p);
//   headers.Seal(pages.size());
//   if (headers.Drop(line)) ...
#ifndef DOSSIER_EXTRACTORS_PDF_RUNNING_HEADERS_H_
#define DOSSIER_EXTRACTORS_PDF_RUNNING_HEADERS_H_

#include <string>
#include <string_view>
#include <unordered_map>

#include "extractors/pdf/page_layout.h"

namespace dossier::pdf {

// Returns true when `text` reads like a page number on its own.
bool IsPageNumber(std::string_view text);

// Returns `text` with digits folded ("Page 3 of 10" -> "page#of#"), letters
// lower-cased and spaces and punctuation dropped: the same on every page.
std::string MarginSignature(std::string_view text);

class RunningHeaders {
 public:
  // Counts the margin lines of one page (each text once per page and side).
  void AddPage(const PageLayout& page);
  // Fixes the repeat threshold once every page has been added.
  void Seal(int page_count);
  // Returns true when `line` is a running header, footer or page number.
  bool Drop(const LaidLine& line) const;

 private:
  std::unordered_map<std::string, int> counts_;  // side + signature -> pages
  int threshold_ = 2;
};

}  // namespace dossier::pdf

#endif  // DOSSIER_EXTRACTORS_PDF_RUNNING_HEADERS_H_
