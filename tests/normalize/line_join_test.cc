#include "pipeline/normalize/line_join.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace dossier::normalize_internal {
namespace {

// What JoinLines must look at: whitespace, '-' and U+00AD's lead byte,
// except a single space between two bytes that are none of those.
bool MustVisit(std::string_view s, size_t i) {
  const auto special = [](unsigned char b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '-' || b == 0xC2;
  };
  const auto b = static_cast<unsigned char>(s[i]);
  if (!special(b)) return false;
  return !(b == ' ' && i > 0 && i + 1 < s.size() && !special(static_cast<unsigned char>(s[i + 1])));
}

// From every offset of every text, the skip passes no byte JoinLines must
// see: special bytes at every position of the eight-byte words, runs of
// them, at the ends, and bytes that only look special to the word tests
// (just below and above ' ' and '-', high bytes that are not 0xC2).
TEST(LineJoinTest, NextJoinCandidateSkipsNothingThatMatters) {
  std::vector<std::string> texts = {
      "",
      "a",
      " leading space and trailing space ",
      "one two three four five six seven eight nine ten eleven twelve",
      "double  space here and there  and   triple",
      "line\nbreak and\n\nparagraph\r\nand\ttab\fform",
      "hyphen-ated and immi-\ngration and - dash -",
      "soft\xC2\xADhyphen and caf\xC3\xA9 and \xE2\x80\x94 dash and \xC2\xA0nbsp",
      "!\"#$%&'()*+,./0123456789:;<=>?@ABC~\x7F\x1F\x1E,.",
  };
  // Every special byte at every offset of a plain text.
  const std::string plain = "abcdefghij klmnopqrst uvwxyzabcd efghijklmn";
  for (const char* special : {" ", "  ", "\n", "-", "\t", "\xC2\xAD", "\r\n", " \n "}) {
    for (size_t at = 0; at <= plain.size(); ++at) {
      texts.push_back(plain.substr(0, at) + special + plain.substr(at));
    }
  }
  for (const std::string& text : texts) {
    for (size_t i = 0; i <= text.size(); ++i) {
      const size_t next = NextJoinCandidate(text, i);
      ASSERT_GE(next, i) << text;
      ASSERT_LE(next, text.size()) << text;
      for (size_t k = i; k < next; ++k) ASSERT_FALSE(MustVisit(text, k)) << "'" << text << "' from " << i << " skips " << k;
    }
  }
}

// The skip changes nothing in what JoinLines writes.
TEST(LineJoinTest, JoinsAroundSkippedRuns) {
  std::string out;
  icu::Edits edits;
  EXPECT_TRUE(JoinLines("  words and words  then more words here\n\nand a para-\ngraph, paragraph ", true, out, edits));
  EXPECT_EQ(out, "words and words then more words here\n\nand a paragraph, paragraph");
}

}  // namespace
}  // namespace dossier::normalize_internal
