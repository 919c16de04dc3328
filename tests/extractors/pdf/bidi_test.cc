// Right-to-left words from Poppler's visual order to logical order.
#include "extractors/pdf/bidi.h"

#include <gtest/gtest.h>

namespace dossier::pdf {
namespace {

TEST(BidiTest, WordsAreReversed) {
  // "نيسحت" as drawn is "تحسين" read.
  EXPECT_EQ(LogicalFromVisual(U"\u0646\u064a\u0633\u062d\u062a", {}, 0), U"\u062a\u062d\u0633\u064a\u0646");
}

TEST(BidiTest, CombiningMarkStaysAfterItsLetter) {
  // Visual: alef, beh + fatha -> logical: beh + fatha, alef.
  EXPECT_EQ(LogicalFromVisual(U"\u0627\u0628\u064e", {}, 0), U"\u0628\u064e\u0627");
}

TEST(BidiTest, LamAlefLigatureKeepsItsOrder) {
  // Visual "ةيجاتنلإا" of الإنتاجية: the lam-alef glyph's two halves are even
  // and wider than a lone alef (2.5 here).
  const std::u32string visual = U"\u0629\u064a\u062c\u0627\u062a\u0646\u0644\u0625\u0627";
  const std::vector<double> widths = {4.5, 2.9, 6.4, 2.7, 3.0, 2.9, 3.26, 3.22, 2.5};
  EXPECT_EQ(LogicalFromVisual(visual, widths, 2.5), U"\u0627\u0644\u0625\u0646\u062a\u0627\u062c\u064a\u0629");
  // The same letters as separate glyphs (alef as narrow as a lone one) are
  // an ordinary alef-lam, reversed like the rest.
  const std::vector<double> separate = {4.5, 2.9, 6.4, 2.7, 3.0, 2.9, 2.5, 2.5, 2.5};
  EXPECT_EQ(LogicalFromVisual(visual, separate, 2.5), U"\u0627\u0625\u0644\u0646\u062a\u0627\u062c\u064a\u0629");
}

TEST(BidiTest, TypicalAlefIgnoresAlefsAfterLam) {
  AlefWidths alefs;
  alefs.Add(U"\u0644\u0627", {3.3, 3.3}, 12);        // could be a ligature half: ignored
  alefs.Add(U"\u0627\u0628\u0627", {2.5, 4.0, 2.6}, 12);
  EXPECT_DOUBLE_EQ(alefs.Typical(12), 2.5);
  EXPECT_EQ(alefs.Typical(10), 0);
}

TEST(BidiTest, RtlLetters) {
  EXPECT_TRUE(IsRtlLetter(U'\u0628'));
  EXPECT_TRUE(IsRtlLetter(U'\u05d0'));
  EXPECT_FALSE(IsRtlLetter(U'a'));
  EXPECT_FALSE(IsRtlLetter(U'5'));
}

}  // namespace
}  // namespace dossier::pdf
