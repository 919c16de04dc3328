#include "pipeline/normalize/nfkc_runs.h"

#include <unicode/bytestream.h>

#include <algorithm>
#include <cstdint>

#include "pipeline/normalize/byte_words.h"

namespace dossier::normalize_internal {
namespace {

// Returns the offset of the first byte of text[i, end) with the high bit
// set, or `end`; eight bytes at a time.
size_t NextNonAscii(const uint8_t* s, size_t i, size_t end) {
  for (; i + 8 <= end; i += 8) {
    if (const uint64_t high = BytesHigh(Load8(s + i)); high != 0) return i + FirstFlagged(high);
  }
  while (i < end && s[i] < 0x80) ++i;
  return i;
}

}  // namespace

void NormalizeNonAsciiRuns(const icu::Normalizer2& normalizer, std::string_view text, std::string& out,
                           icu::Edits& edits, UErrorCode& ec) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  icu::StringByteSink<std::string> sink(&out);
  size_t i = 0;  // everything before is done
  while (i < n && U_SUCCESS(ec)) {
    const size_t non_ascii = NextNonAscii(s, i, n);
    // From the character before: a combining mark may compose with it.
    const size_t begin = non_ascii > i && non_ascii < n ? non_ascii - 1 : non_ascii;
    if (begin > i) {
      out.append(text.data() + i, begin - i);
      edits.addUnchanged(static_cast<int32_t>(begin - i));
    }
    if (non_ascii == n) break;
    // Runs closer than kGap go to ICU together: a call costs about as much
    // as its checks on a few dozen bytes (words of Cyrillic or Greek text).
    constexpr size_t kGap = 64;
    size_t end = non_ascii;
    for (;;) {
      while (end < n && s[end] >= 0x80) ++end;
      const size_t next = NextNonAscii(s, end, std::min(n, end + kGap));
      if (next >= std::min(n, end + kGap)) break;
      end = next;
    }
    normalizer.normalizeUTF8(U_EDITS_NO_RESET,
                             icu::StringPiece(text.data() + begin, static_cast<int32_t>(end - begin)), sink,
                             &edits, ec);
    i = end;
  }
}

}  // namespace dossier::normalize_internal
