#include "extractors/html/html_tree.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <unordered_map>

namespace dossier {

namespace {

struct TagName {
  std::string_view name;
  Tag tag;
};

constexpr std::array kTagNames = {
    TagName{"a", Tag::kA},           TagName{"address", Tag::kAddress},
    TagName{"article", Tag::kArticle}, TagName{"aside", Tag::kAside},
    TagName{"audio", Tag::kAudio},   TagName{"b", Tag::kB},
    TagName{"blockquote", Tag::kBlockquote}, TagName{"body", Tag::kBody},
    TagName{"br", Tag::kBr},         TagName{"button", Tag::kButton},
    TagName{"canvas", Tag::kCanvas}, TagName{"caption", Tag::kCaption},
    TagName{"center", Tag::kCenter}, TagName{"cite", Tag::kCite},
    TagName{"code", Tag::kCode},     TagName{"dd", Tag::kDd},
    TagName{"del", Tag::kDel},       TagName{"details", Tag::kDetails},
    TagName{"dialog", Tag::kDialog}, TagName{"div", Tag::kDiv},
    TagName{"dl", Tag::kDl},         TagName{"dt", Tag::kDt},
    TagName{"em", Tag::kEm},         TagName{"embed", Tag::kEmbed},
    TagName{"fieldset", Tag::kFieldset}, TagName{"figcaption", Tag::kFigcaption},
    TagName{"figure", Tag::kFigure}, TagName{"footer", Tag::kFooter},
    TagName{"form", Tag::kForm},     TagName{"h1", Tag::kH1},
    TagName{"h2", Tag::kH2},         TagName{"h3", Tag::kH3},
    TagName{"h4", Tag::kH4},         TagName{"h5", Tag::kH5},
    TagName{"h6", Tag::kH6},         TagName{"head", Tag::kHead},
    TagName{"header", Tag::kHeader}, TagName{"hgroup", Tag::kHgroup},
    TagName{"hr", Tag::kHr},         TagName{"html", Tag::kHtml},
    TagName{"i", Tag::kI},           TagName{"iframe", Tag::kIframe},
    TagName{"img", Tag::kImg},       TagName{"input", Tag::kInput},
    TagName{"label", Tag::kLabel},   TagName{"legend", Tag::kLegend},
    TagName{"li", Tag::kLi},         TagName{"link", Tag::kLink},
    TagName{"main", Tag::kMain},     TagName{"math", Tag::kMath},
    TagName{"menu", Tag::kMenu},     TagName{"meta", Tag::kMeta},
    TagName{"nav", Tag::kNav},       TagName{"noscript", Tag::kNoscript},
    TagName{"object", Tag::kObject}, TagName{"ol", Tag::kOl},
    TagName{"option", Tag::kOption}, TagName{"p", Tag::kP},
    TagName{"picture", Tag::kPicture}, TagName{"pre", Tag::kPre},
    TagName{"q", Tag::kQ},           TagName{"s", Tag::kS},
    TagName{"script", Tag::kScript}, TagName{"section", Tag::kSection},
    TagName{"select", Tag::kSelect}, TagName{"small", Tag::kSmall},
    TagName{"source", Tag::kSource}, TagName{"span", Tag::kSpan},
    TagName{"strong", Tag::kStrong}, TagName{"style", Tag::kStyle},
    TagName{"sub", Tag::kSub},       TagName{"summary", Tag::kSummary},
    TagName{"sup", Tag::kSup},       TagName{"svg", Tag::kSvg},
    TagName{"table", Tag::kTable},   TagName{"tbody", Tag::kTbody},
    TagName{"td", Tag::kTd},         TagName{"template", Tag::kTemplate},
    TagName{"textarea", Tag::kTextarea}, TagName{"tfoot", Tag::kTfoot},
    TagName{"th", Tag::kTh},         TagName{"thead", Tag::kThead},
    TagName{"time", Tag::kTime},     TagName{"title", Tag::kTitle},
    TagName{"tr", Tag::kTr},         TagName{"u", Tag::kU},
    TagName{"ul", Tag::kUl},         TagName{"video", Tag::kVideo},
};

// Attributes the extractor reads; others are not stored.
bool KeepAttribute(std::string_view name) {
  static const std::array<std::string_view, 23> kKeep = {
      "class", "id",      "role",     "itemprop", "itemtype",   "hidden",
      "style", "href",    "rel",      "name",     "property",   "content",
      "lang",  "datetime", "type",    "aria-hidden", "http-equiv", "charset",
      "xml:lang", "colspan", "data-component", "aria-label", "itemscope"};
  return std::find(kKeep.begin(), kKeep.end(), name) != kKeep.end();
}

}  // namespace

Tag TagOf(std::string_view name) {
  static const auto* map = [] {
    auto* m = new std::unordered_map<std::string_view, Tag>;
    for (const TagName& t : kTagNames) (*m)[t.name] = t.tag;
    return m;
  }();
  auto it = map->find(name);
  return it == map->end() ? Tag::kOther : it->second;
}

std::string_view HtmlTree::Attr(int32_t i, std::string_view name) const {
  const HtmlNode& n = node(i);
  for (uint32_t a = n.attr_begin; a < n.attr_end; ++a) {
    if (attrs_[a].name == name) return attrs_[a].value;
  }
  return {};
}

bool HtmlTree::HasAttr(int32_t i, std::string_view name) const {
  const HtmlNode& n = node(i);
  for (uint32_t a = n.attr_begin; a < n.attr_end; ++a) {
    if (attrs_[a].name == name) return true;
  }
  return false;
}

TextPiece HtmlTree::Locate(uint32_t offset) const {
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), offset,
                             [](uint32_t o, const TextPiece& p) { return o < p.text_offset; });
  if (it == pieces_.begin()) return {offset, 0, false};
  --it;
  TextPiece p = *it;
  if (p.verbatim) p.input_offset += offset - p.text_offset;
  p.text_offset = offset;
  return p;
}

// Receives libxml2's SAX events and appends nodes to an HtmlTree.
class HtmlTreeBuilder {
 public:
  HtmlTreeBuilder(HtmlTree& tree, std::string_view input) : tree_(tree), input_(input) {
    HtmlNode root;
    root.tag = Tag::kRoot;
    tree_.nodes_.reserve(input.size() / 40 + 16);
    tree_.text_.reserve(input.size() / 3 + 16);
    tree_.nodes_.push_back(root);
  }

  void set_context(xmlParserCtxtPtr ctxt) { ctxt_ = ctxt; }

  static void OnStart(void* ctx, const xmlChar* name, const xmlChar** atts) {
    static_cast<HtmlTreeBuilder*>(ctx)->Start(reinterpret_cast<const char*>(name), atts);
  }
  static void OnEnd(void* ctx, const xmlChar* /*name*/) {
    static_cast<HtmlTreeBuilder*>(ctx)->End();
  }
  static void OnCharacters(void* ctx, const xmlChar* ch, int len) {
    static_cast<HtmlTreeBuilder*>(ctx)->Characters(reinterpret_cast<const char*>(ch),
                                                    static_cast<size_t>(len), false);
  }
  static void OnCdata(void* ctx, const xmlChar* ch, int len) {
    static_cast<HtmlTreeBuilder*>(ctx)->Characters(reinterpret_cast<const char*>(ch),
                                                    static_cast<size_t>(len), true);
  }

 private:
  // Returns the parser's position in the input.
  size_t Position() const {
    const xmlParserInputPtr in = ctxt_->input;
    if (in == nullptr || in->base == nullptr) return last_end_;
    return static_cast<size_t>(in->consumed) + static_cast<size_t>(in->cur - in->base);
  }

  int32_t Append(HtmlNode n) {
    n.parent = current_;
    const auto index = static_cast<int32_t>(tree_.nodes_.size());
    HtmlNode& p = tree_.nodes_[static_cast<size_t>(current_)];
    if (p.last_child >= 0) {
      tree_.nodes_[static_cast<size_t>(p.last_child)].next = index;
    } else {
      p.first_child = index;
    }
    p.last_child = index;
    tree_.nodes_.push_back(n);
    return index;
  }

  void Start(const char* name, const xmlChar** atts) {
    HtmlNode n;
    n.tag = TagOf(name);
    n.attr_begin = static_cast<uint32_t>(tree_.attrs_.size());
    if (atts != nullptr) {
      for (size_t i = 0; atts[i] != nullptr; i += 2) {
        const char* an = reinterpret_cast<const char*>(atts[i]);
        if (!KeepAttribute(an)) continue;
        const char* av = reinterpret_cast<const char*>(atts[i + 1]);
        tree_.attrs_.push_back({an, av == nullptr ? "" : av});
      }
    }
    n.attr_end = static_cast<uint32_t>(tree_.attrs_.size());
    current_ = Append(n);
    ++depth_;
    tree_.max_depth_ = std::max(tree_.max_depth_, depth_);
    last_end_ = Position();
  }

  void End() {
    if (current_ > 0) {
      current_ = tree_.nodes_[static_cast<size_t>(current_)].parent;
      --depth_;
    }
    last_end_ = Position();
  }

  void Characters(const char* ch, size_t len, bool cdata) {
    if (len == 0) return;
    const size_t pos = Position();
    const HtmlNode& cur = tree_.nodes_[static_cast<size_t>(current_)];
    if (cdata) {
      // Script and style bodies: only JSON-LD is kept (for metadata).
      last_end_ = pos;
      if (cur.tag != Tag::kScript) return;
      const std::string_view type = tree_.Attr(current_, "type");
      if (type.find("ld+json") == std::string_view::npos) return;
    }
    // Where the run ends in the input: at the cursor, or one character past
    // it when the parser flushed its buffer before stepping over the last
    // character it copied.
    size_t start = last_end_;
    bool verbatim = false;
    auto matches_ending_at = [&](size_t end) {
      return end >= len && end <= input_.size() &&
             std::memcmp(input_.data() + end - len, ch, len) == 0;
    };
    size_t end = pos;
    if (matches_ending_at(pos)) {
      verbatim = true;
    } else if (pos < input_.size()) {
      const auto b = static_cast<unsigned char>(input_[pos]);
      const size_t step = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
      if (matches_ending_at(pos + step)) {
        verbatim = true;
        end = pos + step;
      }
    }
    if (verbatim) start = end - len;
    last_end_ = verbatim ? end : pos;
    if (tree_.text_.size() + len > std::numeric_limits<uint32_t>::max()) return;

    const auto text_offset = static_cast<uint32_t>(tree_.text_.size());
    int32_t text_node = cur.last_child;
    if (text_node < 0 || tree_.nodes_[static_cast<size_t>(text_node)].tag != Tag::kText ||
        tree_.nodes_[static_cast<size_t>(text_node)].text_end != text_offset) {
      HtmlNode t;
      t.tag = Tag::kText;
      t.text_begin = text_offset;
      t.text_end = text_offset;
      t.piece_begin = static_cast<uint32_t>(tree_.pieces_.size());
      text_node = Append(t);
    }
    tree_.text_.append(ch, len);
    tree_.nodes_[static_cast<size_t>(text_node)].text_end =
        static_cast<uint32_t>(tree_.text_.size());
    // A piece continuing the previous one verbatim is not recorded again.
    if (!tree_.pieces_.empty() && verbatim) {
      const TextPiece& last = tree_.pieces_.back();
      if (last.verbatim && last.input_offset + (text_offset - last.text_offset) == start) return;
    }
    tree_.pieces_.push_back({text_offset, static_cast<uint32_t>(std::min<size_t>(
                                              start, std::numeric_limits<uint32_t>::max())),
                             verbatim});
  }

  HtmlTree& tree_;
  std::string_view input_;
  xmlParserCtxtPtr ctxt_ = nullptr;
  int32_t current_ = 0;
  int depth_ = 0;
  size_t last_end_ = 0;
};

Result<HtmlTree> ParseHtmlTree(std::string_view utf8) {
  if (utf8.size() > static_cast<size_t>(std::numeric_limits<int>::max() / 2)) {
    return Status(StatusCode::kLimit, "page too large for the HTML parser");
  }
  HtmlTree tree;
  HtmlTreeBuilder builder(tree, utf8);

  htmlParserCtxtPtr ctxt =
      htmlCreateMemoryParserCtxt(utf8.data(), static_cast<int>(utf8.size()));
  if (ctxt == nullptr) return Internal("libxml2 could not create an HTML parser");
  // Our handler replaces the DOM-building one: no xmlDoc is built.
  auto* sax = static_cast<xmlSAXHandler*>(xmlMalloc(sizeof(xmlSAXHandler)));
  if (sax == nullptr) {
    htmlFreeParserCtxt(ctxt);
    return Internal("out of memory");
  }
  std::memset(sax, 0, sizeof(xmlSAXHandler));
  sax->startElement = &HtmlTreeBuilder::OnStart;
  sax->endElement = &HtmlTreeBuilder::OnEnd;
  sax->characters = &HtmlTreeBuilder::OnCharacters;
  sax->ignorableWhitespace = &HtmlTreeBuilder::OnCharacters;
  sax->cdataBlock = &HtmlTreeBuilder::OnCdata;
  if (ctxt->sax != nullptr) xmlFree(ctxt->sax);
  ctxt->sax = sax;
  ctxt->userData = &builder;
  builder.set_context(ctxt);
  // The input is UTF-8 already: without this libxml2 would guess Latin-1 at
  // the first non-ASCII byte it meets before a <meta charset>.
  xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
  htmlCtxtUseOptions(ctxt, HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                               HTML_PARSE_RECOVER | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC);
  htmlParseDocument(ctxt);
  if (ctxt->myDoc != nullptr) xmlFreeDoc(ctxt->myDoc);
  ctxt->myDoc = nullptr;
  htmlFreeParserCtxt(ctxt);
  return tree;
}

}  // namespace dossier
