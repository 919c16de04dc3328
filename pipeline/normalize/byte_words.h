// Byte words: eight bytes of text tested at once (SWAR), for the
// normalizer's scans past runs of bytes that need no work.
//
// Each test sets the high bit of the bytes it looks for. A borrow may also
// set it in bytes above a true one, never in a byte below, so the lowest set
// byte (FirstFlagged) is always a true one; the rest are hints.
//
// Internal to pipeline/normalize.
//
// Example:
//   const uint64_t w = Load8(p);
//   if (uint64_t f = BytesEqual(w, '-') | BytesBelow(w, ' '); f != 0) return FirstFlagged(f);
#ifndef DOSSIER_PIPELINE_NORMALIZE_BYTE_WORDS_H_
#define DOSSIER_PIPELINE_NORMALIZE_BYTE_WORDS_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace dossier::normalize_internal {

static_assert(std::endian::native == std::endian::little, "byte k of a loaded word is bits 8k..8k+7");

inline constexpr uint64_t kByteOnes = 0x0101010101010101ull;
inline constexpr uint64_t kByteHighs = 0x8080808080808080ull;

// Returns true for the ASCII whitespace the normalizer's steps keep and the
// line joiner rewrites: space, tab, line feed, carriage return, form feed.
constexpr bool IsSpaceByte(uint8_t b) { return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f'; }

// Returns the eight bytes at `p` as one word, byte k in bits 8k..8k+7.
inline uint64_t Load8(const uint8_t* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

// Flags the bytes of `w` below `b` (b at most 0x80).
inline uint64_t BytesBelow(uint64_t w, uint8_t b) { return (w - b * kByteOnes) & ~w & kByteHighs; }

// Flags the bytes of `w` equal to `b`.
inline uint64_t BytesEqual(uint64_t w, uint8_t b) { return BytesBelow(w ^ (b * kByteOnes), 1); }

// Flags the bytes of `w` of 0x80 and above.
inline uint64_t BytesHigh(uint64_t w) { return w & kByteHighs; }

// Returns the index (0..7) of the lowest flagged byte of non-zero `flags`.
inline size_t FirstFlagged(uint64_t flags) { return static_cast<size_t>(std::countr_zero(flags) >> 3); }

}  // namespace dossier::normalize_internal

#endif  // DOSSIER_PIPELINE_NORMALIZE_BYTE_WORDS_H_
