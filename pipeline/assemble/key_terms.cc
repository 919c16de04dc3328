#include "pipeline/assemble/key_terms.h"
#include "pipeline/core/text_util.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <utility>

namespace dossier {

namespace {

struct Word {
  size_t begin, end;
};

bool IsAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool IsUpper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }

std::vector<Word> Words(std::string_view text) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsAlpha(text[i])) ++i;
    size_t j = i;
    while (j < text.size() && (IsAlpha(text[j]) || text[j] == '-')) ++j;
    if (j > i) words.push_back({i, j});
    i = j;
  }
  return words;
}

bool AllCaps(std::string_view w) {
  return w.size() >= 2 && std::all_of(w.begin(), w.end(), [](char c) { return IsUpper(c); });
}

// Words that may sit inside a name without starting a capital ("Remain in
// Mexico", "Convention Relating to the Status of Refugees").
bool IsLinkWord(std::string_view w) {
  return w == "in" || w == "of" || w == "and" || w == "for" || w == "the" || w == "to" || w == "on";
}

// Counts case-insensitive whole-phrase occurrences of `phrase` in `lower`.
size_t CountPhrase(const std::string& lower, const std::string& phrase) {
  size_t n = 0;
  for (size_t at = lower.find(phrase); at != std::string::npos; at = lower.find(phrase, at + 1)) {
    const bool left = at == 0 || !IsAlpha(lower[at - 1]);
    const size_t e = at + phrase.size();
    const bool right = e >= lower.size() || !IsAlpha(lower[e]);
    if (left && right) ++n;
  }
  return n;
}

// Quoted names: 1-6 words opening with a capital between double quotes.
void QuotedNames(std::string_view text, std::set<std::string>& out) {
  static const std::pair<std::string_view, std::string_view> kQuotes[] = {
      {"\xe2\x80\x9c", "\xe2\x80\x9d"}, {"\"", "\""}, {"'", "'"}, {"\xe2\x80\x98", "\xe2\x80\x99"}};
  for (const auto& [open, close] : kQuotes) {
    size_t at = 0;
    while ((at = text.find(open, at)) != std::string_view::npos) {
      const size_t begin = at + open.size();
      const size_t end = text.find(close, begin);
      if (end == std::string_view::npos || end - begin > 60) {
        at = begin;
        continue;
      }
      std::string_view inner = text.substr(begin, end - begin);
      while (!inner.empty() && (inner.back() == ',' || inner.back() == '.')) inner.remove_suffix(1);
      const size_t words = Words(inner).size();
      if (!inner.empty() && IsUpper(inner.front()) && words >= 2 && words <= 6 &&
          inner.find('\n') == std::string_view::npos) {
        out.insert(AsciiLower(inner));
      }
      at = end + close.size();
    }
  }
}

}  // namespace

std::vector<std::string> KeyTerms(std::string_view text, size_t max_terms) {
  const std::vector<Word> words = Words(text);
  auto word = [&](size_t i) { return text.substr(words[i].begin, words[i].end - words[i].begin); };
  std::set<std::string> phrases;
  QuotedNames(text, phrases);
  std::map<std::string, size_t> acronyms;  // case-sensitive counts
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view w = word(i);
    if (!AllCaps(w) || w.size() < 3 || w.size() > 6) continue;
    // A run of capitals is a shouted heading, not an acronym.
    if (i > 0 && AllCaps(word(i - 1))) continue;
    if (i + 1 < words.size() && AllCaps(word(i + 1))) continue;
    ++acronyms[std::string(w)];
    // "Migrant Protection Protocols (MPP)": the words the acronym stands for.
    const size_t b = words[i].begin;
    if (b == 0 || text[b - 1] != '(' || i == 0) continue;
    size_t letter = w.size();
    size_t k = i;
    while (k > 0 && letter > 0) {
      std::string_view prev = word(k - 1);
      if (IsLinkWord(prev)) {
        --k;
        continue;
      }
      if (std::toupper(static_cast<unsigned char>(prev.front())) != w[letter - 1]) break;
      --letter;
      --k;
    }
    if (letter == 0 && k < i) {
      phrases.insert(AsciiLower(text.substr(words[k].begin, words[i - 1].end - words[k].begin)));
    }
  }
  // Proper names of three capitalized words or more ("Migrant Protection
  // Protocols", "Department of Homeland Security"): every tail of a run of
  // capitalized words, so a sentence-initial word does not hide the name.
  for (size_t i = 0; i < words.size();) {
    size_t j = i;
    while (j < words.size()) {
      // Only a single space joins a name ("U.S." or "Mexico, and" do not).
      const bool gap =
          j > i && (words[j].begin != words[j - 1].end + 1 || text[words[j - 1].end] != ' ');
      if (gap) break;
      if (IsUpper(text[words[j].begin])) {
        ++j;
      } else if (j > i && IsLinkWord(word(j)) && j + 1 < words.size() &&
                 IsUpper(text[words[j + 1].begin])) {
        ++j;
      } else {
        break;
      }
    }
    size_t end = j;  // a name does not end on a link word ("Act of" 2025)
    while (end > i && !IsUpper(text[words[end - 1].begin])) --end;
    for (size_t k = i; k < end; ++k) {
      if (!IsUpper(text[words[k].begin])) continue;
      size_t capitals = 0;
      bool shouted = true;  // a heading in capitals is not a name
      for (size_t m = k; m < end; ++m) {
        if (!IsUpper(text[words[m].begin])) continue;
        ++capitals;
        shouted = shouted && AllCaps(word(m));
      }
      if (capitals < 3 || capitals > 6 || shouted) continue;
      phrases.insert(AsciiLower(text.substr(words[k].begin, words[end - 1].end - words[k].begin)));
    }
    i = j > i ? j : i + 1;
  }
  const std::string lower = AsciiLower(text);
  std::vector<std::pair<size_t, std::string>> ranked;
  for (const auto& [a, n] : acronyms) {
    if (n >= 2) ranked.emplace_back(n, AsciiLower(a));
  }
  for (std::string p : phrases) {
    if (p.starts_with("the ")) p.erase(0, 4);  // "the Refugee Convention"
    const size_t n = CountPhrase(lower, p);
    if (n >= 2) ranked.emplace_back(n, p);
  }
  std::sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
    return x.first != y.first ? x.first > y.first : x.second < y.second;
  });
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& [n, t] : ranked) {
    if (out.size() >= max_terms) break;
    if (seen.insert(t).second) out.push_back(t);
  }
  return out;
}

}  // namespace dossier
