#include "extractors/detect.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

#include <nlohmann/json.hpp>

namespace dossier {

namespace {

std::string_view SkipBomAndSpace(std::string_view s) {
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  return s;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

bool ContainsNoCase(std::string_view s, std::string_view needle) {
  auto it = std::search(s.begin(), s.end(), needle.begin(), needle.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == b;
  });
  return it != s.end();
}

// Known binary signatures, so that the reason names what the file is.
std::string_view BinaryKind(std::string_view s) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kMagic = {{
      {"\x89PNG\r\n\x1A\n", "PNG image"},
      {"\xFF\xD8\xFF", "JPEG image"},
      {"GIF8", "GIF image"},
      {"PK\x03\x04", "ZIP archive (or DOCX/XLSX/EPUB)"},
      {"\x1F\x8B", "gzip data"},
      {"\xD0\xCF\x11\xE0", "OLE2 document (DOC/XLS)"},
      {"\x7F" "ELF", "ELF executable"},
      {"BZh", "bzip2 data"},
      {"\xFD" "7zXZ", "xz data"},
  }};
  for (const auto& [magic, kind] : kMagic) {
    if (s.starts_with(magic)) return kind;
  }
  return {};
}

// Share of bytes that cannot be in text: NUL and control bytes other than
// tab, CR, LF, FF.
double BinaryShare(std::string_view s) {
  size_t bad = 0;
  for (unsigned char c : s) {
    if (c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')) ++bad;
  }
  return s.empty() ? 0.0 : static_cast<double>(bad) / static_cast<double>(s.size());
}

// Counts SAX events and keeps the parser's verdict on a piece of JSON.
class JsonProbe {
 public:
  using json = nlohmann::json;
  size_t events = 0;
  int depth = 0;
  size_t error_position = 0;

  bool null() { return ++events; }
  bool boolean(bool) { return ++events; }
  bool number_integer(json::number_integer_t) { return ++events; }
  bool number_unsigned(json::number_unsigned_t) { return ++events; }
  bool number_float(json::number_float_t, const json::string_t&) { return ++events; }
  bool string(json::string_t&) { return ++events; }
  bool binary(json::binary_t&) { return ++events; }
  bool start_object(std::size_t) { return ++depth, ++events; }
  bool key(json::string_t&) { return ++events; }
  bool end_object() { return --depth, ++events; }
  bool start_array(std::size_t) { return ++depth, ++events; }
  bool end_array() { return --depth, ++events; }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) {
    error_position = position;
    return false;
  }
};

enum class JsonVerdict { kNo, kComplete, kPrefix };

// Returns whether `s` is one complete JSON value, a valid prefix of one
// (the head stops inside it), or not JSON. The SAX parser is iterative, so
// deep nesting costs no stack.
JsonVerdict ProbeJson(std::string_view s) {
  JsonProbe probe;
  bool ok = false;
  try {
    ok = nlohmann::json::sax_parse(s.begin(), s.end(), &probe);
  } catch (...) {
    return JsonVerdict::kNo;
  }
  if (ok) return JsonVerdict::kComplete;
  // An error only at the end of the bytes means a valid prefix; an error
  // after a few well-formed tokens is a broken JSON file, still JSON (its
  // extractor reports where it breaks). "[see note]" fails at once, and a
  // short bracketed label followed by words ("[1] See ...") is text.
  if (probe.error_position >= s.size()) return JsonVerdict::kPrefix;
  if (probe.depth == 0 && probe.error_position < 64) return JsonVerdict::kNo;
  return probe.events >= 3 ? JsonVerdict::kPrefix : JsonVerdict::kNo;
}

// JSON Lines: at least two of the first complete lines are each a whole
// JSON object or array, and most of the first lines are.
bool LooksLikeJsonLines(std::string_view s, bool whole_file) {
  int lines = 0, values = 0;
  size_t pos = 0;
  while (pos < s.size() && lines < 8) {
    size_t nl = s.find('\n', pos);
    if (nl == std::string_view::npos && !whole_file) break;  // a cut line says nothing
    std::string_view line = s.substr(pos, nl == std::string_view::npos ? s.size() - pos : nl - pos);
    pos = nl == std::string_view::npos ? s.size() : nl + 1;
    line = SkipBomAndSpace(line);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
    if (line.empty()) continue;
    ++lines;
    if ((line.front() == '{' || line.front() == '[') && ProbeJson(line) == JsonVerdict::kComplete) ++values;
  }
  return values >= 2 && values * 2 > lines;
}

bool LooksLikeHtml(std::string_view s) {
  if (StartsWithNoCase(s, "<!doctype html") || StartsWithNoCase(s, "<html") ||
      StartsWithNoCase(s, "<head") || StartsWithNoCase(s, "<body")) {
    return true;
  }
  if (!s.starts_with('<')) return false;
  // An XML prolog or comment first: look for the root element further on.
  std::string_view window = s.substr(0, 4096);
  return ContainsNoCase(window, "<html") || ContainsNoCase(window, "<body") ||
         ContainsNoCase(window, "<head") || ContainsNoCase(window, "<div") ||
         ContainsNoCase(window, "<p>");
}

// Markdown evidence, counted over the head's lines: ATX headings, fences,
// setext underlines, links, backslash escapes, strong emphasis, list items,
// footnote definitions.
// Plain text rarely has any of these at line starts.
bool LooksLikeMarkdown(std::string_view s, std::string& why) {
  double evidence = 0;
  int headings = 0, links = 0, escapes = 0, lists = 0, notes = 0;
  size_t pos = 0;
  std::string_view previous;
  while (pos < s.size() && evidence < 4) {
    size_t nl = s.find('\n', pos);
    std::string_view line = s.substr(pos, nl == std::string_view::npos ? s.size() - pos : nl - pos);
    pos = nl == std::string_view::npos ? s.size() : nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t hashes = 0;
    while (hashes < line.size() && line[hashes] == '#') ++hashes;
    if (hashes >= 1 && hashes <= 6 && hashes < line.size() && line[hashes] == ' ' &&
        hashes + 1 < line.size()) {
      evidence += 2;
      ++headings;
    } else if (line.starts_with("```") || line.starts_with("~~~")) {
      evidence += 2;
    } else if (!previous.empty() && line.size() >= 3 &&
               line.find_first_not_of('=') == std::string_view::npos) {
      evidence += 2;
      ++headings;
    }
    for (size_t at = line.find("]("); at != std::string_view::npos; at = line.find("](", at + 2)) {
      if (line.substr(0, at).find('[') != std::string_view::npos && line.find(')', at) != std::string_view::npos) {
        evidence += 1;
        ++links;
      }
    }
    for (size_t at = line.find('\\'); at != std::string_view::npos && at + 1 < line.size();
         at = line.find('\\', at + 2)) {
      const char c = line[at + 1];
      if (c == '(' || c == ')' || c == '[' || c == ']' || c == '$' || c == '*' || c == '_' || c == '#') {
        evidence += 0.5;
        ++escapes;
      }
    }
    if (line.starts_with("**") && line.find("**", 2) != std::string_view::npos) evidence += 0.5;
    if (line.starts_with("- ") || line.starts_with("* ")) {
      evidence += 0.25;
      ++lists;
    }
    // "[^1]: Human Rights Watch, ...": a footnote definition.
    if (line.starts_with("[^")) {
      const size_t close = line.find("]:");
      if (close != std::string_view::npos && close > 2 && close < 16) {
        evidence += 1;
        ++notes;
      }
    }
    previous = line;
  }
  why = "Markdown: " + std::to_string(headings) + " heading(s), " + std::to_string(links) +
        " link(s), " + std::to_string(escapes) + " escape(s), " + std::to_string(lists) + " list item(s), " +
        std::to_string(notes) + " footnote(s)";
  return evidence >= 2;
}

}  // namespace

Detection DetectFormat(std::string_view head, int64_t total_size) {
  if (total_size == 0 || head.empty()) return {Format::kUnknown, "empty file"};
  if (head.starts_with("%PDF-") || head.substr(0, 1024).find("%PDF-") != std::string_view::npos) {
    return {Format::kPdf, "%PDF- header"};
  }
  if (std::string_view kind = BinaryKind(head); !kind.empty()) {
    return {Format::kUnknown, "binary data: " + std::string(kind)};
  }
  if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) {
    return {Format::kUnknown, "UTF-16 text: convert it to UTF-8"};
  }
  std::string_view sample = head.substr(0, 8192);
  // A stray NUL or control byte in text is damage the normalizer repairs
  // (and reports); a file made of them is binary.
  const double share = BinaryShare(sample);
  if (share > 0.01 && share * static_cast<double>(sample.size()) > 2.5) {
    return {Format::kUnknown, "binary data: NUL or control bytes, not a PDF, HTML, JSON or text file"};
  }
  std::string_view s = SkipBomAndSpace(head);
  if (s.empty()) return {Format::kUnknown, "no content: only whitespace"};
  const bool whole_file = static_cast<int64_t>(head.size()) >= total_size;
  if (s.front() == '{' || s.front() == '[') {
    if (LooksLikeJsonLines(s, whole_file)) return {Format::kJsonLines, "one JSON value per line"};
    switch (ProbeJson(s)) {
      case JsonVerdict::kComplete:
        return {Format::kJson, "a JSON value"};
      case JsonVerdict::kPrefix:
        return {Format::kJson, whole_file ? "JSON, but malformed" : "starts as a JSON value"};
      case JsonVerdict::kNo:
        break;  // "[1] A note" or "{draft}": text that starts with a bracket
    }
  }
  if (s.starts_with("<?xml") && !LooksLikeHtml(s)) {
    return {Format::kUnknown, "XML that is not HTML"};
  }
  if (LooksLikeHtml(s)) return {Format::kHtml, "HTML markup"};
  std::string why;
  if (LooksLikeMarkdown(s, why)) return {Format::kMarkdown, why};
  return {Format::kText, "text"};
}

}  // namespace dossier
