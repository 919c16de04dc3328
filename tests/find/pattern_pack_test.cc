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

TEST(PatternPackTest, ParsesAndExpands) {
  Result<PatternPack> pack = PatternPack::Parse(kPack, "test");
  ASSERT_TRUE(pack.ok()) << pack.status().message();
  EXPECT_EQ(pack->kind(), "date");
  EXPECT_EQ(pack->patterns().size(), 2u);
  EXPECT_EQ(pack->list("months")["january"], 1);
  EXPECT_TRUE(pack->list("absent").is_null());
  EXPECT_EQ(pack->patterns()[1].source, "\\b(?P<year>(?:(?:19|20)\\d\\d))\\b");
  EXPECT_EQ(pack->fragment("year"), "(?:19|20)\\d\\d");
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

}  // namespace
}  // namespace dossier
