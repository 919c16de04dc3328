#include "extractors/pdf/page_layout.h"

#include "extractors/pdf/running_headers.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <cstddef>
#include <limits>
#include <map>
#include <string_view>
#include <utility>

namespace dossier::pdf {

namespace {

// Layout thresholds, in multiples of the font size unless said otherwise.
constexpr double kColumnGap = 2.0;        // a wider gap in a row always splits it into lines
constexpr double kGutterGap = 0.8;        // a wider one does when rows nearby are blank there too
constexpr double kLabelGap = 5.0;         // ...but not after a list or section label
constexpr double kRowOverlap = 0.5;       // vertical overlap (of the smaller) joining a row
constexpr double kBlockGap = 1.0;         // wider vertical gap between lines ends a block
constexpr double kSizeTolerance = 0.12;   // font size change that ends a block
constexpr double kMarkerSize = 0.82;      // footnote markers are at most this size...
constexpr double kMarkerRaise = 0.18;     // ...and their foot this much above the line's
constexpr double kMarkWidth = 1.6;        // a raised or lowered mark is at most this wide
constexpr double kFootnoteSize = 0.92;    // footnotes are at most this size of the body
constexpr double kHeadingSize = 1.18;     // headings at least this size of the body
constexpr double kFormRowGap = 1.0;       // rows of a form are at most this far apart (of a row's height)
constexpr double kFormWrapGap = 0.6;      // a wrapped cell's next line is at most this far below
constexpr double kFormRagged = 0.6;       // a prose column's median line fills more than this of it...
constexpr double kProseWidth = 10.0;      // ...and is wider than this
constexpr int kFormMinPairs = 3;          // rows starting in two columns that make a form
constexpr double kCellGap = 1.0;          // a gap in a table cell this wide may be a column gutter
constexpr double kSpanOffset = 0.3;       // a cell this far off its row's middle spans two rows
constexpr size_t kMaxOrderedBlocks = 400; // beyond, order by position only (cost is cubic)

double Right(const Box& b) { return b.x + b.width; }
double Bottom(const Box& b) { return b.y + b.height; }
double MidY(const Box& b) { return b.y + b.height / 2; }
double XOverlap(const Box& a, const Box& b) { return std::min(Right(a), Right(b)) - std::max(a.x, b.x); }
double YOverlap(const Box& a, const Box& b) { return std::min(Bottom(a), Bottom(b)) - std::max(a.y, b.y); }

Box Union(const Box& a, const Box& b) {
  const double x0 = std::min(a.x, b.x), y0 = std::min(a.y, b.y);
  return {x0, y0, std::max(Right(a), Right(b)) - x0, std::max(Bottom(a), Bottom(b)) - y0};
}

// Returns the number of code points in UTF-8 `s`.
size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Returns true for a footnote marker or label: "1", "12", "3,4", "*", "†",
// "1)" (as Korean and Japanese documents write them).
bool IsMarkerText(std::string_view s) {
  if (s.empty() || s.size() > 12) return false;
  if (s == "*" || s == "**" || s == "\u2020" || s == "\u2021" || s == "\u00a7") return true;
  if (s.size() >= 2 && s.back() == ')') s.remove_suffix(1);
  int digits = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      if (++digits > 3) return false;
    } else if (c == ',' || c == '-') {
      digits = 0;
    } else {
      return false;
    }
  }
  return s.front() >= '0' && s.front() <= '9';
}

// Returns the number `s` opens a footnote with ("12", "12.", "12)"), or "".
std::string FootnoteNumber(std::string_view s) {
  while (!s.empty() && (s.back() == '.' || s.back() == ')')) s.remove_suffix(1);
  if (s.empty() || s.size() > 3) return "";
  for (char c : s) {
    if (c < '0' || c > '9') return "";
  }
  return std::string(s);
}

// Returns true for a list or section label that may stand well apart from
// its text: "5.1", "IV.", "(a)", "3)", a bullet.
bool IsLabel(std::string_view s) {
  if (s.empty() || s.size() > 8) return false;
  if (s == "\u2022" || s == "\u25cf" || s == "\u25aa" || s == "-" || s == "\u2013" || s == "*" ||
      s == "\u00b7" || s == "\uf0b7" || s == "o") {
    return true;
  }
  if (s.front() == '(' ) s.remove_prefix(1);
  if (!s.empty() && (s.back() == ')' || s.back() == '.')) s.remove_suffix(1);
  if (s.empty()) return false;
  const bool all_digits_dots = std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
  if (all_digits_dots) return s.front() != '.';
  if (s.size() == 1 && std::isalpha(static_cast<unsigned char>(s[0]))) return true;
  return std::all_of(s.begin(), s.end(), [](char c) { return std::strchr("IVXivx", c) != nullptr; });
}

// Returns true for a figure: digits with decimal points, commas, a sign or
// a percent ("0.965", "-1,200", "12%").
bool IsFigure(std::string_view s) {
  bool digit = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (!std::strchr(".,%+-", c)) {
      return false;
    }
  }
  return digit;
}

// A line while the page is laid out: words in visual order, left to right.
struct Line {
  std::vector<PdfWord> words;
  Box box;
  double font_size = 0;
  bool rtl = false;
  std::string lead_label;  // a raised number opening the line
  std::string text;
  std::vector<NoteMark> marks;  // footnote markers taken out of `text`
  size_t row = 0;          // index of the row the line was cut from
  bool unshifted = false;  // its glyph numbers were shifted back (RepairGlyphShift)
};

// Returns the font size carrying most characters in `words`.
double DominantSize(const std::vector<PdfWord>& words) {
  std::map<long, size_t> weight;
  for (const PdfWord& w : words) weight[std::lround(w.font_size * 4)] += CodePoints(w.text);
  long best = 0;
  size_t best_weight = 0;
  for (auto [size, n] : weight) {
    if (n > best_weight) best = size, best_weight = n;
  }
  return best / 4.0;
}

// Returns true when `box` lies across (horizontally overlaps, by more than
// a sliver) any of `words`.
bool CollidesWith(const std::vector<PdfWord>& words, const Box& box) {
  for (const PdfWord& o : words) {
    const double narrower = std::min(o.box.width, box.width);
    if (narrower > 0 && XOverlap(o.box, box) > 0.2 * narrower) return true;
  }
  return false;
}

// Groups words into rows: runs of words sharing a vertical band.
std::vector<std::vector<PdfWord>> GroupRows(std::vector<PdfWord> words) {
  std::sort(words.begin(), words.end(),
            [](const PdfWord& a, const PdfWord& b) { return MidY(a.box) < MidY(b.box); });
  struct Row {
    Box core;  // box of the row's largest words: what later words must overlap
    double core_size = 0;
    std::vector<PdfWord> words;
  };
  std::vector<Row> rows;
  for (PdfWord& w : words) {
    int best = -1;
    double best_overlap = 0;
    const int first = std::max(0, static_cast<int>(rows.size()) - 8);
    for (int i = static_cast<int>(rows.size()) - 1; i >= first; --i) {
      const Row& r = rows[i];
      const double smaller = std::min(w.box.height, r.core.height);
      if (smaller <= 0) continue;
      const double overlap = YOverlap(r.core, w.box) / smaller;
      // A raised or lowered small mark (a footnote marker, an index) hangs
      // off its line's band more than a word of the line's own size. Only a
      // short one: a run of smaller words half a line off is a line of its
      // own (the next line of a table cell beside a tall checkbox glyph).
      // A mark is narrow too: in Korean or Chinese a whole word is three
      // characters, and a smaller line's word must not join a larger line
      // it merely grazes (a footnote line beside the next column's text).
      const bool mark = w.font_size < 0.85 * r.core_size && CodePoints(w.text) <= 3 &&
                        w.box.width <= kMarkWidth * w.font_size;
      const double needed = mark ? 0.3 : kRowOverlap;
      if (overlap < needed || overlap <= best_overlap) continue;
      // Words of one line never sit over one another: a word that only
      // partly shares a row's band and lies across a word already in the
      // row belongs to the line above or below (tight leading, two sizes).
      if (overlap < 0.8 && CollidesWith(r.words, w.box)) continue;
      best = i, best_overlap = overlap;
    }
    if (best < 0) {
      rows.push_back({w.box, w.font_size, {}});
      rows.back().words.push_back(std::move(w));
      continue;
    }
    Row& r = rows[best];
    if (w.font_size > r.core_size * 1.05) {
      r.core = w.box, r.core_size = w.font_size;
    } else if (w.font_size > r.core_size * 0.95) {
      r.core = Union(r.core, w.box);
    }
    r.words.push_back(std::move(w));
  }
  std::vector<std::vector<PdfWord>> out;
  out.reserve(rows.size());
  for (Row& r : rows) {
    std::sort(r.words.begin(), r.words.end(), [](const PdfWord& a, const PdfWord& b) { return a.box.x < b.box.x; });
    out.push_back(std::move(r.words));
  }
  return out;
}

// Returns true when a space belongs between visually adjacent words.
bool SpaceBetween(const PdfWord& left, const PdfWord& right) {
  const double gap = right.box.x - Right(left.box);
  const double size = std::min(left.font_size, right.font_size);
  return gap > 0.1 * size || (left.space_after && !left.rtl && gap > -0.05 * size);
}

// Returns true for a word made of left-to-right letters or digits.
bool HasLtrText(const PdfWord& w) {
  for (unsigned char c : w.text) {
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return true;
  }
  return false;
}

// A subset TrueType font without a Unicode map can leave each character as
// its glyph number in the standard Macintosh order, 29 below the character
// ("WKH" for "the"): the text is capitals and punctuation with hardly a
// vowel. Shifting it back must give mostly lowercase text with vowels at the
// rate of real prose, which genuine capitals ("THE", shifted "qeb") do not.
constexpr int kGlyphShift = 29;
constexpr size_t kMinShiftLetters = 16;  // fewer letters are too few to judge

// Adds the vowels (aeiou, either case), letters and lowercase letters of `s`
// to `vowels`, `letters` and `lower`.
void CountLetters(std::string_view s, size_t& vowels, size_t& letters, size_t& lower) {
  for (char c : s) {
    if (!std::isalpha(static_cast<unsigned char>(c))) continue;
    ++letters;
    lower += std::islower(static_cast<unsigned char>(c)) != 0;
    vowels += std::strchr("aeiouAEIOU", c) != nullptr;
  }
}

// Returns `s` shifted up by kGlyphShift, or "" when a character of it would
// leave printable ASCII.
std::string Unshifted(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    const int v = static_cast<unsigned char>(c) + kGlyphShift;
    if (static_cast<unsigned char>(c) < 0x20 - kGlyphShift || v > 0x7E) return "";
    c = static_cast<char>(v);
  }
  return out;
}

// Shifts the words of `line` back when they read as glyph numbers (see
// kGlyphShift); words that cannot be shifted (a bullet in another font) stay.
// A line with too few letters to judge is shifted when it looks the part and
// one of the lines just above it (`before`, in page order) was.
void RepairGlyphShift(Line& line, const std::vector<Line>& before) {
  size_t vowels = 0, letters = 0, lower = 0, shifted_vowels = 0, shifted_letters = 0, shifted_lower = 0;
  // Ordinary text has lowercase letters: it is ruled out before any copy.
  for (const PdfWord& w : line.words) CountLetters(w.text, vowels, letters, lower);
  if (letters == 0 || lower * 10 >= letters) return;
  vowels = letters = lower = 0;
  std::vector<std::string> shifted(line.words.size());
  for (size_t i = 0; i < line.words.size(); ++i) {
    shifted[i] = Unshifted(line.words[i].text);
    if (shifted[i].empty()) continue;
    CountLetters(line.words[i].text, vowels, letters, lower);
    CountLetters(shifted[i], shifted_vowels, shifted_letters, shifted_lower);
  }
  if (letters == 0 || lower * 10 >= letters || shifted_lower * 10 < 7 * shifted_letters) return;
  if (shifted_letters >= kMinShiftLetters) {
    const double vowel_rate = static_cast<double>(vowels) / letters;
    const double shifted_rate = static_cast<double>(shifted_vowels) / shifted_letters;
    if (vowel_rate >= 0.25 || shifted_rate < 0.28 || shifted_rate > 0.55) return;
  } else {
    bool near = false;
    for (size_t k = before.size(); k > 0 && k + 8 > before.size() && !near; --k) {
      const Line& o = before[k - 1];
      near = o.unshifted && line.box.y - Bottom(o.box) < 2 * o.box.height && XOverlap(o.box, line.box) > 0;
    }
    if (!near) return;
  }
  for (size_t i = 0; i < line.words.size(); ++i) {
    if (!shifted[i].empty()) line.words[i].text = std::move(shifted[i]);
  }
  line.unshifted = true;
}

// Joins the words of `line` into its text, in logical order.
void BuildText(Line& line) {
  std::vector<const PdfWord*> order;
  for (const PdfWord& w : line.words) order.push_back(&w);
  if (line.rtl) {
    // Read right to left, but keep runs of Latin words and numbers in their
    // own left-to-right order (a Latin name inside Arabic text).
    std::reverse(order.begin(), order.end());
    size_t i = 0;
    while (i < order.size()) {
      if (order[i]->rtl || !HasLtrText(*order[i])) {
        ++i;
        continue;
      }
      size_t j = i, last = i;
      while (j < order.size() && !order[j]->rtl) {
        if (HasLtrText(*order[j])) last = j;
        ++j;
      }
      std::reverse(order.begin() + i, order.begin() + last + 1);
      i = last + 1;
    }
  }
  std::string text;
  line.marks.clear();
  for (size_t i = 0; i < order.size(); ++i) {
    if (i > 0) {
      const PdfWord& a = *order[i - 1];
      const PdfWord& b = *order[i];
      // Where right-to-left and left-to-right words meet, the space glyph is
      // often drawn away from the boundary: always separate the scripts.
      const bool space = (line.rtl && a.rtl != b.rtl) ||
                         (a.box.x <= b.box.x ? SpaceBetween(a, b) : SpaceBetween(b, a));
      if (space) text += ' ';
    }
    text += order[i]->text;
    for (const std::string& mark : order[i]->marks) line.marks.push_back({text.size(), mark});
  }
  line.text = std::move(text);
}

// Appends `from`'s text, and its footnote marks, to `text` and `marks`
// (table cells and form rows join lines into one).
void AppendText(const Line& from, std::string& text, std::vector<NoteMark>& marks) {
  for (const NoteMark& m : from.marks) marks.push_back({text.size() + m.offset, m.label});
  text += from.text;
}

// Returns true when no word of `row` covers any of [lo, hi].
bool BlankAt(const std::vector<PdfWord>& row, double lo, double hi) {
  for (const PdfWord& w : row) {
    if (w.box.x < hi && Right(w.box) > lo) return false;
  }
  return true;
}

// Returns true when `row` is blank across [lo, hi] with words on both
// sides: a gutter runs between text. A row whose text stops short of it (a
// paragraph's last line) tells nothing about a gutter.
bool GutterAt(const std::vector<PdfWord>& row, double lo, double hi) {
  bool left = false, right = false;
  for (const PdfWord& w : row) {
    if (w.box.x < hi && Right(w.box) > lo) return false;
    left = left || Right(w.box) <= lo;
    right = right || w.box.x >= hi;
  }
  return left && right;
}

// Returns, for each row, the word indexes where a new line starts: at gaps
// too wide for a word space, or at a narrower gap that continues as blank
// space through the rows above and below it (a column gutter; a wide space
// in justified text does not line up from row to row).
std::vector<std::vector<size_t>> FindSplits(const std::vector<std::vector<PdfWord>>& rows) {
  std::vector<double> size(rows.size()), mid(rows.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    size[r] = DominantSize(rows[r]);
    mid[r] = MidY(rows[r].front().box);
  }
  std::vector<std::vector<size_t>> splits(rows.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    const std::vector<PdfWord>& row = rows[r];
    size_t start = 0;
    for (size_t i = 1; i < row.size(); ++i) {
      const double a = Right(row[i - 1].box), b = row[i].box.x, gap = b - a;
      if (gap <= kGutterGap * size[r]) continue;
      // A bare number more than a column gap from its text is no label: it
      // is a pleading-paper line number or a table's row number.
      const std::string& first = row[start].text;
      const bool bare_number = std::all_of(first.begin(), first.end(), [](char c) { return c >= '0' && c <= '9'; });
      // A label opens text: a bare decimal followed by a figure is a figure
      // itself, a table cell beside the next ("0.965   0.934"); "3.  25%"
      // is still a list item.
      const bool figures = IsFigure(first) && !first.ends_with('.') && IsFigure(row[i].text);
      if (i - start == 1 && gap <= (bare_number ? kColumnGap : kLabelGap) * size[r] && IsLabel(first) && !figures) {
        continue;
      }
      bool split = gap > kColumnGap * size[r];
      if (!split) {
        const double lo = a + gap / 4, hi = b - gap / 4;
        int blank = 0;
        for (size_t s = r >= 3 ? r - 3 : 0; s < std::min(rows.size(), r + 4) && blank < 2; ++s) {
          if (s != r && std::abs(mid[s] - mid[r]) < 4 * size[r] && GutterAt(rows[s], lo, hi)) ++blank;
        }
        split = blank >= 2;
      }
      if (split) {
        splits[r].push_back(i);
        start = i;
      }
    }
  }
  return splits;
}

// Cuts a row into lines at `splits`, takes footnote markers out, and builds
// each line's text.
void SplitRow(std::vector<PdfWord> row, const std::vector<size_t>& splits, size_t row_index,
              std::vector<Line>& lines, int& markers_dropped) {
  size_t start = 0, next = 0;
  for (size_t i = 1; i <= row.size(); ++i) {
    if (i < row.size()) {
      if (next >= splits.size() || splits[next] != i) continue;
      ++next;
    }
    Line line;
    line.row = row_index;
    line.words.assign(std::make_move_iterator(row.begin() + start),
                      std::make_move_iterator(row.begin() + i));
    start = i;
    line.font_size = DominantSize(line.words);
    // The foot of the line: the lowest bottom among words of the main size.
    double foot = 0;
    for (const PdfWord& w : line.words) {
      if (std::abs(w.font_size - line.font_size) < 0.05 * line.font_size) foot = std::max(foot, Bottom(w.box));
    }
    std::vector<PdfWord> kept;
    for (size_t k = 0; k < line.words.size(); ++k) {
      PdfWord& w = line.words[k];
      // A raised numerator against a fraction slash ("1⁄4") is no marker.
      const PdfWord* after = k + 1 < line.words.size() ? &line.words[k + 1] : nullptr;
      const bool numerator = after && (after->text.starts_with("\u2044") || after->text.starts_with("/")) &&
                             after->box.x - Right(w.box) < 0.1 * line.font_size;
      const bool marker = IsMarkerText(w.text) && w.font_size <= kMarkerSize * line.font_size &&
                          Bottom(w.box) < foot - kMarkerRaise * line.font_size && !numerator;
      if (!marker) {
        kept.push_back(std::move(w));
      } else if (k == 0 && line.lead_label.empty()) {
        line.lead_label = w.text;
      } else {
        ++markers_dropped;
        if (!kept.empty()) kept.back().marks.push_back(std::move(w.text));
      }
    }
    if (kept.empty()) continue;
    line.words = std::move(kept);
    size_t rtl = 0, ltr = 0;
    line.box = line.words.front().box;
    for (const PdfWord& w : line.words) {
      line.box = Union(line.box, w.box);
      (w.rtl ? rtl : ltr) += CodePoints(w.text);
    }
    line.rtl = rtl > ltr;
    if (!line.rtl) RepairGlyphShift(line, lines);
    BuildText(line);
    lines.push_back(std::move(line));
  }
}

// Returns the value of a line that is a bare one- or two-digit number, or -1.
int BareNumber(const Line& l) {
  if (l.words.size() != 1 || l.text.empty() || l.text.size() > 2) return -1;
  for (char c : l.text) {
    if (c < '0' || c > '9') return -1;
  }
  return std::stoi(l.text);
}

// Takes out the line numbers of pleading paper: bare numbers counting up by
// one, at least kMinLineNumbers of them, down a margin wholly outside the
// text (left of where the text lines start, or right of where they end). A
// table's first column of row numbers sits inside the text's edges and
// stays. Returns how many were taken out.
constexpr int kMinLineNumbers = 5;
int DropLineNumbers(std::vector<Line>& lines) {
  std::vector<double> lefts, rights;
  for (const Line& l : lines) {
    if (l.words.size() < 3) continue;
    lefts.push_back(l.box.x);
    rights.push_back(Right(l.box));
  }
  if (lefts.size() < kMinLineNumbers) return 0;
  // The text's edges: low and high percentiles, so a stray line does not move them.
  std::sort(lefts.begin(), lefts.end());
  std::sort(rights.begin(), rights.end());
  const double text_left = lefts[lefts.size() / 10], text_right = rights[rights.size() * 9 / 10];
  int dropped = 0;
  for (int side = 0; side < 2; ++side) {
    std::vector<size_t> margin;
    for (size_t i = 0; i < lines.size(); ++i) {
      const Line& l = lines[i];
      const bool outside = side == 0 ? Right(l.box) < text_left - 0.5 * l.font_size
                                     : l.box.x > text_right + 0.5 * l.font_size;
      if (outside && BareNumber(l) >= 0) margin.push_back(i);
    }
    std::sort(margin.begin(), margin.end(), [&](size_t a, size_t b) { return lines[a].box.y < lines[b].box.y; });
    // The longest run counting up by one, top to bottom.
    size_t best_begin = 0, best_len = 0;
    for (size_t i = 0; i < margin.size();) {
      size_t j = i + 1;
      while (j < margin.size() && BareNumber(lines[margin[j]]) == BareNumber(lines[margin[j - 1]]) + 1) ++j;
      if (j - i > best_len) best_begin = i, best_len = j - i;
      i = j;
    }
    if (best_len < static_cast<size_t>(kMinLineNumbers)) continue;
    for (size_t k = best_begin; k < best_begin + best_len; ++k) lines[margin[k]].text.clear();
    dropped += static_cast<int>(best_len);
  }
  if (dropped > 0) std::erase_if(lines, [](const Line& l) { return l.text.empty(); });
  return dropped;
}

// A block while it is built: indexes of its lines, top to bottom.
struct Block {
  std::vector<size_t> lines;
  Box box;
  Role role = Role::kBody;
};

// Takes out of a table's rows the lines that belong to the text of a
// neighbouring page column (a list beside a table on a two-page spread):
// an edge cell of a row, right under a line of text outside the table (or
// under a cell taken out before) and aligned with it, or right over a line
// of text ending where it ends, that lies beside all the cells of the
// table's other rows (one row is enough), overlapping none of them. Such lines
// go back to the page's text; rows left with a single cell go with them.
void TrimNeighbourColumn(const std::vector<Line>& lines, std::map<size_t, std::vector<size_t>>& rows,
                         const std::vector<size_t>& run) {
  std::vector<bool> in_run(lines.size(), false);
  for (size_t row : run) {
    for (size_t li : rows[row]) in_run[li] = true;
  }
  for (int side = 0; side < 2; ++side) {
    // Edge cell and the gap beside it, per row (cells sorted by x).
    std::vector<size_t> edge(run.size());
    std::vector<double> edge_gap(run.size());
    for (size_t k = 0; k < run.size(); ++k) {
      std::vector<size_t>& cells = rows[run[k]];
      std::sort(cells.begin(), cells.end(), [&](size_t a, size_t b) { return lines[a].box.x < lines[b].box.x; });
      const size_t e = side == 0 ? 0 : cells.size() - 1, n = side == 0 ? 1 : cells.size() - 2;
      edge[k] = cells[e];
      edge_gap[k] = side == 0 ? lines[cells[n]].box.x - Right(lines[cells[e]].box)
                              : lines[cells[e]].box.x - Right(lines[cells[n]].box);
    }
    std::vector<bool> flow(run.size(), false);
    std::vector<size_t> taken;  // flow cells found so far
    for (size_t k = 0; k < run.size(); ++k) {
      const Line& c = lines[edge[k]];
      auto under = [&](const Line& o) {
        const double gap = c.box.y - Bottom(o.box);
        const double em = c.font_size;
        return gap >= -0.1 * em && gap <= c.box.height &&
               (std::abs(o.box.x - c.box.x) <= 0.5 * em || std::abs(Right(o.box) - Right(c.box)) <= 0.5 * em);
      };
      // The first line of a paragraph (indented, or after a short last
      // line) aligns with none above it: the line under it shows the flow.
      auto over = [&](const Line& o) {
        const double gap = o.box.y - Bottom(c.box);
        const double em = c.font_size;
        return gap >= -0.1 * em && gap <= c.box.height && std::abs(Right(o.box) - Right(c.box)) <= 0.5 * em &&
               o.box.x <= c.box.x + 0.5 * em && o.words.size() >= 3;
      };
      bool stacked = false;
      for (size_t li = 0; li < lines.size() && !stacked; ++li) {
        stacked = !in_run[li] && (under(lines[li]) || over(lines[li]));
      }
      for (size_t t : taken) stacked = stacked || under(lines[t]);
      if (stacked) {
        flow[k] = true;
        taken.push_back(edge[k]);
      }
    }
    if (taken.empty()) continue;
    // The table's own columns: the cells of rows with nothing stacked so.
    std::vector<size_t> own;
    size_t own_rows = 0;
    for (size_t k = 0; k < run.size(); ++k) {
      if (flow[k]) continue;
      ++own_rows;
      for (size_t li : rows[run[k]]) own.push_back(li);
    }
    if (own_rows < 1) continue;
    for (size_t k = 0; k < run.size(); ++k) {
      if (!flow[k]) continue;
      bool beside = true;
      for (size_t li : own) beside = beside && XOverlap(lines[li].box, lines[edge[k]].box) <= 0;
      if (!beside) continue;
      std::vector<size_t>& cells = rows[run[k]];
      std::erase(cells, edge[k]);
      in_run[edge[k]] = false;
    }
  }
}

// Cuts the cells of a table's rows further at gaps between words that no
// cell of another row of the table crosses: the table's own column gutters,
// too narrow to cut a row on its own ("0.965  0.934"). Pieces are added to
// `lines` and to their row.
void SplitCells(std::vector<Line>& lines, std::map<size_t, std::vector<size_t>>& rows,
                const std::vector<size_t>& run) {
  if (run.size() < 3) return;
  std::vector<std::pair<size_t, size_t>> pieces;  // row, line index of a new piece
  for (size_t row : run) {
    for (size_t li : rows[row]) {
      if (lines[li].words.size() < 2) continue;
      std::vector<size_t> cuts;
      const std::vector<PdfWord>& words = lines[li].words;
      for (size_t i = 1; i < words.size(); ++i) {
        const double a = Right(words[i - 1].box), b = words[i].box.x, gap = b - a;
        if (gap <= kCellGap * lines[li].font_size) continue;
        const double lo = a + gap / 4, hi = b - gap / 4;
        bool crossed = false;
        for (size_t other : run) {
          if (other == row) continue;
          for (size_t oi : rows[other]) crossed = crossed || !BlankAt(lines[oi].words, lo, hi);
          if (crossed) break;
        }
        if (!crossed) cuts.push_back(i);
      }
      if (cuts.empty()) continue;
      cuts.push_back(words.size());
      std::vector<PdfWord> all = std::move(lines[li].words);
      size_t from = 0;
      for (size_t k = 0; k < cuts.size(); ++k) {
        Line piece;
        piece.row = lines[li].row;
        piece.rtl = lines[li].rtl;
        piece.words.assign(all.begin() + from, all.begin() + cuts[k]);
        from = cuts[k];
        piece.font_size = DominantSize(piece.words);
        piece.box = piece.words.front().box;
        for (const PdfWord& w : piece.words) piece.box = Union(piece.box, w.box);
        BuildText(piece);
        if (k == 0) {
          lines[li] = std::move(piece);
        } else {
          lines.push_back(std::move(piece));
          pieces.emplace_back(row, lines.size() - 1);
        }
      }
    }
  }
  for (auto [row, li] : pieces) rows[row].push_back(li);
}

// Returns a table's rows in groups read as one: a row with a cell hanging
// half a line below the row's other cells (a cell spanning two rows, set
// level with the middle of both: "6" beside "OTSL" over "HTML") takes in the
// next row when that row has nothing under the cell, and a row with a cell
// raised so is taken into the row before it.
std::vector<std::vector<size_t>> SpannedRows(const std::vector<Line>& lines,
                                             std::map<size_t, std::vector<size_t>>& rows,
                                             const std::vector<size_t>& run) {
  auto mid = [&](size_t row) {
    std::vector<double> m;
    for (size_t li : rows[row]) m.push_back(MidY(lines[li].box));
    std::nth_element(m.begin(), m.begin() + m.size() / 2, m.end());
    return m[m.size() / 2];
  };
  // Returns true when a cell of `from`, off its row's middle towards `to`
  // (down: sign 1, up: -1) by kSpanOffset of its height, comes within half
  // its height of `to`'s band with no cell of `to` under or over it.
  auto spans = [&](size_t from, size_t to, double sign) {
    const double m = mid(from);
    double top = 1e9, bottom = -1e9;
    for (size_t li : rows[to]) top = std::min(top, lines[li].box.y), bottom = std::max(bottom, Bottom(lines[li].box));
    for (size_t li : rows[from]) {
      const Box& c = lines[li].box;
      if (sign * (MidY(c) - m) < kSpanOffset * c.height) continue;
      if ((sign > 0 ? top - Bottom(c) : c.y - bottom) > 0.5 * c.height) continue;  // `to` is near
      bool clear = true;
      for (size_t oi : rows[to]) clear = clear && XOverlap(lines[oi].box, c) <= 0;
      if (clear) return true;
    }
    return false;
  };
  std::vector<std::vector<size_t>> groups;
  for (size_t k = 0; k < run.size(); ++k) {
    if (!groups.empty()) {
      const size_t prev = groups.back().back();
      if (spans(prev, run[k], 1) || spans(run[k], prev, -1)) {
        groups.back().push_back(run[k]);
        continue;
      }
    }
    groups.push_back({run[k]});
  }
  return groups;
}

// Finds tables among `members`: two or more rows in a run, each cut into
// three or more narrow cells. Each row becomes one line, its cells joined by
// tabs in reading order, and each table one block; the lines used are taken
// out of `members`.
std::vector<Block> FindTables(std::vector<Line>& lines, std::vector<size_t>& members, double width, bool rtl) {
  std::map<size_t, std::vector<size_t>> rows;
  for (size_t li : members) rows[lines[li].row].push_back(li);
  auto tableish = [&](const std::vector<size_t>& cells) {
    if (cells.size() < 3) return false;
    std::vector<double> w;
    for (size_t li : cells) w.push_back(lines[li].box.width);
    std::nth_element(w.begin(), w.begin() + w.size() / 2, w.end());
    return w[w.size() / 2] < 0.22 * width;
  };
  std::vector<std::vector<size_t>> runs(1);
  double last_bottom = -1e9;
  for (auto& [row, cells] : rows) {
    if (!tableish(cells)) {
      if (!runs.back().empty()) runs.emplace_back();
      continue;
    }
    double top = 1e9, bottom = -1e9, size = 0;
    for (size_t li : cells) {
      top = std::min(top, lines[li].box.y);
      bottom = std::max(bottom, Bottom(lines[li].box));
      size = std::max(size, lines[li].font_size);
    }
    if (!runs.back().empty() && top - last_bottom > 3 * size) runs.emplace_back();
    runs.back().push_back(row);
    last_bottom = bottom;
  }
  std::vector<Block> tables;
  std::vector<bool> used(lines.size(), false);
  for (const std::vector<size_t>& run : runs) {
    if (run.size() < 2) continue;
    TrimNeighbourColumn(lines, rows, run);
    std::vector<size_t> kept;
    for (size_t row : run) {
      if (rows[row].size() >= 2) kept.push_back(row);
    }
    if (kept.size() < 2) continue;
    SplitCells(lines, rows, kept);
    used.resize(lines.size(), false);
    Block table;
    table.role = Role::kTable;
    for (const std::vector<size_t>& group : SpannedRows(lines, rows, kept)) {
      // The group's cells in columns: lines overlapping across its rows.
      std::vector<size_t> cells;
      for (size_t row : group) cells.insert(cells.end(), rows[row].begin(), rows[row].end());
      std::sort(cells.begin(), cells.end(), [&](size_t a, size_t b) { return lines[a].box.x < lines[b].box.x; });
      std::vector<std::vector<size_t>> columns;
      double column_right = -1e9;
      for (size_t li : cells) {
        if (columns.empty() || lines[li].box.x >= column_right) {
          columns.emplace_back();
          column_right = Right(lines[li].box);
        } else {
          column_right = std::max(column_right, Right(lines[li].box));
        }
        columns.back().push_back(li);
      }
      if (rtl) std::reverse(columns.begin(), columns.end());
      std::string text;
      std::vector<NoteMark> marks;
      for (std::vector<size_t>& column : columns) {
        std::sort(column.begin(), column.end(), [&](size_t a, size_t b) { return lines[a].box.y < lines[b].box.y; });
        if (!text.empty()) text += '\t';
        for (size_t k = 0; k < column.size(); ++k) {
          if (k > 0) text += ' ';
          AppendText(lines[column[k]], text, marks);
        }
      }
      Line& first = lines[columns.front().front()];
      for (size_t li : cells) {
        used[li] = true;
        first.box = Union(first.box, lines[li].box);
        first.font_size = std::max(first.font_size, lines[li].font_size);
      }
      first.text = std::move(text);
      first.marks = std::move(marks);
      table.box = table.lines.empty() ? first.box : Union(table.box, first.box);
      table.lines.push_back(columns.front().front());
    }
    tables.push_back(std::move(table));
  }
  std::erase_if(members, [&](size_t li) { return used[li]; });
  return tables;
}

// Finds forms among `members`: runs of rows set in two to four columns of
// short or ragged lines (labels beside their values), where the lines of the
// columns start rows together. A reader goes across such a run row by row,
// not down each column: each label with its value. A column of prose, whose
// lines of many words fill its width (justified or nearly), rules a run out:
// two columns of text on a shared baseline grid start their rows together
// too. So does a run where no column is ragged (labels vary in length).
// Each row becomes one line of a table block, its cells joined by tabs in
// reading order; a line alone in its column just under a cell's last line
// (a wrapped label or value) joins that cell. The lines used are taken out
// of `members`.
std::vector<Block> FindForms(std::vector<Line>& lines, std::vector<size_t>& members, bool rtl) {
  std::map<size_t, std::vector<size_t>> by_row;
  for (size_t li : members) by_row[lines[li].row].push_back(li);
  struct Row {
    std::vector<size_t> lines;
    double top = 1e9, bottom = -1e9, height = 0;
  };
  std::vector<Row> rows;
  for (auto& [index, row_lines] : by_row) {
    Row r;
    r.lines = row_lines;
    for (size_t li : row_lines) {
      r.top = std::min(r.top, lines[li].box.y);
      r.bottom = std::max(r.bottom, Bottom(lines[li].box));
      r.height = std::max(r.height, lines[li].box.height);
    }
    rows.push_back(std::move(r));
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.top < b.top; });

  std::vector<Block> forms;
  std::vector<bool> used(lines.size(), false);
  // Runs of rows stacked without a paragraph gap between them.
  size_t begin = 0;
  while (begin < rows.size()) {
    size_t end = begin + 1;
    while (end < rows.size() && rows[end].top - rows[end - 1].bottom <= kFormRowGap * rows[end - 1].height) ++end;
    const size_t run_begin = begin, run_end = end;
    begin = end;
    if (run_end - run_begin < static_cast<size_t>(kFormMinPairs)) continue;
    // The run's columns: the stretches of x its lines cover, split at gaps
    // no line crosses.
    std::vector<std::pair<double, double>> spans;
    for (size_t r = run_begin; r < run_end; ++r) {
      for (size_t li : rows[r].lines) spans.emplace_back(lines[li].box.x, Right(lines[li].box));
    }
    std::sort(spans.begin(), spans.end());
    std::vector<std::pair<double, double>> columns;
    double size = 0;
    for (size_t r = run_begin; r < run_end; ++r) size = std::max(size, rows[r].height);
    for (const auto& [lo, hi] : spans) {
      if (!columns.empty() && lo < columns.back().second + 0.8 * size) {
        columns.back().second = std::max(columns.back().second, hi);
      } else {
        columns.emplace_back(lo, hi);
      }
    }
    if (columns.size() < 2 || columns.size() > 4) continue;
    auto column_of = [&](size_t li) {
      for (size_t c = 0; c < columns.size(); ++c) {
        if (lines[li].box.x < columns[c].second) return c;
      }
      return columns.size() - 1;
    };
    // Rows that start in two or more columns, and whether any column is
    // prose: lines of many words that mostly fill the column.
    int pairs = 0;
    std::vector<std::vector<double>> widths(columns.size()), sizes(columns.size());
    for (size_t r = run_begin; r < run_end; ++r) {
      std::vector<bool> seen(columns.size(), false);
      int in = 0;
      for (size_t li : rows[r].lines) {
        const size_t c = column_of(li);
        widths[c].push_back(lines[li].box.width);
        sizes[c].push_back(lines[li].font_size);
        if (!seen[c]) seen[c] = true, ++in;
      }
      pairs += in >= 2;
    }
    if (pairs < kFormMinPairs) continue;
    auto median = [](std::vector<double>& v) {
      std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
      return v[v.size() / 2];
    };
    bool prose = false, ragged = false;
    for (size_t c = 0; c < columns.size(); ++c) {
      const double w = median(widths[c]);
      const bool fills = w > kFormRagged * (columns[c].second - columns[c].first);
      prose = prose || (fills && w > kProseWidth * median(sizes[c]));
      ragged = ragged || !fills;
    }
    if (prose || !ragged) continue;

    // Rows of the form: cells (lines by column), each row a table line.
    Block form;
    form.role = Role::kTable;
    std::vector<std::vector<size_t>> cells;  // of the row being built
    std::vector<double> cell_bottom;
    auto flush = [&] {
      if (cells.empty()) return;
      std::vector<size_t> order(columns.size());
      for (size_t c = 0; c < order.size(); ++c) order[c] = rtl ? order.size() - 1 - c : c;
      Line* first = nullptr;
      for (size_t c : order) {
        if (cells[c].empty()) continue;
        Line cell;  // the cell's lines joined
        for (size_t li : cells[c]) {
          if (!cell.text.empty()) cell.text += ' ';
          AppendText(lines[li], cell.text, cell.marks);
        }
        if (first == nullptr) {
          first = &lines[cells[c].front()];
          first->text = std::move(cell.text);
          first->marks = std::move(cell.marks);
          form.lines.push_back(cells[c].front());
        } else {
          first->text += '\t';
          AppendText(cell, first->text, first->marks);
        }
        for (size_t li : cells[c]) {
          used[li] = true;
          first->box = Union(first->box, lines[li].box);
          first->font_size = std::max(first->font_size, lines[li].font_size);
        }
      }
      form.box = form.lines.size() == 1 ? first->box : Union(form.box, first->box);
      cells.clear();
    };
    for (size_t r = run_begin; r < run_end; ++r) {
      std::vector<size_t> here = rows[r].lines;
      std::sort(here.begin(), here.end(), [&](size_t a, size_t b) {
        return rtl ? lines[a].box.x > lines[b].box.x : lines[a].box.x < lines[b].box.x;
      });
      std::vector<bool> in(columns.size(), false);
      for (size_t li : here) in[column_of(li)] = true;
      bool wraps = false;
      if (std::count(in.begin(), in.end(), true) == 1 && !cells.empty()) {
        const size_t c = column_of(here.front());
        wraps = !cells[c].empty() && rows[r].top - cell_bottom[c] <= kFormWrapGap * rows[r].height;
      }
      if (!wraps) {
        flush();
        cells.assign(columns.size(), {});
        cell_bottom.assign(columns.size(), 0);
      }
      for (size_t li : here) {
        const size_t c = column_of(li);
        cells[c].push_back(li);
        cell_bottom[c] = std::max(cell_bottom[c], Bottom(lines[li].box));
      }
    }
    flush();
    forms.push_back(std::move(form));
  }
  std::erase_if(members, [&](size_t li) { return used[li]; });
  return forms;
}

// Groups lines into blocks: lines stacked closely, overlapping horizontally,
// in the same font size.
std::vector<Block> GroupBlocks(const std::vector<Line>& lines, const std::vector<size_t>& members) {
  std::vector<size_t> order = members;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Box &x = lines[a].box, &y = lines[b].box;
    return x.y != y.y ? x.y < y.y : x.x < y.x;
  });
  std::vector<Block> blocks;
  for (size_t li : order) {
    const Line& l = lines[li];
    int best = -1;
    double best_gap = std::numeric_limits<double>::max();
    for (size_t bi = 0; bi < blocks.size(); ++bi) {
      const Line& last = lines[blocks[bi].lines.back()];
      const double size = std::max(l.font_size, last.font_size);
      if (l.box.y < last.box.y + 0.5 * last.box.height) continue;  // same row, not below
      const double gap = l.box.y - Bottom(last.box);
      if (gap > kBlockGap * size) continue;
      if (std::abs(l.font_size - last.font_size) > kSizeTolerance * size) continue;
      if (XOverlap(l.box, last.box) <= 0) continue;
      if (gap < best_gap) best = static_cast<int>(bi), best_gap = gap;
    }
    if (best < 0) {
      blocks.push_back({{li}, l.box});
    } else {
      blocks[best].lines.push_back(li);
      blocks[best].box = Union(blocks[best].box, l.box);
    }
  }
  return blocks;
}

std::vector<Block> OrderBody(std::vector<Block> blocks, bool rtl);

// Orders blocks for reading (after T. Breuel's rules): `a` comes before `b`
// when they overlap horizontally and `a` is higher, or when `a` lies wholly
// before `b` in the reading direction and no block between them vertically
// spans both (a full-width heading closes the columns above it).
std::vector<Block> OrderBlocks(std::vector<Block> blocks, bool rtl, double height) {
  // Blocks in a band of their own at the top or bottom edge (a running head,
  // a footer) are read first or last, whatever their horizontal place.
  std::vector<Block> head, foot;
  {
    double body_top = 1e9, body_bottom = -1e9;
    for (const Block& b : blocks) {
      if (b.box.y <= 0.15 * height || Bottom(b.box) >= 0.85 * height) continue;
      body_top = std::min(body_top, b.box.y);
      body_bottom = std::max(body_bottom, Bottom(b.box));
    }
    std::vector<Block> rest;
    for (Block& b : blocks) {
      if (b.box.y > 0.85 * height && b.box.y >= body_bottom - 1) {
        foot.push_back(std::move(b));
      } else if (Bottom(b.box) < 0.15 * height && Bottom(b.box) <= body_top + 1) {
        head.push_back(std::move(b));
      } else {
        rest.push_back(std::move(b));
      }
    }
    blocks = std::move(rest);
  }
  auto by_x = [](const Block& a, const Block& b) { return a.box.x < b.box.x; };
  std::sort(head.begin(), head.end(), by_x);
  std::sort(foot.begin(), foot.end(), by_x);
  std::vector<Block> out = std::move(head);
  for (Block& b : OrderBody(std::move(blocks), rtl)) out.push_back(std::move(b));
  for (Block& b : foot) out.push_back(std::move(b));
  return out;
}

std::vector<Block> OrderBody(std::vector<Block> blocks, bool rtl) {
  const size_t n = blocks.size();
  auto by_position = [&](const Block& a, const Block& b) {
    if (std::abs(a.box.y - b.box.y) > 1) return a.box.y < b.box.y;
    return rtl ? Right(a.box) > Right(b.box) : a.box.x < b.box.x;
  };
  if (n < 2 || n > kMaxOrderedBlocks) {
    std::sort(blocks.begin(), blocks.end(), by_position);
    return blocks;
  }
  std::sort(blocks.begin(), blocks.end(), by_position);
  std::vector<std::vector<size_t>> after(n);
  std::vector<int> indegree(n, 0);
  auto before_in_reading = [&](const Box& a, const Box& b) {
    return rtl ? a.x >= Right(b) - 1 : Right(a) <= b.x + 1;
  };
  for (size_t a = 0; a < n; ++a) {
    for (size_t b = 0; b < n; ++b) {
      if (a == b) continue;
      const Box &ba = blocks[a].box, &bb = blocks[b].box;
      bool edge = false;
      if (XOverlap(ba, bb) > 1) {
        edge = MidY(ba) < MidY(bb);
      } else if (before_in_reading(ba, bb)) {
        edge = true;
        const double lo = std::min(MidY(ba), MidY(bb)), hi = std::max(MidY(ba), MidY(bb));
        for (size_t c = 0; c < n && edge; ++c) {
          if (c == a || c == b) continue;
          const Box& bc = blocks[c].box;
          const double mid = MidY(bc);
          if (mid > lo && mid < hi && XOverlap(bc, ba) > 1 && XOverlap(bc, bb) > 1) edge = false;
        }
      }
      if (edge) {
        after[a].push_back(b);
        ++indegree[b];
      }
    }
  }
  // Kahn's algorithm; blocks are sorted by position, so the first free block
  // is the highest. A cycle (overlapping boxes) is broken at its highest block.
  std::vector<bool> done(n, false);
  std::vector<Block> out;
  out.reserve(n);
  for (size_t step = 0; step < n; ++step) {
    size_t pick = n;
    for (size_t i = 0; i < n; ++i) {
      if (!done[i] && indegree[i] == 0) {
        pick = i;
        break;
      }
    }
    if (pick == n) {
      for (size_t i = 0; i < n; ++i) {
        if (!done[i] && (pick == n || indegree[i] < indegree[pick])) pick = i;
      }
    }
    done[pick] = true;
    for (size_t b : after[pick]) --indegree[b];
    out.push_back(std::move(blocks[pick]));
  }
  return out;
}

// Returns true when `text` ends a sentence or a heading.
bool EndsParagraph(std::string_view text) {
  if (text.empty()) return false;
  const char c = text.back();
  return c == '.' || c == '!' || c == '?' || c == ':' || text.ends_with("\u201d") || c == '"';
}

// Splits a block into paragraphs: at a wider gap than the block's usual line
// pitch, or after a short line that ends a sentence.
std::vector<Block> SplitParagraphs(const Block& block, const std::vector<Line>& lines) {
  std::vector<Block> out;
  if (block.lines.size() < 2) return {block};
  std::vector<double> pitches;
  for (size_t i = 1; i < block.lines.size(); ++i) {
    pitches.push_back(lines[block.lines[i]].box.y - lines[block.lines[i - 1]].box.y);
  }
  std::vector<double> sorted = pitches;
  std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
  const double pitch = sorted[sorted.size() / 2];
  out.push_back({{block.lines[0]}, lines[block.lines[0]].box});
  for (size_t i = 1; i < block.lines.size(); ++i) {
    const Line& prev = lines[block.lines[i - 1]];
    const Line& cur = lines[block.lines[i]];
    const bool wide_gap = pitches.size() >= 2 && pitches[i - 1] > 1.3 * pitch + 1;
    const double slack = prev.rtl ? prev.box.x - block.box.x : Right(block.box) - Right(prev.box);
    const bool short_end = slack > 0.15 * block.box.width && EndsParagraph(prev.text);
    if (wide_gap || short_end) {
      out.push_back({{block.lines[i]}, cur.box});
    } else {
      out.back().lines.push_back(block.lines[i]);
      out.back().box = Union(out.back().box, cur.box);
    }
  }
  return out;
}

// Moves `lines` (by index, in order) into a laid-out block.
LaidBlock Lay(const Block& block, std::vector<Line>& lines, Role role) {
  LaidBlock out;
  out.box = block.box;
  out.role = role;
  for (size_t li : block.lines) {
    Line& l = lines[li];
    LaidLine laid{.text = std::move(l.text), .box = l.box, .font_size = l.font_size};
    laid.marks = std::move(l.marks);
    out.lines.push_back(std::move(laid));
  }
  return out;
}

// Returns the body font size: the size carrying most characters.
double BodySize(const std::vector<Line>& lines) {
  std::map<long, size_t> weight;
  for (const Line& l : lines) weight[std::lround(l.font_size * 2)] += l.text.size();
  long best = 0;
  size_t best_weight = 0;
  for (auto [size, n] : weight) {
    if (n > best_weight) best = size, best_weight = n;
  }
  return best / 2.0;
}

// Returns the index of each line that is part of a footnote, with the index
// of the footnote it belongs to; -1 for body lines. A footnote is set in a
// smaller size than the body, in the lower half of the page, with no body
// line under it, and opens with its number.
std::vector<int> FindFootnotes(std::vector<Line>& lines, double body_size, double height,
                               std::vector<std::string>& labels) {
  std::vector<int> note(lines.size(), -1);
  std::vector<size_t> order;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.font_size > kFootnoteSize * body_size || MidY(l.box) < 0.5 * height) continue;
    bool body_below = false;
    for (const Line& o : lines) {
      if (o.box.y > Bottom(l.box) - 1 && o.font_size >= 0.97 * body_size && o.words.size() >= 3 &&
          XOverlap(o.box, l.box) > 0) {
        body_below = true;
        break;
      }
    }
    if (!body_below) order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return lines[a].box.y < lines[b].box.y; });
  struct Open {
    int id;
    size_t last;
  };
  std::vector<Open> open;
  for (size_t li : order) {
    Line& l = lines[li];
    std::string label = l.lead_label;
    if (label.empty() && l.words.size() >= 2) label = FootnoteNumber(l.words.front().text);
    if (label.empty() && !l.words.empty() && IsMarkerText(l.words.front().text) &&
        l.words.front().text.size() <= 2 && !std::isdigit(static_cast<unsigned char>(l.words.front().text[0]))) {
      label = l.words.front().text;  // "*", "†"
    }
    if (!label.empty() && (l.words.size() >= 2 || !l.lead_label.empty())) {
      if (l.lead_label.empty()) {
        // The number was an ordinary word: take it out of the text.
        const std::string& first = l.words.front().text;
        std::string_view rest(l.text);
        if (rest.starts_with(first)) rest.remove_prefix(first.size());
        while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        const size_t cut = l.text.size() - rest.size();
        for (NoteMark& m : l.marks) m.offset = m.offset > cut ? m.offset - cut : 0;
        l.text = std::string(rest);
      }
      const int id = static_cast<int>(labels.size());
      labels.push_back(label);
      note[li] = id;
      open.push_back({id, li});
      continue;
    }
    for (Open& o : open) {
      const Line& last = lines[o.last];
      if (l.box.y >= last.box.y + 0.5 * last.box.height && l.box.y - Bottom(last.box) < l.font_size &&
          XOverlap(l.box, last.box) > 0) {
        note[li] = o.id;
        o.last = li;
        break;
      }
    }
  }
  return note;
}

// Marks the lines of the page's top and bottom bands: up to two rows in the
// top or bottom 15% of the page, set apart from the next row by a gap wider
// than a line. Running headers, footers and page numbers sit there; the
// first line of a paragraph running on from it does not. A band's row that
// holds a page number is the page's running head or foot, whatever else is
// in it ("Global Report" level with "208"), so its other lines no larger
// than the body text, footnotes aside, are marked as beside the page number:
// that holds on a document's only page too, where nothing repeats.
void MarkMargins(PageLayout& page, double height, double body_size) {
  std::vector<LaidLine*> all;
  std::vector<const LaidLine*> notes;
  for (LaidBlock& b : page.blocks) {
    for (LaidLine& l : b.lines) {
      all.push_back(&l);
      if (b.role == Role::kFootnote) notes.push_back(&l);
    }
  }
  if (all.empty()) return;
  // Rows from the top: [first, last) ranges of `all` sorted by top.
  std::sort(all.begin(), all.end(), [](const LaidLine* a, const LaidLine* b) { return a->box.y < b->box.y; });
  struct Row {
    size_t first, last;
    double top, bottom;
  };
  std::vector<Row> rows;
  for (size_t i = 0; i < all.size(); ++i) {
    const Box& b = all[i]->box;
    if (!rows.empty() && b.y < rows.back().bottom - 0.3 * b.height) {
      rows.back().last = i + 1;
      rows.back().bottom = std::max(rows.back().bottom, Bottom(b));
    } else {
      rows.push_back({i, i + 1, b.y, Bottom(b)});
    }
  }
  auto mark = [&](const Row& r, Margin side) {
    for (size_t i = r.first; i < r.last; ++i) {
      if (all[i]->margin == Margin::kNone) all[i]->margin = side;
    }
  };
  auto mark_folio = [&](size_t row_begin, size_t row_end) {
    for (size_t r = row_begin; r < row_end; ++r) {
      bool folio = false;
      for (size_t i = rows[r].first; i < rows[r].last && !folio; ++i) folio = IsPageNumber(all[i]->text);
      if (!folio) continue;
      for (size_t i = rows[r].first; i < rows[r].last; ++i) {
        const bool note = std::find(notes.begin(), notes.end(), all[i]) != notes.end();
        if (!note && all[i]->font_size <= (1 + kSizeTolerance) * body_size) all[i]->beside_page_number = true;
      }
    }
  };
  const size_t n = rows.size();
  for (size_t k = std::min<size_t>(2, n - 1); k >= 1; --k) {  // top band: rows [0, k)
    const Row& last = rows[k - 1];
    if (last.bottom < 0.15 * height && rows[k].top - last.bottom > last.bottom - last.top) {
      for (size_t r = 0; r < k; ++r) mark(rows[r], Margin::kTop);
      mark_folio(0, k);
      break;
    }
  }
  for (size_t k = std::min<size_t>(2, n - 1); k >= 1; --k) {  // bottom band: rows [n-k, n)
    const Row& first = rows[n - k];
    if (first.top > 0.85 * height && first.top - rows[n - k - 1].bottom > first.bottom - first.top) {
      for (size_t r = n - k; r < n; ++r) mark(rows[r], Margin::kBottom);
      mark_folio(n - k, n);
      break;
    }
  }
}

}  // namespace

PageLayout LayOutPage(std::vector<PdfWord> words, double width, double height) {
  PageLayout page;
  std::vector<Line> lines;
  std::vector<std::vector<PdfWord>> rows = GroupRows(std::move(words));
  const std::vector<std::vector<size_t>> splits = FindSplits(rows);
  for (size_t r = 0; r < rows.size(); ++r) {
    SplitRow(std::move(rows[r]), splits[r], r, lines, page.markers_dropped);
  }
  page.line_numbers_dropped = DropLineNumbers(lines);
  if (lines.empty()) return page;
  size_t rtl_lines = 0;
  for (const Line& l : lines) rtl_lines += l.rtl;
  const bool rtl = rtl_lines * 2 > lines.size();
  const double body = BodySize(lines);

  std::vector<std::string> labels;
  const std::vector<int> note = FindFootnotes(lines, body, height, labels);
  std::vector<size_t> body_lines;
  std::vector<std::vector<size_t>> notes(labels.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    if (note[i] < 0) {
      body_lines.push_back(i);
      if (!lines[i].lead_label.empty()) ++page.markers_dropped;
    } else {
      notes[note[i]].push_back(i);
    }
  }
  std::vector<Block> tables = FindTables(lines, body_lines, width, rtl);
  for (Block& f : FindForms(lines, body_lines, rtl)) tables.push_back(std::move(f));
  std::vector<Block> blocks = GroupBlocks(lines, body_lines);
  for (Block& t : tables) blocks.push_back(std::move(t));
  for (const Block& block : OrderBlocks(std::move(blocks), rtl, height)) {
    if (block.role == Role::kTable) {
      page.blocks.push_back(Lay(block, lines, Role::kTable));
      continue;
    }
    for (const Block& para : SplitParagraphs(block, lines)) {
      const Line& first = lines[para.lines.front()];
      const bool heading = first.font_size >= kHeadingSize * body && para.lines.size() <= 3;
      page.blocks.push_back(Lay(para, lines, heading ? Role::kHeading : Role::kBody));
    }
  }
  for (size_t id = 0; id < notes.size(); ++id) {
    Block b{notes[id], lines[notes[id].front()].box};
    for (size_t li : b.lines) b.box = Union(b.box, lines[li].box);
    page.blocks.push_back(Lay(b, lines, Role::kFootnote));
    page.blocks.back().label = labels[id];
  }
  MarkMargins(page, height, body);
  return page;
}

}  // namespace dossier::pdf
