// Markdown extractor: syntax removed, and every kept byte maps back to the
// file byte it came from.
#include "extractors/markdown/markdown_extractor.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/extractors/extractor_test_util.h"

namespace dossier {
namespace {

using testing::CollectingSink;

// Returns the document extracted from Markdown `source`.
Document FromMarkdown(const std::string& source) {
  CollectingSink sink;
  Status s = testing::Extract(InputFromBytes("t.md", source), Format::kMarkdown, sink);
  EXPECT_TRUE(s.ok()) << s.message();
  if (sink.docs.size() != 1) {
    ADD_FAILURE() << "expected one document";
    return Document();
  }
  testing::ExpectFileRoundTrip(sink.docs[0], source);
  return std::move(sink.docs[0]);
}

struct InlineCase {
  const char* name;
  const char* markdown;
  const char* text;  // the raw text expected
};

class MarkdownInlineTest : public ::testing::TestWithParam<InlineCase> {};

TEST_P(MarkdownInlineTest, StripsSyntax) {
  EXPECT_EQ(FromMarkdown(GetParam().markdown).raw_text, GetParam().text);
}

INSTANTIATE_TEST_SUITE_P(
    Table, MarkdownInlineTest,
    ::testing::Values(
        InlineCase{"atx_heading", "## What is MPP? ##\n", "What is MPP?"},
        InlineCase{"link", "the [Migrant Protection Protocols](#) began", "the Migrant Protection Protocols began"},
        InlineCase{"link_with_escapes", "the [Protocols \\(MPP\\)](#) began", "the Protocols (MPP) began"},
        InlineCase{"image", "see ![a chart](c.png) here", "see a chart here"},
        InlineCase{"reference_link", "a [report][1] said\n\n[1]: http://x.example", "a report said"},
        InlineCase{"escaped_dollar", "\\$50\t\\$100", "$50\t$100"},
        InlineCase{"strong_and_em", "**US: Returns** and *more* and _this_", "US: Returns and more and this"},
        InlineCase{"snake_case_kept", "snake_case_name stays", "snake_case_name stays"},
        InlineCase{"lone_star_kept", "5 * 3 = 15", "5 * 3 = 15"},
        InlineCase{"code_span", "run `a*b_c` now", "run a*b_c now"},
        InlineCase{"inline_html", "<a href=\"#\">DONATE NOW</a>\t\t", "DONATE NOW"},
        InlineCase{"autolink", "<https://example.org/x>", "https://example.org/x"},
        InlineCase{"entity", "Tom &amp; Jerry", "Tom & Jerry"},
        InlineCase{"hard_break_kept_as_line", "line one  \nline two", "line one  \nline two"},
        InlineCase{"list_items_apart", "- one\n- two\n* three\n1. four\n", "one\n\ntwo\n\nthree\n\nfour"},
        InlineCase{"quote", "> quoted\n> text\n\nafter", "quoted\ntext\n\nafter"},
        InlineCase{"thematic_break", "above\n\n***\n\nbelow", "above\n\nbelow"},
        InlineCase{"setext", "Title\n=====\nBody", "Title\n\nBody"},
        InlineCase{"fence", "```\nx *y*\n```\n", "x *y*"},
        InlineCase{"crlf", "# Head\r\n\r\nBody\r\n", "Head\n\nBody"},
        InlineCase{"footnote_reference_keeps_its_number", "returned.[^12] Then", "returned.12 Then"},
        InlineCase{"footnote_definition_kept", "Text.[^1]\n\n[^1]: A note\n  continued.\n",
                   "Text.1\n\nA note\ncontinued."}),
    [](const ::testing::TestParamInfo<InlineCase>& p) { return std::string(p.param.name); });

TEST(MarkdownExtractorTest, RolesAndTitle) {
  Document doc = FromMarkdown("# The *Main* Title\n\nText.\n\n## Sub\n\n- item\n\n> quote\n");
  EXPECT_EQ(doc.metadata.title, "The Main Title");
  EXPECT_EQ(testing::BlocksWithRole(doc, Role::kTitle), "The Main Title");
  EXPECT_EQ(testing::BlocksWithRole(doc, Role::kHeading), "Sub");
  EXPECT_EQ(testing::BlocksWithRole(doc, Role::kListItem), "item");
  EXPECT_EQ(testing::BlocksWithRole(doc, Role::kQuote), "quote");
  EXPECT_EQ(testing::BlocksWithRole(doc, Role::kBody), "Text.");
}

// Footnote definitions are footnotes labelled with their names, as a PDF's
// are with their numbers; before, they were dropped with link definitions.
TEST(MarkdownExtractorTest, FootnoteDefinitionsAreFootnotes) {
  Document doc = FromMarkdown("Returned.[^1] Kidnapped.[^2]\n\n[^1]: First note.\n[^2]: Second *note*.\n");
  std::vector<std::string> labels;
  for (const Segment& s : doc.segments) {
    if (s.role == Role::kFootnote) labels.push_back(s.label);
  }
  ASSERT_FALSE(labels.empty());
  EXPECT_EQ(labels.front(), "1");
  EXPECT_EQ(labels.back(), "2");
  EXPECT_EQ(testing::BlocksWithRole(doc, Role::kFootnote).find("First note."), 0u);
}

TEST(MarkdownExtractorTest, FixtureRoundTrips) {
  const std::string path = testing::FixturePath("sample.md");
  const std::string file = testing::ReadFile(path);
  Result<Input> input = OpenInput(path);
  ASSERT_TRUE(input.ok());
  CollectingSink sink;
  ASSERT_TRUE(testing::Extract(*input, Format::kMarkdown, sink).ok());
  ASSERT_EQ(sink.docs.size(), 1u);
  const Document& doc = sink.docs[0];
  testing::ExpectFileRoundTrip(doc, file);
  EXPECT_EQ(doc.metadata.title, "The Main Title");
  EXPECT_EQ(testing::BlocksWithRole(doc, Role::kHeading),
            "Setext heading|Heading with closing hashes");
  EXPECT_EQ(testing::BlocksWithRole(doc, Role::kListItem),
            "First item|Second item with inline HTML\ncontinued on the next line|Numbered item|"
            "Other numbered item");
  EXPECT_EQ(testing::BlocksWithRole(doc, Role::kQuote), "A quoted line\nthat continues & ends.");
  EXPECT_NE(doc.raw_text.find("escaped $50 fee, plus an image alt text and a ref link."), std::string::npos)
      << doc.raw_text;
  EXPECT_NE(doc.raw_text.find("with a link and *stars*."), std::string::npos) << doc.raw_text;
  EXPECT_NE(doc.raw_text.find("code block *kept* verbatim"), std::string::npos);
  EXPECT_NE(doc.raw_text.find("Closing ## line with trailing hashes ##"), std::string::npos);
  EXPECT_EQ(doc.raw_text.find("https://example.org/ref"), std::string::npos);
}

TEST(MarkdownExtractorTest, SeedKeepsProseAndProvenance) {
  const std::string path = testing::SeedPath("002_5e5a55630e324d55.txt");
  const std::string file = testing::ReadFile(path);
  Result<Input> input = OpenInput(path);
  ASSERT_TRUE(input.ok());
  CollectingSink sink;
  ASSERT_TRUE(testing::Extract(*input, Format::kMarkdown, sink).ok());
  ASSERT_EQ(sink.docs.size(), 1u);
  const Document& doc = sink.docs[0];
  EXPECT_GT(testing::ExpectFileRoundTrip(doc, file), 100u);
  EXPECT_EQ(doc.metadata.title, "Q&A: Trump Administration\u2019s \u201cRemain in Mexico\u201d Program");
  for (const char* kept : {"announced the implementation of the Migrant Protection Protocols (MPP), also known",
                           "over 56,000 asylum seekers, including 16,000 children",
                           "What is the Trump administration\u2019s MPP or \u201cRemain in Mexico\u201d program?",
                           "$50\t$100\t$250", "DONATE NOW", "US: Returns to Mexico Threaten Rights, Security"}) {
    EXPECT_NE(doc.raw_text.find(kept), std::string::npos) << kept;
  }
  for (const char* gone : {"](#)", "\\$", "**", "<a href", "\n# ", "\n## "}) {
    EXPECT_EQ(doc.raw_text.find(gone), std::string::npos) << gone;
  }
  // List items of "MOST VIEWED" are separate blocks.
  EXPECT_NE(testing::BlocksWithRole(doc, Role::kListItem).find("April 14, 2020 | Commentary"), std::string::npos);
}

TEST(MarkdownExtractorTest, BadBytesDoNotCrash) {
  for (const std::string& bytes : {std::string(), std::string("# \0\0\n\0[", 7), std::string("\xFF\xFE[](", 5),
                                   std::string(10000, '['), std::string(10000, '`'), std::string(1 << 20, '<'),
                                   std::string(1 << 20, '['), std::string("**\n>\n- \n```")}) {
    CollectingSink sink;
    Status s = testing::Extract(InputFromBytes("bad.md", bytes), Format::kMarkdown, sink);
    EXPECT_TRUE(s.ok()) << s.message();
    ASSERT_EQ(sink.docs.size(), 1u);
    testing::ExpectFileRoundTrip(sink.docs[0], bytes);
  }
}

}  // namespace
}  // namespace dossier
