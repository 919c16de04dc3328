// Shared by the finder tests: the built-in finders, loaded once, and a
// document made from a test string the way the pipeline makes one.
#ifndef DOSSIER_TESTS_FIND_FINDER_TEST_UTIL_H_
#define DOSSIER_TESTS_FIND_FINDER_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "pipeline/find/entity_finder.h"
#include "pipeline/find/pattern_scanner.h"
#include "pipeline/normalize/normalizer.h"

namespace dossier::test_util {

// Returns the finder with the built-in packs (a failure to load fails the test).
inline const EntityFinder& BuiltinFinder() {
  static const std::shared_ptr<const EntityFinder> finder = [] {
    auto loaded = EntityFinder::Load();
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return loaded.ok() ? *loaded : std::make_shared<const EntityFinder>();
  }();
  return *finder;
}

// Returns a normalized text document holding `text`, dated `doc_date`.
inline Document NormalizedDocument(const std::string& text, const std::string& doc_date = "") {
  Document doc;
  doc.raw_text = text;
  doc.format = Format::kText;
  doc.segments.push_back(Segment::Verbatim(0, text.size(), 0));
  doc.metadata.date = doc_date;
  TextNormalizer normalizer;
  EXPECT_TRUE(normalizer.Normalize(doc).ok());
  return doc;
}

// Returns the matches of `pack` alone in `text`, as a finder receives them.
inline PackMatches MatchesOf(const PatternPack& pack, std::string_view text) {
  Result<PatternScanner> scanner = PatternScanner::Build({&pack});
  EXPECT_TRUE(scanner.ok()) << scanner.status().message();
  std::vector<PackMatches> out;
  if (scanner.ok()) scanner->Scan(text, &out);
  return out.empty() ? PackMatches() : std::move(out[0]);
}

}  // namespace dossier::test_util

#endif  // DOSSIER_TESTS_FIND_FINDER_TEST_UTIL_H_
