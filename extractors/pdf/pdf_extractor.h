// PDF extractor: the text of a PDF in reading order, with page and box anchors.
//
// Poppler (its core API, see poppler_doc.h) opens the file and lists each
// page's words with their boxes and font sizes; LayOutPage turns them into ordered blocks; pages
// without a text layer are read by Tesseract (ExtractOptions::ocr). Pages are
// read on worker threads and stream through in order (see PageStream): each
// is written to the document once the running-header check has seen the few
// pages after it, then released, so memory follows the output text, not the
// page count; with ExtractOptions::part_bytes the text itself is handed on
// in parts, each ending with a page, so memory stays bounded. Running headers, footers and page numbers are left out (counted
// in a "running_headers_removed" warning), as are pleading-paper line numbers
// ("line_numbers_removed"); footnotes follow the body text of their page as
// Role::kFootnote segments labelled with their number.
//
// Raw text: lines of a block are joined by "\n" and blocks by "\n\n" (a
// kSeparator segment). Each block is one segment anchored to its page and
// its first line's box; each line is a BoxRun of it (Document::boxes) with
// the line's box (points from the top-left of the page), so every byte maps
// to its page and line box at the cost of one box per line. Segments are not
// linear (byte_offset -1). Line-end hyphens are kept for the normalizer.
//
// Errors: an encrypted file that needs a password is kEncrypted; a file that
// is not a PDF (HTML saved as .pdf), truncated or corrupt is kInvalidInput;
// an empty file is kEmpty. Poppler's own messages are kept off stderr.
//
// Example:
//   std::unique_ptr<Extractor> pdf = MakePdfExtractor();
//   Status s = pdf->Extract(input, ExtractOptions{}, sink);
#ifndef DOSSIER_EXTRACTORS_PDF_PDF_EXTRACTOR_H_
#define DOSSIER_EXTRACTORS_PDF_PDF_EXTRACTOR_H_

#include <memory>

#include "extractors/extractor.h"

namespace dossier {

// Returns the extractor for Format::kPdf, reading pages on `threads` worker
// threads (0: one per core, up to four). The text is the same for any count.
std::unique_ptr<Extractor> MakePdfExtractor(int threads = 0);

}  // namespace dossier

#endif  // DOSSIER_EXTRACTORS_PDF_PDF_EXTRACTOR_H_
