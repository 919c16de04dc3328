#include "pipeline/core/offset_map.h"

#include <algorithm>

namespace dossier {

void OffsetMap::AddUnchanged(size_t length) {
  raw_size_ += length;
  norm_size_ += length;
}

void OffsetMap::AddReplace(size_t raw_length, size_t norm_length) {
  if (raw_length == 0 && norm_length == 0) return;
  // Adjacent replacements of the same shape merge (a run of U+FFFD, of
  // deletions): fewer changes, same mapping at the ends. Different shapes
  // stay apart so the offset between them ("\u00A0\u201C" -> " \"") stays
  // mappable.
  if (!changes_.empty()) {
    Change& last = changes_.back();
    if (last.raw_begin + last.raw_length == raw_size_ &&
        last.norm_begin + last.norm_length == norm_size_ &&
        last.raw_length * norm_length == raw_length * last.norm_length) {
      last.raw_length += raw_length;
      last.norm_length += norm_length;
      raw_size_ += raw_length;
      norm_size_ += norm_length;
      return;
    }
  }
  changes_.push_back({raw_size_, raw_length, norm_size_, norm_length});
  raw_size_ += raw_length;
  norm_size_ += norm_length;
}

namespace {

// Returns the last change whose `key` start is <= offset, or nullptr.
template <typename Changes, typename Key>
auto LastAtOrBefore(const Changes& changes, size_t offset, Key key) {
  auto it = std::upper_bound(changes.begin(), changes.end(), offset,
                             [&](size_t off, const auto& c) { return off < key(c); });
  return it == changes.begin() ? nullptr : &*(it - 1);
}

}  // namespace

size_t OffsetMap::ToRawBegin(size_t norm) const {
  const Change* c = LastAtOrBefore(changes_, norm, [](const Change& x) { return x.norm_begin; });
  if (c == nullptr) return norm;
  if (norm < c->norm_begin + c->norm_length) return c->raw_begin;
  return c->raw_begin + c->raw_length + (norm - c->norm_begin - c->norm_length);
}

size_t OffsetMap::ToRawEnd(size_t norm) const {
  // An end equal to a change's start belongs before the change.
  const Change* c = LastAtOrBefore(changes_, norm == 0 ? 0 : norm - 1,
                                   [](const Change& x) { return x.norm_begin; });
  if (c == nullptr || norm == 0) return norm;
  if (norm <= c->norm_begin + c->norm_length) {
    return c->norm_length == 0 ? c->raw_begin : c->raw_begin + c->raw_length;
  }
  return c->raw_begin + c->raw_length + (norm - c->norm_begin - c->norm_length);
}

size_t OffsetMap::ToNorm(size_t raw) const {
  const Change* c = LastAtOrBefore(changes_, raw, [](const Change& x) { return x.raw_begin; });
  if (c == nullptr) return raw;
  if (raw < c->raw_begin + c->raw_length) return c->norm_begin;
  return c->norm_begin + c->norm_length + (raw - c->raw_begin - c->raw_length);
}

size_t OffsetMap::ToNormEnd(size_t raw) const {
  // An end equal to a change's start belongs before the change.
  if (raw == 0) return 0;
  const Change* c = LastAtOrBefore(changes_, raw - 1, [](const Change& x) { return x.raw_begin; });
  if (c == nullptr) return raw;
  if (raw <= c->raw_begin + c->raw_length) return c->norm_begin + c->norm_length;
  return c->norm_begin + c->norm_length + (raw - c->raw_begin - c->raw_length);
}

}  // namespace dossier
