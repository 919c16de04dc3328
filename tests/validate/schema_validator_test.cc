#include "pipeline/validate/schema_validator.h"

#include <gtest/gtest.h>

#include "pipeline/core/json_io.h"
#include "pipeline/find/entity_finder.h"

namespace dossier {
namespace {

using nlohmann::json;

const SchemaValidator& Validator() {
  static const std::shared_ptr<const SchemaValidator> v = [] {
    auto loaded = SchemaValidator::Load();
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return *loaded;
  }();
  return *v;
}

Document SmallDocument() {
  Document d;
  d.id = "0123456789abcdef";
  d.source_path = "a.txt";
  d.sha256 = std::string(64, 'a');
  d.format = Format::kText;
  d.raw_text = d.text = "On January 25, 2019, over 60,000 people.";
  d.offsets.AddUnchanged(d.text.size());
  d.segments.push_back(Segment::Verbatim(0, d.text.size(), 0));
  d.sentences = {{0, d.text.size()}};
  Entity date;
  date.type = EntityType::kDate;
  date.span = d.MakeSpan(3, 19);
  date.text = "January 25, 2019";
  date.value = DateValue{"2019-01-25", "day", "", false, false};
  Entity stat;
  stat.type = EntityType::kStatistic;
  stat.span = d.MakeSpan(21, 39);
  stat.text = "over 60,000 people";
  stat.value = StatisticValue{"count", 60000, "", "over", "people", ""};
  d.entities = {date, stat};
  return d;
}

TEST(SchemaValidatorTest, HoldsTheBuiltInSchemas) {
  const auto names = Validator().names();
  for (const char* want : {"document", "error", "pattern-pack"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), want), names.end()) << want;
  }
}

TEST(SchemaValidatorTest, AValidRecordPasses) {
  const json record = ToJson(SmallDocument());
  const auto errors = Validator().Validate("document", record);
  EXPECT_TRUE(errors.empty()) << errors.front().pointer << ": " << errors.front().message;
}

// Each broken record is refused with the pointer of the offending value.
TEST(SchemaValidatorTest, ViolationsNameTheirPointer) {
  struct Case {
    const char* name;
    void (*mutate)(json&);
    const char* pointer;
  };
  const Case cases[] = {
      {"bad format", [](json& j) { j["source"]["format"] = "docx"; }, "/source/format"},
      {"bad sha", [](json& j) { j["source"]["sha256"] = "xyz"; }, "/source/sha256"},
      {"bad date value", [](json& j) { j["entities"][0]["value"] = "25/01/2019"; }, "/entities/0/value"},
      {"bad qualifier", [](json& j) { j["entities"][1]["qualifier"] = "lots"; }, "/entities/1/qualifier"},
      {"string figure", [](json& j) { j["entities"][1]["value"] = "60,000"; }, "/entities/1/value"},
      {"unknown field", [](json& j) { j["surprise"] = 1; }, ""},
  };
  for (const Case& c : cases) {
    json record = ToJson(SmallDocument());
    c.mutate(record);
    const auto errors = Validator().Validate("document", record);
    ASSERT_FALSE(errors.empty()) << c.name;
    bool named = false;
    for (const auto& e : errors) named = named || e.pointer == c.pointer;
    EXPECT_TRUE(named) << c.name << ": first error at " << errors.front().pointer << ": "
                       << errors.front().message;
  }
}

// A long record is checked a piece at a time: the skeleton against the
// document schema, each entity against its definition, with the same verdicts.
TEST(SchemaValidatorTest, DefinitionsAreSchemasOfTheirOwn) {
  const Document doc = SmallDocument();
  EXPECT_TRUE(Validator().Validate("document", DocumentSkeleton(doc)).empty());
  for (const Entity& e : doc.entities) {
    const auto errors = Validator().Validate("document/entity", ToJson(e));
    EXPECT_TRUE(errors.empty()) << errors.front().pointer << ": " << errors.front().message;
  }
  json broken = ToJson(doc.entities[1]);
  broken.erase("text");
  EXPECT_FALSE(Validator().Validate("document/entity", broken).empty());
  broken = ToJson(doc.entities[1]);
  broken["type"] = "rumour";
  EXPECT_FALSE(Validator().Validate("document/entity", broken).empty());
  json record = ToJson(doc);
  record["entities"][1] = broken;
  EXPECT_FALSE(Validator().Validate("document", record).empty());
}

TEST(SchemaValidatorTest, ErrorRecordsValidate) {
  ErrorRecord e{"x.pdf", "", Format::kPdf, "extract", StatusCode::kEncrypted, "needs a password"};
  EXPECT_TRUE(Validator().Validate("error", ToJson(e)).empty());
  json bad = ToJson(e);
  bad["stage"] = "guessing";
  EXPECT_FALSE(Validator().Validate("error", bad).empty());
}

TEST(SchemaValidatorTest, UnknownSchemaIsAnError) {
  EXPECT_FALSE(Validator().Validate("nope", json::object()).empty());
}

TEST(SchemaValidatorTest, EveryBuiltInPackFollowsThePackSchema) {
  ASSERT_FALSE(BuiltinPacks().empty());
  for (const EmbeddedFile& pack : BuiltinPacks()) {
    const json j = json::parse(pack.text, nullptr, false, true);
    ASSERT_FALSE(j.is_discarded()) << pack.name;
    const auto errors = Validator().Validate("pattern-pack", j);
    EXPECT_TRUE(errors.empty()) << pack.name << ": " << errors.front().pointer << ": "
                                << errors.front().message;
  }
}

}  // namespace
}  // namespace dossier
