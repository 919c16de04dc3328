#include "pipeline/core/json_io.h"

#include <algorithm>
#include <vector>

#include <cmath>
#include <span>
#include <string>

namespace dossier {

using nlohmann::json;

namespace {

// Adds `key` only when the string is not empty: records stay small and
// absent means "not stated".
void PutIf(json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}

void PutValue(json& j, const DateValue& v) {
  j["value"] = v.value;
  PutIf(j, "precision", v.precision);
  PutIf(j, "mod", v.mod);
  if (v.inferred) j["inferred"] = true;
  if (v.relative) j["relative"] = true;
}

void PutValue(json& j, const StatisticValue& v) {
  j["kind"] = v.kind;
  // Whole numbers are written as integers (71000, not 71000.0).
  if (std::isfinite(v.value) && std::floor(v.value) == v.value && std::fabs(v.value) < 9e15) {
    j["value"] = static_cast<int64_t>(v.value);
  } else {
    j["value"] = v.value;
  }
  PutIf(j, "unit", v.unit);
  PutIf(j, "qualifier", v.qualifier);
  PutIf(j, "subject", v.subject);
  PutIf(j, "as_of", v.as_of);
}

void PutValue(json& j, const StatuteValue& v) {
  j["instrument"] = v.instrument;
  PutIf(j, "provision", v.provision);
  if (v.inferred) j["inferred"] = true;
}

void PutValue(json& j, const CitationValue& v);
void PutValue(json& j, const Boxed<CitationValue>& v) { PutValue(j, v.get()); }

void PutValue(json& j, const CitationValue& v) {
  j["kind"] = v.kind;
  PutIf(j, "case_name", v.case_name);
  PutIf(j, "volume", v.volume);
  PutIf(j, "reporter", v.reporter);
  PutIf(j, "page", v.page);
  PutIf(j, "court", v.court);
  PutIf(j, "year", v.year);
  PutIf(j, "url", v.url);
  PutIf(j, "doi", v.doi);
  PutIf(j, "author", v.author);
  PutIf(j, "title", v.title);
  PutIf(j, "publisher", v.publisher);
  PutIf(j, "date", v.date);
  PutIf(j, "note_label", v.note_label);
}

json MetadataJson(const Metadata& m) {
  json j = json::object();
  PutIf(j, "title", m.title);
  PutIf(j, "author", m.author);
  PutIf(j, "date", m.date);
  PutIf(j, "modified", m.modified);
  PutIf(j, "url", m.url);
  PutIf(j, "language", m.language);
  PutIf(j, "slug", m.slug);
  if (m.page_count > 0) j["page_count"] = m.page_count;
  return j;
}

}  // namespace

json ToJson(const SourceAnchor& a) {
  json j = json::object();
  if (a.byte_offset >= 0) j["offset"] = a.byte_offset;
  if (!a.json_pointer.empty()) j["pointer"] = a.json_pointer;
  if (a.line > 0) j["line"] = a.line;
  if (a.page > 0) j["page"] = a.page;
  if (a.box) j["box"] = {a.box->x, a.box->y, a.box->width, a.box->height};
  return j;
}

json ToJson(const Entity& e) {
  json j;
  j["type"] = EntityTypeName(e.type);
  j["text"] = e.text;
  j["start"] = e.span.begin;
  j["end"] = e.span.end;
  j["source"] = {{"begin", ToJson(e.span.source_begin)}, {"end", ToJson(e.span.source_end)}};
  if (e.sentence >= 0) j["sentence"] = e.sentence;
  PutIf(j, "pattern", e.pattern);
  std::visit([&j](const auto& v) { PutValue(j, v); }, e.value);
  return j;
}

namespace {

json DocumentSourceJson(const Document& doc) {
  json source = {{"path", doc.source_path}, {"sha256", doc.sha256}, {"format", FormatName(doc.format)}};
  PutIf(source, "pointer", doc.locator);
  if (doc.line > 0) source["line"] = doc.line;
  return source;
}

json BlockJson(const Document& doc, const Segment& s, size_t begin, size_t end, const SourceAnchor& anchor) {
  json b = {{"start", doc.offsets.ToNorm(begin)},
            {"end", doc.offsets.ToNormEnd(end)},
            {"role", RoleName(s.role)},
            {"source", ToJson(anchor)}};
  PutIf(b, "label", s.label);
  return b;
}

// Calls `emit` with each block of the record, in order: a segment, or for a
// segment drawn in several boxes (a PDF block's lines) one block per box.
template <typename Emit>
void ForEachBlock(const Document& doc, const Emit& emit) {
  for (const Segment& s : doc.segments) {
    if (s.role == Role::kSeparator) continue;
    const std::span<const BoxRun> runs = doc.BoxesOf(s);
    if (runs.empty()) {
      emit(BlockJson(doc, s, s.begin, s.end, s.anchor));
      continue;
    }
    SourceAnchor anchor = s.anchor;
    for (size_t i = 0; i < runs.size(); ++i) {
      anchor.box = runs[i].box;
      emit(BlockJson(doc, s, i == 0 ? s.begin : runs[i].begin, i + 1 < runs.size() ? runs[i + 1].begin : s.end,
                     anchor));
    }
  }
}

// Returns the record's footnote references: where each marker stood in the
// text, the sentence citing the note, and the marker's page and box.
json NoteRefsJson(const Document& doc) {
  json refs = json::array();
  for (const NoteRef& r : doc.note_refs) {
    const size_t at = doc.offsets.ToNorm(r.raw);
    json j = {{"label", r.label}, {"offset", at}, {"source", ToJson(doc.AnchorOfRaw(r.raw, true))}};
    // The marker follows the last character of the sentence it belongs to.
    if (const int sentence = doc.SentenceAt(at > 0 ? at - 1 : 0); sentence >= 0) j["sentence"] = sentence;
    refs.push_back(std::move(j));
  }
  return refs;
}

json WarningsJson(const Document& doc) {
  json warnings = json::array();
  for (const Warning& w : doc.warnings) {
    warnings.push_back({{"stage", w.stage}, {"code", w.code}, {"message", w.message}});
  }
  return warnings;
}

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

void ForEachBlockJson(const Document& doc, const std::function<void(const nlohmann::json&)>& emit) {
  ForEachBlock(doc, [&](const json& b) { emit(b); });
}

json DocumentSkeleton(const Document& doc, const RecordOptions& options) {
  json j;
  j["record"] = "document";
  j["version"] = kDocumentRecordVersion;
  j["id"] = doc.id;
  j["source"] = DocumentSourceJson(doc);
  j["metadata"] = MetadataJson(doc.metadata);
  if (!doc.note_refs.empty()) j["note_refs"] = NoteRefsJson(doc);
  if (options.include_text) j["text"] = doc.text;
  if (options.include_segments) {
    json blocks = json::array();
    ForEachBlock(doc, [&](json b) { blocks.push_back(std::move(b)); });
    j["blocks"] = std::move(blocks);
  }
  if (options.include_sentences) {
    json sentences = json::array();
    for (const TextRange& r : doc.sentences) sentences.push_back({r.begin, r.end});
    j["sentences"] = std::move(sentences);
  }
  j["entities"] = json::array();
  j["warnings"] = WarningsJson(doc);
  return j;
}

json ToJson(const Document& doc, const RecordOptions& options) {
  json j = DocumentSkeleton(doc, options);
  json& entities = j["entities"];
  for (const Entity& e : doc.entities) entities.push_back(ToJson(e));
  return j;
}

std::string Line(const json& value) { return Dump(value) + "\n"; }

void WriteDocumentLine(const Document& doc, const RecordOptions& options,
                       const std::function<void(std::string_view)>& emit) {
  // Keys in the order nlohmann::json prints an object's (sorted), so the
  // line is byte for byte what Line(ToJson(doc)) would be.
  constexpr size_t kFlushBytes = 64 << 10;
  std::string buf;
  auto flush = [&](bool force) {
    if (buf.size() >= kFlushBytes || (force && !buf.empty())) {
      emit(buf);
      buf.clear();
    }
  };
  auto array = [&](const char* key, size_t n, const auto& item) {
    buf += key;
    buf += '[';
    for (size_t i = 0; i < n; ++i) {
      if (i > 0) buf += ',';
      buf += Dump(item(i));
      flush(false);
    }
    buf += ']';
  };
  buf += '{';
  if (options.include_segments) {
    buf += "\"blocks\":[";
    bool first = true;
    ForEachBlock(doc, [&](const json& b) {
      if (!first) buf += ',';
      first = false;
      buf += Dump(b);
      flush(false);
    });
    buf += "],";
  }
  array("\"entities\":", doc.entities.size(), [&](size_t i) { return ToJson(doc.entities[i]); });
  buf += ",\"id\":" + Dump(doc.id);
  buf += ",\"metadata\":" + Dump(MetadataJson(doc.metadata));
  if (!doc.note_refs.empty()) buf += ",\"note_refs\":" + Dump(NoteRefsJson(doc));
  buf += ",\"record\":\"document\"";
  if (options.include_sentences) {
    buf += ',';
    array("\"sentences\":", doc.sentences.size(),
          [&](size_t i) { return json::array({doc.sentences[i].begin, doc.sentences[i].end}); });
  }
  buf += ",\"source\":" + Dump(DocumentSourceJson(doc));
  if (options.include_text) {
    // The text in pieces cut before a UTF-8 lead byte, each escaped alone.
    buf += ",\"text\":\"";
    const std::string_view text = doc.text;
    for (size_t at = 0; at < text.size();) {
      size_t end = std::min(text.size(), at + kFlushBytes);
      while (end < text.size() && end > at + 1 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
      const std::string piece = Dump(json(text.substr(at, end - at)));
      buf.append(piece, 1, piece.size() - 2);  // without its quotes
      flush(false);
      at = end;
    }
    buf += '"';
  }
  buf += ",\"version\":" + Dump(kDocumentRecordVersion);
  buf += ",\"warnings\":" + Dump(WarningsJson(doc));
  buf += "}\n";
  flush(true);
}

json ToJson(const ErrorRecord& e) {
  json j = {{"record", "error"},
            {"path", e.path},
            {"format", FormatName(e.format_guess)},
            {"stage", e.stage},
            {"code", StatusCodeName(e.code)},
            {"reason", e.reason}};
  PutIf(j, "locator", e.locator);
  return j;
}

namespace {

json ProvenanceJson(const Provenance& p) {
  json j = {{"document", p.document}, {"source", ToJson(p.anchor)}};
  if (p.start >= 0) j["start"] = p.start;
  if (p.end >= 0) j["end"] = p.end;
  PutIf(j, "quote", p.quote);
  return j;
}

json FieldJson(const Field& f) { return {{"value", f.value}, {"provenance", ProvenanceJson(f.provenance)}}; }

void PutField(json& j, const char* key, const Field& f) {
  if (!f.empty()) j[key] = FieldJson(f);
}

// Returns the JSON array of `items`, each through `to_json`.
template <typename T, typename F>
json ArrayOf(const std::vector<T>& items, F to_json) {
  json a = json::array();
  for (const T& item : items) a.push_back(to_json(item));
  return a;
}

json FigureJson(const Figure& f) {
  json j;
  PutValue(j, f.value);
  j["text"] = f.text;
  j["provenance"] = ProvenanceJson(f.provenance);
  return j;
}

json LegalBasisJson(const LegalBasis& l) {
  json x = {{"instrument", l.instrument}};
  PutIf(x, "provision", l.provision);
  PutIf(x, "description", l.description);
  x["provenance"] = ProvenanceJson(l.provenance);
  return x;
}

json SourceJson(const SourceRef& s) {
  json x = {{"kind", s.kind}};
  PutIf(x, "url", s.url);
  PutIf(x, "title", s.title);
  PutIf(x, "publisher", s.publisher);
  PutIf(x, "date", s.date);
  PutIf(x, "text", s.text);
  x["provenance"] = ProvenanceJson(s.provenance);
  return x;
}

json TimelineJson(const TimelineEntry& t) {
  json x = {{"date", t.date}};
  PutIf(x, "precision", t.precision);
  PutIf(x, "title", t.title);
  PutIf(x, "summary", t.summary);
  x["provenance"] = ProvenanceJson(t.provenance);
  return x;
}

json MemberJson(const MemberDocument& d) {
  json x = {{"id", d.id}, {"path", d.path}, {"sha256", d.sha256}, {"format", FormatName(d.format)}};
  PutIf(x, "pointer", d.locator);
  PutIf(x, "title", d.title);
  PutIf(x, "url", d.url);
  PutIf(x, "date", d.date);
  return x;
}

json ConflictJson(const Conflict& c) {
  json x = {{"kind", c.kind}, {"subject", c.subject}};
  PutIf(x, "as_of", c.as_of);
  x["claims"] = ArrayOf(c.claims, FigureJson);
  return x;
}

json DiscrepancyJson(const Discrepancy& d) {
  return {{"code", d.code}, {"pointer", d.pointer}, {"message", d.message},
          {"evidence", ArrayOf(d.evidence, ProvenanceJson)}};
}

}  // namespace

json ToJson(const IncidentRecord& r) {
  json j;
  j["record"] = "incident";
  j["version"] = kIncidentRecordVersion;
  j["id"] = r.id;
  PutIf(j, "slug", r.slug);
  PutIf(j, "url", r.url);
  PutField(j, "title", r.title);
  if (!r.date.empty()) {
    j["date"] = {{"value", r.date.value}, {"provenance", ProvenanceJson(r.date.provenance)}};
    PutIf(j["date"], "precision", r.date.precision);
  }
  if (!r.period_from.empty()) j["period"] = {{"from", r.period_from}, {"to", r.period_to}};
  PutField(j, "summary", r.summary);
  PutField(j, "category", r.category);
  PutField(j, "severity", r.severity);
  PutField(j, "victims", r.victims);
  PutField(j, "perpetrators", r.perpetrators);
  PutField(j, "citation", r.citation);
  j["tags"] = ArrayOf(r.tags, FieldJson);
  j["key_points"] = ArrayOf(r.key_points, FieldJson);
  j["terms"] = r.terms;
  j["figures"] = ArrayOf(r.figures, FigureJson);
  j["legal_basis"] = ArrayOf(r.legal_basis, LegalBasisJson);
  j["sources"] = ArrayOf(r.sources, SourceJson);
  j["timeline"] = ArrayOf(r.timeline, TimelineJson);
  j["documents"] = ArrayOf(r.documents, MemberJson);
  j["conflicts"] = ArrayOf(r.conflicts, ConflictJson);
  j["discrepancies"] = ArrayOf(r.discrepancies, DiscrepancyJson);
  return j;
}

std::string ErrorRecord::ToLine() const {
  std::string line = "dossier: " + path;
  if (!locator.empty()) line += " [" + locator + "]";
  line += ": " + stage + ": " + reason;
  return line;
}

}  // namespace dossier
