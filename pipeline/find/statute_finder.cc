#include "pipeline/find/statute_finder.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>
#include <string>
#include <vector>

#include "pipeline/find/instrument_index.h"
#include "pipeline/find/noun_phrase.h"
#include "pipeline/find/provision_text.h"

namespace dossier {

namespace {

using nlohmann::json;

// Instrument kinds that an inferred reference can point back to.
enum Category {
  kTreaty = 0,   // "of the Convention"
  kArticled,     // a bare "Article 33": treaties, constitutions, civil-law statutes
  kAct,          // "of the Act"
  kCode,         // "of the Code"
  kConstitution,
  kAnyStatute,   // a bare "§ 922(d)"
  kCategoryCount
};

// Returns the categories an instrument of list type `type` belongs to.
std::array<bool, kCategoryCount> CategoriesOf(std::string_view type) {
  std::array<bool, kCategoryCount> c{};
  if (type == "treaty") {
    c[kTreaty] = c[kArticled] = true;
    return c;
  }
  if (type == "code" || type == "regulation") c[kCode] = true;
  if (type == "constitution") c[kConstitution] = c[kArticled] = true;
  if (type == "law") c[kArticled] = true;  // a statute numbered by articles (Ley de Migración)
  if (type == "act" || type == "agreement" || type == "bill" || type == "law") c[kAct] = true;
  c[kAnyStatute] = !c[kConstitution];
  return c;
}

Category CategoryNamed(std::string_view name) {
  if (name == "act") return kAct;
  if (name == "code") return kCode;
  if (name == "constitution") return kConstitution;
  return kTreaty;
}

// A statute found in the document, kept for the inferred references after it.
struct Mention {
  size_t begin = 0, end = 0;
  std::string pattern;
  std::string type;  // list type of the instrument
  StatuteValue value;
  bool generic = false;  // a title-cased Act name not in the list
  // A state's code named without the state ("Penal Code section 1473.7"):
  // the finder prefixes the document's state once all mentions are known.
  bool unnamed_state = false;
  bool california_style = false;  // "Pen. Code": the California Style Manual's abbreviation
  bool default_code = false;      // "Undesignated statutory references are to the Penal Code"
};

bool IsWordByte(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '&'; }

// Returns `text` from offset `begin` of `doc.text` as a string_view.
std::string_view Slice(const std::string& text, size_t begin, size_t end) {
  return std::string_view(text).substr(begin, end - begin);
}

std::set<std::string, std::less<>> StringSet(const json& list) {
  std::set<std::string, std::less<>> out;
  if (list.is_array()) {
    for (const json& v : list) {
      if (v.is_string()) out.insert(v.get<std::string>());
    }
  }
  return out;
}

// The numbers a normalized provision cites, without subsections: "Title 8
// §§ 1158(a)(1), 1231(b)(3)" -> {"1158", "1231"}; "Articles 2-34" -> {"2",
// "34"}; "Section 208(b)(1)(B)(iii)" -> {"208"}. `title` gets "Title 8".
// Provisions that are no section or article ("Fifth Amendment", "84 Fed.
// Reg. 6811") give none.
std::vector<std::string> BaseNumbers(std::string_view provision, std::string* title = nullptr) {
  std::vector<std::string> out;
  std::string_view rest = provision;
  if (rest.starts_with("Title ")) {
    const size_t space = rest.find(' ', 6);
    if (title != nullptr) *title = std::string(rest.substr(0, space));
    if (space == std::string_view::npos) return out;
    rest.remove_prefix(space + 1);
  }
  // The keyword: a section sign or a capitalized word.
  if (rest.starts_with("§")) {
    while (rest.starts_with("§")) rest.remove_prefix(std::string_view("§").size());
  } else {
    static constexpr std::string_view kWords[] = {"Sections ", "Section ", "Articles ", "Article ",
                                                  "Parts ", "Part ", "Paragraphs ", "Paragraph "};
    bool keyword = false;
    for (std::string_view w : kWords) {
      if (rest.starts_with(w)) {
        rest.remove_prefix(w.size());
        keyword = true;
        break;
      }
    }
    if (!keyword) return out;
  }
  size_t i = 0;
  while (i < rest.size() && out.size() < 16) {
    while (i < rest.size() && (rest[i] == ' ' || rest[i] == ',' || rest[i] == '-')) ++i;
    size_t j = i;
    while (j < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[j])) || rest[j] == '.')) ++j;
    std::string_view number = rest.substr(i, j - i);
    while (number.ends_with(".")) number.remove_suffix(1);
    if (!number.empty() && std::isdigit(static_cast<unsigned char>(number[0]))) out.emplace_back(number);
    // Skip the subsections and anything else up to the next item.
    while (j < rest.size() && rest[j] != ',' && rest[j] != '-') ++j;
    i = j;
  }
  return out;
}

// Returns how many digits `number` ("1229b", "240A") starts with.
size_t LeadingDigits(std::string_view number) {
  size_t digits = 0;
  while (digits < number.size() && std::isdigit(static_cast<unsigned char>(number[digits]))) ++digits;
  return digits;
}

// Returns true when `number` (a base number) has four or more leading
// digits: "1225", "2241" are code sections, not the sections of an Act.
bool IsCodeSectionNumber(std::string_view number) { return LeadingDigits(number) >= 4; }

// Returns true when the section number of `provision` ("Title 8 § 235.3(b)",
// "Section 1225(b)") has a dot before its subsections: a regulation's part
// and section.
bool DottedSection(std::string_view provision) {
  size_t at = provision.rfind("\xC2\xA7");  // §
  at = at == std::string_view::npos ? provision.find_first_of("0123456789") : at + 2;
  if (at == std::string_view::npos) return false;
  const size_t end = provision.find_first_of("(,", at);
  return provision.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at).find('.') !=
         std::string_view::npos;
}

// Returns true for an Act's section number that no code title has: at most
// three digits and a capital letter ("240A", "117B"). Codes letter their
// sections in lower case ("8 U.S.C. § 1229b").
bool IsActSectionNumber(std::string_view number) {
  const size_t digits = LeadingDigits(number);
  return digits >= 1 && digits <= 3 && digits < number.size() && std::isupper(static_cast<unsigned char>(number[digits]));
}

// Returns true when `name` holds `word` as a whole word.
bool HasWord(std::string_view name, std::string_view word) {
  for (size_t at = name.find(word); at != std::string_view::npos; at = name.find(word, at + 1)) {
    const bool start = at == 0 || name[at - 1] == ' ';
    const size_t end = at + word.size();
    if (start && (end == name.size() || name[end] == ' ' || name[end] == ',')) return true;
  }
  return false;
}

// The noun of "section 240 of the Act" (lists.reference_nouns).
struct ReferenceNoun {
  Category category = kAct;
  std::vector<std::string> names;  // one must be in the antecedent's name
};

// What the inferred references of one document look back at.
struct Context {
  std::vector<Mention> explicit_mentions;  // sorted by begin once Index() runs
  std::vector<Mention> inferred_mentions;  // resolved so far, in text order
  // A noun the document defines for an instrument: `(the "Act")`.
  std::map<std::string, Mention, std::less<>> defined;
  // Base number ("235", "1252", "33") -> the mentions citing it, by begin.
  std::unordered_map<std::string, std::map<size_t, const Mention*>> by_number;
  struct Stats {
    std::vector<const Mention*> mentions;  // explicit ones, by begin
  };
  std::unordered_map<std::string, Stats> stats;  // by instrument name
  std::vector<const Stats*> ranked;              // most mentioned first

  void AddNumbers(const Mention* m) {
    for (const std::string& number : BaseNumbers(m->value.provision)) by_number[number][m->begin] = m;
  }

  void Index() {
    for (const Mention& m : explicit_mentions) {
      AddNumbers(&m);
      stats[m.value.instrument].mentions.push_back(&m);
    }
    for (const auto& [name, st] : stats) ranked.push_back(&st);
    std::stable_sort(ranked.begin(), ranked.end(), [](const Stats* a, const Stats* b) {
      if (a->mentions.size() != b->mentions.size()) return a->mentions.size() > b->mentions.size();
      return a->mentions.front()->begin < b->mentions.front()->begin;
    });
  }

  void AddInferred(const Mention* m) { AddNumbers(m); }

  // The code a document's bare sections belong to, when it says so.
  const Mention* default_code = nullptr;
};

class StatuteFinder final : public Finder {
 public:
  explicit StatuteFinder(const PatternPack& pack)
      : pack_(pack),
        index_(pack.list("instruments")),
        leading_words_(StringSet(pack.list("leading_words"))),
        not_before_act_(StringSet(pack.list("not_before_act"))),
        year_after_comma_words_(StringSet(pack.list("year_after_comma_words"))),
        not_after_abbreviation_(StringSet(pack.list("not_after_abbreviation"))),
        leading_units_(StringSet(pack.list("leading_units"))) {
    const json& nouns = pack.list("reference_nouns");
    if (nouns.is_object()) {
      for (const auto& [noun, spec] : nouns.items()) {
        if (!spec.is_object()) continue;
        ReferenceNoun r;
        r.category = CategoryNamed(spec.value("category", "act"));
        if (spec.contains("names") && spec["names"].is_array()) {
          for (const json& n : spec["names"]) {
            if (n.is_string()) r.names.push_back(n.get<std::string>());
          }
        }
        nouns_[noun] = std::move(r);
      }
    }
    // The states' names, for a code cited without its state (ResolveStates).
    const json& states = pack.list("state_abbreviations");
    if (states.is_object()) {
      for (const auto& [abbr, name] : states.items()) {
        if (!name.is_string()) continue;
        std::string upper = name.get<std::string>();
        for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        state_names_.push_back(name.get<std::string>());
        state_names_upper_.push_back(std::move(upper));
      }
    }
    const json& codes = pack.list("codes");
    if (codes.is_object()) {
      for (const auto& [key, value] : codes.items()) {
        if (value.is_string()) codes_[CodeKey(key)] = value.get<std::string>();
      }
    }
    const json& window = pack.list("treaty_window");
    if (window.is_number_unsigned()) treaty_window_ = window.get<size_t>();
    const json& adjacent = pack.list("adjacent_window");
    if (adjacent.is_number_unsigned()) adjacent_window_ = adjacent.get<size_t>();
    // "Committee against Torture (CAT)": a capitalized name, then an acronym
    // in parentheses. Bounded word counts keep it linear on long runs of
    // capitals.
    RE2::Options options;
    options.set_log_errors(false);
    if (const std::string ref = pack.fragment("provision_ref"); !ref.empty()) {
      provision_before_ = std::make_unique<RE2>("(" + ref + ")\\s(?:of|under|de|del|de\\sla)\\s(?:the\\s)?$", options);
      if (!provision_before_->ok()) provision_before_.reset();
    }
    pin_before_ = std::make_unique<RE2>(
        "(?:\\bnos?\\.\\s?\\d{1,6}/\\d{2}|cited above|\\b(?:1[89]|20)\\d\\d(?:-[IVX]{1,5})?|\\])\\s?,\\s?$", options);
    definition_ = std::make_unique<RE2>(
        "((?:[A-Z][A-Za-z'.-]*\\s(?:(?:of|for|on|the|and|against|in|to|de|la|del|y)\\s){0,2}){1,10})"
        "\\(([A-Z]{2,8})\\)",
        options);
  }

  EntityType type() const override { return EntityType::kStatute; }

  void Find(const Document& doc, std::span<const PatternMatch> all, const std::vector<Entity>& /*earlier*/,
            std::vector<Entity>* out) const override {
    const std::vector<PatternMatch> matches = SelectLongest({all.begin(), all.end()});
    const std::set<std::string, std::less<>> suppressed = SuppressedAbbreviations(doc.text);

    // Explicit mentions first: inferred ones look back at them.
    Context ctx;
    std::vector<Mention>& mentions = ctx.explicit_mentions;
    std::map<std::string, Mention, std::less<>> acronyms;  // defined in this document
    std::vector<const PatternMatch*> inferred;
    for (const PatternMatch& m : matches) {
      if (m.pattern->resolve == "inferred") {
        inferred.push_back(&m);
        continue;
      }
      Mention mention, extra;
      extra.begin = extra.end = 0;
      if (!ResolveExplicit(doc.text, m, suppressed, &mention, &extra, &acronyms, &ctx.defined)) continue;
      mentions.push_back(std::move(mention));
      if (extra.end > extra.begin) mentions.push_back(std::move(extra));
    }
    if (!acronyms.empty()) FindAcronyms(doc.text, acronyms, &mentions);
    std::sort(mentions.begin(), mentions.end(),
              [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
    CompleteShortNames(&mentions);
    ResolveStates(doc.text, &mentions);

    ctx.Index();
    for (const Mention& m : mentions) {
      if (m.default_code) {
        ctx.default_code = &m;
        break;
      }
    }
    std::vector<Mention>& resolved = ctx.inferred_mentions;
    resolved.reserve(inferred.size());  // stable addresses: ctx indexes them
    // A defined acronym's mention may have taken its provision ("Section 2
    // of the IMA"): an inferred reading of the same words yields to it.
    auto taken = [&](size_t b, size_t e) {
      auto it = std::lower_bound(mentions.begin(), mentions.end(), e,
                                 [](const Mention& a, size_t pos) { return a.begin < pos; });
      for (int steps = 0; it != mentions.begin() && steps < 4; ++steps) {
        --it;
        if (it->end > b) return true;
      }
      return false;
    };
    for (const PatternMatch* m : inferred) {
      Mention mention;
      if (taken(m->begin, m->end)) continue;
      if (ResolveInferred(doc, *m, ctx, &mention)) {
        resolved.push_back(std::move(mention));
        ctx.AddInferred(&resolved.back());
      }
    }
    std::vector<Mention> all_mentions = std::move(mentions);
    all_mentions.insert(all_mentions.end(), std::make_move_iterator(resolved.begin()),
                        std::make_move_iterator(resolved.end()));
    std::sort(all_mentions.begin(), all_mentions.end(),
              [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
    for (Mention& mention : all_mentions) {
      Entity e;
      e.type = EntityType::kStatute;
      e.span = doc.MakeSpan(mention.begin, mention.end);
      e.text = std::string(Slice(doc.text, mention.begin, mention.end));
      e.pattern = std::move(mention.pattern);
      e.value = std::move(mention.value);
      out->push_back(std::move(e));
    }
  }

 private:
  static std::string CodeKey(std::string_view text) {
    std::string key;
    for (char c : text) {
      if (!std::isspace(static_cast<unsigned char>(c))) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return key;
  }

  // Returns the listed abbreviations this document defines as something
  // other than their instrument ("Committee against Torture (CAT)").
  std::set<std::string, std::less<>> SuppressedAbbreviations(const std::string& text) const {
    std::set<std::string, std::less<>> out;
    if (!definition_->ok()) return out;
    // A definition ends at "(ABBR)" and its words cannot run over a "(",
    // digit or punctuation: the regex runs only over the run of words and
    // spaces before each "(ABBR)", not over the whole text.
    auto in_run = [](char c) {
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '\'' || c == '.' || c == '-' || c == ' ' ||
             (c >= '\t' && c <= '\r');
    };
    size_t consumed = 0;
    re2::StringPiece groups[3];
    for (size_t open = text.find('('); open != std::string::npos; open = text.find('(', open + 1)) {
      size_t close = open + 1;
      while (close < text.size() && close - open <= 9 && text[close] >= 'A' && text[close] <= 'Z') ++close;
      if (close - open < 3 || close - open > 9 || close >= text.size() || text[close] != ')') continue;
      if (open < consumed) continue;
      size_t run = open;
      while (run > consumed && in_run(text[run - 1])) --run;
      if (!definition_->Match(text, run, close + 1, RE2::UNANCHORED, groups, 3)) continue;
      consumed = static_cast<size_t>(groups[0].data() - text.data()) + groups[0].size();
      const re2::StringPiece name = groups[1], abbr = groups[2];
      const Instrument* listed = index_.FindAbbreviation(abbr);
      if (listed == nullptr) continue;
      const std::string words = CollapseSpaces(name);
      // The name may carry sentence words before it: try each suffix.
      std::vector<size_t> starts = {0};
      for (size_t p = words.find(' '); p != std::string::npos; p = words.find(' ', p + 1)) {
        starts.push_back(p + 1);
      }
      bool same = false;
      for (size_t start : starts) {
        if (index_.Find(std::string_view(words).substr(start)) == listed) {
          same = true;
          break;
        }
      }
      if (!same) out.insert(std::string(abbr));
    }
    return out;
  }

  // Trims sentence words ("The", "Under", "Congress") from the front of a
  // matched instrument name. Returns false when no name is left.
  bool TrimInstrument(std::string_view text, size_t* skip) const {
    static const std::set<std::string_view> kJoiners = {"the", "of", "and", "for", "on", "in", "to", "from", "&", "de"};
    size_t pos = 0;
    while (pos < text.size()) {
      size_t space = text.find_first_of(" \n\t", pos);
      if (space == std::string_view::npos) break;
      std::string_view word = text.substr(pos, space - pos);
      std::string_view bare = word;
      if (bare.ends_with("'s")) bare.remove_suffix(2);
      if (leading_units_.contains(word)) {
        // "Division BB of the ...": the unit and its identifier.
        const size_t id_end = text.find_first_of(" \n\t", space + 1);
        if (id_end == std::string_view::npos) break;
        space = id_end;
      } else if (!leading_words_.contains(bare) && !kJoiners.contains(word)) {
        break;
      }
      pos = space + 1;
      while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
    }
    *skip = pos;
    std::string_view rest = text.substr(pos);
    // A name needs a word before its "Act"/"Code": "The Act" is no name.
    const size_t last_space = rest.find_last_of(' ');
    if (last_space == std::string_view::npos) return false;
    // "Lawmakers Must Act" is a headline, not a law.
    std::string_view before = rest.substr(0, last_space);
    const size_t prev_space = before.find_last_of(' ');
    std::string_view prev = prev_space == std::string_view::npos ? before : before.substr(prev_space + 1);
    if (rest.ends_with(" Act") && not_before_act_.contains(prev)) return false;
    return true;
  }

  // Returns the listed instrument `name` names, or nullptr; an
  // abbreviation the document defines as something else counts as none.
  const Instrument* Listed(std::string_view name, const std::set<std::string, std::less<>>& suppressed) const {
    const Instrument* known = index_.Find(name);
    if (known != nullptr && suppressed.contains(name) &&
        std::find(known->abbreviations.begin(), known->abbreviations.end(), name) != known->abbreviations.end()) {
      return nullptr;
    }
    return known;
  }

  // Resolves one explicit match into `out`; a second instrument joined to
  // the first in one generic match ("the INA and the Homeland Security Act")
  // goes to `extra`. `acronyms` and `defined` collect the document's own
  // short names. Returns false when the match is no statute.
  bool ResolveExplicit(const std::string& text, const PatternMatch& m,
                       const std::set<std::string, std::less<>>& suppressed, Mention* out, Mention* extra,
                       std::map<std::string, Mention, std::less<>>* acronyms,
                       std::map<std::string, Mention, std::less<>>* defined) const {
    const std::string& rule = m.pattern->resolve;
    out->begin = m.begin;
    out->end = m.end;
    if (m.Has("span")) {
      out->begin = m.GroupBegin("span", text);
      out->end = out->begin + m.Group("span").size();
    }
    out->pattern = m.pattern->id;
    StatuteValue& v = out->value;
    if (rule == "instrument") {
      std::string_view name = m.Group("instrument");
      if (name.empty()) return false;
      const size_t name_begin = m.GroupBegin("instrument", text);
      const bool name_ends_match = name_begin + name.size() == out->end;
      const Instrument* known = index_.Find(name);
      // "CAT" where the document means its Committee; but a Committee has
      // no articles: "CAT Article 3" is the Convention's.
      if (known != nullptr && Listed(name, suppressed) == nullptr && !m.Has("provision")) return false;
      // "CAT/C/GC/4", "CMW/C/GC/4-CRC/C/GC/23": an abbreviation inside a
      // UN document symbol names a treaty body's paper, not the treaty.
      if (known != nullptr && name_ends_match && name.size() <= 8) {
        const size_t after = name_begin + name.size();
        if ((after < text.size() && text[after] == '/') ||
            (name_begin > 0 && (text[name_begin - 1] == '/' || text[name_begin - 1] == '-'))) {
          return false;
        }
      }
      // "APA style", "a CAT scan": the word after an abbreviation standing
      // alone shows it names something else.
      if (known != nullptr && name_ends_match && name.size() <= 8 &&
          std::all_of(name.begin(), name.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); })) {
        const std::optional<Word> next = NounPhraseReader::NextWord(text, name_begin + name.size());
        if (next && next->begin > name_begin + name.size() && not_after_abbreviation_.contains(next->lower)) {
          return false;
        }
      }
      // "The Homeland Security Act of 2002": sentence words before a name
      // stay out of the span, listed name or not.
      size_t skip = 0;
      const bool named = TrimInstrument(name, &skip);
      if (known == nullptr && !named) return false;
      if (named && skip > 0) {
        if (name_begin == out->begin) out->begin += skip;
        name.remove_prefix(skip);
        if (known == nullptr) known = index_.Find(name);
      }
      if (known == nullptr) {
        // "Coalition Warns ... Defies the Refugee Act": a headline's
        // capitalized words run into a listed name; the name is the
        // longest listed tail of two words or more. Names joined by "and"
        // are SplitJoined's ("the INA and the Homeland Security Act").
        for (size_t sp = name.find(' '); sp != std::string_view::npos && known == nullptr; sp = name.find(' ', sp + 1)) {
          const std::string_view tail = name.substr(sp + 1);
          if (tail.find(' ') == std::string_view::npos) break;
          const std::string_view head = name.substr(0, sp + 1);
          if (head.find(" and ") != std::string_view::npos || head.find(" & ") != std::string_view::npos) break;
          if (std::islower(static_cast<unsigned char>(tail.front()))) continue;  // "the Refugee Act": from "Refugee"
          if (const Instrument* listed = index_.Find(tail)) {
            if (static_cast<size_t>(name.data() - text.data()) == out->begin) out->begin += sp + 1;
            name = tail;
            known = listed;
          }
        }
      }
      if (known == nullptr && !SplitJoined(text, m, suppressed, &name, out, extra)) return false;
      if (known == nullptr) known = index_.Find(name);
      if (known == nullptr && name_ends_match) {
        // "Consolidated Appropriations Act, 2022" keeps its year; "the
        // Clean Air Act, 2019 was ..." does not.
        const size_t comma = name.rfind(", ");
        if (comma != std::string_view::npos && name.size() - comma == 6 &&
            std::all_of(name.end() - 4, name.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
          bool keeps = false;
          for (const std::string& w : year_after_comma_words_) keeps = keeps || HasWord(name.substr(0, comma), w);
          if (!keeps) {
            out->end -= name.size() - comma;
            name = name.substr(0, comma);
          }
        }
      }
      v.instrument = known != nullptr ? known->name : CollapseSpaces(name);
      out->type = known != nullptr ? known->type : "act";
      out->generic = known == nullptr;
      if (m.Has("provision")) {
        // A bare number after an Act's abbreviation is a section ("INA 208(a)").
        const std::string_view provision = m.Group("provision");
        v.provision = std::isdigit(static_cast<unsigned char>(provision.front())) ? NormalizeCodeSection(provision)
                                                                                  : NormalizeProvision(provision);
      }
      std::string_view paren = m.Group("paren");
      if (!paren.empty()) {
        // "(IEEPA)": the document's own short name for the instrument.
        std::string acronym;
        for (char c : paren) {
          if (std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '&') {
            acronym += c;
          } else if (c != '(' && c != ')' && c != ' ' && c != '"' && c != '\'') {
            acronym.clear();
            break;
          }
        }
        if (acronym.size() >= 2 && index_.FindAbbreviation(acronym) == nullptr) {
          Mention def;
          def.type = out->type;
          def.generic = out->generic;
          def.value.instrument = v.instrument;
          acronyms->emplace(acronym, std::move(def));
        }
        // `(the "Act")`: the noun that "section 240 of the Act" means.
        std::string_view noun = paren;
        auto strip = [&noun] {
          while (!noun.empty() && (noun.front() == '(' || noun.front() == ' ' || noun.front() == '"' || noun.front() == '\'')) noun.remove_prefix(1);
          while (!noun.empty() && (noun.back() == ')' || noun.back() == ' ' || noun.back() == '"' || noun.back() == '\'')) noun.remove_suffix(1);
        };
        strip();
        if (noun.starts_with("the ")) noun.remove_prefix(4);
        strip();
        if (nouns_.contains(noun) && !defined->contains(noun)) {
          Mention def = *out;
          defined->emplace(std::string(noun), std::move(def));
        }
      }
      return true;
    }
    if (rule == "state_bill") {
      const std::string_view chamber = m.Group("chamber");
      if (chamber.empty() || !m.Has("number")) return false;
      v.instrument = std::string(1, chamber[0]) + ".B. " + std::string(m.Group("number"));
      out->type = "bill";
      return true;
    }
    if (rule == "code" || rule == "code_prose" || rule == "code_title") {
      std::string code = "United States Code";
      if (m.Has("code")) {
        auto it = codes_.find(CodeKey(m.Group("code")));
        if (it != codes_.end()) code = it->second;
      }
      v.instrument = code;
      out->type = "code";
      std::string provision = "Title " + std::string(m.Group("title"));
      if (m.Has("section")) {
        std::string_view section = m.Group("section");
        if ((rule == "code_prose" || rule == "code") && (section.starts_with("s") || section.starts_with("S"))) {
          // "section 1983", "8 U.S.C. Sec. 1103" -> "§ 1983"; "Part 208" stays a part
          const size_t space = section.find(' ');
          section = space == std::string_view::npos ? section : section.substr(space + 1);
        }
        provision += " " + NormalizeCodeSection(section);
      }
      if (m.Has("suffix")) {
        std::string suffix = CollapseSpaces(m.Group("suffix"));
        if (suffix.starts_with(",")) suffix = CollapseSpaces(std::string_view(suffix).substr(1));
        provision += suffix.starts_with("note") ? " note" : " et seq.";
      }
      v.provision = std::move(provision);
      return true;
    }
    if (rule == "bill") {
      std::string_view bill = m.Has("bill") ? m.Group("bill") : m.Group("bill2");
      if (bill.empty()) return false;
      const size_t bill_begin = static_cast<size_t>(bill.data() - text.data());
      // "540 U.S. 503" is a reporter, not Senate bill 503.
      if (bill.starts_with("S") && bill_begin > 0 &&
          (text[bill_begin - 1] == '.' || IsWordByte(text[bill_begin - 1]))) {
        return false;
      }
      // "Eur. Ct. H.R. 2012", "Inter-Am. Comm'n H.R. 5": a human-rights
      // court's reporter, not House bill 2012; nor is "410 U. S. 113" (the
      // U.S. Reports as older opinions space them) Senate bill 113.
      const std::string_view before = std::string_view(text).substr(0, bill_begin);
      if (bill.starts_with("S") && before.ends_with(" U. ")) return false;
      if (bill.starts_with("H.") && (before.ends_with("Ct. ") || before.ends_with("Comm'n ") ||
                                     before.ends_with("Ct.") || before.ends_with("Comm'n"))) {
        return false;
      }
      std::string prefix, number;
      for (char c : bill) {
        if (std::isdigit(static_cast<unsigned char>(c))) {
          number += c;
        } else if (!std::isspace(static_cast<unsigned char>(c))) {
          prefix += c;
        }
      }
      v.instrument = prefix + " " + number;
      out->type = "bill";
      // "The REMAIN in Mexico Act of 2025 (H.R. 273)": the sentence's "The"
      // is not part of the name.
      std::string_view name = m.Group("name");
      size_t skip = 0;
      if (!name.empty() && m.GroupBegin("name", text) == out->begin && TrimInstrument(name, &skip)) {
        out->begin += skip;
      }
      return true;
    }
    if (rule == "public_law") {
      v.instrument = "Pub. L. No. " + std::string(m.Group("congress")) + "-" + std::string(m.Group("number"));
      out->type = "act";
      if (const std::string_view division = m.Group("division"); !division.empty()) {
        v.provision = "Division " + std::string(division);
        if (const std::string_view section = m.Group("section"); !section.empty()) {
          v.provision += " " + NormalizeProvision(section);
        }
      }
      return true;
    }
    if (rule == "state_code") return ResolveStateCode(m, out);
    if (rule == "unnamed_state_code") return ResolveUnnamedCode(text, m, out);
    if (rule == "fixed") {
      const json& opts = m.pattern->options;
      v.instrument = Template(opts.value("instrument", ""), m);  // "{kind} ({body}) {number}"
      if (v.instrument.empty()) return false;
      const std::string provision = opts.value("provision", "");
      v.provision = Template(provision, m);
      if (!provision.empty() && v.provision.empty()) return false;  // a {group|list} the list lacks
      // "Fifth and Fourteenth Amendments": each item of a list takes the
      // noun ("Fifth Amendment, Fourteenth Amendment").
      if (const std::string each = opts.value("each", ""); !each.empty()) {
        std::string items;
        for (std::string_view rest = v.provision; !rest.empty();) {
          size_t cut = rest.size(), skip = 0;
          for (std::string_view sep : {", and ", " and ", ", "}) {
            if (const size_t at = rest.find(sep); at < cut) {
              cut = at;
              skip = sep.size();
            }
          }
          if (!items.empty()) items += ", ";
          items += std::string(rest.substr(0, cut)) + each;
          rest.remove_prefix(std::min(rest.size(), cut + skip));
        }
        v.provision = std::move(items);
      }
      // "Article 43 of Directive 2013/32/EU": a provision the text names.
      if (provision.empty() && m.Has("provision")) v.provision = NormalizeProvision(m.Group("provision"));
      out->type = opts.value("type", "act");
      if (const Instrument* known = index_.Find(v.instrument)) out->type = known->type;
      return true;
    }
    return false;
  }

  // Returns the entry `key` of the pack's list `list`, or null.
  const std::string* ListEntry(std::string_view list, const std::string& key) const {
    const json& l = pack_.list(list);
    if (!l.is_object()) return nullptr;
    auto it = l.find(key);
    return it != l.end() && it->is_string() ? it->get_ptr<const std::string*>() : nullptr;
  }

  // "Cal. Welf. & Inst. Code § 300", "Mass. Gen. Laws ch. 93A, § 2": a
  // state's code by its abbreviation. The name is the instrument list's when
  // it knows the abbreviation, else spelled out word by word
  // (lists.code_words); a code called only "Code" is "Code of <State>".
  bool ResolveStateCode(const PatternMatch& m, Mention* out) const {
    const std::string state_abbr = CollapseSpaces(m.Group("state"));
    const std::string* state = ListEntry("state_abbreviations", state_abbr);
    if (state == nullptr) return false;
    const std::string code = CollapseSpaces(m.Group("code"));
    StatuteValue& v = out->value;
    if (const Instrument* known = index_.Find(state_abbr + " " + code + std::string(m.Group("annotated")))) {
      v.instrument = known->name;
    } else if (const Instrument* bare = index_.Find(state_abbr + " " + code)) {
      v.instrument = bare->name;
    } else if (code == "Code") {
      v.instrument = "Code of " + *state;
    } else {
      v.instrument = *state + " " + SpellOut(code);
    }
    if (m.Has("subject")) v.instrument += ", " + SpellOut(CollapseSpaces(m.Group("subject")));
    std::string provision;
    if (m.Has("title")) provision = "Title " + std::string(m.Group("title")) + " ";
    if (m.Has("unit")) {
      const std::string_view unit = m.Group("unit");
      provision += unit.starts_with("tit") ? "Title " : unit.starts_with("art") ? "Article " : "Chapter ";
      provision += std::string(m.Group("chapter")) + " ";
    }
    v.provision = provision + NormalizeCodeSection(m.Group("section"));
    out->type = "code";
    return true;
  }

  // "Penal Code section 1473.7", "(Health & Saf. Code, § 11351)": a state's
  // code without the state, which ResolveStates supplies.
  bool ResolveUnnamedCode(const std::string& text, const PatternMatch& m, Mention* out) const {
    const std::string_view code = m.Group("code");
    const size_t code_begin = m.GroupBegin("code", text);
    const bool declared = m.pattern->options.value("default", false);
    if (!declared && !m.Has("lead") && !m.Has("section")) return false;
    // "Model Penal Code", "Cal. Penal Code", "Turkish Penal Code": a
    // capitalised word before the name makes it another instrument.
    if (!m.Has("lead") && !declared) {
      size_t end = code_begin;
      while (end > 0 && text[end - 1] == ' ') --end;
      size_t begin = end;
      while (begin > 0 && !std::isspace(static_cast<unsigned char>(text[begin - 1])) && text[begin - 1] != '(') {
        --begin;
      }
      const std::string_view word = Slice(text, begin, end);
      if (end < code_begin && !word.empty() && std::isupper(static_cast<unsigned char>(word.front())) &&
          !leading_words_.contains(word)) {
        return false;
      }
    }
    std::string name = SpellOut(CollapseSpaces(code));
    if (name.starts_with("Code ") && !name.starts_with("Code of ")) name = "Code of " + name.substr(5);
    StatuteValue& v = out->value;
    v.instrument = std::move(name);
    if (declared) {
      out->begin = code_begin;
      out->end = code_begin + code.size();
      out->default_code = true;
    } else {
      v.provision = NormalizeCodeSection(m.Has("lead") ? m.Group("lead") : m.Group("section"));
    }
    out->type = "code";
    out->unnamed_state = true;
    out->california_style = code.find('.') != std::string_view::npos;
    return true;
  }

  // Prefixes each unnamed state code with its state: California for the
  // California Style Manual's abbreviations ("Pen. Code"); else the state of
  // the same code cited by name; else the document's state: California when
  // it writes any code the Manual's way, else the first state its text
  // names, else the state whose codes it cites by name. With none, the code
  // keeps its bare name.
  void ResolveStates(const std::string& text, std::vector<Mention>* mentions) const {
    bool any = false;
    for (const Mention& m : *mentions) any = any || m.unnamed_state;
    if (!any) return;
    auto state_of = [&](std::string_view instrument) -> std::string {
      for (const std::string& s : state_names_) {
        if (instrument.starts_with(s) && instrument.size() > s.size() && instrument[s.size()] == ' ') return s;
        if (instrument.starts_with("Code of ") && instrument.substr(8) == s) return s;
      }
      return {};
    };
    // A state's code cited by name gives the state of the same code
    // cited without it ("Tex. Penal Code § 22.01" ... "Penal Code section 22.02").
    auto named_same = [&](const Mention& unnamed) -> std::string {
      for (const Mention& m : *mentions) {
        if (m.type != "code" || m.unnamed_state || !m.value.instrument.ends_with(unnamed.value.instrument)) continue;
        if (std::string s = state_of(m.value.instrument); !s.empty()) return s;
      }
      return {};
    };
    std::string state;  // the document's
    for (const Mention& m : *mentions) {
      if (m.california_style) state = "California";
    }
    // Else the first state the text names, as a caption writes it too
    // ("IN THE COURT OF APPEAL OF THE STATE OF CALIFORNIA").
    if (state.empty()) {
      size_t first = std::string::npos;
      for (size_t k = 0; k < state_names_.size(); ++k) {
        const std::string& s = state_names_[k];
        for (const std::string* spelling : std::array<const std::string*, 2>{&s, &state_names_upper_[k]}) {
          for (size_t at = text.find(*spelling); at != std::string::npos && at < first;
               at = text.find(*spelling, at + 1)) {
            const size_t end = at + s.size();
            // "Washington, D.C." is the capital, not the state.
            const std::string_view after = std::string_view(text).substr(end);
            if ((at == 0 || !IsWordByte(text[at - 1])) && (end == text.size() || !IsWordByte(text[end])) &&
                !after.starts_with(", D.C.") && !after.starts_with(" D.C.") && !after.starts_with(" DC")) {
              first = at;
              state = s;
              break;
            }
          }
        }
      }
    }
    // Else the state whose codes the document cites by name.
    for (const Mention& m : *mentions) {
      if (!state.empty()) break;
      if (m.type == "code" && !m.unnamed_state) state = state_of(m.value.instrument);
    }
    for (Mention& m : *mentions) {
      if (!m.unnamed_state) continue;
      std::string own = m.california_style ? std::string("California") : named_same(m);
      if (own.empty()) own = state;
      if (!own.empty()) m.value.instrument = own + " " + m.value.instrument;
    }
  }

  // "Welf. & Inst. Code" -> "Welfare and Institutions Code" (lists.code_words).
  std::string SpellOut(const std::string& words) const {
    std::string out;
    size_t i = 0;
    while (i < words.size()) {
      size_t space = words.find(' ', i);
      if (space == std::string::npos) space = words.size();
      const std::string word = words.substr(i, space - i);
      i = space + 1;
      if (word == "Ann.") continue;
      const std::string* spelled = ListEntry("code_words", word);
      if (!out.empty()) out += ' ';
      out += spelled != nullptr ? *spelled : word;
    }
    return out;
  }

  // Returns `pattern` with each {group} replaced by that group's text, and
  // each {group|list} by the group's entry in the pack's list of that name
  // ("{amend|amendment_ordinals} Amendment": "XIV" -> "Fourteenth
  // Amendment"); "" when a list lacks the entry.
  std::string Template(std::string_view pattern, const PatternMatch& m) const {
    std::string out;
    size_t i = 0;
    while (i < pattern.size()) {
      const size_t open = pattern.find('{', i);
      const size_t close = open == std::string_view::npos ? open : pattern.find('}', open);
      if (close == std::string_view::npos) {
        out += pattern.substr(i);
        break;
      }
      out += pattern.substr(i, open - i);
      const std::string_view field = pattern.substr(open + 1, close - open - 1);
      const size_t bar = field.find('|');
      const std::string group = CollapseSpaces(m.Group(field.substr(0, bar)));
      if (bar == std::string_view::npos) {
        out += group;
      } else {
        const std::string* entry = ListEntry(field.substr(bar + 1), group);
        if (entry == nullptr) return {};
        out += *entry;
      }
      i = close + 1;
    }
    return out;
  }

  // Adds every whole-word use of an acronym the document defined, outside
  // the mentions already found.
  void FindAcronyms(const std::string& text, const std::map<std::string, Mention, std::less<>>& acronyms,
                    std::vector<Mention>* mentions) const {
    std::vector<std::pair<size_t, size_t>> taken;
    taken.reserve(mentions->size());
    for (const Mention& m : *mentions) taken.emplace_back(m.begin, m.end);
    std::sort(taken.begin(), taken.end());
    auto overlaps = [&](size_t b, size_t e) {
      auto it = std::upper_bound(taken.begin(), taken.end(), std::make_pair(b, SIZE_MAX));
      if (it != taken.end() && it->first < e) return true;
      return it != taken.begin() && std::prev(it)->second > b;
    };
    size_t i = 0;
    while (i < text.size()) {
      if (!IsWordByte(text[i])) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < text.size() && IsWordByte(text[j])) ++j;
      auto it = acronyms.find(Slice(text, i, j));
      if (it != acronyms.end() && !overlaps(i, j)) {
        Mention m = it->second;
        m.begin = i;
        m.end = j;
        m.pattern = "statute.defined_abbreviation";
        // "Section 2 of the IMA": a provision of the acronym's instrument.
        const size_t from = i > 80 ? i - 80 : 0;
        re2::StringPiece provision;
        if (provision_before_ != nullptr &&
            RE2::PartialMatch(re2::StringPiece(text.data() + from, i - from), *provision_before_, &provision) &&
            !overlaps(static_cast<size_t>(provision.data() - text.data()), i)) {
          m.begin = static_cast<size_t>(provision.data() - text.data());
          m.value.provision = NormalizeProvision(std::string_view(provision.data(), provision.size()));
        }
        mentions->push_back(std::move(m));
      }
      i = j;
    }
  }

  // "from Build Back Better to the Inflation Reduction Act": "from A to B"
  // names two things, and the Act is the last; "the INA and the Homeland
  // Security Act of 2002": a listed instrument joined to the Act after it
  // is a mention of its own (`extra`). Narrows `name` and `out` to the Act.
  // Returns false when no name is left.
  bool SplitJoined(const std::string& text, const PatternMatch& m,
                   const std::set<std::string, std::less<>>& suppressed, std::string_view* name, Mention* out,
                   Mention* extra) const {
    if (m.Has("provision")) return true;  // "section 5 of the INA and ..." stays whole
    const size_t name_begin = static_cast<size_t>(name->data() - text.data());
    if (name_begin != out->begin) return true;
    std::string_view before = std::string_view(text).substr(0, name_begin);
    while (!before.empty() && std::isspace(static_cast<unsigned char>(before.back()))) before.remove_suffix(1);
    const bool from = before.size() >= 4 && AsciiLower(before.substr(before.size() - 4)) == "from" &&
                      (before.size() == 4 || !IsWordByte(before[before.size() - 5]));
    if (from) {
      const size_t to = name->rfind(" to ");
      if (to != std::string_view::npos) {
        size_t cut = to + 4;
        if (name->substr(cut).starts_with("the ")) cut += 4;
        size_t skip = 0;
        if (!TrimInstrument(name->substr(cut), &skip)) return false;
        cut += skip;
        name->remove_prefix(cut);
        out->begin = name_begin + cut;
        return true;
      }
    }
    static constexpr std::string_view kJoiners[] = {" and the ", " or the ", " and ", " or ", " & "};
    for (size_t at = name->find(' '); at != std::string_view::npos; at = name->find(' ', at + 1)) {
      for (std::string_view joiner : kJoiners) {
        if (!name->substr(at).starts_with(joiner)) continue;
        const Instrument* first = Listed(name->substr(0, at), suppressed);
        if (first == nullptr) break;
        size_t cut = at + joiner.size();
        size_t skip = 0;
        if (!TrimInstrument(name->substr(cut), &skip)) break;
        cut += skip;
        extra->begin = name_begin;
        extra->end = name_begin + at;
        extra->pattern = m.pattern->id;
        extra->type = first->type;
        extra->value.instrument = first->name;
        name->remove_prefix(cut);
        out->begin = name_begin + cut;
        return true;
      }
    }
    return true;
  }

  // "Inflation Reduction Act" in a document that also names the
  // "Inflation Reduction Act of 2022" is that Act, as a listed short alias
  // would be; an unlisted short name with two dated namesakes stays as is.
  static void CompleteShortNames(std::vector<Mention>* mentions) {
    std::map<std::string, std::string, std::less<>> full;  // short name -> dated name, "" if ambiguous
    for (const Mention& m : *mentions) {
      if (!m.generic) continue;
      const std::string& name = m.value.instrument;
      size_t cut = std::string::npos;
      if (name.size() > 8 && std::all_of(name.end() - 4, name.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        if (name.compare(name.size() - 8, 4, " of ") == 0) cut = name.size() - 8;
        if (name.compare(name.size() - 6, 2, ", ") == 0) cut = name.size() - 6;
      }
      if (cut == std::string::npos) continue;
      auto [it, inserted] = full.emplace(name.substr(0, cut), name);
      if (!inserted && it->second != name) it->second.clear();
    }
    if (full.empty()) return;
    for (Mention& m : *mentions) {
      if (!m.generic) continue;
      auto it = full.find(m.value.instrument);
      if (it != full.end() && !it->second.empty()) m.value.instrument = it->second;
    }
  }

  // Returns whether `a` can be what a reference of `category` (with `noun`,
  // or nullptr) points back to.
  static bool Fits(const Mention& a, Category category, const ReferenceNoun* noun) {
    if (!CategoriesOf(a.type)[category]) return false;
    if (noun == nullptr) return true;
    for (const std::string& word : noun->names) {
      if (HasWord(a.value.instrument, word)) return true;
    }
    return false;
  }

  // Resolves a provision whose instrument is named elsewhere ("section 240
  // of the Act", a bare "§ 1226", "Article 33" under a treaty heading), as a
  // lawyer reads it: the instrument named in the same sentence; else the one
  // that cited that number before; else (for "of the Act") the one the
  // document defines as "the Act", else its most cited one of that kind;
  // else (a bare section) for a four-digit code section the code title cited
  // last, else the statute named last.
  bool ResolveInferred(const Document& doc, const PatternMatch& m, const Context& ctx, Mention* out) const {
    const std::string& text = doc.text;
    std::string_view provision = m.Group("provision");
    if (provision.empty()) return false;
    // "A.A. v. Switzerland, no. 32218/17, §§ 51-59", "cited above, § 158",
    // "15 November 1996, § 113": a European court's paragraph pin, after an
    // application number, "cited above" or a judgment's date.
    if (provision.starts_with("\xC2\xA7")) {
      const size_t from = m.begin > 40 ? m.begin - 40 : 0;
      if (RE2::PartialMatch(std::string_view(text).substr(from, m.begin - from), *pin_before_)) return false;
    }
    std::string normalized = NormalizeProvision(provision);
    const std::vector<std::string> numbers = BaseNumbers(normalized);
    const std::string_view number = numbers.empty() ? std::string_view() : std::string_view(numbers.front());
    const bool code_number = IsCodeSectionNumber(number);
    const bool act_number = IsActSectionNumber(number);
    Category category = kAnyStatute;
    const ReferenceNoun* noun = nullptr;
    const std::string scope = m.pattern->options.value("scope", "");
    // A bare "section N" needs N cited before, unless N is plainly a law's:
    // a four-digit code section or one with subsections ("Section 1326",
    // "Section 212(d)(5)"), which a report's own sections never are.
    const bool word_section = m.pattern->options.value("require_same_number", false);
    // "ARTICLE 3 OF THE CONVENTION": a heading's capitals name the same noun.
    std::string ref(m.Group("ref"));
    auto upper = [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; };
    if (ref.size() > 1 && std::all_of(ref.begin(), ref.end(), upper)) {
      for (size_t i = 1; i < ref.size(); ++i) {
        ref[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(ref[i])));
      }
    }
    // "s. 97": the abbreviation, as British and Canadian courts write it,
    // names a law's section; no report numbers its own sections so.
    const bool abbreviated = provision.starts_with("s.") || provision.starts_with("ss.");
    const bool require_same = word_section && !code_number && !abbreviated && normalized.find('(') == std::string::npos;
    if (m.Has("ref")) {
      auto it = nouns_.find(ref);
      if (it == nouns_.end()) return false;
      noun = &it->second;
      category = noun->category;
    } else {
      if (scope == "treaty") category = kArticled;
      // "Article 5 of the magazine": the provision belongs to something
      // this finder does not know.
      std::string_view after = std::string_view(text).substr(m.end);
      // "under section 1252(e)(3) in time": after the word "section", "in"
      // goes on with the sentence, not to what the provision belongs to.
      for (std::string_view w : {" of ", " in ", " to the ", " de ", " del "}) {
        if (after.starts_with(w) && !(word_section && w == " in ")) return false;
      }
    }
    const auto& explicit_mentions = ctx.explicit_mentions;
    const auto before = std::lower_bound(explicit_mentions.begin(), explicit_mentions.end(), m.begin,
                                         [](const Mention& a, size_t pos) { return a.begin < pos; });
    // A four-digit section is a code's, not an Act's, unless that Act cited it.
    // "section 240A" is an Act's, never a code title's. A code title's
    // section has the shape of the one cited: "1182(d)(5)" a code's,
    // "235.3" a regulation's part and section (8 U.S.C. vs 8 C.F.R.).
    const bool dotted = DottedSection(normalized);
    auto fits = [&](const Mention& a) {
      const bool titled_code = a.type == "code" && a.value.provision.starts_with("Title ");
      return Fits(a, category, noun) && !(code_number && a.type != "code" && noun == nullptr) &&
             !(act_number && titled_code) && !(titled_code && DottedSection(a.value.provision) != dotted);
    };
    // The last fitting explicit mention before this one (a bounded walk back).
    auto latest = [&](auto&& accept) -> const Mention* {
      auto it = before;
      for (int steps = 0; it != explicit_mentions.begin() && steps < 64; ++steps) {
        --it;
        if (accept(*it)) return &*it;
      }
      return nullptr;
    };
    const Mention* antecedent = nullptr;
    // "section 117B of the 2002 Act": the Act of that year named before.
    if (const std::string_view year = m.Group("ref_year"); !year.empty()) {
      antecedent = latest([&](const Mention& a) { return fits(a) && a.value.instrument.ends_with(year); });
      if (antecedent == nullptr) return false;
    }
    // "section 17(b)(3) of the Penal Code": the instrument named before
    // whose name holds those words ("California Penal Code").
    if (const std::string_view words = m.Group("ref_words"); !words.empty()) {
      const std::string name = std::string(words) + " " + ref;
      antecedent = latest([&](const Mention& a) { return fits(a) && a.value.instrument.find(name) != std::string::npos; });
      if (antecedent == nullptr) return false;
    }
    // The instrument that cited this number before ("Section 212(f) of
    // the INA" ... "Proclamation 10888 cites Section 212(f)").
    const Mention* numbered = nullptr;
    if (!number.empty()) {
      auto found = ctx.by_number.find(std::string(number));
      if (found != ctx.by_number.end()) {
        auto it = found->second.lower_bound(m.begin);
        for (int steps = 0; it != found->second.begin() && steps < 8; ++steps) {
          --it;
          if (Fits(*it->second, category, noun)) {
            numbered = it->second;
            break;
          }
        }
      }
    }
    // A provision with subsections that an instrument cited before is that
    // instrument's, even when another is named in the sentence.
    const bool specific = numbered != nullptr && normalized.find('(') != std::string::npos;
    if (antecedent == nullptr && !require_same && !specific) {
      const Mention* last = latest(fits);
      if (last != nullptr && doc.SentenceAt(last->begin) == doc.SentenceAt(m.begin) && doc.SentenceAt(m.begin) >= 0) {
        antecedent = last;
      }
    }
    if (antecedent == nullptr && category == kArticled && before != explicit_mentions.begin()) {
      // "Convention Against Torture / Article 3": an article right after a
      // treaty's bare name (a heading, a label), with no other statute
      // between, is that treaty's.
      const Mention& prev = *std::prev(before);
      if (fits(prev) && prev.value.provision.empty() && m.begin >= prev.end &&
          m.begin - prev.end <= adjacent_window_) {
        antecedent = &prev;
      }
    }
    if (antecedent == nullptr) antecedent = numbered;
    // "(§ 32)" in an opinion whose note says "Undesignated statutory
    // references are to the Penal Code".
    if (antecedent == nullptr && noun == nullptr && scope == "statute") antecedent = ctx.default_code;
    if (antecedent == nullptr && require_same) return false;
    // "claims under § 1983": a section known by its number alone
    // (lists.named_code_sections) is that U.S. Code section.
    if (antecedent == nullptr && noun == nullptr && scope == "statute" && !number.empty()) {
      if (const std::string* title = ListEntry("named_code_sections", std::string(number))) {
        out->begin = m.begin;
        out->end = m.end;
        out->pattern = m.pattern->id;
        out->type = "code";
        out->value.instrument = "United States Code";
        out->value.provision = "Title " + *title + " " + normalized;
        out->value.inferred = true;
        return true;
      }
    }
    if (antecedent == nullptr && noun != nullptr) {
      auto def = ctx.defined.find(ref);
      if (def != ctx.defined.end() && def->second.begin < m.begin) antecedent = &def->second;
    }
    if (antecedent == nullptr && noun != nullptr) {
      // The document's most cited instrument of that kind named before
      // here; of two cited as often, the one named last.
      size_t best_count = 0, best_last = 0;
      for (size_t i = 0; i < ctx.ranked.size() && i < 64; ++i) {
        const auto& list = ctx.ranked[i]->mentions;
        if (antecedent != nullptr && list.size() < best_count) break;
        if (list.front()->begin >= m.begin || !fits(*list.front())) continue;
        auto last = std::lower_bound(list.begin(), list.end(), m.begin,
                                     [](const Mention* a, size_t pos) { return a->begin < pos; });
        const Mention* candidate = *std::prev(last);
        if (antecedent == nullptr || candidate->begin > best_last) {
          antecedent = candidate;
          best_count = list.size();
          best_last = candidate->begin;
        }
      }
    }
    if (antecedent == nullptr && code_number) {
      antecedent = latest([&](const Mention& a) { return a.type == "code" && a.value.provision.starts_with("Title ") && fits(a); });
    }
    if (antecedent == nullptr) {
      antecedent = latest(fits);
      if (antecedent != nullptr && category == kArticled && m.begin - antecedent->end > treaty_window_) return false;
    }
    if (antecedent == nullptr) return false;
    out->begin = m.begin;
    out->end = m.end;
    out->pattern = m.pattern->id;
    out->type = antecedent->type;
    out->value.instrument = antecedent->value.instrument;
    out->value.inferred = true;
    // A bare section after "8 U.S.C. § 1225" is in the same title.
    if (antecedent->type == "code" && antecedent->value.provision.starts_with("Title ")) {
      for (std::string_view word : {"Sections ", "Section "}) {
        if (normalized.starts_with(word)) {
          normalized = std::string(word.size() == 9 ? "§§ " : "§ ") + normalized.substr(word.size());
          break;
        }
      }
      if (normalized.starts_with("§")) {
        const size_t space = antecedent->value.provision.find(' ', 6);
        normalized = antecedent->value.provision.substr(0, space) + " " + normalized;
      }
    }
    out->value.provision = std::move(normalized);
    return true;
  }

  const PatternPack& pack_;  // outlives the finder (EntityFinder owns both)
  InstrumentIndex index_;
  std::map<std::string, std::string, std::less<>> codes_;
  std::vector<std::string> state_names_, state_names_upper_;  // "New York", "NEW YORK"
  std::set<std::string, std::less<>> leading_words_;
  std::set<std::string, std::less<>> not_before_act_;
  std::set<std::string, std::less<>> year_after_comma_words_;
  std::set<std::string, std::less<>> not_after_abbreviation_;  // "style" (APA style), "scan" (CAT scan)
  std::set<std::string, std::less<>> leading_units_;
  std::map<std::string, ReferenceNoun, std::less<>> nouns_;
  size_t treaty_window_ = 1500;
  size_t adjacent_window_ = 300;
  std::unique_ptr<RE2> definition_;
  std::unique_ptr<RE2> pin_before_;  // what stands before a court's "§ 158" pin
  std::unique_ptr<RE2> provision_before_;  // "Section 2 of the " before a defined acronym
};

}  // namespace

std::unique_ptr<Finder> MakeStatuteFinder(const PatternPack& pack) {
  return std::make_unique<StatuteFinder>(pack);
}

}  // namespace dossier
