// JSON Lines extractor: one document per line, bad lines rejected alone.
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/extractors/extractor_test_util.h"

namespace dossier {
namespace {

using testing::CollectingSink;

// Returns line `n` (1-based) of `file` parsed as JSON.
nlohmann::json Line(const std::string& file, int64_t n) {
  std::istringstream in(file);
  std::string line;
  for (int64_t i = 0; i < n; ++i) std::getline(in, line);
  return nlohmann::json::parse(line);
}

TEST(JsonLinesExtractorTest, FixtureLinesRoundTrip) {
  const std::string path = testing::FixturePath("lines.jsonl");
  const std::string file = testing::ReadFile(path);
  Result<Input> input = OpenInput(path);
  ASSERT_TRUE(input.ok());
  CollectingSink sink;
  Status s = testing::Extract(*input, Format::kJsonLines, sink);
  ASSERT_TRUE(s.ok()) << s.message();

  ASSERT_EQ(sink.docs.size(), 4u);
  for (const Document& d : sink.docs) {
    EXPECT_EQ(d.locator, "line:" + std::to_string(d.line));
    testing::ExpectJsonRoundTrip(d, Line(file, d.line));
    for (const Segment& seg : d.segments) {
      if (seg.role != Role::kSeparator) {
        EXPECT_EQ(seg.anchor.line, d.line);
      }
    }
  }
  // A text field is the content; id, title, date, url are metadata.
  const Document& first = sink.docs[0];
  EXPECT_EQ(first.line, 1);
  EXPECT_EQ(first.raw_text, "On January 2, 2024, 50 people were returned.");
  EXPECT_EQ(first.segments[0].anchor.json_pointer, "/text");
  EXPECT_EQ(first.metadata.title, "Line one");
  EXPECT_EQ(first.metadata.date, "2024-01-02");
  EXPECT_EQ(first.metadata.url, "https://example.org/1");
  EXPECT_EQ(first.metadata.slug, "17");
  // Without a text field the line is mapped like a dump record.
  const Document& second = sink.docs[1];
  EXPECT_EQ(second.line, 3);
  EXPECT_EQ(second.raw_text,
            "Line two\n\nA record without a text field, mapped like a dump record.\n\n"
            "First key point here.\n\nSecond key point here.");
  EXPECT_EQ(second.metadata.slug, "two");
  // HTML in a text field becomes text.
  const Document& third = sink.docs[2];
  EXPECT_EQ(third.line, 5);
  EXPECT_EQ(third.raw_text, "HTML & text in a content field.");
  EXPECT_EQ(third.metadata.date, "2021-03-03");
  // CRLF line end.
  EXPECT_EQ(sink.docs[3].line, 7);
  EXPECT_EQ(sink.docs[3].raw_text, "Last line, with CRLF ending.");

  ASSERT_EQ(sink.rejects.size(), 2u);
  EXPECT_EQ(sink.rejects[0].first, "line:4");
  EXPECT_EQ(sink.rejects[0].second.code(), StatusCode::kInvalidInput);
  EXPECT_NE(sink.rejects[0].second.message().find("line 4"), std::string::npos);
  EXPECT_EQ(sink.rejects[1].first, "line:6");
  EXPECT_NE(sink.rejects[1].second.message().find("not an object"), std::string::npos);
}

TEST(JsonLinesExtractorTest, BadLinesNeverStopTheRest) {
  std::string bytes = "{\"text\": \"good one\"}\n";
  bytes += std::string(100000, '[') + "\n";                      // too deep
  bytes += "{\"text\": \"bad \xC3\x28 utf8\"}\n";                  // ill-formed, repaired
  bytes += std::string("{\"text\": \"raw \0 nul\"}\n", 22);       // raw NUL: invalid
  bytes += "{\"text\": \"good two\"}";                             // no final newline
  CollectingSink sink;
  Status s = testing::Extract(InputFromBytes("t.jsonl", bytes), Format::kJsonLines, sink);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(sink.docs.size(), 3u);
  EXPECT_EQ(sink.docs[0].raw_text, "good one");
  EXPECT_EQ(sink.docs[1].raw_text, "bad \xEF\xBF\xBD( utf8");
  ASSERT_EQ(sink.docs[1].warnings.size(), 1u);
  EXPECT_EQ(sink.docs[2].raw_text, "good two");
  EXPECT_EQ(sink.docs[2].line, 5);
  ASSERT_EQ(sink.rejects.size(), 2u);
  EXPECT_EQ(sink.rejects[0].first, "line:2");
  EXPECT_EQ(sink.rejects[0].second.code(), StatusCode::kLimit);
  EXPECT_EQ(sink.rejects[1].first, "line:4");
}

TEST(JsonLinesExtractorTest, EmptyInputs) {
  for (const std::string& bytes : {std::string(), std::string("\n\n  \n")}) {
    CollectingSink sink;
    Status s = testing::Extract(InputFromBytes("t.jsonl", bytes), Format::kJsonLines, sink);
    EXPECT_EQ(s.code(), StatusCode::kEmpty);
    EXPECT_TRUE(sink.docs.empty());
  }
}

}  // namespace
}  // namespace dossier
