// Document: one document taken from a source file, from extraction to output.
//
// Data flows one way through it: an extractor fills the identity, metadata,
// raw text and segments; the normalizer sets `text`, `offsets` and
// `sentences`; finders append `entities`. A file may hold many documents (a
// JSON dump of incidents, a JSON Lines file); each knows its `locator`.
//
// Example:
//   Span s = doc.MakeSpan(10, 26);
//   s.source_begin.byte_offset;   // where "January 25, 2019" starts on disk
#ifndef DOSSIER_PIPELINE_CORE_DOCUMENT_H_
#define DOSSIER_PIPELINE_CORE_DOCUMENT_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/core/entity.h"
#include "pipeline/core/format.h"
#include "pipeline/core/offset_map.h"
#include "pipeline/core/segment.h"
#include "pipeline/core/span.h"

namespace dossier {

// What the source says about itself. Dates are ISO 8601 strings.
struct Metadata {
  std::string title;
  std::string author;
  std::string date;      // published / incident date: the finders' anchor
  std::string modified;
  std::string url;
  std::string language;  // BCP 47 when known
  std::string slug;
  int page_count = 0;    // PDF only
};

// Something that went wrong but did not stop the document (a replaced
// invalid byte sequence, a page without text, a guessed charset).
struct Warning {
  std::string stage;    // "extract", "normalize", ...
  std::string code;     // stable machine-readable name
  std::string message;  // for people
};

// A sentence or other breakable unit of the normalized text.
struct TextRange {
  size_t begin = 0, end = 0;
};

// A footnote marker taken out of the text (PDF): where it stood in raw_text
// (just after the word it followed) and the label of the note it points to,
// so the sentence that cites a note can be found from the note and back.
struct NoteRef {
  size_t raw = 0;
  std::string label;
};

struct Document {
  // Identity.
  std::string id;           // stable: derived from sha256 and locator
  std::string source_path;  // as given on the command line
  std::string sha256;       // of the whole source file's bytes
  Format format = Format::kUnknown;
  std::string locator;      // JSON Pointer of the record in a dump, "" if whole file
  int64_t line = 0;         // JSON Lines: 1-based line; else 0
  // 0: the whole document. Else the 1-based number of a part of a long
  // document extracted in parts (ExtractOptions::part_bytes): parts share
  // identity and metadata, and their texts joined by "\n\n" are the
  // document's text.
  int part = 0;

  Metadata metadata;
  // JSON dumps only: the record object itself, minus its HTML fields (their
  // text is in raw_text), so that assembly can map structured fields
  // (category, sources, timeline, ...) without knowing the extractor.
  // Null for every other format. Not written to the document record.
  nlohmann::json structured;

  // Extraction: the text in reading order, tiled by segments.
  std::string raw_text;
  std::vector<Segment> segments;
  // The boxes inside segments drawn in several (PDF: one run per line of a
  // block), sorted by `begin`; each segment's runs start at its begin.
  std::vector<BoxRun> boxes;
  // Footnote markers taken out of raw_text, in order.
  std::vector<NoteRef> note_refs;

  // Normalization: clean text and its exact map onto raw_text.
  std::string text;
  OffsetMap offsets;
  std::vector<TextRange> sentences;

  std::vector<Entity> entities;
  std::vector<Warning> warnings;

  // Returns a span of normalized text [begin, end) with both source anchors.
  Span MakeSpan(size_t begin, size_t end) const;
  // Returns the source anchor of raw-text offset `raw` (exclusive end when
  // `is_end`: the anchor just past the previous byte).
  SourceAnchor AnchorOfRaw(size_t raw, bool is_end) const;
  // Returns the segment holding normalized offset `norm`, or nullptr.
  const Segment* SegmentAt(size_t norm) const;
  // Returns the box runs of `seg` (empty when it is drawn in one box or none).
  std::span<const BoxRun> BoxesOf(const Segment& seg) const;
  // Returns the index of the sentence holding normalized offset `norm`, or -1.
  int SentenceAt(size_t norm) const;
  // Returns the normalized text of `span`.
  std::string_view Text(const Span& span) const {
    return std::string_view(text).substr(span.begin, span.end - span.begin);
  }
  // Appends `text` to raw_text as a separator segment (no source bytes):
  // how extractors put "\n\n" between parts.
  void AppendSeparator(std::string_view separator_text = "\n\n") {
    Segment sep;
    sep.begin = raw_text.size();
    raw_text += separator_text;
    sep.end = raw_text.size();
    sep.role = Role::kSeparator;
    sep.linear = false;
    segments.push_back(std::move(sep));
  }
  // Appends a warning.
  void Warn(std::string stage, std::string code, std::string message) {
    warnings.push_back({std::move(stage), std::move(code), std::move(message)});
  }
};

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_CORE_DOCUMENT_H_
