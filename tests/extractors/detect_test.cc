// Format detection from content: a table of real cases, then the seeds
// (all named ".txt", whatever they hold).
#include "extractors/detect.h"

#include <string>

#include <gtest/gtest.h>

#include "tests/extractors/extractor_test_util.h"

namespace dossier {
namespace {

struct Case {
  const char* name;
  std::string head;
  Format format;
  const char* reason_part;  // expected inside the reason ("" for any)
  int64_t total_size = -1;  // -1: the head is the whole file
};

class DetectTest : public ::testing::TestWithParam<Case> {};

TEST_P(DetectTest, Classifies) {
  const Case& c = GetParam();
  const int64_t total = c.total_size < 0 ? static_cast<int64_t>(c.head.size()) : c.total_size;
  Detection d = DetectFormat(c.head, total);
  EXPECT_EQ(FormatName(d.format), FormatName(c.format)) << c.name << ": " << d.reason;
  EXPECT_NE(d.reason.find(c.reason_part), std::string::npos) << c.name << ": " << d.reason;
}

std::string Pretty() {
  return "[\n  {\n    \"title\": \"A\",\n    \"n\": 1\n  },\n  {\n    \"title\": \"B\"\n  }\n]\n";
}

INSTANTIATE_TEST_SUITE_P(
    Table, DetectTest,
    ::testing::Values(
        Case{"empty", "", Format::kUnknown, "empty"},
        Case{"whitespace", "  \n\t\n", Format::kUnknown, "whitespace"},
        Case{"nul_bytes", std::string("abc\0def\0ghi\0jkl", 15), Format::kUnknown, "binary"},
        // One damaged byte does not make a report binary: the normalizer
        // replaces it and says so.
        Case{"stray_nul_in_text", std::string("Over 71,000 people\0 were returned in 2019.", 43),
             Format::kText, "text"},
        Case{"control_bytes", "\x01\x02\x03\x04\x05\x06hello", Format::kUnknown, "binary"},
        Case{"png", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), Format::kUnknown, "PNG"},
        Case{"zip", std::string("PK\x03\x04\x14\0\x06\0", 8), Format::kUnknown, "ZIP"},
        Case{"utf16", std::string("\xFF\xFEH\0i\0", 6), Format::kUnknown, "UTF-16"},
        Case{"pdf", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n", Format::kPdf, "%PDF"},
        Case{"pdf_after_junk", "\r\n%PDF-1.4\n", Format::kPdf, "%PDF"},
        Case{"html_doctype", "<!DOCTYPE html>\n<html><body><p>Hi</p></body></html>", Format::kHtml, "HTML"},
        Case{"html_fragment", "<div class=\"x\"><p>Text</p></div>", Format::kHtml, "HTML"},
        Case{"html_after_comment", "<!-- saved -->\n<html lang=en>", Format::kHtml, "HTML"},
        Case{"xml_not_html", "<?xml version=\"1.0\"?>\n<rss><channel/></rss>", Format::kUnknown, "XML"},
        Case{"json_object", "{\"title\": \"A\", \"n\": [1, 2]}", Format::kJson, "JSON"},
        Case{"json_array_pretty", Pretty(), Format::kJson, "JSON"},
        Case{"json_bom", "\xEF\xBB\xBF {\"a\": 1}", Format::kJson, "JSON"},
        Case{"json_truncated_file", "{\"title\": \"A\", \"summary\": \"cut he", Format::kJson, "malformed"},
        Case{"json_head_of_big_file", "{\"records\": [{\"title\": \"A\"}, {\"tit", Format::kJson, "JSON",
             1 << 30},
        Case{"json_one_line_is_json", "{\"a\": 1}\n", Format::kJson, "JSON"},
        Case{"jsonl", "{\"id\": 1, \"text\": \"a\"}\n{\"id\": 2, \"text\": \"b\"}\n", Format::kJsonLines, "per line"},
        Case{"jsonl_crlf_blank", "{\"id\": 1}\r\n\r\n{\"id\": 2}\r\n[3]\r\n", Format::kJsonLines, "per line"},
        Case{"jsonl_head_cut_mid_line", "{\"a\": 1}\n{\"a\": 2}\n{\"a\": 3, \"b\": \"xx", Format::kJsonLines,
             "per line", 1 << 20},
        Case{"bracket_note_is_text", "[1] See the note below.\nMore text.\n", Format::kText, "text"},
        Case{"brace_draft_is_text", "{Draft} The report covers 2019.\n", Format::kText, "text"},
        Case{"markdown_heading", "# Title\n\nSome text.\n", Format::kMarkdown, "Markdown"},
        Case{"markdown_links", "See [one](http://a.example) and [two](http://b.example).\n", Format::kMarkdown,
             "Markdown"},
        Case{"markdown_setext", "Title\n=====\n\nText.\n", Format::kMarkdown, "Markdown"},
        Case{"markdown_fence", "Intro\n\n```\ncode\n```\n", Format::kMarkdown, "Markdown"},
        Case{"markdown_link_first", "[Home](/) and [About](/about)\n\nBody text.", Format::kMarkdown, "Markdown"},
        Case{"markdown_footnotes", "Returned.[^1] Held.[^2]\n\n[^1]: HRW, Report, 2019.\n[^2]: UNHCR, Trends, 2020.\n",
             Format::kMarkdown, "footnote"},
        Case{"one_bracket_note_is_text", "[^1]: a lone line.\nMore text.\n", Format::kText, "text"},
        Case{"hashtag_is_text", "#MeToo and #asylum trended.\nNothing else.\n", Format::kText, "text"},
        Case{"numbered_text", "1. First point.\n2. Second point.\n", Format::kText, "text"},
        Case{"plain", "The policy began on January 25, 2019.\n", Format::kText, "text"},
        Case{"latin1_text", "Ciudad Ju\xE1rez, M\xE9xico.\n", Format::kText, "text"}),
    [](const ::testing::TestParamInfo<Case>& p) { return std::string(p.param.name); });

struct SeedCase {
  const char* file;
  Format format;
};

class DetectSeedTest : public ::testing::TestWithParam<SeedCase> {};

TEST_P(DetectSeedTest, ClassifiesSeedByContent) {
  const std::string bytes = testing::ReadFile(testing::SeedPath(GetParam().file));
  ASSERT_FALSE(bytes.empty());
  Result<Input> input = OpenInput(testing::SeedPath(GetParam().file));
  ASSERT_TRUE(input.ok());
  Detection d = DetectFormat(input->head, input->size);
  EXPECT_EQ(FormatName(d.format), FormatName(GetParam().format)) << d.reason;
}

INSTANTIATE_TEST_SUITE_P(Seeds, DetectSeedTest,
                         ::testing::Values(SeedCase{"000_e58ba67729caf002.txt", Format::kJson},
                                           SeedCase{"001_f317ec612d5c895c.txt", Format::kText},
                                           SeedCase{"002_5e5a55630e324d55.txt", Format::kMarkdown},
                                           SeedCase{"003_0cda4033fbb05015.txt", Format::kText},
                                           SeedCase{"004_02e4a86a56e3b9bc.txt", Format::kText}));

}  // namespace
}  // namespace dossier
