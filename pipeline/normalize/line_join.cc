#include "pipeline/normalize/line_join.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "pipeline/normalize/byte_words.h"

namespace dossier::normalize_internal {
namespace {

// Bytes that may start something the joiner rewrites: whitespace, '-' and
// the lead byte of U+00AD (0xC2 0xAD).
constexpr std::array<bool, 256> MakeSpecialTable() {
  std::array<bool, 256> t{};
  for (uint8_t b : {' ', '\t', '\n', '\r', '\f', '-'}) t[b] = true;
  t[0xC2] = true;
  return t;
}
constexpr std::array<bool, 256> kSpecial = MakeSpecialTable();

bool IsShyAt(std::string_view s, size_t i) {
  return i + 1 < s.size() && static_cast<uint8_t>(s[i]) == 0xC2 &&
         static_cast<uint8_t>(s[i + 1]) == 0xAD;
}

bool IsLetter(UChar32 c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return u_isalpha(c);
}

bool IsDigit(UChar32 c) { return c < 0x80 ? c >= '0' && c <= '9' : u_isdigit(c); }

// Returns the code point starting at `i` of valid UTF-8 `s` and sets `next`.
UChar32 CodePointAt(std::string_view s, size_t i, size_t* next = nullptr) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  UChar32 c;
  U8_NEXT(p, i, s.size(), c);
  if (next != nullptr) *next = i;
  return c;
}

// Returns the start of the code point that ends at `i` (> 0) in valid UTF-8.
size_t CodePointStartBefore(std::string_view s, size_t i) {
  size_t j = i - 1;
  while (j > 0 && i - j < 4 && (static_cast<uint8_t>(s[j]) & 0xC0) == 0x80) --j;
  return j;
}

// Returns true when a bullet starts at `i`: "-", "*", "•", "·", "–", "▪".
// The bullet alone decides, not the space after it, so that a piece of text
// cut after the bullet normalizes as it does in the whole.
// So does a number of one to three digits in brackets, as numbered notes
// and list items open ("(1) Committee against Torture, ...", "[2] UNHCR").
bool OpensListItem(std::string_view in, size_t i) {
  for (std::string_view bullet : {"-", "*", "\xE2\x80\xA2", "\xC2\xB7", "\xE2\x80\x93", "\xE2\x96\xAA"}) {
    if (in.substr(i, bullet.size()) == bullet) return true;
  }
  if (i < in.size() && (in[i] == '(' || in[i] == '[')) {
    size_t j = i + 1;
    while (j < in.size() && j - i <= 3 && in[j] >= '0' && in[j] <= '9') ++j;
    return j > i + 1 && j < in.size() && in[j] == (in[i] == '(' ? ')' : ']');
  }
  return false;
}

// A maximal run of whitespace bytes and soft hyphens.
struct Run {
  size_t end = 0;
  int newlines = 0;      // "\r\n" counts once; saturates at 2
  bool has_space = false;
  bool has_form_feed = false;
  // Returns true when the run is one line end: a wrapped line or a page break.
  bool IsLineEnd() const { return newlines == 1 || (newlines == 0 && has_form_feed); }
};

Run ScanRun(std::string_view s, size_t i) {
  Run r;
  const size_t n = s.size();
  while (i < n) {
    auto b = static_cast<uint8_t>(s[i]);
    if (IsSpaceByte(b)) {
      r.has_space = true;
      if (b == '\n' || b == '\r') {
        if (r.newlines < 2) ++r.newlines;
        if (b == '\r' && i + 1 < n && s[i + 1] == '\n') ++i;
      } else if (b == '\f') {
        r.has_form_feed = true;
      }
      ++i;
    } else if (IsShyAt(s, i)) {
      i += 2;
    } else {
      break;
    }
  }
  r.end = i;
  return r;
}

// Returns the start of the maximal letter run ending at `end`.
size_t LetterRunStart(std::string_view s, size_t end) {
  size_t i = end;
  while (i > 0) {
    size_t j = CodePointStartBefore(s, i);
    if (!IsLetter(CodePointAt(s, j))) break;
    i = j;
  }
  return i;
}

// Returns the end of the maximal letter run starting at `begin`.
size_t LetterRunEnd(std::string_view s, size_t begin) {
  size_t i = begin;
  while (i < s.size()) {
    size_t next;
    if (!IsLetter(CodePointAt(s, i, &next))) break;
    i = next;
  }
  return i;
}

// A line-end hyphen between two word parts: "left-<line end>right".
struct HyphenSite {
  size_t hyphen = 0;   // offset of '-'
  size_t run_end = 0;  // end of the whitespace after it (start of `right`)
  bool join = false;
};

// Returns true and fills `site` when the '-' at `h` ends a line inside a word.
bool DetectSite(std::string_view s, size_t h, HyphenSite& site) {
  if (h == 0) return false;
  UChar32 prev = CodePointAt(s, CodePointStartBefore(s, h));
  if (!IsLetter(prev) && !IsDigit(prev)) return false;
  Run r = ScanRun(s, h + 1);
  if (!r.has_space || !r.IsLineEnd() || r.end >= s.size()) return false;
  UChar32 next = CodePointAt(s, r.end);
  if (!IsLetter(next) && !IsDigit(next)) return false;
  site.hyphen = h;
  site.run_end = r.end;
  return true;
}

// ASCII case-insensitive hashing so "Immigration" is evidence for
// "immi-\ngration".
struct CaseFoldHash {
  size_t operator()(std::string_view s) const {
    size_t h = 1469598103934665603ull;
    for (char c : s) {
      auto b = static_cast<uint8_t>(c);
      if (b >= 'A' && b <= 'Z') b |= 0x20;
      h = (h ^ b) * 1099511628211ull;
    }
    return h;
  }
};
struct CaseFoldEqual {
  bool operator()(std::string_view a, std::string_view b) const {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      auto x = static_cast<uint8_t>(a[i]), y = static_cast<uint8_t>(b[i]);
      if (x >= 'A' && x <= 'Z') x |= 0x20;
      if (y >= 'A' && y <= 'Z') y |= 0x20;
      if (x != y) return false;
    }
    return true;
  }
};
using Evidence = std::unordered_map<std::string_view, bool, CaseFoldHash, CaseFoldEqual>;

// Returns the line-end hyphens of `s` in order, each with its decision.
std::vector<HyphenSite> FindHyphenSites(std::string_view s) {
  std::vector<HyphenSite> sites;
  for (size_t h = s.find('-'); h != std::string_view::npos; h = s.find('-', h + 1)) {
    HyphenSite site;
    if (DetectSite(s, h, site)) sites.push_back(site);
  }
  if (sites.empty()) return sites;

  // The forms each site would take, looked up once over the whole text.
  std::vector<std::string> forms;  // joined, hyphenated, per lettered site
  std::vector<size_t> form_of(sites.size(), SIZE_MAX);
  forms.reserve(2 * sites.size());
  for (size_t k = 0; k < sites.size(); ++k) {
    const HyphenSite& st = sites[k];
    // With a digit on either side the hyphen is real: "COVID-19", "19-15716".
    if (!IsLetter(CodePointAt(s, st.run_end)) ||
        !IsLetter(CodePointAt(s, CodePointStartBefore(s, st.hyphen)))) {
      continue;
    }
    std::string_view left = s.substr(LetterRunStart(s, st.hyphen),
                                     st.hyphen - LetterRunStart(s, st.hyphen));
    std::string_view right = s.substr(st.run_end, LetterRunEnd(s, st.run_end) - st.run_end);
    form_of[k] = forms.size();
    forms.emplace_back(left).append(right);
    forms.emplace_back(left).append("-").append(right);
  }
  Evidence joined, hyphenated;
  for (size_t f = 0; f < forms.size(); f += 2) {
    joined.emplace(forms[f], false);
    hyphenated.emplace(forms[f + 1], false);
  }
  if (!forms.empty()) {
    // Every maximal letter run is a candidate joined form; two runs around
    // one '-' are a candidate hyphenated form.
    size_t prev_begin = SIZE_MAX, prev_end = SIZE_MAX;
    size_t i = 0;
    while (i < s.size()) {
      size_t next;
      if (!IsLetter(CodePointAt(s, i, &next))) {
        i = next;
        continue;
      }
      size_t end = LetterRunEnd(s, i);
      if (auto it = joined.find(s.substr(i, end - i)); it != joined.end()) it->second = true;
      if (prev_end != SIZE_MAX && prev_end + 1 == i && s[prev_end] == '-') {
        auto it = hyphenated.find(s.substr(prev_begin, end - prev_begin));
        if (it != hyphenated.end()) it->second = true;
      }
      prev_begin = i;
      prev_end = end;
      i = end;
    }
  }
  for (size_t k = 0; k < sites.size(); ++k) {
    HyphenSite& st = sites[k];
    if (form_of[k] == SIZE_MAX) continue;  // a digit: keep the hyphen
    if (joined.at(forms[form_of[k]])) {
      st.join = true;
    } else if (hyphenated.at(forms[form_of[k] + 1])) {
      st.join = false;
    } else {
      UChar32 first = CodePointAt(s, st.run_end);
      st.join = !(u_isupper(first) || u_istitle(first));
    }
  }
  return sites;
}

// Accumulates the output and its edits; `Keep` defers copying so runs of
// unchanged bytes are appended at once.
class Writer {
 public:
  Writer(std::string_view in, std::string& out, icu::Edits& edits)
      : in_(in), out_(out), edits_(edits) {}

  // Marks [pending, end) as unchanged.
  void KeepTo(size_t end) {
    if (end > pending_) {
      out_.append(in_.data() + pending_, end - pending_);
      edits_.addUnchanged(static_cast<int32_t>(end - pending_));
      pending_ = end;
    }
  }
  // Replaces [begin, end) with `repl`, keeping the part of the input that
  // already reads `repl` unchanged (" \n " -> ' ' keeps the first space).
  void Replace(size_t begin, size_t end, std::string_view repl) {
    KeepTo(begin);
    std::string_view old = in_.substr(begin, end - begin);
    size_t at = repl.empty() ? std::string_view::npos : old.find(repl);
    if (at == std::string_view::npos) {
      edits_.addReplace(static_cast<int32_t>(old.size()), static_cast<int32_t>(repl.size()));
    } else {
      if (at > 0) edits_.addReplace(static_cast<int32_t>(at), 0);
      edits_.addUnchanged(static_cast<int32_t>(repl.size()));
      size_t rest = old.size() - at - repl.size();
      if (rest > 0) edits_.addReplace(static_cast<int32_t>(rest), 0);
    }
    out_.append(repl);
    pending_ = end;
    changed_ = true;
  }
  bool changed() const { return changed_; }

 private:
  std::string_view in_;
  std::string& out_;
  icu::Edits& edits_;
  size_t pending_ = 0;
  bool changed_ = false;
};

}  // namespace

size_t NextJoinCandidate(std::string_view in, size_t i) {
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  const size_t n = in.size();
  if (i == 0) return 0;  // a leading space is dropped
  // The lowest flagged byte is a true candidate (byte_words.h). The byte
  // after the eight is read, so stop short.
  while (i + 9 <= n) {
    const uint64_t w = Load8(s + i);
    const uint64_t space = BytesEqual(w, ' ');
    // Below ' ' (\t \n \r \f), '-' and a soft hyphen's lead byte.
    const uint64_t other = BytesBelow(w, ' ') | BytesEqual(w, '-') | BytesEqual(w, 0xC2);
    // A space matters when the byte after it is special too.
    const uint64_t after = kSpecial[s[i + 8]] ? uint64_t{0x80} << 56 : 0;
    const uint64_t candidates = other | (space & (((other | space) >> 8) | after));
    if (candidates != 0) return i + FirstFlagged(candidates);
    i += 8;
  }
  return i;
}

bool JoinLines(std::string_view in, bool join_hyphenation, std::string& out,
               icu::Edits& edits) {
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  const size_t n = in.size();
  std::vector<HyphenSite> sites;
  if (join_hyphenation) sites = FindHyphenSites(in);
  size_t next_site = 0;
  out.reserve(out.size() + n);
  Writer w(in, out, edits);
  size_t i = 0;
  while (i < n) {
    i = NextJoinCandidate(in, i);
    if (i >= n) break;
    if (!kSpecial[s[i]]) {
      ++i;
      continue;
    }
    uint8_t b = s[i];
    if (b == '-') {
      if (next_site < sites.size() && sites[next_site].hyphen == i) {
        const HyphenSite& st = sites[next_site++];
        w.Replace(st.join ? i : i + 1, st.run_end, "");
        i = st.run_end;
      } else {
        ++i;
      }
      continue;
    }
    bool shy = IsShyAt(in, i);
    if (!shy && !IsSpaceByte(b)) {  // 0xC2 leading another character
      ++i;
      continue;
    }
    // The common case, one space between words, stays as it is.
    if (b == ' ' && i > 0 && i + 1 < n && !kSpecial[s[i + 1]]) {
      ++i;
      continue;
    }
    Run r = ScanRun(in, i);
    std::string_view repl;
    if (i == 0 || r.end == n || !r.has_space) {
      repl = "";
    } else if (shy && join_hyphenation && r.IsLineEnd() &&
               IsLetter(CodePointAt(in, CodePointStartBefore(in, i))) &&
               (IsLetter(CodePointAt(in, r.end)) || IsDigit(CodePointAt(in, r.end)))) {
      repl = "";  // "immi\u00AD\ngration": the soft hyphen marks the break
    } else {
      // A line that opens with a bullet starts a list item: a block of its
      // own, as after a blank line ("- Venezuela: 96.870").
      repl = r.newlines >= 2 || (r.newlines == 1 && OpensListItem(in, r.end)) ? "\n\n" : " ";
    }
    if (repl.size() != r.end - i || in.compare(i, repl.size(), repl) != 0) {
      w.Replace(i, r.end, repl);
    }
    i = r.end;
  }
  w.KeepTo(n);
  return w.changed();
}

}  // namespace dossier::normalize_internal
