// Runs every pack's examples and counterexamples through normalization and
// every finder: an analyst's new pattern is tested the moment it is added.
//
// An example is a string (the whole text must be found as one entity of the
// pack's kind) or an object: `text`, the sentence; `find`, the entity text
// expected in it (default: all of `text`); `doc_date`, the document date for
// inference; every other key must equal that field of the entity's record.
// An example of a `none` pattern (one that claims text that is no entity)
// is text where no entity of the pack's kind overlaps `find`.
// A counterexample is a string (no entity of the kind in it at all) or an
// object {text, span}: no entity of the kind overlaps `span` in `text`.
#include <gtest/gtest.h>

#include <re2/re2.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "pipeline/core/json_io.h"
#include "pipeline/find/entity_finder.h"
#include "pipeline/normalize/normalizer.h"
#include "tests/find/finder_test_util.h"

namespace dossier {
namespace {

using nlohmann::json;

const EntityFinder& Finder() { return test_util::BuiltinFinder(); }

Document Analyze(const std::string& text, const std::string& doc_date) {
  Document doc = test_util::NormalizedDocument(text, doc_date);
  Finder().Run(doc);
  return doc;
}

// Field equality with numbers compared as numbers (71000 == 71000.0).
bool SameField(const json& want, const json& got) {
  if (want.is_number() && got.is_number()) {
    return std::fabs(want.get<double>() - got.get<double>()) <= 1e-9 * std::max(1.0, std::fabs(want.get<double>()));
  }
  return want == got;
}

std::string Describe(const Document& doc) {
  std::string out;
  for (const Entity& e : doc.entities) out += "\n    " + ToJson(e).dump();
  return out.empty() ? " (none)" : out;
}

TEST(PackExamplesTest, EveryPackHasPatternsWithExamples) {
  ASSERT_FALSE(Finder().packs().empty());
  for (const auto& pack : Finder().packs()) {
    EXPECT_FALSE(pack->patterns().empty()) << pack->kind();
    for (const Pattern& p : pack->patterns()) {
      EXPECT_FALSE(p.examples.empty()) << p.id << " has no examples";
    }
  }
}

TEST(PackExamplesTest, ExamplesAreFound) {
  int checked = 0;
  for (const auto& pack : Finder().packs()) {
    for (const Pattern& pattern : pack->patterns()) {
      for (const json& example : pattern.examples) {
        const json ex = example.is_string() ? json{{"text", example}} : example;
        const std::string text = ex.value("text", "");
        const std::string want_text = ex.value("find", text);
        Document doc = Analyze(text, ex.value("doc_date", ""));
        ++checked;
        if (pattern.resolve == "none") {
          const size_t begin = doc.text.find(want_text);
          ASSERT_NE(begin, std::string::npos) << pattern.id << ": find not in text: " << want_text;
          for (const Entity& e : doc.entities) {
            EXPECT_FALSE(EntityTypeName(e.type) == pack->kind() && e.span.begin < begin + want_text.size() &&
                         begin < e.span.end)
                << pattern.id << ": \"" << want_text << "\" should be no " << pack->kind() << ", yields "
                << ToJson(e).dump();
          }
          continue;
        }
        const Entity* hit = nullptr;
        for (const Entity& e : doc.entities) {
          if (EntityTypeName(e.type) == pack->kind() && e.text == want_text) hit = &e;
        }
        if (hit == nullptr) {
          ADD_FAILURE() << pattern.id << ": no " << pack->kind() << " \"" << want_text
                        << "\" in \"" << text << "\"; found:" << Describe(doc);
          continue;
        }
        const json got = ToJson(*hit);
        for (const auto& [key, want] : ex.items()) {
          if (key == "text" || key == "find" || key == "doc_date") continue;
          EXPECT_TRUE(got.contains(key) && SameField(want, got[key]))
              << pattern.id << ": \"" << want_text << "\" field " << key << " want " << want.dump()
              << " got " << (got.contains(key) ? got[key].dump() : "(absent)");
        }
      }
    }
  }
  EXPECT_GT(checked, 0);
}

TEST(PackExamplesTest, CounterexamplesAreNotFound) {
  for (const auto& pack : Finder().packs()) {
    for (const Pattern& pattern : pack->patterns()) {
      for (const json& counter : pattern.counterexamples) {
        const std::string text = counter.is_string() ? counter.get<std::string>() : counter.value("text", "");
        Document doc = Analyze(text, "");
        size_t span_begin = 0, span_end = doc.text.size();
        if (counter.is_object()) {
          const std::string span = counter.value("span", "");
          span_begin = doc.text.find(span);
          ASSERT_NE(span_begin, std::string::npos) << pattern.id << ": span not in text: " << span;
          span_end = span_begin + span.size();
        }
        for (const Entity& e : doc.entities) {
          if (EntityTypeName(e.type) != pack->kind()) continue;
          EXPECT_FALSE(e.span.begin < span_end && span_begin < e.span.end)
              << pattern.id << ": counterexample \"" << text << "\" yields " << ToJson(e).dump();
        }
      }
    }
  }
}

// A pattern's `prefilter` must occur in every match of the pattern, or the
// scanner's first pass would skip blocks where it matches. Checked on every
// example and counterexample text of its pack and on the seed documents.
TEST(PackExamplesTest, PrefiltersOccurInEveryMatch) {
  std::vector<std::string> seeds;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(DOSSIER_SHARED_DIR) / "seeds")) {
    std::ifstream in(entry.path(), std::ios::binary);
    seeds.push_back(test_util::NormalizedDocument(
                        std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()), "")
                        .text);
  }
  size_t prefiltered = 0;
  for (const auto& pack : Finder().packs()) {
    std::vector<std::string> texts;
    for (const std::string& t : ExampleTexts(*pack)) texts.push_back(test_util::NormalizedDocument(t, "").text);
    texts.insert(texts.end(), seeds.begin(), seeds.end());
    for (const std::string& miss : PrefilterMisses(*pack, texts)) ADD_FAILURE() << miss;
    for (const Pattern& p : pack->patterns()) prefiltered += !p.prefilter.empty();
  }
  EXPECT_GT(prefiltered, 0u);
}

}  // namespace
}  // namespace dossier
