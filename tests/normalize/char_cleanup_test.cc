#include "pipeline/normalize/char_cleanup.h"

#include <gtest/gtest.h>
#include <unicode/utf8.h>

#include <string>
#include <string_view>

namespace dossier::normalize_internal {
namespace {

std::string Utf8(UChar32 c) {
  char buf[4];
  int32_t length = 0;
  U8_APPEND_UNSAFE(buf, length, c);
  return std::string(buf, static_cast<size_t>(length));
}

// Every code point the skip claims is one CleanChars keeps unchanged, with
// its full sequence length; the skip covers the scripts it is meant for.
TEST(CharCleanupTest, KeptSequencesAreKeptUnchanged) {
  size_t skipped = 0;
  for (UChar32 c = 0x80; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    const std::string seq = Utf8(c);
    const size_t kept = KeptSequenceLength(seq);
    if (kept == 0) continue;
    ++skipped;
    ASSERT_EQ(kept, seq.size()) << std::hex << c;
    std::string out;
    icu::Edits edits;
    CleanupCounts counts;
    ASSERT_FALSE(CleanChars(seq, out, edits, counts)) << std::hex << c;
    ASSERT_EQ(out, seq) << std::hex << c;
  }
  EXPECT_EQ(skipped, (0x800u - 0x100u) + (0xD800u - 0x4000u) + (0xF000u - 0xE000u));
  for (UChar32 c : {0x44F, 0x5D0, 0x627, 0x4E2D, 0xAC00, 0xD7A3}) EXPECT_NE(KeptSequenceLength(Utf8(c)), 0u) << c;
}

// What it must leave to the decoder: characters CleanChars folds or that
// NFKC and the line joiner care about, and ill-formed or cut sequences.
TEST(CharCleanupTest, KeptSequenceLengthLeavesTheRest) {
  for (std::string_view s : {"", "a", "\xC2\xA0", "\xC2\xAD", "\xC3\xA9", "\xE2\x80\x99", "\xE3\x80\x80",
                             "\xEF\xBB\xBF", "\xED\xA0\x80", "\xD0", "\xD0" "a", "\xE4\xB8", "\xE4" "ab",
                             "\x80\x80", "\xF0\x9F\x98\x80"}) {
    EXPECT_EQ(KeptSequenceLength(s), 0u) << s;
  }
}

// Runs of kept characters between ASCII and folded ones come out right.
TEST(CharCleanupTest, CleansAroundKeptRuns) {
  std::string out;
  icu::Edits edits;
  CleanupCounts counts;
  EXPECT_TRUE(CleanChars("\xD0\x9C\xD0\xB8\xD1\x80 \xE2\x80\x9C\xE4\xB8\xAD\xE6\x96\x87\xE2\x80\x9D\x01 ok", out, edits,
                         counts));
  EXPECT_EQ(out, "\xD0\x9C\xD0\xB8\xD1\x80 \"\xE4\xB8\xAD\xE6\x96\x87\"  ok");
  EXPECT_TRUE(counts.non_ascii);
  EXPECT_EQ(counts.control_chars, 1u);
}

}  // namespace
}  // namespace dossier::normalize_internal
