#include "extractors/html/html_extractor.h"

#include <algorithm>
#include <cstring>

#include "extractors/html/charset.h"
#include "extractors/html/html_metadata.h"
#include "pipeline/core/text_util.h"
#include "extractors/html/html_tree.h"
#include "extractors/html/main_content.h"

namespace dossier {

namespace {

// How much of the start of a file is looked at to tell markup from binary.
constexpr size_t kSniffBytes = 64 * 1024;

// Returns true when the start of `bytes` is binary data rather than text:
// NUL bytes or many other control characters (UTF-16 pages carry a BOM).
bool LooksBinary(std::string_view bytes) {
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                            (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    return false;
  }
  const std::string_view head = bytes.substr(0, kSniffBytes);
  size_t nul = 0, control = 0;
  for (char ch : head) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == 0) ++nul;
    else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x0B &&
             c != 0x1B)
      ++control;
  }
  return nul * 100 > head.size() || (nul + control) * 20 > head.size();
}

// Appends text runs to a document as raw text and segments.
class Layout {
 public:
  Layout(Document& doc, const DecodedHtml& page, const HtmlTree& tree, std::string_view source)
      : doc_(doc), page_(page), tree_(tree), source_(source) {}

  // Appends tree text [begin, end) with role `role`.
  void AddText(uint32_t begin, uint32_t end, Role role, std::string_view label) {
    const auto& pieces = tree_.pieces();
    while (begin < end) {
      // The piece holding `begin`, and where it stops.
      auto it = std::upper_bound(pieces.begin(), pieces.end(), begin,
                                 [](uint32_t o, const TextPiece& p) { return o < p.text_offset; });
      const uint32_t stop = (it == pieces.end()) ? end : std::min(end, it->text_offset);
      const TextPiece at = tree_.Locate(begin);
      const size_t len = stop - begin;
      const int64_t source = page_.SourceOffset(at.input_offset);
      const bool linear = at.verbatim && page_.Verbatim(source_, at.input_offset, len);
      Add(std::string_view(tree_.text()).substr(begin, len), role, source, linear, label);
      begin = stop;
    }
  }

  // Appends text the extractor inserts (maps to no source byte).
  void AddSeparator(std::string_view text) {
    Add(text, Role::kSeparator, last_source_end_, false, {});
  }

  // Appends `text` that came from `source` (-1: unknown).
  void Add(std::string_view text, Role role, int64_t source, bool linear,
           std::string_view label) {
    if (text.empty()) return;
    const size_t begin = doc_.raw_text.size();
    doc_.raw_text.append(text);
    if (!doc_.segments.empty()) {
      Segment& last = doc_.segments.back();
      // Continue the previous segment when nothing breaks the byte map.
      if (last.role == role && last.linear && linear && last.end == begin &&
          last.anchor.byte_offset >= 0 &&
          last.anchor.byte_offset + static_cast<int64_t>(last.end - last.begin) == source &&
          last.label == label) {
        last.end = doc_.raw_text.size();
        last_source_end_ = source + static_cast<int64_t>(text.size());
        return;
      }
    }
    Segment s;
    s.begin = begin;
    s.end = doc_.raw_text.size();
    s.role = role;
    s.anchor.byte_offset = source;
    s.linear = linear;
    s.label = std::string(label);
    doc_.segments.push_back(std::move(s));
    if (source >= 0 && role != Role::kSeparator) {
      last_source_end_ = linear ? source + static_cast<int64_t>(text.size()) : source;
    }
  }

 private:
  Document& doc_;
  const DecodedHtml& page_;
  const HtmlTree& tree_;
  std::string_view source_;
  int64_t last_source_end_ = -1;
};

std::string_view TagLabel(Tag tag) {
  switch (tag) {
    case Tag::kH1: return "h1";
    case Tag::kH2: return "h2";
    case Tag::kH3: return "h3";
    case Tag::kH4: return "h4";
    case Tag::kH5: return "h5";
    case Tag::kH6: return "h6";
    case Tag::kP: return "p";
    case Tag::kLi: return "li";
    case Tag::kDt: return "dt";
    case Tag::kDd: return "dd";
    case Tag::kBlockquote: return "blockquote";
    case Tag::kPre: return "pre";
    case Tag::kTr: return "tr";
    case Tag::kCaption: return "caption";
    case Tag::kFigcaption: return "figcaption";
    case Tag::kTd: return "td";
    case Tag::kTh: return "th";
    default: return "div";
  }
}

// Returns the text of a block with whitespace collapsed (for comparisons).
std::string BlockText(const HtmlTree& tree, const ContentBlock& block) {
  std::string s;
  for (const ContentRun& r : block.runs) {
    if (r.inserted.empty()) s.append(tree.text(), r.begin, r.end - r.begin);
    else s += ' ';
  }
  return CollapseSpaces(s);
}

}  // namespace

Result<Document> ExtractHtmlDocument(const Input& input, std::string_view bytes,
                                     const HtmlOptions& options) {
  if (LooksBinary(bytes)) {
    return InvalidInput("binary data, not an HTML page (NUL or control bytes in the first " +
                        std::to_string(std::min(bytes.size(), kSniffBytes)) + " bytes)");
  }
  Result<DecodedHtml> page = DecodeHtml(bytes);
  if (!page.ok()) return page.status();
  Result<HtmlTree> tree = ParseHtmlTree(page->utf8);
  if (!tree.ok()) return tree.status();
  const PageMetadata meta = ReadPageMetadata(*tree);
  const MainContent content = ExtractMainContent(*tree, meta, options.captions_in_text);

  Document doc = NewDocument(input);
  doc.format = Format::kHtml;
  doc.metadata = meta.metadata;
  for (const Warning& w : page->warnings) doc.warnings.push_back(w);
  Layout layout(doc, *page, *tree, bytes);

  // The headline said once: the article's own heading that repeats it is
  // left out of the blocks below.
  const std::string& title = options.title_in_text ? meta.headline : doc.metadata.title;
  if (options.title_in_text && !title.empty()) {
    // The title's bytes in the page, when written there as they are.
    const size_t at = page->utf8.find(title);
    if (at != std::string::npos) {
      const int64_t source = page->SourceOffset(at);
      layout.Add(title, Role::kTitle, source, page->Verbatim(bytes, at, title.size()), "title");
    } else {
      // Written differently (entities, another source): the <title> text.
      int64_t source = -1;
      for (int32_t i = 1; i < static_cast<int32_t>(tree->size()) && source < 0; ++i) {
        const HtmlNode& n = tree->node(i);
        if (n.tag == Tag::kText && tree->node(n.parent).tag == Tag::kTitle) {
          source = page->SourceOffset(tree->Locate(n.text_begin).input_offset);
        }
      }
      layout.Add(title, Role::kTitle, source, false, "title");
    }
  }
  for (const ContentBlock& block : content.blocks) {
    // The article's own headline repeats the title (kept in metadata).
    if (block.role == Role::kHeading && !title.empty() && BlockText(*tree, block) == title) {
      continue;
    }
    if (!doc.raw_text.empty()) layout.AddSeparator("\n\n");
    const Role role = block.role;
    for (const ContentRun& r : block.runs) {
      if (!r.inserted.empty()) {
        layout.AddSeparator(r.inserted);
      } else {
        // A footnote item is labelled with its number, as a PDF's footnotes are.
        layout.AddText(r.begin, r.end, role, block.note.empty() ? TagLabel(block.tag) : block.note);
      }
    }
  }
  if (content.method != "scored") {
    doc.Warn("extract", "no_main_content",
             std::string("no clear main content; text taken by the '") +
                 std::string(content.method) + "' method");
  }
  if (tree->max_depth() >= 256) {
    doc.Warn("extract", "deep_nesting",
             "elements nested " + std::to_string(tree->max_depth()) + " deep");
  }
  if (doc.raw_text.empty()) return Status(StatusCode::kEmpty, "no text in the HTML page");
  return doc;
}

namespace {

class HtmlExtractor final : public Extractor {
 public:
  Format format() const override { return Format::kHtml; }

  Status Extract(const Input& input, const ExtractOptions& options,
                 DocumentSink& sink) const override {
    Result<std::string> bytes = ReadAll(input, options.max_document_bytes);
    if (!bytes.ok()) return bytes.status();
    Result<Document> doc = ExtractHtmlDocument(
        input, *bytes, {.title_in_text = options.headline_and_captions, .captions_in_text = options.headline_and_captions});
    if (!doc.ok()) {
      if (doc.status().code() == StatusCode::kEmpty) {
        sink.Reject("", doc.status());
        return Status::Ok();
      }
      return doc.status();
    }
    sink.Accept(std::move(*doc));
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeHtmlExtractor() { return std::make_unique<HtmlExtractor>(); }

}  // namespace dossier
