// LayOutPage on pages built by hand: reading order, footnotes, tables,
// right-to-left lines.
#include "extractors/pdf/page_layout.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dossier::pdf {
namespace {

// Returns one word per space-separated token of `text`, set from (x, y) in
// Helvetica-like widths (0.5 em per character) at `size`.
std::vector<PdfWord> Words(double x, double y, double size, const std::string& text, bool rtl = false) {
  std::vector<PdfWord> out;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find(' ', at);
    if (end == std::string::npos) end = text.size();
    const std::string token = text.substr(at, end - at);
    const double w = 0.5 * size * static_cast<double>(token.size());
    out.push_back({token, {x, y, w, size * 1.1}, size, true, rtl});
    x += w + 0.25 * size;
    at = end + 1;
  }
  return out;
}

void Add(std::vector<PdfWord>& page, std::vector<PdfWord> words) {
  for (PdfWord& w : words) page.push_back(std::move(w));
}

// Returns the blocks' text: lines joined by "/", blocks by " | ".
std::string Read(const PageLayout& page) {
  std::string out;
  for (const LaidBlock& b : page.blocks) {
    if (!out.empty()) out += " | ";
    for (size_t i = 0; i < b.lines.size(); ++i) out += (i ? "/" : "") + b.lines[i].text;
  }
  return out;
}

// A tall glyph (a checkbox drawn in a symbol font) widens its row's band;
// the next line of the cell beside it, set smaller than the glyph and half a
// line lower, must stay a line of its own rather than hang on that row as a
// raised footnote marker would.
TEST(PageLayoutTest, TallGlyphDoesNotPullTheNextLineIntoItsRow) {
  std::vector<PdfWord> page;
  Add(page, Words(72, 100, 9, "staff lawyers coordinate to uniformly challenge"));
  Add(page, Words(72, 112, 9, "international due process rights"));
  page.push_back({"\u2610", {400, 101.8, 10, 14.4}, 12.5, true, false});
  Add(page, Words(420, 106, 8.5, "They are authorized"));
  const std::string read = Read(LayOutPage(page, 612, 792));
  EXPECT_NE(read.find("staff lawyers coordinate to uniformly challenge"), std::string::npos) << read;
  EXPECT_NE(read.find("international due process rights"), std::string::npos) << read;
}

// Two lines of small print in one column (a footnote) with a line of the
// larger body text of the next column level with both: the body line's band
// overlaps each small line a little. A three-letter Korean word of the
// second small line is no raised mark: it must not join the first line's
// row, and the two small lines stay whole and in order.
TEST(PageLayoutTest, SmallLinesBesideALargerLineOfTheNextColumnStayApart) {
  std::vector<PdfWord> page;
  auto hangul = [&](double x, double y, double size, std::vector<std::string> words) {
    for (const std::string& w : words) {
      const double width = size * static_cast<double>(w.size() / 3);  // one em per syllable
      page.push_back({w, {x, y, width, size * 1.1}, size, true, false});
      x += width + 0.25 * size;
    }
  };
  hangul(76, 664.9, 8.5, {"손해보험의", "표준약관", "규정에", "따르면"});
  hangul(76, 677.7, 8.5, {"우연한", "외래의", "사고로", "신체에"});
  hangul(318, 668.3, 11.5, {"판매했거나", "향후", "판매하게", "보험상품의"});
  const std::string read = Read(LayOutPage(page, 595, 842));
  EXPECT_NE(read.find("손해보험의 표준약관 규정에 따르면"), std::string::npos) << read;
  EXPECT_NE(read.find("우연한 외래의 사고로 신체에"), std::string::npos) << read;
  EXPECT_NE(read.find("판매했거나 향후 판매하게 보험상품의"), std::string::npos) << read;
  EXPECT_LT(read.find("손해보험의"), read.find("우연한")) << read;
}

// Pleading paper: line numbers 1..N down the left margin, beside the text,
// are left out; a table's column of row numbers inside the text stays.
TEST(PageLayoutTest, PleadingLineNumbersLeftOut) {
  std::vector<PdfWord> page;
  for (int i = 0; i < 8; ++i) {
    Add(page, Words(40, 100 + 24 * i, 12, std::to_string(i + 1)));
    Add(page, Words(100, 100 + 24 * i, 12, "the court finds that the petitioner was held line " + std::to_string(i)));
  }
  PageLayout laid = LayOutPage(page, 612, 792);
  EXPECT_EQ(laid.line_numbers_dropped, 8);
  const std::string read = Read(laid);
  EXPECT_EQ(read.rfind("the court", 0), 0u) << read;
  EXPECT_EQ(read.find("/1"), std::string::npos) << read;  // no line opens with a number
  EXPECT_EQ(read.find("/8"), std::string::npos) << read;

  std::vector<PdfWord> table;
  Add(table, Words(72, 80, 12, "the rows below count the people held in each centre in that year"));
  for (int i = 0; i < 6; ++i) {
    Add(table, Words(72, 100 + 16 * i, 12, std::to_string(i + 1)));
    Add(table, Words(160, 100 + 16 * i, 12, "Centre"));
    Add(table, Words(260, 100 + 16 * i, 12, std::to_string(100 + i)));
  }
  Add(table, Words(72, 220, 12, "and the totals are given after the table in the text below it"));
  laid = LayOutPage(table, 612, 792);
  EXPECT_EQ(laid.line_numbers_dropped, 0);
  EXPECT_NE(Read(laid).find("3\tCentre\t102"), std::string::npos) << Read(laid);
}

TEST(PageLayoutTest, TwoColumnsReadColumnByColumn) {
  std::vector<PdfWord> page;
  Add(page, Words(150, 60, 16, "Full Width Title"));
  const char* left[] = {"left one", "left two", "left three"};
  const char* right[] = {"right one", "right two", "right three"};
  for (int i = 0; i < 3; ++i) {
    Add(page, Words(72, 100 + 13 * i, 10, left[i]));
    Add(page, Words(320, 100 + 13 * i, 10, right[i]));
  }
  Add(page, Words(72, 300, 10, "below both columns"));
  // Runs across both columns: the full-width line closes them.
  Add(page, Words(72, 313, 10, "a line that runs across the whole width of the page body text"));
  EXPECT_EQ(Read(LayOutPage(page, 612, 792)),
            "Full Width Title | left one/left two/left three | right one/right two/right three | "
            "below both columns/a line that runs across the whole width of the page body text");
}

// Two columns of prose on a shared baseline grid: every row starts in both
// columns, like a form's, but the lines fill their column (only paragraph
// ends fall short), so the page is read column by column.
TEST(PageLayoutTest, AlignedProseColumnsAreNoForm) {
  std::vector<PdfWord> page;
  const char* left[] = {"the left column tells the story of", "the centre and of the people held",
                        "there over the year.", "a new paragraph opens on the left",
                        "and runs on to its end here."};
  const char* right[] = {"the right column takes it up and", "carries the story on to the end of",
                         "the year in the same way as the", "left one did before it, as it",
                         "should."};
  for (int i = 0; i < 5; ++i) {
    Add(page, Words(72, 100 + 13 * i, 10, left[i]));
    Add(page, Words(330, 100 + 13 * i, 10, right[i]));
  }
  const PageLayout laid = LayOutPage(page, 612, 792);
  for (const LaidBlock& b : laid.blocks) EXPECT_NE(b.role, Role::kTable) << Read(laid);
  const std::string read = Read(laid);
  EXPECT_LT(read.find("its end here."), read.find("the right column")) << read;
}

// A form whose labels and values are set in right-to-left script is read
// from the right: label, then value.
TEST(PageLayoutTest, RightToLeftFormReadLabelThenValue) {
  std::vector<PdfWord> page;
  const char* labels[] = {"الاسم", "التاريخ المحدد",
                          "الرقم"};
  const char* values[] = {"علي", "1403/09/19", "436"};
  for (int i = 0; i < 3; ++i) {
    std::vector<PdfWord> l = Words(0, 100 + 20 * i, 12, labels[i], true);
    const double w = l.back().box.x + l.back().box.width;
    for (PdfWord& word : l) word.box.x += 500 - w;  // right-aligned at x = 500
    Add(page, std::move(l));
    Add(page, Words(120, 101 + 20 * i, 10, values[i], values[i][0] & 0x80));
  }
  const PageLayout laid = LayOutPage(page, 612, 792);
  ASSERT_EQ(laid.blocks.size(), 1u) << Read(laid);
  EXPECT_EQ(laid.blocks[0].role, Role::kTable);
  EXPECT_EQ(laid.blocks[0].lines.size(), 3u) << Read(laid);
  EXPECT_TRUE(laid.blocks[0].lines[1].text.ends_with("\t1403/09/19")) << Read(laid);
}

TEST(PageLayoutTest, FootnoteMarkerLeavesTheSentenceAndFootnotesFollowTheBody) {
  std::vector<PdfWord> page;
  Add(page, Words(72, 100, 11, "The court held that detention was unlawful."));
  page.push_back({"1", {293, 100, 4, 7.7}, 7, false, false});  // raised, smaller, right after
  Add(page, Words(72, 114, 11, "It ordered the release at once."));
  Add(page, Words(72, 700, 8, "1 See Smith v. Jones."));
  Add(page, Words(72, 710, 8, "2 Ibid."));
  const PageLayout laid = LayOutPage(page, 612, 792);
  ASSERT_EQ(laid.blocks.size(), 3u) << Read(laid);
  EXPECT_EQ(laid.blocks[0].role, Role::kBody);
  EXPECT_EQ(laid.blocks[0].lines[0].text, "The court held that detention was unlawful.");
  EXPECT_EQ(laid.markers_dropped, 1);
  // The marker is kept where it stood, after the sentence it ends.
  ASSERT_EQ(laid.blocks[0].lines[0].marks.size(), 1u);
  EXPECT_EQ(laid.blocks[0].lines[0].marks[0].offset, std::string("The court held that detention was unlawful.").size());
  EXPECT_EQ(laid.blocks[0].lines[0].marks[0].label, "1");
  EXPECT_TRUE(laid.blocks[1].lines[0].marks.empty());
  EXPECT_EQ(laid.blocks[1].role, Role::kFootnote);
  EXPECT_EQ(laid.blocks[1].label, "1");
  EXPECT_EQ(laid.blocks[1].lines[0].text, "See Smith v. Jones.");
  EXPECT_EQ(laid.blocks[2].label, "2");
}

// Korean and Japanese documents write the raised marker with a closing
// parenthesis, "1)": it leaves the sentence like a bare number does.
TEST(PageLayoutTest, MarkerWithAClosingParenthesisLeavesTheSentence) {
  std::vector<PdfWord> page;
  Add(page, Words(72, 100, 11.5, "whether it counts as an injury"));
  page.push_back({"1)", {237.5, 98.3, 6.5, 8.25}, 7.5, false, false});
  Add(page, Words(246, 100, 11.5, "or an accident"));
  page.push_back({"2)", {328, 98.3, 6.5, 8.25}, 7.5, false, false});
  Add(page, Words(337, 100, 11.5, "is the question."));
  const PageLayout laid = LayOutPage(page, 612, 792);
  EXPECT_EQ(Read(laid), "whether it counts as an injury or an accident is the question.");
  EXPECT_EQ(laid.markers_dropped, 2);
  ASSERT_EQ(laid.blocks.size(), 1u);
  ASSERT_EQ(laid.blocks[0].lines.size(), 1u);
  const std::vector<NoteMark>& marks = laid.blocks[0].lines[0].marks;
  ASSERT_EQ(marks.size(), 2u);
  EXPECT_EQ(marks[0].offset, std::string("whether it counts as an injury").size());
  EXPECT_EQ(marks[0].label, "1)");
  EXPECT_EQ(marks[1].offset, std::string("whether it counts as an injury or an accident").size());
  EXPECT_EQ(marks[1].label, "2)");
}

TEST(PageLayoutTest, SmallTextThatIsNotNumberedStaysBody) {
  std::vector<PdfWord> page;
  Add(page, Words(72, 100, 11, "Body text of the page in the usual size."));
  Add(page, Words(72, 700, 8, "Source: Ministry of the Interior, 2023."));
  const PageLayout laid = LayOutPage(page, 612, 792);
  for (const LaidBlock& b : laid.blocks) EXPECT_NE(b.role, Role::kFootnote) << Read(laid);
}

TEST(PageLayoutTest, TableIsReadRowByRow) {
  std::vector<PdfWord> page;
  const char* rows[][3] = {{"Year", "Arrivals", "Returns"}, {"2021", "1200", "300"}, {"2022", "1500", "410"}};
  for (int r = 0; r < 3; ++r) {
    for (int c = 0; c < 3; ++c) Add(page, Words(72 + 120 * c, 100 + 15 * r, 10, rows[r][c]));
  }
  const PageLayout laid = LayOutPage(page, 612, 792);
  ASSERT_EQ(laid.blocks.size(), 1u) << Read(laid);
  EXPECT_EQ(laid.blocks[0].role, Role::kTable);
  EXPECT_EQ(Read(laid), "Year\tArrivals\tReturns/2021\t1200\t300/2022\t1500\t410");
}

TEST(PageLayoutTest, RightToLeftLineKeepsLatinRunsInOrder) {
  // Drawn left to right: "R" "Python" "و" "بلغة" "البرمجة". Read right to
  // left, with the Latin run "R Python" kept in its own order.
  std::vector<PdfWord> page;
  page.push_back({"R", {100, 100, 8, 12}, 11, true, false});
  page.push_back({"Python", {112, 100, 30, 12}, 11, true, false});
  page.push_back({"\u0648", {150, 100, 6, 12}, 11, true, true});
  page.push_back({"\u0628\u0644\u063a\u0629", {160, 100, 20, 12}, 11, true, true});
  page.push_back({"\u0627\u0644\u0628\u0631\u0645\u062c\u0629", {184, 100, 30, 12}, 11, true, true});
  EXPECT_EQ(Read(LayOutPage(page, 612, 792)),
            "\u0627\u0644\u0628\u0631\u0645\u062c\u0629 \u0628\u0644\u063a\u0629 \u0648 R Python");
}

TEST(PageLayoutTest, SectionNumberStaysWithItsHeading) {
  std::vector<PdfWord> page;
  Add(page, Words(72, 100, 12, "5.1"));
  Add(page, Words(110, 100, 12, "Hyper Parameter Optimization"));
  Add(page, Words(72, 118, 10, "We have chosen the data set to perform the search."));
  EXPECT_EQ(Read(LayOutPage(page, 612, 792)),
            "5.1 Hyper Parameter Optimization | We have chosen the data set to perform the search.");
}

// A decimal opening a cell looks like a section number ("5.1"), which may
// stand well apart from its heading; followed by another figure it is a
// table cell of its own, not a label of the next. (The heading "complex"
// reaches into the gutter, so only the row split can cut the cells.)
TEST(PageLayoutTest, DecimalCellsStayApart) {
  std::vector<PdfWord> page;
  Add(page, Words(250, 87, 9, "Lang"));
  Add(page, Words(282, 87, 9, "simple"));
  Add(page, Words(317.5, 87, 9, "complex"));
  Add(page, Words(358, 87, 9, "all"));
  const char* rows[][4] = {{"OTSL", "0.965", "0.934", "0.955"}, {"HTML", "0.969", "0.927", "0.955"},
                           {"OTSL", "0.938", "0.904", "0.927"}};
  for (int r = 0; r < 3; ++r) {
    for (int c = 0; c < 4; ++c) Add(page, Words(250 + 36 * c, 100 + 13 * r, 9, rows[r][c]));
  }
  EXPECT_EQ(Read(LayOutPage(page, 612, 792)),
            "Lang\tsimple\tcomplex\tall/OTSL\t0.965\t0.934\t0.955/HTML\t0.969\t0.927\t0.955/"
            "OTSL\t0.938\t0.904\t0.927");
}

// Words of `text` spread from x0 to x1 (a justified line) at `size`.
std::vector<PdfWord> Justified(double x0, double x1, double y, double size, const std::string& text) {
  std::vector<PdfWord> out = Words(x0, y, size, text);
  const double slack = x1 - (out.back().box.x + out.back().box.width);
  for (size_t i = 1; i < out.size(); ++i) out[i].box.x += slack * static_cast<double>(i) / (out.size() - 1);
  return out;
}

// A two-row table in the left column; the first line of a paragraph of the
// right column (indented, under a short last line) shares the band of the
// table's second row. The line under it, ending where it ends, shows it is
// the column's text: it leaves the table.
TEST(PageLayoutTest, IndentedParagraphLineBesideATableLeavesIt) {
  std::vector<PdfWord> page;
  Add(page, Justified(318, 547, 321, 11.5, "the insurer treats the disease as excluded"));
  Add(page, Words(318, 338, 11.5, "from the cover it had."));
  Add(page, Words(69, 346, 9, "Group"));
  Add(page, Words(127, 346, 9, "Before"));
  Add(page, Words(230, 346, 9, "After"));
  Add(page, Words(70, 361.5, 9, "Class"));
  Add(page, Words(120, 361.5, 9, "First class"));
  Add(page, Words(193, 361.5, 9, "First grade"));
  Add(page, Justified(328, 547, 355.5, 11.5, "Covid nineteen is also listed under its"));
  Add(page, Justified(318, 547, 373, 11.5, "official name as a new disease and so it"));
  Add(page, Justified(318, 547, 390, 11.5, "is shown with a code that is excluded now"));
  const PageLayout laid = LayOutPage(page, 595, 842);
  std::string table;
  for (const LaidBlock& b : laid.blocks) {
    if (b.role == Role::kTable) table += Read(PageLayout{{b}}) + " | ";
  }
  EXPECT_EQ(table, "Group\tBefore\tAfter/Class\tFirst class\tFirst grade | ") << Read(laid);
  EXPECT_NE(Read(laid).find("Covid nineteen is also listed under its/official name"), std::string::npos)
      << Read(laid);
}

// A wide space of a justified line may line up with a space of the line
// above and with the blank end of a paragraph's short last line: that is no
// gutter (a gutter has text on both sides), so the line stays whole.
TEST(PageLayoutTest, WideSpaceUnderAShortLineIsNoGutter) {
  std::vector<PdfWord> page;
  auto word = [&](const char* text, double x, double y) {
    page.push_back({text, {x, y, 5.5 * static_cast<double>(std::string(text).size()), 12.1}, 11, true, false});
  };
  word("The", 72, 100), word("cost", 90, 100), word("is", 118, 100), word("set", 132, 100);
  word("Done.", 72, 117);
  word("Covered", 72, 134), word("by", 120, 134), word("the", 134, 134), word("policy", 153.5, 134);
  word("and", 72, 151), word("nothing", 91.5, 151), word("else", 133, 151);
  const std::string read = Read(LayOutPage(page, 612, 792));
  EXPECT_NE(read.find("Covered by the policy"), std::string::npos) << read;
}

// Glyph numbers of a font without a Unicode map, 29 below the characters
// (spaces drawn as 0x03), are shifted back; so is the short next line of the
// same text. Genuine capitals stay.
TEST(PageLayoutTest, GlyphNumbersShiftedBackToText) {
  std::vector<PdfWord> page;
  page.push_back({"(QKDQFH\x03WKH\x03SHUIRUPDQFH\x03RI\x03\\RXU\x03", {152, 100, 91, 8.2}, 7, false, false});
  page.push_back({"GDWDEDVH", {152, 108, 40, 8.2}, 7, false, false});
  Add(page, Words(72, 200, 10, "THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG"));
  Add(page, Words(72, 260, 10, "INTRODUCTION"));
  const std::string read = Read(LayOutPage(page, 612, 792));
  EXPECT_NE(read.find("Enhance the performance of your /database"), std::string::npos) << read;
  EXPECT_NE(read.find("THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG"), std::string::npos) << read;
  EXPECT_NE(read.find("INTRODUCTION"), std::string::npos) << read;
}

// A numerator is set small and raised, as a footnote marker is; against a
// fraction slash it stays.
TEST(PageLayoutTest, RaisedNumeratorOfAFractionStays) {
  std::vector<PdfWord> page;
  Add(page, Words(72, 100, 10, "ranges up to"));
  page.push_back({"1", {134, 100.8, 2.7, 6.3}, 5.5, false, false});
  page.push_back({"\u2044", {136.7, 100, 1.7, 11.5}, 10, false, false});
  page.push_back({"4", {138.2, 104, 2.7, 6.3}, 5.5, true, false});
  Add(page, Words(143, 100, 10, "inch across."));
  const PageLayout laid = LayOutPage(page, 612, 792);
  EXPECT_EQ(Read(laid), "ranges up to 1\u20444 inch across.");
  EXPECT_EQ(laid.markers_dropped, 0);
}

TEST(PageLayoutTest, MarginLinesAreMarkedOnlyWhenSetApart) {
  std::vector<PdfWord> page;
  Add(page, Words(72, 40, 9, "Annual Report 2023"));
  Add(page, Words(72, 100, 11, "First body line."));
  Add(page, Words(72, 114, 11, "Second body line."));
  Add(page, Words(300, 760, 9, "7"));
  const PageLayout laid = LayOutPage(page, 612, 792);
  std::vector<Margin> margins;
  for (const LaidBlock& b : laid.blocks) {
    for (const LaidLine& l : b.lines) margins.push_back(l.margin);
  }
  EXPECT_EQ(margins, (std::vector<Margin>{Margin::kTop, Margin::kNone, Margin::kNone, Margin::kBottom}))
      << Read(laid);
}

TEST(PageLayoutTest, EmptyPageHasNoBlocks) { EXPECT_TRUE(LayOutPage({}, 612, 792).blocks.empty()); }

}  // namespace
}  // namespace dossier::pdf
