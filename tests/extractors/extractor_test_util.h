// Helpers shared by the extractor tests: a sink that keeps what it is given,
// file reading, and the round-trip checks every extractor must pass.
#ifndef DOSSIER_TESTS_EXTRACTORS_EXTRACTOR_TEST_UTIL_H_
#define DOSSIER_TESTS_EXTRACTORS_EXTRACTOR_TEST_UTIL_H_

#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "extractors/extractor.h"
#include "extractors/input.h"
#include "extractors/registry.h"

namespace dossier::testing {

// Collects documents and rejections.
class CollectingSink : public DocumentSink {
 public:
  void Accept(Document doc) override { docs.push_back(std::move(doc)); }
  void Reject(const std::string& locator, const Status& why) override {
    rejects.emplace_back(locator, why);
  }
  std::vector<Document> docs;
  std::vector<std::pair<std::string, Status>> rejects;
};

inline std::string SeedPath(const std::string& name) {
  return std::string(DOSSIER_SHARED_DIR) + "/seeds/" + name;
}

inline std::string FixturePath(const std::string& name) {
  return std::string(DOSSIER_SOURCE_DIR) + "/tests/fixtures/extractors/" + name;
}

// Returns the bytes of the file at `path` (empty if unreadable).
inline std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream out;
  out << f.rdbuf();
  return out.str();
}

// Returns the status of extracting `input` as `format`; documents and
// rejections land in `sink`.
inline Status Extract(Input input, Format format, CollectingSink& sink) {
  input.format = format;
  const Extractor* x = ExtractorRegistry::Default().For(format);
  if (x == nullptr) return Internal("no extractor");
  return x->Extract(input, ExtractOptions{}, sink);
}

// Expects `doc`'s segments to tile its raw text, separators to be "\n\n"
// with no anchor, and every other segment to carry an anchor.
inline void ExpectTiled(const Document& doc) {
  size_t at = 0;
  for (const Segment& seg : doc.segments) {
    EXPECT_EQ(seg.begin, at) << doc.locator;
    EXPECT_LT(seg.begin, seg.end) << doc.locator << " empty segment " << seg.label;
    at = seg.end;
    if (seg.role == Role::kSeparator) {
      EXPECT_EQ(doc.raw_text.substr(seg.begin, seg.end - seg.begin), "\n\n");
      EXPECT_FALSE(seg.linear);
      EXPECT_EQ(seg.anchor, SourceAnchor{});
    } else {
      EXPECT_GE(seg.anchor.byte_offset, 0) << seg.label;
    }
  }
  EXPECT_EQ(at, doc.raw_text.size()) << doc.locator;
}

// Round trip for byte-anchored formats (text, Markdown): each linear
// segment's bytes are the file's bytes at its offset; a non-linear one
// points inside the file. Returns the number of linear segments checked.
inline size_t ExpectFileRoundTrip(const Document& doc, const std::string& file) {
  ExpectTiled(doc);
  size_t checked = 0;
  for (const Segment& seg : doc.segments) {
    if (seg.role == Role::kSeparator) continue;
    const auto off = static_cast<size_t>(seg.anchor.byte_offset);
    EXPECT_LT(off, file.size()) << seg.label;
    if (!seg.linear) continue;
    const size_t n = seg.end - seg.begin;
    EXPECT_EQ(doc.raw_text.substr(seg.begin, n), file.substr(off, n))
        << "segment [" << seg.begin << "," << seg.end << ") at byte " << off;
    ++checked;
  }
  return checked;
}

// Round trip for JSON anchors: each linear segment's bytes are the bytes of
// the decoded string named by its JSON Pointer (inside `root`), at its
// offset. Returns the number of linear segments checked.
inline size_t ExpectJsonRoundTrip(const Document& doc, const nlohmann::json& root) {
  ExpectTiled(doc);
  size_t checked = 0;
  for (const Segment& seg : doc.segments) {
    if (seg.role == Role::kSeparator) continue;
    const nlohmann::json::json_pointer ptr(seg.anchor.json_pointer);
    if (!root.contains(ptr) || !root.at(ptr).is_string()) {
      ADD_FAILURE() << "no string at " << seg.anchor.json_pointer;
      continue;
    }
    const std::string& value = root.at(ptr).get_ref<const std::string&>();
    const auto off = static_cast<size_t>(seg.anchor.byte_offset);
    EXPECT_LT(off, value.size()) << seg.anchor.json_pointer;
    if (!seg.linear) continue;
    const size_t n = seg.end - seg.begin;
    EXPECT_EQ(doc.raw_text.substr(seg.begin, n), value.substr(off, n))
        << seg.anchor.json_pointer << " at " << off;
    ++checked;
  }
  return checked;
}

// Returns the blocks (text between separators) whose first segment has
// `role`, joined by "|".
inline std::string BlocksWithRole(const Document& doc, Role role) {
  std::string out, block;
  bool first = true, match = false, any = false;
  auto flush = [&] {
    if (match) {
      if (any) out += "|";
      out += block;
      any = true;
    }
    block.clear();
    first = true;
    match = false;
  };
  for (const Segment& seg : doc.segments) {
    if (seg.role == Role::kSeparator) {
      flush();
      continue;
    }
    if (first) match = seg.role == role;
    first = false;
    block += doc.raw_text.substr(seg.begin, seg.end - seg.begin);
  }
  flush();
  return out;
}

}  // namespace dossier::testing

#endif  // DOSSIER_TESTS_EXTRACTORS_EXTRACTOR_TEST_UTIL_H_
