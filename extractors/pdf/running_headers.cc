#include "extractors/pdf/running_headers.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <set>

namespace dossier::pdf {

namespace {

std::string Key(const LaidLine& line) {
  return (line.margin == Margin::kTop ? "t:" : "b:") + MarginSignature(line.text);
}

// Returns true for a roman numeral of a front-matter page ("iv", "XII").
bool IsRoman(std::string_view s) {
  if (s.empty() || s.size() > 6) return false;
  for (char c : s) {
    if (!std::strchr("ivxlcdmIVXLCDM", c)) return false;
  }
  return true;
}

}  // namespace

bool IsPageNumber(std::string_view text) {
  std::string s;
  for (char c : text) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // Strip decorations: "- 12 -", "[12]", "(12)", "| 12".
  auto trim = [&] {
    const std::string_view junk = " -|[]()\u2013\u2014";
    size_t b = 0, e = s.size();
    while (b < e && (junk.find(s[b]) != std::string_view::npos || static_cast<unsigned char>(s[b]) >= 0x80)) ++b;
    while (e > b && (junk.find(s[e - 1]) != std::string_view::npos || static_cast<unsigned char>(s[e - 1]) >= 0x80)) --e;
    s = s.substr(b, e - b);
  };
  trim();
  for (std::string_view prefix : {"page ", "page", "p. ", "p.", "pg. ", "seite ", "página ", "pagina ", "pág. "}) {
    if (s.starts_with(prefix)) {
      s = s.substr(prefix.size());
      break;
    }
  }
  // "3 of 10", "3 / 10", "3 de 10".
  for (std::string_view sep : {" of ", " / ", "/", " de "}) {
    const size_t at = s.find(sep);
    if (at != std::string::npos) {
      const std::string total = s.substr(at + sep.size());
      if (total.empty() || !std::all_of(total.begin(), total.end(), ::isdigit)) return false;
      s = s.substr(0, at);
      break;
    }
  }
  if (s.empty()) return false;
  if (std::all_of(s.begin(), s.end(), ::isdigit)) return s.size() <= 4;
  return IsRoman(s);
}

std::string MarginSignature(std::string_view text) {
  std::string sig;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = text[i];
    if (std::isdigit(c)) {
      if (sig.empty() || sig.back() != '#') sig += '#';
    } else if (std::isalpha(c)) {
      sig += static_cast<char>(std::tolower(c));
    } else if (c >= 0x80) {
      sig += static_cast<char>(c);  // non-ASCII letters count as they are
    }
  }
  return sig;
}

void RunningHeaders::AddPage(const PageLayout& page) {
  std::set<std::string> seen;
  for (const LaidBlock& b : page.blocks) {
    for (const LaidLine& l : b.lines) {
      if (l.margin == Margin::kNone) continue;
      std::string key = Key(l);
      if (key.size() > 2 && seen.insert(key).second) ++counts_[key];
    }
  }
}

RunningHeaders::RunningHeaders(int page_count)
    // Short documents: twice is a pattern. Long ones: a chapter's header
    // repeats on a few pages at least.
    : threshold_(std::clamp(static_cast<int>(std::ceil(0.2 * page_count)), 2, 3)) {}

bool RunningHeaders::Drop(const LaidLine& line) const {
  if (line.margin == Margin::kNone) return false;
  if (IsPageNumber(line.text) || line.beside_page_number) return true;
  auto it = counts_.find(Key(line));
  return it != counts_.end() && it->second >= threshold_;
}

}  // namespace dossier::pdf
