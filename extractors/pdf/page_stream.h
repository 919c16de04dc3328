// PageStream: the pages of a PDF read and laid out on worker threads, handed
// back one at a time in page order.
//
// Workers share the caller's poppler::document: Poppler locks its catalog
// and cross-reference table, and lays out each page's text over a copy of
// the cross-reference table (as it does when rendering pages on threads), so
// pages of one document may be read at once; a document per worker would
// repeat Poppler's page-count-sized tables. Each worker has its own
// Tesseract for pages without a text layer. Workers run
// at most `window` pages ahead of the consumer, so memory holds a few laid-
// out pages whatever the page count. With one thread, pages are read on the
// caller's thread as it asks for them.
//
// Poppler reports syntax errors through one process-wide callback;
// InstallPopplerErrorCounter routes them, instead of to stderr, to the
// PopplerErrors of the thread's current PopplerErrorScope. Errors are counted
// once per distinct message, so a damaged catalog that every worker's
// document reports counts once, as it does with one thread.
//
// Example:
//   PageStream pages(*doc, doc->pages(), {.ocr = true, .threads = 2}, &errors);
//   ReadPage page;
//   while (pages.Next(page)) Write(page.layout);
#ifndef DOSSIER_EXTRACTORS_PDF_PAGE_STREAM_H_
#define DOSSIER_EXTRACTORS_PDF_PAGE_STREAM_H_

#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "extractors/pdf/page_layout.h"

namespace poppler {
class document;
}

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

// Installs the process-wide Poppler error callback (once).
void InstallPopplerErrorCounter();

// The distinct Poppler error messages of one document; thread-safe.
class PopplerErrors {
 public:
  void Add(const std::string& message);
  // Returns the number of distinct messages.
  int count() const;

 private:
  static constexpr size_t kMaxKept = 1000;  // a badly broken file: stop counting
  mutable std::mutex mu_;
  std::set<std::string> seen_;
};

// Sends the Poppler errors raised on this thread, while it lives, to `sink`
// (nullptr: dropped).
class PopplerErrorScope {
 public:
  explicit PopplerErrorScope(PopplerErrors* sink);
  ~PopplerErrorScope();
  PopplerErrorScope(const PopplerErrorScope&) = delete;
  PopplerErrorScope& operator=(const PopplerErrorScope&) = delete;

 private:
  PopplerErrors* previous_;
};

class PageStream {
 public:
  // Reads `page_count` pages of `doc`, which must outlive the stream, as
  // must `errors` (where Poppler's errors go).
  PageStream(const poppler::document& doc, int page_count, PageStreamOptions options, PopplerErrors* errors);
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
