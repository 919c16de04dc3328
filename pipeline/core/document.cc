#include "pipeline/core/document.h"

#include <algorithm>

namespace dossier {

namespace {

// Returns the segment holding raw offset `raw` (the last one starting at or
// before it), or nullptr when there are no segments.
const Segment* SegmentOfRaw(const std::vector<Segment>& segments, size_t raw) {
  auto it = std::upper_bound(segments.begin(), segments.end(), raw,
                             [](size_t off, const Segment& s) { return off < s.begin; });
  if (it == segments.begin()) return segments.empty() ? nullptr : &segments.front();
  return &*(it - 1);
}

}  // namespace

SourceAnchor Document::AnchorOfRaw(size_t raw, bool is_end) const {
  // An exclusive end is the anchor of the byte before it, plus one.
  const bool after = is_end && raw > 0;
  const size_t byte = after ? raw - 1 : raw;
  SourceAnchor a;
  if (const Segment* seg = SegmentOfRaw(segments, byte)) {
    a = seg->anchor;
    if (!boxes.empty() && byte >= seg->begin) {
      // The last run starting at or before the byte, if it is the segment's.
      auto run = std::upper_bound(boxes.begin(), boxes.end(), byte,
                                  [](size_t off, const BoxRun& r) { return off < r.begin; });
      if (run != boxes.begin() && (run - 1)->begin >= seg->begin) a.box = (run - 1)->box;
    }
    if (!seg->linear || a.byte_offset < 0 || byte < seg->begin) return a;
    a.byte_offset += static_cast<int64_t>(byte - seg->begin);
  } else {
    a.byte_offset = static_cast<int64_t>(byte);
  }
  if (after) a.byte_offset += 1;
  return a;
}

Span Document::MakeSpan(size_t begin, size_t end) const {
  Span s;
  s.begin = std::min(begin, text.size());
  s.end = std::clamp(end, s.begin, text.size());
  s.source_begin = AnchorOfRaw(offsets.ToRawBegin(s.begin), false);
  s.source_end = AnchorOfRaw(offsets.ToRawEnd(s.end), true);
  return s;
}

const Segment* Document::SegmentAt(size_t norm) const {
  return SegmentOfRaw(segments, offsets.ToRawBegin(norm));
}

std::span<const BoxRun> Document::BoxesOf(const Segment& seg) const {
  auto first = std::lower_bound(boxes.begin(), boxes.end(), seg.begin,
                                [](const BoxRun& r, size_t off) { return r.begin < off; });
  auto last = std::lower_bound(first, boxes.end(), seg.end,
                               [](const BoxRun& r, size_t off) { return r.begin < off; });
  return {first, last};
}

int Document::SentenceAt(size_t norm) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), norm,
                             [](size_t off, const TextRange& r) { return off < r.begin; });
  if (it == sentences.begin()) return -1;
  --it;
  return norm < it->end ? static_cast<int>(it - sentences.begin()) : -1;
}

}  // namespace dossier
