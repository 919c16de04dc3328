#include "pipeline/find/date_finder.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/find/date_resolve.h"

namespace dossier {

namespace {

using nlohmann::json;
using WordSet = std::set<std::string, std::less<>>;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAlpha(char c) { return IsUpper(c) || (c >= 'a' && c <= 'z'); }

// The latest year a bare number may name without a cue word ("by 2050"
// is a year whatever it says; "a score of 2072" is not).
constexpr int kLatestUncuedYear = 2035;

// The longest word the lists hold; longer tokens are no list word.
constexpr size_t kMaxWord = 24;

// A whitespace-delimited token next to a match, with its lookup key: ASCII
// lower case, outer punctuation and brackets dropped ("(A.G." -> "a.g",
// "[b]etween" -> "between", "No." -> "no"). Lives on the stack: looking a
// neighbour up allocates nothing.
struct Word {
  std::string_view raw;  // the token as in the text
  size_t begin = 0;      // where the token starts, leading quotes skipped
  std::array<char, kMaxWord> buf{};
  size_t len = 0;

  std::string_view key() const { return {buf.data(), len}; }
  bool AllDigits() const {
    if (len == 0) return false;
    return std::all_of(buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(len), IsDigit);
  }
};

Word MakeWord(std::string_view text, size_t begin, size_t end) {
  Word w;
  if (end - begin > kMaxWord) return w;
  w.raw = text.substr(begin, end - begin);
  w.begin = begin;
  std::string_view s = w.raw;
  while (!s.empty() && (s.front() == '(' || s.front() == '"' || s.front() == '\'')) {
    s.remove_prefix(1);
    ++w.begin;
  }
  while (!s.empty() && std::string_view(".,;:)\"'!?").find(s.back()) != std::string_view::npos) {
    s.remove_suffix(1);
  }
  for (char c : s) {
    if (c == '[' || c == ']') continue;
    w.buf[w.len++] = IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return w;
}

// Returns the token that ends at `pos` or before the spaces ending there.
Word WordBefore(std::string_view text, size_t pos) {
  size_t end = pos;
  for (int i = 0; i < 3 && end > 0 && IsSpace(text[end - 1]); ++i) --end;
  size_t begin = end;
  while (begin > 0 && !IsSpace(text[begin - 1]) && end - begin <= kMaxWord) --begin;
  if (end - begin > kMaxWord) return Word{};
  return MakeWord(text, begin, end);
}

// Returns the token that starts at `pos` or after the spaces starting there.
Word WordAfter(std::string_view text, size_t pos) {
  size_t begin = pos;
  for (int i = 0; i < 3 && begin < text.size() && IsSpace(text[begin]); ++i) ++begin;
  size_t end = begin;
  while (end < text.size() && !IsSpace(text[end]) && end - begin <= kMaxWord) ++end;
  if (end - begin > kMaxWord) return Word{};
  return MakeWord(text, begin, end);
}

bool DigitAt(std::string_view text, size_t i) { return i < text.size() && IsDigit(text[i]); }

WordSet ReadWords(const json& list) {
  WordSet out;
  if (!list.is_array()) return out;
  for (const json& w : list) {
    if (w.is_string()) out.insert(w.get<std::string>());
  }
  return out;
}

// One date or range before it becomes an entity.
struct Candidate {
  size_t begin = 0, end = 0;
  const Pattern* pattern = nullptr;
  CalendarDate a, b;     // b only for a range
  std::string_view mod;  // points into the finder's modifier table
  bool range = false;
  bool inferred = false;  // year taken from context
};

// Returns the non-overlapping subset of `cands`: longest span first, then
// higher priority, then earlier start; sorted by start.
std::vector<Candidate> SelectLongestSpans(std::vector<Candidate> cands) {
  std::sort(cands.begin(), cands.end(), [](const Candidate& x, const Candidate& y) {
    const size_t lx = x.end - x.begin, ly = y.end - y.begin;
    if (lx != ly) return lx > ly;
    if (x.pattern->priority != y.pattern->priority) return x.pattern->priority > y.pattern->priority;
    return x.begin < y.begin;
  });
  std::map<size_t, size_t> taken;  // begin -> end of kept spans
  std::vector<Candidate> kept;
  for (Candidate& c : cands) {
    if (c.end <= c.begin) continue;
    auto next = taken.lower_bound(c.begin);
    if (next != taken.end() && next->first < c.end) continue;
    if (next != taken.begin() && std::prev(next)->second > c.begin) continue;
    taken.emplace(c.begin, c.end);
    kept.push_back(c);
  }
  std::sort(kept.begin(), kept.end(),
            [](const Candidate& x, const Candidate& y) { return x.begin < y.begin; });
  return kept;
}

// Completes the ends of a range from each other ("January 25-28, 2019":
// the second end's month, the first end's year) and checks their order.
// Returns false when the ends do not make a forward range.
bool CompleteRange(Candidate* c) {
  CalendarDate& a = c->a;
  CalendarDate& b = c->b;
  if (b.month == 0 && b.day != 0) b.month = a.month;
  if (a.month == 0 && a.day != 0) a.month = b.month;
  if (a.year == 0 && b.year != 0) {
    a.year = b.year;
    if (CompareDates(a, b) > 0) --a.year;  // "December to February 2020"
  } else if (b.year == 0 && a.year != 0) {
    b.year = a.year;
    if (CompareDates(a, b) > 0) ++b.year;
  }
  if (!IsValidDate(a) || !IsValidDate(b)) return false;
  if ((a.month == 0) != (b.month == 0) && a.day + b.day != 0) return false;
  // Forward only; ends without a year (yet) compare within one year.
  CalendarDate x = a, y = b;
  if (x.year == 0 || y.year == 0) x.year = y.year = 2000;
  if (x.year != y.year) return x.year < y.year;
  if (x.month == 0 || y.month == 0) return false;  // "2019 to March 2019"
  if (x.month != y.month) return x.month < y.month;
  return x.day != 0 && y.day != 0 && x.day < y.day;
}

class DateFinder final : public Finder {
 public:
  explicit DateFinder(const PatternPack& pack) {
    const json& months = pack.list("months");
    if (months.is_object()) {
      for (const auto& [name, number] : months.items()) {
        if (number.is_number_integer()) months_[name] = number.get<int>();
      }
    }
    const json& mods = pack.list("modifiers");
    if (mods.is_object()) {
      for (const auto& [name, mod] : mods.items()) {
        if (mod.is_string()) modifiers_[name] = mod.get<std::string>();
      }
    }
    const json& openers = pack.list("range_openers");
    if (openers.is_object()) {
      for (const auto& [opener, connectors] : openers.items()) {
        range_openers_[opener] = ReadWords(connectors);
      }
    }
    reject_before_ = ReadWords(pack.list("year_reject_before"));
    year_cues_ = ReadWords(pack.list("year_cues"));
    qualifiers_ = ReadWords(pack.list("count_qualifiers"));
    count_nouns_ = ReadWords(pack.list("count_nouns"));
    instrument_after_ = ReadWords(pack.list("instrument_after"));
    instrument_before_ = ReadWords(pack.list("instrument_before"));
  }

  EntityType type() const override { return EntityType::kDate; }

  void Find(const Document& doc, std::span<const PatternMatch> matches, const std::vector<Entity>& earlier,
            std::vector<Entity>* out) const override {
    const std::string_view text = doc.text;

    // Statute spans with the running maximum of their ends, so "does this
    // date overlap a statute" is one binary search.
    std::vector<std::pair<size_t, size_t>> statutes;
    for (const Entity& e : earlier) {
      if (e.type == EntityType::kStatute) statutes.emplace_back(e.span.begin, e.span.end);
    }
    std::sort(statutes.begin(), statutes.end());
    for (size_t i = 1; i < statutes.size(); ++i) {
      statutes[i].second = std::max(statutes[i].second, statutes[i - 1].second);
    }
    auto in_statute = [&statutes](size_t begin, size_t end) {
      auto it = std::lower_bound(statutes.begin(), statutes.end(), std::make_pair(end, size_t{0}));
      return it != statutes.begin() && std::prev(it)->second > begin;
    };

    std::vector<Candidate> cands;
    cands.reserve(matches.size());
    for (const PatternMatch& m : matches) {
      Candidate c;
      if (!Resolve(m, text, &c)) continue;
      if (in_statute(c.begin, c.end)) continue;
      cands.push_back(c);
    }
    cands = SelectLongestSpans(std::move(cands));
    JoinRanges(text, &cands);
    CompleteYearsAcrossBreaks(text, &cands);
    InferYears(doc, &cands);

    out->reserve(out->size() + cands.size());
    for (const Candidate& c : cands) {
      DateValue v;
      AppendIsoDate(c.a, &v.value);
      if (c.range) {
        v.value.push_back('/');
        AppendIsoDate(c.b, &v.value);
      }
      v.precision = std::string(PrecisionName(c.a));
      if (!c.range) v.mod = std::string(c.mod);
      v.inferred = c.inferred;
      Entity e;
      e.type = EntityType::kDate;
      e.span = doc.MakeSpan(c.begin, c.end);
      e.text = std::string(text.substr(c.begin, c.end - c.begin));
      e.pattern = c.pattern->id;
      e.value = std::move(v);
      out->push_back(std::move(e));
    }
  }

 private:
  // Returns the month a name or number stands for ("Sept." -> 9, "03" -> 3), or 0.
  int MonthNumber(std::string_view s) const {
    if (s.empty()) return 0;
    if (IsDigit(s[0])) return ParseDigits(s);
    std::array<char, kMaxWord> buf{};
    size_t n = 0;
    for (char c : s) {
      if (c == '.' || n == buf.size()) break;
      buf[n++] = IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
    }
    auto it = months_.find(std::string_view(buf.data(), n));
    return it == months_.end() ? 0 : it->second;
  }

  // Returns the mod a modifier phrase stands for ("mid-" -> "mid",
  // "end of " -> "late", "finales de " -> "late"), or "".
  std::string_view Modifier(std::string_view s) const {
    std::array<char, kMaxWord> buf{};
    size_t n = 0;
    for (char c : s) {
      if (!IsAlpha(c) || n == buf.size()) break;
      buf[n++] = IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
    }
    auto it = modifiers_.find(std::string_view(buf.data(), n));
    return it == modifiers_.end() ? std::string_view() : std::string_view(it->second);
  }

  // Reads one end's groups (prefix "a_" or "b_"). Returns false when a
  // part does not parse.
  bool ReadEnd(const PatternMatch& m, bool second, int near_year, CalendarDate* d) const {
    const std::string_view year = m.Group(second ? "b_year" : "a_year");
    const std::string_view month = m.Group(second ? "b_month" : "a_month");
    const std::string_view day = m.Group(second ? "b_day" : "a_day");
    if (!year.empty()) {
      const int y = ParseDigits(year);
      if (y < 0) return false;
      d->year = year.size() == 2 ? ExpandShortYear(y, near_year) : y;
    }
    if (!month.empty() && (d->month = MonthNumber(month)) == 0) return false;
    if (!day.empty() && (d->day = ParseDigits(day)) <= 0) return false;
    // "12.25.2019": a numeric month over 12 must be the day.
    if (d->month > 12 && d->day != 0 && d->day <= 12 && IsDigit(month[0])) std::swap(d->month, d->day);
    if (!second && m.Has("a_n1")) {  // US order unless the first cannot be a month
      const int n1 = ParseDigits(m.Group("a_n1")), n2 = ParseDigits(m.Group("a_n2"));
      if (n1 <= 0 || n2 <= 0) return false;
      d->month = n1 > 12 ? n2 : n1;
      d->day = n1 > 12 ? n1 : n2;
    }
    return true;
  }

  // Turns one pattern match into a candidate. Returns false when it is no date.
  bool Resolve(const PatternMatch& m, std::string_view text, Candidate* c) const {
    c->pattern = m.pattern;
    c->begin = m.begin;
    c->end = m.end;
    if (m.Has("span")) {
      c->begin = m.GroupBegin("span", text);
      c->end = c->begin + m.Group("span").size();
    }
    if (!ReadEnd(m, false, 0, &c->a)) return false;
    c->range = m.Has("b_year") || m.Has("b_month") || m.Has("b_day");
    if (c->range) {
      if (!ReadEnd(m, true, c->a.year, &c->b)) return false;
      if (m.Group("b_year").size() == 2 && c->b.year - c->a.year > 10) return false;
      if (!CompleteRange(c)) return false;
    } else if (!IsValidDate(c->a)) {
      return false;
    }
    if (m.Has("a_mod")) c->mod = Modifier(m.Group("a_mod"));
    const std::string& rule = m.pattern->resolve;
    if (rule == "numeric") return NumberStandsAlone(text, c->begin, c->end);
    if (rule == "year") {
      const size_t yb = m.GroupBegin("a_year", text);
      return YearIsTimeReference(text, yb, yb + m.Group("a_year").size(), m.Has("a_mod"));
    }
    return rule == "date";
  }

  // Returns true when the digits at [begin, end) are not part of a longer
  // number, a docket, phone or decimal number, a path, or a numbered thing
  // ("No. 2019-2020").
  bool NumberStandsAlone(std::string_view text, size_t begin, size_t end) const {
    if (begin > 0) {
      const char p = text[begin - 1];
      if (IsDigit(p) || std::string_view("/-.,:$#+_=@").find(p) != std::string_view::npos) return false;
    }
    if (end < text.size()) {
      const char n = text[end];
      if (n == '/' || n == '%' || n == '_') return false;
      if (std::string_view("-.,:").find(n) != std::string_view::npos && DigitAt(text, end + 1)) return false;
    }
    return !reject_before_.contains(WordBefore(text, begin).key());
  }

  // Returns true when the bare year at [begin, end) reads as a time
  // reference (see the list comments in dates.json).
  bool YearIsTimeReference(std::string_view text, size_t begin, size_t end, bool has_mod) const {
    if (begin > 0) {
      const char p = text[begin - 1];
      if (std::string_view("/$#+@=_").find(p) != std::string_view::npos) return false;
      if (std::string_view("-.,:").find(p) != std::string_view::npos && begin > 1 &&
          IsDigit(text[begin - 2])) {
        return false;
      }
      const std::string_view before = text.substr(0, begin);
      if (before.ends_with("\u20ac") || before.ends_with("\u00a3") || before.ends_with("\u00a7"))
        return false;
    }
    bool decimal = false;
    if (end < text.size()) {
      const char n = text[end];
      if (n == '%' || n == '/') return false;
      if ((n == '-' || n == ':') && DigitAt(text, end + 1)) return false;
      if (n == '.' && DigitAt(text, end + 1)) decimal = true;
      if (n == ',' && DigitAt(text, end + 1) && DigitAt(text, end + 2) && DigitAt(text, end + 3) &&
          !DigitAt(text, end + 4)) {
        return false;  // "2019,500": a thousands separator
      }
    }
    if (has_mod) return true;
    const Word prev = WordBefore(text, begin);
    if (reject_before_.contains(prev.key())) return false;
    if (AfterReporter(text, prev)) return false;
    // The year of an instrument's name: "1951 Refugee Convention",
    // "Refugee Act of 1980".
    if (prev.key() == "of" && instrument_before_.contains(WordBefore(text, prev.begin).key())) {
      return false;
    }
    Word next = WordAfter(text, end);
    for (int i = 0; i < 4 && !next.raw.empty() && IsUpper(next.raw.front()); ++i) {
      if (instrument_after_.contains(next.key())) return false;
      next = WordAfter(text, next.begin + next.raw.size());
    }
    if (year_cues_.contains(prev.key())) return true;
    if (decimal) return false;
    if (count_nouns_.contains(WordAfter(text, end).key())) return false;
    if (qualifiers_.contains(prev.key())) {
      // "until at least 2021" is a year, "at least 2000" a count.
      Word w = WordBefore(text, prev.begin);
      for (int i = 0; i < 2 && !w.raw.empty(); ++i, w = WordBefore(text, w.begin)) {
        if (year_cues_.contains(w.key())) return true;
      }
      return false;
    }
    // Without a cue, a number far in the future is a score or a count.
    return ParseDigits(text.substr(begin, end - begin)) <= kLatestUncuedYear;
  }

  // Returns true when `prev` ends a reporter or code abbreviation that
  // follows a volume number: "924 F.3d 2019", "140 S. Ct. 1983",
  // "8 U.S.C. 1999" (a page or section). "(9th Cir. 2020)" keeps its year.
  static bool AfterReporter(std::string_view text, const Word& prev) {
    Word w = prev;
    bool dotted = false;
    for (int i = 0; i < 4 && !w.raw.empty(); ++i) {
      if (w.raw.front() == '(') return false;
      const bool has_dot = w.raw.find('.') != std::string_view::npos;
      const bool series = w.len >= 2 && w.len <= 4 && IsDigit(w.buf[0]) && !w.AllDigits();  // 2d, 3d, 4th
      if (!has_dot && !series && w.key() != "&") return false;
      dotted = dotted || has_dot;
      w = WordBefore(text, w.begin);
      if (w.AllDigits()) return dotted;
    }
    return false;
  }

  // Gives a month or day without a year the bare year that follows it
  // across whitespace alone, such as a page break ("October\n\n2019").
  static void CompleteYearsAcrossBreaks(std::string_view text, std::vector<Candidate>* cands) {
    std::vector<Candidate> out;
    out.reserve(cands->size());
    for (size_t i = 0; i < cands->size(); ++i) {
      Candidate c = (*cands)[i];
      if (i + 1 < cands->size() && c.a.year == 0 && c.a.month != 0) {
        const Candidate& d = (*cands)[i + 1];
        const std::string_view gap = text.substr(c.end, d.begin - c.end);
        if (!d.range && d.a.month == 0 && d.mod.empty() && !gap.empty() && gap.size() <= 4 &&
            std::all_of(gap.begin(), gap.end(), IsSpace)) {
          c.a.year = d.a.year;
          if (c.range) {
            c.b.year = d.a.year;
            if (CompareDates(c.a, c.b) > 0) --c.a.year;
          }
          c.inferred = false;
          c.end = d.end;
          out.push_back(c);
          ++i;
          continue;
        }
      }
      out.push_back(c);
    }
    *cands = std::move(out);
  }

  // Joins neighbours such as "from 2019" + "to" + "2021" or "between June
  // 2018" + "and" + "July 2019" into one range whose span keeps the opener.
  void JoinRanges(std::string_view text, std::vector<Candidate>* cands) const {
    const auto bare = range_openers_.find(std::string_view());
    std::vector<Candidate> out;
    out.reserve(cands->size());
    for (size_t i = 0; i < cands->size(); ++i) {
      const Candidate& c = (*cands)[i];
      if (i + 1 < cands->size() && !c.range && !(*cands)[i + 1].range) {
        const Candidate& d = (*cands)[i + 1];
        const size_t gap = d.begin - c.end;
        if (gap >= 1 && gap <= 12 && !(c.a.day != 0 && d.a.month == 0)) {
          const Word connector = MakeWord(text, c.end, d.begin);
          std::string_view key = connector.key();
          while (!key.empty() && key.front() == ' ') key.remove_prefix(1);
          while (!key.empty() && key.back() == ' ') key.remove_suffix(1);
          const Word opener = WordBefore(text, c.begin);
          auto it = range_openers_.find(opener.key());
          const bool has_opener = it != range_openers_.end() && !opener.key().empty();
          if (!has_opener) it = bare;
          if (it != range_openers_.end() && it->second.contains(key)) {
            Candidate r = c;
            r.range = true;
            r.b = d.a;
            r.mod = {};
            r.begin = has_opener ? opener.begin : c.begin;
            r.end = d.end;
            if (CompleteRange(&r)) {
              r.inferred = r.a.year == 0;
              out.push_back(r);
              ++i;
              continue;
            }
          }
        }
      }
      out.push_back(c);
    }
    *cands = std::move(out);
  }

  // Gives each date without a year the year of the nearest date before it
  // that has one, else the document's date, else the nearest one after it.
  void InferYears(const Document& doc, std::vector<Candidate>* cands) const {
    int doc_year = 0;
    if (doc.metadata.date.size() >= 4)
      doc_year = std::max(0, ParseDigits(std::string_view(doc.metadata.date).substr(0, 4)));
    auto set_year = [](Candidate& c, int year) {
      c.a.year = year;
      c.inferred = true;
      if (c.range) {
        c.b.year = year;
        if (CompareDates(c.a, c.b) > 0) ++c.b.year;
      }
    };
    int last = 0;
    bool missing = false;
    for (Candidate& c : *cands) {
      if (c.a.year == 0) {
        if (last != 0 || doc_year != 0) {
          set_year(c, last != 0 ? last : doc_year);
        } else {
          missing = true;
          continue;
        }
      }
      last = c.range ? c.b.year : c.a.year;
    }
    if (!missing) return;
    int next = 0;
    for (auto it = cands->rbegin(); it != cands->rend(); ++it) {
      if (it->a.year == 0) {
        if (next != 0) set_year(*it, next);
        it->inferred = next != 0;
      } else {
        next = it->a.year;
      }
    }
  }

  std::map<std::string, int, std::less<>> months_;
  std::map<std::string, std::string, std::less<>> modifiers_;
  std::map<std::string, WordSet, std::less<>> range_openers_;
  WordSet reject_before_, year_cues_, qualifiers_, count_nouns_;
  WordSet instrument_after_, instrument_before_;
};

}  // namespace

std::unique_ptr<Finder> MakeDateFinder(const PatternPack& pack) { return std::make_unique<DateFinder>(pack); }

}  // namespace dossier
