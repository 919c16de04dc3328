// Span and SourceAnchor: a piece of normalized text and where it came from.
//
// Every stage after extraction works on a Document's normalized text, and
// every offset in it maps back to a SourceAnchor in the original file:
//   text, Markdown, HTML -> byte offset in the file;
//   PDF                  -> page (1-based) and, when known, the glyph box;
//   JSON, JSON Lines     -> JSON Pointer of the string value (RFC 6901) plus
//                           the byte offset inside the decoded string (and,
//                           for JSON Lines, the line number).
// Document::MakeSpan() fills in both ends' anchors; a span is never built
// by hand with anchors that did not come from the document's map.
#ifndef DOSSIER_PIPELINE_CORE_SPAN_H_
#define DOSSIER_PIPELINE_CORE_SPAN_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace dossier {

// A rectangle on a PDF page, in points from the top-left corner.
struct Box {
  double x = 0, y = 0, width = 0, height = 0;
  bool operator==(const Box&) const = default;
};

// One position in the source file.
struct SourceAnchor {
  // Text, Markdown, HTML: byte offset into the file. JSON: byte offset into
  // the decoded string value named by json_pointer. -1 when unknown.
  int64_t byte_offset = -1;
  std::string json_pointer;  // JSON and JSON Lines only
  int64_t line = 0;          // JSON Lines: 1-based line of the record; else 0
  int page = 0;              // PDF only: 1-based page number; else 0
  std::optional<Box> box;    // PDF only, when the extractor knows the glyphs

  bool operator==(const SourceAnchor&) const = default;
};

// A half-open range [begin, end) of a Document's normalized text (UTF-8 byte
// offsets) together with the source anchors of its first and last bytes.
struct Span {
  size_t begin = 0;
  size_t end = 0;
  SourceAnchor source_begin;  // anchor of byte `begin`
  SourceAnchor source_end;    // anchor just past the last byte (exclusive)

  size_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool Contains(size_t offset) const { return offset >= begin && offset < end; }
  bool Overlaps(const Span& o) const { return begin < o.end && o.begin < end; }
};

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_CORE_SPAN_H_
