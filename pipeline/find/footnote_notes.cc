#include "pipeline/find/footnote_notes.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "pipeline/find/provision_text.h"
#include "pipeline/core/text_util.h"

namespace dossier {

namespace {

constexpr size_t npos = std::string_view::npos;
constexpr size_t kMaxNoteLines = 8;      // a footnote longer than this is body text
constexpr size_t kMaxNoteBytes = 2000;
constexpr size_t kMaxNumber = 999;

bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)); }
bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)); }
bool IsUpper(char c) { return std::isupper(static_cast<unsigned char>(c)); }
bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)); }

// Returns [begin, end) of `text` without surrounding whitespace.
std::pair<size_t, size_t> Trim(std::string_view text, size_t begin, size_t end) {
  while (begin < end && IsSpace(text[begin])) ++begin;
  while (end > begin && IsSpace(text[end - 1])) --end;
  return {begin, end};
}

// First normalized offset of each footnote marker: a number of one to three
// digits glued to the word or punctuation before it ("Protocols.6",
// "violence11", "2019,10"). npos when the text has none.
std::vector<size_t> MarkerPositions(std::string_view text) {
  std::vector<size_t> first(kMaxNumber + 1, std::string_view::npos);
  size_t i = 0;
  while (i < text.size()) {
    if (!IsDigit(text[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && IsDigit(text[j])) ++j;
    if (i > 0 && j - i <= 3 && (j >= text.size() || !IsDigit(text[j]))) {
      const unsigned char before = static_cast<unsigned char>(text[i - 1]);
      const bool glued = std::isalpha(before) || before == '.' || before == ',' || before == ';' ||
                         before == ':' || before == '"' || before == '\'' || before == ')';
      // "PS4", "X4", "MP3": digits after capitals name a model, not a note.
      const bool model = std::isupper(before) && (i < 2 || std::isupper(static_cast<unsigned char>(text[i - 2])) ||
                                                  text[i - 2] == ' ' || text[i - 2] == '\n');
      if (glued && !model) {
        size_t n = 0;
        for (size_t k = i; k < j; ++k) n = n * 10 + static_cast<size_t>(text[k] - '0');
        if (n <= kMaxNumber && first[n] == std::string_view::npos) first[n] = i;
      }
    }
    i = j;
  }
  return first;
}

// Returns true when `line` holds footnote marker `n` glued to a word.
bool HasMarker(std::string_view line, size_t n) {
  const std::string digits = std::to_string(n);
  for (size_t at = line.find(digits); at != std::string_view::npos; at = line.find(digits, at + 1)) {
    if (at == 0) continue;
    const unsigned char before = static_cast<unsigned char>(line[at - 1]);
    const size_t after = at + digits.size();
    if (std::isdigit(before) || (after < line.size() && IsDigit(line[after]))) continue;
    if (std::isalpha(before) || before == '.' || before == ',' || before == '"' || before == ')' ||
        before == 0x9D /* end of a curly quote */) {
      return true;
    }
  }
  return false;
}

struct Line {
  size_t begin = 0, end = 0;  // raw offsets of the trimmed content
  bool blank = true;
};

std::vector<Line> RawLines(std::string_view raw) {
  std::vector<Line> lines;
  size_t pos = 0;
  while (pos <= raw.size()) {
    size_t nl = raw.find('\n', pos);
    if (nl == std::string_view::npos) nl = raw.size();
    auto [b, e] = Trim(raw, pos, nl);
    lines.push_back({b, e, b == e});
    if (nl == raw.size()) break;
    pos = nl + 1;
  }
  return lines;
}

// Returns the footnote number a line starts with ("6 United States ..."),
// or 0; `content` gets the offset just after the number and its space.
size_t NoteNumber(std::string_view raw, const Line& line, size_t* content) {
  size_t i = line.begin;
  size_t n = 0;
  while (i < line.end && IsDigit(raw[i]) && i - line.begin < 3) n = n * 10 + static_cast<size_t>(raw[i++] - '0');
  if (i == line.begin || i >= line.end || !(raw[i] == ' ' || raw[i] == '\t')) return 0;
  while (i < line.end && (raw[i] == ' ' || raw[i] == '\t')) ++i;
  if (i >= line.end) return 0;
  const unsigned char c = static_cast<unsigned char>(raw[i]);
  // A note opens with a name, a quoted title, a year or a bracket; UTF-8
  // lead bytes cover curly quotes and accented capitals.
  if (!(IsUpper(raw[i]) || IsDigit(raw[i]) || c == '"' || c == '\'' || c == '(' || c == '[' || c >= 0xC2)) return 0;
  *content = i;
  return n;
}

// Returns true when a line ends a sentence ("2019.", "Refoulement.\"").
bool EndsSentence(std::string_view raw, const Line& line) {
  size_t e = line.end;
  while (e > line.begin) {
    const unsigned char c = static_cast<unsigned char>(raw[e - 1]);
    if (c == '"' || c == '\'' || c == ')') {
      --e;
    } else if (e - line.begin >= 3 && c >= 0x80 && raw.substr(e - 3, 3) >= "\xE2\x80\x98" &&
               raw.substr(e - 3, 3) <= "\xE2\x80\x9D") {
      e -= 3;  // a curly quote
    } else {
      break;
    }
  }
  return e > line.begin && (raw[e - 1] == '.' || raw[e - 1] == '?' || raw[e - 1] == '!');
}

// Numbered footnote blocks of a plain-text document.
void FindNumberedNotes(const Document& doc, std::vector<NoteRange>* out) {
  const std::string_view raw = doc.raw_text;
  const std::vector<Line> lines = RawLines(raw);
  // Without a line opening with a number there is nothing to take, and the
  // markers need not be looked for (most documents).
  size_t i = 0;
  for (size_t content = 0; i < lines.size(); ++i) {
    if (!lines[i].blank && NoteNumber(raw, lines[i], &content) >= 1) break;
  }
  if (i == lines.size()) return;
  const std::vector<size_t> markers = MarkerPositions(doc.text);
  const size_t first_taken = out->size();
  // Returns true when a line opening with note `n` comes within a few lines
  // after line `from`.
  auto next_near = [&](size_t from, size_t n) {
    size_t ignored = 0;
    for (size_t k = from + 1, seen = 0; k < lines.size() && seen < kMaxNoteLines; ++k) {
      if (lines[k].blank) continue;
      if (NoteNumber(raw, lines[k], &ignored) == n) return true;
      ++seen;
    }
    return false;
  };
  // The notes start at the first announced line opening with note 1, when
  // there is one: a body line before it may open with a number too ("3
  // September 2023. Under Article 9 ...").
  for (size_t k = i, content = 0; k < lines.size(); ++k) {
    if (!lines[k].blank && NoteNumber(raw, lines[k], &content) == 1 && markers[1] != std::string_view::npos &&
        markers[1] < doc.offsets.ToNorm(lines[k].begin)) {
      i = k;
      break;
    }
  }
  size_t last = 0;     // number of the last note taken
  while (i < lines.size()) {
    size_t content = 0;
    const size_t n = lines[i].blank ? 0 : NoteNumber(raw, lines[i], &content);
    // Notes are numbered from 1; an excerpt's may start later ("12 P.L.
    // 104-208 ..."), when the next note follows it.
    if (n == 0 || n <= last || n > last + 5 + (last == 0 && next_near(i, n + 1) ? kMaxNumber : 0)) {
      ++i;
      continue;
    }
    const size_t at = doc.offsets.ToNorm(lines[i].begin);
    const bool announced = markers[n] != std::string_view::npos && markers[n] < at;
    const bool follows = n == last + 1 && !out->empty() && out->back().label == std::to_string(last) &&
                         at - out->back().end < 8;
    if (!announced && !follows) {
      ++i;
      continue;
    }
    // The note runs over its continuation lines: to the next note when that
    // comes within a few lines, else to the first line ending a sentence.
    size_t end_line = i;
    bool terminal = EndsSentence(raw, lines[i]);
    size_t taken = 1;
    size_t k = i + 1;
    while (k < lines.size() && taken < kMaxNoteLines) {
      if (lines[k].blank) {
        ++k;
        continue;
      }
      size_t ignored = 0;
      if (NoteNumber(raw, lines[k], &ignored) == n + 1) break;
      // Body text between this note and the next carries the next note's
      // marker ("...announced in June.3"): a note never does.
      if (HasMarker(raw.substr(lines[k].begin, lines[k].end - lines[k].begin), n + 1)) break;
      if (terminal) {
        bool next_note_near = false;
        for (size_t m = k, seen = 0; m < lines.size() && seen < 3; ++m) {
          if (lines[m].blank) continue;
          if (NoteNumber(raw, lines[m], &ignored) == n + 1) {
            next_note_near = true;
            break;
          }
          ++seen;
        }
        if (!next_note_near) break;
      }
      if (lines[k].end - lines[i].begin > kMaxNoteBytes) break;
      end_line = k;
      terminal = EndsSentence(raw, lines[k]);
      ++taken;
      ++k;
    }
    auto [b, e] = Trim(doc.text, doc.offsets.ToNorm(content), doc.offsets.ToNormEnd(lines[end_line].end));
    if (b < e) out->push_back({b, e, std::to_string(n)});
    last = n;
    i = end_line + 1;
  }
  // One block numbered 2 to 5 and no other ("- 3 June 2024: Proclamation
  // ..." in a timeline) is a line that opens with a number, not a note.
  if (out->size() == first_taken + 1 && out->back().label != "1") out->pop_back();
}

// Returns true when `s` reads as running prose: more than twelve words,
// most of them starting in lower case ("Texas SB 4 was blocked by a federal
// judge on ..."). A reference's words are mostly names and title words.
bool IsProse(std::string_view s) {
  size_t words = 0, lower = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (IsSpace(s[i]) || i == 0) {
      const size_t w = IsSpace(s[i]) ? i + 1 : i;
      if (w < s.size() && !IsSpace(s[w])) {
        ++words;
        if (std::islower(static_cast<unsigned char>(s[w]))) ++lower;
      }
    }
  }
  return words > 12 && lower * 2 > words;
}

// Returns true when `p` holds a year of 1900-2099 standing alone.
bool HasYear(std::string_view p) {
  for (size_t i = 0; i + 4 <= p.size(); ++i) {
    if ((p[i] == '1' && p[i + 1] == '9') || (p[i] == '2' && p[i + 1] == '0')) {
      if (IsDigit(p[i + 2]) && IsDigit(p[i + 3]) && (i == 0 || !IsDigit(p[i - 1])) &&
          (i + 4 == p.size() || !IsDigit(p[i + 4]))) {
        return true;
      }
    }
  }
  return false;
}

// Returns true when `p` holds a link or a quoted title.
bool LinkOrQuote(std::string_view p) {
  return p.find("http") != std::string_view::npos || p.find('"') != std::string_view::npos;
}

// Returns the text of a heading without Markdown's '#' and a closing colon
// ("## References:" -> "References").
std::string_view HeadingText(std::string_view p) {
  while (!p.empty() && (p.front() == '#' || p.front() == ' ')) p.remove_prefix(1);
  while (!p.empty() && (p.back() == ':' || p.back() == ' ')) p.remove_suffix(1);
  return p;
}

bool LooksLikeReference(std::string_view p) {
  if (p.size() < 20 || p.size() > kMaxNoteBytes) return false;
  if (LinkOrQuote(p)) return true;
  // A dated sentence under a "Notes" heading is a note on the text, not a
  // work a reader could look up.
  if (IsProse(p)) return false;
  return HasYear(p);
}

// Returns true when a footnote names a work a reader could look up: a
// link or a quoted title, or a dated entry of at least four parts
// ("Committee against Torture, general comment No. 4 (2017) ..., CAT/C/GC/4,
// 4 September 2018."). "Section 18.5 was added by S.B. 1310 and took
// effect January 1, 2015." remarks on the text.
bool NamesAWork(std::string_view p) {
  if (p.size() < 20 || p.size() > kMaxNoteBytes) return false;
  return LinkOrQuote(p) || (std::count(p.begin(), p.end(), ',') >= 3 && HasYear(p));
}

// Returns true when `head` (lower case) is a reference heading: one of
// `headings`, alone or after one of `qualifiers` ("selected bibliography").
bool IsReferenceHeading(std::string_view head, const NoteVocabulary& words) {
  if (std::find(words.headings.begin(), words.headings.end(), head) != words.headings.end()) return true;
  const size_t space = head.find(' ');
  if (space == std::string_view::npos) return false;
  const std::string_view first = head.substr(0, space), rest = head.substr(space + 1);
  return std::find(words.qualifiers.begin(), words.qualifiers.end(), first) != words.qualifiers.end() &&
         std::find(words.headings.begin(), words.headings.end(), rest) != words.headings.end();
}

// Returns true when the line or paragraph `p` is a reference heading
// ("References", "## Notes:").
bool IsReferenceHeadingLine(std::string_view p, const NoteVocabulary& words) {
  const std::string_view head = HeadingText(p);
  return head.size() < 40 && IsReferenceHeading(AsciiLower(head), words);
}

// Returns true when the sorted, non-overlapping `spans` inside [begin, end)
// make up at least a quarter of it: an entry of statute cites with a signal
// or a parenthetical, not a statement that ends on one ("No party's counsel
// authored this brief ... Fed. R. App. P. 29(a)(4)(E).").
bool MostlyCites(std::span<const std::pair<size_t, size_t>> spans, size_t begin, size_t end) {
  size_t covered = 0;
  for (auto it = std::lower_bound(spans.begin(), spans.end(), std::make_pair(begin, size_t{0}));
       it != spans.end() && it->second <= end; ++it) {
    covered += it->second - it->first;
  }
  return covered > 0 && 4 * covered >= end - begin;
}

// Returns the number a line opens with in brackets ("[2] ...", "(2) ..."),
// or 0; `content` gets the offset just after it and its space.
size_t BracketedNoteNumber(std::string_view raw, const Line& line, size_t* content) {
  size_t i = line.begin;
  if (i + 3 >= line.end || (raw[i] != '[' && raw[i] != '(')) return 0;
  const char close = raw[i] == '[' ? ']' : ')';
  size_t n = 0, digits = 0;
  for (++i; i < line.end && IsDigit(raw[i]) && digits < 3; ++i, ++digits) n = n * 10 + static_cast<size_t>(raw[i] - '0');
  if (digits == 0 || i + 1 >= line.end || raw[i] != close || (raw[i + 1] != ' ' && raw[i + 1] != '\t')) return 0;
  for (i += 1; i < line.end && (raw[i] == ' ' || raw[i] == '\t'); ++i) {
  }
  *content = i;
  return n;
}

// Returns true for a line drawn to set notes off from the text: only rule
// characters ("___________", "-----", "* * *"), at least three of them.
bool IsRuleLine(std::string_view raw, const Line& line) {
  size_t marks = 0;
  for (size_t i = line.begin; i < line.end; ++i) {
    const char c = raw[i];
    if (c == '_' || c == '-' || c == '=' || c == '*') {
      ++marks;
    } else if (c != ' ') {
      return false;
    }
  }
  return marks >= 3;
}

// Plain-text notes numbered in brackets under a rule or a notes heading,
// at the end of a document: "___" then "(1) Committee against Torture,
// ...", "(2) ...". The numbers run from 1; each note takes the lines up to
// the next number; what comes after the last note is at most a short
// footer. A note is kept when it names a work (NamesAWork): footnotes
// that remark on the text are no citation.
void FindNotesAfterRule(const Document& doc, const NoteVocabulary& words, std::vector<NoteRange>* out) {
  const std::string_view raw = doc.raw_text;
  const std::vector<Line> lines = RawLines(raw);
  // The last opener line: notes close a document.
  size_t opener = lines.size();
  for (size_t i = lines.size(); i-- > 0;) {
    if (lines[i].blank) continue;
    if (IsRuleLine(raw, lines[i]) ||
        IsReferenceHeadingLine(raw.substr(lines[i].begin, lines[i].end - lines[i].begin), words)) {
      opener = i;
      break;
    }
  }
  if (opener == lines.size()) return;
  std::vector<NoteRange> found;
  size_t i = opener + 1;
  while (i < lines.size() && lines[i].blank) ++i;
  size_t content = 0;
  for (size_t expected = 1; i < lines.size() && BracketedNoteNumber(raw, lines[i], &content) == expected; ++expected) {
    size_t end_line = i;
    size_t next_content = 0;
    size_t k = i + 1;
    for (size_t taken = 1; k < lines.size() && taken < kMaxNoteLines; ++k, ++taken) {
      if (lines[k].blank) break;  // a note's lines run on without a gap
      if (BracketedNoteNumber(raw, lines[k], &next_content) == expected + 1) break;
      if (lines[k].end - lines[i].begin > kMaxNoteBytes) break;
      end_line = k;
    }
    auto [b, e] = Trim(doc.text, doc.offsets.ToNorm(content), doc.offsets.ToNormEnd(lines[end_line].end));
    if (b < e) found.push_back({b, e, std::to_string(expected)});
    i = end_line + 1;
    while (i < lines.size() && lines[i].blank) ++i;
  }
  // What follows the notes: a footer line or two, or the notes were not the end.
  size_t after = 0;
  for (; i < lines.size(); ++i) after += lines[i].blank ? 0 : 1;
  if (found.empty() || after > 2) return;
  for (NoteRange& n : found) {
    if (NamesAWork(std::string_view(doc.text).substr(n.begin, n.end - n.begin))) out->push_back(std::move(n));
  }
}

// Paragraphs under a "References" / "Bibliography" heading.
// Splits the paragraph text[b, e) of a reference section at each entry
// number that continues its count: "[1] A. ... [2] B." (lines the
// normalizer joined) are two entries. A paragraph that does not open with
// a number is one entry.
std::vector<std::pair<size_t, size_t>> NumberedEntries(std::string_view text, size_t b, size_t e) {
  std::vector<std::pair<size_t, size_t>> out;
  // The number an entry opens with at `at` ("[3] " or "3. "), or 0.
  auto number_at = [&](size_t at) -> size_t {
    const bool bracket = at < e && text[at] == '[';
    size_t d = at + (bracket ? 1 : 0), n = 0, digits = 0;
    while (d < e && IsDigit(text[d]) && digits < 4) n = n * 10 + static_cast<size_t>(text[d++] - '0'), ++digits;
    if (digits == 0) return 0;
    if (bracket ? !(d + 1 < e && text[d] == ']' && text[d + 1] == ' ')
                : !(d + 1 < e && text[d] == '.' && text[d + 1] == ' ')) {
      return 0;
    }
    return n;
  };
  size_t next = number_at(b);
  if (next == 0) return {{b, e}};
  size_t start = b;
  for (size_t i = b + 1; i + 1 < e; ++i) {
    // A new entry starts after a space, once the one before has ended.
    if (text[i - 1] != ' ' || i < 2 || (text[i - 2] != '.' && text[i - 2] != ')')) continue;
    if (number_at(i) != next + 1) continue;
    auto [tb, te] = Trim(text, start, i);
    if (tb < te) out.emplace_back(tb, te);
    start = i;
    ++next;
  }
  auto [tb, te] = Trim(text, start, e);
  if (tb < te) out.emplace_back(tb, te);
  return out;
}

// Splits the paragraph text[b, e) of a table of authorities at its dot
// leaders: "Am. Immigration Council, ... (Jan. 2, 2020) ........ 11 TRAC
// Immigration, ..." holds two entries, each without its leader and the
// pages after it ("4, 7, 12", "passim"). Empty when the paragraph has no
// leader.
std::vector<std::pair<size_t, size_t>> LeaderEntries(std::string_view text, size_t b, size_t e) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t start = b;
  for (size_t i = b; i < e;) {
    // A leader: four dots or more, spaced or not ("....", ". . . .").
    size_t j = i, dots = 0;
    while (j < e && (text[j] == '.' || (text[j] == ' ' && j + 1 < e && text[j + 1] == '.' && dots > 0))) {
      dots += text[j] == '.';
      ++j;
    }
    if (dots < 4) {
      i = j > i ? j : i + 1;
      continue;
    }
    auto [tb, te] = Trim(text, start, i);
    // The pages the entry is cited on.
    while (j < e && (IsDigit(text[j]) || text[j] == ',' || text[j] == ' ' || text[j] == '-' || text[j] == 'n' ||
                     text[j] == '.')) {
      ++j;
    }
    if (text.substr(j, 6) == "passim") j += 6;
    if (tb < te) out.emplace_back(tb, te);
    start = i = j;
  }
  if (!out.empty()) {
    auto [tb, te] = Trim(text, start, e);
    if (tb < te) out.emplace_back(tb, te);
  }
  return out;
}

void FindReferenceSections(const Document& doc, const NoteVocabulary& words,
                           std::span<const std::pair<size_t, size_t>> cited, std::vector<NoteRange>* out) {
  const std::string_view text = doc.text;
  bool in_section = false;
  size_t misses = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find("\n\n", pos);
    if (end == std::string_view::npos) end = text.size();
    auto [b, e] = Trim(text, pos, end);
    std::string_view p = text.substr(b, e - b);
    if (IsReferenceHeadingLine(p, words)) {
      in_section = true;
      misses = 0;
    } else if (in_section) {
      // A table of authorities' "Other Authorities": one entry per leader.
      if (const auto entries = LeaderEntries(text, b, e); !entries.empty()) {
        for (const auto& [eb, ee] : entries) {
          if (LooksLikeReference(text.substr(eb, ee - eb))) out->push_back({eb, ee, ""});
        }
        misses = 0;
        pos = end + 2;
        continue;
      }
      // An entry that cites statutes ("8 C.F.R. § 1240.10(a)(1); see also
      // INA § 240(b)(4)(A).") is a note too.
      if (LooksLikeReference(p) || MostlyCites(cited, b, e)) {
        for (const auto& [eb, ee] : NumberedEntries(text, b, e)) {
          // "1. ", "[1] ", "(1) " numbering is not part of the entry: it is
          // the label the text's note markers point to (endnotes).
          std::string_view entry = text.substr(eb, ee - eb);
          size_t skip = 0;
          while (skip < entry.size() && (IsDigit(entry[skip]) || entry[skip] == '[' || entry[skip] == ']' ||
                                         entry[skip] == '(' || entry[skip] == ')' || entry[skip] == '.')) {
            ++skip;
          }
          std::string label;
          size_t entry_begin = eb;
          if (skip > 0 && skip < entry.size() && entry[skip] == ' ') {
            for (char c : entry.substr(0, skip)) {
              if (IsDigit(c)) label += c;
            }
            entry_begin += skip + 1;
          }
          out->push_back({entry_begin, ee, std::move(label)});
        }
        misses = 0;
      } else if (++misses >= 2 || (p.size() < 60 && !p.ends_with("."))) {
        in_section = false;  // the next heading or the body again
      }
    }
    pos = end + 2;
  }
}

// Returns the offsets in `s` where sentences start, ". " not counting after
// initials ("U.S.", "D.C.", "J.") or short abbreviations ("Inc.", "No.").
std::vector<std::pair<size_t, size_t>> Pieces(std::string_view s) {
  // Abbreviations a period does not end a piece after; months too, since a
  // date inside a note ("(Jan. 24, 2019)") runs on.
  static const std::array<std::string_view, 46> kAbbrev = {
      "Inc", "Ltd", "Co",  "Corp", "No",  "Vol", "St",  "Dr",  "Mr",   "Ms",  "Mrs", "Jr",
      "Sr",  "Dept", "Univ", "vs", "v",   "al",  "pp",  "p",   "ed",   "eds", "Jan", "Feb",
      "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Sec",  "Gov", "no",  "nos",
      "para", "paras", "vol", "art", "Exec", "Am", "Off", "Admin", "Immigr", "Serv"};
  std::vector<std::pair<size_t, size_t>> out;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '.' || (i + 1 < s.size() && s[i + 1] != ' ')) continue;
    size_t w = i;
    while (w > start && s[w - 1] != ' ') --w;
    std::string_view word = s.substr(w, i - w);
    while (!word.empty() && (word[0] == '(' || word[0] == '[')) word.remove_prefix(1);  // "(Jan. 24"
    const bool initials = !word.empty() && IsUpper(word[0]) && (word.size() == 1 || word[1] == '.');
    const bool abbrev = std::find(kAbbrev.begin(), kAbbrev.end(), word) != kAbbrev.end();
    if ((initials || abbrev) && i + 1 < s.size()) continue;
    auto [b, e] = Trim(s, start, i);
    if (b < e) out.emplace_back(b, e);
    start = i + 1;
  }
  auto [b, e] = Trim(s, start, s.size());
  if (b < e) out.emplace_back(b, e);
  return out;
}

bool StartsWithMonthOrDigit(std::string_view s) {
  static const std::array<std::string_view, 12> kMonths = {"January", "February", "March",     "April",
                                                           "May",     "June",     "July",      "August",
                                                           "September", "October", "November", "December"};
  if (s.empty()) return false;
  if (IsDigit(s[0])) return true;
  for (std::string_view m : kMonths) {
    if (s.starts_with(m.substr(0, 3))) return true;
  }
  return false;
}

// The publisher named in `rest` (what follows a title), or "".
std::string Publisher(std::string_view rest, const std::vector<std::string>& genre_words) {
  for (auto [b, e] : Pieces(rest)) {
    std::string_view piece = rest.substr(b, e - b);
    if (piece.empty() || piece[0] == ':') continue;  // a subtitle after the quoted title
    // "New York: Human Rights Watch, July 2, 2019": a place before the
    // publisher (a few words, no digits) stays out.
    if (const size_t colon = piece.find(": "); colon != std::string_view::npos && colon <= 24 &&
                                               piece.substr(0, colon).find_first_of("0123456789") == npos) {
      piece.remove_prefix(colon + 2);
    }
    // "Excelsior, September 9, 2019": the name ends at the comma, except
    // before a company suffix ("TRAC Reports, Inc.").
    size_t cut = 0;
    while ((cut = piece.find(", ", cut)) != std::string_view::npos) {
      std::string_view after = piece.substr(cut + 2);
      if (!(after.starts_with("Inc") || after.starts_with("Ltd") || after.starts_with("LLC") ||
            after.starts_with("Co."))) {
        piece = piece.substr(0, cut);
        break;
      }
      cut += 2;
    }
    for (std::string_view suffix : {"Inc.", "Ltd.", "LLC", "Co."}) {
      const size_t at = piece.find(suffix);
      if (at != std::string_view::npos) piece = piece.substr(0, at + suffix.size());
    }
    if (piece.empty()) continue;
    if (std::find(genre_words.begin(), genre_words.end(), piece) != genre_words.end()) continue;
    if (!IsUpper(piece[0]) || StartsWithMonthOrDigit(piece)) return "";
    return CollapseSpaces(piece);
  }
  return "";
}

std::string TrimPunct(std::string_view s) {
  while (!s.empty() && (IsSpace(s.back()) || s.back() == ',' || s.back() == '.' || s.back() == ';' || s.back() == ':')) {
    s.remove_suffix(1);
  }
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  return CollapseSpaces(s);
}

// The author piece without a signal before it or an APA year after it:
// "See Smith, J. (2020)" -> "Smith, J.".
std::string Author(std::string_view piece, const std::vector<std::string>& signals) {
  std::string author = TrimPunct(piece);
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (const std::string& signal : signals) {  // longest first
      if (author.size() > signal.size() + 1 && author.starts_with(signal) &&
          (author[signal.size()] == ' ' || author[signal.size()] == ',')) {
        author = TrimPunct(std::string_view(author).substr(signal.size() + 1));
        stripped = true;
        break;
      }
    }
  }
  if (author.size() > 6 && author.back() == ')') {
    const size_t open = author.rfind(" (");
    if (open != std::string::npos && (author.compare(open + 2, 4, "n.d.") == 0 ||
                                      (open + 6 < author.size() && IsDigit(author[open + 2]) &&
                                       IsDigit(author[open + 3]) && IsDigit(author[open + 4]) &&
                                       IsDigit(author[open + 5])))) {
      author = TrimPunct(std::string_view(author).substr(0, open));
    }
  }
  // A one-letter word ending the name is an initial and keeps its period
  // ("Smith, J."), which trimming took.
  const size_t n = author.size();
  if (n >= 2 && IsUpper(author[n - 1]) && author[n - 2] == ' ') author += '.';
  return author;
}

// The offset of a closing "(Place: Publisher, date)" in `note`, or npos. A
// page cited after it stays out: "(New York: HRF, February 2020), 4.",
// "(London: Amnesty International, 2018), p. 14."
size_t PublicationParenthesis(std::string_view note, bool* date_only = nullptr) {
  size_t end = note.size();
  // "(Jan. 24, 2019), https://...": an address after it is no part of it.
  if (const size_t url = note.rfind(" http"); url != npos && note.find(' ', url + 1) == npos) end = url;
  while (end > 0 && (IsSpace(note[end - 1]) || note[end - 1] == '.' || note[end - 1] == ',')) --end;
  size_t page = end;
  while (page > 0 && (IsDigit(note[page - 1]) || note[page - 1] == '-')) --page;
  // "(London: AI, 2018), p. 14.", "pp. 3-5", "at 12", "para. 40"
  if (page < end) {
    for (std::string_view word : {"pp. ", "p. ", "at ", "paras. ", "para. "}) {
      if (note.substr(0, page).ends_with(word)) {
        page -= word.size();
        break;
      }
    }
  }
  if (page < end && page >= 3 && note[page - 1] == ' ' && note[page - 2] == ',' && note[page - 3] == ')') {
    end = page - 2;
  }
  if (end == 0 || note[end - 1] != ')') return npos;
  const size_t open = note.rfind('(', end - 1);
  if (open == npos) return npos;
  const std::string_view inner = note.substr(open + 1, end - open - 2);
  const size_t colon = inner.find(": ");
  if (colon != npos && colon <= 24 && inner.find_first_of("0123456789") != npos) return open;
  // "(Jan. 24, 2019)": a date alone, as legal citation gives a web page's.
  if (date_only != nullptr && StartsWithMonthOrDigit(inner) && inner.size() <= 20 &&
      inner.find_first_of("0123456789") != npos) {
    *date_only = true;
    return open;
  }
  return npos;
}

// The publisher in `rest`: in a "(Place: Publisher, date)" parenthesis
// there, or as the first piece.
std::string PublisherOf(std::string_view rest, const std::vector<std::string>& genre_words) {
  if (const size_t paren = PublicationParenthesis(rest); paren != npos) {
    std::string_view inner = rest.substr(paren + 1);
    inner = inner.substr(0, inner.rfind(')'));
    return Publisher(inner, genre_words);
  }
  return Publisher(rest, genre_words);
}

}  // namespace

std::vector<NoteRange> FindNotes(const Document& doc, const NoteVocabulary& words,
                                 std::span<const std::pair<size_t, size_t>> cited) {
  std::vector<NoteRange> out;
  bool has_footnotes = false;
  for (const Segment& seg : doc.segments) {
    if (seg.role != Role::kFootnote) continue;
    has_footnotes = true;
    auto [b, e] = Trim(doc.text, doc.offsets.ToNorm(seg.begin), doc.offsets.ToNormEnd(seg.end));
    // A web page's back link ("↩", "↑") closes the note but is none of it.
    for (std::string_view arrow : {"\xE2\x86\xA9", "\xE2\x86\x91"}) {
      if (e >= b + arrow.size() && std::string_view(doc.text).substr(e - arrow.size(), arrow.size()) == arrow) {
        std::tie(b, e) = Trim(doc.text, b, e - arrow.size());
      }
    }
    std::string label = seg.label;
    // The number may open the footnote text: "6 United States ..."
    size_t d = b;
    while (d < e && IsDigit(doc.text[d])) ++d;
    if (d > b && d < e && (doc.text[d] == ' ' || doc.text[d] == '.')) {
      if (label.empty()) label = doc.text.substr(b, d - b);
      if (label == doc.text.substr(b, d - b)) b = Trim(doc.text, d + 1, e).first;
    }
    if (b >= e) continue;
    if (!out.empty() && out.back().label == label && !label.empty() && out.back().end <= b) {
      out.back().end = e;  // one footnote continued on the next page
    } else {
      out.push_back({b, e, std::move(label)});
    }
  }
  if (!has_footnotes && (doc.format == Format::kText || doc.format == Format::kMarkdown ||
                         doc.format == Format::kPdf || doc.format == Format::kUnknown)) {
    FindNumberedNotes(doc, &out);
    FindNotesAfterRule(doc, words, &out);
  }
  FindReferenceSections(doc, words, cited, &out);
  std::sort(out.begin(), out.end(), [](const NoteRange& a, const NoteRange& b) { return a.begin < b.begin; });
  std::vector<NoteRange> kept;
  for (NoteRange& n : out) {
    if (!kept.empty() && n.begin < kept.back().end) continue;
    kept.push_back(std::move(n));
  }
  return kept;
}

NoteParts ParseNoteParts(std::string_view original, const std::vector<std::string>& genre_words,
                         const NoteOpeners& openers) {
  NoteParts parts;
  for (const std::string& form : openers.short_forms) {
    if (original.starts_with(form) && (original.size() == form.size() || !IsAlnum(original[form.size()]))) {
      return parts;  // "Id. at 1080": the note before it, again
    }
  }
  // Paragraph breaks inside a note are plain spaces here; the copy keeps
  // every offset, so the title's offsets hold in the original.
  std::string flat(original);
  std::replace_if(flat.begin(), flat.end(), IsSpace, ' ');
  const std::string_view note = flat;
  // An opening quote starts the text or follows a space or bracket.
  size_t open = std::string_view::npos;
  for (size_t i = 0; i < note.size(); ++i) {
    if (note[i] == '"' && (i == 0 || note[i - 1] == ' ' || note[i - 1] == '(')) {
      open = i;
      break;
    }
  }
  size_t close = std::string_view::npos;
  size_t inner = 0;  // inner quotes opened inside the title
  if (open != std::string_view::npos) {
    for (size_t i = open + 1; i < note.size(); ++i) {
      if (note[i] != '"') continue;
      if (note[i - 1] == ' ') {
        ++inner;
        continue;
      }
      close = i;
      break;
    }
  }
  if (open == std::string_view::npos || close == std::string_view::npos) {
    // 'Single quotes' (British style): opened before a capital, closed
    // before a space or punctuation, so "Don't" inside stays in the title.
    open = close = std::string_view::npos;
    inner = 0;
    for (size_t i = 0; i + 1 < note.size() && open == std::string_view::npos; ++i) {
      if (note[i] == '\'' && (i == 0 || note[i - 1] == ' ' || note[i - 1] == '(') && IsUpper(note[i + 1])) open = i;
    }
    for (size_t i = open == std::string_view::npos ? note.size() : open + 2; i < note.size(); ++i) {
      if (note[i] == '\'' && note[i - 1] != ' ' && (i + 1 == note.size() || !IsAlnum(note[i + 1]))) {
        close = i;
        break;
      }
    }
    // A title has words: 'S80~Y84' is a code in quotes.
    if (close != npos && note.substr(open, close - open).find(' ') == npos) open = close = npos;
  }
  if (open != std::string_view::npos && close != std::string_view::npos) {
    std::string title = TrimPunct(note.substr(open + 1, close - open - 1));
    if (inner % 2 == 1) title += '"';  // `the "Migrant Protection Protocols,"`
    parts.title = title;
    parts.title_begin = open;
    parts.title_end = close + 1;
    const std::vector<std::pair<size_t, size_t>> before = Pieces(note.substr(0, open));
    if (!before.empty()) {
      parts.author = Author(note.substr(before[0].first, before[0].second - before[0].first), openers.signals);
    }
    parts.publisher = PublisherOf(note.substr(close + 1), genre_words);
    return parts;
  }
  // No quoted title: "Author. Title. Date." pieces, unless it is prose.
  if (IsProse(note)) return parts;
  std::vector<std::pair<size_t, size_t>> pieces = Pieces(note);
  // "American Immigration Council. (2021). The Cost of ...": APA's year
  // after an author whose name ends a piece is no piece of its own.
  if (pieces.size() >= 3) {
    const std::string_view second = note.substr(pieces[1].first, pieces[1].second - pieces[1].first);
    if (second.size() >= 6 && second.size() <= 24 && second.front() == '(' && second.back() == ')' &&
        IsDigit(second[1]) && IsDigit(second[2]) && IsDigit(second[3]) && IsDigit(second[4])) {
      pieces.erase(pieces.begin() + 1);
    }
  }
  // "Author, Title, GAO-20-330 (Washington, D.C.: GAO, March 2020)": one
  // piece whose closing parenthesis names place, publisher and date.
  bool date_only = false;
  const size_t paren = pieces.size() == 1 ? PublicationParenthesis(note, &date_only) : npos;
  if (paren != npos) {
    const size_t comma = note.find(", ");
    if (comma != npos && comma < paren) {
      parts.author = Author(note.substr(0, comma), openers.signals);
      const size_t tb = comma + 2;
      size_t te = paren;
      while (te > tb && (IsSpace(note[te - 1]) || note[te - 1] == ',')) --te;
      parts.title = TrimPunct(note.substr(tb, te - tb));
      parts.title_begin = tb;
      parts.title_end = te;
    }
    if (!date_only) parts.publisher = PublisherOf(note.substr(paren), genre_words);
    return parts;
  }
  if (pieces.size() == 1) {
    // "UNHCR, Europe Situations: data and trends, https://...": the comma
    // style of UN and European reports, author then title.
    const std::string_view piece = note.substr(pieces[0].first, pieces[0].second - pieces[0].first);
    const size_t first = piece.find(", ");
    const size_t second = first == npos ? npos : piece.find(", ", first + 2);
    if (second != npos && first > 0 && IsUpper(piece[0]) && std::count(piece.begin(), piece.begin() + first, ' ') < 8) {
      parts.author = Author(piece.substr(0, first), openers.signals);
      parts.title_begin = pieces[0].first + first + 2;
      parts.title_end = pieces[0].first + second;
      parts.title = TrimPunct(note.substr(parts.title_begin, parts.title_end - parts.title_begin));
      return parts;
    }
    parts.title = TrimPunct(piece);
    parts.title_begin = pieces[0].first;
    parts.title_end = pieces[0].second;
  } else if (pieces.size() >= 2) {
    parts.author = Author(note.substr(pieces[0].first, pieces[0].second - pieces[0].first), openers.signals);
    parts.title = TrimPunct(note.substr(pieces[1].first, pieces[1].second - pieces[1].first));
    parts.title_begin = pieces[1].first;
    parts.title_end = pieces[1].second;
    if (pieces.size() >= 3) {
      parts.publisher = PublisherOf(note.substr(pieces[2].first), genre_words);
    }
  }
  return parts;
}

}  // namespace dossier
