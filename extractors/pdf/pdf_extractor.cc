#include "extractors/pdf/pdf_extractor.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <cctype>
#include <ctime>
#include <exception>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/pdf/ocr.h"
#include "extractors/pdf/page_layout.h"
#include "extractors/pdf/page_words.h"
#include "extractors/pdf/running_headers.h"

namespace dossier {

namespace {

using pdf::LaidBlock;
using pdf::LaidLine;
using pdf::PageLayout;

constexpr int kOcrMinLetters = 12;  // fewer characters on a page: treat it as a scan
constexpr char kOcrLanguages[] = "eng+spa";

// Poppler reports syntax errors through one process-wide callback; count them
// per thread instead of letting them reach stderr.
thread_local int poppler_errors = 0;

void CountPopplerError(const std::string&, void*) { ++poppler_errors; }

void SilencePoppler() {
  static const bool once = [] {
    poppler::set_debug_error_function(CountPopplerError, nullptr);
    return true;
  }();
  (void)once;
}

std::string Utf8(const poppler::ustring& s) { return pdf::Utf8Of(pdf::CodePointsOf(s)); }

// Returns `t` as an ISO 8601 UTC timestamp, or "" when unset.
std::string IsoDate(time_t t) {
  if (t <= 0) return "";
  std::tm tm{};
  if (!gmtime_r(&t, &tm)) return "";
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

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
    for (size_t i = 0; i < kept.size(); ++i) {
      Segment seg;
      seg.begin = doc_.raw_text.size();
      doc_.raw_text += kept[i]->text;
      if (i + 1 < kept.size()) doc_.raw_text += '\n';
      seg.end = doc_.raw_text.size();
      seg.role = block.role;
      seg.anchor.page = page;
      seg.anchor.box = kept[i]->box;
      seg.linear = false;
      seg.label = !block.label.empty() ? block.label : label;
      doc_.segments.push_back(std::move(seg));
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
  PdfExtractor() { SilencePoppler(); }

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

    poppler_errors = 0;
    std::string bytes;  // must outlive the document when loaded from memory
    std::unique_ptr<poppler::document> pdf;
    if (input.in_memory) {
      bytes = input.bytes;
      pdf.reset(poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    } else {
      pdf.reset(poppler::document::load_from_file(input.path));
    }
    if (!pdf) return InvalidInput("PDF could not be opened: corrupt or truncated file");
    if (pdf->is_locked()) return Status(StatusCode::kEncrypted, "PDF is encrypted and needs a password to open");
    const int page_count = pdf->pages();
    if (page_count <= 0) return InvalidInput("PDF has no pages: corrupt or truncated file");

    Document doc = NewDocument(input);
    doc.metadata.page_count = page_count;
    doc.metadata.title = Utf8(pdf->get_title());
    doc.metadata.author = Utf8(pdf->get_author());
    doc.metadata.date = IsoDate(pdf->get_creation_date_t());
    doc.metadata.modified = IsoDate(pdf->get_modification_date_t());

    // Lay out every page, keeping only the laid-out lines: Poppler's page
    // and word objects go as soon as the page is done.
    std::vector<PageLayout> pages(page_count);
    std::vector<bool> ocred(page_count, false);
    std::unique_ptr<pdf::PageOcr> ocr;
    pdf::RunningHeaders headers;
    int markers = 0, unreadable = 0;
    for (int p = 0; p < page_count; ++p) {
      std::unique_ptr<poppler::page> page(pdf->create_page(p));
      if (!page) {
        ++unreadable;
        doc.Warn("extract", "page_unreadable", "page " + std::to_string(p + 1) + " could not be read");
        continue;
      }
      pdf::PageWords words = pdf::ReadPageWords(*page);
      if (words.letters < kOcrMinLetters) {
        if (!options.ocr) {
          if (words.letters == 0) {
            doc.Warn("extract", "no_text", "page " + std::to_string(p + 1) + " has no text layer (OCR is off)");
          }
        } else {
          if (!ocr) ocr = std::make_unique<pdf::PageOcr>(kOcrLanguages);
          Result<std::vector<pdf::PdfWord>> read = ocr->Read(*page);
          if (read.ok()) {
            words.words = std::move(*read);
            ocred[p] = true;
            doc.Warn("extract", "ocr", "page " + std::to_string(p + 1) + " has no text layer: read by OCR");
          } else {
            doc.Warn("extract", "ocr_failed", "page " + std::to_string(p + 1) + ": " + read.status().message());
          }
        }
      }
      pages[p] = pdf::LayOutPage(std::move(words.words), words.width, words.height);
      markers += pages[p].markers_dropped;
      headers.AddPage(pages[p]);
    }
    if (unreadable == page_count) return InvalidInput("no page of the PDF could be read: corrupt file");
    headers.Seal(page_count);

    TextWriter writer(doc);
    int dropped = 0;
    for (int p = 0; p < page_count; ++p) {
      for (const LaidBlock& block : pages[p].blocks) {
        writer.Block(block, p + 1, ocred[p] ? "ocr" : "", headers, dropped);
      }
      if (p == 0 && !UsableTitle(doc.metadata.title)) {
        if (std::string heading = FirstHeading(pages[p]); !heading.empty()) doc.metadata.title = heading;
      }
      pages[p] = PageLayout();
    }
    if (dropped > 0) {
      doc.Warn("extract", "running_headers_removed",
               std::to_string(dropped) + " running header, footer or page-number lines left out");
    }
    if (markers > 0) {
      doc.Warn("extract", "footnote_markers_removed",
               std::to_string(markers) + " footnote markers taken out of the body text");
    }
    if (poppler_errors > 0) {
      doc.Warn("extract", "pdf_syntax",
               "Poppler reported " + std::to_string(poppler_errors) + " syntax errors (damaged file?)");
    }
    sink.Accept(std::move(doc));
    return Status::Ok();
  }

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

std::unique_ptr<Extractor> MakePdfExtractor() { return std::make_unique<PdfExtractor>(); }

}  // namespace dossier
