#include "extractors/pdf/page_stream.h"

#include <PDFDoc.h>

#include <algorithm>
#include <exception>
#include <optional>

#include "extractors/pdf/ocr.h"
#include "extractors/pdf/page_words.h"

namespace dossier::pdf {

namespace {

constexpr int kOcrMinLetters = 12;  // fewer characters on a page: treat it as a scan
constexpr char kOcrLanguages[] = "eng+spa";

}  // namespace

struct PageStream::Worker {
  std::unique_ptr<PDFDoc> own_doc;  // workers after the first
  PDFDoc* doc = nullptr;
  std::unique_ptr<PageReader> reader;
  std::unique_ptr<PageOcr> ocr;
  bool ocr_enabled = true;

  // Returns page `p` read and laid out.
  ReadPage Read(int p) {
    ReadPage out;
    out.index = p;
    const std::string where = "page " + std::to_string(p + 1);
    std::optional<PageWords> read_words = reader ? reader->Read(p) : std::nullopt;
    if (!read_words) {
      out.unreadable = true;
      out.notes.emplace_back("page_unreadable", where + " could not be read");
      return out;
    }
    PageWords& words = *read_words;
    if (words.letters < kOcrMinLetters) {
      if (!ocr_enabled) {
        if (words.letters == 0) out.notes.emplace_back("no_text", where + " has no text layer (OCR is off)");
      } else {
        if (!ocr) ocr = std::make_unique<PageOcr>(kOcrLanguages);
        Result<std::vector<PdfWord>> read = ocr->Read(*doc, p);
        if (read.ok()) {
          words.words = std::move(*read);
          out.ocred = true;
          out.notes.emplace_back("ocr", where + " has no text layer: read by OCR");
        } else {
          out.notes.emplace_back("ocr_failed", where + ": " + read.status().message());
        }
      }
    }
    out.layout = LayOutPage(std::move(words.words), words.width, words.height);
    return out;
  }

  // Returns Read(p), a failure of the page instead of an exception.
  ReadPage ReadSafely(int p) {
    try {
      return Read(p);
    } catch (const std::exception& e) {
      return Failed(p, e.what());
    } catch (...) {  // a worker thread must never end in std::terminate
      return Failed(p, "unknown failure");
    }
  }

  static ReadPage Failed(int p, const std::string& why) {
    ReadPage out;
    out.index = p;
    out.unreadable = true;
    out.notes.emplace_back("page_unreadable", "page " + std::to_string(p + 1) + ": " + why);
    return out;
  }
};

PageStream::PageStream(const PdfSource& source, PDFDoc& doc, int page_count, PageStreamOptions options,
                       PopplerErrors* errors)
    : page_count_(page_count), options_(options), errors_(errors) {
  PopplerErrorScope scope(errors_);
  const int threads = std::max(1, std::min(options_.threads, page_count));
  for (int i = 0; i < threads; ++i) {
    auto w = std::make_unique<Worker>();
    if (i == 0) {
      w->doc = &doc;
    } else {
      w->own_doc = OpenPdf(source);
      w->doc = w->own_doc.get();
    }
    // A worker whose copy does not open reads no page: its pages come back
    // unreadable, with the reason, instead of failing the document.
    if (w->doc->isOk()) w->reader = std::make_unique<PageReader>(*w->doc);
    w->ocr_enabled = options_.ocr;
    workers_.push_back(std::move(w));
  }
  if (threads > 1) {
    for (auto& w : workers_) threads_.emplace_back(&PageStream::Run, this, w.get());
  }
}

PageStream::~PageStream() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  room_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void PageStream::Run(Worker* worker) {
  PopplerErrorScope errors(errors_);
  const int window = std::max(options_.window, static_cast<int>(workers_.size()));
  while (true) {
    int p;
    {
      std::unique_lock<std::mutex> lock(mu_);
      room_.wait(lock, [&] { return stopping_ || next_claim_ >= page_count_ || next_claim_ < next_out_ + window; });
      if (stopping_ || next_claim_ >= page_count_) return;
      p = next_claim_++;
    }
    ReadPage page = worker->ReadSafely(p);
    {
      std::lock_guard<std::mutex> lock(mu_);
      done_.emplace(p, std::move(page));
    }
    ready_.notify_all();
  }
}

bool PageStream::Next(ReadPage& out) {
  if (next_out_ >= page_count_) return false;
  if (threads_.empty()) {
    PopplerErrorScope errors(errors_);
    out = workers_.front()->ReadSafely(next_out_++);
    return true;
  }
  {
    std::unique_lock<std::mutex> lock(mu_);
    ready_.wait(lock, [&] { return done_.count(next_out_) > 0; });
    auto it = done_.find(next_out_);
    out = std::move(it->second);
    done_.erase(it);
    ++next_out_;
  }
  room_.notify_all();
  return true;
}

}  // namespace dossier::pdf
