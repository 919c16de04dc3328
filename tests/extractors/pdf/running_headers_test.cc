// Page-number recognition, margin signatures and running-header counting.
#include "extractors/pdf/running_headers.h"

#include <gtest/gtest.h>

namespace dossier::pdf {
namespace {

TEST(RunningHeadersTest, PageNumbers) {
  struct Case {
    const char* text;
    bool page_number;
  } cases[] = {
      {"12", true},          {"- 12 -", true},        {"Page 3 of 40", true}, {"page 3", true},
      {"iv", true},          {"(7)", true},           {"3 / 10", true},       {"Página 4", true},
      {"12345", false},      {"1.", false},           {"Chapter 3", false},   {"3 of these", false},
      {"Introduction", false}, {"", false},
  };
  for (const Case& c : cases) EXPECT_EQ(IsPageNumber(c.text), c.page_number) << c.text;
}

TEST(RunningHeadersTest, SignatureFoldsDigitsCaseAndPunctuation) {
  EXPECT_EQ(MarginSignature("Page 3 of 10"), "page#of#");
  EXPECT_EQ(MarginSignature("Case 1:20-cv-00123  Document 5"), MarginSignature("Case 1:20-cv-00999 Document 12"));
  EXPECT_NE(MarginSignature("Chapter 1. Securing data"), MarginSignature("Chapter 2. Roles"));
}

LaidLine Margin(const char* text, pdf::Margin side) { return {text, {}, 9, side}; }

PageLayout PageWith(std::vector<LaidLine> lines) {
  PageLayout p;
  p.blocks.push_back({std::move(lines), {}, Role::kBody, ""});
  return p;
}

TEST(RunningHeadersTest, RepeatedMarginTextIsDroppedOnceItRepeats) {
  RunningHeaders headers(3);
  for (int page = 1; page <= 3; ++page) {
    headers.AddPage(PageWith({Margin("Annual Report 2023", Margin::kTop),
                              Margin(page == 2 ? "A one-off note" : "Other", Margin::kBottom)}));
  }
  EXPECT_TRUE(headers.Drop(Margin("Annual Report 2023", Margin::kTop)));
  EXPECT_FALSE(headers.Drop(Margin("A one-off note", Margin::kBottom)));
  EXPECT_TRUE(headers.Drop(Margin("17", Margin::kBottom)));  // a page number
  EXPECT_FALSE(headers.Drop(Margin("17", Margin::kNone)));   // not in a margin
  EXPECT_FALSE(headers.Drop(Margin("Annual Report 2023", Margin::kBottom)));  // other side
}

// Issue 5: a page is judged once kLookahead pages after it are in, so a
// header on every other page is caught on the very first page.
TEST(RunningHeadersTest, AlternatingHeaderCaughtWithinTheLookahead) {
  RunningHeaders headers(20);
  for (int page = 1; page <= 1 + RunningHeaders::kLookahead; ++page) {
    headers.AddPage(PageWith({Margin(page % 2 ? "Annual Report 2023" : "Chapter Two", Margin::kTop),
                              Margin(page == 1 ? "Written on page one" : "Written on another", Margin::kBottom)}));
  }
  EXPECT_TRUE(headers.Drop(Margin("Annual Report 2023", Margin::kTop)));
  EXPECT_TRUE(headers.Drop(Margin("Chapter Two", Margin::kTop)));
  EXPECT_FALSE(headers.Drop(Margin("Written on page one", Margin::kBottom)));
}

}  // namespace
}  // namespace dossier::pdf
