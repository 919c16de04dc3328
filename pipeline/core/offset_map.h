// OffsetMap: the exact map between two versions of a text.
//
// Normalization rewrites text (NFKC, quotes, whitespace...). OffsetMap records
// each rewrite as a change of a `raw` range into a `norm` range, with the
// bytes in between unchanged, so any offset maps both ways in O(log n).
// Offsets inside a replaced range map to its start (or, for exclusive ends,
// to its end): a replacement is atomic.
//
// Example:
//   OffsetMap map;
//   map.AddUnchanged(3);      // "abc"
//   map.AddReplace(3, 1);     // "\u2019" (3 bytes) -> "'"
//   map.ToRaw(4) == 6; map.ToNorm(6) == 4;
#ifndef DOSSIER_PIPELINE_CORE_OFFSET_MAP_H_
#define DOSSIER_PIPELINE_CORE_OFFSET_MAP_H_

#include <cstddef>
#include <vector>

namespace dossier {

class OffsetMap {
 public:
  // Appends `length` bytes that are the same on both sides.
  void AddUnchanged(size_t length);
  // Appends a rewrite of `raw_length` bytes into `norm_length` bytes.
  void AddReplace(size_t raw_length, size_t norm_length);

  size_t raw_size() const { return raw_size_; }
  size_t norm_size() const { return norm_size_; }
  // Returns the number of replacements recorded.
  size_t change_count() const { return changes_.size(); }
  // Calls f(raw_begin, raw_length, norm_begin, norm_length) for every
  // replacement, in text order (a finder looking for what normalization
  // folded away, such as the column gaps of a plain-text table).
  template <typename F>
  void ForEachChange(F&& f) const {
    for (const Change& c : changes_) f(c.raw_begin, c.raw_length, c.norm_begin, c.norm_length);
  }

  // Returns the raw offset of normalized offset `norm` taken as the start of
  // a range (inside a replacement: the replacement's raw start).
  size_t ToRawBegin(size_t norm) const;
  // Returns the raw offset of normalized offset `norm` taken as the exclusive
  // end of a range (inside a replacement: the replacement's raw end).
  size_t ToRawEnd(size_t norm) const;
  // Returns the normalized offset of raw offset `raw` (inside a replacement:
  // the replacement's normalized start).
  size_t ToNorm(size_t raw) const;
  // Returns the normalized offset of raw offset `raw` taken as the exclusive
  // end of a range (inside a replacement: the replacement's normalized end).
  // It differs from ToNorm where text was inserted at `raw` (" - " for a
  // dash between words): an end stays before the insertion, a start after.
  size_t ToNormEnd(size_t raw) const;

 private:
  struct Change {
    size_t raw_begin, raw_length, norm_begin, norm_length;
  };
  std::vector<Change> changes_;
  size_t raw_size_ = 0;
  size_t norm_size_ = 0;
};

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_CORE_OFFSET_MAP_H_
