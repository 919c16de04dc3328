#include "pipeline/assemble/record_from_document.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <string_view>
#include <tuple>
#include <utility>

#include "pipeline/assemble/conflicts.h"
#include "pipeline/assemble/key_terms.h"
#include "pipeline/assemble/keys.h"
#include "pipeline/core/text_util.h"

namespace dossier {

namespace {

using nlohmann::json;

// Returns `s` cut to at most `max` bytes at a UTF-8 character boundary.
std::string Cut(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n)) + "\xe2\x80\xa6";  // …
}

std::string PrecisionOf(std::string_view iso) {
  std::string_view first = iso.substr(0, iso.find('/'));
  if (first.size() >= 10) return "day";
  if (first.size() == 7) return "month";
  if (first.size() == 4) return "year";
  return "";
}

// The start of an ISO value or interval ("2019-01/2021-01" -> "2019-01").
std::string_view StartOf(std::string_view iso) { return iso.substr(0, iso.find('/')); }
std::string_view EndOf(std::string_view iso) {
  const size_t slash = iso.find('/');
  return slash == std::string_view::npos ? iso : iso.substr(slash + 1);
}

class Builder {
 public:
  Builder(const Document& doc, const AssembleOptions& options) : doc_(doc), options_(options) {
    for (const Entity& e : doc_.entities) {
      if (e.type == EntityType::kCitation) citations_.push_back(&e);
    }
  }

  IncidentRecord Build() {
    IncidentRecord r;
    MemberDocument m;
    m.id = doc_.id;
    m.path = doc_.source_path;
    m.sha256 = doc_.sha256;
    m.locator = doc_.locator;
    m.title = doc_.metadata.title;
    m.url = doc_.metadata.url;
    m.date = doc_.metadata.date;
    m.format = doc_.format;
    r.documents.push_back(std::move(m));
    r.slug = doc_.metadata.slug;
    r.url = doc_.metadata.url;
    const bool structured = doc_.structured.is_object();
    if (structured) MapStructured(r);
    AttachEntities(r, structured);
    if (r.title.empty()) r.title = TitleFromText();
    if (r.date.empty()) r.date = DateFromText();
    if (r.summary.empty()) r.summary = SummaryFromText();
    if (!doc_.metadata.url.empty() || !doc_.metadata.title.empty()) {
      SourceRef self;
      self.kind = "document";
      self.url = doc_.metadata.url;
      self.title = doc_.metadata.title;
      self.date = doc_.metadata.date;
      self.provenance = DocumentLevel();
      r.sources.push_back(std::move(self));
    }
    std::vector<std::string> terms = KeyTerms(doc_.text, options_.max_terms);
    for (const Field& tag : r.tags) terms.push_back(AsciiLower(tag.value));
    r.terms = std::move(terms);
    if (structured) CheckAgainstProse(r);
    r.id = IncidentId(r.slug, {doc_.id});
    Canonicalize(r);
    return r;
  }

 private:
  // The JSON Pointer of the record object: the locator in a JSON dump;
  // "" for a JSON Lines line (its locator is "line:N", the line is in
  // the anchor) and for whole files.
  std::string Base() const { return doc_.locator.starts_with("/") ? doc_.locator : ""; }

  Provenance DocumentLevel() const {
    Provenance p;
    p.document = doc_.id;
    p.anchor.json_pointer = Base();
    p.anchor.line = doc_.line;
    return p;
  }

  // Provenance of normalized text [begin, end): its anchor and sentence.
  Provenance OfSpan(const Span& span) const {
    Provenance p;
    p.document = doc_.id;
    p.anchor = span.source_begin;
    p.start = static_cast<int64_t>(span.begin);
    p.end = static_cast<int64_t>(span.end);
    const int s = doc_.SentenceAt(span.begin);
    if (s >= 0) {
      const TextRange& r = doc_.sentences[static_cast<size_t>(s)];
      p.quote =
          Cut(std::string_view(doc_.text).substr(r.begin, r.end - r.begin), options_.max_quote);
    } else {
      p.quote = Cut(doc_.Text(span), options_.max_quote);
    }
    return p;
  }

  // Provenance of the structured value at `pointer`: its text span when the
  // extractor made the string a segment, else the pointer alone.
  Provenance OfPointer(const std::string& pointer, std::string_view quote) const {
    Provenance p = DocumentLevel();
    p.anchor.json_pointer = pointer;
    p.quote = Cut(quote, options_.max_quote);
    size_t begin = std::string::npos, end = 0;
    for (const Segment& seg : doc_.segments) {
      if (seg.role == Role::kSeparator || seg.anchor.json_pointer != pointer) continue;
      begin = std::min(begin, doc_.offsets.ToNorm(seg.begin));
      end = std::max(end, doc_.offsets.ToNormEnd(seg.end));
    }
    if (begin != std::string::npos && end > begin) {
      p.anchor.byte_offset = 0;
      p.start = static_cast<int64_t>(begin);
      p.end = static_cast<int64_t>(end);
    }
    return p;
  }

  std::string Member(const json& obj, const char* key) const {
    auto it = obj.find(key);
    if (it == obj.end() || !it->is_string()) return "";
    return it->get<std::string>();
  }

  Field FieldAt(const std::string& key) const {
    Field f;
    f.value = Member(doc_.structured, key.c_str());
    if (!f.value.empty()) f.provenance = OfPointer(Base() + "/" + key, f.value);
    return f;
  }

  bool InCitation(const Span& span) const {
    for (const Entity* c : citations_) {
      if (c->span.Overlaps(span)) return true;
    }
    return false;
  }

  void MapStructured(IncidentRecord& r) {
    const json& s = doc_.structured;
    const std::string base = Base();
    r.title = FieldAt("title");
    r.summary = FieldAt("summary");
    r.category = FieldAt("category");
    r.severity = FieldAt("severity");
    r.victims = FieldAt("victims");
    r.perpetrators = FieldAt("perpetrators");
    r.citation = FieldAt("citation");
    if (r.summary.empty()) r.summary = FieldAt("description");
    const std::string date = Member(s, "date");
    if (!date.empty() && !doc_.metadata.date.empty()) {
      r.date.value = doc_.metadata.date;  // the extractor's ISO reading
      r.date.precision = PrecisionOf(r.date.value);
      r.date.provenance = OfPointer(base + "/date", date);
    }
    auto strings = [&](const char* key, std::vector<Field>& out) {
      auto it = s.find(key);
      if (it == s.end() || !it->is_array()) return;
      for (size_t i = 0; i < it->size(); ++i) {
        if (!(*it)[i].is_string()) continue;
        const std::string v = (*it)[i].get<std::string>();
        const std::string ptr = base + "/" + key + "/" + std::to_string(i);
        out.push_back({v, OfPointer(ptr, v)});
      }
    };
    strings("tags", r.tags);
    strings("keyPoints", r.key_points);
    if (auto it = s.find("internationalLaw"); it != s.end() && it->is_array()) {
      for (size_t i = 0; i < it->size(); ++i) {
        const json& law = (*it)[i];
        if (!law.is_object()) continue;
        const std::string ptr = base + "/internationalLaw/" + std::to_string(i);
        LegalBasis l;
        l.instrument = Member(law, "statute");
        // The statute finder knows canonical names ("UDHR" -> Universal
        // Declaration of Human Rights): use its reading of this very string.
        for (const Entity& e : doc_.entities) {
          const StatuteValue* v = e.as<StatuteValue>();
          if (v != nullptr && e.span.source_begin.json_pointer == ptr + "/statute") {
            l.instrument = v->instrument;
            break;
          }
        }
        l.provision = Member(law, "article");
        l.description = Member(law, "provision");
        if (l.instrument.empty()) continue;
        l.provenance = OfPointer(ptr, Member(law, "statute") + " " + l.provision);
        r.legal_basis.push_back(std::move(l));
      }
    }
    for (const char* key : {"sources", "legalAnalyses"}) {
      auto it = s.find(key);
      if (it == s.end() || !it->is_array()) continue;
      for (size_t i = 0; i < it->size(); ++i) {
        const json& src = (*it)[i];
        if (!src.is_object()) continue;
        SourceRef ref;
        ref.kind = "listed";
        ref.url = Member(src, "url");
        ref.title = Member(src, "title");
        ref.publisher = Member(src, "publisher");
        if (ref.publisher.empty()) ref.publisher = Member(src, "organization");
        ref.date = Member(src, "date");
        if (!PrecisionOf(ref.date).size()) ref.date.clear();
        if (ref.url.empty() && ref.title.empty()) continue;
        ref.provenance = OfPointer(base + "/" + key + "/" + std::to_string(i), ref.title);
        r.sources.push_back(std::move(ref));
      }
    }
    if (auto it = s.find("timeline"); it != s.end() && it->is_array()) {
      for (size_t i = 0; i < it->size(); ++i) {
        const json& t = (*it)[i];
        if (!t.is_object()) continue;
        TimelineEntry e;
        e.date = Member(t, "date").substr(0, 10);
        e.precision = PrecisionOf(e.date);
        if (e.precision.empty()) continue;
        e.title = Member(t, "title");
        e.summary = Member(t, "summary");
        const std::string ptr = base + "/timeline/" + std::to_string(i);
        e.provenance = OfPointer(ptr + "/summary", e.summary);
        e.provenance.anchor.json_pointer = ptr;
        r.timeline.push_back(std::move(e));
      }
    }
  }

  // Figures, statutes, citations and dated sentences from the text.
  void AttachEntities(IncidentRecord& r, bool structured) {
    std::set<std::pair<std::string, std::string>> laws;
    for (const LegalBasis& l : r.legal_basis)
      laws.insert({l.instrument, ProvisionKey(l.provision)});
    std::set<int> dated_sentences;
    const std::string timeline_ptr = Base() + "/timeline/";
    for (const Entity& e : doc_.entities) {
      if (const StatisticValue* v = e.as<StatisticValue>()) {
        if (InCitation(e.span)) continue;
        r.figures.push_back({*v, e.text, OfSpan(e.span)});
      } else if (const StatuteValue* sv = e.as<StatuteValue>()) {
        if (!laws.insert({sv->instrument, ProvisionKey(sv->provision)}).second) continue;
        LegalBasis l;
        l.instrument = sv->instrument;
        l.provision = sv->provision;
        l.provenance = OfSpan(e.span);
        r.legal_basis.push_back(std::move(l));
      } else if (const CitationValue* cv = e.as<CitationValue>()) {
        SourceRef ref;
        ref.kind = "citation";
        ref.url = cv->url;
        ref.title = cv->title;
        ref.publisher = cv->publisher;
        ref.date = cv->date;
        if (ref.url.empty()) ref.text = Cut(e.text, options_.max_quote);
        ref.provenance = OfSpan(e.span);
        r.sources.push_back(std::move(ref));
      } else if (const DateValue* dv = e.as<DateValue>()) {
        if (!dv->placed() || InCitation(e.span)) continue;
        // A structured timeline already dates its own entries.
        if (structured && e.span.source_begin.json_pointer.starts_with(timeline_ptr)) continue;
        if (e.sentence >= 0 && !dated_sentences.insert(e.sentence).second) continue;
        TimelineEntry t;
        t.date = dv->value;
        t.precision = dv->precision.empty() ? PrecisionOf(dv->value) : dv->precision;
        t.provenance = OfSpan(e.span);
        t.summary = t.provenance.quote;
        r.timeline.push_back(std::move(t));
      }
    }
  }

  Field TitleFromText() const {
    for (Role role : {Role::kTitle, Role::kHeading}) {
      for (const Segment& seg : doc_.segments) {
        if (seg.role != role) continue;
        const size_t b = doc_.offsets.ToNorm(seg.begin), e = doc_.offsets.ToNormEnd(seg.end);
        if (e <= b) continue;
        Field f{Cut(std::string_view(doc_.text).substr(b, e - b), 300),
                OfSpan(doc_.MakeSpan(b, e))};
        if (!doc_.metadata.title.empty()) f.value = doc_.metadata.title;
        return f;
      }
    }
    Field f;
    f.value = doc_.metadata.title;
    f.provenance = DocumentLevel();
    if (!f.value.empty()) return f;
    // Plain text has no marked title: a short paragraph near the top that
    // reads like a heading stands in, else the first real sentence, cut at
    // a word boundary.
    if (Field heading = HeadingParagraph(); !heading.empty()) return heading;
    for (const TextRange& s : doc_.sentences) {
      std::string_view text = std::string_view(doc_.text).substr(s.begin, s.end - s.begin);
      const size_t chrome = PageChromeLength(text);
      text.remove_prefix(chrome);
      if (ContentWords(text).size() < 4) continue;
      f.provenance = OfSpan(doc_.MakeSpan(s.begin + chrome, s.end));
      if (text.size() > 120) {
        size_t cut = text.rfind(' ', 120);
        text = text.substr(0, cut == std::string_view::npos || cut < 40 ? 120 : cut);
        f.value = Cut(text, 120) + "\xe2\x80\xa6";
      } else {
        f.value = std::string(text);
      }
      break;
    }
    return f;
  }

  // Returns the length of web-page chrome at the start of `text` ("Skip to
  // main content "), which text copied from a browser often starts with.
  static size_t PageChromeLength(std::string_view text) {
    for (std::string_view chrome : {"skip to main content", "skip to content", "top of page"}) {
      if (text.size() > chrome.size() &&
          AsciiLower(std::string(text.substr(0, chrome.size()))) == chrome) {
        size_t n = chrome.size();
        while (n < text.size() && text[n] == ' ') ++n;
        return n;
      }
    }
    return 0;
  }

  // Returns the first paragraph in the first 2,000 bytes that reads like a
  // heading: 2-15 words, no run-on identifiers, no closing period.
  Field HeadingParagraph() const {
    const std::string_view text = std::string_view(doc_.text).substr(0, 2000);
    size_t begin = 0;
    while (begin < text.size()) {
      size_t end = text.find("\n\n", begin);
      if (end == std::string_view::npos) end = text.size();
      std::string_view para = text.substr(begin, end - begin);
      const size_t words = static_cast<size_t>(std::count(para.begin(), para.end(), ' ')) + 1;
      bool long_token = false;
      size_t run = 0;
      for (char c : para) {
        run = c == ' ' ? 0 : run + 1;
        long_token = long_token || run > 30;
      }
      if (!para.empty() && words >= 2 && words <= 15 && !long_token && para.back() != '.' &&
          para.find('\n') == std::string_view::npos && ContentWords(para).size() >= 2 &&
          std::isupper(static_cast<unsigned char>(para.front())) && end < text.size()) {
        return {std::string(para), OfSpan(doc_.MakeSpan(begin, end))};
      }
      begin = end + 2;
    }
    return {};
  }

  DateField DateFromText() const {
    DateField d;
    const Entity* pick = nullptr;
    for (const Entity& e : doc_.entities) {
      const DateValue* v = e.as<DateValue>();
      if (v == nullptr || !v->placed() || InCitation(e.span)) continue;
      if (!doc_.metadata.date.empty()) {
        if (StartOf(v->value) == doc_.metadata.date) {
          pick = &e;
          break;
        }
        continue;
      }
      // The first day-exact date is most often the event's; else the first.
      if (v->precision == "day" && StartOf(v->value).size() >= 10) {
        pick = &e;
        break;
      }
      if (pick == nullptr) pick = &e;
    }
    if (!doc_.metadata.date.empty()) {
      d.value = doc_.metadata.date;
      d.precision = PrecisionOf(d.value);
      d.provenance = pick ? OfSpan(pick->span) : DocumentLevel();
    } else if (pick != nullptr) {
      d.value = pick->as<DateValue>()->value;
      d.precision = PrecisionOf(d.value);
      d.provenance = OfSpan(pick->span);
    }
    return d;
  }

  Field SummaryFromText() const {
    for (const TextRange& s : doc_.sentences) {
      const Segment* seg = doc_.SegmentAt(s.begin);
      if (seg == nullptr || seg->role != Role::kBody) continue;
      std::string_view text = std::string_view(doc_.text).substr(s.begin, s.end - s.begin);
      if (ContentWords(text).size() < 8) continue;
      Field f;
      f.provenance = OfSpan(doc_.MakeSpan(s.begin, s.end));
      f.value = f.provenance.quote;
      return f;
    }
    return {};
  }

  // Flags structured fields the prose does not bear out.
  void CheckAgainstProse(IncidentRecord& r) const {
    std::set<std::string> stated;  // every date value the text states
    for (const Entity& e : doc_.entities) {
      if (const DateValue* v = e.as<DateValue>(); v != nullptr && !v->relative) {
        stated.insert(std::string(StartOf(v->value)));
        stated.insert(std::string(EndOf(v->value)));
      }
    }
    if (!r.date.empty() && !stated.count(r.date.value)) {
      r.discrepancies.push_back({"unsupported_date",
                                 r.date.provenance.anchor.json_pointer,
                                 "no sentence states the record's date " + r.date.value,
                                 {}});
    }
    for (const TimelineEntry& t : r.timeline) {
      const std::string& ptr = t.provenance.anchor.json_pointer;
      if (!ptr.starts_with(Base() + "/timeline/") || stated.count(t.date)) continue;
      r.discrepancies.push_back({"unsupported_timeline_date",
                                 ptr + "/date",
                                 "no sentence states the timeline date " + t.date,
                                 {}});
    }
    // The victims field's counts against the other prose: same subject
    // class (a bare count in `victims` counts people), same reference date.
    const std::string victims_ptr = Base() + "/victims";
    for (const Figure& v : r.figures) {
      if (v.value.kind != "count" || !v.provenance.anchor.json_pointer.starts_with(victims_ptr))
        continue;
      const std::string subject =
          v.value.subject.empty() ? "people" : SubjectClass(v.value.subject);
      Discrepancy d{"contradicted_figure", v.provenance.anchor.json_pointer, "", {}};
      for (const Figure& f : r.figures) {
        if (f.provenance.anchor.json_pointer.starts_with(victims_ptr) || f.value.kind != "count")
          continue;
        if (f.value.subject.empty() || SubjectClass(f.value.subject) != subject) continue;
        if (!f.value.as_of.empty() && !v.value.as_of.empty() && f.value.as_of != v.value.as_of)
          continue;
        if (SameQuantityDiffers(v.value, f.value)) d.evidence.push_back(f.provenance);
      }
      if (!d.evidence.empty()) {
        d.message = "victims states " + v.text + "; the prose gives a different figure";
        r.discrepancies.push_back(std::move(d));
      }
    }
  }

  const Document& doc_;
  const AssembleOptions& options_;
  std::vector<const Entity*> citations_;
};

auto ProvKey(const Provenance& p) {
  return std::tie(p.document, p.start, p.anchor.json_pointer, p.anchor.page, p.anchor.byte_offset);
}

}  // namespace

IncidentRecord RecordFromDocument(const Document& doc, const AssembleOptions& options) {
  return Builder(doc, options).Build();
}

void Canonicalize(IncidentRecord& r) {
  auto sort_unique = [](auto& v, auto key) {
    std::stable_sort(v.begin(), v.end(),
                     [&](const auto& a, const auto& b) { return key(a) < key(b); });
    v.erase(std::unique(v.begin(), v.end(),
                        [&](const auto& a, const auto& b) { return key(a) == key(b); }),
            v.end());
  };
  // Lists the source wrote in an order keep it within a document; documents
  // come in id order.
  sort_unique(r.tags, [](const Field& f) {
    return std::tuple(f.provenance.document, f.provenance.anchor.json_pointer, f.value);
  });
  sort_unique(r.key_points, [](const Field& f) {
    return std::tuple(f.provenance.document, f.provenance.anchor.json_pointer, f.value);
  });
  // Terms stay in rank order (the text's most frequent first, then tags):
  // merge reads the first ones as the record's main names.
  std::set<std::string> seen_terms;
  std::erase_if(r.terms,
                [&seen_terms](const std::string& t) { return !seen_terms.insert(t).second; });
  sort_unique(r.figures, [](const Figure& f) {
    return std::tuple_cat(ProvKey(f.provenance), std::tie(f.text));
  });
  sort_unique(r.legal_basis, [](const LegalBasis& l) {
    return std::tuple_cat(std::tie(l.instrument), std::tuple(ProvisionKey(l.provision)),
                          ProvKey(l.provenance));
  });
  sort_unique(r.sources, [](const SourceRef& s) {
    return std::tuple_cat(std::tie(s.kind, s.url, s.title, s.text), ProvKey(s.provenance));
  });
  sort_unique(r.timeline, [](const TimelineEntry& t) {
    return std::tuple_cat(std::tie(t.date, t.title, t.summary), ProvKey(t.provenance));
  });
  sort_unique(r.documents, [](const MemberDocument& d) { return d.id; });
  sort_unique(r.discrepancies,
              [](const Discrepancy& d) { return std::tie(d.pointer, d.code, d.message); });
  r.period_from.clear();
  r.period_to.clear();
  auto widen = [&r](std::string_view iso) {
    if (PrecisionOf(iso).empty()) return;
    const std::string from(StartOf(iso)), to(EndOf(iso));
    if (r.period_from.empty() || from < r.period_from) r.period_from = from;
    if (r.period_to.empty() || to > r.period_to) r.period_to = to;
  };
  if (!r.date.empty()) widen(r.date.value);
  for (const TimelineEntry& t : r.timeline) widen(t.date);
}

}  // namespace dossier
