#include "pipeline/core/json_io.h"

#include <gtest/gtest.h>

#include <string>

namespace dossier {
namespace {

// A document whose text crosses the writer's 64 KB pieces with multi-byte
// characters, quotes and control characters, and carries blocks, sentences,
// entities of every kind and a warning.
Document LongDocument() {
  Document d;
  d.id = "0123456789abcdef";
  d.source_path = "dir/a \"b\".txt";
  d.sha256 = std::string(64, 'a');
  d.format = Format::kText;
  std::string text;
  while (text.size() < 200'000) text += "Se fue el 3 de marzo \u00BFverdad? \u6771\u4EAC \U0001F600 \"q\" tab\t. ";
  d.raw_text = d.text = text;
  d.offsets.AddUnchanged(text.size());
  d.segments.push_back(Segment::Verbatim(0, 100'000, 0));
  d.segments.push_back(Segment::Verbatim(100'000, text.size(), 100'000, Role::kTable, "", "t1"));
  for (size_t at = 0; at + 50 < text.size(); at += 977) d.sentences.push_back({at, at + 50});
  for (size_t at = 0; at + 20 < text.size(); at += 4111) {
    Entity e;
    e.type = static_cast<EntityType>((at / 4111) % 4);
    e.span = d.MakeSpan(at, at + 20);
    e.text = text.substr(at, 20);
    e.pattern = "x.y";
    e.sentence = static_cast<int>(at / 977);
    switch (e.type) {
      case EntityType::kDate: e.value = DateValue{"2019-03-03", "day", "", true, false}; break;
      case EntityType::kStatistic: e.value = StatisticValue{"count", 5000, "", "over", "personas", ""}; break;
      case EntityType::kStatute: e.value = StatuteValue{"Ley de Migraci\u00F3n", "Article 11", false}; break;
      case EntityType::kCitation: {
        CitationValue c;
        c.kind = "url";
        c.url = "https://example.org/a?b=\"c\"";
        e.value = c;
        break;
      }
    }
    d.entities.push_back(std::move(e));
  }
  d.metadata.title = "T\u00EDtulo";
  d.warnings.push_back({"extract", "code", "a \"warning\""});
  return d;
}

std::string Streamed(const Document& d, const RecordOptions& options, size_t* pieces) {
  std::string out;
  *pieces = 0;
  WriteDocumentLine(d, options, [&](std::string_view piece) {
    out += piece;
    ++*pieces;
  });
  return out;
}

TEST(JsonIoTest, StreamedRecordIsTheRecordLine) {
  const Document d = LongDocument();
  for (int mask = 0; mask < 8; ++mask) {
    RecordOptions options;
    options.include_text = mask & 1;
    options.include_segments = mask & 2;
    options.include_sentences = mask & 4;
    size_t pieces = 0;
    const std::string streamed = Streamed(d, options, &pieces);
    EXPECT_EQ(streamed, Line(ToJson(d, options))) << "options " << mask;
    if (options.include_text) {
      EXPECT_GT(pieces, 2u) << "the text went in one piece";
    }
  }
}

TEST(JsonIoTest, StreamedEmptyDocumentIsTheRecordLine) {
  Document d;
  size_t pieces = 0;
  EXPECT_EQ(Streamed(d, {}, &pieces), Line(ToJson(d)));
  EXPECT_EQ(pieces, 1u);
}

}  // namespace
}  // namespace dossier
