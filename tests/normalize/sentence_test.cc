#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/normalize/normalizer.h"
#include "pipeline/normalize/sentence_splitter.h"

namespace dossier {
namespace {

struct SentenceCase {
  std::string_view name;
  std::string_view text;  // already normalized
  std::vector<std::string_view> sentences;
};

const SentenceCase kSentenceCases[] = {
    {"simple", "First. Second! Third?", {"First.", "Second!", "Third?"}},
    // Boundaries found in UTF-16 come back to the right UTF-8 bytes across
    // two-, three- and four-byte characters (surrogate pairs).
    {"multibyte_offsets",
     "Se fue el 3 de marzo. \u00BFVolver\u00E1? \u6771\u4EAC\u306B\u884C\u304F\u3002 Emoji \U0001F600 here. Last one.",
     {"Se fue el 3 de marzo.", "\u00BFVolver\u00E1?", "\u6771\u4EAC\u306B\u884C\u304F\u3002",
      "Emoji \U0001F600 here.", "Last one."}},
    {"no_final_period", "A sentence without an end", {"A sentence without an end"}},
    {"empty", "", {}},
    {"whitespace_only", "  \n\n ", {}},
    {"us_abbreviation",
     "The U.S. government said so. Then it left.",
     {"The U.S. government said so.", "Then it left."}},
    {"usc_and_section",
     "Under 8 U.S.C. \u00A7 1225(b)(2)(C), the Secretary may return them. The policy began in 2019.",
     {"Under 8 U.S.C. \u00A7 1225(b)(2)(C), the Secretary may return them.",
      "The policy began in 2019."}},
    {"usc_before_capital",
     "See 8 U.S.C. Section 1158. Asylum is discretionary.",
     {"See 8 U.S.C. Section 1158.", "Asylum is discretionary."}},
    {"cfr", "See 8 C.F.R. \u00A7 208.30. The rule changed.",
     {"See 8 C.F.R. \u00A7 208.30.", "The rule changed."}},
    {"public_law",
     "Congress passed the Refugee Act, Pub. L. No. 96-212, 94 Stat. 102 (1980). It changed asylum.",
     {"Congress passed the Refugee Act, Pub. L. No. 96-212, 94 Stat. 102 (1980).",
      "It changed asylum."}},
    {"matter_of",
     "See Matter of A-B-, 27 I&N Dec. 316 (A.G. 2018). The decision was vacated.",
     {"See Matter of A-B-, 27 I&N Dec. 316 (A.G. 2018).", "The decision was vacated."}},
    {"docket_number",
     "The Ninth Circuit ruled in No. 19-15716 that MPP was unlawful. The Court stayed it.",
     {"The Ninth Circuit ruled in No. 19-15716 that MPP was unlawful.", "The Court stayed it."}},
    {"docket_number_after_capital",
     "Appeal No. 19-15716. Argued Oct. 1, 2019.",
     {"Appeal No. 19-15716.", "Argued Oct. 1, 2019."}},
    {"case_name_versus",
     "In Innovation Law Lab v. McAleenan, 924 F.3d 503 (9th Cir. 2019), the court agreed. "
     "Later it changed.",
     {"In Innovation Law Lab v. McAleenan, 924 F.3d 503 (9th Cir. 2019), the court agreed.",
      "Later it changed."}},
    {"case_name_district",
     "East Bay Sanctuary Covenant v. Trump, 349 F. Supp. 3d 838 (N.D. Cal. 2018). Next.",
     {"East Bay Sanctuary Covenant v. Trump, 349 F. Supp. 3d 838 (N.D. Cal. 2018).", "Next."}},
    {"supreme_court_reporter",
     "Flores v. Reno, 507 U.S. 292 (1993). The settlement followed.",
     {"Flores v. Reno, 507 U.S. 292 (1993).", "The settlement followed."}},
    {"et_al", "Al Otro Lado et al. v. Wolf was filed in 2017. Nothing else.",
     {"Al Otro Lado et al. v. Wolf was filed in 2017.", "Nothing else."}},
    {"et_al_before_capital", "Smith et al. Reported the numbers in 2020.",
     {"Smith et al. Reported the numbers in 2020."}},
    {"months", "On Jan. 25, 2019, DHS began. It expanded in Feb. 2019 to more cities.",
     {"On Jan. 25, 2019, DHS began.", "It expanded in Feb. 2019 to more cities."}},
    {"titles", "Mr. Smith met Dr. Jones and Sen. Durbin. They talked.",
     {"Mr. Smith met Dr. Jones and Sen. Durbin.", "They talked."}},
    {"initials", "Judge Dana M. Sabraw ruled. Families were separated.",
     {"Judge Dana M. Sabraw ruled.", "Families were separated."}},
    {"eg", "Some groups (e.g. MPP returnees) waited. Others did not.",
     {"Some groups (e.g. MPP returnees) waited.", "Others did not."}},
    {"quoted_end", "He said \"stop.\" Then he left.", {"He said \"stop.\"", "Then he left."}},
    {"paragraph_without_period", "A heading\n\nThe body text.", {"A heading", "The body text."}},
    {"paragraph_beats_abbreviation", "Returned to the U.S.\n\nThe next paragraph.",
     {"Returned to the U.S.", "The next paragraph."}},
    {"paragraph_after_versus", "Smith v.\n\nJones", {"Smith v.", "Jones"}},
    {"no_before_word", "The answer was No. Then he left.",
     {"The answer was No.", "Then he left."}},
};

class SentenceCaseTest : public ::testing::TestWithParam<SentenceCase> {};

// Returns the sentence strings of `text`, after checking they tile it.
std::vector<std::string_view> SplitAndCheck(const TextNormalizer& normalizer,
                                            std::string_view text) {
  std::vector<TextRange> ranges = normalizer.SplitSentences(text);
  std::vector<std::string_view> out;
  size_t prev_end = 0;
  for (const TextRange& r : ranges) {
    EXPECT_LT(r.begin, r.end);
    EXPECT_LE(prev_end, r.begin);
    EXPECT_LE(r.end, text.size());
    // Only whitespace between sentences, none at their edges, no paragraph
    // break inside one.
    for (size_t i = prev_end; i < r.begin; ++i) EXPECT_TRUE(isspace(text[i])) << i;
    std::string_view s = text.substr(r.begin, r.end - r.begin);
    EXPECT_FALSE(isspace(s.front()));
    EXPECT_FALSE(isspace(s.back()));
    EXPECT_EQ(s.find("\n\n"), std::string_view::npos);
    out.push_back(s);
    prev_end = r.end;
  }
  for (size_t i = prev_end; i < text.size(); ++i) EXPECT_TRUE(isspace(text[i])) << i;
  return out;
}

TEST_P(SentenceCaseTest, SplitsAsExpected) {
  const SentenceCase& c = GetParam();
  TextNormalizer normalizer;
  EXPECT_EQ(SplitAndCheck(normalizer, c.text), c.sentences);
}

INSTANTIATE_TEST_SUITE_P(Table, SentenceCaseTest, ::testing::ValuesIn(kSentenceCases),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(SentenceTest, SeedFilesTile) {
  std::filesystem::path dir = std::filesystem::path(DOSSIER_SHARED_DIR) / "seeds";
  TextNormalizer normalizer;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    SCOPED_TRACE(entry.path().string());
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    Document doc;
    doc.raw_text = buf.str();
    ASSERT_TRUE(normalizer.Normalize(doc).ok());
    EXPECT_GT(doc.sentences.size(), 5u);
    std::vector<std::string_view> sentences = SplitAndCheck(normalizer, doc.text);
    // No sentence ends inside "U.S." or right after "v.".
    for (std::string_view s : sentences) {
      EXPECT_FALSE(s.ends_with(" v.")) << s;
      EXPECT_FALSE(s.ends_with("U.S.") && s.size() < 40) << s;
    }
  }
}

// Long text is broken a chunk at a time at line breaks: the sentences of a
// text of several chunks are those of its lines split one by one, offsets
// included, across multibyte characters.
TEST(SentenceTest, LongTextSplitsAsItsLines) {
  TextNormalizer normalizer;
  const std::string line = "In 2019 the court ruled. See Doe v. Roe, 1 F.3d 2 (9th Cir. 2019). \u00BFQu\u00E9? Fin \U0001F600.\n";
  std::string text;
  while (text.size() < (1u << 20)) text += line;
  const std::vector<TextRange> one = normalizer.SplitSentences(line);
  ASSERT_EQ(one.size(), 4u);
  const std::vector<TextRange> all = normalizer.SplitSentences(text);
  const size_t copies = text.size() / line.size();
  ASSERT_EQ(all.size(), one.size() * copies);
  for (size_t i = 0; i < all.size(); ++i) {
    const size_t shift = (i / one.size()) * line.size();
    EXPECT_EQ(all[i].begin, one[i % one.size()].begin + shift) << i;
    EXPECT_EQ(all[i].end, one[i % one.size()].end + shift) << i;
  }
}

// The ASCII fast path gives ICU's own UTF-16 and says when it applied,
// whatever the length around the eight-byte steps and wherever the first
// non-ASCII byte sits.
TEST(SentenceTest, ToUtf16MatchesIcu) {
  const std::string_view cases[] = {"",
                                    "a",
                                    "seven b",
                                    "eight by",
                                    "nine byte",
                                    "Plain ASCII text, seventeen+ bytes.\n\nNext.",
                                    "\u00E9",
                                    "caf\u00E9",
                                    "eight by\u00E9 then more ASCII",
                                    "sixteen bytes ok\u2014dash",
                                    "Emoji \U0001F600 here."};
  for (std::string_view text : cases) {
    icu::UnicodeString fast(u"stale contents");
    const bool ascii = normalize_internal::ToUtf16(text, fast);
    const icu::UnicodeString slow =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    EXPECT_EQ(fast, slow) << text;
    EXPECT_EQ(ascii, std::all_of(text.begin(), text.end(), [](char c) { return (c & 0x80) == 0; })) << text;
  }
}

}  // namespace
}  // namespace dossier
