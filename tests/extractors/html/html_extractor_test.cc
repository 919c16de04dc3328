// HTML extractor: boilerplate removal, structure and roles, provenance round
// trips, and bad input (binary, huge, deeply nested, over the limit).
#include "extractors/html/html_extractor.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "html_test_util.h"

namespace dossier {
namespace {

using testing::ExtractPage;
using testing::Fixture;

bool Has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

// Returns how many linear segments were checked; fails the test on the first
// segment whose bytes differ from the source bytes at its anchor.
size_t ExpectRoundTrip(const Document& doc, const std::string& source) {
  size_t linear = 0;
  size_t expected_begin = 0;
  for (const Segment& s : doc.segments) {
    EXPECT_EQ(s.begin, expected_begin) << "segments must tile the raw text";
    expected_begin = s.end;
    if (s.role == Role::kSeparator) continue;
    // Only a title found nowhere in the page (a <meta> value) has no anchor.
    if (s.role != Role::kTitle) {
      EXPECT_GE(s.anchor.byte_offset, 0);
    }
    EXPECT_LT(s.anchor.byte_offset, static_cast<int64_t>(source.size()));
    if (!s.linear) continue;
    ++linear;
    const std::string_view raw = std::string_view(doc.raw_text).substr(s.begin, s.end - s.begin);
    const std::string_view src = std::string_view(source).substr(
        static_cast<size_t>(s.anchor.byte_offset), raw.size());
    if (raw != src) {
      ADD_FAILURE() << "segment at raw " << s.begin << " is not verbatim: '" << raw << "' vs '"
                    << src << "'";
      return linear;
    }
  }
  EXPECT_EQ(expected_begin, doc.raw_text.size());
  return linear;
}

TEST(HtmlExtractorTest, KeepsArticleAndDropsBoilerplate) {
  const std::string page = Fixture("article_boilerplate.html");
  Result<Document> doc = ExtractPage(page);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  const std::string& t = doc->raw_text;
  struct Case {
    const char* text;
    bool kept;
  };
  const std::vector<Case> cases = {
      {"LONDON, 4 March 2021", true},  // a dateline says where and when the story was filed
      {"waited an average of 41 days", true},
      {"interviewing 212 detained people", true},
      {"Findings of the inspection", true},
      {"Medical assessments were late", true},
      {"Interpreters were not available", true},
      {"These delays cause real harm", true},
      {"Average days in detention by centre", true},
      {"North | 38", true},
      {"would publish an action plan", true},
      {"We use cookies", false},
      {"Your trusted daily source", false},
      {"Politics", false},
      {"Share on Facebook", false},
      {"By Jane Reporter", false},
      {"Asylum backlog grows", false},
      {"This is a disgrace", false},
      {"Weather warning", false},
      {"All rights reserved", false},
      {".cookie-banner", false},
      {"\"@context\"", false},
  };
  for (const Case& c : cases) EXPECT_EQ(Has(t, c.text), c.kept) << c.text;
  // Reading order.
  EXPECT_LT(t.find("LONDON"), t.find("41 days"));
  EXPECT_LT(t.find("41 days"), t.find("212 detained"));
  EXPECT_LT(t.find("212 detained"), t.find("Findings of"));
  EXPECT_LT(t.find("Interpreters"), t.find("These delays"));
  EXPECT_LT(t.find("South | 45"), t.find("action plan"));
}

// Pages of other kinds than news: the main text is kept, the frame dropped.
TEST(HtmlExtractorTest, OtherKindsOfPages) {
  struct Case {
    const char* fixture;
    std::vector<const char*> kept;
    std::vector<const char*> dropped;
  };
  const std::vector<Case> cases = {
      {"court_opinion.html",
       {"OPINION OF THE COURT", "SMITH, Circuit Judge.", "8 U.S.C. \xC2\xA7 1158",
        "grant the petition", "gang members had threatened him", "timely filed his application"},
       {"Case Law Library", "Log in", "Courts", "Cited by", "Roe v. Garland", "Privacy policy"}},
      {"forum_thread.html",
       {"says 240 days", "release extra slots on Monday"},
       {"New posts", "Members", "Next page", "all rights reserved"}},
  };
  for (const Case& c : cases) {
    Result<Document> doc = ExtractPage(Fixture(c.fixture));
    ASSERT_TRUE(doc.ok()) << c.fixture;
    for (const char* k : c.kept) EXPECT_TRUE(Has(doc->raw_text, k)) << c.fixture << ": " << k;
    for (const char* d : c.dropped) EXPECT_FALSE(Has(doc->raw_text, d)) << c.fixture << ": " << d;
  }
  // Footnotes keep their role.
  Result<Document> opinion = ExtractPage(Fixture("court_opinion.html"));
  ASSERT_TRUE(opinion.ok());
  const size_t fn = opinion->raw_text.find("The Government does not contest");
  ASSERT_NE(fn, std::string::npos);
  for (const Segment& s : opinion->segments) {
    if (s.begin <= fn && fn < s.end) {
      EXPECT_EQ(s.role, Role::kFootnote);
    }
  }
}

// The items of a footnote list are footnotes, each labelled with its
// number (from its id, else its place), so the citation finder reads one
// note per item, as it does a PDF's; text styled inside an item keeps it.
TEST(HtmlExtractorTest, FootnoteListItemsAreNumberedFootnotes) {
  Result<Document> doc = ExtractPage(
      "<html><body><article><h1>Returns to Danger</h1>"
      "<p>More than 70,000 people were returned under the program by 2020.<sup>1</sup> Many of them were "
      "kidnapped or assaulted while they waited in Mexico.<sup>2</sup></p>"
      "<section class=\"footnotes\"><h2>Notes</h2><ol start=\"1\">"
      "<li id=\"fn1\">Migration Policy Institute, \"Remain in Mexico,\" January 2022.</li>"
      "<li>Human Rights First, <em>Delivered to Danger</em> (New York: HRF, February 2020), 4.</li>"
      "</ol></section></article></body></html>");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  auto label_at = [&](const char* text) -> std::string {
    const size_t at = doc->raw_text.find(text);
    if (at == std::string::npos) return "(missing)";
    for (const Segment& s : doc->segments) {
      if (s.begin <= at && at < s.end) return s.role == Role::kFootnote ? s.label : "(not a footnote)";
    }
    return "(no segment)";
  };
  EXPECT_EQ(label_at("Migration Policy Institute"), "1");
  EXPECT_EQ(label_at("Human Rights First,"), "2");
  EXPECT_EQ(label_at("Delivered to Danger"), "2");
  EXPECT_EQ(label_at("(New York"), "2");
  EXPECT_EQ(label_at("More than 70,000"), "(not a footnote)");
  EXPECT_EQ(label_at("Notes"), "(not a footnote)");  // the section's heading stays a heading
}

// Numbering a footnote list's items is one pass over the tree, not a count
// of earlier siblings per item: 100,000 notes finish and keep their places.
TEST(HtmlExtractorTest, PathologicalFootnoteListFinishes) {
  std::string page = "<html><body><article><p>" + std::string(2000, 'x') + " text.</p><ol class=\"footnotes\">";
  for (int i = 0; i < 100000; ++i) page += "<li>A note.</li>";
  page += "</ol></article></body></html>";
  Result<Document> doc = ExtractPage(page);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  std::string last;
  for (const Segment& s : doc->segments) {
    if (s.role == Role::kFootnote) last = s.label;
  }
  EXPECT_EQ(last, "100000");
}

TEST(HtmlExtractorTest, GivesEachBlockItsRole) {
  const std::string page = Fixture("article_boilerplate.html");
  Result<Document> doc = ExtractPage(page);
  ASSERT_TRUE(doc.ok());
  struct Case {
    const char* text;
    Role role;
  };
  const std::vector<Case> cases = {
      {"An inspection report", Role::kBody},
      {"Findings of the inspection", Role::kHeading},
      {"Medical assessments", Role::kListItem},
      {"\"These delays", Role::kQuote},
      {"Average days in detention", Role::kCaption},
      {"North", Role::kTable},
      {" | ", Role::kSeparator},
      {"\n\n", Role::kSeparator},
  };
  for (const Case& c : cases) {
    const size_t at = doc->raw_text.find(c.text);
    ASSERT_NE(at, std::string::npos) << c.text;
    const Segment* seg = nullptr;
    for (const Segment& s : doc->segments) {
      if (s.begin <= at && at < s.end) seg = &s;
    }
    ASSERT_NE(seg, nullptr) << c.text;
    EXPECT_EQ(seg->role, c.role) << c.text;
  }
}

TEST(HtmlExtractorTest, TitleIsMetadataAndOptionallyText) {
  const std::string page = Fixture("article_boilerplate.html");
  Result<Document> plain = ExtractPage(page);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->metadata.title, "Border agency report finds detention delays");
  EXPECT_FALSE(Has(plain->raw_text, "Border agency report"));
  Result<Document> titled = ExtractPage(page, {.title_in_text = true});
  ASSERT_TRUE(titled.ok());
  EXPECT_EQ(titled->raw_text.rfind("Border agency report finds detention delays\n\n", 0), 0u);
  ASSERT_FALSE(titled->segments.empty());
  EXPECT_EQ(titled->segments.front().role, Role::kTitle);
  // Said once: the article's <h1> is not repeated after the title.
  EXPECT_EQ(titled->raw_text.find("Border agency report", 10), std::string::npos);
  ExpectRoundTrip(*titled, page);
}

// With no headline from the publisher (og:title, JSON-LD), the headline read
// into the text is the page's <h1>, even inside the article's <header>,
// not a <title> such as "Press Release | Site".
TEST(HtmlExtractorTest, HeadlineInTextPrefersTheH1ToAGenericTitle) {
  const std::string page =
      "<html><head><title>Press Release | Border Rights Collaborative</title></head><body>"
      "<header><nav><a href=\"/\">Home</a></nav></header><main><article><header>"
      "<h1>Judge Ends Cases Against 14 Families</h1></header>"
      "<p>An immigration judge in El Paso on May 29 terminated removal proceedings against 14 families, "
      "52 people in all, who had waited as long as 700 days for their hearings.</p>"
      "<p>The judge found that the notices omitted the time and place of the hearing, and that the defect "
      "was never cured by a later notice, as the Supreme Court required.</p></article></main></body></html>";
  Result<Document> titled = ExtractPage(page, {.title_in_text = true});
  ASSERT_TRUE(titled.ok());
  EXPECT_EQ(titled->raw_text.rfind("Judge Ends Cases Against 14 Families\n\n", 0), 0u) << titled->raw_text;
  EXPECT_EQ(titled->metadata.title, "Press Release | Border Rights Collaborative");
  ExpectRoundTrip(*titled, page);
}

// A chart's caption is content where entities are found, not in the main
// text that benchmarks score.
TEST(HtmlExtractorTest, FigureCaptionsOnlyWhereAsked) {
  const std::string page =
      "<html><head><title>Flights</title></head><body><article><h1>Flights</h1>"
      "<p>A six-month investigation found that medical emergencies on deportation flights went unreported, "
      "according to records obtained under the Freedom of Information Act.</p>"
      "<figure><img src=\"c.png\"><figcaption>Removal flights per month, January-August 2025.</figcaption></figure>"
      "<p>The agency did not answer questions about the flights, their crews or the restraints used on them "
      "during the longest legs of the trips.</p></article></body></html>";
  Result<Document> plain = ExtractPage(page);
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE(Has(plain->raw_text, "Removal flights per month"));
  Result<Document> captioned = ExtractPage(page, {.captions_in_text = true});
  ASSERT_TRUE(captioned.ok());
  EXPECT_TRUE(Has(captioned->raw_text, "Removal flights per month, January-August 2025."));
  ExpectRoundTrip(*captioned, page);
}

TEST(HtmlExtractorTest, LinearSegmentsRoundTripToFileBytes) {
  for (const char* name : {"article_boilerplate.html", "entities.html"}) {
    const std::string page = Fixture(name);
    Result<Document> doc = ExtractPage(page, {.title_in_text = true});
    ASSERT_TRUE(doc.ok()) << name;
    EXPECT_GT(ExpectRoundTrip(*doc, page), 3u) << name;
  }
}

TEST(HtmlExtractorTest, EntitiesAreNonLinearAtTheirSource) {
  const std::string page = Fixture("entities.html");
  Result<Document> doc = ExtractPage(page);
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(Has(doc->raw_text, "Smith & Jones"));
  EXPECT_TRUE(Has(doc->raw_text, "waited > 6 months"));
  const size_t amp = doc->raw_text.find('&');
  for (const Segment& s : doc->segments) {
    if (s.begin <= amp && amp < s.end) {
      EXPECT_FALSE(s.linear);
      EXPECT_EQ(page.compare(static_cast<size_t>(s.anchor.byte_offset), 5, "&amp;"), 0);
    }
  }
}

TEST(HtmlExtractorTest, WholeBodyWhenNoArticleStandsOut) {
  Result<Document> doc = ExtractPage(Fixture("no_article.html"));
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(Has(doc->raw_text, "Office hours are Monday to Friday."));
  EXPECT_FALSE(Has(doc->raw_text, "Footer text"));
}

TEST(HtmlExtractorTest, WrongDeclaredCharsetIsReadableWithWarning) {
  // Declared UTF-8, written in windows-1252.
  const std::string page =
      "<html><head><meta charset=\"utf-8\"></head><body><article><p>Le caf\xE9 na\xEFve "
      "of the r\xE9sum\xE9 \x93quoted\x94 was closed for the whole winter season.</p>"
      "</article></body></html>";
  Result<Document> doc = ExtractPage(page);
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(Has(doc->raw_text, "Le caf\xC3\xA9 na\xC3\xAFve"));
  EXPECT_TRUE(Has(doc->raw_text, "\xE2\x80\x9Cquoted\xE2\x80\x9D"));
  bool warned = false;
  for (const Warning& w : doc->warnings) warned |= w.code == "charset_mismatch";
  EXPECT_TRUE(warned);
  ExpectRoundTrip(*doc, page);
  // The converted run starts at the byte of 'L' in the file.
  const size_t at = doc->raw_text.find("Le caf");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(doc->AnchorOfRaw(at, false).byte_offset,
            static_cast<int64_t>(page.find("Le caf")));
}

TEST(HtmlExtractorTest, RefusesBinaryData) {
  std::string bytes = "<html>";
  for (int i = 0; i < 4000; ++i) bytes += static_cast<char>((i * 7919) % 256);
  Result<Document> doc = ExtractPage(bytes);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kInvalidInput);
}

TEST(HtmlExtractorTest, LargePageCompletes) {
  // 20 MB of paragraphs: stands for the 200 MB pages seen in crawls.
  std::string page = "<html><head><title>Big</title></head><body><div class=\"content\">";
  const std::string para =
      "<p>Paragraph of the large page, with enough words, commas, and length to count.</p>\n";
  while (page.size() < 20u << 20) page += para;
  page += "</div></body></html>";
  Result<Document> doc = ExtractPage(page);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_GT(doc->raw_text.size(), 15u << 20);
}

TEST(HtmlExtractorTest, InputOverTheLimitIsRefused) {
  const std::string page = Fixture("article_boilerplate.html");
  Input input = InputFromBytes("page.html", page);
  input.format = Format::kHtml;
  struct Sink : DocumentSink {
    int accepted = 0;
    void Accept(Document) override { ++accepted; }
    void Reject(const std::string&, const Status&) override {}
  } sink;
  ExtractOptions options;
  options.max_document_bytes = 1000;
  const std::unique_ptr<Extractor> x = MakeHtmlExtractor();
  EXPECT_EQ(x->format(), Format::kHtml);
  const Status s = x->Extract(input, options, sink);
  EXPECT_EQ(s.code(), StatusCode::kLimit);
  EXPECT_EQ(sink.accepted, 0);
  options.max_document_bytes = 1 << 20;
  EXPECT_TRUE(x->Extract(input, options, sink).ok());
  EXPECT_EQ(sink.accepted, 1);
}

TEST(HtmlExtractorTest, DeepNestingDoesNotOverflow) {
  std::string page = "<html><body>";
  for (int i = 0; i < 100000; ++i) page += "<div>";
  page += "<p>Text at the bottom of one hundred thousand nested division elements.</p>";
  for (int i = 0; i < 100000; ++i) page += "</div>";
  page += "<p>After the nesting, a plain paragraph closes the page for good.</p></body></html>";
  Result<Document> doc = ExtractPage(page);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_TRUE(Has(doc->raw_text, "nested division elements") ||
              Has(doc->raw_text, "plain paragraph"));
  ExpectRoundTrip(*doc, page);
}

TEST(HtmlExtractorTest, EmptyPageIsEmpty) {
  Result<Document> doc = ExtractPage("<html><head></head><body><script>x=1</script></body></html>");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kEmpty);
}

// Every linear segment of every benchmark page is verbatim in the file.
TEST(HtmlExtractorTest, BenchPagesRoundTrip) {
  const std::filesystem::path dir =
      std::filesystem::path(DOSSIER_SHARED_DIR) / "bench" / "html-articles" / "html";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no " << dir;
  size_t pages = 0, linear = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream f(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    const std::string page = ss.str();
    Result<Document> doc = ExtractPage(page, {.title_in_text = true});
    ASSERT_TRUE(doc.ok()) << entry.path();
    SCOPED_TRACE(entry.path().string());
    linear += ExpectRoundTrip(*doc, page);
    ++pages;
  }
  EXPECT_GT(pages, 100u);
  EXPECT_GT(linear, pages * 5);
}

}  // namespace
}  // namespace dossier
