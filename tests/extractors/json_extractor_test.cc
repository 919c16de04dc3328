// JSON extractor: one document per record, prose only, every segment
// anchored in the decoded string its JSON Pointer names.
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "extractors/json/record_mapper.h"
#include "tests/extractors/extractor_test_util.h"

namespace dossier {
namespace {

using testing::CollectingSink;

struct Extracted {
  Status status;
  CollectingSink sink;
};

Extracted FromBytes(const std::string& bytes) {
  Extracted out;
  out.status = testing::Extract(InputFromBytes("t.json", bytes), Format::kJson, out.sink);
  return out;
}

Extracted FromFile(const std::string& path) {
  Extracted out;
  Result<Input> input = OpenInput(path);
  if (!input.ok()) {
    out.status = input.status();
    return out;
  }
  out.status = testing::Extract(*input, Format::kJson, out.sink);
  return out;
}

TEST(JsonExtractorTest, SeedIsOneDocumentWithProseInReadingOrder) {
  const std::string path = testing::SeedPath("000_e58ba67729caf002.txt");
  Extracted x = FromFile(path);
  ASSERT_TRUE(x.status.ok()) << x.status.message();
  ASSERT_EQ(x.sink.docs.size(), 1u);
  EXPECT_TRUE(x.sink.rejects.empty());
  const Document& doc = x.sink.docs[0];
  EXPECT_EQ(doc.locator, "/record");
  EXPECT_GT(testing::ExpectJsonRoundTrip(doc, nlohmann::json::parse(testing::ReadFile(path))), 50u);

  EXPECT_EQ(doc.metadata.title, "Reimposition of 'Remain in Mexico' Migrant Protection Protocols");
  EXPECT_EQ(doc.metadata.date, "2025-01-21");
  EXPECT_EQ(doc.metadata.modified, "2025-07-15");
  EXPECT_EQ(doc.metadata.slug, "remain-in-mexico-reimposition");
  EXPECT_EQ(doc.metadata.url, "https://trumpswarcrimes.com/incident/remain-in-mexico-reimposition");

  ASSERT_FALSE(doc.segments.empty());
  EXPECT_EQ(doc.segments[0].role, Role::kTitle);
  EXPECT_EQ(doc.segments[0].anchor.json_pointer, "/record/title");
  EXPECT_EQ(doc.segments[0].label, "title");

  const std::string& t = doc.raw_text;
  // Reading order: title, summary, description, victims, legalBasis,
  // keyPoints, internationalLaw, timeline, contentHtml, postureNote, citation.
  const char* order[] = {"Reimposition of", "The administration reinstated",
                         "The Trump administration reinstated the Migrant", "Asylum seekers returned to dangerous",
                         "1951 Refugee Convention Article 33 (non-refoulement)", "DHS reinstated MPP on January 21",
                         "Non-refoulement -- prohibition", "MPP reinstated", "What Happened",
                         "The policy is in active implementation", "Published January 21, 2025"};
  size_t last = 0;
  for (const char* part : order) {
    size_t at = t.find(part);
    ASSERT_NE(at, std::string::npos) << part;
    EXPECT_GE(at, last) << part;
    last = at;
  }
  // Prose that the gold annotations need, from HTML and nested entries.
  for (const char* kept : {"In Nuevo Laredo, 75% of MSF patients who were returned", "Article 33",
                           "H.R. 273 - REMAIN in Mexico Act of 2025", "DHS, CBP, Trump Administration",
                           "https://trumpswarcrimes.com/incident/remain-in-mexico-reimposition. Published"}) {
    EXPECT_NE(t.find(kept), std::string::npos) << kept;
  }
  // Structured fields stay out: dates, slugs, enum labels, URLs, tags, markup.
  for (const char* gone : {"2025-01-21", "January 21, 2025\n", "executive-action", "Serious Rights Violation",
                           "Deportation & Immigration", "asylum-ban-executive-order", "https://www.cbp.gov",
                           "generatedAt", "trumpswarcrimes.com\n", "<strong>", "<h2", "\n\nMSF\n\n"}) {
    EXPECT_EQ(t.find(gone), std::string::npos) << gone;
  }
  EXPECT_NE(testing::BlocksWithRole(doc, Role::kHeading).find("What Happened"), std::string::npos);
  EXPECT_NE(testing::BlocksWithRole(doc, Role::kListItem).find("MSF documented that in one border city"),
            std::string::npos);
  EXPECT_NE(testing::BlocksWithRole(doc, Role::kListItem).find("Scale: Over 71,000 returned"), std::string::npos);
}

TEST(JsonExtractorTest, HtmlFieldRunsAreExactOrMarkedNonLinear) {
  const std::string path = testing::FixturePath("wrapped_records.json");
  Extracted x = FromFile(path);
  ASSERT_TRUE(x.status.ok()) << x.status.message();
  ASSERT_EQ(x.sink.docs.size(), 2u);
  const nlohmann::json root = nlohmann::json::parse(testing::ReadFile(path));
  const Document& doc = x.sink.docs[0];
  testing::ExpectJsonRoundTrip(doc, root);
  EXPECT_EQ(doc.locator, "/records/0");
  EXPECT_EQ(x.sink.docs[1].locator, "/records/1");
  EXPECT_EQ(doc.metadata.author, "Jane Doe");
  EXPECT_EQ(doc.metadata.date, "2023-11-01");
  EXPECT_EQ(doc.raw_text,
            "Detention conditions\n\nWhat Happened\n\n"
            "Over 3,000 people were held in Tom & Jerry's camp \u2014 since 2019.\n\n"
            "First point\n\nSecond point\n\nA quote \"here\".\n\nCell one\n\nCell two\n\n"
            "This unusual key holds several words of prose.");
  EXPECT_EQ(testing::BlocksWithRole(doc, Role::kHeading), "What Happened");
  EXPECT_EQ(testing::BlocksWithRole(doc, Role::kListItem), "First point|Second point");
  EXPECT_EQ(testing::BlocksWithRole(doc, Role::kQuote), "A quote \"here\".");
  EXPECT_EQ(testing::BlocksWithRole(doc, Role::kTable), "Cell one|Cell two");
  // Entities are non-linear runs anchored at the entity.
  const std::string html = root["records"][0]["contentHtml"];
  int entities = 0;
  for (const Segment& seg : doc.segments) {
    if (seg.role == Role::kSeparator || seg.linear) continue;
    ++entities;
    EXPECT_EQ(html[static_cast<size_t>(seg.anchor.byte_offset)], '&') << seg.anchor.byte_offset;
  }
  EXPECT_EQ(entities, 5);  // &amp; &#39; &mdash; &quot; &quot;
  // A key with "/" and "~" is escaped in the pointer.
  EXPECT_EQ(doc.segments.back().anchor.json_pointer, "/records/0/odd~1key~0name");
  // Escaped characters (\u00e9, \u0000) are decoded bytes of the string.
  const Document& second = x.sink.docs[1];
  testing::ExpectJsonRoundTrip(second, root);
  EXPECT_NE(second.raw_text.find(std::string("A NUL \0 escape", 14)), std::string::npos);
  EXPECT_NE(second.raw_text.find("Caf\u00e9 owners reported \u201cthreats\u201d"), std::string::npos);
}

TEST(JsonExtractorTest, TopLevelArrayAndSingleRecord) {
  const std::string array_path = testing::FixturePath("records_array.json");
  Extracted a = FromFile(array_path);
  ASSERT_TRUE(a.status.ok()) << a.status.message();
  ASSERT_EQ(a.sink.docs.size(), 2u);
  const nlohmann::json array_root = nlohmann::json::parse(testing::ReadFile(array_path));
  for (const Document& d : a.sink.docs) testing::ExpectJsonRoundTrip(d, array_root);
  const Document& first = a.sink.docs[0];
  EXPECT_EQ(first.locator, "/0");
  EXPECT_EQ(first.raw_text,
            "First incident at the border\n\nOfficers returned 120 people to Mexico on March 5, 2024.\n\n"
            "The returns violated Article 33 of the 1951 Refugee Convention.\n\nFamilies were separated.");
  EXPECT_EQ(first.segments[2].anchor.byte_offset, 2);  // the summary's leading spaces are trimmed
  EXPECT_EQ(first.metadata.url, "https://example.org/incident/first-incident");
  const Document& second = a.sink.docs[1];
  EXPECT_EQ(second.locator, "/1");
  EXPECT_EQ(second.metadata.date, "2024-04-02");  // from displayDate, as a fallback
  EXPECT_EQ(second.metadata.modified, "2024-05-01");
  EXPECT_EQ(testing::BlocksWithRole(second, Role::kHeading), "Ruling");

  const std::string single_path = testing::FixturePath("single_record.json");
  Extracted s = FromFile(single_path);
  ASSERT_TRUE(s.status.ok()) << s.status.message();
  ASSERT_EQ(s.sink.docs.size(), 1u);
  EXPECT_EQ(s.sink.docs[0].locator, "");
  EXPECT_EQ(s.sink.docs[0].metadata.date, "2023-11-01");
  testing::ExpectJsonRoundTrip(s.sink.docs[0], nlohmann::json::parse(testing::ReadFile(single_path)));
  EXPECT_EQ(s.sink.docs[0].raw_text,
            "A single record\n\nAbout 4 out of 10 applicants were denied.\n\nICCPR\n\nArticle 14\n\n"
            "Right to a fair hearing\n\nLitigation is pending.\n\n"
            "A single record. https://example.org/x. Published November 1, 2023.");
}

// A record dated under a key of its own ("reported", "incident_date")
// still anchors the dates its prose leaves without a year; a date of
// another kind ("updated_date", "date_of_birth") does not.
TEST(JsonExtractorTest, EventDateUnderAnyDateKey) {
  Extracted x = FromBytes(
      "[{\"reported\": \"April 9, 2024\", \"narrative\": \"On April 8 a group of 45 people was returned.\"},"
      " {\"date_of_birth\": \"1990-01-01\", \"incident_date\": \"2023-06-02\","
      " \"narrative\": \"On June 1 the shelter closed its doors.\"},"
      " {\"updated_date\": \"2024-01-05\", \"end_date\": \"2024-02-01\","
      " \"narrative\": \"On June 1 the shelter closed its doors.\"},"
      " {\"calendar_date\": \"2022-07-04\", \"narrative\": \"On June 1 the shelter closed its doors.\"}]");
  ASSERT_TRUE(x.status.ok()) << x.status.message();
  ASSERT_EQ(x.sink.docs.size(), 4u);
  EXPECT_EQ(x.sink.docs[0].metadata.date, "2024-04-09");
  EXPECT_EQ(x.sink.docs[1].metadata.date, "2023-06-02");
  EXPECT_EQ(x.sink.docs[2].metadata.date, "");
  EXPECT_EQ(x.sink.docs[3].metadata.date, "2022-07-04");
}

struct BadCase {
  const char* name;
  std::string bytes;
  StatusCode code;
  const char* reason_part;
};

class JsonBadInputTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(JsonBadInputTest, FailsCleanly) {
  Extracted x = FromBytes(GetParam().bytes);
  EXPECT_EQ(StatusCodeName(x.status.code()), StatusCodeName(GetParam().code)) << x.status.message();
  EXPECT_NE(x.status.message().find(GetParam().reason_part), std::string::npos) << x.status.message();
}

std::string Nested(size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

INSTANTIATE_TEST_SUITE_P(
    Table, JsonBadInputTest,
    ::testing::Values(
        BadCase{"empty", "", StatusCode::kEmpty, "empty"},
        BadCase{"truncated", "{\"records\": [{\"title\": \"A long title\"}, {\"title\": \"cut",
                StatusCode::kInvalidInput, "at byte"},
        BadCase{"nesting_100000", Nested(100000), StatusCode::kLimit, "deeper than 512"},
        BadCase{"nesting_in_record_100000", "{\"records\": [{\"x\": " + Nested(100000) + "}]}",
                StatusCode::kLimit, "deeper than 512"},
        BadCase{"raw_nul", std::string("{\"title\": \"a\0b\"}", 16), StatusCode::kInvalidInput, "at byte"},
        // nlohmann reads a NUL outside strings as the end of the input.
        BadCase{"nul_outside_string", std::string("{\"title\": \0 \"ab\"}", 17), StatusCode::kInvalidInput,
                "end of input"},
        BadCase{"scalar", "\"just a string\"", StatusCode::kUnsupported, "scalar"},
        BadCase{"garbage", "not json at all", StatusCode::kInvalidInput, "at byte"}),
    [](const ::testing::TestParamInfo<BadCase>& p) { return std::string(p.param.name); });

TEST(JsonExtractorTest, RecordsBeforeATruncationStillComeOut) {
  Extracted x = FromBytes("[{\"title\": \"First whole record\"}, {\"title\": \"cut");
  EXPECT_EQ(x.status.code(), StatusCode::kInvalidInput);
  ASSERT_EQ(x.sink.docs.size(), 1u);
  EXPECT_EQ(x.sink.docs[0].raw_text, "First whole record");
}

TEST(JsonExtractorTest, InvalidUtf8IsReplacedAndReported) {
  const std::string bytes = "[{\"title\": \"Ciudad Ju\xE1rez\", \"summary\": \"ok words here\"}, {\"title\": \"Clean\"}]";
  Extracted x = FromBytes(bytes);
  ASSERT_TRUE(x.status.ok()) << x.status.message();
  ASSERT_EQ(x.sink.docs.size(), 2u);
  EXPECT_EQ(x.sink.docs[0].raw_text.substr(0, 15), "Ciudad Ju\xEF\xBF\xBDrez");
  ASSERT_EQ(x.sink.docs[0].warnings.size(), 1u);
  EXPECT_EQ(x.sink.docs[0].warnings[0].code, "invalid_utf8");
  EXPECT_TRUE(x.sink.docs[1].warnings.empty());
}

TEST(JsonExtractorTest, RecordsWithoutProseAndNonObjectsAreRejected) {
  Extracted x = FromBytes("{\"items\": [{\"id\": 3, \"date\": \"2020-01-01\"}, 7, {\"title\": \"Kept\"}]}");
  ASSERT_TRUE(x.status.ok()) << x.status.message();
  ASSERT_EQ(x.sink.docs.size(), 1u);
  EXPECT_EQ(x.sink.docs[0].locator, "/items/2");
  ASSERT_EQ(x.sink.rejects.size(), 2u);
  EXPECT_EQ(x.sink.rejects[0].first, "/items/0");
  EXPECT_EQ(x.sink.rejects[0].second.code(), StatusCode::kEmpty);
  EXPECT_EQ(x.sink.rejects[1].first, "/items/1");
}

TEST(JsonExtractorTest, NestedWrappers) {
  Extracted x = FromBytes("{\"meta\": {\"note\": \"not a record at all here\"}, \"data\": {\"incidents\": "
                          "[{\"title\": \"One\"}, {\"title\": \"Two\"}]}}");
  ASSERT_TRUE(x.status.ok()) << x.status.message();
  ASSERT_EQ(x.sink.docs.size(), 2u);
  EXPECT_EQ(x.sink.docs[1].locator, "/data/incidents/1");
  EXPECT_EQ(x.sink.docs[1].segments[0].anchor.json_pointer, "/data/incidents/1/title");
}

struct ProseCase {
  const char* key;
  const char* value;
  bool prose;
};

class ProseRuleTest : public ::testing::TestWithParam<ProseCase> {};

TEST_P(ProseRuleTest, TellsProseFromStructuredValues) {
  const ProseCase& c = GetParam();
  const bool got = !json_internal::IsStructuredKey(c.key) && json_internal::IsProse(c.key, c.value);
  EXPECT_EQ(got, c.prose) << c.key << "=" << c.value;
}

INSTANTIATE_TEST_SUITE_P(
    Table, ProseRuleTest,
    ::testing::Values(ProseCase{"summary", "Officers returned 120 people.", true},
                      ProseCase{"title", "Layover", true},
                      ProseCase{"perpetrators", "ICE", true},
                      ProseCase{"statute", "ICCPR", true},
                      ProseCase{"note", "2025-01-21", false},
                      ProseCase{"displayDate", "January 21, 2025", false},
                      ProseCase{"when", "January 21, 2025", false},
                      ProseCase{"createdOn", "2023-11-01T17:58:05Z", false},
                      ProseCase{"severity", "severe", false},
                      ProseCase{"kind", "a long enum label here", false},
                      ProseCase{"categoryLabel", "Deportation & Immigration", false},
                      ProseCase{"posture", "executive-action", false},
                      ProseCase{"whatever", "executive-action", false},
                      ProseCase{"whatever", "https://example.org/a b", false},
                      ProseCase{"homepage", "https://example.org/a", false},
                      ProseCase{"sourceUrl", "see the report on the site", false},
                      ProseCase{"whatever", "12,000", false},
                      ProseCase{"comment", "Three plain words", true},
                      ProseCase{"comment", "Two words", false}));

TEST(DisplayDateTest, ParsesCommonForms) {
  EXPECT_EQ(json_internal::ParseDisplayDate("January 21, 2025"), "2025-01-21");
  EXPECT_EQ(json_internal::ParseDisplayDate("21 Jan 2025"), "2025-01-21");
  EXPECT_EQ(json_internal::ParseDisplayDate("Tuesday, March 3rd, 2020"), "2020-03-03");
  EXPECT_EQ(json_internal::ParseDisplayDate("December 2019"), "2019-12");
  EXPECT_EQ(json_internal::ParseDisplayDate("sometime soon"), "");
  EXPECT_EQ(json_internal::ParseDisplayDate("21 January"), "");
}

}  // namespace
}  // namespace dossier
