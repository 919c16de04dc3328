// Plain-text extractor: the file is the text, and every byte maps back.
#include <string>

#include <gtest/gtest.h>

#include "tests/extractors/extractor_test_util.h"

namespace dossier {
namespace {

using testing::CollectingSink;

class TextSeedTest : public ::testing::TestWithParam<const char*> {};

TEST_P(TextSeedTest, RoundTripsEveryByte) {
  const std::string path = testing::SeedPath(GetParam());
  const std::string file = testing::ReadFile(path);
  Result<Input> input = OpenInput(path);
  ASSERT_TRUE(input.ok());
  CollectingSink sink;
  ASSERT_TRUE(testing::Extract(*input, Format::kText, sink).ok());
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].raw_text, file);
  EXPECT_GE(testing::ExpectFileRoundTrip(sink.docs[0], file), 1u);
}

INSTANTIATE_TEST_SUITE_P(Seeds, TextSeedTest,
                         ::testing::Values("001_f317ec612d5c895c.txt", "003_0cda4033fbb05015.txt",
                                           "004_02e4a86a56e3b9bc.txt"));

TEST(TextExtractorTest, FixtureRoundTrips) {
  const std::string path = testing::FixturePath("note.txt");
  Result<Input> input = OpenInput(path);
  ASSERT_TRUE(input.ok());
  CollectingSink sink;
  ASSERT_TRUE(testing::Extract(*input, Format::kText, sink).ok());
  ASSERT_EQ(sink.docs.size(), 1u);
  testing::ExpectFileRoundTrip(sink.docs[0], testing::ReadFile(path));
}

TEST(TextExtractorTest, NulBytesDoNotStopIt) {
  const std::string bytes("before\0after", 12);
  CollectingSink sink;
  ASSERT_TRUE(testing::Extract(InputFromBytes("nul.txt", bytes), Format::kText, sink).ok());
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].raw_text, bytes);
}

// A page saved as text keeps its "Related: A | B" line of links; it is no
// part of the article, so it is left out, and every other byte still maps
// back to its place in the file.
TEST(TextExtractorTest, LinkListLinesAreLeftOut) {
  const std::string bytes =
      "The shelter filled on Oct. 12.\n\nRelated: Council to weigh budget Oct. 24 | Photos: A day | How to "
      "donate\nMore people arrived.\nSee also: this ruling, not a list of links.\n";
  CollectingSink sink;
  ASSERT_TRUE(testing::Extract(InputFromBytes("page.txt", bytes), Format::kText, sink).ok());
  ASSERT_EQ(sink.docs.size(), 1u);
  const Document& doc = sink.docs[0];
  EXPECT_EQ(doc.raw_text,
            "The shelter filled on Oct. 12.\n\nMore people arrived.\nSee also: this ruling, not a list of links.\n");
  EXPECT_GE(testing::ExpectFileRoundTrip(doc, bytes), 2u);
}

}  // namespace
}  // namespace dossier
