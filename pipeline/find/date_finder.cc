#include "pipeline/find/date_finder.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "pipeline/find/date_resolve.h"
#include "pipeline/find/number_words.h"

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

// Returns the lookup key of `s` alone ("Summer" -> "summer").
Word LowerKey(std::string_view s) { return MakeWord(s, 0, s.size()); }

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

// Adds the entries of the JSON object `list` whose values are of type T
// (int or std::string) to `out`; anything else is left out.
template <typename T>
void ReadMap(const json& list, std::map<std::string, T, std::less<>>* out) {
  if (!list.is_object()) return;
  for (const auto& [key, value] : list.items()) {
    if constexpr (std::is_same_v<T, int>) {
      if (value.is_number_integer()) (*out)[key] = value.template get<int>();
    } else {
      if (value.is_string()) (*out)[key] = value.template get<std::string>();
    }
  }
}

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
  bool inferred = false;   // year taken from context
  bool cited = false;      // inside a citation: a publication date, no narrative time
  bool confirmed = false;  // year inferred but fixed by a stated weekday
  int weekday = -1;        // 0 (Sunday) to 6 when the text states one
  bool attribute = false;  // "1978's hit": a work's year, no time the text is in
  // A date relative to the document's: `rel_units` of `rel_unit` ("day",
  // "week", "month", "year") after it, or for "weekday" the direction
  // (last -1, next 1, this 0) to `weekday`; resolved once its date is known.
  bool relative = false;
  int rel_units = 0;
  std::string_view rel_unit;
  bool rel_named = false;  // "last week" (the calendar week), not "two weeks ago"
  size_t month_end = 0;    // "June of last year": where the month's name ends
};

// Returns the weekday (0 = Sunday, as lists.weekdays counts) of a valid
// day-precision date.
int Weekday(int year, int month, int day) { return (IsoWeekday({year, month, day}) + 1) % 7; }

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
    ReadMap(pack.list("months"), &months_);
    ReadMap(pack.list("day_words"), &day_words_);
    ReadMap(pack.list("modifiers"), &modifiers_);
    range_articles_ = ReadWords(pack.list("range_articles"));
    const json& openers = pack.list("range_openers");
    if (openers.is_object()) {
      for (const auto& [opener, connectors] : openers.items()) {
        range_openers_[opener] = ReadWords(connectors);
      }
    }
    ReadMap(pack.list("weekdays"), &weekdays_);
    if (const json& holidays = pack.list("holidays"); holidays.is_object()) {
      for (const auto& [name, day] : holidays.items()) {
        if (day.is_array() && day.size() == 2 && day[0].is_number_integer() && day[1].is_number_integer()) {
          holidays_[name] = {day[0].get<int>(), day[1].get<int>()};
        }
      }
    }
    for (const char* list : {"seasons", "year_parts"}) {
      const json& parts = pack.list(list);
      if (!parts.is_object()) continue;
      for (const auto& [name, span] : parts.items()) {
        if (span.is_array() && span.size() == 2 && span[0].is_number_integer() && span[1].is_number_integer()) {
          year_parts_[name] = {span[0].get<int>(), span[1].get<int>()};
        }
      }
    }
    ReadMap(pack.list("relative_words"), &relative_offsets_);
    ReadMap(pack.list("relative_directions"), &relative_offsets_);
    ReadMap(pack.list("relative_units"), &relative_units_);
    document_date_cues_ = ReadWords(pack.list("document_date_cues"));
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

    // Citations: a date inside a web address is part of the address; one
    // inside any other citation is a date, but a publication date that
    // says nothing about the time the prose is in.
    std::vector<std::pair<size_t, size_t>> urls, cases, cited;
    for (const Entity& e : earlier) {
      const CitationValue* v = e.as<CitationValue>();
      if (v == nullptr) continue;
      (v->kind == "url" ? urls : cited).emplace_back(e.span.begin, e.span.end);
      if (v->kind == "case" || v->kind == "reporter") cases.emplace_back(e.span.begin, e.span.end);
    }
    auto inside = [](std::vector<std::pair<size_t, size_t>>& spans) {
      std::sort(spans.begin(), spans.end());
      for (size_t i = 1; i < spans.size(); ++i) spans[i].second = std::max(spans[i].second, spans[i - 1].second);
    };
    inside(urls);
    inside(cases);
    inside(cited);
    auto within = [](const std::vector<std::pair<size_t, size_t>>& spans, size_t begin, size_t end) {
      auto it = std::upper_bound(spans.begin(), spans.end(), std::make_pair(begin, SIZE_MAX));
      return it != spans.begin() && std::prev(it)->second >= end;
    };

    std::vector<Candidate> cands;
    cands.reserve(matches.size());
    for (const PatternMatch& m : matches) {
      Candidate c;
      if (m.pattern->resolve == "none") {  // claims its text ("27 I&N Dec. 8"), yields no date
        c.pattern = m.pattern;
        c.begin = m.begin;
        c.end = m.end;
        cands.push_back(c);
        continue;
      }
      if (!Resolve(m, text, &c)) continue;
      if (in_statute(c.begin, c.end)) continue;
      if (within(urls, c.begin, c.end)) continue;
      if (m.pattern->resolve == "cited_year" && !within(cases, c.begin, c.end)) continue;
      // "[2019] EWCA Civ 2027", "931 F.3d 2019": in a case citation, a
      // year-shaped number out of brackets and not heading a reporter
      // ("2019 SCC 65", "2023 WL 1234567", "2011-Ohio-1234") is a volume or
      // a page.
      if (!c.range && c.a.month == 0 && within(cases, c.begin, c.end) && c.begin > 0 && c.end + 1 < text.size() &&
          std::string_view("([").find(text[c.begin - 1]) == std::string_view::npos &&
          std::string_view(")]").find(text[c.end]) == std::string_view::npos &&
          !((text[c.end] == ' ' || text[c.end] == '-') && std::isupper(static_cast<unsigned char>(text[c.end + 1])))) {
        continue;
      }
      c.cited = within(cited, c.begin, c.end);
      // "1978's 'What a Fool Believes'": a possessive year names a work.
      c.attribute = !c.range && c.a.month == 0 && text.substr(c.end).starts_with("'s ");
      cands.push_back(c);
    }
    cands = SelectLongestSpans(std::move(cands));
    std::erase_if(cands, [](const Candidate& c) { return c.pattern->resolve == "none"; });
    const CalendarDate ref = DocumentDate(doc, cands);
    PlaceRelativeDates(ref, &cands);
    JoinRanges(text, &cands);
    CompleteYearsAcrossBreaks(text, &cands);
    InferYears(doc, ref, &cands);

    out->reserve(out->size() + cands.size());
    for (const Candidate& c : cands) {
      DateValue v;
      AppendIsoDate(c.a, &v.value);
      if (c.range) {
        v.value.push_back('/');
        AppendIsoDate(c.b, &v.value);
      }
      v.precision = std::string(PrecisionName(c.a));
      v.mod = std::string(c.mod);  // "late 1990s": a decade keeps its modifier
      v.inferred = c.inferred;
      v.relative = c.relative;
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
  // Returns the weekday (0 = Sunday) that opens `span` ("Wednesday, Feb.
  // 26", "lunes 3 de junio"), or -1.
  int WeekdayOf(std::string_view span) const {
    size_t n = 0;
    while (n < span.size() && n < kMaxWord && (IsAlpha(span[n]) || static_cast<unsigned char>(span[n]) >= 0x80)) ++n;
    if (n < 3) return -1;
    auto it = weekdays_.find(LowerKey(span.substr(0, n)).key());
    return it == weekdays_.end() ? -1 : it->second;
  }

  // Returns true when the number at `begin` is glued by a hyphen to a code
  // in capitals: "VH-2021", "GAO-2020", "I-1990s" are identifiers
  // ("pre-2020" and "FY-2021" are times).
  bool GluedToCode(std::string_view text, size_t begin) const {
    if (begin == 0 || (text[begin - 1] != '-' && text[begin - 1] != '_')) return false;
    size_t w = begin - 1;
    bool upper = false, lower = false;
    while (w > 0 && (IsAlpha(text[w - 1]) || IsDigit(text[w - 1]))) {
      --w;
      upper = upper || IsUpper(text[w]);
      lower = lower || (IsAlpha(text[w]) && !IsUpper(text[w]));
    }
    return upper && !lower && !year_cues_.contains(LowerKey(text.substr(w, begin - 1 - w)).key());
  }

  // Returns true when `w`, the word before a number, makes it no year:
  // "section 2019", "p. 1999"; a word that is also a year cue counts only
  // when abbreviated ("para. 1999", not Spanish "para 2023").
  bool RejectsYear(const Word& w) const {
    if (!reject_before_.contains(w.key())) return false;
    return !(year_cues_.contains(w.key()) && !w.raw.ends_with("."));
  }

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

  // Returns the day of the month `s` names: digits, an English ordinal
  // word read by ICU ("twenty-first"), or one of lists.day_words
  // ("primero"); 0 when it names none.
  int DayNumber(std::string_view s) const {
    if (s.empty()) return 0;
    if (IsDigit(s[0])) return ParseDigits(s);
    const Word w = LowerKey(s);
    if (auto it = day_words_.find(w.key()); it != day_words_.end()) return it->second;
    const std::optional<double> v = ParseOrdinalWord(w.key());
    return v && *v >= 1 && *v <= 31 ? static_cast<int>(*v) : 0;
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
    if (!day.empty() && (d->day = DayNumber(day)) <= 0) return false;
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
    if (m.pattern->resolve == "relative") {
      if (m.Has("a_mod")) c->mod = Modifier(m.Group("a_mod"));  // "late last year"
      // "June of last year": a month of the relative year.
      if (m.Has("a_month")) {
        if ((c->a.month = MonthNumber(m.Group("a_month"))) == 0 || m.Group("rel_unit") != "year") return false;
        c->month_end = m.GroupBegin("a_month", text) + m.Group("a_month").size();
      }
      return ResolveRelative(m, text, c);
    }
    if (m.pattern->resolve == "period_ending") {
      // "the year ending March 2021": the twelve months through that month.
      if (!ReadEnd(m, true, 0, &c->b) || c->b.year <= 0 || c->b.month == 0) return false;
      c->a = AddMonths({c->b.year, c->b.month, 1}, -11);
      c->a.day = 0;
      c->range = true;
      return true;
    }
    if (!ReadEnd(m, false, 0, &c->a)) return false;
    // "In March 2,000 people marched": a day glued to a digit group is the
    // head of a number, not a day.
    if (c->end + 4 <= text.size() && text[c->end] == ',' && IsDigit(text[c->end + 1]) && IsDigit(text[c->end + 2]) &&
        IsDigit(text[c->end + 3]) && (c->end + 4 == text.size() || !IsDigit(text[c->end + 4]))) {
      return false;
    }
    if (m.Has("decade")) {  // "the 1990s" -> 1990/1999
      if (GluedToCode(text, m.GroupBegin("decade", text))) return false;
      c->a.year = ParseDigits(m.Group("decade"));
      // "the '90s": the century is the last one, but for the '00s and '10s.
      if (c->a.year >= 0 && c->a.year < 100) c->a.year += c->a.year <= 10 ? 2000 : 1900;
      // "the 1800s" is a century; "the 2000s" is a decade, as English uses it.
      c->b.year = c->a.year + (c->a.year % 100 == 0 && c->a.year < 2000 ? 99 : 9);
      c->range = true;
      if (m.Has("a_mod")) c->mod = Modifier(m.Group("a_mod"));
      return c->a.year > 0;
    }
    if (m.Has("century") || m.Has("century_word")) {  // "the 19th century" -> 1800/1899
      std::optional<double> n;
      if (m.Has("century")) {
        n = ParseDigits(m.Group("century"));
      } else {
        n = ParseOrdinalWord(LowerKey(m.Group("century_word")).key());
      }
      if (!n || *n < 1 || *n > 22) return false;
      c->a.year = (static_cast<int>(*n) - 1) * 100;
      c->b.year = c->a.year + 99;
      c->range = true;
      if (m.Has("a_mod")) c->mod = Modifier(m.Group("a_mod"));
      return c->a.year > 0;
    }
    if (m.Has("holiday")) {  // "Christmas Day 2019" -> 2019-12-25
      auto it = holidays_.find(LowerKey(m.Group("holiday")).key());
      if (it == holidays_.end()) return false;
      // "the Christmas Day Parade": a capital after it makes it a name's.
      if (!m.Has("a_year")) {
        const Word next = WordAfter(text, c->end);
        if (!next.raw.empty() && IsUpper(next.raw[0])) return false;
      }
      c->a.month = it->second.first;
      c->a.day = it->second.second;
      return true;
    }
    if (m.Has("season") || m.Has("part")) {  // "Summer 2019" -> 2019-06/2019-08, "Q1 2020" -> 2020-01/2020-03
      auto it = year_parts_.find(LowerKey(m.Has("season") ? m.Group("season") : m.Group("part")).key());
      if (it == year_parts_.end()) return false;
      c->a.month = it->second.first;
      c->b = CalendarDate{c->a.year, it->second.second, 0};
      // "the second quarter of fiscal year 2024": the U.S. federal year
      // begins the October before.
      if (m.Has("fy")) {
        c->a = AddMonths({c->a.year, c->a.month, 1}, -3);
        c->b = AddMonths({c->b.year, c->b.month, 1}, -3);
      }
      c->range = true;
      return true;
    }
    c->weekday = WeekdayOf(text.substr(c->begin, c->end - c->begin));
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
    if (rule == "cited_year") return true;  // the finder keeps it only inside a case citation
    if (rule == "year") {
      const size_t yb = m.GroupBegin("a_year", text);
      return YearIsTimeReference(text, yb, yb + m.Group("a_year").size(), m.Has("a_mod"));
    }
    return rule == "date";
  }

  // Reads a relative date's offset from the document's date ("two weeks
  // ago": -2 weeks); its value waits for that date (PlaceRelativeDates).
  bool ResolveRelative(const PatternMatch& m, std::string_view text, Candidate* c) const {
    if (WordBefore(text, c->begin).key() == "the") return false;  // "over the last year": a span
    c->relative = c->inferred = true;
    if (m.Has("rel_weekday")) {
      // "on Tuesday, March 3": a date follows, whose weekday this is.
      const Word next = WordAfter(text, c->end < text.size() && text[c->end] == ',' ? c->end + 1 : c->end);
      if (months_.contains(next.key()) || next.AllDigits()) return false;
      auto day = weekdays_.find(LowerKey(m.Group("rel_weekday")).key());
      if (day == weekdays_.end()) return false;
      c->weekday = day->second;
      c->rel_unit = "weekday";
      if (m.Has("rel_wdir")) {
        const std::optional<int> dir = Direction(m.Group("rel_wdir"));
        if (!dir) return false;
        c->rel_units = *dir;
        c->rel_named = true;  // "this Tuesday": in the document's week
      }
      return true;
    }
    if (m.Has("rel_word")) {
      const std::optional<int> offset = Direction(m.Group("rel_word"));  // "yesterday" -1
      if (!offset) return false;
      c->rel_units = *offset;
      c->rel_unit = "day";
      return true;
    }
    auto unit = relative_units_.find(LowerKey(m.Group("rel_unit")).key());
    if (unit == relative_units_.end()) return false;
    c->rel_unit = unit->second;
    if (m.Has("rel_dir")) {
      const std::optional<int> dir = Direction(m.Group("rel_dir"));
      if (!dir) return false;
      c->rel_units = *dir;
      c->rel_named = true;
      return true;
    }
    const std::string_view n = m.Group("rel_n");
    const Word key = LowerKey(n);
    int count = 0;
    if (key.key() == "a" || key.key() == "an" || key.key() == "un" || key.key() == "una") {
      count = 1;
    } else if (IsDigit(n.front())) {
      count = ParseDigits(n);
    } else {
      std::optional<double> v = ParseNumberWords(n, "en");
      if (!v) v = ParseNumberWords(n, "es");
      count = v ? static_cast<int>(*v) : 0;
    }
    if (count <= 0 || count > 999) return false;
    c->rel_units = -count;  // "ago", "hace"
    return true;
  }

  // Returns the units after the document's date that `words` mean: a
  // direction ("last" -1, "next" 1, "earlier this" 0, "que viene" 1) or a
  // day ("yesterday" -1), as written, spaces kept; nullopt for none listed.
  std::optional<int> Direction(std::string_view words) const {
    std::string key(words);
    for (char& ch : key) ch = IsUpper(ch) ? static_cast<char>(ch - 'A' + 'a') : ch;
    auto it = relative_offsets_.find(key);
    return it == relative_offsets_.end() ? std::nullopt : std::optional<int>(it->second);
  }

  // Gives relative dates their value from the document's date `ref`, and
  // drops those it cannot place (no document date, or one less precise
  // than the unit needs).
  static void PlaceRelativeDates(const CalendarDate& ref, std::vector<Candidate>* cands) {
    std::erase_if(*cands, [&ref](Candidate& c) {
      if (!c.relative) return false;
      const std::string_view unit = c.rel_unit;
      // Metadata may hold anything ("2021-13-45"): only a real date anchors.
      const bool month_known = ref.year > 0 && ref.month >= 1 && ref.month <= 12;
      const bool day_known = month_known && ref.day != 0 && IsValidDate(ref);
      const bool needs_day = unit == "day" || unit == "week" || unit == "weekday";
      if (ref.year <= 0 || (unit == "month" && !month_known) || (needs_day && !day_known)) {
        // "May last year" with no document date: the month alone, whose
        // year context may still give.
        if (c.month_end == 0) return true;
        c.relative = c.inferred = false;
        c.end = c.month_end;
        c.a = {0, c.a.month, 0};
        return false;
      }
      if (unit == "year") {
        c.a = {ref.year + c.rel_units, c.a.month, 0};  // "June of last year": the month stays
      } else if (unit == "month") {
        c.a = AddMonths(ref, c.rel_units);
      } else if (unit == "day") {
        c.a = AddDays(ref, c.rel_units);
      } else if (unit == "weekday") {
        // Monday-based weekdays: the named one and the document's.
        const int want = (c.weekday + 6) % 7, have = IsoWeekday(ref);
        const int back = (have - want + 7) % 7, ahead = (want - have + 7) % 7;
        int delta = -back;  // "on Tuesday": the last one on or before the date
        if (c.rel_named && c.rel_units < 0) delta = back == 0 ? -7 : -back;  // "last Tuesday"
        if (c.rel_named && c.rel_units > 0) delta = ahead == 0 ? 7 : ahead;  // "next Tuesday"
        if (c.rel_named && c.rel_units == 0) delta = want - have;            // "this Tuesday"
        c.a = AddDays(ref, delta);
        c.weekday = -1;  // placed: no year to choose by it
      } else if (!c.rel_named) {
        c.a = AddDays(ref, 7 * c.rel_units);  // "two weeks ago": the day fourteen days before
      } else {
        // "last week": the Monday-Sunday week before the document's.
        const CalendarDate monday = AddDays(ref, 7 * c.rel_units - IsoWeekday(ref));
        c.a = monday;
        c.b = AddDays(monday, 6);
        c.range = true;
      }
      return c.a.year <= 0 || c.a.year > 9999;
    });
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
    return !RejectsYear(WordBefore(text, begin));
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
      // "2019-CV-1234", "2020-ICE-0001": the year opens a case or file number.
      if (n == '-' && end + 3 < text.size() && IsUpper(text[end + 1]) && IsUpper(text[end + 2])) {
        size_t e = end + 1;
        while (e < text.size() && IsUpper(text[e])) ++e;
        if (e < text.size() && (text[e] == '-' || IsDigit(text[e]))) return false;
      }
      if (n == '.' && DigitAt(text, end + 1)) decimal = true;
      if (n == ',' && DigitAt(text, end + 1) && DigitAt(text, end + 2) && DigitAt(text, end + 3) &&
          !DigitAt(text, end + 4)) {
        return false;  // "2019,500": a thousands separator
      }
    }
    if (has_mod) return true;
    const Word prev = WordBefore(text, begin);
    if (RejectsYear(prev)) return false;
    if (GluedToCode(text, begin)) return false;
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
          // "Oct. 1, 2018, through Sept. 30, 2019": the comma after the
          // first end's year is no part of the connector.
          while (!key.empty() && (key.front() == ' ' || key.front() == ',')) key.remove_prefix(1);
          while (!key.empty() && (key.back() == ' ' || key.back() == ',')) key.remove_suffix(1);
          // "entre el 1 de enero y el 30 de junio": articles before either
          // end are no part of the opener or the connector.
          if (const size_t space = key.rfind(' ');
              space != std::string_view::npos && range_articles_.contains(key.substr(space + 1))) {
            key = key.substr(0, space);
          }
          Word opener = WordBefore(text, c.begin);
          if (range_articles_.contains(opener.key())) opener = WordBefore(text, opener.begin);
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

  // Returns the document's date: the extractor's, else one the text states
  // as its own ("Published Oct. 12, 2023", "Date: March 17, 2023" at a
  // line start; a date ending a short line near the top, "Tapachula,
  // Chiapas, septiembre de 2023"), else a date without a year.
  CalendarDate DocumentDate(const Document& doc, const std::vector<Candidate>& cands) const {
    CalendarDate d;
    const std::string& meta = doc.metadata.date;
    if (meta.size() >= 4) {
      d.year = std::max(0, ParseDigits(std::string_view(meta).substr(0, 4)));
      if (meta.size() >= 7) d.month = std::max(0, ParseDigits(std::string_view(meta).substr(5, 2)));
      if (meta.size() >= 10) d.day = std::max(0, ParseDigits(std::string_view(meta).substr(8, 2)));
      if (d.year > 0) return d;
      d = {};
    }
    // Lines are read in the raw text: normalization joins wrapped lines.
    constexpr size_t kHeaderBytes = 600, kCueReach = 48, kHeaderLine = 100;
    const std::string_view raw = doc.raw_text;
    for (const Candidate& c : cands) {
      if (c.range || c.inferred || c.cited || c.a.year == 0 || c.a.month == 0) continue;
      const size_t begin = doc.offsets.ToRawBegin(c.begin), end = doc.offsets.ToRawEnd(c.end);
      if (begin > raw.size() || end > raw.size() || end < begin) continue;
      // The line start, if it is at most kCueReach bytes before the date.
      size_t line = begin;
      while (line > 0 && begin - line < kCueReach && raw[line - 1] != '\n') --line;
      const bool line_start = line == 0 || raw[line - 1] == '\n';
      bool cued = false;
      if (line_start) {
        size_t first = line;
        while (first < begin && std::string_view(" \t*_#|>-").find(raw[first]) != std::string_view::npos) ++first;
        size_t word_end = first;
        while (word_end < begin && IsAlpha(raw[word_end])) ++word_end;
        cued = word_end > first && document_date_cues_.contains(LowerKey(raw.substr(first, word_end - first)).key());
      }
      bool header = false;
      if (!cued && c.begin < kHeaderBytes) {
        size_t after = end;
        while (after < raw.size() && after - end < kHeaderLine && raw[after] != '\n' &&
               std::string_view(" \t*_|.,)").find(raw[after]) != std::string_view::npos) {
          ++after;
        }
        // "September 2, 2025 7:52 PM GMT+0 Updated 14 hours ago": a clock
        // time and what a dateline adds to it close the line.
        if (after < raw.size() && IsDigit(raw[after])) {
          const size_t nl = raw.find('\n', after);
          const size_t eol = nl == std::string_view::npos ? raw.size() : nl;
          const std::string_view rest = raw.substr(after, eol - after);
          const size_t colon = rest.find(':');
          if (rest.size() <= 60 && colon >= 1 && colon <= 2 && rest.size() >= colon + 3 && IsDigit(rest[colon + 1]) &&
              IsDigit(rest[colon + 2])) {
            after = eol;
          }
        }
        size_t start = begin;
        while (start > 0 && begin - start < kHeaderLine && raw[start - 1] != '\n') --start;
        header = (after == raw.size() || raw[after] == '\n') && (start == 0 || raw[start - 1] == '\n');
      }
      if (cued || header) return c.a;
    }
    return d;
  }

  // Returns the year of the last context date before `c` with its month
  // (and its day, when `c` has one), or 0.
  static int DatedEarlier(const std::vector<Candidate>& cands, const std::vector<size_t>& dated, const Candidate& c) {
    for (auto it = dated.rbegin(); it != dated.rend(); ++it) {
      const Candidate& d = cands[*it];
      if (!d.range && d.a.month == c.a.month && (c.a.day == 0 || d.a.day == c.a.day)) return d.a.year;
    }
    return 0;
  }

  // Gives each date without a year its year, as a reader takes it: the one
  // its stated weekday allows; else the year of the same month and day
  // dated earlier; else the year of a dated mention earlier in the same or
  // the previous sentence (or heading, or list item); else, for "the
  // February instructions", the year of that month dated earlier; else the
  // occurrence nearest the document's date (from nine months before it to
  // three after); else the nearest year before, else after. Dates inside citations (publication dates) are no
  // context.
  void InferYears(const Document& doc, const CalendarDate& ref, std::vector<Candidate>* cands) const {
    auto set_year = [](Candidate& c, int year) {
      c.a.year = year;
      c.inferred = true;
      if (c.range) {
        c.b.year = year;
        if (CompareDates(c.a, c.b) > 0) ++c.b.year;
      }
    };
    auto end_year = [](const Candidate& c) { return c.range ? c.b.year : c.a.year; };
    // A decade, a century or a longer span names no year a day could take
    // ("since the beginning of the 21st century ... in October").
    auto is_context = [](const Candidate& c) {
      return c.a.year != 0 && !c.cited && !c.attribute && (!c.inferred || c.confirmed) &&
             !(c.range && c.b.year - c.a.year >= 9);
    };
    // The latest year the text states: its present, when it has no date of
    // its own ("the tour starts in June 2020 ... Friday, December 6"); and
    // the latest it states with a month, its narrative's present.
    int latest = 0, latest_dated = 0;
    for (const Candidate& c : *cands) {
      if (!is_context(c)) continue;
      latest = std::max(latest, end_year(c));
      if (c.a.month != 0) latest_dated = std::max(latest_dated, end_year(c));
    }
    // A bare year inside a sentence's prose that lies years before the
    // narrative ("the first time since 1905", "until 1982") is background:
    // a day or month after it belongs to the narrative's present. A year
    // opening its sentence or heading ("## 2021", "In 2019, ...") frames
    // what follows.
    // The narrative's present: its latest month-dated mention, or the
    // document's own date when that is later.
    const int present = std::max(latest_dated, ref.year);
    auto background = [&](const Candidate& p) {
      if (p.a.month != 0 || p.range || present <= end_year(p) + 1) return false;
      const int sentence = doc.SentenceAt(p.begin);
      if (sentence < 0) return false;
      const size_t start = doc.sentences[static_cast<size_t>(sentence)].begin;
      return p.begin > start + 3;  // more than "In " before it
    };
    // Candidates with a year that give context, in text order.
    std::vector<size_t> dated;
    bool missing = false;
    for (size_t i = 0; i < cands->size(); ++i) {
      Candidate& c = (*cands)[i];
      if (c.a.year != 0) {
        if (is_context(c)) dated.push_back(i);
        continue;
      }
      const Candidate* prev = dated.empty() ? nullptr : &(*cands)[dated.back()];
      int year = 0;
      // A stated weekday fixes the year among the plausible ones.
      if (c.weekday >= 0 && c.a.month != 0 && c.a.day != 0 && !c.range) {
        const int base = prev != nullptr ? end_year(*prev) : ref.year;
        const int options[] = {base, ref.year, ref.year + 1, ref.year - 1, base + 1, base - 1,
                               latest, latest - 1, latest + 1};
        for (int y : options) {
          if (y > 0 && c.a.day <= DaysInMonth(y, c.a.month) && Weekday(y, c.a.month, c.a.day) == c.weekday) {
            year = y;
            c.confirmed = true;
            break;
          }
        }
      }
      // "On March 11, 2020 ... life changed on March 11": the same day again.
      if (year == 0 && c.a.day != 0 && !c.range) year = DatedEarlier(*cands, dated, c);
      // A year after the document's own ("hire 500 officers by 2025") is a
      // target: the days a report tells of lie before it.
      const bool future = prev != nullptr && ref.year != 0 && prev->a.month == 0 && end_year(*prev) > ref.year;
      if (year == 0 && prev != nullptr && !background(*prev) && !future) {
        // The previous sentence may be a heading or list item ("## 2021").
        const int sentence = doc.SentenceAt(c.begin), prev_sentence = doc.SentenceAt(prev->begin);
        if (sentence >= 0 && prev_sentence >= sentence - 1) year = end_year(*prev);
      }
      // "February 14, 2022 ... The February instructions": a definite month.
      if (year == 0 && c.a.day == 0 && !c.range && c.pattern->id == "date.month_det") {
        year = DatedEarlier(*cands, dated, c);
      }
      if (year == 0 && ref.year != 0 && ref.month != 0 && c.a.month != 0) {
        const int delta = c.a.month - ref.month;
        year = ref.year + (delta > 3 ? -1 : (delta < -8 ? 1 : 0));
      }
      if (year == 0 && prev != nullptr) year = background(*prev) ? latest_dated : end_year(*prev);
      if (year == 0 && ref.year != 0) year = ref.year;
      if (year == 0) {
        missing = true;
        continue;
      }
      set_year(c, year);
      if (c.confirmed) dated.push_back(i);
    }
    if (!missing) return;
    int next = 0;
    for (auto it = cands->rbegin(); it != cands->rend(); ++it) {
      if (it->a.year == 0) {
        if (next != 0) set_year(*it, next);
        it->inferred = next != 0;
      } else if (is_context(*it)) {
        next = it->a.year;
      }
    }
  }

  std::map<std::string, int, std::less<>> months_;
  std::map<std::string, int, std::less<>> day_words_;  // "primero" 1
  std::map<std::string, std::string, std::less<>> modifiers_;
  std::map<std::string, WordSet, std::less<>> range_openers_;
  WordSet range_articles_;  // skipped before a range's ends: "el", "la"
  std::map<std::string, int, std::less<>> weekdays_;
  std::map<std::string, int, std::less<>> relative_offsets_;  // "yesterday" -1, "next" 1
  std::map<std::string, std::string, std::less<>> relative_units_;
  // Seasons, quarters and halves -> their first and last month.
  std::map<std::string, std::pair<int, int>, std::less<>> year_parts_;
  std::map<std::string, std::pair<int, int>, std::less<>> holidays_;  // "halloween" -> {10, 31}
  WordSet document_date_cues_;
  WordSet reject_before_, year_cues_, qualifiers_, count_nouns_;
  WordSet instrument_after_, instrument_before_;
};

}  // namespace

std::unique_ptr<Finder> MakeDateFinder(const PatternPack& pack) { return std::make_unique<DateFinder>(pack); }

}  // namespace dossier
