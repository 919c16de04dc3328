#include "pipeline/normalize/nfkc_runs.h"

#include <gtest/gtest.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uniset.h>

#include <string>
#include <tuple>
#include <vector>

namespace dossier::normalize_internal {
namespace {

using Change = std::tuple<int32_t, int32_t, int32_t, int32_t>;  // source, old length, destination, new length

std::vector<Change> Changes(const icu::Edits& edits) {
  std::vector<Change> out;
  UErrorCode ec = U_ZERO_ERROR;
  icu::Edits::Iterator it = edits.getFineChangesIterator();
  while (it.next(ec)) out.emplace_back(it.sourceIndex(), it.oldLength(), it.destinationIndex(), it.newLength());
  return out;
}

// Normalizing by runs gives the text and the changes of normalizing the
// whole text, for compositions across the ASCII character before a run,
// compatibility forms, Hangul and marks at the start, at every offset
// around the eight-byte steps.
TEST(NfkcRunsTest, MatchesNormalizingTheWholeText) {
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(ec);
  ASSERT_TRUE(U_SUCCESS(ec));
  icu::UnicodeSet outside_hangul(icu::UnicodeString(u"[^\u3131-\u318E\uFFA0-\uFFDC]"), ec);
  ASSERT_TRUE(U_SUCCESS(ec));
  outside_hangul.freeze();
  const icu::FilteredNormalizer2 filtered(*nfkc, outside_hangul);
  std::vector<std::string> texts = {
      "",
      "plain ASCII only",
      "caf\u00E9",
      "e\u0301",
      "\u0301 leading mark",
      "xe\u0301y and a\u0308\u0301 and o\u0302\u0323",
      "\uFB01\uFB02 \uFB01x\uFB02 \uFB01 x \uFB02",
      "\uFF21\uFF22\uFF23 \u216B \u00BD \u2460 \u33A1",
      "\u1100\u1161\u11A8 \u3131\u314F \uAC00 \uFFA1",
      "\u0438\u0306 \u0439 \u212B \u00C5 A\u030A",
      "\u0928\u093C \u0929 \u0F71\u0F72",
  };
  const std::string pieces[] = {"e\u0301", "\uFB01", "\u00E9", "\uFF21", "\u1100\u1161", "\u3131"};
  for (const std::string& piece : pieces) {
    for (size_t at = 0; at <= 18; ++at) {
      texts.push_back(std::string(at, 'a') + piece + "bcdefghijklmnop" + piece);  // one run to ICU
      texts.push_back(piece + std::string(60 + at, 'x') + piece + "y");           // two runs, or one
    }
  }
  for (const icu::Normalizer2* normalizer : {static_cast<const icu::Normalizer2*>(nfkc),
                                             static_cast<const icu::Normalizer2*>(&filtered)}) {
    for (const std::string& text : texts) {
      std::string whole;
      icu::StringByteSink<std::string> sink(&whole);
      icu::Edits whole_edits;
      UErrorCode whole_ec = U_ZERO_ERROR;
      normalizer->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink,
                                &whole_edits, whole_ec);
      ASSERT_TRUE(U_SUCCESS(whole_ec));
      std::string runs;
      icu::Edits run_edits;
      UErrorCode runs_ec = U_ZERO_ERROR;
      NormalizeNonAsciiRuns(*normalizer, text, runs, run_edits, runs_ec);
      ASSERT_TRUE(U_SUCCESS(runs_ec));
      EXPECT_EQ(runs, whole) << text;
      EXPECT_EQ(Changes(run_edits), Changes(whole_edits)) << text;
      EXPECT_EQ(run_edits.lengthDelta(), whole_edits.lengthDelta()) << text;
      EXPECT_EQ(run_edits.hasChanges(), whole_edits.hasChanges()) << text;
    }
  }
}

}  // namespace
}  // namespace dossier::normalize_internal
