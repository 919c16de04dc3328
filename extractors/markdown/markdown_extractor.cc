#include "extractors/markdown/markdown_extractor.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace dossier {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (!IsSpace(c)) return false;
  }
  return true;
}
bool IsAsciiPunct(char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; }
// How far a closing bracket or '>' is looked for: keeps pathological input
// ("[[[[..." over megabytes) linear instead of quadratic.
constexpr size_t kSyntaxWindow = 4096;

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80; }

// A block of Markdown: source byte ranges of its content lines.
struct Block {
  Role role = Role::kBody;
  std::string label;  // "p", "h1", "li", "blockquote", "code"
  int heading = 0;    // 1-6 for headings
  bool code = false;  // fenced code: no inline syntax
  std::vector<std::pair<size_t, size_t>> ranges;
};

// One run of output: source bytes [offset, offset + text.size()) when linear.
struct Run {
  std::string text;
  size_t offset = 0;
  bool linear = true;
};

// Removes inline syntax from one block: the block's bytes are laid out in a
// line, each with its file offset, marked kept or not, then cut into runs.
class InlineStripper {
 public:
  InlineStripper(std::string_view src, const Block& block) {
    for (const auto& [b, e] : block.ranges) {
      for (size_t i = b; i < e; ++i) {
        text_ += src[i];
        offsets_.push_back(i);
      }
    }
    keep_.assign(text_.size(), true);
    literal_.assign(text_.size(), false);
    subst_.assign(text_.size(), std::string());
  }

  std::vector<Run> Strip(bool code) {
    if (!code) {
      CodeSpans();
      Escapes();
      Tags();
      Links();
      Emphasis();
      Entities();
    }
    return Cut();
  }

 private:
  bool Free(size_t i) const { return keep_[i] && !literal_[i]; }

  void Drop(size_t b, size_t e) {
    for (size_t i = b; i < e && i < keep_.size(); ++i) keep_[i] = false;
  }

  size_t RunLength(size_t i, char c) const {
    size_t j = i;
    while (j < text_.size() && text_[j] == c) ++j;
    return j - i;
  }

  // `code` spans: the ticks go, the content is kept verbatim.
  void CodeSpans() {
    size_t i = 0;
    while (i < text_.size()) {
      if (text_[i] != '`' || (i > 0 && text_[i - 1] == '\\')) {
        ++i;
        continue;
      }
      const size_t n = RunLength(i, '`');
      size_t j = i + n;
      size_t close = std::string::npos;
      const size_t limit = std::min(text_.size(), i + n + kSyntaxWindow);
      while (j < limit) {
        if (text_[j] == '`') {
          const size_t m = RunLength(j, '`');
          if (m == n) {
            close = j;
            break;
          }
          j += m;
        } else {
          ++j;
        }
      }
      if (close == std::string::npos) {
        i += n;
        continue;
      }
      Drop(i, i + n);
      Drop(close, close + n);
      for (size_t k = i + n; k < close; ++k) literal_[k] = true;
      i = close + n;
    }
  }

  // Backslash escapes: "\(" -> "(", and a backslash before a line end.
  void Escapes() {
    for (size_t i = 0; i + 1 < text_.size(); ++i) {
      if (text_[i] != '\\' || !Free(i)) continue;
      const char next = text_[i + 1];
      if (IsAsciiPunct(next) || next == '\n') {
        keep_[i] = false;
        literal_[i + 1] = true;
        ++i;
      }
    }
  }

  // Inline HTML tags and comments go; an autolink keeps its address.
  void Tags() {
    // Next '>' and next line break after each byte, so each '<' costs O(1).
    std::vector<size_t> next_gt(text_.size() + 1, std::string::npos), next_nl(text_.size() + 1, std::string::npos);
    for (size_t k = text_.size(); k-- > 0;) {
      next_gt[k] = text_[k] == '>' ? k : next_gt[k + 1];
      next_nl[k] = text_[k] == '\n' ? k : next_nl[k + 1];
    }
    for (size_t i = 0; i < text_.size(); ++i) {
      if (text_[i] != '<' || !Free(i)) continue;
      std::string_view rest = std::string_view(text_).substr(i);
      if (rest.starts_with("<!--")) {
        size_t end = rest.substr(0, kSyntaxWindow).find("-->");
        if (end == std::string_view::npos) continue;
        Drop(i, i + end + 3);
        i += end + 2;
        continue;
      }
      if (next_gt[i] == std::string::npos || next_gt[i] - i > kSyntaxWindow || next_nl[i] < next_gt[i]) continue;
      const size_t close = next_gt[i] - i;
      std::string_view inner = rest.substr(1, close - 1);
      if (inner.find("://") != std::string_view::npos || inner.starts_with("mailto:") ||
          (inner.find('@') != std::string_view::npos && inner.find(' ') == std::string_view::npos)) {
        keep_[i] = false;
        keep_[i + close] = false;
      } else if (!inner.empty() && (std::isalpha(static_cast<unsigned char>(inner[0])) ||
                                    (inner[0] == '/' && inner.size() > 1 &&
                                     std::isalpha(static_cast<unsigned char>(inner[1]))))) {
        Drop(i, i + close + 1);
      } else {
        continue;
      }
      i += close;
    }
  }

  // Returns, for each opening `o`, the index of the `c` that closes it (or
  // npos), pairing free brackets with a stack in one pass.
  std::vector<size_t> Pairs(char o, char c) const {
    std::vector<size_t> match(text_.size(), std::string::npos);
    std::vector<size_t> open;
    for (size_t j = 0; j < text_.size(); ++j) {
      if (!Free(j)) continue;
      if (text_[j] == o) {
        open.push_back(j);
      } else if (text_[j] == c && !open.empty()) {
        match[open.back()] = j;
        open.pop_back();
      }
    }
    return match;
  }

  // [label](url), ![alt](url) and [label][ref] keep only the label.
  void Links() {
    const std::vector<size_t> square = Pairs('[', ']');
    const std::vector<size_t> round = Pairs('(', ')');
    for (size_t i = 0; i < text_.size(); ++i) {
      if (text_[i] != '[' || !Free(i)) continue;
      const size_t close = square[i];
      if (close == std::string::npos) continue;
      const char next = close + 1 < text_.size() ? text_[close + 1] : '\0';
      size_t end = std::string::npos;
      if (next == '(' && Free(close + 1)) end = round[close + 1];
      else if (next == '[' && Free(close + 1)) end = square[close + 1];
      if (end == std::string::npos) {
        // A footnote reference "[^12]" keeps its number, glued to the text
        // as a printed marker is ("returned.12").
        if (i + 2 < close && text_[i + 1] == '^') {
          keep_[i] = keep_[i + 1] = keep_[close] = false;
        }
        continue;
      }
      keep_[i] = false;
      if (i > 0 && text_[i - 1] == '!' && Free(i - 1)) keep_[i - 1] = false;
      Drop(close, end + 1);
    }
  }

  // Emphasis markers: runs of * and ~~ that touch a word, _ at word edges.
  void Emphasis() {
    size_t i = 0;
    while (i < text_.size()) {
      const char c = text_[i];
      if ((c != '*' && c != '_' && c != '~') || !Free(i)) {
        ++i;
        continue;
      }
      size_t n = 0;
      while (i + n < text_.size() && text_[i + n] == c && Free(i + n)) ++n;
      const bool has_prev = i > 0, has_next = i + n < text_.size();
      const char prev = has_prev ? text_[i - 1] : ' ', next = has_next ? text_[i + n] : ' ';
      const bool left = has_next && !IsSpace(next);
      const bool right = has_prev && !IsSpace(prev);
      bool drop = false;
      if (c == '*') drop = (left || right) && !(n == 1 && IsAlnum(prev) && IsAlnum(next));
      if (c == '~') drop = n == 2 && (left || right);
      if (c == '_') drop = (left && !IsAlnum(prev)) || (right && !IsAlnum(next));
      if (drop) Drop(i, i + n);
      i += n;
    }
  }

  // The common character references become their characters.
  void Entities() {
    static const std::pair<std::string_view, std::string_view> kNamed[] = {
        {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"},
        {"&#39;", "'"}, {"&nbsp;", "\xC2\xA0"}, {"&mdash;", "\xE2\x80\x94"}, {"&ndash;", "\xE2\x80\x93"}};
    for (size_t i = 0; i < text_.size(); ++i) {
      if (text_[i] != '&' || !Free(i)) continue;
      std::string_view rest = std::string_view(text_).substr(i);
      for (const auto& [name, value] : kNamed) {
        if (!rest.starts_with(name)) continue;
        bool contiguous = true;
        for (size_t k = 1; k < name.size(); ++k) contiguous = contiguous && Free(i + k);
        if (!contiguous) break;
        Drop(i, i + name.size());
        subst_[i] = std::string(value);
        i += name.size() - 1;
        break;
      }
    }
  }

  std::vector<Run> Cut() const {
    std::vector<Run> runs;
    for (size_t i = 0; i < text_.size(); ++i) {
      if (!subst_[i].empty()) {
        runs.push_back({subst_[i], offsets_[i], false});
        continue;
      }
      if (!keep_[i]) continue;
      if (!runs.empty() && runs.back().linear &&
          runs.back().offset + runs.back().text.size() == offsets_[i]) {
        runs.back().text += text_[i];
      } else {
        runs.push_back({std::string(1, text_[i]), offsets_[i], true});
      }
    }
    // Whitespace at the block's edges goes; linear offsets stay exact.
    while (!runs.empty()) {
      Run& r = runs.front();
      size_t k = 0;
      while (k < r.text.size() && IsSpace(r.text[k])) ++k;
      r.text.erase(0, k);
      if (r.linear) r.offset += k;
      if (!r.text.empty()) break;
      runs.erase(runs.begin());
    }
    while (!runs.empty()) {
      Run& r = runs.back();
      while (!r.text.empty() && IsSpace(r.text.back())) r.text.pop_back();
      if (!r.text.empty()) break;
      runs.pop_back();
    }
    return runs;
  }

  std::string text_;
  std::vector<size_t> offsets_;
  std::vector<bool> keep_;
  std::vector<bool> literal_;  // code span content or an escaped character
  std::vector<std::string> subst_;
};

size_t LeadingSpaces(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && (s[n] == ' ' || s[n] == '\t')) ++n;
  return n;
}

// Returns the length of a list marker and the spaces after it at the start
// of `s` ("- ", "* ", "+ ", "12. ", "3) "), or 0.
size_t ListMarker(std::string_view s) {
  size_t n = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '*' || s[0] == '+')) {
    n = 1;
  } else {
    while (n < s.size() && n < 9 && std::isdigit(static_cast<unsigned char>(s[n]))) ++n;
    if (n == 0 || n >= s.size() || (s[n] != '.' && s[n] != ')')) return 0;
    ++n;
  }
  if (n < s.size() && s[n] != ' ' && s[n] != '\t') return 0;
  size_t after = n + LeadingSpaces(s.substr(n));
  // A task list box is syntax too.
  std::string_view rest = s.substr(after);
  if (rest.starts_with("[ ] ") || rest.starts_with("[x] ") || rest.starts_with("[X] ")) after += 4;
  return after;
}

// A line of three or more '-', '*' or '_' (spaces allowed) and nothing else.
bool IsThematicBreak(std::string_view s, char& which) {
  size_t count = 0;
  which = 0;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\r') continue;
    if (c != '-' && c != '*' && c != '_') return false;
    if (which && c != which) return false;
    which = c;
    ++count;
  }
  return count >= 3;
}

bool IsSetextEquals(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && s[i] == '=') ++i;
  return i > 0 && IsBlank(s.substr(i));
}

// Splits `src` into blocks.
class BlockParser {
 public:
  explicit BlockParser(std::string_view src) : src_(src) {}

  std::vector<Block> Parse() {
    size_t pos = 0;
    while (pos < src_.size()) {
      size_t nl = src_.find('\n', pos);
      const size_t line_end = nl == std::string_view::npos ? src_.size() : nl;
      const size_t next = nl == std::string_view::npos ? src_.size() : nl + 1;
      Line(pos, line_end);
      pos = next;
    }
    Close();
    return std::move(blocks_);
  }

 private:
  void Close() {
    if (open_) blocks_.push_back(std::move(current_));
    current_ = Block();
    open_ = false;
  }

  void Open(Role role, std::string label) {
    Close();
    current_.role = role;
    current_.label = std::move(label);
    open_ = true;
  }

  // Adds [b, e) as a new line of the open block, joined to the previous line
  // by that line's own line break.
  void AddLine(size_t b, size_t e) {
    if (!current_.ranges.empty()) {
      auto& last = current_.ranges.back();
      const size_t nl = src_.find('\n', last.second);
      if (nl != std::string_view::npos && nl < b) last.second = nl + 1;
    }
    current_.ranges.emplace_back(b, e);
  }

  void Line(size_t b, size_t e) {
    if (e > b && src_[e - 1] == '\r') --e;
    std::string_view line = src_.substr(b, e - b);
    if (fence_) {
      const size_t ind = LeadingSpaces(line);
      std::string_view t = line.substr(ind);
      if (ind <= 3 && t.size() >= fence_len_ && t.find_first_not_of(fence_) >= fence_len_ &&
          IsBlank(t.substr(std::min(t.size(), t.find_first_not_of(fence_))))) {
        fence_ = 0;
        Close();
      } else {
        AddLine(b, e);
      }
      return;
    }
    // Block quote markers.
    size_t p = b;
    bool quote = false;
    for (;;) {
      std::string_view rest = src_.substr(p, e - p);
      const size_t ind = LeadingSpaces(rest);
      if (ind <= 3 && ind < rest.size() && rest[ind] == '>') {
        quote = true;
        p += ind + 1;
        if (p < e && (src_[p] == ' ' || src_[p] == '\t')) ++p;
      } else {
        break;
      }
    }
    std::string_view rest = src_.substr(p, e - p);
    if (IsBlank(rest)) {
      Close();
      return;
    }
    const size_t ind = LeadingSpaces(rest);
    std::string_view t = rest.substr(ind);
    const size_t start = p + ind;
    const Role plain = quote ? Role::kQuote : Role::kBody;
    if (ind <= 3 && (t.starts_with("```") || t.starts_with("~~~"))) {
      fence_ = t[0];
      fence_len_ = t.find_first_not_of(fence_);
      if (fence_len_ == std::string_view::npos) fence_len_ = t.size();
      Open(plain, "code");
      current_.code = true;
      return;
    }
    if (ind <= 3 && t.starts_with('#')) {
      size_t level = t.find_first_not_of('#');
      if (level == std::string_view::npos) level = t.size();
      if (level <= 6 && (level == t.size() || t[level] == ' ' || t[level] == '\t')) {
        std::string_view content = t.substr(level);
        size_t cb = level + LeadingSpaces(content);
        // Closing sequence: spaces then #s at the end.
        size_t ce = t.size();
        while (ce > cb && IsSpace(t[ce - 1])) --ce;
        size_t hashes = ce;
        while (hashes > cb && t[hashes - 1] == '#') --hashes;
        if (hashes < ce && (hashes == cb || t[hashes - 1] == ' ' || t[hashes - 1] == '\t')) ce = hashes;
        Open(Role::kHeading, "h" + std::to_string(level));
        current_.heading = static_cast<int>(level);
        if (ce > cb) AddLine(start + cb, start + ce);
        Close();
        return;
      }
    }
    char which = 0;
    if (ind <= 3 && open_ && !quote && current_.role == Role::kBody && current_.label == "p" &&
        (IsSetextEquals(t) || (IsThematicBreak(t, which) && which == '-' && t.find_first_not_of("- \t") == std::string_view::npos))) {
      const int level = t[0] == '=' ? 1 : 2;
      current_.role = Role::kHeading;
      current_.heading = level;
      current_.label = "h" + std::to_string(level);
      Close();
      return;
    }
    if (ind <= 3 && IsThematicBreak(t, which)) {
      Close();
      return;
    }
    if (ind <= 3 && t.starts_with('[')) {
      size_t close = t.find("]:");
      if (close != std::string_view::npos && t.substr(0, close).find(']') == std::string_view::npos) {
        // A footnote definition "[^1]: text" is a footnote labelled with
        // its name, as a PDF's footnotes are with their numbers.
        if (t.size() > 1 && t[1] == '^' && close > 2) {
          Open(Role::kFootnote, std::string(t.substr(2, close - 2)));
          size_t body = close + 2;
          while (body < t.size() && (t[body] == ' ' || t[body] == '\t')) ++body;
          if (body < t.size()) AddLine(start + body, e);
          return;
        }
        // A link reference definition: "[ref]: url".
        Close();
        return;
      }
    }
    if (size_t marker = ListMarker(t)) {
      Open(Role::kListItem, "li");
      if (marker < t.size()) AddLine(start + marker, e);
      return;
    }
    // An indented line continues the footnote above it.
    if (open_ && current_.role == Role::kFootnote && ind >= 2) {
      AddLine(start, e);
      return;
    }
    if (open_ && !current_.code && (current_.role == Role::kListItem || current_.role == plain)) {
      AddLine(start, e);
      return;
    }
    Open(plain, quote ? "blockquote" : "p");
    AddLine(start, e);
  }

  std::string_view src_;
  std::vector<Block> blocks_;
  Block current_;
  bool open_ = false;
  char fence_ = 0;
  size_t fence_len_ = 0;
};

class MarkdownExtractor final : public Extractor {
 public:
  Format format() const override { return Format::kMarkdown; }

  Status Extract(const Input& input, const ExtractOptions& options,
                 DocumentSink& sink) const override {
    Result<std::string> bytes = ReadAll(input, options.max_document_bytes);
    if (!bytes.ok()) return bytes.status();
    Document doc = NewDocument(input);
    MarkdownToDocument(*bytes, doc);
    sink.Accept(std::move(doc));
    return Status::Ok();
  }
};

}  // namespace

void MarkdownToDocument(std::string_view source, Document& doc) {
  bool have_title = false;
  for (const Block& block : BlockParser(source).Parse()) {
    std::vector<Run> runs = InlineStripper(source, block).Strip(block.code);
    if (runs.empty()) continue;
    Role role = block.role;
    if (block.heading == 1 && !have_title) {
      have_title = true;
      role = Role::kTitle;
      for (const Run& r : runs) doc.metadata.title += r.text;
    }
    if (!doc.raw_text.empty()) {
      doc.AppendSeparator();
    }
    for (Run& r : runs) {
      Segment seg;
      seg.begin = doc.raw_text.size();
      doc.raw_text += r.text;
      seg.end = doc.raw_text.size();
      seg.role = role;
      seg.anchor.byte_offset = static_cast<int64_t>(r.offset);
      seg.linear = r.linear;
      seg.label = block.label;
      doc.segments.push_back(std::move(seg));
    }
  }
}

std::unique_ptr<Extractor> MakeMarkdownExtractor() { return std::make_unique<MarkdownExtractor>(); }

}  // namespace dossier
