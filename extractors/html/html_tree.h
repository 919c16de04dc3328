// HtmlTree: a compact element tree of an HTML page, built from libxml2's
// HTML parser through SAX callbacks, with the position of every text run.
//
// Why SAX instead of libxml2's DOM: the DOM keeps no byte offsets, while at
// each SAX characters() call the parser's input cursor says where the run
// ends (consumed + cur - base). A run whose bytes equal the input just
// before the cursor is verbatim and its start is exact; otherwise (an
// entity such as &amp;, a normalised line break) it is recorded as
// non-verbatim, anchored at the end of the previous parse event, which is
// where its source text starts. Building our own arrays is also cheaper than
// xmlNode allocation, and every walk over the tree is iterative, so a page of
// 100,000 nested <div>s cannot overflow the stack.
//
// The parser runs with HTML_PARSE_NONET | NOERROR | NOWARNING | RECOVER |
// COMPACT | IGNORE_ENC on UTF-8 input (see charset.h): it never loads a DTD
// or an external entity, and never re-decodes the page from a <meta> tag.
//
// Example:
//   Result<HtmlTree> tree = ParseHtmlTree(decoded.utf8);
//   for (int32_t c = tree->node(0).first_child; c >= 0; c = tree->node(c).next) ...
#ifndef DOSSIER_EXTRACTORS_HTML_HTML_TREE_H_
#define DOSSIER_EXTRACTORS_HTML_HTML_TREE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/status.h"

namespace dossier {

// The elements the extractor treats specially; everything else is kOther.
enum class Tag : uint8_t {
  kText = 0,  // a text node
  kRoot,      // the document
  kOther,
  kA, kAddress, kArticle, kAside, kAudio, kB, kBlockquote, kBody, kBr, kButton,
  kCanvas, kCaption, kCenter, kCite, kCode, kDd, kDel, kDetails, kDialog, kDiv, kDl, kDt,
  kEm, kEmbed, kFieldset, kFigcaption, kFigure, kFooter, kForm, kH1, kH2, kH3,
  kH4, kH5, kH6, kHead, kHeader, kHgroup, kHr, kHtml, kI, kIframe, kImg, kInput,
  kLabel, kLegend, kLi, kLink, kMain, kMath, kMenu, kMeta, kNav, kNoscript,
  kObject, kOl, kOption, kP, kPicture, kPre, kQ, kS, kScript, kSection, kSelect,
  kSmall, kSource, kSpan, kStrong, kStyle, kSub, kSummary, kSup, kSvg, kTable,
  kTbody, kTd, kTemplate, kTextarea, kTfoot, kTh, kThead, kTime, kTitle, kTr,
  kU, kUl, kVideo,
};

// Returns the tag of a lower-case element name.
Tag TagOf(std::string_view name);

struct HtmlNode {
  Tag tag = Tag::kOther;
  int32_t parent = -1;
  int32_t first_child = -1;
  int32_t last_child = -1;
  int32_t next = -1;         // next sibling
  uint32_t attr_begin = 0;   // attributes: [attr_begin, attr_end) of attrs()
  uint32_t attr_end = 0;
  uint32_t text_begin = 0;   // text nodes: [text_begin, text_end) of text()
  uint32_t text_end = 0;
  uint32_t piece_begin = 0;  // text nodes: first of their pieces()
};

struct HtmlAttr {
  std::string name;   // lower-case
  std::string value;  // entities decoded
};

// Where a stretch of a text node's characters came from in the parsed input.
struct TextPiece {
  uint32_t text_offset;  // into HtmlTree::text()
  uint32_t input_offset; // into the UTF-8 input given to the parser
  bool verbatim;         // the characters are a copy of the input bytes
};

class HtmlTree {
 public:
  const HtmlNode& node(int32_t i) const { return nodes_[static_cast<size_t>(i)]; }
  size_t size() const { return nodes_.size(); }
  const std::string& text() const { return text_; }
  const std::vector<TextPiece>& pieces() const { return pieces_; }

  // Returns the text of text node `i`.
  std::string_view Text(int32_t i) const {
    const HtmlNode& n = node(i);
    return std::string_view(text_).substr(n.text_begin, n.text_end - n.text_begin);
  }
  // Returns the value of attribute `name` of element `i`, or "" when absent.
  std::string_view Attr(int32_t i, std::string_view name) const;
  // Returns true when element `i` has attribute `name`.
  bool HasAttr(int32_t i, std::string_view name) const;
  // Returns the input offset of text() offset `offset` and whether the text
  // from there to the end of its piece is verbatim.
  TextPiece Locate(uint32_t offset) const;
  // Returns the deepest element nesting seen while parsing.
  int max_depth() const { return max_depth_; }

 private:
  friend class HtmlTreeBuilder;
  std::vector<HtmlNode> nodes_;
  std::vector<HtmlAttr> attrs_;
  std::string text_;
  std::vector<TextPiece> pieces_;
  int max_depth_ = 0;
};

// Returns the tree of the UTF-8 page `utf8`. Fails only when libxml2 cannot
// start (out of memory); malformed markup is recovered from.
Result<HtmlTree> ParseHtmlTree(std::string_view utf8);

}  // namespace dossier

#endif  // DOSSIER_EXTRACTORS_HTML_HTML_TREE_H_
