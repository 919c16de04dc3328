#include "pipeline/find/statute_finder.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "pipeline/find/instrument_index.h"
#include "pipeline/find/provision_text.h"

namespace dossier {

namespace {

using nlohmann::json;

// Instrument kinds that an inferred reference can point back to.
enum Category { kTreaty = 0, kAct, kCode, kConstitution, kAnyStatute, kCategoryCount };

// Returns the categories an instrument of list type `type` belongs to.
std::array<bool, kCategoryCount> CategoriesOf(std::string_view type) {
  std::array<bool, kCategoryCount> c{};
  if (type == "treaty") {
    c[kTreaty] = true;
    return c;
  }
  if (type == "code" || type == "regulation") c[kCode] = true;
  if (type == "constitution") c[kConstitution] = true;
  if (type == "act" || type == "agreement" || type == "bill") c[kAct] = true;
  c[kAnyStatute] = !c[kConstitution];
  return c;
}

// Returns the category that "of the <ref>" points back to.
Category CategoryOfRef(std::string_view ref) {
  if (ref == "Act" || ref == "Statute") return kAct;
  if (ref == "Code") return kCode;
  if (ref == "Constitution") return kConstitution;
  return kTreaty;  // Convention, Covenant, Protocol, Charter
}

// A statute found in the document, kept for the inferred references after it.
struct Mention {
  size_t begin = 0, end = 0;
  std::string pattern;
  std::string type;  // list type of the instrument
  StatuteValue value;
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

class StatuteFinder final : public Finder {
 public:
  explicit StatuteFinder(const PatternPack& pack)
      : index_(pack.list("instruments")),
        leading_words_(StringSet(pack.list("leading_words"))),
        not_before_act_(StringSet(pack.list("not_before_act"))) {
    const json& codes = pack.list("codes");
    if (codes.is_object()) {
      for (const auto& [key, value] : codes.items()) {
        if (value.is_string()) codes_[CodeKey(key)] = value.get<std::string>();
      }
    }
    const json& window = pack.list("treaty_window");
    if (window.is_number_unsigned()) treaty_window_ = window.get<size_t>();
    // "Committee against Torture (CAT)": a capitalized name, then an acronym
    // in parentheses. Bounded word counts keep it linear on long runs of
    // capitals.
    RE2::Options options;
    options.set_log_errors(false);
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
    std::vector<Mention> mentions;
    std::map<std::string, Mention, std::less<>> acronyms;  // defined in this document
    std::vector<const PatternMatch*> inferred;
    for (const PatternMatch& m : matches) {
      if (m.pattern->resolve == "inferred") {
        inferred.push_back(&m);
        continue;
      }
      Mention mention;
      if (!ResolveExplicit(doc.text, m, suppressed, &mention, &acronyms)) continue;
      mentions.push_back(std::move(mention));
    }
    if (!acronyms.empty()) FindAcronyms(doc.text, acronyms, &mentions);
    std::sort(mentions.begin(), mentions.end(),
              [](const Mention& a, const Mention& b) { return a.begin < b.begin; });

    // latest[c][i]: index of the last mention of category c among 0..i, or -1.
    std::array<std::vector<int>, kCategoryCount> latest;
    for (int c = 0; c < kCategoryCount; ++c) latest[c].assign(mentions.size(), -1);
    for (size_t i = 0; i < mentions.size(); ++i) {
      const auto cats = CategoriesOf(mentions[i].type);
      for (int c = 0; c < kCategoryCount; ++c) {
        latest[c][i] = cats[c] ? static_cast<int>(i) : (i > 0 ? latest[c][i - 1] : -1);
      }
    }
    std::vector<Mention> resolved_inferred;
    for (const PatternMatch* m : inferred) {
      Mention mention;
      if (ResolveInferred(doc.text, *m, mentions, latest, &mention)) {
        resolved_inferred.push_back(std::move(mention));
      }
    }
    mentions.insert(mentions.end(), std::make_move_iterator(resolved_inferred.begin()),
                    std::make_move_iterator(resolved_inferred.end()));
    std::sort(mentions.begin(), mentions.end(),
              [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
    for (Mention& mention : mentions) {
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
      if (!leading_words_.contains(bare) && !kJoiners.contains(word)) break;
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

  bool ResolveExplicit(const std::string& text, const PatternMatch& m,
                       const std::set<std::string, std::less<>>& suppressed, Mention* out,
                       std::map<std::string, Mention, std::less<>>* acronyms) const {
    const std::string& rule = m.pattern->resolve;
    out->begin = m.begin;
    out->end = m.end;
    out->pattern = m.pattern->id;
    StatuteValue& v = out->value;
    if (rule == "instrument") {
      std::string_view name = m.Group("instrument");
      if (name.empty()) return false;
      const Instrument* known = index_.Find(name);
      if (known != nullptr && known->abbreviations.end() !=
                                  std::find(known->abbreviations.begin(), known->abbreviations.end(), name) &&
          suppressed.contains(name)) {
        return false;  // "CAT" where the document means its Committee
      }
      // "The Homeland Security Act of 2002": sentence words before a name
      // stay out of the span, listed name or not.
      size_t skip = 0;
      const bool named = TrimInstrument(name, &skip);
      if (known == nullptr && !named) return false;
      if (named && skip > 0) {
        if (m.GroupBegin("instrument", text) == out->begin) out->begin += skip;
        name.remove_prefix(skip);
        if (known == nullptr) known = index_.Find(name);
      }
      v.instrument = known != nullptr ? known->name : CollapseSpaces(name);
      out->type = known != nullptr ? known->type : "act";
      if (m.Has("provision")) v.provision = NormalizeProvision(m.Group("provision"));
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
          def.value.instrument = v.instrument;
          acronyms->emplace(acronym, std::move(def));
        }
      }
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
        if (rule == "code_prose") {
          // "section 1983" -> "§ 1983"
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
      return true;
    }
    if (rule == "fixed") {
      const json& opts = m.pattern->options;
      v.instrument = opts.value("instrument", "");
      if (v.instrument.empty()) return false;
      v.provision = Template(opts.value("provision", ""), m);
      out->type = opts.value("type", "act");
      if (const Instrument* known = index_.Find(v.instrument)) out->type = known->type;
      return true;
    }
    return false;
  }

  // Returns `pattern` with each {group} replaced by that group's text.
  static std::string Template(std::string_view pattern, const PatternMatch& m) {
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
      out += CollapseSpaces(m.Group(pattern.substr(open + 1, close - open - 1)));
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
        mentions->push_back(std::move(m));
      }
      i = j;
    }
  }

  bool ResolveInferred(const std::string& text, const PatternMatch& m, const std::vector<Mention>& mentions,
                       const std::array<std::vector<int>, kCategoryCount>& latest, Mention* out) const {
    std::string_view provision = m.Group("provision");
    if (provision.empty()) return false;
    Category category = kAnyStatute;
    const std::string scope = m.pattern->options.value("scope", "");
    if (m.Has("ref")) {
      category = CategoryOfRef(m.Group("ref"));
    } else {
      if (scope == "treaty") category = kTreaty;
      // "Article 5 of the magazine": the provision belongs to something
      // this finder does not know.
      std::string_view after = std::string_view(text).substr(m.end);
      if (after.starts_with(" of ") || after.starts_with(" in ") || after.starts_with(" to the ")) return false;
    }
    // The last mention starting before this one.
    auto it = std::lower_bound(mentions.begin(), mentions.end(), m.begin,
                               [](const Mention& a, size_t pos) { return a.begin < pos; });
    if (it == mentions.begin()) return false;
    const int at = latest[category][static_cast<size_t>(it - mentions.begin() - 1)];
    if (at < 0) return false;
    const Mention& antecedent = mentions[static_cast<size_t>(at)];
    if (category == kTreaty && m.begin - antecedent.end > treaty_window_) return false;
    out->begin = m.begin;
    out->end = m.end;
    out->pattern = m.pattern->id;
    out->type = antecedent.type;
    out->value.instrument = antecedent.value.instrument;
    out->value.inferred = true;
    std::string normalized = NormalizeProvision(provision);
    // A bare section after "8 U.S.C. § 1225" is in the same title.
    if (antecedent.type == "code" && antecedent.value.provision.starts_with("Title ") &&
        normalized.starts_with("§")) {
      const size_t space = antecedent.value.provision.find(' ', 6);
      normalized = antecedent.value.provision.substr(0, space) + " " + normalized;
    }
    out->value.provision = std::move(normalized);
    return true;
  }

  InstrumentIndex index_;
  std::map<std::string, std::string, std::less<>> codes_;
  std::set<std::string, std::less<>> leading_words_;
  std::set<std::string, std::less<>> not_before_act_;
  size_t treaty_window_ = 1500;
  std::unique_ptr<RE2> definition_;
};

}  // namespace

std::unique_ptr<Finder> MakeStatuteFinder(const PatternPack& pack) {
  return std::make_unique<StatuteFinder>(pack);
}

}  // namespace dossier
