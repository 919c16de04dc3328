#include "pipeline/normalize/normalizer.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/normalize/normalize_cases.h"

namespace dossier {
namespace {

using testing::kNormalizeCases;
using testing::NormalizeCase;

// Returns `s` with non-printable bytes escaped, for failure messages.
std::string Escaped(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c >= 0x20 && c < 0x7F) {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    }
  }
  return out;
}

class NormalizeCaseTest : public ::testing::TestWithParam<NormalizeCase> {};

TEST_P(NormalizeCaseTest, ProducesExpectedText) {
  const NormalizeCase& c = GetParam();
  TextNormalizer normalizer;
  NormalizedText n = normalizer.NormalizeText(c.raw);
  EXPECT_EQ(n.text, c.expected) << Escaped(c.raw) << " -> " << Escaped(n.text);
  EXPECT_EQ(n.offsets.raw_size(), c.raw.size());
  EXPECT_EQ(n.offsets.norm_size(), n.text.size());
}

TEST_P(NormalizeCaseTest, IsIdempotent) {
  const NormalizeCase& c = GetParam();
  TextNormalizer normalizer;
  std::string once = normalizer.NormalizeText(c.raw).text;
  NormalizedText twice = normalizer.NormalizeText(once);
  EXPECT_EQ(twice.text, once);
  EXPECT_EQ(twice.offsets.change_count(), 0u) << Escaped(once);
}

INSTANTIATE_TEST_SUITE_P(Table, NormalizeCaseTest, ::testing::ValuesIn(kNormalizeCases),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(NormalizerTest, HyphenationCanBeTurnedOff) {
  TextNormalizer normalizer({.join_hyphenation = false});
  EXPECT_EQ(normalizer.NormalizeText("immi-\ngration").text, "immi- gration");
  EXPECT_EQ(normalizer.NormalizeText("immi\u00AD\ngration").text, "immi gration");
}

TEST(NormalizerTest, CountsInvalidSequencesAndControls) {
  struct Row {
    std::string_view raw;
    size_t invalid, controls;
  };
  using namespace std::string_view_literals;
  const Row rows[] = {
      {"clean \u2019text\u2019", 0, 0},
      {"a\xFF" "b\xFE", 2, 0},
      {"\xE2\x82", 1, 0},          // one truncated sequence, one replacement
      {"\xC0\xAF", 2, 0},          // overlong: two ill-formed bytes
      {"a\0\0b"sv, 0, 2},
      {"\t\n\r\f", 0, 0},          // whitespace controls are kept
      {"\x01\x1F\x7F\u0080\u0085", 0, 4},  // NEL is a line break
      {"\x80\x00"sv, 1, 1},
  };
  TextNormalizer normalizer;
  for (const Row& r : rows) {
    NormalizedText n = normalizer.NormalizeText(r.raw);
    EXPECT_EQ(n.invalid_sequences, r.invalid) << Escaped(r.raw);
    EXPECT_EQ(n.control_chars, r.controls) << Escaped(r.raw);
  }
}

TEST(NormalizerTest, NormalizeSetsDocumentAndWarns) {
  Document doc;
  doc.raw_text = std::string("First \xFF sentence.\0 Second one.\n\nThird", 38);
  TextNormalizer normalizer;
  ASSERT_TRUE(normalizer.Normalize(doc).ok());
  EXPECT_EQ(doc.text, "First \uFFFD sentence. Second one.\n\nThird");
  EXPECT_EQ(doc.offsets.raw_size(), doc.raw_text.size());
  ASSERT_EQ(doc.sentences.size(), 3u);
  EXPECT_EQ(doc.text.substr(doc.sentences[1].begin, doc.sentences[1].end - doc.sentences[1].begin),
            "Second one.");
  ASSERT_EQ(doc.warnings.size(), 2u);
  EXPECT_EQ(doc.warnings[0].stage, "normalize");
  EXPECT_EQ(doc.warnings[0].code, "invalid_utf8");
  EXPECT_NE(doc.warnings[0].message.find('1'), std::string::npos);
  EXPECT_EQ(doc.warnings[1].code, "control_characters");
}

TEST(NormalizerTest, CleanDocumentHasNoWarnings) {
  Document doc;
  doc.raw_text = "Nothing to see here.";
  TextNormalizer normalizer;
  ASSERT_TRUE(normalizer.Normalize(doc).ok());
  EXPECT_TRUE(doc.warnings.empty());
  EXPECT_EQ(doc.text, doc.raw_text);
}

// Hand-checked maps: unchanged bytes map to themselves, rewrites are atomic.
TEST(NormalizerMapTest, UnchangedTextHasNoChanges) {
  TextNormalizer normalizer;
  NormalizedText n = normalizer.NormalizeText("Already clean.\n\nTwo paragraphs, caf\u00E9.");
  EXPECT_EQ(n.offsets.change_count(), 0u);
  for (size_t i = 0; i <= n.text.size(); ++i) {
    EXPECT_EQ(n.offsets.ToRawBegin(i), i);
    EXPECT_EQ(n.offsets.ToNorm(i), i);
  }
}

TEST(NormalizerMapTest, OneChangePerRewrite) {
  TextNormalizer normalizer;
  // Three quotes apart from each other: three changes, nothing else.
  NormalizedText n = normalizer.NormalizeText("a \u201Cquote\u201D and it\u2019s");
  EXPECT_EQ(n.text, "a \"quote\" and it's");
  EXPECT_EQ(n.offsets.change_count(), 3u);
  // A run of spaces keeps its first space: one deletion.
  n = normalizer.NormalizeText("a    b");
  EXPECT_EQ(n.offsets.change_count(), 1u);
  EXPECT_EQ(n.offsets.ToRawEnd(2), 2u);    // "a " ends at the kept space
  EXPECT_EQ(n.offsets.ToRawBegin(2), 5u);  // 'b'
}

TEST(NormalizerMapTest, QuoteMapsToItsBytes) {
  TextNormalizer normalizer;
  NormalizedText n = normalizer.NormalizeText("ab\u2019cd");
  EXPECT_EQ(n.offsets.ToRawBegin(2), 2u);
  EXPECT_EQ(n.offsets.ToRawEnd(3), 5u);
  EXPECT_EQ(n.offsets.ToRawBegin(3), 5u);
  EXPECT_EQ(n.offsets.ToNorm(6), 4u);
}

TEST(NormalizerMapTest, LigatureIsAtomic) {
  TextNormalizer normalizer;
  NormalizedText n = normalizer.NormalizeText("o\uFB03ce");  // "office"
  ASSERT_EQ(n.text, "office");
  EXPECT_EQ(n.offsets.ToRawBegin(1), 1u);
  EXPECT_EQ(n.offsets.ToRawBegin(2), 1u);  // inside "ffi": its start
  EXPECT_EQ(n.offsets.ToRawEnd(2), 4u);    // and its end
  EXPECT_EQ(n.offsets.ToRawBegin(4), 4u);  // 'c'
  EXPECT_EQ(n.offsets.ToNorm(5), 5u);      // 'e'
}

TEST(NormalizerMapTest, FoldAfterNfkcComposes) {
  TextNormalizer normalizer;
  // U+FE32 -> (NFKC) U+2013 -> '-': one change of the 3 raw bytes.
  NormalizedText n = normalizer.NormalizeText("a\uFE32b");
  ASSERT_EQ(n.text, "a-b");
  EXPECT_EQ(n.offsets.change_count(), 1u);
  EXPECT_EQ(n.offsets.ToRawBegin(1), 1u);
  EXPECT_EQ(n.offsets.ToRawEnd(2), 4u);
  EXPECT_EQ(n.offsets.ToRawBegin(2), 4u);
}

TEST(NormalizerMapTest, EmDashBetweenWordsSeparatesThemAndKeepsTheirEdges) {
  TextNormalizer normalizer;
  // "half\u201429 x": the dash becomes " - ", three changes (two inserted
  // spaces and the folded dash) that stay apart through the later steps.
  const std::string raw = "so  half\u201429 x";
  NormalizedText n = normalizer.NormalizeText(raw);
  ASSERT_EQ(n.text, "so half - 29 x");
  const size_t half_end = n.text.find(" -"), dash = n.text.find('-'), num = n.text.find("29");
  EXPECT_EQ(n.offsets.ToRawEnd(half_end), raw.find("\u2014"));  // "half" ends where the dash starts
  EXPECT_EQ(n.offsets.ToNormEnd(raw.find("\u2014")), half_end);
  EXPECT_EQ(n.offsets.ToRawBegin(dash), raw.find("\u2014"));
  EXPECT_EQ(n.offsets.ToNorm(raw.find("\u2014")), dash);
  EXPECT_EQ(n.offsets.ToRawBegin(num), raw.find("29"));
  EXPECT_EQ(n.offsets.ToNorm(raw.find("29")), num);
}

TEST(NormalizerMapTest, WhitespaceAndHyphenJoins) {
  TextNormalizer normalizer;
  NormalizedText n = normalizer.NormalizeText("  immi-\ngration \n law");
  ASSERT_EQ(n.text, "immigration law");
  EXPECT_EQ(n.offsets.ToRawBegin(0), 2u);   // leading spaces dropped
  EXPECT_EQ(n.offsets.ToRawEnd(4), 6u);     // "immi" ends before '-'
  EXPECT_EQ(n.offsets.ToRawBegin(4), 8u);   // "gration" starts after "\n"
  EXPECT_EQ(n.offsets.ToRawEnd(11), 15u);
  EXPECT_EQ(n.offsets.ToRawBegin(11), 15u); // the kept space
  EXPECT_EQ(n.offsets.ToRawBegin(12), 18u); // "law"
}

TEST(NormalizerMapTest, InvalidBytesMapToTheirReplacement) {
  TextNormalizer normalizer;
  NormalizedText n = normalizer.NormalizeText("a\xE2\x82" "b");
  ASSERT_EQ(n.text, "a\uFFFDb");
  EXPECT_EQ(n.offsets.ToRawBegin(1), 1u);
  EXPECT_EQ(n.offsets.ToRawEnd(4), 3u);
  EXPECT_EQ(n.offsets.ToRawBegin(4), 3u);
}

// Pathological inputs: they finish, and the results are right.
TEST(NormalizerPathologicalTest, LongSingleLine) {
  std::string raw;
  const std::string_view word = "asylum\u2019s ";
  while (raw.size() < (16u << 20)) raw += word;
  TextNormalizer normalizer;
  NormalizedText n = normalizer.NormalizeText(raw);
  const size_t words = raw.size() / word.size();
  EXPECT_EQ(n.text.size(), words * 9 - 1);  // "asylum's " minus the last space
  EXPECT_EQ(n.text.substr(0, 18), "asylum's asylum's ");
  EXPECT_EQ(n.offsets.ToRawBegin(9), word.size());
  std::vector<TextRange> sentences = normalizer.SplitSentences(n.text);
  ASSERT_EQ(sentences.size(), 1u);
  EXPECT_EQ(sentences[0].end, n.text.size());
}

TEST(NormalizerPathologicalTest, MillionDigits) {
  std::string raw(1'000'000, '7');
  TextNormalizer normalizer;
  NormalizedText n = normalizer.NormalizeText(raw);
  EXPECT_EQ(n.text, raw);
  EXPECT_EQ(n.offsets.change_count(), 0u);
  EXPECT_EQ(normalizer.SplitSentences(n.text).size(), 1u);
}

// A million em dashes between letters: each becomes " - " with its own
// three edits, composed with the whitespace step's, in linear time.
TEST(NormalizerPathologicalTest, MillionEmDashesBetweenWords) {
  std::string raw;
  for (int i = 0; i < 1'000'000; ++i) raw += "x\u2014";
  raw += "x";
  TextNormalizer normalizer;
  NormalizedText n = normalizer.NormalizeText(raw);
  ASSERT_EQ(n.text.size(), 1'000'000u * 4 + 1);
  EXPECT_EQ(n.text.substr(0, 9), "x - x - x");
  const size_t last_x = n.text.size() - 1;
  EXPECT_EQ(n.offsets.ToRawBegin(last_x), raw.size() - 1);
  EXPECT_EQ(n.offsets.ToRawEnd(1), 1u);           // the first "x" ends where its dash starts
  EXPECT_EQ(n.offsets.ToRawBegin(4), 4u);         // the second "x" starts after the dash
  EXPECT_EQ(n.offsets.ToNormEnd(raw.size() - 4), last_x - 3);
}

TEST(NormalizerPathologicalTest, ManyInvalidBytes) {
  std::string raw(8u << 20, '\xFF');
  TextNormalizer normalizer;
  NormalizedText n = normalizer.NormalizeText(raw);
  EXPECT_EQ(n.invalid_sequences, raw.size());
  ASSERT_EQ(n.text.size(), 3 * raw.size());
  EXPECT_EQ(n.text.substr(n.text.size() - 3), "\uFFFD");
  EXPECT_EQ(n.offsets.raw_size(), raw.size());
  EXPECT_EQ(n.offsets.norm_size(), n.text.size());
}

TEST(NormalizerPathologicalTest, ManyNuls) {
  std::string raw(8u << 20, '\0');
  raw[raw.size() / 2] = 'x';
  TextNormalizer normalizer;
  NormalizedText n = normalizer.NormalizeText(raw);
  EXPECT_EQ(n.text, "x");
  EXPECT_EQ(n.control_chars, raw.size() - 1);
  EXPECT_EQ(n.offsets.ToRawBegin(0), raw.size() / 2);
  EXPECT_EQ(n.offsets.ToRawEnd(1), raw.size() / 2 + 1);
}

TEST(NormalizerPathologicalTest, ManyHyphenSites) {
  // Every line ends in a hyphen: each site is decided once, in one scan.
  std::string raw;
  for (int i = 0; i < 200'000; ++i) raw += (i % 2 == 0) ? "ab-\ncd " : "Ab-\nCd ";
  TextNormalizer normalizer;
  NormalizedText n = normalizer.NormalizeText(raw);
  EXPECT_EQ(n.text.substr(0, 16), "abcd Ab-Cd abcd ");
}

TEST(NormalizerPathologicalTest, ArbitraryBytesGiveValidUtf8) {
  // A deterministic byte soup: every byte value, odd lengths, runs.
  std::string raw;
  uint32_t x = 12345;
  for (int i = 0; i < 1'000'000; ++i) {
    x = x * 1103515245u + 12345u;
    raw += static_cast<char>((x >> 16) & 0xFF);
  }
  TextNormalizer normalizer;
  Document doc;
  doc.raw_text = raw;
  ASSERT_TRUE(normalizer.Normalize(doc).ok());
  EXPECT_EQ(doc.offsets.raw_size(), raw.size());
  EXPECT_EQ(doc.offsets.norm_size(), doc.text.size());
  // Normalizing again changes nothing: the output is clean UTF-8.
  NormalizedText again = normalizer.NormalizeText(doc.text);
  EXPECT_EQ(again.invalid_sequences, 0u);
  EXPECT_EQ(again.control_chars, 0u);
  EXPECT_EQ(again.text, doc.text);
}

}  // namespace
}  // namespace dossier
