// The offset map is exact: for a span of normalized text, the raw bytes it
// maps back to normalize to exactly that span.
//
// Spans start and end at word boundaries of the normalized text (next to
// whitespace or the text's ends), where normalizing a slice on its own sees
// the same context as the whole document. Boundaries the map cannot
// represent (strictly inside a rewrite) are skipped, and the test requires
// that they are rare, so a coarse map cannot pass.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/normalize/normalizer.h"
#include "tests/normalize/normalize_cases.h"

namespace dossier {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\n'; }

// Returns `s` shortened for a failure message.
std::string Clip(std::string_view s) {
  return s.size() <= 160 ? std::string(s)
                         : std::string(s.substr(0, 80)) + " ... " +
                               std::string(s.substr(s.size() - 80));
}

// Returns true when `b` is not strictly inside a rewrite (as a span start).
bool TightStart(const OffsetMap& m, size_t b) { return m.ToNorm(m.ToRawBegin(b)) == b; }
// Returns true when `e` is not strictly inside a rewrite (as a span end).
bool TightEnd(const OffsetMap& m, size_t e) { return m.ToNormEnd(m.ToRawEnd(e)) == e; }

struct PropertyStats {
  size_t boundaries = 0;
  size_t tight = 0;
  size_t spans_checked = 0;
};

// Returns true when `raw` has a hyphen at a line end, whose fate depends on
// the rest of the document.
bool HasLineEndHyphen(std::string_view raw) {
  for (size_t h = raw.find('-'); h != std::string_view::npos; h = raw.find('-', h + 1)) {
    size_t i = h + 1;
    while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t')) ++i;
    if (i < raw.size() && (raw[i] == '\n' || raw[i] == '\r' || raw[i] == '\f')) return true;
  }
  return false;
}

// Checks the span property and the map's basic laws over `raw`; fails the
// test on the first few mismatches. With `skip_line_end_hyphens`, spans
// whose raw bytes hold a line-end hyphen are not compared.
PropertyStats CheckMap(const TextNormalizer& normalizer, std::string_view raw,
                       uint32_t seed = 1, bool skip_line_end_hyphens = false) {
  PropertyStats stats;
  NormalizedText n = normalizer.NormalizeText(raw);
  const OffsetMap& m = n.offsets;
  const std::string& text = n.text;
  EXPECT_EQ(m.raw_size(), raw.size());
  EXPECT_EQ(m.norm_size(), text.size());

  // Monotonic, in range, and ASCII letters and digits that map one byte to
  // one byte are the same byte (an unchanged byte maps to itself).
  size_t prev_begin = 0, prev_end = 0;
  int law_failures = 0;
  for (size_t i = 0; i <= text.size() && law_failures == 0; ++i) {
    size_t rb = m.ToRawBegin(i), re = m.ToRawEnd(i);
    if (rb > raw.size() || re > raw.size() || rb < prev_begin || re < prev_end) {
      ++law_failures;
      ADD_FAILURE() << "map not monotonic at norm offset " << i;
    }
    prev_begin = rb;
    prev_end = re;
    if (i < text.size() && isalnum(static_cast<unsigned char>(text[i])) &&
        m.ToRawEnd(i + 1) - rb == 1 && raw[rb] != text[i]) {
      ++law_failures;
      ADD_FAILURE() << "norm offset " << i << " '" << text[i] << "' maps to raw '" << raw[rb]
                    << "'";
    }
  }
  if (law_failures > 0) return stats;

  // Word boundaries of the normalized text.
  std::vector<size_t> starts, ends;
  for (size_t i = 0; i < text.size(); ++i) {
    if (!IsSpace(text[i]) && (i == 0 || IsSpace(text[i - 1]))) {
      ++stats.boundaries;
      if (TightStart(m, i)) {
        ++stats.tight;
        starts.push_back(i);
      }
    }
    if (!IsSpace(text[i]) && (i + 1 == text.size() || IsSpace(text[i + 1]))) {
      ++stats.boundaries;
      if (TightEnd(m, i + 1)) {
        ++stats.tight;
        ends.push_back(i + 1);
      }
    }
  }

  int failures = 0;
  auto check = [&](size_t b, size_t e) {
    if (e <= b || failures >= 5) return;
    ++stats.spans_checked;
    size_t rb = m.ToRawBegin(b), re = m.ToRawEnd(e);
    ASSERT_LE(rb, re);
    if (skip_line_end_hyphens && HasLineEndHyphen(raw.substr(rb, re - rb))) return;
    std::string got = normalizer.NormalizeText(raw.substr(rb, re - rb)).text;
    std::string_view want = std::string_view(text).substr(b, e - b);
    if (got != want) {
      ++failures;
      ADD_FAILURE() << "span [" << b << ", " << e << ") \"" << Clip(want) << "\" <- raw ["
                    << rb << ", " << re << ") normalizes to \"" << Clip(got) << "\"";
    }
  };
  // Every word and every pair of neighbouring words.
  for (size_t k = 0; k < starts.size(); ++k) {
    auto end_it = std::upper_bound(ends.begin(), ends.end(), starts[k]);
    if (end_it == ends.end()) break;
    check(starts[k], *end_it);
    if (end_it + 1 != ends.end()) check(starts[k], *(end_it + 1));
  }
  // Every sentence.
  for (const TextRange& s : normalizer.SplitSentences(text)) {
    if (TightStart(m, s.begin) && TightEnd(m, s.end)) check(s.begin, s.end);
  }
  // Random longer spans, and the whole text.
  std::mt19937 rng(seed);
  for (int r = 0; r < 200 && !starts.empty() && !ends.empty(); ++r) {
    size_t b = starts[rng() % starts.size()];
    auto first_end = std::upper_bound(ends.begin(), ends.end(), b);
    if (first_end == ends.end()) continue;
    check(b, *(first_end + rng() % (ends.end() - first_end)));
  }
  if (!text.empty()) check(0, text.size());
  return stats;
}

TEST(OffsetPropertyTest, TableCases) {
  TextNormalizer joining;
  TextNormalizer not_joining({.join_hyphenation = false});
  for (const testing::NormalizeCase& c : testing::kNormalizeCases) {
    SCOPED_TRACE(c.name);
    PropertyStats stats = CheckMap(c.uses_document_context ? not_joining : joining, c.raw);
    EXPECT_EQ(stats.tight, stats.boundaries);
  }
}

TEST(OffsetPropertyTest, SeedFiles) {
  // Seed 004 has line-end hyphens decided by the rest of the document
  // ("non-\nrefoulement" stays hyphenated): those spans are compared with
  // joining off, where the map is the same apart from them.
  std::filesystem::path dir = std::filesystem::path(DOSSIER_SHARED_DIR) / "seeds";
  TextNormalizer normalizer;
  TextNormalizer not_joining({.join_hyphenation = false});
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    SCOPED_TRACE(entry.path().string());
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    for (const TextNormalizer* n : {&normalizer, &not_joining}) {
      PropertyStats stats = CheckMap(*n, buf.str(), 7, /*skip_line_end_hyphens=*/n == &normalizer);
      EXPECT_EQ(stats.tight, stats.boundaries);
      EXPECT_GT(stats.spans_checked, 100u);
    }
    ++files;
  }
  EXPECT_GE(files, 5);
}

// Documents stitched from pieces that each exercise one rewrite.
std::string RandomDocument(std::mt19937& rng, bool with_hyphens) {
  using namespace std::string_view_literals;
  static constexpr std::string_view kWords[] = {
      "asylum", "immigration", "MPP", "U.S.C.", "\u00A7", "1225", "Jan.", "2019",
      "caf\u00E9", "na\u00EFve", "e\u0301t\u00E9", "\uFB01nal", "\uFF21\uFF22", "\u2460",
      "\u00BD", "\u201C", "\u201D", "\u2019s", "\u00AB", "\u00BB", "(", ")", ".", ","};
  static constexpr std::string_view kSpaces[] = {
      " ", " ", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r\n\r\n", "\u00A0", "\u2009",
      "\u3000", "\f", "\u2028", "\u2029", " \n "};
  static constexpr std::string_view kOddities[] = {
      "\u200B", "\u00AD", "\uFEFF", "\0"sv, "\x01", "\x7F", "\u0085", "\xFF", "\xE2\x82",
      "\xC0", "\u00AD\n", "\u2033"};
  static constexpr std::string_view kHyphens[] = {"-", "\u2014", "\u2212", "-\n", "\u2010\n"};
  std::string doc;
  int pieces = 100 + static_cast<int>(rng() % 300);
  for (int i = 0; i < pieces; ++i) {
    uint32_t kind = rng() % 10;
    if (kind < 5) {
      doc += kWords[rng() % std::size(kWords)];
    } else if (kind < 8) {
      doc += kSpaces[rng() % std::size(kSpaces)];
    } else if (kind < 9 || !with_hyphens) {
      doc += kOddities[rng() % std::size(kOddities)];
    } else {
      doc += kHyphens[rng() % std::size(kHyphens)];
    }
  }
  return doc;
}

TEST(OffsetPropertyTest, RandomDocuments) {
  // Line-end hyphens are decided from the whole document, so documents
  // with hyphens are checked with joining off.
  TextNormalizer joining;
  TextNormalizer not_joining({.join_hyphenation = false});
  std::mt19937 rng(20240601);
  size_t boundaries = 0, tight = 0;
  for (int d = 0; d < 60; ++d) {
    bool with_hyphens = d % 2 == 1;
    std::string doc = RandomDocument(rng, with_hyphens);
    SCOPED_TRACE("document " + std::to_string(d));
    PropertyStats stats = CheckMap(with_hyphens ? not_joining : joining, doc, d);
    boundaries += stats.boundaries;
    tight += stats.tight;
    if (HasFailure()) break;
  }
  // OffsetMap merges adjacent rewrites of the same shape ("\u2009\u2014\u2009"
  // is one 9 -> 3 change), so a few boundaries between them cannot be
  // mapped; nearly all must be.
  EXPECT_GT(boundaries, 1000u);
  EXPECT_GE(tight * 100, boundaries * 95) << tight << " of " << boundaries;
}

}  // namespace
}  // namespace dossier
