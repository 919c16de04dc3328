#include "extractors/text/text_extractor.h"

#include <array>
#include <cctype>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dossier {

namespace {

// Labels that open a line of links a page saved as text carries around its
// article ("Related: A | B | C"): no part of what the reader came for.
constexpr std::array<std::string_view, 14> kLinkListLabels = {
    "related",   "related stories", "related articles", "related coverage", "read more", "read also", "see also",
    "more",      "more on this",    "also read",        "recommended",      "tags",      "share",     "follow us"};

// Returns true when `line` is such a link list: a listed label, a colon, and
// items separated by " | ".
bool IsLinkList(std::string_view line) {
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon > 24 || line.find(" | ", colon) == std::string_view::npos) {
    return false;
  }
  std::string label;
  for (char c : line.substr(0, colon)) label += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!label.empty() && label.front() == ' ') label.erase(0, 1);
  for (std::string_view l : kLinkListLabels) {
    if (label == l) return true;
  }
  return false;
}

class TextExtractor final : public Extractor {
 public:
  Format format() const override { return Format::kText; }

  Status Extract(const Input& input, const ExtractOptions& options,
                 DocumentSink& sink) const override {
    Result<std::string> bytes = ReadAll(input, options.max_document_bytes);
    if (!bytes.ok()) return bytes.status();
    Document doc = NewDocument(input);
    // The kept byte ranges of the file: all of it, less its link-list lines.
    std::vector<std::pair<size_t, size_t>> kept;
    const std::string_view file = *bytes;
    size_t from = 0;
    for (size_t line = 0; line < file.size();) {
      size_t end = file.find('\n', line);
      end = end == std::string_view::npos ? file.size() : end + 1;
      if (IsLinkList(file.substr(line, end - line))) {
        if (line > from) kept.emplace_back(from, line);
        from = end;
      }
      line = end;
    }
    if (from == 0) {
      doc.raw_text = std::move(*bytes);  // the usual case: the file is the text
      doc.segments.push_back(Segment::Verbatim(0, doc.raw_text.size(), 0));
    } else {
      if (from < file.size()) kept.emplace_back(from, file.size());
      for (const auto& [b, e] : kept) {
        doc.segments.push_back(Segment::Verbatim(doc.raw_text.size(), doc.raw_text.size() + (e - b),
                                                 static_cast<int64_t>(b)));
        doc.raw_text.append(file.substr(b, e - b));
      }
    }
    sink.Accept(std::move(doc));
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeTextExtractor() { return std::make_unique<TextExtractor>(); }

}  // namespace dossier
