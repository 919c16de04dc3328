#include "pipeline/find/prefilter_regex.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <string>

namespace dossier {
namespace {

TEST(PrefilterRegexTest, BoundedRepetitionsBecomeUnbounded) {
  EXPECT_EQ(PrefilterRegex(R"(\b[A-Z]\w*(?:\s[A-Z]\w*){0,9}\sAct)"), R"(\b[A-Z]\w*(?:\s[A-Z]\w*){0,}\sAct)");
  EXPECT_EQ(PrefilterRegex(R"(\d{1,3}(?:,\d{3}){1,4})"), R"(\d{1,}(?:,\d{3}){1,})");
}

TEST(PrefilterRegexTest, ExactCountsAndOpenRepetitionsStay) {
  EXPECT_EQ(PrefilterRegex(R"(\d{4}-\d{2})"), R"(\d{4}-\d{2})");
  EXPECT_EQ(PrefilterRegex(R"(a{2,}b*c+)"), R"(a{2,}b*c+)");
}

TEST(PrefilterRegexTest, EscapesClassesAndQuotedLiteralsAreNotRepetitions) {
  EXPECT_EQ(PrefilterRegex(R"(\{1,2\})"), R"(\{1,2\})");
  EXPECT_EQ(PrefilterRegex(R"([{1,2}]x)"), R"([{1,2}]x)");
  EXPECT_EQ(PrefilterRegex(R"([]{1,2}]x)"), R"([]{1,2}]x)");
  EXPECT_EQ(PrefilterRegex(R"([\]{1,2}]x{1,2})"), R"([\]{1,2}]x{1,})");
  EXPECT_EQ(PrefilterRegex(R"([[:digit:]{1,2}]{1,2})"), R"([[:digit:]{1,2}]{1,})");
  EXPECT_EQ(PrefilterRegex(R"(\Qa{1,2}\Ea{1,2})"), R"(\Qa{1,2}\Ea{1,})");
}

TEST(PrefilterRegexTest, RepetitionsRe2RejectsAreLeftForRe2ToReject) {
  for (const char* bad : {"a{3,2}", "a{0,1001}", "a{1001,1002}"}) {
    EXPECT_EQ(PrefilterRegex(bad), bad);
    EXPECT_FALSE(RE2(PrefilterRegex(bad), RE2::Quiet).ok()) << bad;
  }
}

// The prefilter form accepts every text the pattern does (a superset), so
// the scanner never drops a pattern that could match; it may accept more.
TEST(PrefilterRegexTest, MatchesEverythingThePatternMatches) {
  const std::string pattern = R"(^(?:[A-Z][a-z]+\s){1,3}Act(?:\sof\s\d{4})?$)";
  const RE2 full(pattern), relaxed(PrefilterRegex(pattern));
  ASSERT_TRUE(full.ok() && relaxed.ok());
  for (const char* text : {"Refugee Act of 1980", "Homeland Security Act", "Alien Enemies Act of 1798"}) {
    EXPECT_TRUE(RE2::FullMatch(text, full)) << text;
    EXPECT_TRUE(RE2::FullMatch(text, relaxed)) << text;
  }
  EXPECT_FALSE(RE2::FullMatch("Very Long Named Thing Act", full));
  EXPECT_TRUE(RE2::FullMatch("Very Long Named Thing Act", relaxed));
}

}  // namespace
}  // namespace dossier
