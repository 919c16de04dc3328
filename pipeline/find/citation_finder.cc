#include "pipeline/find/citation_finder.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "pipeline/find/footnote_notes.h"
#include "pipeline/find/provision_text.h"

namespace dossier {

namespace {

using nlohmann::json;

// A note counts as one case citation when the case covers this share of it.
constexpr double kCaseNoteShare = 0.7;

std::vector<std::string> Strings(const json& list) {
  std::vector<std::string> out;
  if (list.is_array()) {
    for (const json& v : list) {
      if (v.is_string()) out.push_back(v.get<std::string>());
    }
  }
  return out;
}

struct Found {
  size_t begin = 0, end = 0;
  std::string pattern;
  CitationValue value;
};

// Returns the length of `url` without trailing punctuation and an unbalanced
// closing bracket: "https://x.org/a_(b))." keeps "https://x.org/a_(b)".
size_t UrlLength(std::string_view url) {
  size_t n = url.size();
  while (n > 0) {
    const char c = url[n - 1];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' || c == '"' ||
        c == '*' || c == '_') {
      --n;
      continue;
    }
    if (c == ')') {
      const std::string_view body = url.substr(0, n);
      if (std::count(body.begin(), body.end(), '(') < std::count(body.begin(), body.end(), ')')) {
        --n;
        continue;
      }
    }
    break;
  }
  return n;
}

class CitationFinder final : public Finder {
 public:
  explicit CitationFinder(const PatternPack& pack)
      : genre_words_(Strings(pack.list("genre_words"))),
        vocabulary_{Strings(pack.list("reference_headings")), Strings(pack.list("reference_heading_qualifiers"))},
        openers_{Strings(pack.list("note_signals")), Strings(pack.list("note_short_forms"))} {
    // "See also" before "See": the longest signal is stripped first.
    std::stable_sort(openers_.signals.begin(), openers_.signals.end(),
                     [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    for (const std::string& w : Strings(pack.list("leading_words"))) leading_words_.insert(w);
    const json& reporters = pack.list("reporters");
    if (reporters.is_object()) {
      for (const auto& [abbreviation, court] : reporters.items()) {
        if (court.is_string() && !court.get<std::string>().empty()) {
          reporter_courts_.emplace(WithoutSpaces(abbreviation), court.get<std::string>());
        }
      }
    }
  }

  EntityType type() const override { return EntityType::kCitation; }

  // Returns true for a case name standing on its own line near the top of
  // the document ("ALVARADO-REYES v. WARDEN, SOUTH TEXAS ..., ET AL.", a
  // docket's "Ochoa-Reyes v. Warden, Otay Mesa ... et al"): the caption of
  // the document's own case, not a reference to another work.
  static bool IsOwnCaption(const Document& doc, const Found& f) {
    constexpr size_t kCaptionReach = 2000;  // raw bytes from the top
    const std::string_view raw = doc.raw_text;
    const size_t begin = doc.offsets.ToRawBegin(f.begin), end = doc.offsets.ToRawEnd(f.end);
    if (begin >= kCaptionReach || end > raw.size() || begin > end) return false;
    const size_t line_begin = raw.rfind('\n', begin == 0 ? 0 : begin - 1);
    for (size_t i = line_begin == std::string_view::npos ? 0 : line_begin + 1; i < begin; ++i) {
      if (raw[i] != ' ' && raw[i] != '\t') return false;
    }
    size_t i = end;
    while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t')) ++i;
    return i == raw.size() || raw[i] == '\n' || raw[i] == '\r' || raw[i] == ',';
  }

  void Find(const Document& doc, std::span<const PatternMatch> matches, const std::vector<Entity>& earlier,
            std::vector<Entity>* out) const override {
    std::vector<std::pair<size_t, size_t>> statutes;
    for (const Entity& e : earlier) {
      if (e.type == EntityType::kStatute) statutes.emplace_back(e.span.begin, e.span.end);
    }
    std::sort(statutes.begin(), statutes.end());
    std::vector<NoteRange> notes = FindNotes(doc, vocabulary_, statutes);
    std::vector<Found> found;
    for (const PatternMatch& m : SelectLongest({matches.begin(), matches.end()})) {
      Found f;
      if (!Resolve(doc.text, m, &f)) continue;
      if (m.pattern->id == "citation.case_name" && IsOwnCaption(doc, f)) continue;
      found.push_back(std::move(f));
    }
    // A citation inside a note is part of the note; a note that is one case
    // citation is that case.
    std::vector<bool> note_replaced(notes.size(), false);
    std::vector<Found> kept;
    for (Found& f : found) {
      auto it = std::upper_bound(notes.begin(), notes.end(), f.begin,
                                 [](size_t pos, const NoteRange& n) { return pos < n.begin; });
      const NoteRange* hit = nullptr;
      if (it != notes.end() && it->begin < f.end) hit = &*it;
      if (hit == nullptr && it != notes.begin() && std::prev(it)->end > f.begin) hit = &*std::prev(it);
      if (hit == nullptr) {
        kept.push_back(std::move(f));
        continue;
      }
      const size_t index = static_cast<size_t>(hit - notes.data());
      const double share = static_cast<double>(f.end - f.begin) / static_cast<double>(hit->end - hit->begin);
      if ((f.value.kind == "case" || f.value.kind == "reporter") && share >= kCaseNoteShare &&
          !note_replaced[index]) {
        note_replaced[index] = true;
        f.value.note_label = hit->label;
        kept.push_back(std::move(f));
      }
    }
    for (size_t i = 0; i < notes.size(); ++i) {
      if (note_replaced[i]) continue;
      const NoteRange& n = notes[i];
      Found f;
      f.begin = n.begin;
      f.end = n.end;
      f.pattern = n.label.empty() ? "citation.bibliography_entry" : "citation.footnote";
      f.value.kind = "note";
      f.value.note_label = n.label;
      NoteParts parts =
          ParseNoteParts(std::string_view(doc.text).substr(n.begin, n.end - n.begin), genre_words_, openers_);
      f.value.author = std::move(parts.author);
      f.value.title = std::move(parts.title);
      f.value.publisher = std::move(parts.publisher);
      kept.push_back(std::move(f));
    }
    std::sort(kept.begin(), kept.end(), [](const Found& a, const Found& b) { return a.begin < b.begin; });
    for (Found& f : kept) {
      Entity e;
      e.type = EntityType::kCitation;
      e.span = doc.MakeSpan(f.begin, f.end);
      e.text = doc.text.substr(f.begin, f.end - f.begin);
      e.pattern = std::move(f.pattern);
      e.value = std::move(f.value);
      out->push_back(std::move(e));
    }
  }

  void Link(const Document& /*doc*/, std::vector<Entity>& all) const override {
    struct DateAt {
      size_t begin, end;
      const std::string* value;
    };
    std::vector<DateAt> dates;
    for (const Entity& e : all) {
      if (const DateValue* d = e.as<DateValue>(); d != nullptr && d->placed()) {
        dates.push_back({e.span.begin, e.span.end, &d->value});
      }
    }
    if (dates.empty()) return;
    std::sort(dates.begin(), dates.end(), [](const DateAt& a, const DateAt& b) { return a.begin < b.begin; });
    for (Entity& e : all) {
      CitationValue* c = e.as<CitationValue>();
      if (c == nullptr || c->kind != "note" || !c->date.empty()) continue;
      const NoteParts parts = ParseNoteParts(e.text, genre_words_, openers_);
      auto it = std::lower_bound(dates.begin(), dates.end(), e.span.begin,
                                 [](const DateAt& d, size_t pos) { return d.begin < pos; });
      const std::string* first = nullptr;
      for (; it != dates.end() && it->end <= e.span.end; ++it) {
        const size_t rel = it->begin - e.span.begin;
        const bool in_title = parts.title_begin != std::string::npos && rel >= parts.title_begin &&
                              rel < parts.title_end;
        if (!in_title) {
          first = it->value;
          break;
        }
        if (first == nullptr) first = it->value;
      }
      if (first != nullptr) c->date = *first;
    }
  }

 private:
  // Drops sentence words before a case name ("In Wolf v. ...", "See ...");
  // returns how many bytes to skip, or npos when no name is left.
  // `full_cite`: the name comes with a reporter or year.
  size_t LeadingSkip(std::string_view name, bool full_cite) const {
    // The space or bracket before a name that opens with an accented
    // capital ("Álvarez v. Garland"), where no ASCII word boundary is.
    size_t pos = 0;
    while (pos < name.size() &&
           (std::isspace(static_cast<unsigned char>(name[pos])) || name[pos] == '(' || name[pos] == '[')) {
      ++pos;
    }
    while (pos < name.size()) {
      std::string_view rest = name.substr(pos);
      if (rest.starts_with("In re ") || rest.starts_with("In the Matter") || rest.starts_with("Matter of ") ||
          rest.starts_with("Ex parte ")) {
        break;
      }
      const size_t space = rest.find(' ');
      if (space == std::string_view::npos) break;
      std::string_view word = rest.substr(0, space);
      if (word.ends_with(",")) word.remove_suffix(1);
      if (!leading_words_.contains(word)) break;
      pos += space + 1;
    }
    std::string_view rest = name.substr(pos);
    if (rest.starts_with("v. ") || rest.starts_with("vs. ")) {
      // Every word before "v." was a listed sentence word: the last one is
      // the party when the rest is a full citation ("Plaintiffs v. Mayorkas,
      // 2023 WL 1234567"), and the match is no case name otherwise.
      if (!full_cite || pos == 0) return std::string_view::npos;
      const size_t space = name.substr(0, pos - 1).rfind(' ');
      return space == std::string_view::npos ? 0 : space + 1;
    }
    return pos;
  }

  bool Resolve(const std::string& text, const PatternMatch& m, Found* f) const {
    const std::string& rule = m.pattern->resolve;
    f->begin = m.begin;
    f->end = m.end;
    f->pattern = m.pattern->id;
    CitationValue& v = f->value;
    if (rule == "url" || rule == "doi") {
      const std::string_view whole = std::string_view(text).substr(m.begin, m.end - m.begin);
      f->end = m.begin + UrlLength(whole);
      std::string value(std::string_view(text).substr(m.begin, f->end - m.begin));
      if (value.size() < 8) return false;
      // ANNOTATION.md's kinds have no `doi`: a DOI is an address a reader
      // can open, https://doi.org/<doi>.
      v.kind = "url";
      if (rule == "url") {
        v.url = value;
        const size_t doi = value.find("doi.org/10.");
        if (doi != std::string::npos) v.doi = value.substr(doi + 8);
      } else {
        const size_t ten = value.find("10.");
        v.doi = value.substr(ten == std::string::npos ? 0 : ten);
        v.url = "https://doi.org/" + v.doi;
      }
      return true;
    }
    if (rule != "case" && rule != "reporter") return false;
    v.kind = rule;
    if (m.Has("case_name")) {
      std::string_view name = m.Group("case_name");
      const size_t skip = LeadingSkip(name, m.Has("reporter") || m.Has("year"));
      if (skip == std::string_view::npos) return false;
      if (m.GroupBegin("case_name", text) == m.begin) f->begin += skip;
      name.remove_prefix(skip);
      v.case_name = CollapseSpaces(name);
    }
    v.volume = std::string(m.Group("volume"));
    v.reporter = CollapseSpaces(m.Group("reporter"));
    v.page = std::string(m.Group("page"));
    v.court = CollapseSpaces(m.Group("court"));
    // "585 U.S. 667 (2018)": with no court in the parenthetical, the court is
    // the one the reporter reports (lists.reporters), when it is one.
    if (v.court.empty() && !v.reporter.empty()) {
      auto it = reporter_courts_.find(WithoutSpaces(v.reporter));
      if (it != reporter_courts_.end()) v.court = it->second;
    }
    v.year = std::string(m.Group("year"));
    // "decided Trump v. Hawaii on June 26, 2018": a name alone whose last
    // joined word a day follows ends before the joiner; that word is a month.
    if (v.kind == "case" && v.reporter.empty() && v.year.empty() && v.court.empty() && f->end + 2 < text.size() &&
        text[f->end] == ' ' && std::isdigit(static_cast<unsigned char>(text[f->end + 1])) &&
        m.GroupBegin("case_name", text) + m.Group("case_name").size() == f->end) {
      const size_t last = v.case_name.rfind(' ');
      const size_t joiner = last == std::string::npos ? last : v.case_name.rfind(' ', last - 1);
      if (joiner != std::string::npos) {
        const std::string_view word = std::string_view(v.case_name).substr(joiner + 1, last - joiner - 1);
        if (word == "on" || word == "of" || word == "for" || word == "and") {
          const std::string_view cut = std::string_view(text).substr(f->begin, f->end - f->begin);
          const size_t at = cut.rfind(std::string(" ") + std::string(word) + " ");
          if (at != std::string_view::npos && cut.find(" v") < at) {
            f->end = f->begin + at;
            v.case_name.resize(joiner);
          }
        }
      }
    }
    // "Broncos vs. Raiders", "Mexico vs. Guatemala", "Biden vs. Trump": a
    // name alone written with "vs." (courts and AP style write "v.") whose
    // sides are one word each is a match, a race or a comparison.
    if (v.kind == "case" && v.reporter.empty() && v.year.empty() && v.court.empty()) {
      const size_t vs = v.case_name.find(" vs. ");
      if (vs != std::string::npos) {
        const std::string_view a = std::string_view(v.case_name).substr(0, vs);
        std::string_view b = std::string_view(v.case_name).substr(vs + 5);
        if (b.starts_with("the ")) b.remove_prefix(4);  // "Giants vs. the Dodgers"
        auto one_word = [](std::string_view w) { return w.find(' ') == std::string_view::npos; };
        if (one_word(a) && one_word(b)) return false;
      }
    }
    return true;
  }

  // "F. Supp. 2d" and "F.Supp.2d" are one reporter.
  static std::string WithoutSpaces(std::string_view s) {
    std::string out;
    for (char c : s) {
      if (c != ' ') out.push_back(c);
    }
    return out;
  }

  std::vector<std::string> genre_words_;
  NoteVocabulary vocabulary_;
  NoteOpeners openers_;
  std::set<std::string, std::less<>> leading_words_;
  std::map<std::string, std::string, std::less<>> reporter_courts_;  // "F.Supp.2d" -> its courts
};

}  // namespace

std::unique_ptr<Finder> MakeCitationFinder(const PatternPack& pack) {
  return std::make_unique<CitationFinder>(pack);
}

}  // namespace dossier
