// pdf_dump: prints what the PDF extractor makes of a file, for debugging.
//   pdf_dump FILE              raw text
//   pdf_dump --segments FILE   one line per line of a segment: page, role, label, box, text
//   pdf_dump --no-ocr FILE     raw text, scanned pages left empty
//   pdf_dump --threads N FILE  read pages on N worker threads (default: per core)
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "extractors/input.h"
#include "extractors/pdf/pdf_extractor.h"

namespace {

class PrintSink : public dossier::DocumentSink {
 public:
  explicit PrintSink(bool segments) : segments_(segments) {}
  void Accept(dossier::Document doc) override {
    if (!segments_) {
      std::fwrite(doc.raw_text.data(), 1, doc.raw_text.size(), stdout);
      std::fputc('\n', stdout);
    } else {
      std::printf("title=%s author=%s date=%s pages=%d\n", doc.metadata.title.c_str(),
                  doc.metadata.author.c_str(), doc.metadata.date.c_str(), doc.metadata.page_count);
      for (const auto& s : doc.segments) {
        if (s.role == dossier::Role::kSeparator) continue;
        // One line per box run (a line of the block), the segment's own box
        // when it has none.
        const auto runs = doc.BoxesOf(s);
        const size_t n = runs.empty() ? 1 : runs.size();
        for (size_t i = 0; i < n; ++i) {
          const auto b = runs.empty() ? s.anchor.box.value_or(dossier::Box{}) : runs[i].box;
          const size_t begin = runs.empty() || i == 0 ? s.begin : runs[i].begin;
          const size_t end = i + 1 < n ? runs[i + 1].begin : s.end;
          std::printf("p%d %-8s %-4s [%6.1f %6.1f %6.1f %5.1f] %s\n", s.anchor.page,
                      std::string(dossier::RoleName(s.role)).c_str(), s.label.c_str(), b.x, b.y, b.width,
                      b.height, doc.raw_text.substr(begin, end - begin).c_str());
        }
      }
    }
    for (const auto& w : doc.warnings) std::fprintf(stderr, "warning %s: %s\n", w.code.c_str(), w.message.c_str());
  }
  void Reject(const std::string& locator, const dossier::Status& why) override {
    std::fprintf(stderr, "rejected %s: %s\n", locator.c_str(), why.message().c_str());
  }

 private:
  bool segments_;
};

}  // namespace

int main(int argc, char** argv) {
  bool segments = false;
  dossier::ExtractOptions options;
  const char* path = nullptr;
  int threads = 0;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--segments")) {
      segments = true;
    } else if (!std::strcmp(argv[i], "--threads") && i + 1 < argc) {
      threads = std::atoi(argv[++i]);
    } else if (!std::strcmp(argv[i], "--no-ocr")) {
      options.ocr = false;
    } else {
      path = argv[i];
    }
  }
  if (!path) {
    std::fprintf(stderr, "usage: pdf_dump [--segments] [--no-ocr] [--threads N] FILE\n");
    return 2;
  }
  auto input = dossier::OpenInput(path);
  if (!input.ok()) {
    std::fprintf(stderr, "%s\n", input.status().message().c_str());
    return 1;
  }
  input->format = dossier::Format::kPdf;
  PrintSink sink(segments);
  const dossier::Status s = dossier::MakePdfExtractor(threads)->Extract(*input, options, sink);
  if (!s.ok()) {
    std::fprintf(stderr, "error %s: %s\n", std::string(dossier::StatusCodeName(s.code())).c_str(), s.message().c_str());
    return 1;
  }
  return 0;
}
