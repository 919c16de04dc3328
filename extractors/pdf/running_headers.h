// RunningHeaders: finds running headers, footers and page numbers.
//
// A line in a page's top or bottom margin (LaidLine::margin) is dropped when
// it reads like a page number ("12", "- 12 -", "Page 3 of 40", "iv"), when
// it shares its margin band with one (LaidLine::beside_page_number), or when
// the same text, digits aside, sits in the same margin on several pages
// ("Case 1:20-cv-01 Document 5 Filed 01/02/20 Page 3 of 10").
//
// Pages stream through: the decision for a page counts every page before it
// and kLookahead pages after it, so a caller holds back only that many laid-
// out pages (enough for a header that alternates between left and right
// pages to be seen three times). Only margin-line signatures are counted, so
// memory stays small for long documents.
//
// Example:
//   RunningHeaders headers(page_count);
//   headers.AddPage(page[p + RunningHeaders::kLookahead]);  // then decide p
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
  // Pages added after a page before its lines are judged.
  static constexpr int kLookahead = 6;

  // `page_count` sets how many repeats make a running header.
  explicit RunningHeaders(int page_count);
  // Counts the margin lines of one page (each text once per page and side).
  void AddPage(const PageLayout& page);
  // Returns true when `line` is a running header, footer or page number,
  // judged on the pages added so far.
  bool Drop(const LaidLine& line) const;

 private:
  std::unordered_map<std::string, int> counts_;  // side + signature -> pages
  int threshold_ = 2;
};

}  // namespace dossier::pdf

#endif  // DOSSIER_EXTRACTORS_PDF_RUNNING_HEADERS_H_
