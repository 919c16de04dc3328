#include "pipeline/core/document.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

// Two parts of a JSON record joined by a separator: anchors must name the
// part's pointer and the offset inside its string.
Document TwoPartJsonDocument() {
  Document d;
  d.raw_text = "Title here\n\nSummary text";
  d.segments.push_back(Segment::Verbatim(0, 10, 0, Role::kTitle, "/record/title", "title"));
  Segment separator;
  separator.begin = 10;
  separator.end = 12;
  separator.role = Role::kSeparator;
  separator.linear = false;
  d.segments.push_back(separator);
  d.segments.push_back(Segment::Verbatim(12, 24, 0, Role::kBody, "/record/summary", "summary"));
  d.text = d.raw_text;
  d.offsets.AddUnchanged(d.raw_text.size());
  d.sentences = {{0, 10}, {12, 24}};
  return d;
}

TEST(DocumentTest, SpanAnchorsNameTheJsonPart) {
  Document d = TwoPartJsonDocument();
  Span s = d.MakeSpan(20, 24);  // "text"
  EXPECT_EQ(d.Text(s), "text");
  EXPECT_EQ(s.source_begin.json_pointer, "/record/summary");
  EXPECT_EQ(s.source_begin.byte_offset, 8);
  EXPECT_EQ(s.source_end.byte_offset, 12);
  Span t = d.MakeSpan(0, 5);
  EXPECT_EQ(t.source_begin.json_pointer, "/record/title");
  EXPECT_EQ(t.source_end.byte_offset, 5);
}

TEST(DocumentTest, SpansThroughNormalizationEdits) {
  Document d;
  d.raw_text = "it\xE2\x80\x99s here";  // it’s here
  d.segments.push_back(Segment::Verbatim(0, d.raw_text.size(), 100));
  d.text = "it's here";
  d.offsets.AddUnchanged(2);
  d.offsets.AddReplace(3, 1);
  d.offsets.AddUnchanged(6);
  Span s = d.MakeSpan(5, 9);  // "here"
  EXPECT_EQ(s.source_begin.byte_offset, 100 + 7);
  EXPECT_EQ(s.source_end.byte_offset, 100 + 11);
}

TEST(DocumentTest, SentenceAtFindsTheHoldingSentence) {
  Document d = TwoPartJsonDocument();
  EXPECT_EQ(d.SentenceAt(3), 0);
  EXPECT_EQ(d.SentenceAt(11), -1);  // the separator belongs to no sentence
  EXPECT_EQ(d.SentenceAt(15), 1);
}

TEST(DocumentTest, SpanIsClampedToTheText) {
  Document d = TwoPartJsonDocument();
  Span s = d.MakeSpan(20, 1000);
  EXPECT_EQ(s.end, d.text.size());
}

}  // namespace
}  // namespace dossier
