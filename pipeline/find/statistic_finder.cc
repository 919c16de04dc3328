#include "pipeline/find/statistic_finder.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "pipeline/find/noun_phrase.h"
#include "pipeline/find/number_words.h"
#include "pipeline/core/text_util.h"

namespace dossier {

namespace {

constexpr size_t npos = std::string_view::npos;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Returns `s` lower-cased with whitespace runs made one space and trimmed.
std::string Canonical(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (IsSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

template <typename T>
std::unordered_map<std::string, T> MapOf(const nlohmann::json& list) {
  std::unordered_map<std::string, T> out;
  if (!list.is_object()) return out;
  for (const auto& [key, value] : list.items()) {
    if (key.starts_with("//")) continue;
    if constexpr (std::is_same_v<T, double>) {
      if (value.is_number()) out[Canonical(key)] = value.template get<double>();
    } else {
      if (value.is_string()) out[Canonical(key)] = value.template get<std::string>();
    }
  }
  return out;
}

std::vector<std::string> StringsOf(const nlohmann::json& list) {
  std::vector<std::string> out;
  if (!list.is_array()) return out;
  for (const auto& item : list) {
    if (item.is_string()) out.push_back(Canonical(item.get<std::string>()));
  }
  return out;
}

// Spans of the entities found earlier that a figure may not overlap, with
// a prefix maximum of their ends: an overlap test is one binary search.
class Blocked {
 public:
  void Add(size_t begin, size_t end) { spans_.emplace_back(begin, end); }
  void Finish() {
    std::sort(spans_.begin(), spans_.end());
    max_end_.resize(spans_.size());
    size_t m = 0;
    for (size_t i = 0; i < spans_.size(); ++i) max_end_[i] = m = std::max(m, spans_[i].second);
  }
  // Returns true when [begin, end) overlaps a blocked span.
  bool Overlaps(size_t begin, size_t end) const {
    auto it = std::lower_bound(spans_.begin(), spans_.end(), std::make_pair(end, size_t{0}));
    if (it == spans_.begin()) return false;
    return max_end_[static_cast<size_t>(it - spans_.begin()) - 1] > begin;
  }

 private:
  std::vector<std::pair<size_t, size_t>> spans_;
  std::vector<size_t> max_end_;
};

// A number as written: its value and where it stands.
struct Figure {
  double value = 0;
  size_t begin = 0, end = 0;  // the number with its multiplier
  bool year_like = false;     // "2019": four digits, no separator
};

// What follows `of` after a figure.
struct OfPhrase {
  size_t end = npos;            // end of "of X" when X is a noun phrase
  std::string subject;          // X's noun phrase, or a nested figure's
  bool nested = false;          // "of the 2,315 people": subject only
  bool number_only = false;     // "of 2019": a number that counts nothing
};

struct Candidate {
  size_t begin = 0, end = 0;
  const Pattern* pattern = nullptr;
  StatisticValue value;
};

class StatisticFinder : public Finder {
 public:
  explicit StatisticFinder(const PatternPack& pack)
      : np_(pack),
        qualifiers_(MapOf<std::string>(pack.list("qualifiers"))),
        currencies_(MapOf<std::string>(pack.list("currencies"))),
        duration_units_(MapOf<std::string>(pack.list("duration_units"))),
        measure_units_(MapOf<std::string>(pack.list("measure_units"))),
        multipliers_(MapOf<double>(pack.list("multipliers"))),
        denominators_(MapOf<double>(pack.list("fraction_denominators"))),
        as_of_triggers_(StringsOf(pack.list("as_of_triggers"))) {
    for (std::string& s : StringsOf(pack.list("label_words"))) label_words_.insert(std::move(s));
    for (std::string& s : StringsOf(pack.list("fraction_blockers"))) fraction_blockers_.insert(std::move(s));
    std::stable_sort(as_of_triggers_.begin(), as_of_triggers_.end(),
                     [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  }

  EntityType type() const override { return EntityType::kStatistic; }

  void Find(const Document& doc, std::span<const PatternMatch> matches, const std::vector<Entity>& earlier,
            std::vector<Entity>* out) const override {
    const std::string_view text = doc.text;
    Blocked blocked;
    for (const Entity& e : earlier) {
      if (e.type == EntityType::kStatistic) continue;
      // "twelve days later" may be a relative date and still a duration.
      if (const DateValue* d = e.as<DateValue>(); d != nullptr && d->relative) continue;
      blocked.Add(e.span.begin, e.span.end);
    }
    blocked.Finish();

    std::vector<Candidate> candidates;
    candidates.reserve(matches.size());
    for (const PatternMatch& m : matches) {
      Candidate c;
      if (Resolve(m, text, blocked, &c)) candidates.push_back(std::move(c));
    }
    std::vector<Candidate> kept = SelectLongestCandidates(std::move(candidates));
    SetAsOf(doc, earlier, kept);
    for (Candidate& c : kept) {
      Entity e;
      e.type = EntityType::kStatistic;
      e.span = doc.MakeSpan(c.begin, c.end);
      e.text = std::string(text.substr(c.begin, c.end - c.begin));
      e.pattern = c.pattern->id;
      e.value = std::move(c.value);
      out->push_back(std::move(e));
    }
  }

 private:
  // Returns true and fills `c` when match `m` is a figure.
  bool Resolve(const PatternMatch& m, std::string_view text, const Blocked& blocked, Candidate* c) const {
    if (m.pattern->resolve != "figure") return false;
    c->pattern = m.pattern;
    c->begin = m.begin;
    c->end = m.end;
    const std::string_view qual = m.Group("qual");
    if (!qual.empty()) c->value.qualifier = Qualifier(qual);
    if (m.Has("frac")) return ResolveFraction(m, text, blocked, c);

    std::optional<Figure> fig = ReadFigure(m, text, "num", "words");
    if (!fig && m.Has("eswords")) fig = ReadSpanish(m, text);
    if (!fig) return false;
    // The core is the figure with its currency sign: it must stand alone.
    const bool sign = m.Has("cur");
    const size_t core_begin = sign ? std::min(fig->begin, m.GroupBegin("cur", text)) : fig->begin;
    if (!StandsAlone(text, core_begin, fig->end)) return false;
    if (qual.empty() && AfterLabel(text, core_begin)) return false;
    if (blocked.Overlaps(core_begin, fig->end)) return false;
    if (qual.empty()) c->begin = core_begin;  // "one and [two years]", "every [3 days]"
    c->value.value = fig->value;

    if (sign || m.Has("curw")) {
      c->value.kind = "money";
      c->value.unit = Currency(sign ? m.Group("cur") : m.Group("curw"));
      if (sign) c->end = fig->end;
      return !c->value.unit.empty() && !blocked.Overlaps(c->begin, c->end);
    }
    if (blocked.Overlaps(core_begin, m.end)) {
      c->end = fig->end;  // the suffix runs into a date or citation: a count at most
    } else if (m.Has("pct")) {
      c->value.kind = "percent";
      if (Canonical(m.Group("pct")).starts_with("percentage")) c->value.unit = "percentage point";
      AttachOf(text, blocked, c, /*direct_noun=*/true);
      return true;
    } else if (m.Has("den") || m.Has("denwords")) {
      if (ResolveRatio(m, text, blocked, *fig, c)) return true;
      c->begin = qual.empty() ? core_begin : m.begin;
      c->end = fig->end;  // "over 16,000 in 2019": a count after all
    } else if (m.Has("dunit")) {
      auto it = duration_units_.find(Canonical(m.Group("dunit")));
      if (it == duration_units_.end()) return false;
      c->value.kind = "duration";
      c->value.unit = it->second;
      return true;
    } else if (m.Has("munit")) {
      auto it = measure_units_.find(Canonical(m.Group("munit")));
      c->value.kind = "measure";
      c->value.unit = it != measure_units_.end() ? it->second : Canonical(m.Group("munit"));
      return true;
    }
    c->value.kind = "count";
    if (fig->year_like) return false;  // "2019 policy", "around 2019"
    return ResolveCount(m, text, blocked, *fig, c);
  }

  bool ResolveCount(const PatternMatch& m, std::string_view text, const Blocked& blocked, const Figure& fig,
                    Candidate* c) const {
    const size_t after = fig.end;
    if (std::optional<TextRange> np = np_.Read(text, after)) {
      const std::string head = LastWordLower(text.substr(np->begin, np->end - np->begin));
      // "700 days", "3,000 km", "50 dollars" belong to other patterns.
      if (duration_units_.contains(head) || measure_units_.contains(head) || currencies_.contains(head)) return false;
      if (!blocked.Overlaps(np->begin, np->end)) {
        c->end = np->end;
        c->value.subject = std::string(text.substr(np->begin, np->end - np->begin));
        return true;
      }
    }
    // "21,786 from Honduras": a count by origin in a list.
    if (size_t from_end = FromPlace(text, after); from_end != npos && !blocked.Overlaps(after, from_end)) {
      c->end = from_end;
      return true;
    }
    if (m.Has("qual")) return !IsThreshold(text, m.begin, c->value.qualifier);
    // A bare number counts nothing unless it is large by its multiplier.
    return m.Has("mult") || m.Has("multx") || (fig.value >= 1e6 && m.Has("words"));
  }

  // Returns true when "N out of M" / "one in five" of `m` is a ratio.
  bool ResolveRatio(const PatternMatch& m, std::string_view text, const Blocked& blocked, const Figure& num,
                    Candidate* c) const {
    std::optional<Figure> den = ReadFigure(m, text, "den", "denwords");
    if (!den || den->value <= 0 || num.value > den->value || den->year_like) return false;
    if (!StandsAlone(text, den->begin, den->end)) return false;
    if (blocked.Overlaps(m.begin, m.end)) return false;
    // "5 in 10 days" is a duration, not one in ten.
    if (std::optional<Word> next = NounPhraseReader::NextWord(text, m.end);
        next && (duration_units_.contains(next->lower) || measure_units_.contains(next->lower))) {
      return false;
    }
    c->begin = m.begin;  // with its qualifier and "every"
    c->end = m.end;
    c->value.kind = "ratio";
    c->value.value = num.value / den->value;
    if (std::optional<TextRange> np = np_.Read(text, m.end); np && !blocked.Overlaps(np->begin, np->end)) {
      c->end = np->end;
      c->value.subject = std::string(text.substr(np->begin, np->end - np->begin));
    } else {
      AttachOf(text, blocked, c, /*direct_noun=*/false);
    }
    return true;
  }

  bool ResolveFraction(const PatternMatch& m, std::string_view text, const Blocked& blocked, Candidate* c) const {
    const std::string frac = AsciiLower(m.Group("frac"));
    double den = 0;
    if (auto it = denominators_.find(frac); it != denominators_.end()) {
      den = it->second;
    } else {
      std::string singular = frac;
      if (singular.ends_with('s')) singular.pop_back();
      if (std::optional<double> v = ParseOrdinalWord(singular)) den = *v;
    }
    if (den < 2) return false;
    const std::string_view numer_text = m.Group("numer");
    double numer = 1;
    if (!numer_text.empty()) {
      const std::string n = AsciiLower(numer_text);
      if (n != "a" && n != "one") {
        std::optional<double> v = ParseNumberWords(numer_text, "en");
        if (!v) return false;
        numer = *v;
      }
    }
    if (numer <= 0 || numer > den) return false;
    const bool has_qual = m.Has("qual");
    const bool has_of = m.Has("of");
    const size_t frac_begin = m.GroupBegin("frac", text);
    const bool joined = !numer_text.empty() && frac_begin > 0 && text[frac_begin - 1] == '-';
    const bool plural = frac.ends_with('s');
    if (!has_qual && !has_of && !(joined || (plural && !numer_text.empty()))) return false;
    // "the second half of 2019", "a safe third country".
    if (!has_qual && fraction_blockers_.contains(PreviousWordLower(text, m.begin))) return false;
    if (blocked.Overlaps(m.begin, m.end)) return false;
    c->value.kind = "ratio";
    c->value.value = numer / den;
    c->end = frac_begin + m.Group("frac").size();
    if (has_of) {
      OfPhrase of = ReadOf(text, c->end);
      if (of.number_only && !has_qual) return false;  // "half of 2019"
      if (of.end != npos && !blocked.Overlaps(c->end, of.end)) c->end = of.end;
      if (!of.subject.empty()) c->value.subject = of.subject;
    }
    return true;
  }

  // Extends `c` over "of X" (or, when `direct_noun`, a plural noun right
  // after: "30% tariffs") and sets the subject.
  void AttachOf(std::string_view text, const Blocked& blocked, Candidate* c, bool direct_noun) const {
    OfPhrase of = ReadOf(text, c->end);
    if (of.end != npos && !blocked.Overlaps(c->end, of.end)) {
      c->end = of.end;
      c->value.subject = of.subject;
      return;
    }
    if (!of.subject.empty()) {
      c->value.subject = of.subject;
      return;
    }
    if (!direct_noun) return;
    std::optional<TextRange> np = np_.Read(text, c->end);
    if (!np || blocked.Overlaps(np->begin, np->end)) return;
    // The phrase must end there: in "rates reach 75% constitutes refoulement"
    // the plural-looking word is a verb with its object after it.
    std::optional<Word> next = NounPhraseReader::NextWord(text, np->end);
    if (next && !np_.IsStopWord(next->lower)) return;
    c->end = np->end;
    c->value.subject = std::string(text.substr(np->begin, np->end - np->begin));
  }

  // Returns what "of ..." at `pos` holds.
  OfPhrase ReadOf(std::string_view text, size_t pos) const {
    OfPhrase of;
    std::optional<Word> w = NounPhraseReader::NextWord(text, pos);
    if (!w || w->lower != "of") return of;
    size_t p = np_.SkipDeterminers(text, w->end);
    while (p < text.size() && text[p] == ' ') ++p;
    if (p < text.size() && IsDigit(text[p])) {
      // A nested figure: it is its own statistic; lend its noun as subject.
      while (p < text.size() && (IsDigit(text[p]) || ((text[p] == ',' || text[p] == '.') && p + 1 < text.size() &&
                                                       IsDigit(text[p + 1])))) {
        ++p;
      }
      if (std::optional<Word> mult = NounPhraseReader::NextWord(text, p); mult && multipliers_.contains(mult->lower)) {
        p = mult->end;
      }
      if (std::optional<TextRange> np = np_.Read(text, p)) {
        of.nested = true;
        of.subject = std::string(text.substr(np->begin, np->end - np->begin));
      } else {
        of.number_only = true;
      }
      return of;
    }
    if (std::optional<TextRange> np = np_.Read(text, p)) {
      of.end = np->end;
      of.subject = std::string(text.substr(np->begin, np->end - np->begin));
    }
    return of;
  }

  // Returns the figure of groups `num` (digits, with mult/multx) or `words`.
  std::optional<Figure> ReadFigure(const PatternMatch& m, std::string_view text, const char* num,
                                   const char* words) const {
    Figure f;
    const std::string_view digits = m.Group(num);
    if (!digits.empty()) {
      std::string plain;
      for (char ch : digits) {
        if (ch != ',') plain += ch;
      }
      if (plain.size() > 18) return std::nullopt;  // an identifier, not a figure
      f.value = std::strtod(plain.c_str(), nullptr);
      f.begin = m.GroupBegin(num, text);
      f.end = f.begin + digits.size();
      f.year_like = plain.size() == 4 && digits.size() == 4 && plain.find('.') == std::string::npos && f.value >= 1800 && f.value <= 2100;
      if (num == std::string_view("num")) {
        for (const char* g : {"mult", "multx"}) {
          const std::string_view mult = m.Group(g);
          if (mult.empty()) continue;
          auto it = multipliers_.find(AsciiLower(mult));
          if (it == multipliers_.end()) return std::nullopt;
          f.value *= it->second;
          f.end = m.GroupBegin(g, text) + mult.size();
          f.year_like = false;
        }
      }
      return std::isfinite(f.value) ? std::optional<Figure>(f) : std::nullopt;
    }
    const std::string_view spelled = m.Group(words);
    if (spelled.empty()) return std::nullopt;
    f.begin = m.GroupBegin(words, text);
    f.end = f.begin + spelled.size();
    if (std::optional<double> v = ParseNumberWords(spelled, "en")) {
      f.value = *v;
      return f;
    }
    // "between one and two years": the number is the run after "and".
    const std::string lower = AsciiLower(spelled);
    const size_t and_at = lower.rfind(" and ");
    if (and_at == std::string::npos) return std::nullopt;
    std::optional<double> v = ParseNumberWords(spelled.substr(and_at + 5), "en");
    if (!v) return std::nullopt;
    f.value = *v;
    f.begin += and_at + 5;
    return f;
  }

  std::optional<Figure> ReadSpanish(const PatternMatch& m, std::string_view text) const {
    const std::string_view spelled = m.Group("eswords");
    std::optional<double> v = ParseNumberWords(spelled, "es");
    if (!v) return std::nullopt;
    Figure f;
    f.value = *v;
    f.begin = m.GroupBegin("eswords", text);
    f.end = f.begin + spelled.size();
    return f;
  }

  // Returns false for a number glued to what surrounds it: a footnote marker
  // ("to-date.1", "advisory,12"), a phone or case number ("555-0142",
  // "19-15716"), a date or time ("1/25", "10:30"), "COVID-19".
  static bool StandsAlone(std::string_view text, size_t begin, size_t end) {
    if (begin > 0) {
      const char p = text[begin - 1];
      if (IsAsciiLetter(p) || IsDigit(p)) return false;
      const char pp = begin > 1 ? text[begin - 2] : ' ';
      if ((p == '.' || p == ',' || p == ';' || p == ':' || p == '"' || p == '\'' || p == ')' || p == ']') &&
          !IsSpace(pp)) {
        return false;
      }
      if ((p == '-' || p == '/') && (IsAsciiLetter(pp) || IsDigit(pp))) return false;
    }
    if (end + 1 < text.size() && (text[end] == '-' || text[end] == '/' || text[end] == ':') &&
        IsDigit(text[end + 1])) {
      return false;
    }
    return true;
  }

  // Returns true when the word right before `begin` makes the number a label.
  bool AfterLabel(std::string_view text, size_t begin) const {
    if (begin > 0 && (text[begin - 1] == '#' || text[begin - 1] == '\xA7' /* tail of § */)) return true;
    return label_words_.contains(PreviousWordLower(text, begin));
  }

  // Returns the lower-cased word (non-space run, trailing comma dropped)
  // before `pos`, looking back at most a few bytes.
  static std::string PreviousWordLower(std::string_view text, size_t pos) {
    size_t end = pos;
    while (end > 0 && pos - end < 3 && text[end - 1] == ' ') --end;
    size_t begin = end;
    while (begin > 0 && end - begin < 24 && !IsSpace(text[begin - 1]) && text[begin - 1] != '(' &&
           text[begin - 1] != '"') {
      --begin;
    }
    return AsciiLower(text.substr(begin, end - begin));
  }

  static std::string LastWordLower(std::string_view phrase) {
    const size_t space = phrase.find_last_of(' ');
    return AsciiLower(space == npos ? phrase : phrase.substr(space + 1));
  }

  // Returns the end of "from <Place Name>" at `pos`, or npos.
  size_t FromPlace(std::string_view text, size_t pos) const {
    std::optional<Word> from = NounPhraseReader::NextWord(text, pos);
    if (!from || from->lower != "from") return npos;
    size_t end = npos;
    size_t p = from->end;
    for (int i = 0; i < 4; ++i) {
      std::optional<Word> w = NounPhraseReader::NextWord(text, p);
      if (!w || !(w->capitalized || w->acronym)) break;
      end = p = w->end;
    }
    return end;
  }

  // Returns true for an age or size threshold rather than a figure:
  // "children under 12", "persons over 65", "aged over 18".
  bool IsThreshold(std::string_view text, size_t begin, const std::string& qualifier) const {
    if (qualifier != "less than" && qualifier != "over" && qualifier != "more than") return false;
    const std::string prev = PreviousWordLower(text, begin);
    return prev == "aged" || prev == "age" || prev == "ages" || np_.IsHead(prev);
  }

  std::string Qualifier(std::string_view surface) const {
    const std::string key = Canonical(surface);
    auto it = qualifiers_.find(key);
    return it != qualifiers_.end() ? it->second : key;
  }

  std::string Currency(std::string_view surface) const {
    std::string key(surface);
    while (!key.empty() && IsSpace(key.back())) key.pop_back();
    if (auto it = currencies_.find(key); it != currencies_.end()) return it->second;
    if (auto it = currencies_.find(Canonical(key)); it != currencies_.end()) return it->second;
    const bool code = key.size() == 3 && std::all_of(key.begin(), key.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
    return code ? key : "";
  }

  // Sets as_of on the counts, percents, ratios and amounts of every sentence
  // that states the date its figures refer to ("As of November 2019, ...").
  void SetAsOf(const Document& doc, const std::vector<Entity>& earlier, std::vector<Candidate>& kept) const {
    if (kept.empty() || doc.sentences.empty()) return;
    std::map<int, std::string> as_of;  // sentence -> ISO date
    const std::string_view text = doc.text;
    for (const Entity& e : earlier) {
      const DateValue* d = e.as<DateValue>();
      if (e.type != EntityType::kDate || d == nullptr || d->relative || d->value.empty()) continue;
      const int sentence = doc.SentenceAt(e.span.begin);
      if (sentence < 0 || as_of.contains(sentence)) continue;
      const size_t sb = doc.sentences[static_cast<size_t>(sentence)].begin;
      const size_t from = e.span.begin > sb + 40 ? e.span.begin - 40 : sb;
      const std::string before = Canonical(text.substr(from, e.span.begin - from));
      const std::string date_text = Canonical(e.text);
      for (const std::string& trigger : as_of_triggers_) {
        std::string_view b = before;
        // "by the end of 2020" where the date's span holds "the end of".
        if (date_text.starts_with("the end of") && (b.ends_with("by") || b.ends_with("at"))) {
          as_of[sentence] = d->value;
          break;
        }
        if (!b.ends_with(trigger)) continue;
        if (b.size() > trigger.size() && IsAsciiLetter(b[b.size() - trigger.size() - 1])) continue;
        as_of[sentence] = d->value;
        break;
      }
    }
    if (as_of.empty()) return;
    for (Candidate& c : kept) {
      const std::string& kind = c.value.kind;
      if (kind == "duration" || kind == "measure") continue;
      auto it = as_of.find(doc.SentenceAt(c.begin));
      if (it != as_of.end()) c.value.as_of = it->second;
    }
  }

  // Returns the non-overlapping candidates: longer first, then higher
  // priority, then earlier; sorted by start.
  static std::vector<Candidate> SelectLongestCandidates(std::vector<Candidate> all) {
    std::sort(all.begin(), all.end(), [](const Candidate& a, const Candidate& b) {
      const size_t la = a.end - a.begin, lb = b.end - b.begin;
      if (la != lb) return la > lb;
      if (a.pattern->priority != b.pattern->priority) return a.pattern->priority > b.pattern->priority;
      return a.begin < b.begin;
    });
    std::map<size_t, size_t> taken;
    std::vector<Candidate> kept;
    for (Candidate& c : all) {
      if (c.end <= c.begin) continue;
      auto next = taken.lower_bound(c.begin);
      if (next != taken.end() && next->first < c.end) continue;
      if (next != taken.begin() && std::prev(next)->second > c.begin) continue;
      taken.emplace(c.begin, c.end);
      kept.push_back(std::move(c));
    }
    std::sort(kept.begin(), kept.end(), [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
    return kept;
  }

  NounPhraseReader np_;
  std::unordered_map<std::string, std::string> qualifiers_, currencies_, duration_units_, measure_units_;
  std::unordered_map<std::string, double> multipliers_, denominators_;
  std::unordered_set<std::string> label_words_, fraction_blockers_;
  std::vector<std::string> as_of_triggers_;  // longest first
};

}  // namespace

std::unique_ptr<Finder> MakeStatisticFinder(const PatternPack& pack) {
  return std::make_unique<StatisticFinder>(pack);
}

}  // namespace dossier
