// PageStream: the pages of a PDF read and laid out on worker threads, handed
// back one at a time in page order.
//
// Poppler's document objects are not safe to share between threads, so the
// first worker reads the caller's document and each further worker opens
// its own from the same source; a worker keeps one PageReader (and so one
// TextOutputDev) for all its pages. Each worker has its own Tesseract for
// pages without a text layer. Workers run at most `window` pages ahead of
// the consumer, so memory holds a few laid-out pages whatever the page
// count. With one thread, pages are read on the caller's thread as it asks
// for them. Poppler's errors go to the stream's PopplerErrors, counted once
// per distinct message, so a damaged catalog that every worker's document
// reports counts once, as it does with one thread.
//
// Example:
//   PageStream pages(source, *doc, doc->getNumPages(), {.ocr = true, .threads = 2}, &errors);
//   ReadPage page;
//   while (pages.Next(page)) Write(page.layout);
#ifndef DOSSIER_EXTRACTORS_PDF_PAGE_STREAM_H_
#define DOSSIER_EXTRACTORS_PDF_PAGE_STREAM_H_

#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "extractors/pdf/page_layout.h"
#include "extractors/pdf/poppler_doc.h"

class PDFDoc;

namespace dossier::pdf {

// One page as the stream hands it back.
struct ReadPage {
  int index = 0;             // 0-based
  PageLayout layout;
  bool unreadable = false;   // Poppler could not load the page
  bool ocred = false;        // words came from Tesseract
  std::vector<std::pair<std::string, std::string>> notes;  // warning code, message
};

struct PageStreamOptions {
  bool ocr = true;           // OCR pages with (almost) no text layer
  int threads = 1;           // workers; 1 reads on the caller's thread
  int window = 8;            // pages read ahead of the consumer, at most
};

class PageStream {
 public:
  // Reads `page_count` pages of `doc`, opened from `source`; both must
  // outlive the stream, as must `errors` (where Poppler's errors go).
  PageStream(const PdfSource& source, PDFDoc& doc, int page_count, PageStreamOptions options,
             PopplerErrors* errors);
  ~PageStream();
  PageStream(const PageStream&) = delete;
  PageStream& operator=(const PageStream&) = delete;

  // Returns the next page in order in `out`; false once all were returned.
  bool Next(ReadPage& out);

 private:
  struct Worker;
  void Run(Worker* worker);

  const int page_count_;
  const PageStreamOptions options_;
  PopplerErrors* errors_;
  std::vector<std::unique_ptr<Worker>> workers_;
  std::vector<std::thread> threads_;

  std::mutex mu_;
  std::condition_variable ready_;    // a page was stored
  std::condition_variable room_;     // the consumer took a page
  int next_claim_ = 0;               // next page a worker takes
  int next_out_ = 0;                 // next page Next returns
  bool stopping_ = false;
  std::map<int, ReadPage> done_;     // read, not yet returned
};

}  // namespace dossier::pdf

#endif  // DOSSIER_EXTRACTORS_PDF_PAGE_STREAM_H_
