#include "pipeline/find/pattern_scanner.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dossier {
namespace {

constexpr const char* kPack = R"pack({
  "kind": "date", "version": "1.0.0",
  "fragments": {"month": "(?:January|February)", "year": "(?:19|20)\\d\\d", "// note": "comment"},
  "lists": {"months": {"january": 1}},
  "patterns": [
    {"id": "date.month_year", "regex": "(?P<month>$month) (?P<year>$year)", "resolve": "my",
     "examples": ["January 2019"]},
    {"id": "date.year", "regex": ["\\b(?P<year>", "$year", ")\\b"], "resolve": "y", "priority": -1,
     "examples": ["2019"]}
  ]})pack";

// A pack with the features Scan adds to plain RE2: trailing context
// (`ahead`), repeated group names (`name__N`) and remembered submatches
// (the pattern is padded above RE2's 512-instruction backtracker limit).
constexpr const char* kFigurePack = R"pack({
  "kind": "statistic", "version": "1.0.0",
  "fragments": {"pad": "(?:alpha|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliett|kilo|lima|mike|november|oscar|papa|quebec|romeo|sierra|tango|uniform|victor|whiskey|xray|yankee|zulu){0,3}"},
  "patterns": [
    {"id": "statistic.figure", "resolve": "figure", "examples": ["12 people"],
     "regex": ["(?P<cur>\\$)(?P<num>\\d+)|(?P<num__2>\\d+)(?P<ahead>\\s+[a-z])",
               "|(?P<word>$pad$pad$pad$pad$pad$pad)(?P<end>!)"]}
  ]})pack";

// Returns the matches of `pack` alone in `text`.
PackMatches ScanOne(const PatternPack& pack, std::string_view text) {
  Result<PatternScanner> scanner = PatternScanner::Build({&pack});
  EXPECT_TRUE(scanner.ok()) << scanner.status().message();
  std::vector<PackMatches> out;
  if (scanner.ok()) scanner->Scan(text, &out);
  return out.empty() ? PackMatches() : std::move(out[0]);
}

TEST(PatternScannerTest, FindsGroupsAndSelectsLongest) {
  Result<PatternPack> pack = PatternPack::Parse(kPack, "test");
  ASSERT_TRUE(pack.ok()) << pack.status().message();
  const std::string text = "In January 2019 and\n\nFebruary 2020, 1999.";
  PackMatches found = ScanOne(*pack, text);
  std::vector<PatternMatch>& matches = found.matches;
  std::vector<PatternMatch> kept = SelectLongest(matches);
  ASSERT_EQ(kept.size(), 3u);
  EXPECT_EQ(kept[0].pattern->id, "date.month_year");
  EXPECT_EQ(kept[0].Group("year"), "2019");
  EXPECT_EQ(kept[0].GroupBegin("year", text), 11u);
  EXPECT_EQ(kept[1].Group("month"), "February");
  EXPECT_EQ(kept[2].pattern->id, "date.year");
  EXPECT_EQ(kept[2].Group("month"), "");
}

TEST(PatternScannerTest, AheadIsContextNotMatch) {
  Result<PatternPack> pack = PatternPack::Parse(kFigurePack, "test");
  ASSERT_TRUE(pack.ok()) << pack.status().message();
  const std::string text = "Page 7. Then 12 people and $40, 2019.";
  PackMatches found = ScanOne(*pack, text);
  std::vector<PatternMatch>& matches = found.matches;
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(text.substr(matches[0].begin, matches[0].end - matches[0].begin), "12");
  EXPECT_EQ(matches[0].Group("num"), "12");  // num__2 reads as num
  EXPECT_FALSE(matches[0].Has("cur"));
  EXPECT_EQ(matches[1].Group("num"), "40");
  EXPECT_EQ(matches[1].Group("cur"), "$");
}

TEST(PatternScannerTest, NoMatchRunsOverAParagraphBreak) {
  Result<PatternPack> pack = PatternPack::Parse(kFigurePack, "test");
  ASSERT_TRUE(pack.ok());
  // "12\n\n people": the context word is in the next paragraph.
  const std::string text = "Total 12\n\n people. Then 3 more.";
  PackMatches found = ScanOne(*pack, text);
  std::vector<PatternMatch>& matches = found.matches;
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].Group("num"), "3");
}

// A number that ends its paragraph with only the line end as trailing
// context ("Ecuador: 21.640" closing a list item) is a match.
TEST(PatternScannerTest, MatchEndingItsParagraphKeepsItsLineEnd) {
  Result<PatternPack> pack = PatternPack::Parse(R"pack({
    "kind": "statistic", "version": "1.0.0",
    "patterns": [{"id": "statistic.figure", "resolve": "figure", "examples": ["12 people"],
                  "regex": "(?P<num>\\d+)(?P<ahead>[ \\t]*\\n|\\s+[a-z])"}]})pack", "test");
  ASSERT_TRUE(pack.ok()) << pack.status().message();
  // "33" and "12" end their paragraphs (a line end first, before any word
  // of the next paragraph); "8" has its word.
  const std::string text = "Spain: 33\n\n- Total 12\n\nmore people here\n\n- Peru 8 cases";
  PackMatches found = ScanOne(*pack, text);
  std::vector<std::string> nums;
  for (const PatternMatch& m : found.matches) nums.emplace_back(m.Group("num"));
  EXPECT_EQ(nums, (std::vector<std::string>{"33", "12", "8"}));
}

TEST(PatternScannerTest, RememberedSubmatchesFollowTheText) {
  Result<PatternPack> pack = PatternPack::Parse(kFigurePack, "test");
  ASSERT_TRUE(pack.ok());
  ASSERT_TRUE(pack->patterns()[0].compiled().memo);
  ASSERT_TRUE(pack->patterns()[0].digit_blind);
  // The same shapes again and again, at different offsets and digits.
  std::string text;
  for (int i = 0; i < 50; ++i) text += "$" + std::to_string(i * 7) + " and " + std::to_string(i) + " cases; golfkilo! ";
  PackMatches found = ScanOne(*pack, text);
  std::vector<PatternMatch>& matches = found.matches;
  ASSERT_EQ(matches.size(), 150u);
  for (int i = 0; i < 50; ++i) {
    const PatternMatch& money = matches[3 * static_cast<size_t>(i)];
    const PatternMatch& count = matches[3 * static_cast<size_t>(i) + 1];
    const PatternMatch& word = matches[3 * static_cast<size_t>(i) + 2];
    EXPECT_EQ(money.Group("num"), std::to_string(i * 7));
    EXPECT_EQ(money.Group("cur"), "$");
    EXPECT_EQ(count.Group("num"), std::to_string(i));
    EXPECT_FALSE(count.Has("cur"));
    EXPECT_EQ(word.Group("word"), "golfkilo");
    EXPECT_EQ(word.GroupBegin("end", text), word.end - 1);
  }
}

TEST(PatternScannerTest, BlocksKeepTheOrderByParagraphThenPattern) {
  Result<PatternPack> pack = PatternPack::Parse(kPack, "test");
  ASSERT_TRUE(pack.ok());
  // Short paragraphs share one prefilter block; matches still come by
  // paragraph, then pattern, then position.
  const std::string text = "In 2019.\n\nJanuary 2020 and 2021.\n\nFebruary 1999.";
  PackMatches found = ScanOne(*pack, text);
  std::vector<PatternMatch>& matches = found.matches;
  std::vector<std::string> got;
  for (const PatternMatch& m : matches) got.push_back(m.pattern->id + ":" + text.substr(m.begin, m.end - m.begin));
  const std::vector<std::string> want = {"date.year:2019", "date.month_year:January 2020", "date.year:2020",
                                         "date.year:2021", "date.month_year:February 1999", "date.year:1999"};
  EXPECT_EQ(got, want);
}

TEST(PatternScannerTest, ScanStaysLinearOnManyMatches) {
  Result<PatternPack> pack = PatternPack::Parse(kPack, "test");
  ASSERT_TRUE(pack.ok());
  std::string text;
  for (int i = 0; i < 200000; ++i) text += "2019 ";
  PackMatches found = ScanOne(*pack, text);
  std::vector<PatternMatch>& matches = found.matches;
  EXPECT_EQ(SelectLongest(std::move(matches)).size(), 200000u);
}

// Returns "pattern:text" for each match.
std::vector<std::string> Describe(const std::vector<PatternMatch>& matches, std::string_view text) {
  std::vector<std::string> out;
  for (const PatternMatch& m : matches) {
    out.push_back(m.pattern->id + ":" + std::string(text.substr(m.begin, m.end - m.begin)));
  }
  return out;
}

// A text of many paragraphs, long and short, so that blocks hold several.
std::string ManyParagraphs() {
  std::string text;
  for (int i = 0; i < 60; ++i) {
    text += "In January " + std::to_string(1990 + i % 30) + " there were " + std::to_string(i * 3) +
            " people and $" + std::to_string(i) + " spent; golfkilo!";
    text += i % 7 == 0 ? std::string(400, 'x') : "";
    text += i % 3 == 0 ? "\n\n" : " 2001 ";
  }
  return text;
}

TEST(PatternScannerTest, PacksScannedTogetherMatchAsEachAlone) {
  Result<PatternPack> dates = PatternPack::Parse(kPack, "dates");
  Result<PatternPack> figures = PatternPack::Parse(kFigurePack, "figures");
  ASSERT_TRUE(dates.ok() && figures.ok());
  Result<PatternScanner> both = PatternScanner::Build({&*dates, &*figures});
  ASSERT_TRUE(both.ok()) << both.status().message();
  EXPECT_EQ(both->pack_count(), 2u);
  const std::string text = ManyParagraphs();
  std::vector<PackMatches> out;
  both->Scan(text, &out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_FALSE(out[0].matches.empty());
  EXPECT_FALSE(out[1].matches.empty());
  EXPECT_EQ(Describe(out[0].matches, text), Describe(ScanOne(*dates, text).matches, text));
  EXPECT_EQ(Describe(out[1].matches, text), Describe(ScanOne(*figures, text).matches, text));
}

// A pack of one pattern is searched over the whole text without a
// prefilter; with a second pattern it goes through the prefilter by blocks.
// Both find the same matches and groups, across paragraph breaks too.
TEST(PatternScannerTest, APackOfOnePatternMatchesAsThroughThePrefilter) {
  Result<PatternPack> one = PatternPack::Parse(kFigurePack, "one");
  std::string two_text = kFigurePack;
  two_text.insert(two_text.rfind("\n  ]}"),
                  ",\n    {\"id\": \"statistic.never\", \"resolve\": \"figure\", \"regex\": \"\\\\x01never\"}");
  Result<PatternPack> two = PatternPack::Parse(two_text, "two");
  ASSERT_TRUE(one.ok() && two.ok()) << two.status().message();
  ASSERT_EQ(one->patterns().size(), 1u);
  ASSERT_EQ(two->patterns().size(), 2u);
  for (const std::string& text : {ManyParagraphs(), std::string("Total 12\n\n people. Then 3\n\nmore and $5.\n\n7")}) {
    PackMatches direct = ScanOne(*one, text);
    PackMatches filtered = ScanOne(*two, text);
    EXPECT_FALSE(direct.matches.empty());
    EXPECT_EQ(Describe(direct.matches, text), Describe(filtered.matches, text));
    ASSERT_EQ(direct.matches.size(), filtered.matches.size());
    for (size_t i = 0; i < direct.matches.size(); ++i) {
      for (const char* group : {"cur", "num", "ahead", "word", "end"}) {
        EXPECT_EQ(direct.matches[i].GroupBegin(group, text), filtered.matches[i].GroupBegin(group, text)) << i << group;
        EXPECT_EQ(direct.matches[i].Group(group), filtered.matches[i].Group(group)) << i << group;
      }
    }
  }
}

TEST(PatternScannerTest, AScannerOfNoPatternsFindsNothing) {
  Result<PatternScanner> scanner = PatternScanner::Build({});
  ASSERT_TRUE(scanner.ok());
  std::vector<PackMatches> out(3);
  scanner->Scan("January 2019", &out);
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace dossier
