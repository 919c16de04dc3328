// Segment: a run of extracted text, its role and where it came from.
//
// Extractors produce a document's raw text as a sequence of segments that
// tile it. A segment says which part of the document the run is (title,
// heading, footnote...) and where its first byte is in the source. When the
// run is a verbatim copy of source bytes (`linear`), byte k of the run is
// byte anchor.byte_offset + k of the source; otherwise (an HTML entity, a PDF
// block) every byte maps to the segment's anchor, except for the glyph box:
// a segment drawn as several boxes (the lines of a PDF block) lists them as
// BoxRuns in the document, and each byte takes the box of the run holding it.
#ifndef DOSSIER_PIPELINE_CORE_SEGMENT_H_
#define DOSSIER_PIPELINE_CORE_SEGMENT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "pipeline/core/span.h"

namespace dossier {

// What part of a document a run of text is. Finders use it (a footnote is
// read as a whole citation); assembly uses it (titles, timeline entries).
enum class Role {
  kBody = 0,
  kTitle,
  kHeading,
  kListItem,
  kQuote,
  kTable,
  kCaption,
  kFootnote,
  kSeparator,  // text inserted between parts ("\n\n"); maps to no source byte
};

// Returns the stable lower-case name of `role` ("list_item", ...).
std::string_view RoleName(Role role);

// A run of a segment's raw text drawn in one box: the bytes from `begin` up
// to the next run's begin (or the segment's end). A PDF block is one
// segment, each of its lines one run; Document::boxes holds them all, in
// order, so a line costs a box and an offset, not a segment.
struct BoxRun {
  size_t begin = 0;  // raw text offset
  Box box;
  bool operator==(const BoxRun&) const = default;
};

struct Segment {
  size_t begin = 0;  // raw text offsets [begin, end)
  size_t end = 0;
  Role role = Role::kBody;
  SourceAnchor anchor;  // anchor of the first byte (for a PDF block: page, first line's box)
  bool linear = true;
  // A label the extractor knows the part by: a footnote number, a JSON field
  // name ("summary", "keyPoints"), an HTML tag. Informational.
  std::string label;

  // Returns a linear segment of raw text [begin, end) copied verbatim from
  // source byte `byte_offset` (of the string at `json_pointer`, for JSON).
  static Segment Verbatim(size_t begin, size_t end, int64_t byte_offset, Role role = Role::kBody,
                          std::string json_pointer = "", std::string label = "") {
    Segment s;
    s.begin = begin;
    s.end = end;
    s.role = role;
    s.anchor.byte_offset = byte_offset;
    s.anchor.json_pointer = std::move(json_pointer);
    s.label = std::move(label);
    return s;
  }
};

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_CORE_SEGMENT_H_
