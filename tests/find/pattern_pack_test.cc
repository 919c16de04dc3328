#include "pipeline/find/pattern_pack.h"

#include <gtest/gtest.h>

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

TEST(PatternPackTest, ParsesExpandsAndScans) {
  Result<PatternPack> pack = PatternPack::Parse(kPack, "test");
  ASSERT_TRUE(pack.ok()) << pack.status().message();
  EXPECT_EQ(pack->kind(), "date");
  EXPECT_EQ(pack->patterns().size(), 2u);
  EXPECT_EQ(pack->list("months")["january"], 1);
  EXPECT_TRUE(pack->list("absent").is_null());
  std::vector<PatternMatch> matches;
  const std::string text = "In January 2019 and\n\nFebruary 2020, 1999.";
  pack->Scan(text, &matches);
  std::vector<PatternMatch> kept = SelectLongest(matches);
  ASSERT_EQ(kept.size(), 3u);
  EXPECT_EQ(kept[0].pattern->id, "date.month_year");
  EXPECT_EQ(kept[0].Group("year"), "2019");
  EXPECT_EQ(kept[0].GroupBegin("year", text), 11u);
  EXPECT_EQ(kept[1].Group("month"), "February");
  EXPECT_EQ(kept[2].pattern->id, "date.year");
  EXPECT_EQ(kept[2].Group("month"), "");
}

TEST(PatternPackTest, ErrorsNameThePattern) {
  struct Case {
    const char* json;
    const char* needle;
  };
  const Case cases[] = {
      {"[]", "not a JSON object"},
      {R"({"kind":"date","patterns":[]})", "version"},
      {R"({"kind":"date","version":"1.0.0","patterns":[{"id":"a.b","regex":"$nope","resolve":"x"}]})", "$nope"},
      {R"({"kind":"date","version":"1.0.0","patterns":[{"id":"a.b","regex":"(","resolve":"x"}]})", "a.b"},
      {R"({"kind":"date","version":"1.0.0","patterns":[{"id":"a.b","regex":"x","resolve":"x"},{"id":"a.b","regex":"y","resolve":"x"}]})", "duplicate"},
      {R"({"kind":"date","version":"1.0.0","fragments":{"a":"$b","b":"$a"},"patterns":[{"id":"a.b","regex":"$a","resolve":"x"}]})", "nest"},
  };
  for (const Case& c : cases) {
    Result<PatternPack> pack = PatternPack::Parse(c.json, "t");
    ASSERT_FALSE(pack.ok()) << c.json;
    EXPECT_NE(pack.status().message().find(c.needle), std::string::npos) << pack.status().message();
  }
}

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

TEST(PatternPackTest, AheadIsContextNotMatch) {
  Result<PatternPack> pack = PatternPack::Parse(kFigurePack, "test");
  ASSERT_TRUE(pack.ok()) << pack.status().message();
  const std::string text = "Page 7. Then 12 people and $40, 2019.";
  std::vector<PatternMatch> matches;
  pack->Scan(text, &matches);
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(text.substr(matches[0].begin, matches[0].end - matches[0].begin), "12");
  EXPECT_EQ(matches[0].Group("num"), "12");  // num__2 reads as num
  EXPECT_FALSE(matches[0].Has("cur"));
  EXPECT_EQ(matches[1].Group("num"), "40");
  EXPECT_EQ(matches[1].Group("cur"), "$");
}

TEST(PatternPackTest, NoMatchRunsOverAParagraphBreak) {
  Result<PatternPack> pack = PatternPack::Parse(kFigurePack, "test");
  ASSERT_TRUE(pack.ok());
  // "12\n\n people": the context word is in the next paragraph.
  const std::string text = "Total 12\n\n people. Then 3 more.";
  std::vector<PatternMatch> matches;
  pack->Scan(text, &matches);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].Group("num"), "3");
}

TEST(PatternPackTest, RememberedSubmatchesFollowTheText) {
  Result<PatternPack> pack = PatternPack::Parse(kFigurePack, "test");
  ASSERT_TRUE(pack.ok());
  ASSERT_TRUE(pack->patterns()[0].memo);
  ASSERT_TRUE(pack->patterns()[0].digit_blind);
  // The same shapes again and again, at different offsets and digits.
  std::string text;
  for (int i = 0; i < 50; ++i) text += "$" + std::to_string(i * 7) + " and " + std::to_string(i) + " cases; golfkilo! ";
  std::vector<PatternMatch> matches;
  pack->Scan(text, &matches);
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

TEST(PatternPackTest, BlocksKeepTheOrderByParagraphThenPattern) {
  Result<PatternPack> pack = PatternPack::Parse(kPack, "test");
  ASSERT_TRUE(pack.ok());
  // Short paragraphs share one prefilter block; matches still come by
  // paragraph, then pattern, then position.
  const std::string text = "In 2019.\n\nJanuary 2020 and 2021.\n\nFebruary 1999.";
  std::vector<PatternMatch> matches;
  pack->Scan(text, &matches);
  std::vector<std::string> got;
  for (const PatternMatch& m : matches) got.push_back(m.pattern->id + ":" + text.substr(m.begin, m.end - m.begin));
  const std::vector<std::string> want = {"date.year:2019", "date.month_year:January 2020", "date.year:2020",
                                         "date.year:2021", "date.month_year:February 1999", "date.year:1999"};
  EXPECT_EQ(got, want);
}

TEST(PatternPackTest, DigitBlindOnlyWhenNoDigitIsNamed) {
  const char* pack_json = R"pack({"kind": "date", "version": "1.0.0", "patterns": [
    {"id": "date.a", "resolve": "x", "examples": ["x"], "regex": "\\d{1,3}(?P<g__2>x)\\x{80}"},
    {"id": "date.b", "resolve": "x", "examples": ["x"], "regex": "(?:19|20)\\d\\d"},
    {"id": "date.c", "resolve": "x", "examples": ["x"], "regex": "a{x}1"}]})pack";
  Result<PatternPack> pack = PatternPack::Parse(pack_json, "test");
  ASSERT_TRUE(pack.ok()) << pack.status().message();
  EXPECT_TRUE(pack->patterns()[0].digit_blind);
  EXPECT_FALSE(pack->patterns()[1].digit_blind);
  EXPECT_FALSE(pack->patterns()[2].digit_blind);
}

TEST(PatternPackTest, ScanStaysLinearOnManyMatches) {
  Result<PatternPack> pack = PatternPack::Parse(kPack, "test");
  ASSERT_TRUE(pack.ok());
  std::string text;
  for (int i = 0; i < 200000; ++i) text += "2019 ";
  std::vector<PatternMatch> matches;
  pack->Scan(text, &matches);
  EXPECT_EQ(SelectLongest(std::move(matches)).size(), 200000u);
}

}  // namespace
}  // namespace dossier
