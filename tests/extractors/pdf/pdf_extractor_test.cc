// The PDF extractor end to end: small generated PDFs (tests/fixtures/pdf,
// written by make_fixtures.py), bad input, and smoke tests on the shared
// bench PDFs.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "extractors/pdf/pdf_extractor.h"
#include "pipeline/normalize/normalizer.h"
#include "tests/extractors/extractor_test_util.h"

namespace dossier::testing {
namespace {

std::string PdfFixture(const std::string& name) {
  return std::string(DOSSIER_SOURCE_DIR) + "/tests/fixtures/pdf/" + name;
}

// Returns the status of extracting the file at `path` as a PDF.
Status ExtractPdf(const std::string& path, CollectingSink& sink, bool ocr = true) {
  Result<Input> input = OpenInput(path);
  if (!input.ok()) return input.status();
  input->format = Format::kPdf;
  ExtractOptions options;
  options.ocr = ocr;
  return ExtractorRegistry::Default().For(Format::kPdf)->Extract(*input, options, sink);
}

// Returns the document extracted from fixture `name` (fails the test if none).
Document ExtractFixture(const std::string& name) {
  CollectingSink sink;
  const Status s = ExtractPdf(PdfFixture(name), sink);
  EXPECT_TRUE(s.ok()) << name << ": " << s.message();
  if (sink.docs.size() != 1) {
    ADD_FAILURE() << name << ": " << sink.docs.size() << " documents";
    return Document{};
  }
  return std::move(sink.docs.front());
}

bool HasWarning(const Document& doc, const std::string& code) {
  for (const Warning& w : doc.warnings) {
    if (w.code == code) return true;
  }
  return false;
}

// Every segment tiles the raw text; text segments carry their page and box
// and no byte offset.
void ExpectPdfAnchors(const Document& doc) {
  size_t at = 0;
  for (const Segment& seg : doc.segments) {
    EXPECT_EQ(seg.begin, at);
    EXPECT_LT(seg.begin, seg.end);
    at = seg.end;
    EXPECT_FALSE(seg.linear);
    EXPECT_EQ(seg.anchor.byte_offset, -1);
    if (seg.role == Role::kSeparator) {
      EXPECT_EQ(doc.raw_text.substr(seg.begin, seg.end - seg.begin), "\n\n");
      continue;
    }
    EXPECT_GE(seg.anchor.page, 1);
    EXPECT_LE(seg.anchor.page, doc.metadata.page_count);
    ASSERT_TRUE(seg.anchor.box.has_value());
    EXPECT_GE(seg.anchor.box->x, 0);
    EXPECT_GT(seg.anchor.box->width, 0);
  }
  EXPECT_EQ(at, doc.raw_text.size());
}

// Each of `phrases` is in the raw text, each after the one before it.
void ExpectInOrder(const Document& doc, const std::vector<std::string>& phrases) {
  size_t last = 0;
  for (const std::string& p : phrases) {
    const size_t at = doc.raw_text.find(p);
    ASSERT_NE(at, std::string::npos) << p << " in " << doc.raw_text;
    EXPECT_GE(at, last) << p << " in " << doc.raw_text;
    last = at;
  }
}

TEST(PdfExtractorTest, TwoColumnsReadInOrder) {
  const Document doc = ExtractFixture("two_columns.pdf");
  ExpectPdfAnchors(doc);
  ExpectInOrder(doc, {"Two Column Report", "alpha.", "The right column"});
  EXPECT_EQ(doc.metadata.title, "Two Column Report");  // no Info title: the first heading
}

// A page turned by /Rotate is laid out in the frame it is displayed in
// (792 x 612 here, not the 612 x 792 of its media box): its columns read in
// order and the page number at its displayed foot is a page number.
TEST(PdfExtractorTest, RotatedPageLaidOutAsDisplayed) {
  const Document doc = ExtractFixture("rotated_page.pdf");
  ExpectPdfAnchors(doc);
  ExpectInOrder(doc, {"Quarterly Detention Figures", "alpha.", "The right column"});
  EXPECT_EQ(doc.raw_text.find('7'), std::string::npos) << doc.raw_text;
  for (const Segment& seg : doc.segments) {
    if (seg.role == Role::kSeparator) continue;
    EXPECT_LE(seg.anchor.box->x + seg.anchor.box->width, 792);
    EXPECT_LE(seg.anchor.box->y + seg.anchor.box->height, 612);
  }
}

TEST(PdfExtractorTest, RunningHeadersFootersAndPageNumbersLeftOut) {
  const Document doc = ExtractFixture("running_headers.pdf");
  ExpectPdfAnchors(doc);
  EXPECT_EQ(doc.metadata.page_count, 3);
  EXPECT_EQ(doc.raw_text.find("Annual Report"), std::string::npos) << doc.raw_text;
  EXPECT_EQ(doc.raw_text.find("Human Rights Office"), std::string::npos) << doc.raw_text;
  EXPECT_NE(doc.raw_text.find("Body text of page 2"), std::string::npos) << doc.raw_text;
  EXPECT_TRUE(HasWarning(doc, "running_headers_removed"));
  // Page anchors follow the pages.
  int last_page = 0;
  for (const Segment& seg : doc.segments) {
    if (seg.role == Role::kSeparator) continue;
    EXPECT_GE(seg.anchor.page, last_page);
    last_page = seg.anchor.page;
  }
  EXPECT_EQ(last_page, 3);
}

// On a document's only page nothing repeats, yet a line level with the
// page number in the top band is the running head: it is left out. A line
// of the foot band above the page number, not level with it, stays.
TEST(PdfExtractorTest, RunningHeadBesideThePageNumberLeftOutOfASinglePage) {
  const Document doc = ExtractFixture("single_page_header.pdf");
  ExpectPdfAnchors(doc);
  EXPECT_EQ(doc.raw_text.find("Optimized Tokenization"), std::string::npos) << doc.raw_text;
  EXPECT_TRUE(doc.raw_text.starts_with("The body of the only page")) << doc.raw_text;
  EXPECT_TRUE(doc.raw_text.ends_with("Source: Ministry of the Interior, 2023.")) << doc.raw_text;
  bool counted = false;
  for (const Warning& w : doc.warnings) {
    if (w.code == "running_headers_removed") counted = w.message.starts_with("3 ");
  }
  EXPECT_TRUE(counted);
}

// Issue 5: pages stream through with only a few held back for the running-
// header check, yet a header that alternates between left and right pages is
// left out from the first page on, and the footer "Page N of 20" everywhere.
TEST(PdfExtractorTest, Issue5LongDocumentHeadersLeftOutWhileStreaming) {
  const Document doc = ExtractFixture("long_report.pdf");
  ExpectPdfAnchors(doc);
  EXPECT_EQ(doc.metadata.page_count, 20);
  EXPECT_EQ(doc.raw_text.find("Annual Report"), std::string::npos) << doc.raw_text;
  EXPECT_EQ(doc.raw_text.find("Chapter Two"), std::string::npos) << doc.raw_text;
  EXPECT_EQ(doc.raw_text.find("of 20"), std::string::npos) << doc.raw_text;
  size_t last = 0;
  for (int p = 1; p <= 20; ++p) {
    const size_t at = doc.raw_text.find("Paragraph " + std::to_string(p) + " of the report");
    ASSERT_NE(at, std::string::npos) << "page " << p;
    EXPECT_GE(at, last) << "page " << p;
    last = at;
  }
  bool counted = false;
  for (const Warning& w : doc.warnings) {
    if (w.code == "running_headers_removed") counted = w.message.starts_with("40 ");
  }
  EXPECT_TRUE(counted);
}

// Issue 5: with ExtractOptions::part_bytes a long document comes in parts,
// cut between pages, whose raw texts joined by "\n\n" are the whole
// document's, and so are their normalized texts (what `dossier text`
// prints), with the running headers still found across parts.
TEST(PdfExtractorTest, Issue5LongDocumentInPartsJoinsToTheWhole) {
  Result<Input> input = OpenInput(PdfFixture("long_report.pdf"));
  ASSERT_TRUE(input.ok());
  input->format = Format::kPdf;
  const Extractor* pdf = ExtractorRegistry::Default().For(Format::kPdf);
  CollectingSink whole, parts;
  ExtractOptions options;
  ASSERT_TRUE(pdf->Extract(*input, options, whole).ok());
  options.part_bytes = 300;  // a page's paragraph is about 200 bytes
  ASSERT_TRUE(pdf->Extract(*input, options, parts).ok());
  ASSERT_EQ(whole.docs.size(), 1u);
  EXPECT_EQ(whole.docs[0].part, 0);
  ASSERT_GT(parts.docs.size(), 3u);
  ASSERT_LT(parts.docs.size(), 20u);

  TextNormalizer normalizer;
  Document expected = whole.docs[0];
  ASSERT_TRUE(normalizer.Normalize(expected).ok());
  std::string raw, text;
  for (size_t i = 0; i < parts.docs.size(); ++i) {
    Document& part = parts.docs[i];
    EXPECT_EQ(part.part, static_cast<int>(i) + 1);
    EXPECT_EQ(part.id, expected.id);
    EXPECT_EQ(part.metadata.page_count, 20);
    ExpectPdfAnchors(part);
    ASSERT_TRUE(normalizer.Normalize(part).ok());
    raw += (i > 0 ? "\n\n" : "") + part.raw_text;
    text += (i > 0 ? "\n\n" : "") + part.text;
  }
  EXPECT_EQ(raw, expected.raw_text);
  EXPECT_EQ(text, expected.text);
  EXPECT_EQ(text.find("of 20"), std::string::npos) << text;
}

// Issue 5: pages read on several threads make the same document as one.
TEST(PdfExtractorTest, Issue5SameDocumentOnAnyThreadCount) {
  std::vector<std::string> files = {PdfFixture("long_report.pdf"), PdfFixture("two_columns.pdf")};
  const std::filesystem::path bench =
      std::filesystem::path(DOSSIER_SHARED_DIR) / "bench/pdf-docling/pdf/redp5110_sampled.pdf";
  if (std::filesystem::exists(bench)) files.push_back(bench.string());
  for (const std::string& file : files) {
    std::vector<Document> docs;
    for (int threads : {1, 4}) {
      Result<Input> input = OpenInput(file);
      ASSERT_TRUE(input.ok()) << file;
      input->format = Format::kPdf;
      CollectingSink sink;
      ExtractOptions options;
      options.ocr = false;
      ASSERT_TRUE(MakePdfExtractor(threads)->Extract(*input, options, sink).ok()) << file;
      ASSERT_EQ(sink.docs.size(), 1u) << file;
      docs.push_back(std::move(sink.docs[0]));
    }
    EXPECT_EQ(docs[0].raw_text, docs[1].raw_text) << file;
    ASSERT_EQ(docs[0].segments.size(), docs[1].segments.size()) << file;
    for (size_t i = 0; i < docs[0].segments.size(); ++i) {
      const Segment &a = docs[0].segments[i], &b = docs[1].segments[i];
      EXPECT_TRUE(a.begin == b.begin && a.end == b.end && a.role == b.role && a.anchor == b.anchor &&
                  a.label == b.label)
          << file << " segment " << i;
    }
    ASSERT_EQ(docs[0].warnings.size(), docs[1].warnings.size()) << file;
    for (size_t i = 0; i < docs[0].warnings.size(); ++i) {
      EXPECT_EQ(docs[0].warnings[i].message, docs[1].warnings[i].message) << file;
    }
  }
}

// A page that is only an image of text is read by Tesseract; its lines are
// labelled "ocr" and anchored to where Tesseract saw them.
TEST(PdfExtractorTest, ScannedPageReadByOcr) {
  const Document doc = ExtractFixture("scanned.pdf");
  for (const Warning& w : doc.warnings) {
    if (w.code == "ocr_failed" && w.message.find("could not start") != std::string::npos) {
      GTEST_SKIP() << "Tesseract language data not installed: " << w.message;
    }
  }
  ExpectPdfAnchors(doc);
  EXPECT_TRUE(HasWarning(doc, "ocr"));
  EXPECT_NE(doc.raw_text.find("Detention Monitoring Report"), std::string::npos) << doc.raw_text;
  EXPECT_NE(doc.raw_text.find("250 people"), std::string::npos) << doc.raw_text;
  EXPECT_NE(doc.raw_text.find("12 March 2021"), std::string::npos) << doc.raw_text;
  double last_y = -1;
  for (const Segment& seg : doc.segments) {
    if (seg.role == Role::kSeparator) continue;
    EXPECT_EQ(seg.label, "ocr");
    EXPECT_GT(seg.anchor.box->y, last_y);  // lines top to bottom
    EXPECT_LT(seg.anchor.box->y + seg.anchor.box->height, 130);  // on the 130-point page
    last_y = seg.anchor.box->y;
  }
  // With OCR off the page is reported, not read.
  CollectingSink sink;
  ASSERT_TRUE(ExtractPdf(PdfFixture("scanned.pdf"), sink, /*ocr=*/false).ok());
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_TRUE(HasWarning(sink.docs[0], "no_text"));
  EXPECT_EQ(sink.docs[0].raw_text.find("Detention"), std::string::npos);
}

TEST(PdfExtractorTest, FootnotesAreSeparateLabelledBlocks) {
  const Document doc = ExtractFixture("footnotes.pdf");
  ExpectPdfAnchors(doc);
  EXPECT_TRUE(doc.raw_text.starts_with("The court held that detention was unlawful.\n")) << doc.raw_text;
  EXPECT_EQ(BlocksWithRole(doc, Role::kFootnote),
            "See Smith v. Jones, 123 F.3d 456 (2d Cir. 1999).|Ibid., at 460.");
  std::vector<std::string> labels;
  for (const Segment& seg : doc.segments) {
    if (seg.role == Role::kFootnote) labels.push_back(seg.label);
  }
  EXPECT_EQ(labels, (std::vector<std::string>{"1", "2"}));
  EXPECT_TRUE(HasWarning(doc, "footnote_markers_removed"));
  // The marker links the sentence it ends to note 1.
  ASSERT_EQ(doc.note_refs.size(), 1u);
  EXPECT_EQ(doc.note_refs[0].label, "1");
  EXPECT_EQ(doc.note_refs[0].raw, std::string("The court held that detention was unlawful.").size());
}

// Footnotes in small print at the foot of the left column, level with the
// last body line of the right column: each small line half-shares a band
// with that larger line, yet the footnote lines stay whole, in order, and
// the body line is not cut into them.
TEST(PdfExtractorTest, FootnoteLinesBesideTheNextColumnStayWhole) {
  const Document doc = ExtractFixture("footnote_beside_column.pdf");
  ExpectPdfAnchors(doc);
  EXPECT_EQ(BlocksWithRole(doc, Role::kFootnote),
            "As set out in the annex of the\nact as it was put to us by the|See the report of the panel.");
  EXPECT_NE(doc.raw_text.find("and it\nends at the foot of the page."), std::string::npos) << doc.raw_text;
}

// Markers written "1)" leave the sentence; the notes they point to are
// footnotes labelled with their numbers.
TEST(PdfExtractorTest, ParenthesisMarkersLeaveTheSentence) {
  const Document doc = ExtractFixture("paren_markers.pdf");
  ExpectPdfAnchors(doc);
  EXPECT_TRUE(doc.raw_text.starts_with("Whether it counts as an injury or an accident is the question.\n"))
      << doc.raw_text;
  EXPECT_EQ(BlocksWithRole(doc, Role::kFootnote),
            "Under the standard terms of the insurer.|Under the schedule of accidents.");
  bool counted = false;
  for (const Warning& w : doc.warnings) {
    if (w.code == "footnote_markers_removed") counted = w.message.starts_with("2 ");
  }
  EXPECT_TRUE(counted);
}

TEST(PdfExtractorTest, TableKeptAsRows) {
  const Document doc = ExtractFixture("table.pdf");
  EXPECT_EQ(BlocksWithRole(doc, Role::kTable), "Year\tArrivals\tReturns\tPending\n2021\t1200\t300\t45\n"
                                               "2022\t1500\t410\t60\n2023\t1750\t520\t80");
  EXPECT_LT(doc.raw_text.find("shown below"), doc.raw_text.find("Year"));
  EXPECT_LT(doc.raw_text.find("2023\t1750"), doc.raw_text.find("backlog"));
}

// A key-value form: labels down one column, values beside them. It is read
// across, each label with its value, as rows of a table; the value that
// wraps onto a second line stays one cell.
TEST(PdfExtractorTest, FormReadLabelByValue) {
  const Document doc = ExtractFixture("form.pdf");
  ExpectPdfAnchors(doc);
  EXPECT_EQ(BlocksWithRole(doc, Role::kTable),
            "Case number\t2021-CV-0042\nCourt\tDistrict Court for the Northern District of Illinois\n"
            "Filed\t12 March 2021\nJudge\tHon. A. Smith\nStatus\tPending");
  EXPECT_LT(doc.raw_text.find("Case Summary"), doc.raw_text.find("Case number"));
  EXPECT_LT(doc.raw_text.find("Pending"), doc.raw_text.find("The parties were heard"));
}

// A two-page spread: the left page's list runs level with the right page's
// table. The table's rows hold only the table's cells; the list stays whole
// and in order in the left page's text, before the right page.
TEST(PdfExtractorTest, TableBesideTheNeighbourPageKeepsToItsOwnCells) {
  const Document doc = ExtractFixture("spread_table.pdf");
  ExpectPdfAnchors(doc);
  EXPECT_EQ(BlocksWithRole(doc, Role::kTable),
            "State\tPrivate\tBoth\nChildren\tyes\tno\tyes\nWomen\tyes\tno\tyes\nMigrants\tyes\tno\tyes\n"
            "Refugees\tyes\tno\tyes\nDisplaced persons\tyes\tno\tyes");
  size_t last = 0;
  for (const char* item : {"Which levels", "national level", "regional level", "local level", "capital only",
                           "Not at any level", "Do not know", "Which groups", "Children"}) {
    const size_t at = doc.raw_text.find(item);
    ASSERT_NE(at, std::string::npos) << item << "\n" << doc.raw_text;
    EXPECT_GE(at, last) << item << "\n" << doc.raw_text;
    last = at + 1;
  }
}

// A cell set level with the middle of two rows ("6" beside "OTSL" over
// "HTML") spans both: the two rows are read as one, each column's lines
// together, and the table's other rows keep their own cells.
TEST(PdfExtractorTest, CellSpanningTwoRowsMakesThemOne) {
  const Document doc = ExtractFixture("spanning_table.pdf");
  ExpectPdfAnchors(doc);
  EXPECT_EQ(BlocksWithRole(doc, Role::kTable),
            "Layers\tLanguage\tSimple\tAll\n6\tOTSL HTML\t0.965 0.969\t0.955 0.950\n"
            "4\tOTSL HTML\t0.938 0.952\t0.927 0.938");
}

TEST(PdfExtractorTest, MetadataFromTheInfoDictionary) {
  const Document doc = ExtractFixture("metadata.pdf");
  EXPECT_EQ(doc.metadata.title, "Border Report");
  EXPECT_EQ(doc.metadata.author, "Jane Roe");
  EXPECT_EQ(doc.metadata.date, "2019-01-25T10:30:00Z");
  EXPECT_EQ(doc.metadata.page_count, 1);
  EXPECT_EQ(doc.format, Format::kPdf);
}

TEST(PdfExtractorTest, EmptyUserPasswordOpens) {
  const Document doc = ExtractFixture("encrypted_empty.pdf");
  EXPECT_EQ(doc.raw_text, "Open text behind an empty password.");
}

TEST(PdfExtractorTest, PageWithoutTextIsReportedWhenOcrIsOff) {
  CollectingSink sink;
  ASSERT_TRUE(ExtractPdf(PdfFixture("blank.pdf"), sink, /*ocr=*/false).ok());
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].raw_text, "");
  EXPECT_TRUE(HasWarning(sink.docs[0], "no_text"));
}

TEST(PdfExtractorTest, BadInputIsAClearError) {
  struct Case {
    const char* file;
    StatusCode code;
    const char* says;
  } cases[] = {
      {"encrypted_user.pdf", StatusCode::kEncrypted, "password"},
      {"truncated.pdf", StatusCode::kInvalidInput, "corrupt or truncated"},
      {"html_named.pdf", StatusCode::kInvalidInput, "HTML"},
      {"empty.pdf", StatusCode::kEmpty, "zero bytes"},
  };
  for (const Case& c : cases) {
    CollectingSink sink;
    const Status s = ExtractPdf(PdfFixture(c.file), sink);
    EXPECT_EQ(s.code(), c.code) << c.file << ": " << s.message();
    EXPECT_NE(s.message().find(c.says), std::string::npos) << c.file << ": " << s.message();
    EXPECT_TRUE(sink.docs.empty()) << c.file;
  }
}

TEST(PdfExtractorTest, InMemoryInputReadsLikeAFile) {
  const std::string bytes = ReadFile(PdfFixture("footnotes.pdf"));
  ASSERT_FALSE(bytes.empty());
  Input input = InputFromBytes("footnotes.pdf", bytes);
  CollectingSink sink;
  ASSERT_TRUE(Extract(input, Format::kPdf, sink).ok());
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].raw_text, ExtractFixture("footnotes.pdf").raw_text);
}

// Smoke: every bench PDF extracts without error, with its page count and
// text on most pages. The Arabic pages come out in logical order.
TEST(PdfExtractorTest, BenchPdfsExtract) {
  const std::filesystem::path dir = std::filesystem::path(DOSSIER_SHARED_DIR) / "bench/pdf-docling/pdf";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "no bench at " << dir;
  struct Case {
    const char* file;
    int pages;
    const char* contains;
  } cases[] = {
      {"2305.03393v1-pg9.pdf", 1, "5.1 Hyper Parameter Optimization"},
      {"amt_handbook_sample.pdf", 1, "Boots Self-Locking Nut"},
      {"code_and_formula.pdf", 2, ""},
      {"multi_page.pdf", 5, ""},
      {"normal_4pages.pdf", 4, ""},
      {"picture_classification.pdf", 2, "Figures Example"},
      {"redp5110_sampled.pdf", 18, "Row and Column Access Control"},
      {"right_to_left_01.pdf", 1, "\u062a\u062d\u0633\u064a\u0646 \u0627\u0644\u0625\u0646\u062a\u0627\u062c\u064a\u0629"},
      {"right_to_left_02.pdf", 1, ""},
      {"right_to_left_03.pdf", 1, ""},
      {"skipped_1page.pdf", 3, ""},
      {"skipped_2pages.pdf", 4, ""},
      {"table_mislabeled_as_picture.pdf", 1, ""},
  };
  for (const Case& c : cases) {
    CollectingSink sink;
    const Status s = ExtractPdf((dir / c.file).string(), sink, /*ocr=*/false);
    ASSERT_TRUE(s.ok()) << c.file << ": " << s.message();
    ASSERT_EQ(sink.docs.size(), 1u) << c.file;
    const Document& doc = sink.docs[0];
    EXPECT_EQ(doc.metadata.page_count, c.pages) << c.file;
    EXPECT_GT(doc.raw_text.size(), 200u) << c.file;
    EXPECT_NE(doc.raw_text.find(c.contains), std::string::npos) << c.file;
    ExpectPdfAnchors(doc);
  }
}

}  // namespace
}  // namespace dossier::testing
