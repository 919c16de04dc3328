#include "pipeline/core/offset_map.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

// "ab’cd" (’ is 3 bytes) normalized to "ab'cd".
OffsetMap QuoteMap() {
  OffsetMap m;
  m.AddUnchanged(2);
  m.AddReplace(3, 1);
  m.AddUnchanged(2);
  return m;
}

TEST(OffsetMapTest, IdentityWhenNothingChanged) {
  OffsetMap m;
  m.AddUnchanged(10);
  for (size_t i = 0; i <= 10; ++i) {
    EXPECT_EQ(m.ToRawBegin(i), i);
    EXPECT_EQ(m.ToRawEnd(i), i);
    EXPECT_EQ(m.ToNorm(i), i);
  }
}

TEST(OffsetMapTest, ReplacementMapsBothWays) {
  OffsetMap m = QuoteMap();
  EXPECT_EQ(m.raw_size(), 7u);
  EXPECT_EQ(m.norm_size(), 5u);
  EXPECT_EQ(m.ToRawBegin(2), 2u);  // the quote starts where ’ starts
  EXPECT_EQ(m.ToRawEnd(3), 5u);    // and ends where ’ ends
  EXPECT_EQ(m.ToRawBegin(3), 5u);  // 'c'
  EXPECT_EQ(m.ToRawEnd(5), 7u);
  EXPECT_EQ(m.ToNorm(3), 2u);      // inside ’ maps to its start
  EXPECT_EQ(m.ToNorm(5), 3u);
}

TEST(OffsetMapTest, InsertionSeparatesAnEndFromTheNextStart) {
  // "half\u201429" -> "half - 29": a space inserted, the dash folded, a
  // space inserted. Raw 4 is both the end of "half" and the start of "-".
  OffsetMap m;
  m.AddUnchanged(4);
  m.AddReplace(0, 1);
  m.AddReplace(3, 1);
  m.AddReplace(0, 1);
  m.AddUnchanged(2);
  EXPECT_EQ(m.ToNormEnd(4), 4u);  // "half" ends before the inserted space
  EXPECT_EQ(m.ToNorm(4), 5u);     // "-" starts after it
  EXPECT_EQ(m.ToNormEnd(5), 6u);  // inside the dash: its end
  EXPECT_EQ(m.ToNormEnd(7), 6u);  // "-" ends before the second space
  EXPECT_EQ(m.ToNorm(7), 7u);     // "29" starts after it
  EXPECT_EQ(m.ToNormEnd(9), 9u);
  EXPECT_EQ(m.ToNormEnd(0), 0u);
  EXPECT_EQ(m.ToRawEnd(4), 4u);
  EXPECT_EQ(m.ToRawBegin(7), 7u);
}

TEST(OffsetMapTest, DeletionKeepsNeighboursApart) {
  // "a\u00ADb": the soft hyphen (2 bytes) is deleted.
  OffsetMap m;
  m.AddUnchanged(1);
  m.AddReplace(2, 0);
  m.AddUnchanged(1);
  EXPECT_EQ(m.ToRawEnd(1), 1u);    // a range ending after 'a' stops before the hyphen
  EXPECT_EQ(m.ToRawBegin(1), 3u);  // 'b' starts after it
  EXPECT_EQ(m.ToRawEnd(2), 4u);
}

TEST(OffsetMapTest, AdjacentReplacementsMerge) {
  OffsetMap m;
  m.AddReplace(2, 1);
  m.AddReplace(2, 1);
  EXPECT_EQ(m.change_count(), 1u);
  EXPECT_EQ(m.ToRawEnd(2), 4u);
}

TEST(OffsetMapTest, AdjacentReplacementsOfDifferentShapeStayApart) {
  // "\u00A0\u201C" (2 + 3 bytes) -> " \"": the quote keeps its own start.
  OffsetMap m;
  m.AddReplace(2, 1);
  m.AddReplace(3, 1);
  EXPECT_EQ(m.change_count(), 2u);
  EXPECT_EQ(m.ToRawBegin(1), 2u);
  EXPECT_EQ(m.ToRawEnd(1), 2u);
  EXPECT_EQ(m.ToRawEnd(2), 5u);
}

}  // namespace
}  // namespace dossier
