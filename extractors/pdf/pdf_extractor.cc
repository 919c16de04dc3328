#include "extractors/pdf/pdf_extractor.h"

#include <ErrorCodes.h>
#include <PDFDoc.h>

#include <algorithm>
#include <cctype>
#include <deque>
#include <exception>
#include <new>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "extractors/pdf/page_layout.h"
#include "extractors/pdf/page_stream.h"
#include "extractors/pdf/poppler_doc.h"
#include "extractors/pdf/running_headers.h"

namespace dossier {

namespace {

using pdf::LaidBlock;
using pdf::LaidLine;
using pdf::PageLayout;
using pdf::PageStream;
using pdf::PageStreamOptions;
using pdf::PopplerErrorScope;
using pdf::ReadPage;

// Returns a title that is only a producer's file name ("Microsoft Word -
// report.docx", "untitled") as unusable.
bool UsableTitle(std::string_view title) {
  if (title.empty() || title.starts_with("Microsoft Word - ")) return false;
  for (std::string_view ext : {".doc", ".docx", ".pdf", ".indd", ".tex", ".dvi"}) {
    if (title.ends_with(ext)) return false;
  }
  return title != "untitled" && title != "Untitled";
}

// Returns why `head` (the first bytes of a file) is not a PDF, or "" when it
// looks like one.
std::string NotPdfReason(std::string_view head) {
  if (head.substr(0, 1024).find("%PDF-") != std::string_view::npos) return "";
  size_t i = 0;
  while (i < head.size() && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) ++i;
  std::string start(head.substr(i, 64));
  for (char& c : start) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (start.starts_with("<!doctype html") || start.starts_with("<html") || start.starts_with("<?xml") ||
      start.starts_with("<")) {
    return "not a PDF: the file is HTML or XML (no %PDF- header)";
  }
  return "not a PDF: no %PDF- header";
}

// Writes the kept pages into `doc`'s raw text and segments.
class TextWriter {
 public:
  explicit TextWriter(Document& doc) : doc_(doc) {}

  void Block(const LaidBlock& block, int page, const std::string& label, const pdf::RunningHeaders& headers,
             int& dropped) {
    std::vector<const LaidLine*> kept;
    for (const LaidLine& line : block.lines) {
      if (headers.Drop(line)) {
        ++dropped;
      } else if (!line.text.empty()) {
        kept.push_back(&line);
      }
    }
    if (kept.empty()) return;
    if (!doc_.raw_text.empty()) Separator();
    // One segment for the block; each line a box run of it.
    Segment seg;
    seg.begin = doc_.raw_text.size();
    seg.role = block.role;
    seg.anchor.page = page;
    seg.anchor.box = kept.front()->box;
    seg.linear = false;
    seg.label = !block.label.empty() ? block.label : label;
    for (size_t i = 0; i < kept.size(); ++i) {
      doc_.boxes.push_back({doc_.raw_text.size(), kept[i]->box});
      for (const pdf::NoteMark& m : kept[i]->marks) doc_.note_refs.push_back({doc_.raw_text.size() + m.offset, m.label});
      doc_.raw_text += kept[i]->text;
      if (i + 1 < kept.size()) doc_.raw_text += '\n';
    }
    seg.end = doc_.raw_text.size();
    doc_.segments.push_back(std::move(seg));
  }

  // Reserves room for the whole document, projected from the first
  // `pages_done` of `page_count` pages, once the text outgrows its room: the
  // text, segments and boxes then grow about once to their final size instead of
  // doubling, which on a long document nearly halves the peak memory.
  void Project(int pages_done, int page_count) {
    if (pages_done < 4 || pages_done >= page_count) return;
    const double scale = 1.1 * page_count / pages_done;
    if (doc_.segments.size() + 64 > doc_.segments.capacity()) {
      doc_.segments.reserve(static_cast<size_t>(scale * doc_.segments.size()) + 64);
    }
    if (doc_.boxes.size() + 64 > doc_.boxes.capacity()) {
      doc_.boxes.reserve(static_cast<size_t>(scale * doc_.boxes.size()) + 64);
    }
    if (doc_.raw_text.size() + 4096 > doc_.raw_text.capacity()) {
      doc_.raw_text.reserve(static_cast<size_t>(scale * doc_.raw_text.size()) + 4096);
    }
  }

 private:
  // The empty line between blocks: text that maps to no glyph.
  void Separator() {
    Segment seg;
    seg.begin = doc_.raw_text.size();
    doc_.raw_text += "\n\n";
    seg.end = doc_.raw_text.size();
    seg.role = Role::kSeparator;
    seg.linear = false;
    doc_.segments.push_back(std::move(seg));
  }

  Document& doc_;
};

class PdfExtractor final : public Extractor {
 public:
  explicit PdfExtractor(int threads) : threads_(threads) {}

  Format format() const override { return Format::kPdf; }

  Status Extract(const Input& input, const ExtractOptions& options, DocumentSink& sink) const override {
    try {
      return ExtractOrFail(input, options, sink);
    } catch (const std::bad_alloc&) {
      return Status(StatusCode::kLimit, "out of memory reading the PDF");
    } catch (const std::exception& e) {
      return Internal(std::string("PDF extraction failed: ") + e.what());
    }
  }

 private:
  Status ExtractOrFail(const Input& input, const ExtractOptions& options, DocumentSink& sink) const {
    if (input.size == 0) return Status(StatusCode::kEmpty, "empty file: zero bytes");
    if (input.size > options.max_document_bytes) {
      return Status(StatusCode::kLimit, "PDF larger than the configured limit of " +
                                            std::to_string(options.max_document_bytes) + " bytes");
    }
    if (std::string why = NotPdfReason(input.head); !why.empty()) return InvalidInput(why);

    pdf::PopplerErrors errors;
    PopplerErrorScope scope(&errors);
    // From memory, Poppler reads the caller's bytes in place.
    pdf::PdfSource source;
    if (input.in_memory) {
      source.bytes = std::string_view(input.bytes.data(), input.bytes.size());
    } else {
      source.path = input.path;
    }
    std::unique_ptr<PDFDoc> pdf = pdf::OpenPdf(source);
    if (!pdf->isOk()) {
      if (pdf->getErrorCode() == errEncrypted) {
        return Status(StatusCode::kEncrypted, "PDF is encrypted and needs a password to open");
      }
      return InvalidInput("PDF could not be opened: corrupt or truncated file");
    }
    const int page_count = pdf->getNumPages();
    if (page_count <= 0) return InvalidInput("PDF has no pages: corrupt or truncated file");

    Document doc = NewDocument(input);
    doc.metadata.page_count = page_count;
    doc.metadata.title = pdf::DocInfoText(*pdf, "Title");
    doc.metadata.author = pdf::DocInfoText(*pdf, "Author");
    doc.metadata.date = pdf::DocInfoDate(*pdf, "CreationDate");
    doc.metadata.modified = pdf::DocInfoDate(*pdf, "ModDate");

    // Pages stream through: each is written once the running-header
    // decision has seen the few pages after it, then let go.
    PageStreamOptions stream_options;
    stream_options.ocr = options.ocr;
    stream_options.threads = threads_;
    stream_options.window = 2 * threads_ + 2;
    PageStream stream(source, *pdf, page_count, stream_options, &errors);
    pdf::RunningHeaders headers(page_count);
    TextWriter writer(doc);
    std::deque<ReadPage> held;
    int markers = 0, unreadable = 0, dropped = 0, line_numbers = 0;
    auto write = [&](const ReadPage& page) {
      for (const LaidBlock& block : page.layout.blocks) {
        writer.Block(block, page.index + 1, page.ocred ? "ocr" : "", headers, dropped);
      }
      if (page.index == 0 && !UsableTitle(doc.metadata.title)) {
        if (std::string heading = FirstHeading(page.layout); !heading.empty()) doc.metadata.title = heading;
      }
      if (options.part_bytes == 0) {
        writer.Project(page.index + 1, page_count);
      } else if (doc.raw_text.size() >= options.part_bytes && page.index + 1 < page_count) {
        // A part ends with a page: the next starts on a new block.
        Document next = NewDocument(input);
        next.metadata = doc.metadata;
        doc.part = std::max(doc.part, 1);
        next.part = doc.part + 1;
        sink.Accept(std::move(doc));
        doc = std::move(next);
      }
    };
    ReadPage page;
    while (stream.Next(page)) {
      unreadable += page.unreadable;
      markers += page.layout.markers_dropped;
      line_numbers += page.layout.line_numbers_dropped;
      for (auto& [code, message] : page.notes) doc.Warn("extract", std::move(code), std::move(message));
      headers.AddPage(page.layout);
      held.push_back(std::move(page));
      if (held.size() > static_cast<size_t>(pdf::RunningHeaders::kLookahead)) {
        write(held.front());
        held.pop_front();
      }
    }
    for (; !held.empty(); held.pop_front()) write(held.front());
    if (unreadable == page_count) return InvalidInput("no page of the PDF could be read: corrupt file");
    if (dropped > 0) {
      doc.Warn("extract", "running_headers_removed",
               std::to_string(dropped) + " running header, footer or page-number lines left out");
    }
    if (line_numbers > 0) {
      doc.Warn("extract", "line_numbers_removed",
               std::to_string(line_numbers) + " pleading-paper line numbers left out of the margin");
    }
    if (markers > 0) {
      doc.Warn("extract", "footnote_markers_removed",
               std::to_string(markers) + " footnote markers taken out of the body text");
    }
    if (const int n = errors.count(); n > 0) {
      doc.Warn("extract", "pdf_syntax", "Poppler reported " + std::to_string(n) + " syntax errors (damaged file?)");
    }
    // The projection from the first pages may have overshot: give back the
    // room before normalization adds its own copies of the text.
    if (doc.raw_text.capacity() > doc.raw_text.size() + doc.raw_text.size() / 4) doc.raw_text.shrink_to_fit();
    if (doc.boxes.capacity() > doc.boxes.size() + doc.boxes.size() / 4) doc.boxes.shrink_to_fit();
    if (doc.segments.capacity() > doc.segments.size() + doc.segments.size() / 4) doc.segments.shrink_to_fit();
    sink.Accept(std::move(doc));
    return Status::Ok();
  }

  const int threads_;

  // Returns the text of the first heading of `page`, or "".
  static std::string FirstHeading(const PageLayout& page) {
    for (const LaidBlock& b : page.blocks) {
      if (b.role != Role::kHeading) continue;
      std::string text;
      for (const LaidLine& l : b.lines) text += (text.empty() ? "" : " ") + l.text;
      return text;
    }
    return "";
  }
};

}  // namespace

std::unique_ptr<Extractor> MakePdfExtractor(int threads) {
  if (threads <= 0) {
    // Poppler's share of the work dominates and scales with cores; beyond a
    // few, the documents each worker opens cost more memory than they save.
    threads = std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 1, 4);
  }
  return std::make_unique<PdfExtractor>(threads);
}

}  // namespace dossier
