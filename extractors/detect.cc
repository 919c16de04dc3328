#include "extractors/detect.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

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

// Share of bytes that cannot start or continue valid UTF-8 text; control
// bytes other than tab, CR, LF, FF count as binary too.
double BinaryShare(std::string_view s) {
  size_t bad = 0;
  for (unsigned char c : s) {
    if (c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')) ++bad;
  }
  return s.empty() ? 0.0 : static_cast<double>(bad) / static_cast<double>(s.size());
}

// A JSON Lines file: its first two non-blank lines each start an object or
// array, and the first line closes what it opened (brackets balance outside
// strings).
bool LooksLikeJsonLines(std::string_view s) {
  size_t nl = s.find('\n');
  if (nl == std::string_view::npos) return false;
  std::string_view first = s.substr(0, nl);
  int depth = 0;
  bool in_string = false, escaped = false;
  for (char c : first) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '{' || c == '[') ++depth;
    else if (c == '}' || c == ']') --depth;
  }
  if (depth != 0 || in_string) return false;
  std::string_view rest = SkipBomAndSpace(s.substr(nl + 1));
  return !rest.empty() && (rest.front() == '{' || rest.front() == '[');
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

// Markdown: ATX headings, link syntax, fenced code or list markers at line
// starts, counted over the head.
bool LooksLikeMarkdown(std::string_view s) {
  int evidence = 0;
  size_t pos = 0;
  while (pos < s.size() && evidence < 3) {
    size_t nl = s.find('\n', pos);
    std::string_view line = s.substr(pos, nl == std::string_view::npos ? s.size() - pos : nl - pos);
    pos = nl == std::string_view::npos ? s.size() : nl + 1;
    if (line.starts_with("# ") || line.starts_with("## ") || line.starts_with("### ") ||
        line.starts_with("```") || line.starts_with("#### ")) {
      evidence += 2;
    } else if (line.find("](") != std::string_view::npos && line.find('[') != std::string_view::npos) {
      evidence += 1;
    }
  }
  return evidence >= 2;
}

}  // namespace

Detection DetectFormat(std::string_view head, int64_t total_size) {
  if (total_size == 0) return {Format::kUnknown, "empty file"};
  if (head.starts_with("%PDF-") || head.substr(0, 1024).find("%PDF-") != std::string_view::npos) {
    return {Format::kPdf, "%PDF- header"};
  }
  std::string_view s = SkipBomAndSpace(head);
  if (s.empty()) return {Format::kUnknown, "only whitespace"};
  std::string_view sample = head.substr(0, 8192);
  if (sample.find('\0') != std::string_view::npos || BinaryShare(sample) > 0.05) {
    return {Format::kUnknown, "binary data: not a PDF, HTML, JSON or text file"};
  }
  if (s.front() == '{' || s.front() == '[') {
    if (LooksLikeJsonLines(s)) return {Format::kJsonLines, "one JSON value per line"};
    return {Format::kJson, "starts with a JSON object or array"};
  }
  if (LooksLikeHtml(s)) return {Format::kHtml, "HTML markup"};
  if (LooksLikeMarkdown(s)) return {Format::kMarkdown, "Markdown headings or links"};
  return {Format::kText, "text"};
}

}  // namespace dossier
