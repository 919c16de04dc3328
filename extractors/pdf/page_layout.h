// PageLayout: the reading order of the words of one PDF page.
//
// Poppler hands over positioned words; this file groups them into lines
// (row pieces split at wide gaps, so two columns never share a line), lines
// into blocks (paragraphs, table rows, footnotes) and orders the blocks as a
// reader would: column by column, a full-width heading before the columns
// under it, table rows left to right, footnotes after the body. Footnote
// markers (small raised digits) are taken out of the body text, each kept
// as a NoteMark on its line (so the text links to its note); footnotes
// become their own blocks labelled with their number. The line numbers of
// pleading paper (1, 2, 3, ... down the margin beside the text) are dropped.
// Text left as glyph numbers by a font without a Unicode map (29 below the
// characters: "WKH" for "the") is shifted back. The code knows nothing
// about Poppler, so tests lay out pages built by hand.
//
// Example:
//   std::vector<PdfWord> words = ...;  // from PageReader::Read
//   PageLayout page = LayOutPage(std::move(words), 612, 792);
//   for (const LaidBlock& b : page.blocks) Print(b.role, b.lines);
#ifndef DOSSIER_EXTRACTORS_PDF_PAGE_LAYOUT_H_
#define DOSSIER_EXTRACTORS_PDF_PAGE_LAYOUT_H_

#include <string>
#include <vector>

#include "pipeline/core/segment.h"
#include "pipeline/core/span.h"

namespace dossier::pdf {

// One word as drawn: text in logical order, box in points from the top-left.
struct PdfWord {
  std::string text;  // UTF-8
  Box box;
  double font_size = 0;
  bool space_after = false;  // Poppler saw a space or gap after it
  bool rtl = false;          // holds right-to-left letters (Arabic, Hebrew)
  std::vector<std::string> marks;  // footnote markers drawn just after it, taken out
};

// A footnote marker taken out of a line's text: where it stood (a byte
// offset into the line's text, just after the word it followed) and its
// label.
struct NoteMark {
  size_t offset = 0;
  std::string label;
};

// Where a line sits relative to the page's text, for running-header removal.
enum class Margin { kNone = 0, kTop, kBottom };

// One line of a block, its text ready for output.
struct LaidLine {
  std::string text;
  Box box;
  double font_size = 0;
  Margin margin = Margin::kNone;  // among the first/last lines of the page
  bool beside_page_number = false;  // in a margin band that holds a page number
  std::vector<NoteMark> marks;      // footnote markers taken out, in text order
};

struct LaidBlock {
  std::vector<LaidLine> lines;
  Box box;
  Role role = Role::kBody;
  std::string label;  // footnote number
};

struct PageLayout {
  std::vector<LaidBlock> blocks;  // body in reading order, then footnotes
  int markers_dropped = 0;        // footnote markers taken out of the body
  int line_numbers_dropped = 0;   // pleading-paper line numbers in the margin
};

// Returns the blocks of a page of `width` x `height` points holding `words`.
PageLayout LayOutPage(std::vector<PdfWord> words, double width, double height);

}  // namespace dossier::pdf

#endif  // DOSSIER_EXTRACTORS_PDF_PAGE_LAYOUT_H_
