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
#include "pipeline/find/sentence_language.h"
#include "pipeline/find/table_cells.h"
#include "pipeline/core/text_util.h"

namespace dossier {

namespace {

constexpr size_t npos = std::string_view::npos;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Returns the value of a few digits ("3", "12", "980").
int SmallNumber(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

// Returns `s` lower-cased with whitespace runs made one space and trimmed.
// Written into a sized buffer: it runs on every figure's context.
std::string Canonical(std::string_view s) {
  std::string out(s.size(), '\0');
  char* o = out.data();
  bool space = false;
  for (char c : s) {
    if (IsSpace(c)) {
      space = o != out.data();
      continue;
    }
    if (space) *o++ = ' ';
    space = false;
    *o++ = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  out.resize(static_cast<size_t>(o - out.data()));
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
  bool plus = false;          // "100+"
};

// What follows `of` after a figure.
struct OfPhrase {
  size_t end = npos;            // end of "of X" when X is a noun phrase
  std::string subject;          // X's noun phrase, or a nested figure's
  bool nested = false;          // "of the 2,315 people": subject only
  bool number_only = false;     // "of 2019": a number that counts nothing
};

// What one Find call knows about its document beyond the text: the
// language of each sentence, read the first time a number there needs it.
struct Scope {
  const Document& doc;
  std::string_view text;
  const Blocked& blocked;
  std::string_view doc_lang;                            // metadata's, "" when unknown
  mutable std::string_view fallback;                    // "" until read
  mutable std::vector<std::string_view> sentence_lang;  // "" until read
  std::vector<size_t> date_begins;                      // sorted starts of the dates found
  std::map<size_t, std::string> date_values;            // start of a placed date -> its ISO value (an
                                                        // interval's end: a figure stands at a period's end)
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
        postfix_qualifiers_(MapOf<std::string>(pack.list("postfix_qualifiers"))),
        multipliers_(MapOf<double>(pack.list("multipliers"))),
        denominators_(MapOf<double>(pack.list("fraction_denominators"))),
        as_of_triggers_(StringsOf(pack.list("as_of_triggers"))),
        as_of_anaphors_(StringsOf(pack.list("as_of_anaphors"))),
        as_of_openers_(StringsOf(pack.list("as_of_openers"))),
        as_of_period_words_(StringsOf(pack.list("as_of_period_words"))),
        language_(pack.list("language_cues")),
        tables_(pack) {
    for (std::string& s : StringsOf(pack.list("table_label_headings"))) table_label_headings_.insert(std::move(s));
    RE2::Options options;
    options.set_log_errors(false);
    table_number_ = std::make_unique<RE2>(pack.fragment("digits"), options);
    options.set_encoding(RE2::Options::EncodingUTF8);
    code_after_ = std::make_unique<RE2>("\\s(?:" + pack.fragment("currency_code") + ")\\b", options);
    number_word_ = std::make_unique<RE2>("(?:" + pack.fragment("number_word") + ")(?:-(?:" +
                                         pack.fragment("number_word") + "))?",
                                         options);
    qualifier_before_ = std::make_unique<RE2>("(?:^|[^\\pL\\pN])(" + pack.fragment("qualifier") + ")\\s+$", options);
    table_pattern_.id = "statistic.table_cell";
    table_pattern_.resolve = "table_cell";
    table_pattern_.priority = 1000;  // over any pattern: a cell's "58%" is the table's, with its column's date
    for (std::string& s : StringsOf(pack.list("fraction_articles"))) fraction_articles_.insert(std::move(s));
    for (std::string& s : StringsOf(pack.list("of_words"))) of_words_.insert(std::move(s));
    for (std::string& s : StringsOf(pack.list("partitive_pronouns"))) partitive_pronouns_.insert(std::move(s));
    for (std::string& s : StringsOf(pack.list("count_leads"))) count_leads_.insert(std::move(s));
    for (std::string& s : StringsOf(pack.list("count_verbs"))) count_verbs_.insert(std::move(s));
    for (std::string& s : StringsOf(pack.list("count_participles"))) count_participles_.insert(std::move(s));
    for (std::string& s : StringsOf(pack.list("change_verbs"))) change_verbs_.insert(std::move(s));
    if (const auto& joiners = pack.list("range_joiners"); joiners.is_object()) {
      for (const auto& [joiner, leads] : joiners.items()) {
        std::unordered_set<std::string>& needed = range_joiners_[joiner];
        for (std::string& lead : StringsOf(leads)) needed.insert(std::move(lead));
      }
    }
    if (const auto& compounds = pack.list("compound_durations"); compounds.is_object()) {
      for (const auto& [larger, smaller] : compounds.items()) {
        for (const auto& [unit, factor] : smaller.items()) compound_durations_[larger][unit] = factor.get<double>();
      }
    }
    for (std::string& s : StringsOf(pack.list("grouped_count_leads"))) grouped_count_leads_.insert(std::move(s));
    for (std::string& s : StringsOf(pack.list("size_adjectives"))) size_adjectives_.insert(std::move(s));
    for (std::string& s : StringsOf(pack.list("decimal_comma_languages"))) decimal_comma_.insert(std::move(s));
    for (std::string& s : StringsOf(pack.list("times_comparatives"))) times_comparatives_.insert(std::move(s));
    for (std::string& s : StringsOf(pack.list("label_words"))) label_words_.insert(std::move(s));
    for (std::string& s : StringsOf(pack.list("street_words"))) street_words_.insert(std::move(s));
    for (std::string& s : StringsOf(pack.list("fraction_blockers"))) fraction_blockers_.insert(std::move(s));
    std::stable_sort(as_of_triggers_.begin(), as_of_triggers_.end(),
                     [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    if (const nlohmann::json& scales = pack.list("table_scales"); scales.is_object()) {
      for (const auto& [phrase, spec] : scales.items()) {
        if (!spec.is_array() || spec.size() != 2 || !spec[0].is_string() || !spec[1].is_number()) continue;
        table_scales_.push_back({phrase, TableScale{spec[1].get<double>(), spec[0].get<std::string>()}});
      }
      std::stable_sort(table_scales_.begin(), table_scales_.end(),
                       [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    }
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
      // A footnote or bibliography entry is prose with its figures
      // ("TRAC, ... 71,000 people were returned"); only a case, reporter or
      // address holds numbers that count nothing (volume, page, path).
      if (const CitationValue* n = e.as<CitationValue>(); n != nullptr && n->kind == "note") {
        // "23 See https://...": the footnote's number before it is a label.
        const std::string& label = n->note_label;
        const size_t b = e.span.begin;
        if (!label.empty() && b > label.size() && text.substr(b - label.size() - 1, label.size()) == label) {
          blocked.Add(b - label.size() - 1, b);
        }
        continue;
      }
      blocked.Add(e.span.begin, e.span.end);
    }
    blocked.Finish();
    const std::string_view doc_lang = doc.metadata.language;
    Scope scope{doc, text, blocked, doc_lang.size() >= 2 ? doc_lang.substr(0, 2) : std::string_view(), {}, {}, {}};
    for (const Entity& e : earlier) {
      if (e.type != EntityType::kDate) continue;
      scope.date_begins.push_back(e.span.begin);
      if (const DateValue* d = e.as<DateValue>(); d != nullptr && d->placed()) {
        const size_t slash = d->value.find('/');
        scope.date_values.emplace(e.span.begin, slash == std::string::npos ? d->value : d->value.substr(slash + 1));
      }
    }
    std::sort(scope.date_begins.begin(), scope.date_begins.end());

    std::vector<Candidate> candidates;
    candidates.reserve(matches.size());
    for (const PatternMatch& m : matches) {
      Candidate c;
      if (Resolve(scope, m, &c)) candidates.push_back(std::move(c));
    }
    const size_t found = candidates.size();
    AddTableCells(scope, &candidates);
    // A figure read across a table's cells ("-35%" and the next row's
    // label) yields to the cell.
    if (candidates.size() > found) {
      std::vector<std::pair<size_t, size_t>> cells;
      for (size_t i = found; i < candidates.size(); ++i) cells.emplace_back(candidates[i].begin, candidates[i].end);
      std::sort(cells.begin(), cells.end());
      auto crosses = [&](const Candidate& c) {
        auto it = std::lower_bound(cells.begin(), cells.end(), std::make_pair(c.begin, size_t{0}));
        if (it != cells.begin() && std::prev(it)->second > c.begin) --it;
        for (; it != cells.end() && it->first < c.end; ++it) {
          if (it->first != c.begin || it->second != c.end) return true;
        }
        return false;
      };
      std::erase_if(candidates, [&](const Candidate& c) { return c.pattern != &table_pattern_ && crosses(c); });
    }
    AddRangeEnds(scope, &candidates);
    AddPartsOfFew(scope, &candidates);
    std::vector<Candidate> kept = SelectLongestCandidates(std::move(candidates));
    JoinCompoundDurations(text, &kept);
    DropDuringOver(text, &kept);
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
  // Joins "12 years and 11 months" into one duration in the smaller unit
  // (155 months) when lists.compound_durations converts the larger exactly.
  void JoinCompoundDurations(std::string_view text, std::vector<Candidate>* kept) const {
    std::vector<Candidate>& cands = *kept;  // in text order, none overlapping
    size_t out = 0;
    for (size_t i = 0; i < cands.size(); ++i) {
      if (out > 0 && JoinDuration(text, &cands[out - 1], cands[i])) continue;
      if (out != i) cands[out] = std::move(cands[i]);
      ++out;
    }
    cands.resize(out);
  }

  // Extends duration `prev` over `next` when they are one written in two
  // units ("12 years and 11 months"); returns false when they are not.
  bool JoinDuration(std::string_view text, Candidate* prev, const Candidate& next) const {
    if (prev->value.kind != "duration" || next.value.kind != "duration" || !next.value.qualifier.empty()) return false;
    const std::string_view between = text.substr(prev->end, next.begin - prev->end);
    if (between != " and " && between != ", " && between != " y ") return false;
    auto larger = compound_durations_.find(prev->value.unit);
    if (larger == compound_durations_.end()) return false;
    auto factor = larger->second.find(next.value.unit);
    if (factor == larger->second.end()) return false;
    prev->value.value = prev->value.value * factor->second + next.value.value;
    prev->value.unit = next.value.unit;
    prev->end = next.end;
    return true;
  }


  // "rose 20% over two years", "1,500 over seven consecutive days": "over"
  // right after a figure means "during"; the duration has no qualifier.
  static void DropDuringOver(std::string_view text, std::vector<Candidate>* kept) {
    for (size_t i = 1; i < kept->size(); ++i) {
      Candidate& c = (*kept)[i];
      const Candidate& prev = (*kept)[i - 1];
      if (c.value.kind != "duration" || c.value.qualifier != "over") continue;
      if (c.begin < prev.end || text.substr(prev.end, c.begin - prev.end) != " ") continue;
      if (!text.substr(c.begin).starts_with("over ")) continue;
      c.begin += 5;
      c.value.qualifier.clear();
    }
  }

  // Returns true and fills `c` when match `m` is a figure.
  bool Resolve(const Scope& s, const PatternMatch& m, Candidate* c) const {
    const std::string_view text = s.text;
    const Blocked& blocked = s.blocked;
    if (m.pattern->resolve != "figure") return false;
    c->pattern = m.pattern;
    c->begin = m.begin;
    c->end = m.end;
    std::string_view qual = m.Group("qual");
    if (!qual.empty()) {
      // "a 40 Under 40 honoree": a capitalized qualifier right after a number
      // belongs to a title.
      if (qual[0] >= 'A' && qual[0] <= 'Z') {
        const std::string_view prev = PreviousWord(text, static_cast<size_t>(qual.data() - text.data()));
        if (!prev.empty() && std::all_of(prev.begin(), prev.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
          return false;
        }
      }
      c->value.qualifier = Qualifier(qual);
    }
    if (m.Has("frac")) return ResolveFraction(s, m, c);
    if (m.Has("snum")) return ResolveSlashFraction(s, m, c);

    std::optional<Figure> fig = ReadFigure(s, m, "num", "words");
    if (!fig) return false;
    if (qual.empty() && fig->begin < m.begin) {
      // "Some 1\u202F200\u202F000": the pattern matched the last digit group
      // only, so the qualifier before the first was not part of the match.
      qual = QualifierBefore(text, fig->begin);
      if (!qual.empty()) {
        c->value.qualifier = Qualifier(qual);
        c->begin = static_cast<size_t>(qual.data() - text.data());
      }
    }
    // "10-15 days": one figure, the lower bound its value.
    if (!m.Has("cur")) {
      if (std::optional<Figure> low = RangeLowerBound(text, *fig)) {
        fig->begin = low->begin;
        fig->value = low->value;
        // "Some 30,000-40,000 people": the qualifier stands before the range.
        if (qual.empty() && (qual = QualifierBefore(text, fig->begin)).size() > 0) {
          c->value.qualifier = Qualifier(qual);
          c->begin = static_cast<size_t>(qual.data() - text.data());
        }
      }
    }
    // The core is the figure with its currency sign: it must stand alone.
    const bool sign = m.Has("cur");
    const size_t core_begin = sign ? std::min(fig->begin, m.GroupBegin("cur", text)) : fig->begin;
    if (!StandsAlone(text, core_begin, fig->end)) return false;
    if (qual.empty() && AfterLabel(text, core_begin)) return false;
    if (!sign && qual.empty() && IsStreetNumber(text, fig->end)) return false;
    if (blocked.Overlaps(core_begin, fig->end)) return false;
    if (qual.empty()) c->begin = core_begin;  // "one and [two years]", "every [3 days]"
    c->value.value = fig->value;
    if (fig->plus && c->value.qualifier.empty()) c->value.qualifier = PostfixQualifier("+");

    if (sign || m.Has("curw")) {
      c->value.kind = "money";
      c->value.unit = Currency(sign ? m.Group("cur") : m.Group("curw"));
      if (sign) c->end = fig->end;
      // "$500 MXN": a code after a dollar sign says whose dollar it is.
      re2::StringPiece code;
      if (sign && c->value.unit == "USD" && fig->end < text.size() &&
          code_after_->Match(text, fig->end, std::min(text.size(), fig->end + 8), RE2::ANCHOR_START, &code, 1)) {
        c->value.unit = std::string(code.data() + 1, 3);
        c->end = fig->end + code.size();
      }
      return !c->value.unit.empty() && !blocked.Overlaps(c->begin, c->end);
    }
    if (blocked.Overlaps(core_begin, m.end)) {
      c->end = fig->end;  // the suffix runs into a date or citation: a count at most
    } else if (m.Has("pct")) {
      c->value.kind = "percent";
      TakeMinus(text, *fig, c);
      if (Canonical(m.Group("pct")).starts_with("percentage")) c->value.unit = "percentage point";
      AttachOf(text, blocked, c, /*direct_noun=*/true);
      // "Nearly half (48%) of the respondents": the bracketed percent is of
      // what the share before it is of.
      if (c->value.subject.empty() && c->begin > 0 && text[c->begin - 1] == '(' && c->end < text.size() &&
          text[c->end] == ')') {
        if (const OfPhrase of = ReadOf(text, c->end + 1); of.end != npos) c->value.subject = of.subject;
      }
      return true;
    } else if (m.Has("den") || m.Has("denwords")) {
      if (ResolveRatio(s, m, *fig, c)) return true;
      c->begin = qual.empty() ? core_begin : static_cast<size_t>(qual.data() - text.data());
      c->end = fig->end;  // "over 16,000 in 2019": a count after all
    } else if (m.Has("dunit")) {
      auto it = duration_units_.find(Canonical(m.Group("dunit")));
      if (it == duration_units_.end()) return false;
      c->value.kind = "duration";
      c->value.unit = it->second;
      if (m.Has("half")) c->value.value += 0.5;  // "two and a half years"
      return true;
    } else if (EndsWithTimes(text.substr(m.begin, m.end - m.begin)) && m.Has("times")) {
      // "10.5 times more likely": a ratio; "seven times": occasions, counted.
      std::optional<Word> next = NounPhraseReader::NextWord(text, m.end);
      if (next && times_comparatives_.contains(next->lower)) {
        c->value.kind = "ratio";
        return true;
      }
    } else if (m.Has("munit")) {
      auto it = measure_units_.find(Canonical(m.Group("munit")));
      c->value.kind = "measure";
      c->value.unit = it != measure_units_.end() ? it->second : Canonical(m.Group("munit"));
      TakeMinus(text, *fig, c);
      // "paid 120 million pounds" is money; "2 million pounds of food" a weight.
      if (c->value.unit == "lb" && m.Has("mult") && Canonical(m.Group("munit")).starts_with("pound")) {
        std::optional<Word> next = NounPhraseReader::NextWord(text, m.end);
        if (!next || next->lower != "of") {
          c->value.kind = "money";
          c->value.unit = "GBP";
        }
      }
      return true;
    }
    c->value.kind = "count";
    if (fig->year_like) return false;  // "2019 policy", "around 2019"
    return ResolveCount(s, m, *fig, c);
  }

  bool ResolveCount(const Scope& s, const PatternMatch& m, const Figure& fig, Candidate* c) const {
    const std::string_view text = s.text;
    const Blocked& blocked = s.blocked;
    const size_t after = fig.end;
    // "25 or more employees": a bound may stand between the number and its noun.
    size_t noun_at = after;
    std::string bound;
    if (std::optional<Word> w1 = NounPhraseReader::NextWord(text, after); w1 && w1->lower == "or") {
      if (std::optional<Word> w2 = NounPhraseReader::NextWord(text, w1->end)) {
        bound = PostfixQualifier("or " + w2->lower);
        if (!bound.empty()) noun_at = w2->end;
      }
    }
    // "a 2,500-encounter daily average": a number in digit groups joined to
    // a noun counts it ("5-star", "3-point" are ratings and kinds, not counts).
    if (after + 1 < text.size() && text[after] == '-' && IsAsciiLower(text[after + 1])) {
      if (fig.value < 1000 || text.substr(fig.begin, after - fig.begin).find(',') == npos) return false;
      size_t end = after + 1;
      while (end < text.size() && IsAsciiLower(text[end])) ++end;
      if (end < text.size() && (IsAsciiLetter(text[end]) || IsDigit(text[end]) || text[end] == '-')) return false;
      if (blocked.Overlaps(after, end)) return false;
      c->end = end;
      c->value.subject = std::string(text.substr(after + 1, end - after - 1));
      // "a 10,000-strong army": the group is named after the adjective.
      if (size_adjectives_.contains(c->value.subject)) {
        // The head may be singular ("army", "force"), as a share's may.
        std::optional<TextRange> np = np_.ReadShare(text, end);
        if (!np || blocked.Overlaps(end, np->end)) return false;
        c->end = np->end;
        c->value.subject = std::string(text.substr(np->begin, np->end - np->begin));
      }
      return true;
    }
    // "1.1m cases", "5M people": a bare m is millions only before a counted
    // noun ("a 1.5m fence", "the 100m sprint" are lengths). Any other letter
    // run into the number ("3rd", "10am") is no count.
    bool millions = false;
    if (after < text.size() && IsAsciiLetter(text[after])) {
      if ((text[after] != 'm' && text[after] != 'M') || after + 1 >= text.size() || text[after + 1] != ' ' ||
          !bound.empty() || m.Has("mult") || m.Has("multx")) {
        return false;
      }
      millions = true;
      noun_at = after + 1;
    }
    // "3.2 Special registers", "1.1 Security fundamentals": a decimal
    // before a capitalized word numbers a section; nothing counts in tenths.
    if (!m.Has("mult") && !millions) {
      const std::string_view digits = text.substr(fig.begin, after - fig.begin);
      const size_t dot = digits.rfind('.');
      // "70.000 Muslim": a dot before three digits groups thousands.
      if (dot != npos && digits.size() - dot - 1 != 3 && digits.find(',') == npos && after + 1 < text.size() &&
          text[after] == ' ' && text[after + 1] >= 'A' && text[after + 1] <= 'Z') {
        return false;
      }
    }
    // "4K TVs", "a 5K run": a single digit with a k names a resolution or a
    // race; a thousand-count is written 4,000.
    // A decimal before the k is a count written short ("1.5k families").
    if (fig.value < 10000 && AsciiLower(m.Group("multx")) == "k" &&
        text.substr(fig.begin, fig.end - fig.begin).find('.') == npos) {
      return false;
    }
    // "1,2 millones de migrantes", "dos millones de personas": a multiplier,
    // in digits' group or as the last spelled word, takes its noun after "de".
    if (m.Has("mult") || multipliers_.contains(LastWordLower(text.substr(fig.begin, fig.end - fig.begin)))) {
      if (std::optional<Word> de = NounPhraseReader::NextWord(text, noun_at); de && de->lower == "de") noun_at = de->end;
    }
    if (std::optional<TextRange> np = np_.Read(text, noun_at)) {
      const std::string head = LastWordLower(text.substr(np->begin, np->end - np->begin));
      // "700 days", "3,000 km", "50 dollars" belong to other patterns.
      if (duration_units_.contains(head) || measure_units_.contains(head) || currencies_.contains(head)) return false;
      // "one knows", "one sees": one is the pronoun and the -s word its verb;
      // a single thing is never counted with a plural ("1 cup blueberries" is
      // a measure of a cup).
      if (fig.value == 1 && !m.Has("mult") && head.size() > 2 && head.back() == 's' && !np_.IsCountNoun(head)) {
        return false;
      }
      // The words first, the sentence's language (a read of it) only then.
      if (const size_t adjectives = SpanishAdjectivesEnd(text, np->end);
          adjectives > np->end && Language(s, np->begin) == "es") {
        np->end = adjectives;
      }
      if (!blocked.Overlaps(after, np->end)) {
        if (millions) c->value.value *= 1e6;
        if (c->value.qualifier.empty()) c->value.qualifier = bound;
        c->end = np->end;
        c->value.subject = std::string(text.substr(np->begin, np->end - np->begin));
        return true;
      }
    }
    if (millions) return false;
    // "averaged 183,900 per month": a count per unit of time, a rate.
    if (std::optional<Word> per = NounPhraseReader::NextWord(text, after); per && per->lower == "per") {
      if (std::optional<Word> unit = NounPhraseReader::NextWord(text, per->end);
          unit && unit->lower.back() != 's' && duration_units_.contains(unit->lower) && !blocked.Overlaps(after, unit->end)) {
        c->end = unit->end;
        return true;
      }
    }
    // "21,786 from Honduras": a count by origin in a list.
    if (size_t from_end = FromPlace(text, after); from_end != npos && !blocked.Overlaps(after, from_end)) {
      c->end = from_end;
      return true;
    }
    // "and 213 of them for more than three years": a part of a group just counted.
    if (std::optional<Word> of = NounPhraseReader::NextWord(text, after); of && of_words_.contains(of->lower)) {
      // "only one of the matches", "at least one of the victims": one member
      // picked out of a group, not a figure.
      if (fig.value == 1) return false;
      if (std::optional<Word> who = NounPhraseReader::NextWord(text, of->end);
          who && partitive_pronouns_.contains(who->lower) && !np_.Read(text, who->end)) {
        return true;  // not "4 of these rules", where "these" is a determiner
      }
      // "Six of the eight judges", "3 of the 12 judges": a part of a group
      // the sentence counts; the group is its own figure, its noun the
      // part's subject.
      if (const OfPhrase whole = ReadOf(text, after); whole.nested) {
        c->value.subject = whole.subject;
        return true;
      }
      // "38 of the detainees", "14 of our clients": a part of a group named
      // by a plural noun after a determiner; the group's noun counts it.
      if (const size_t det_end = np_.SkipDeterminers(text, of->end); det_end > of->end) {
        if (std::optional<TextRange> np = np_.Read(text, det_end); np && !blocked.Overlaps(after, np->end)) {
          c->end = np->end;
          c->value.subject = std::string(text.substr(np->begin, np->end - np->begin));
          return true;
        }
      }
    }
    // A letter multiplier ("up to 4K on your TV") counts only with a noun or
    // a currency, a qualifier before it or not.
    if (m.Has("multx")) return false;
    if (m.Has("qual")) {
      return !IsThreshold(text, m.begin, c->value.qualifier) && !ClockTime(text, after) && !SlashAfter(text, after);
    }
    if (CountedByContext(s, fig)) return true;
    // A bare number counts nothing unless it is large by its multiplier.
    // A letter multiplier alone ("4K", "401k") names a format or a plan as
    // often as a number: it counts only with a noun or a currency.
    return m.Has("mult") || (fig.value >= 1e6 && m.Has("words"));
  }

  // "between 300 and 400 people", "from 5 to 10 percent", "one or two
  // nights": the bare number opening a range is a figure of the kind, unit
  // and subject of the one closing it (two figures, as ANNOTATION.md counts
  // `between $350 and $600`). Its words alone would not make it a count.
  // Joiners and the leads they need come from lists.range_joiners: `and`
  // needs `between` or `from` before the range; `or` and `to` do not.
  // The other way round, a bare number closing a range opened by a figure.
  void AddRangeEnds(const Scope& s, std::vector<Candidate>* out) const {
    const std::string_view text = s.text;
    const size_t n = out->size();
    // The candidates by start, with the running maximum of their ends: which
    // one starts at a place, and whether any covers a span, in log time.
    std::vector<std::pair<size_t, size_t>> spans;  // begin, index
    spans.reserve(n);
    for (size_t i = 0; i < n; ++i) spans.emplace_back((*out)[i].begin, i);
    std::sort(spans.begin(), spans.end());
    std::vector<size_t> max_end(n);
    for (size_t k = 0; k < n; ++k) max_end[k] = std::max(k ? max_end[k - 1] : 0, (*out)[spans[k].second].end);
    auto starting_at = [&](size_t begin, size_t end) -> Candidate* {
      for (auto it = std::lower_bound(spans.begin(), spans.end(), std::make_pair(begin, size_t{0}));
           it != spans.end() && it->first == begin; ++it) {
        if ((*out)[it->second].end == end) return &(*out)[it->second];
      }
      return nullptr;
    };
    // The candidates by end: "About 50 to 60 people" has its opener, with
    // its qualifier, ending where the range's low number does.
    std::vector<std::pair<size_t, size_t>> ends;  // end, index
    ends.reserve(n);
    for (size_t i = 0; i < n; ++i) ends.emplace_back((*out)[i].end, i);
    std::sort(ends.begin(), ends.end());
    auto qualified_ending_at = [&](size_t end) -> Candidate* {
      for (auto it = std::lower_bound(ends.begin(), ends.end(), std::make_pair(end, size_t{0}));
           it != ends.end() && it->first == end; ++it) {
        if (!(*out)[it->second].value.qualifier.empty()) return &(*out)[it->second];
      }
      return nullptr;
    };
    auto covered = [&](size_t begin, size_t end) {
      const auto it = std::lower_bound(spans.begin(), spans.end(), std::make_pair(end, size_t{0}));
      return it != spans.begin() && max_end[static_cast<size_t>(it - spans.begin()) - 1] > begin;
    };
    for (size_t i = 0; i < n; ++i) {
      const Candidate& upper = (*out)[i];
      if (!upper.value.qualifier.empty() || upper.value.kind == "money" || upper.value.kind == "ratio") continue;
      const std::string_view joiner = PreviousWord(text, upper.begin);
      const auto joined = range_joiners_.find(std::string(joiner));
      if (joined == range_joiners_.end()) continue;
      const size_t joiner_at = static_cast<size_t>(joiner.data() - text.data());
      const std::string_view low = PreviousWord(text, joiner_at);
      if (low.empty()) continue;
      const size_t low_at = static_cast<size_t>(low.data() - text.data());
      if (!joined->second.empty() && !joined->second.contains(PreviousWordLower(text, low_at))) continue;
      if (s.blocked.Overlaps(low_at, low_at + low.size())) continue;
      // Spelled out only like the figure closing the range ("one or two
      // nights"), never "rose to two" read as a number.
      const std::optional<double> value = WordValue(s, low, IsAsciiLetter(text[upper.begin]));
      if (!value) continue;
      Candidate c;
      c.begin = low_at;
      c.end = low_at + low.size();
      c.pattern = upper.pattern;
      c.value = upper.value;
      c.value.value = *value;
      // "went from 12 to 15 people": "12" counted by its lead takes the subject.
      if (Candidate* same = starting_at(c.begin, c.end)) {
        if (same->value.kind == c.value.kind && same->value.subject.empty()) same->value.subject = c.value.subject;
        continue;
      }
      // "About 5 to 10 percent of applicants": the qualified opener, a bare
      // count so far, takes the closer's kind, unit and subject.
      if (Candidate* qualified = qualified_ending_at(c.end)) {
        if (qualified->value.subject.empty() &&
            (qualified->value.kind == c.value.kind || qualified->value.kind == "count")) {
          qualified->value.kind = c.value.kind;
          qualified->value.unit = c.value.unit;
          qualified->value.subject = c.value.subject;
        }
        continue;
      }
      out->push_back(std::move(c));
    }
    // "rose from 79,977 to 105,439.": a bare number closing a range whose
    // opener is a figure is a figure of its kind.
    for (size_t i = 0; i < n; ++i) {
      const Candidate& lower = (*out)[i];
      if (!lower.value.qualifier.empty() || !lower.value.subject.empty() || lower.value.kind == "money" ||
          lower.value.kind == "ratio") {
        continue;
      }
      const std::string lead = PreviousWordLower(text, lower.begin);
      if (lead != "from" && lead != "between") continue;
      std::optional<Word> joiner = NounPhraseReader::NextWord(text, lower.end);
      if (!joiner || joiner->lower != (lead == "from" ? "to" : "and")) continue;
      size_t high_at = joiner->end;
      while (high_at < text.size() && text[high_at] == ' ') ++high_at;
      size_t high_end = high_at;
      while (high_end < text.size() && (IsDigit(text[high_end]) || ((text[high_end] == ',' || text[high_end] == '.') &&
                                                                    high_end + 1 < text.size() &&
                                                                    IsDigit(text[high_end + 1])))) {
        ++high_end;
      }
      if (high_end == high_at || !StandsAlone(text, high_at, high_end) ||
          (high_end < text.size() && (IsAsciiLetter(text[high_end]) || text[high_end] == '%'))) {
        continue;
      }
      if (s.blocked.Overlaps(high_at, high_end) || covered(high_at, high_end)) continue;
      std::optional<double> value =
          ParseDigits(text.substr(high_at, high_end - high_at), [&] { return DecimalComma(s, high_at); });
      if (!value) continue;
      Candidate c;
      c.begin = high_at;
      c.end = high_end;
      c.pattern = lower.pattern;
      c.value = lower.value;
      c.value.value = *value;
      out->push_back(std::move(c));
    }
  }

  // Returns the value of `word`, one token of `s.text`: digits as its
  // sentence writes them, or, when `spelled` allows, a number word
  // ("one", "Ten", "twenty-five"); nullopt for anything else.
  std::optional<double> WordValue(const Scope& s, std::string_view word, bool spelled) const {
    const size_t at = static_cast<size_t>(word.data() - s.text.data());
    if (IsDigit(word.front()) && IsDigit(word.back())) return ParseDigits(word, [&] { return DecimalComma(s, at); });
    if (spelled && IsAsciiLetter(word.front()) &&
        std::all_of(word.begin() + 1, word.end(), [](char ch) { return IsAsciiLower(ch) || ch == '-'; })) {
      return ParseNumberWords(word, Language(s, at));
    }
    return std::nullopt;
  }

  // "Eight of ten applicants", "nine of every ten cases": a part of a small whole
  // counted right after it is a ratio, as "4 out of 10" is. The whole must
  // be at most ten: "3 of 12 judges" names three judges of twelve.
  void AddPartsOfFew(const Scope& s, std::vector<Candidate>* out) const {
    const std::string_view text = s.text;
    const size_t n = out->size();
    for (size_t i = 0; i < n; ++i) {
      const Candidate& whole = (*out)[i];
      if (whole.value.kind != "count" || !whole.value.qualifier.empty() || whole.value.subject.empty() ||
          whole.value.value < 2 || whole.value.value > 10) {
        continue;
      }
      std::string_view of = PreviousWord(text, whole.begin);
      if (of == "every") of = PreviousWord(text, static_cast<size_t>(of.data() - text.data()));  // "nine of every ten"
      if (of != "of") continue;
      const size_t of_at = static_cast<size_t>(of.data() - text.data());
      const std::string_view part = PreviousWord(text, of_at);
      if (part.empty()) continue;
      const size_t part_at = static_cast<size_t>(part.data() - text.data());
      if (s.blocked.Overlaps(part_at, whole.end)) continue;
      const std::optional<double> value = WordValue(s, part, IsAsciiLetter(text[whole.begin]));
      // "one of three diseases" picks one out; it measures no share.
      if (!value || *value < 2 || *value > whole.value.value) continue;
      Candidate c = whole;
      c.begin = part_at;
      c.value.kind = "ratio";
      c.value.value = *value / whole.value.value;
      out->push_back(std::move(c));
    }
  }

  // Returns the end of the adjectives Spanish puts after a counted noun
  // ending at `pos`: "1.200 migrantes [centroamericanos]", "300 niños [no
  // acompañados]". Plural adjectives (-os, -as, -es), at most two; a verb's
  // plural (-an, -en) or a stop word ends them.
  size_t SpanishAdjectivesEnd(std::string_view text, size_t pos) const {
    size_t end = pos, at = pos;
    for (int i = 0; i < 3; ++i) {
      const std::optional<Word> w = NounPhraseReader::NextWord(text, at);
      if (!w || w->capitalized || w->acronym) break;
      at = w->end;
      if (w->lower == "no" && i == 0) continue;  // "no acompañados"
      const std::string_view word = w->lower;
      if (word.size() < 4 || np_.IsStopWord(word) ||
          !(word.ends_with("os") || word.ends_with("as") || word.ends_with("es"))) {
        break;
      }
      end = w->end;
    }
    return end;
  }

  // Returns true when "N out of M" / "one in five" of `m` is a ratio.
  bool ResolveRatio(const Scope& s, const PatternMatch& m, const Figure& num, Candidate* c) const {
    const std::string_view text = s.text;
    const Blocked& blocked = s.blocked;
    std::optional<Figure> den = ReadFigure(s, m, "den", "denwords");
    if (!den || den->value <= 0 || num.value > den->value || den->year_like) return false;
    // "one-in-five": the hyphens are the ratio's own, not a code's.
    const bool hyphenated = den->begin > 0 && text[den->begin - 1] == '-';
    if (!hyphenated && !StandsAlone(text, den->begin, den->end)) return false;
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

  // "1/3 of the cases": a share written with a slash, its subject after "of".
  bool ResolveSlashFraction(const Scope& s, const PatternMatch& m, Candidate* c) const {
    const std::string_view den = m.Group("sden");
    const int n = SmallNumber(m.Group("snum")), d = SmallNumber(den);
    if (n >= d || s.blocked.Overlaps(m.begin, m.end)) return false;
    c->value.kind = "ratio";
    c->value.value = static_cast<double>(n) / d;
    c->end = m.GroupBegin("sden", s.text) + den.size();
    OfPhrase of = ReadOf(s.text, c->end);
    if (of.number_only) return false;  // "1/2 of 2019"
    if (of.end != npos && !s.blocked.Overlaps(c->end, of.end)) c->end = of.end;
    if (!of.subject.empty()) c->value.subject = of.subject;
    return true;
  }

  bool ResolveFraction(const Scope& s, const PatternMatch& m, Candidate* c) const {
    const std::string_view text = s.text;
    const Blocked& blocked = s.blocked;
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
    // "five-and-a-half points": the half of a mixed number, no share.
    if (const std::string_view before = text.substr(0, m.begin);
        before.ends_with("and-") || before.ends_with("and ") || before.ends_with("And ")) {
      if (AsciiLower(numer_text) == "a") return false;
    }
    double numer = 1;
    if (!numer_text.empty()) {
      const std::string n = AsciiLower(numer_text);
      if (!fraction_articles_.contains(n)) {
        std::optional<double> v = ParseNumberWords(numer_text, "en");
        if (!v && Language(s, m.begin) != "en") v = ParseNumberWords(numer_text, Language(s, m.begin));
        if (!v) return false;
        numer = *v;
      }
    }
    if (numer <= 0 || numer > den) return false;
    if (m.Has("fmult")) {  // "half a million people": a count, not a share
      auto it = multipliers_.find(AsciiLower(m.Group("fmult")));
      if (it == multipliers_.end() || blocked.Overlaps(m.begin, m.end)) return false;
      c->value.kind = "count";
      c->value.value = numer / den * it->second;
      c->end = m.GroupBegin("fmult", text) + m.Group("fmult").size();
      if (std::optional<TextRange> np = np_.Read(text, c->end); np && !blocked.Overlaps(c->end, np->end)) {
        const std::string_view phrase = text.substr(np->begin, np->end - np->begin);
        c->end = np->end;
        if (const std::string head = LastWordLower(phrase); currencies_.contains(head)) {
          c->value.kind = "money";  // "half a million dollars"
          c->value.unit = Currency(head);
        } else {
          c->value.subject = std::string(phrase);
        }
      }
      return true;
    }
    const bool has_qual = m.Has("qual");
    const bool has_of = m.Has("of");
    const size_t frac_begin = m.GroupBegin("frac", text);
    const bool joined = !numer_text.empty() && frac_begin > 0 && text[frac_begin - 1] == '-';
    const bool plural = frac.ends_with('s');
    // "Nearly half (48%) of those interviewed": a bracketed figure between
    // the share and its "of". The bracket keeps its own figure, so the span
    // stays on the share; the subject is still what follows "of".
    size_t bracket_of = npos;
    if (!has_of) {
      const size_t after = AfterBracket(text, frac_begin + m.Group("frac").size(), 23);
      if (after != npos && text.substr(after).starts_with(" of ")) bracket_of = after;
    }
    // "Arrests fell by a third": a change stated as a share, with no "of".
    const bool by_change = [&] {
      const std::string_view by = PreviousWord(text, m.begin);
      if (by != "by") return false;
      return change_verbs_.contains(PreviousWordLower(text, static_cast<size_t>(by.data() - text.data())));
    }();
    if (!has_qual && !has_of && bracket_of == npos && !by_change && !(joined || (plural && !numer_text.empty()))) {
      return false;
    }
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
    } else if (bracket_of != npos) {
      OfPhrase of = ReadOf(text, bracket_of);
      if (of.number_only && !has_qual) return false;
      c->value.subject = of.subject;
    }
    return true;
  }

  // What a table column's heading says its numbers are.
  struct Column {
    bool skip = false;  // labels, years, dates: not figures
    std::string kind = "count";
    std::string unit;
    std::string subject;  // what a count column counts: its heading ("Deaths")
  };

  // Returns what `heading` ("ALOS (days)", "Share (%)", "Fiscal year",
  // "Rank") makes of its column's numbers.
  Column ReadHeading(std::string_view heading) const {
    Column col;
    const std::string lower = Canonical(heading);
    if (lower.empty()) return col;
    const std::string first = lower.substr(0, lower.find(' '));
    if (table_label_headings_.contains(lower) || table_label_headings_.contains(first)) {
      col.skip = true;
      return col;
    }
    if (lower.find('%') != std::string::npos || lower.find("percent") != std::string::npos ||
        lower.find("por ciento") != std::string::npos) {
      col.kind = "percent";
      return col;
    }
    // The unit: in the last parentheses ("ALOS (days)"), else the last word
    // ("Average stay in days").
    std::string_view unit_text;
    const size_t open = heading.rfind('(');
    const size_t close = open == npos ? npos : heading.find(')', open);
    if (close != npos) {
      unit_text = heading.substr(open + 1, close - open - 1);
    } else {
      const size_t space = heading.find_last_of(' ');
      unit_text = space == npos ? heading : heading.substr(space + 1);
    }
    const std::string unit = Canonical(unit_text);
    if (auto it = duration_units_.find(unit); it != duration_units_.end()) {
      col.kind = "duration";
      col.unit = it->second;
    } else if (auto m = measure_units_.find(unit); m != measure_units_.end()) {
      col.kind = "measure";
      col.unit = m->second;
    } else if (std::string cur = Currency(unit_text); !cur.empty()) {
      col.kind = "money";
      col.unit = cur;
    } else {
      // "Deaths", "Average daily population", "Detainees (total)".
      std::string_view name = heading.substr(0, open == npos ? heading.size() : open);
      while (!name.empty() && (IsSpace(name.back()) || name.back() == ':' || name.back() == '*')) name.remove_suffix(1);
      while (!name.empty() && (IsSpace(name.front()) || name.front() == '*')) name.remove_prefix(1);
      if (!name.empty() && name.size() <= 60) col.subject = std::string(name);
    }
    return col;
  }

  // Adds the numbers of the tables' data cells: every cell that is a number
  // alone, in a column that holds neither labels nor years; a first row
  // without such numbers is the header, whose headings give the kind and
  // unit. A plain-text table must have a header (it is a guess from layout;
  // a marked one is the extractor's word).
  void AddTableCells(const Scope& s, std::vector<Candidate>* out) const {
    const std::string_view text = s.text;
    auto cell_text = [&](const TableCell& c) { return text.substr(c.begin, c.end - c.begin); };
    // "58%": a share is a number too.
    auto percent = [&](const TableCell& c) { return cell_text(c).ends_with('%'); };
    // "-3,358", "+177%": a change column's numbers carry their sign.
    auto number = [&](const TableCell& c) -> std::optional<double> {
      std::string_view t = cell_text(c);
      if (t.ends_with('%')) t.remove_suffix(1);
      while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
      const bool negative = t.starts_with('-');
      if (negative || t.starts_with('+')) t.remove_prefix(1);
      if (t.empty() || !IsDigit(t[0]) || !RE2::FullMatch(t, *table_number_)) return std::nullopt;
      const std::optional<double> v = ParseDigits(t, [&] { return DecimalComma(s, c.begin); });
      return v && negative ? std::optional<double>(-*v) : v;
    };
    auto year_like = [](std::string_view t, double v) {
      return t.size() == 4 && v >= 1800 && v <= 2100 && IsDigit(t[1]) && IsDigit(t[2]) && IsDigit(t[3]);
    };
    // "Notices . . . . . | vii": a table of contents, whose numbers are
    // pages; most of its rows run dot leaders up to them.
    auto contents = [&](const Table& table) {
      size_t leaders = 0;
      for (const TableRow& row : table.rows) {
        for (const TableCell& c : row.cells) {
          const std::string_view t = cell_text(c);
          if (t.find(". . .") != npos || t.find("....") != npos) {
            ++leaders;
            break;
          }
        }
      }
      return 2 * leaders >= table.rows.size();
    };
    for (const Table& table : tables_.Read(s.doc)) {
      if (contents(table)) continue;
      const TableScale scale = ScaleOf(text, table.rows.front().cells.front().begin);
      const TableRow& first = table.rows.front();
      bool header = true;
      for (const TableCell& c : first.cells) {
        if (std::optional<double> v = number(c); v && !year_like(cell_text(c), *v)) header = false;
      }
      if (!header && !table.marked) continue;
      size_t width = 0;
      for (const TableRow& row : table.rows) width = std::max(width, row.cells.size());
      // What each row's label says of its numbers ("Average length of stay
      // (days)", "Initial book-ins"): a column headed by a period ("FY2021")
      // takes kind, unit and subject from its rows, and the period is the
      // date its numbers stand at.
      std::vector<Column> row_heads(table.rows.size());
      for (size_t r = header ? 1 : 0; r < table.rows.size(); ++r) {
        const std::vector<TableCell>& cells = table.rows[r].cells;
        if (!cells.empty() && !number(cells.front())) row_heads[r] = ReadHeading(cell_text(cells.front()));
      }
      for (size_t col = 0; col < width; ++col) {
        Column column;
        std::string period;
        if (header && col < first.cells.size()) {
          const TableCell& head = first.cells[col];
          if (auto d = s.date_values.lower_bound(head.begin); d != s.date_values.end() && d->first < head.end) {
            period = d->second;
          } else {
            column = ReadHeading(cell_text(head));
          }
        }
        if (column.skip) continue;
        std::vector<std::pair<const TableCell*, double>> cells;
        std::vector<size_t> cell_rows;
        for (size_t r = header ? 1 : 0; r < table.rows.size(); ++r) {
          if (col >= table.rows[r].cells.size()) continue;
          const TableCell& c = table.rows[r].cells[col];
          if (std::optional<double> v = number(c)) {
            cells.emplace_back(&c, *v);
            cell_rows.push_back(r);
          }
        }
        if (cells.empty()) continue;
        // A column of years, or of row numbers 1, 2, 3 ..., labels its rows.
        bool years = true, enumeration = cells.size() >= 3;
        for (size_t k = 0; k < cells.size(); ++k) {
          years = years && year_like(cell_text(*cells[k].first), cells[k].second);
          enumeration = enumeration && cells[k].second == static_cast<double>(k + 1);
        }
        if (years || enumeration) continue;
        for (size_t k = 0; k < cells.size(); ++k) {
          const auto& [cell, value] = cells[k];
          if (s.blocked.Overlaps(cell->begin, cell->end)) continue;
          const Column& row = row_heads[cell_rows[k]];
          const bool by_row = !period.empty() && !row.skip;
          Candidate c;
          c.begin = cell->begin;
          c.end = cell->end;
          c.pattern = &table_pattern_;
          const bool share = percent(*cell);
          c.value.kind = share ? "percent" : by_row ? row.kind : column.kind;
          c.value.unit = share ? "" : by_row ? row.unit : column.unit;
          c.value.subject = by_row ? row.subject : column.subject;
          c.value.as_of = period;
          c.value.value = value;
          // "(dollars in millions)" over the table: its amounts are money.
          if (!share && scale.factor != 1) {
            c.value.value = value * scale.factor;
            if (!scale.currency.empty()) {
              c.value.kind = "money";
              c.value.unit = scale.currency;
            }
          }
          out->push_back(std::move(c));
        }
      }
    }
  }

  // What a table's caption says its numbers are in: "(dollars in
  // millions)" -> USD, 1,000,000 (lists.table_scales, read from the 200
  // bytes before the table's first cell).
  struct TableScale {
    double factor = 1;
    std::string currency;
  };
  TableScale ScaleOf(std::string_view text, size_t table_begin) const {
    TableScale scale;
    const size_t from = table_begin > 200 ? table_begin - 200 : 0;
    const std::string caption = Canonical(text.substr(from, table_begin - from));
    for (const auto& [phrase, value] : table_scales_) {  // longest first
      if (caption.find(phrase) == std::string::npos) continue;
      scale = value;
      break;
    }
    return scale;
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
    if (!w || !of_words_.contains(w->lower)) return of;
    size_t p = np_.SkipDeterminers(text, w->end);
    while (p < text.size() && text[p] == ' ') ++p;
    // "of the eight judges": a number word is a nested figure too.
    if (std::optional<Word> word = NounPhraseReader::NextWord(text, p);
        word && word->begin == p && !IsDigit(text[p]) && word->lower != "a" && word->lower != "one" &&
        RE2::FullMatch(word->lower, *number_word_) && ParseNumberWords(word->lower, "en")) {
      if (std::optional<TextRange> np = np_.Read(text, word->end)) {
        of.nested = true;
        of.subject = std::string(text.substr(np->begin, np->end - np->begin));
        return of;
      }
    }
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
    if (std::optional<TextRange> np = np_.ReadShare(text, p)) {
      of.end = np->end;
      of.subject = std::string(text.substr(np->begin, np->end - np->begin));
    }
    return of;
  }

  // Returns the figure of groups `num` (digits, with mult/multx) or `words`.
  std::optional<Figure> ReadFigure(const Scope& s, const PatternMatch& m, const char* num, const char* words) const {
    const std::string_view text = s.text;
    Figure f;
    const std::string_view digits = m.Group(num);
    if (!digits.empty()) {
      f.begin = m.GroupBegin(num, text);
      f.end = f.begin + digits.size();
      std::optional<double> value = ParseDigits(digits, [&] { return DecimalComma(s, f.begin); });
      if (!value) return std::nullopt;
      f.value = *value;
      // "2 000 people" with a no-break space: 2000.
      const bool joined =
          digits.size() == 3 && IsDigit(digits[0]) && IsDigit(digits[1]) && IsDigit(digits[2]) && JoinDigitGroups(s, &f);
      // "000 people" whose head stands before a space the text does not say
      // joins them (a table's column gap, a folded space): no figure.
      if (!joined && digits.size() > 1 && digits[0] == '0' && IsDigit(digits[1])) return std::nullopt;
      f.year_like = !joined && digits.size() == 4 && IsDigit(digits[1]) && IsDigit(digits[2]) && f.value >= 1800 &&
                    f.value <= 2100;
      if (num == std::string_view("num")) {
        // "2 1/2 years", "3 1/4 miles": a mixed number.
        if (const std::string_view fnum = m.Group("fnum"); !fnum.empty()) {
          const std::string_view fden = m.Group("fden");
          const int numer = SmallNumber(fnum), den = SmallNumber(fden);
          if (numer >= den) return std::nullopt;
          f.value += static_cast<double>(numer) / den;
          f.end = m.GroupBegin("fden", text) + fden.size();
          f.year_like = false;
        }
        // "100+ degrees": the pattern's `plus` took the sign (read from the
        // text: cheaper than a group look-up on every figure).
        if (f.end < m.end && text[f.end] == '+') {
          f.plus = true;
          ++f.end;
        }
        for (const char* g : {"mult", "multx"}) {
          std::string_view mult = m.Group(g);
          if (mult.empty()) continue;
          const size_t mult_begin = m.GroupBegin(g, text);
          const size_t spaces = mult.find_first_not_of(' ');  // "$3.5 bn"
          if (spaces == std::string_view::npos) return std::nullopt;
          mult.remove_prefix(spaces);
          auto it = multipliers_.find(AsciiLower(mult));
          if (it == multipliers_.end()) return std::nullopt;
          f.value *= it->second;
          f.end = mult_begin + spaces + mult.size();
          f.year_like = false;
          // "140 mil 980 solicitudes": Mexican style spells out the thousands only.
          if (AsciiLower(mult) == "mil" && f.end + 2 < text.size() && text[f.end] == ' ' && IsDigit(text[f.end + 1])) {
            size_t e = f.end + 1;
            while (e < text.size() && IsDigit(text[e]) && e - f.end <= 3) ++e;  // at most three digits
            if ((e == text.size() || text[e] == ' ') && digits.find_first_of(".,") == npos) {
              f.value += SmallNumber(text.substr(f.end + 1, e - f.end - 1));
              f.end = e;
            }
          }
        }
      }
      return std::isfinite(f.value) ? std::optional<Figure>(f) : std::nullopt;
    }
    const std::string_view spelled = m.Group(words);
    if (spelled.empty()) {
      const std::string_view an = num == std::string_view("num") ? m.Group("an") : std::string_view();
      if (an.empty()) return std::nullopt;
      f.value = 1;  // "more than a year"
      f.begin = m.GroupBegin("an", text);
      f.end = f.begin + an.size();
      return f;
    }
    f.begin = m.GroupBegin(words, text);
    f.end = f.begin + spelled.size();
    // "fourteen (14) days": legal drafting repeats the number in digits.
    if (const size_t after = AfterBracket(text, f.end, 11); after != npos && IsDigit(text[f.end + 2]) &&
        std::all_of(text.begin() + static_cast<std::ptrdiff_t>(f.end + 2),
                    text.begin() + static_cast<std::ptrdiff_t>(after - 1),
                    [](char ch) { return IsDigit(ch) || ch == ','; })) {
      f.end = after;
    }
    // English number words are read as such; others only in a sentence of
    // their language: "once" is eleven in Spanish, "UN" no number in English.
    std::string_view lang = "en";
    // "at one point five officers ...": the idiom, not 1.5.
    if (AsciiLower(spelled).find(" point ") != npos && PreviousWordLower(text, f.begin) == "at") return std::nullopt;
    std::optional<double> v = ParseNumberWords(spelled, lang);
    if (!v && (lang = Language(s, f.begin)) != "en") v = ParseNumberWords(spelled, lang);
    if (v) {
      f.value = *v;
      return f;
    }
    // "between one and two years": the number is the run after "and".
    const std::string lower = AsciiLower(spelled);
    const size_t and_at = lower.rfind(" and ");
    if (and_at == std::string::npos) return std::nullopt;
    v = ParseNumberWords(spelled.substr(and_at + 5), "en");
    if (!v) return std::nullopt;
    f.value = *v;
    f.begin += and_at + 5;
    return f;
  }

  // Returns the language ("en", "es") of the sentence holding `pos`.
  std::string_view Language(const Scope& s, size_t pos) const {
    const int sentence = s.doc.SentenceAt(pos);
    std::string_view lang;
    if (sentence < 0) {
      lang = language_.Of(s.text.substr(pos - std::min<size_t>(pos, 200), 400), "");
    } else {
      if (s.sentence_lang.empty()) s.sentence_lang.resize(s.doc.sentences.size());
      std::string_view& known = s.sentence_lang[static_cast<size_t>(sentence)];
      if (known.empty()) {
        const TextRange& r = s.doc.sentences[static_cast<size_t>(sentence)];
        known = language_.Of(s.text.substr(r.begin, r.end - r.begin), "?");
      }
      lang = known == "?" ? std::string_view() : known;
    }
    if (!lang.empty()) return lang;
    if (s.fallback.empty()) {
      // No language leads in the sentence: the document's, from its
      // metadata, else from its opening.
      s.fallback = !s.doc_lang.empty() ? s.doc_lang : language_.Of(s.text, "en");
    }
    return s.fallback;
  }

  // Returns true when the sentence holding `pos` writes decimals with a
  // comma and groups thousands with a dot ("5.000", "72,5").
  bool DecimalComma(const Scope& s, size_t pos) const { return decimal_comma_.contains(std::string(Language(s, pos))); }

  // Returns the value of `digits` as written ("71,000", "0.4", "5.000",
  // "72,5"), or nullopt when it is not a number in its sentence's
  // convention. A separator followed by exactly three digits after at most
  // three groups thousands in either convention, except that a lone dot so
  // placed is a decimal point in English ("5.000" is five); otherwise the
  // sentence decides (`decimal_comma()` is asked only then).
  template <typename DecimalCommaFn>
  static std::optional<double> ParseDigits(std::string_view digits, DecimalCommaFn decimal_comma) {
    size_t commas = 0, dots = 0, last_sep = npos;
    for (size_t i = 0; i < digits.size(); ++i) {
      if (digits[i] == ',') ++commas;
      if (digits[i] == '.') ++dots;
      if (digits[i] == ',' || digits[i] == '.') last_sep = i;
    }
    char decimal = 0;  // the decimal separator, if any
    if (commas > 0 && dots > 0) {
      decimal = digits[last_sep];  // "1,234.5" / "1.234,5": the last one
    } else if (commas + dots == 1) {
      const size_t first_group = last_sep;
      const size_t after = digits.size() - last_sep - 1;
      const bool grouping_shape = after == 3 && first_group <= 3;
      const char sep = digits[last_sep];
      if (sep == ',') {
        if (grouping_shape) {
          decimal = 0;
        } else if (decimal_comma()) {
          decimal = ',';
        } else {
          return std::nullopt;  // "1,5" in English: a list, not a number
        }
      } else {
        decimal = grouping_shape && decimal_comma() ? 0 : '.';
      }
    } else if (commas + dots > 1) {
      decimal = 0;  // "1,234,567", "1.234.567"
    }
    std::string plain;
    plain.reserve(digits.size());
    for (char ch : digits) {
      if (IsDigit(ch)) {
        plain += ch;
      } else if (ch == decimal) {
        plain += '.';
      }
    }
    if (plain.size() > 18) return std::nullopt;  // an identifier, not a figure
    const double v = std::strtod(plain.c_str(), nullptr);
    return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
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

  // Returns true when the word right before `begin` makes the number a label:
  // a listed label word ("Level 4", "page 12") or a product name written in
  // the lower-then-upper case of brands ("iOS 15", "iPhone 14", "macOS 13").
  bool AfterLabel(std::string_view text, size_t begin) const {
    if (begin > 0 && (text[begin - 1] == '#' || text[begin - 1] == '\xA7' /* tail of § */)) return true;
    if (label_words_.contains(PreviousWordLower(text, begin))) return true;
    return IsProductName(PreviousWord(text, begin));
  }

  // Returns true when capitalized words then a street word follow `pos`
  // ("615 Second Avenue", "1600 Pennsylvania Ave."): the number is an
  // address (lists.street_words).
  bool IsStreetNumber(std::string_view text, size_t pos) const {
    for (int words = 0; words < 4; ++words) {
      std::optional<Word> w = NounPhraseReader::NextWord(text, pos);
      if (!w || !w->capitalized || w->begin != pos + 1) return false;
      if (words > 0 && street_words_.contains(w->lower)) return true;
      pos = w->end;
      if (pos < text.size() && text[pos] == '.') ++pos;  // "Ave."
    }
    return false;
  }

  // Returns true for a word that starts in lower case and has a capital
  // after it: "iOS", "iPhone", "eBay".
  static bool IsProductName(std::string_view word) {
    if (word.size() < 2 || !(word[0] >= 'a' && word[0] <= 'z')) return false;
    for (size_t i = 1; i < word.size(); ++i) {
      if (word[i] >= 'A' && word[i] <= 'Z') return true;
      if (!IsAsciiLetter(word[i])) return false;
    }
    return false;
  }

  // Returns the qualifier ("some", "more than") that ends, with its spaces,
  // at `pos`, or "".
  std::string_view QualifierBefore(std::string_view text, size_t pos) const {
    const size_t from = pos > 48 ? pos - 48 : 0;
    re2::StringPiece found;
    if (!RE2::PartialMatch(re2::StringPiece(text.data() + from, pos - from), *qualifier_before_, &found)) return {};
    return std::string_view(found.data(), found.size());
  }

  // Extends figure `f`, three digits, over the digit groups before it that a
  // no-break, narrow or thin space joins ("2\u00A0000", "1\u202F200\u202F000":
  // French and SI typography). Normalization folds those spaces into plain
  // ones, so the raw text decides: a plain space between numbers may be a
  // table's column gap. It joins only when a lower-case word follows the
  // figure ("12 500 stateless persons", as PDF text writes the no-break
  // space) and no label word numbers the first group ("Table 3 200
  // people"). Returns true when it joined any.
  bool JoinDigitGroups(const Scope& s, Figure* f) const {
    const std::string_view text = s.text;
    const Document& doc = s.doc;
    size_t b = f->begin;
    std::string digits(text.substr(f->begin, f->end - f->begin));
    // A lower-case word: "400 737 Max jets" are a count and a name.
    const bool word_follows = f->end + 1 < text.size() && text[f->end] == ' ' && text[f->end + 1] >= 'a' &&
                              text[f->end + 1] <= 'z';
    bool plain = false;
    while (b >= 2 && text[b - 1] == ' ' && IsDigit(text[b - 2])) {
      size_t g = b - 1;
      while (g > 0 && IsDigit(text[g - 1]) && b - 1 - g < 3) --g;
      if (g > 0 && (IsDigit(text[g - 1]) || text[g - 1] == '.' || text[g - 1] == ',')) break;
      const size_t raw_begin = doc.offsets.ToRawBegin(b - 1), raw_end = doc.offsets.ToRawEnd(b);
      if (raw_end < raw_begin || raw_end > doc.raw_text.size()) break;
      const std::string_view sep = std::string_view(doc.raw_text).substr(raw_begin, raw_end - raw_begin);
      const bool typographic = sep == "\u00A0" || sep == "\u202F" || sep == "\u2009" || sep == "\u2007";
      if (!typographic && !(sep == " " && word_follows)) break;
      plain = plain || !typographic;
      digits.insert(0, text.substr(g, b - 1 - g));
      const bool head = b - 1 - g < 3;
      b = g;
      if (head) break;  // a group under three digits starts the number
    }
    if (b == f->begin) return false;
    if (plain && (b > 0 && (IsDigit(text[b - 1]) || IsAsciiLetter(text[b - 1]) ||
                            AfterLabel(text, b)))) {
      return false;
    }
    f->begin = b;
    f->value = std::strtod(digits.c_str(), nullptr);
    return true;
  }

  // Returns the lower bound of a range written as one figure ("10-15 days",
  // "2-3 weeks") when `upper` is the number after the hyphen: digits that
  // stand alone before it, smaller, and at most one digit shorter.
  static std::optional<Figure> RangeLowerBound(std::string_view text, const Figure& upper) {
    const size_t hyphen = upper.begin;
    if (hyphen < 2 || text[hyphen - 1] != '-' || !IsDigit(text[hyphen - 2])) return std::nullopt;
    size_t b = hyphen - 1;
    while (b > 0 && hyphen - 1 - b < 12 && (IsDigit(text[b - 1]) || text[b - 1] == ',' || text[b - 1] == '.')) --b;
    if (!IsDigit(text[b])) return std::nullopt;
    if (b > 0 && (IsAsciiLetter(text[b - 1]) || text[b - 1] == '-' || text[b - 1] == '/' ||
                  static_cast<unsigned char>(text[b - 1]) >= 0x80)) {
      return std::nullopt;  // "COVID-19", "I-94", "A-201-555"
    }
    auto digits_of = [](std::string_view s) {
      std::string plain;
      for (char ch : s) {
        if (IsDigit(ch) || ch == '.') plain += ch;
        else if (ch != ',') break;
      }
      return plain;
    };
    const std::string low_digits = digits_of(text.substr(b, hyphen - 1 - b));
    const std::string up_digits = digits_of(text.substr(upper.begin, upper.end - upper.begin));
    const double low_value = std::strtod(low_digits.c_str(), nullptr);
    const double up_value = std::strtod(up_digits.c_str(), nullptr);
    if (!(low_value < up_value) || up_value <= 0 || up_digits.size() > low_digits.size() + 1) return std::nullopt;
    Figure low;
    low.value = low_value * (upper.value / up_value);  // "10-15 million"
    low.begin = b;
    low.end = hyphen - 1;
    return low;
  }

  // Returns true when `s` ends in "times" (any case): the only matches
  // whose `times` group needs looking up.
  static bool EndsWithTimes(std::string_view s) {
    if (s.size() < 5) return false;
    const std::string_view tail = s.substr(s.size() - 5);
    for (size_t i = 0; i < 5; ++i) {
      if ((tail[i] | 0x20) != "times"[i]) return false;
    }
    return true;
  }

  std::string PostfixQualifier(std::string_view surface) const {
    auto it = postfix_qualifiers_.find(Canonical(surface));
    return it != postfix_qualifiers_.end() ? it->second : std::string();
  }

  // "fell to -5 degrees", "growth of -2.5%": a minus sign glued to a
  // measure or a percent, after a space or bracket, makes it negative (a
  // hyphen between numbers is a range; counts are never negative).
  static void TakeMinus(std::string_view text, const Figure& fig, Candidate* c) {
    const size_t b = fig.begin;
    if (c->begin != b || b == 0 || text[b - 1] != '-') return;
    if (b >= 2 && text[b - 2] != ' ' && text[b - 2] != '(' && text[b - 2] != '\n') return;
    c->begin = b - 1;
    c->value.value = -c->value.value;
  }

  // Returns the word (non-space run) before `pos`, looking back at most a
  // few bytes.
  static std::string_view PreviousWord(std::string_view text, size_t pos) {
    size_t end = pos;
    while (end > 0 && pos - end < 3 && text[end - 1] == ' ') --end;
    size_t begin = end;
    while (begin > 0 && end - begin < 24 && !IsSpace(text[begin - 1]) && text[begin - 1] != '(' &&
           text[begin - 1] != '"') {
      --begin;
    }
    return text.substr(begin, end - begin);
  }

  // Returns true when the words around the bare number [begin, end) make it
  // a count of what the sentence is about: up to four words before it in
  // `count_leads` ("grew to 45,000", "up from three"), or, opening a clause,
  // a verb after it in `count_verbs` ("..., 77 had been transferred"); or,
  // in digit groups, a date of its own after it ("52,000 in February").
  bool CountedByContext(const Scope& s, const Figure& fig) const {
    const std::string_view text = s.text;
    const size_t begin = fig.begin, end = fig.end;
    // Digit groups ("114,300", "2 000") mark a quantity: a code, a year or
    // a score is not written so.
    const bool grouped =
        fig.value >= 1000 && text.substr(begin, end - begin).find_first_of(",. ") != std::string_view::npos;
    // "Germany (217,800), Costa Rica (129,500)", "claims (11,322, or 15% of
    // all claims)", "Iranian (8,406; 11%)": a figure opening a bracket after
    // what it counts.
    if (grouped && begin > 0 && text[begin - 1] == '(' && end < text.size() &&
        (text[end] == ')' || text[end] == ',' || text[end] == ';')) {
      return true;
    }
    // "Venezuela: 96.870 (13,6 por ciento)", "Estimated number of
    // respondents: 2,286,498.": a figure in digit groups after a short label
    // and a colon, the label opening its line.
    if (grouped && begin >= 2 && text.substr(begin - 2, 2) == ": ") {
      // The label: back to its line's start, at most 60 bytes (a bounded
      // look, so a long line of "x: 1,234" stays linear).
      const size_t from = begin - 2 > 61 ? begin - 2 - 61 : 0;
      const size_t line = text.substr(from, begin - 2 - from).rfind('\n');
      const size_t label_begin = line == std::string_view::npos ? from : from + line + 1;
      const std::string_view label = text.substr(label_begin, begin - 2 - label_begin);
      if ((label_begin == 0 || text[label_begin - 1] == '\n') && !label.empty() && label.size() <= 60 &&
          label.find_first_of(".;:") == std::string_view::npos && std::count(label.begin(), label.end(), ' ') <= 5) {
        return true;
      }
    }
    const std::string_view w1 = PreviousWord(text, begin);
    if (!w1.empty()) {
      std::string lead = AsciiLower(w1);
      if (count_leads_.contains(lead)) return true;
      // "was 50,922": only a number in digit groups; "was 5" is as often a
      // score, an age or an hour.
      if (grouped && grouped_count_leads_.contains(lead)) return true;
      // Leads of up to four words: "a total of", "put the figure at".
      std::string_view w = w1;
      for (int words = 2; words <= 4; ++words) {
        w = PreviousWord(text, static_cast<size_t>(w.data() - text.data()));
        if (w.empty()) break;
        lead = AsciiLower(w) + " " + lead;
        if (count_leads_.contains(lead)) return true;
      }
    }
    // "47,000 migrants in January, 52,000 in February": a number in digit
    // groups with a date of its own after "in" is a figure of that time.
    if (grouped) {
      const std::optional<Word> in = NounPhraseReader::NextWord(text, end);
      if (in && (in->lower == "in" || in->lower == "en")) {
        const size_t at = in->end + 1;
        if (std::binary_search(s.date_begins.begin(), s.date_begins.end(), at)) return true;
      }
    }
    // A count verb after it counts a number opening a clause or, in digit
    // groups, wherever its clause starts ("..., while 114,300 were resettled").
    // "and" opens a clause before what befell people: "Nine people were
    // killed and 23 injured".
    size_t p = begin;
    while (p > 0 && text[p - 1] == ' ') --p;
    const bool after_and = p >= 4 && text.substr(p - 4, 4) == " and";
    // "Nine were unaccompanied children.": a number opening its sentence
    // (not "One", as often a pronoun) opens its clause too.
    const int sentence = s.doc.SentenceAt(begin);
    const bool opens_sentence =
        fig.value >= 2 && sentence >= 0 && s.doc.sentences[static_cast<size_t>(sentence)].begin == begin;
    if (!grouped && !after_and && !opens_sentence && !(p > 0 && (text[p - 1] == ',' || text[p - 1] == ';'))) {
      return false;
    }
    // "22,123 (59.2%) had": the verb may follow the figure's bracketed share.
    const size_t bracket = AfterBracket(text, end, 23);
    const std::optional<Word> next = NounPhraseReader::NextWord(text, bracket != npos ? bracket : end);
    if (!next) return false;
    if (count_participles_.contains(next->lower)) return true;
    return !(after_and && !grouped) && count_verbs_.contains(next->lower);
  }

  static std::string PreviousWordLower(std::string_view text, size_t pos) {
    return AsciiLower(PreviousWord(text, pos));
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

  // Returns the offset just after a short bracket " (...)" opening at `pos`,
  // its ")" at most `reach` bytes into it, or npos. The look for ")" is
  // bounded, so a text of brackets that never close stays linear.
  static size_t AfterBracket(std::string_view text, size_t pos, size_t reach) {
    if (pos + 2 >= text.size() || text[pos] != ' ' || text[pos + 1] != '(') return npos;
    const size_t close = text.substr(pos + 2, reach).find(')');
    return close == npos ? npos : pos + 2 + close + 1;
  }

  // Returns true when an hour of the clock follows `pos`: "close to 2 a.m.",
  // "after 10 pm".
  // Returns true when a slash and a digit follow `pos`: "up to 3 / 8 inch"
  // is a fraction cut apart, "24/7" no count.
  static bool SlashAfter(std::string_view text, size_t pos) {
    size_t p = pos;
    if (p < text.size() && text[p] == ' ') ++p;
    if (p >= text.size() || text[p] != '/') return false;
    ++p;
    if (p < text.size() && text[p] == ' ') ++p;
    return p < text.size() && IsDigit(text[p]);
  }

  static bool ClockTime(std::string_view text, size_t pos) {
    if (pos + 3 > text.size() || text[pos] != ' ') return false;
    const char c = static_cast<char>(text[pos + 1] | 0x20);
    if (c != 'a' && c != 'p') return false;
    const std::string_view rest = text.substr(pos + 2, 3);
    const bool m = !rest.empty() && (rest[0] | 0x20) == 'm';
    const bool dotted = rest.size() >= 2 && rest[0] == '.' && (rest[1] | 0x20) == 'm';
    const size_t end = pos + 2 + (dotted ? 2 : m ? 1 : 0);
    return (m || dotted) && (end >= text.size() || !IsAsciiLetter(text[end]));
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
  // that states the date its figures refer to ("As of November 2019, ...",
  // "al 30 de junio de 2023 ..."); a day-precision date right after a figure
  // ("22,630 people on September 30, 2022", "39,000 people in detention on
  // March 1, 2021") binds to that figure alone.
  void SetAsOf(const Document& doc, const std::vector<Entity>& earlier, std::vector<Candidate>& kept) const {
    if (kept.empty() || doc.sentences.empty() || earlier.empty()) return;
    // What each sentence says of its figures' date.
    struct SentenceDates {
      std::string stated;  // "As of November 2019, ...", ISO
      size_t stated_at = 0;  // where that date begins
      std::string opening;  // "In 2023, ...", ISO
    };
    std::map<int, SentenceDates> by_sentence;
    std::map<size_t, const DateValue*> dates;   // begin -> date, for "by that date"
    std::map<size_t, std::string> stock_dates;  // begin of an "on <day>" date -> ISO date
    const std::string_view text = doc.text;
    for (const Entity& e : earlier) {
      const DateValue* d = e.as<DateValue>();
      if (e.type != EntityType::kDate || d == nullptr || !d->placed()) continue;
      dates.emplace(e.span.begin, d);
      if (d->precision == "day" && d->value.find('/') == std::string::npos) stock_dates.emplace(e.span.begin, d->value);
      const int sentence = doc.SentenceAt(e.span.begin);
      if (sentence < 0) continue;
      SentenceDates& said = by_sentence[sentence];
      if (!said.stated.empty()) continue;
      const size_t sb = doc.sentences[static_cast<size_t>(sentence)].begin;
      const size_t from = e.span.begin > sb + 40 ? e.span.begin - 40 : sb;
      std::string lead = Canonical(text.substr(from, e.span.begin - from));
      // The date's span may hold "(the) end of": "as of the end of August 2023".
      const std::string date_text = Canonical(e.text);
      for (std::string_view part : {"the end of", "end of"}) {
        if (date_text.starts_with(part)) {
          lead += lead.empty() ? "" : " ";
          lead += part;
          break;
        }
      }
      // "In 2023, 8,565 people died": a date opening its sentence, then a
      // comma. A stated "as of" later in the sentence may still come.
      if (from == sb && e.span.end < text.size() && text[e.span.end] == ',' &&
          std::find(as_of_openers_.begin(), as_of_openers_.end(), lead) != as_of_openers_.end()) {
        if (said.opening.empty()) said.opening = d->value;
        continue;
      }
      for (const std::string& trigger : as_of_triggers_) {
        if (!lead.ends_with(trigger)) continue;
        if (lead.size() > trigger.size() && IsAsciiLetter(lead[lead.size() - trigger.size() - 1])) continue;
        // "through the first half of 2024": a figure stands at the period's end.
        const size_t slash = d->value.find('/');
        said.stated = slash == std::string::npos ? d->value : d->value.substr(slash + 1);
        said.stated_at = e.span.begin;
        break;
      }
    }
    for (Candidate& c : kept) {
      const std::string& kind = c.value.kind;
      if (kind == "duration" || kind == "measure") continue;
      if (!c.value.as_of.empty()) continue;  // a table cell under a period's heading
      if (const std::string* date = AnaphoricAsOf(doc, dates, c)) {
        c.value.as_of = *date;
        continue;
      }
      if (auto next = stock_dates.lower_bound(c.end);
          next != stock_dates.end() && StockDateFollows(text.substr(c.end, next->first - c.end))) {
        c.value.as_of = next->second;
        continue;
      }
      const auto found = by_sentence.find(doc.SentenceAt(c.begin));
      const SentenceDates none;
      const SentenceDates& said = found == by_sentence.end() ? none : found->second;
      // "8,565 people died ... in 2023", "61% of hearings in FY 2024": a
      // period after the figure in its clause, before any other figure. A
      // sentence's stated date ("As of March 2024, five deaths so far in FY
      // 2024") stands unless the period follows the figure at once ("grew
      // from 15,000 in March 2021 to 39,000 by September 2023").
      if (auto next = dates.lower_bound(c.end); next != dates.end() && next->first < NextFigureBegin(kept, c)) {
        const std::string_view between = text.substr(c.end, next->first - c.end);
        if (said.stated.empty() ? PeriodDateFollows(between) : Canonical(between) == "in") {
          c.value.as_of = next->second->value;
          continue;
        }
      }
      // The sentence's stated "as of" date, else its opening one ("In 2023,
      // ..."); of the two, the opening one for a figure that a semicolon
      // parts from the stated one ("In fiscal year 2024, officers completed
      // 147,000 screenings; ICE held 37,541 people as of September 2024").
      if (!said.stated.empty() && !said.opening.empty()) {
        const size_t at = said.stated_at;
        const std::string_view gap = at < c.begin ? text.substr(at, c.begin - at) : text.substr(c.end, at - c.end);
        c.value.as_of = gap.find(';') == std::string_view::npos ? said.stated : said.opening;
      } else {
        c.value.as_of = said.stated.empty() ? said.opening : said.stated;
      }
    }
  }

  // Returns the begin of the first candidate after `c` in `kept` (in text
  // order), or npos.
  static size_t NextFigureBegin(const std::vector<Candidate>& kept, const Candidate& c) {
    auto it = std::upper_bound(kept.begin(), kept.end(), c.begin,
                               [](size_t pos, const Candidate& k) { return pos < k.begin; });
    return it == kept.end() ? std::string_view::npos : it->begin;
  }

  // Returns true when `between` (the text from a figure to a date) makes
  // the date the period the figure counts: at most twelve words of the same
  // clause, a bracket allowed, ending in a listed word ("died or went
  // missing on migration routes worldwide in", "(main applicants) in the").
  bool PeriodDateFollows(std::string_view between) const {
    if (between.size() > 100 || between.find_first_of(",;:") != std::string_view::npos) return false;
    if (between.find(". ") != std::string_view::npos || between.find('\n') != std::string_view::npos) return false;
    const std::string words = Canonical(between);
    if (std::count(words.begin(), words.end(), ' ') > 12) return false;
    return std::any_of(as_of_period_words_.begin(), as_of_period_words_.end(), [&](const std::string& w) {
      return words == w || (words.ends_with(w) && words[words.size() - w.size() - 1] == ' ');
    });
  }

  // Returns true when `between` (the text from a figure to a day's date)
  // makes the day the figure's: "on", after at most three words of the same
  // clause ("22,630 people on", "39,000 people in detention on").
  static bool StockDateFollows(std::string_view between) {
    if (between.size() > 40 || between.find_first_of(",;:()") != std::string_view::npos) return false;
    if (between.find(". ") != std::string_view::npos) return false;  // "by 2025. On March 3": another sentence
    const std::string words = Canonical(between);
    if (words != "on" && !words.ends_with(" on")) return false;
    return std::count(words.begin(), words.end(), ' ') <= 3;
  }

  // The date a figure's "by that date" / "a esa fecha" later in its sentence
  // points back to: the most precise (then the last) date before the figure
  // in the same or the previous sentence; null without such a phrase.
  const std::string* AnaphoricAsOf(const Document& doc, const std::map<size_t, const DateValue*>& dates,
                                   const Candidate& c) const {
    if (as_of_anaphors_.empty() || dates.empty()) return nullptr;
    const int sentence = doc.SentenceAt(c.begin);
    if (sentence < 0) return nullptr;
    const TextRange& s = doc.sentences[static_cast<size_t>(sentence)];
    if (s.end <= c.end) return nullptr;
    // Most figures have no date before them to point back to: looked up first.
    const size_t floor = sentence > 0 ? doc.sentences[static_cast<size_t>(sentence - 1)].begin : s.begin;
    const auto first = dates.lower_bound(floor);
    if (first == dates.end() || first->first >= c.begin) return nullptr;
    // The normalized text has single spaces; anaphors stand mid-sentence, in
    // lower case: no canonical copy needed.
    const std::string_view rest = std::string_view(doc.text).substr(c.end, std::min<size_t>(s.end - c.end, 160));
    const bool anaphor = std::any_of(as_of_anaphors_.begin(), as_of_anaphors_.end(), [&](const std::string& a) {
      for (size_t at = rest.find(a); at != std::string::npos; at = rest.find(a, at + 1)) {
        const bool left = at == 0 || !IsAsciiLetter(rest[at - 1]);
        const bool right = at + a.size() >= rest.size() || !IsAsciiLetter(rest[at + a.size()]);
        if (left && right) return true;
      }
      return false;
    });
    if (!anaphor) return nullptr;
    auto rank = [](const DateValue* d) { return d->precision == "day" ? 3 : d->precision == "month" ? 2 : 1; };
    const DateValue* best = nullptr;
    for (auto it = first; it != dates.end() && it->first < c.begin; ++it) {
      if (best == nullptr || rank(it->second) >= rank(best)) best = it->second;
    }
    return best != nullptr ? &best->value : nullptr;
  }

  // Returns the non-overlapping candidates: longer first, then higher
  // priority, then earlier; sorted by start.
  static std::vector<Candidate> SelectLongestCandidates(std::vector<Candidate> all) {
    // Indexes are sorted, not the candidates: each holds a value with strings.
    std::vector<uint32_t> order(all.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
    std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
      const Candidate& a = all[x];
      const Candidate& b = all[y];
      const size_t la = a.end - a.begin, lb = b.end - b.begin;
      if (la != lb) return la > lb;
      if (a.pattern->priority != b.pattern->priority) return a.pattern->priority > b.pattern->priority;
      return a.begin < b.begin;
    });
    std::map<size_t, size_t> taken;
    std::vector<uint32_t> chosen;
    for (uint32_t i : order) {
      const Candidate& c = all[i];
      if (c.end <= c.begin) continue;
      auto next = taken.lower_bound(c.begin);
      if (next != taken.end() && next->first < c.end) continue;
      if (next != taken.begin() && std::prev(next)->second > c.begin) continue;
      taken.emplace(c.begin, c.end);
      chosen.push_back(i);
    }
    std::sort(chosen.begin(), chosen.end(), [&](uint32_t x, uint32_t y) { return all[x].begin < all[y].begin; });
    std::vector<Candidate> kept;
    kept.reserve(chosen.size());
    for (uint32_t i : chosen) kept.push_back(std::move(all[i]));
    return kept;
  }


  NounPhraseReader np_;
  std::unordered_map<std::string, std::string> qualifiers_, currencies_, duration_units_, measure_units_,
      postfix_qualifiers_;
  std::unordered_map<std::string, double> multipliers_, denominators_;
  std::unordered_set<std::string> label_words_, street_words_, fraction_blockers_, change_verbs_, times_comparatives_,
      fraction_articles_, of_words_, partitive_pronouns_, decimal_comma_, count_leads_, count_verbs_, count_participles_,
      grouped_count_leads_, size_adjectives_;
  // Range joiner -> the words one of which must open the range ("and":
  // "between", "from"); empty: none needed ("or", "to").
  std::unordered_map<std::string, std::unordered_set<std::string>> range_joiners_;
  // Larger duration unit -> smaller unit -> how many of it make one larger
  // ("year" -> "month" -> 12): "12 years and 11 months" is 155 months.
  std::unordered_map<std::string, std::unordered_map<std::string, double>> compound_durations_;
  std::vector<std::string> as_of_triggers_;  // longest first
  std::vector<std::string> as_of_anaphors_;  // "by that date": the date before the figure
  std::vector<std::string> as_of_openers_;   // "In 2023, ...": a date opening its sentence
  std::vector<std::pair<std::string, TableScale>> table_scales_;  // caption phrase -> scale, longest first
  std::vector<std::string> as_of_period_words_;  // "8,565 people died in 2023": a date after the figure
  SentenceLanguage language_;
  TableReader tables_;
  std::unique_ptr<RE2> table_number_;  // a data cell's number, whole
  std::unique_ptr<RE2> qualifier_before_;  // a qualifier ending where a number starts
  std::unique_ptr<RE2> number_word_;       // one number word ("eight", "twenty-five")
  std::unique_ptr<RE2> code_after_;        // a currency code after an amount ("$500 MXN")
  std::unordered_set<std::string> table_label_headings_;
  Pattern table_pattern_;  // names the figures read from table cells
};

}  // namespace

std::unique_ptr<Finder> MakeStatisticFinder(const PatternPack& pack) {
  return std::make_unique<StatisticFinder>(pack);
}

}  // namespace dossier
