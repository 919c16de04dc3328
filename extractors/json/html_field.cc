#include "extractors/json/html_field.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <array>
#include <cctype>
#include <climits>
#include <cstring>
#include <mutex>

#include "pipeline/core/text_util.h"

namespace dossier::json_internal {

namespace {

// How far past the previous text node a text node is searched for in the
// markup before its runs fall back to a non-linear anchor.
constexpr size_t kSearchWindow = 256 * 1024;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool NameIs(const xmlNode* n, const char* name) {
  return n->name && std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

bool IsSkipped(const xmlNode* n) {
  for (const char* s : {"script", "style", "template", "noscript", "head", "svg", "iframe"}) {
    if (NameIs(n, s)) return true;
  }
  return false;
}

bool IsBlock(const xmlNode* n) {
  static constexpr std::array kBlocks = {
      "address", "article", "aside", "blockquote", "br", "caption", "dd", "details",
      "div", "dl", "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
      "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
      "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"};
  for (const char* b : kBlocks) {
    if (NameIs(n, b)) return true;
  }
  return false;
}

// Returns the role of a block element; kBody means "inherit the parent's".
Role BlockRole(const xmlNode* n) {
  const char* name = reinterpret_cast<const char*>(n->name);
  if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0') return Role::kHeading;
  if (NameIs(n, "li") || NameIs(n, "dt") || NameIs(n, "dd")) return Role::kListItem;
  if (NameIs(n, "blockquote")) return Role::kQuote;
  if (NameIs(n, "tr") || NameIs(n, "td") || NameIs(n, "th") || NameIs(n, "table")) return Role::kTable;
  if (NameIs(n, "figcaption") || NameIs(n, "caption")) return Role::kCaption;
  return Role::kBody;
}

// Appends a decoded character reference: NUL, which no text may hold, as
// U+FFFD.
void AppendReference(uint32_t cp, std::string& out) { AppendUtf8(cp == 0 ? 0xFFFD : cp, out); }

// Decodes the character reference at html[at] ('&'). Returns its length in
// the markup (0 if it is not one) and sets `decoded`.
size_t DecodeReference(std::string_view html, size_t at, std::string& decoded) {
  decoded.clear();
  size_t i = at + 1;
  if (i < html.size() && html[i] == '#') {
    ++i;
    const bool hex = i < html.size() && (html[i] == 'x' || html[i] == 'X');
    if (hex) ++i;
    uint32_t cp = 0;
    const size_t digits_begin = i;
    while (i < html.size() && i - digits_begin < 8 &&
           (hex ? std::isxdigit(static_cast<unsigned char>(html[i]))
                : std::isdigit(static_cast<unsigned char>(html[i])))) {
      cp = cp * (hex ? 16 : 10) +
           static_cast<uint32_t>(std::isdigit(static_cast<unsigned char>(html[i]))
                                     ? html[i] - '0'
                                     : (std::tolower(static_cast<unsigned char>(html[i])) - 'a' + 10));
      ++i;
    }
    // Only terminated references: libxml2 leaves most bare ones as text.
    if (i == digits_begin || i >= html.size() || html[i] != ';') return 0;
    ++i;
    AppendReference(cp, decoded);
    return i - at;
  }
  std::string name;
  while (i < html.size() && name.size() < 32 && std::isalnum(static_cast<unsigned char>(html[i]))) {
    name += html[i++];
  }
  if (name.empty()) return 0;
  const htmlEntityDesc* e = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()));
  if (e == nullptr || i >= html.size() || html[i] != ';') return 0;
  ++i;
  AppendReference(e->value, decoded);
  return i - at;
}

// Returns the position just past the markup construct (tag, comment,
// doctype) at html[at], or `at` if none starts there.
size_t SkipMarkup(std::string_view html, size_t at) {
  if (at + 1 >= html.size() || html[at] != '<') return at;
  const char next = html[at + 1];
  if (html.substr(at, 4) == "<!--") {
    size_t end = html.find("-->", at + 4);
    return end == std::string_view::npos ? html.size() : end + 3;
  }
  if (!(std::isalpha(static_cast<unsigned char>(next)) || next == '/' || next == '!' || next == '?')) {
    return at;
  }
  char quote = 0;
  for (size_t i = at + 1; i < html.size(); ++i) {
    if (quote) {
      if (html[i] == quote) quote = 0;
    } else if (html[i] == '"' || html[i] == '\'') {
      quote = html[i];
    } else if (html[i] == '>') {
      return i + 1;
    }
  }
  return html.size();
}

// Walks the DOM and finds every text node in the markup, in order.
class BlockBuilder {
 public:
  explicit BlockBuilder(std::string_view html) : html_(html) {}

  void Enter(const xmlNode* n) {
    if (!IsBlock(n)) return;
    Flush();
    Role role = BlockRole(n);
    if (role == Role::kBody && !roles_.empty()) role = roles_.back().first;
    roles_.emplace_back(role, reinterpret_cast<const char*>(n->name));
  }

  void Leave(const xmlNode* n) {
    if (!IsBlock(n)) return;
    Flush();
    if (!roles_.empty()) roles_.pop_back();
  }

  void Text(std::string_view content) {
    if (content.empty()) return;
    std::vector<HtmlRun> runs;
    size_t end = 0;
    if (Locate(content, runs, end)) {
      cursor_ = end;
    } else {
      runs.clear();
      runs.push_back({std::string(content), cursor_, false});
    }
    for (auto& r : runs) current_.push_back(std::move(r));
  }

  std::vector<HtmlBlock> Finish() {
    Flush();
    return std::move(blocks_);
  }

 private:
  // Finds `content` in the markup at or after the cursor, outside tags.
  bool Locate(std::string_view content, std::vector<HtmlRun>& runs, size_t& end) const {
    const size_t limit = std::min(html_.size(), cursor_ + kSearchWindow);
    size_t p = cursor_;
    while (p < limit) {
      size_t skipped = SkipMarkup(html_, p);
      if (skipped != p) {
        p = skipped;
        continue;
      }
      if ((html_[p] == content[0] || html_[p] == '&' || html_[p] == '\r') && MatchAt(content, p, runs, end)) {
        return true;
      }
      ++p;
    }
    return false;
  }

  // Matches `content` against the markup from `p`: verbatim bytes, character
  // references and CR LF line ends.
  bool MatchAt(std::string_view content, size_t p, std::vector<HtmlRun>& runs, size_t& end) const {
    runs.clear();
    size_t i = 0, j = p, run_begin = p;
    std::string decoded;
    auto flush_linear = [&](size_t upto) {
      if (upto > run_begin) runs.push_back({std::string(html_.substr(run_begin, upto - run_begin)), run_begin, true});
    };
    while (i < content.size()) {
      if (j >= html_.size()) return false;
      // A character reference first: "&amp;" must not match a literal "&".
      if (html_[j] == '&') {
        size_t len = DecodeReference(html_, j, decoded);
        if (len > 0 && content.substr(i, decoded.size()) == decoded) {
          flush_linear(j);
          runs.push_back({decoded, j, false});
          i += decoded.size();
          j += len;
          run_begin = j;
          continue;
        }
      }
      if (html_[j] == content[i]) {
        ++i, ++j;
        continue;
      }
      if (html_[j] == '\r' && content[i] == '\n') {
        flush_linear(j);
        runs.push_back({"\n", j, false});
        j += (j + 1 < html_.size() && html_[j + 1] == '\n') ? 2 : 1;
        ++i;
        run_begin = j;
        continue;
      }
      return false;
    }
    flush_linear(j);
    end = j;
    return true;
  }

  void Flush() {
    // Trim whitespace at the block's edges; a linear run keeps its offset exact.
    while (!current_.empty()) {
      HtmlRun& r = current_.front();
      size_t k = 0;
      while (k < r.text.size() && IsSpace(r.text[k])) ++k;
      r.text.erase(0, k);
      if (r.linear) r.offset += k;
      if (!r.text.empty()) break;
      current_.erase(current_.begin());
    }
    while (!current_.empty()) {
      HtmlRun& r = current_.back();
      while (!r.text.empty() && IsSpace(r.text.back())) r.text.pop_back();
      if (!r.text.empty()) break;
      current_.pop_back();
    }
    if (!current_.empty()) {
      HtmlBlock block;
      if (!roles_.empty()) {
        block.role = roles_.back().first;
        block.tag = roles_.back().second;
      }
      block.runs = std::move(current_);
      blocks_.push_back(std::move(block));
    }
    current_.clear();
  }

  std::string_view html_;
  size_t cursor_ = 0;
  std::vector<std::pair<Role, std::string>> roles_;
  std::vector<HtmlRun> current_;
  std::vector<HtmlBlock> blocks_;
};

bool IsTagNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

}  // namespace

bool LooksLikeHtmlMarkup(std::string_view s) {
  static constexpr std::array kTags = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
                                       "li", "a", "strong", "em", "b", "i", "br", "span", "table",
                                       "tr", "td", "blockquote", "section", "article", "img"};
  bool start_tag = false;
  for (size_t at = s.find('<'); at != std::string_view::npos && !start_tag; at = s.find('<', at + 1)) {
    size_t e = at + 1;
    while (e < s.size() && IsTagNameChar(s[e])) ++e;
    if (e >= s.size() || (s[e] != '>' && s[e] != ' ' && s[e] != '/')) continue;
    std::string name(s.substr(at + 1, e - at - 1));
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* t : kTags) start_tag = start_tag || name == t;
  }
  return start_tag && (s.find("</") != std::string_view::npos || s.find("<br") != std::string_view::npos);
}

std::vector<HtmlBlock> HtmlFieldToBlocks(std::string_view html) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  if (html.empty() || html.size() > static_cast<size_t>(INT_MAX)) return {};
  htmlDocPtr doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                                  HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                      HTML_PARSE_RECOVER);
  if (doc == nullptr) return {};
  BlockBuilder builder(html);
  // Iterative walk: markup nesting depth must not become stack depth.
  const xmlNode* n = doc->children;
  while (n != nullptr) {
    bool descend = false;
    if (n->type == XML_ELEMENT_NODE) {
      if (!IsSkipped(n)) {
        builder.Enter(n);
        descend = true;
      }
    } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content) builder.Text(reinterpret_cast<const char*>(n->content));
    }
    if (descend && n->children) {
      n = n->children;
      continue;
    }
    // Leave `n` and every ancestor that has no next sibling.
    while (n != nullptr) {
      if (n->type == XML_ELEMENT_NODE && !IsSkipped(n)) builder.Leave(n);
      if (n->next) {
        n = n->next;
        break;
      }
      n = n->parent;
      if (n == nullptr || n->type == XML_DOCUMENT_NODE || n->type == XML_HTML_DOCUMENT_NODE) {
        n = nullptr;
      }
    }
  }
  xmlFreeDoc(doc);
  return builder.Finish();
}

}  // namespace dossier::json_internal
