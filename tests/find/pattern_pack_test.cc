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
