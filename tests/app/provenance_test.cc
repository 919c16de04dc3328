// Provenance round trip through every stage: for every sentence of every
// document of the seeds and samples, the source anchors of its span point
// at source bytes that normalize back to the sentence's text.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include <memory>
#include <sstream>

#include "extractors/input.h"
#include "pipeline/app/processor.h"
#include "pipeline/normalize/normalizer.h"
#include "tests/app/test_util.h"

namespace dossier {
namespace {

using test_util::KeepingSink;

// Returns the string value at JSON Pointer `pointer` of the file's JSON (or
// of line `line` for JSON Lines).
std::string JsonString(const std::string& file_bytes, const SourceAnchor& a) {
  std::string doc_text = file_bytes;
  if (a.line > 0) {
    size_t pos = 0;
    for (int64_t i = 1; i < a.line; ++i) pos = file_bytes.find('\n', pos) + 1;
    doc_text = file_bytes.substr(pos, file_bytes.find('\n', pos) - pos);
  }
  nlohmann::json j = nlohmann::json::parse(doc_text);
  const nlohmann::json& v = j.at(nlohmann::json::json_pointer(a.json_pointer));
  return v.is_string() ? v.get<std::string>() : "";
}

std::string Trim(std::string s) {
  const auto b = s.find_first_not_of(" \n");
  const auto e = s.find_last_not_of(" \n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::string NoHyphens(std::string s) {
  std::erase(s, '-');
  return s;
}

// Checks every sentence of the documents of `path`; returns how many were
// checked (sentences crossing a segment boundary are skipped).
int CheckFile(const Processor& processor, const std::string& path) {
  KeepingSink sink;
  processor.ProcessFile(path, sink);
  EXPECT_TRUE(sink.errors.empty()) << path << ": " << (sink.errors.empty() ? "" : sink.errors[0].reason);
  const std::string bytes = test_util::ReadFile(path);
  TextNormalizer normalizer;
  int checked = 0;
  for (const Document& doc : sink.docs) {
    for (const TextRange& r : doc.sentences) {
      const Span span = doc.MakeSpan(r.begin, r.end);
      const SourceAnchor& b = span.source_begin;
      const SourceAnchor& e = span.source_end;
      if (b.json_pointer != e.json_pointer || b.line != e.line || b.page != e.page) continue;
      const Segment* sb = doc.SegmentAt(r.begin);
      const Segment* se = doc.SegmentAt(r.end - 1);
      if (sb != se || sb == nullptr || !sb->linear || b.byte_offset < 0) continue;
      std::string source;
      if (!b.json_pointer.empty()) {
        source = JsonString(bytes, b);
      } else {
        source = bytes;
      }
      if (e.byte_offset > static_cast<int64_t>(source.size()) || b.byte_offset > e.byte_offset) {
        ADD_FAILURE() << path << ": sentence at " << r.begin << " maps outside its source";
        continue;
      }
      const std::string slice = source.substr(static_cast<size_t>(b.byte_offset),
                                              static_cast<size_t>(e.byte_offset - b.byte_offset));
      // Line-end hyphens are joined or kept on evidence from the whole
      // document, which a slice lacks: compare without hyphens.
      EXPECT_EQ(NoHyphens(Trim(normalizer.NormalizeText(slice).text)),
                NoHyphens(Trim(std::string(doc.Text(span)))))
          << path << " sentence at " << r.begin;
      ++checked;
    }
  }
  return checked;
}

// Words of `text`, letters and digits only, lower-cased: PDF anchors name a
// page, and the page's own text must hold the words of each block there.
std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words;
  std::string w;
  for (unsigned char c : text) {
    if (std::isalnum(c)) {
      w += static_cast<char>(std::tolower(c));
    } else if (!w.empty()) {
      words.push_back(w);
      w.clear();
    }
  }
  if (!w.empty()) words.push_back(w);
  // A note marker glued to a word on the page ("visa22") is dropped from
  // the extracted text: compare words without trailing digits.
  for (std::string& word : words) {
    size_t end = word.size();
    while (end > 0 && std::isdigit(static_cast<unsigned char>(word[end - 1]))) --end;
    if (end > 0 && std::isalpha(static_cast<unsigned char>(word[end - 1]))) word.resize(end);
  }
  // So is a marker after punctuation ("status.”5"): leave numbers out.
  std::erase_if(words, [](const std::string& word) {
    return std::isdigit(static_cast<unsigned char>(word[0])) != 0;
  });
  return words;
}

TEST(ProvenanceTest, PdfBlocksAreOnThePageTheirAnchorNames) {
  ProcessOptions options;
  options.find_entities = false;
  auto processor = Processor::Create(options);
  ASSERT_TRUE(processor.ok());
  const std::string path = DOSSIER_SOURCE_DIR "/samples/mpp-article.pdf";
  KeepingSink sink;
  (*processor)->ProcessFile(path, sink);
  ASSERT_EQ(sink.docs.size(), 1u);
  const Document& doc = sink.docs[0];
  // Each page's text as pdftotext (poppler-utils) reads it: a reader
  // independent of dossier's.
  std::vector<std::string> pages;  // page text as one word string per page
  for (int i = 1; i <= doc.metadata.page_count; ++i) {
    const test_util::RunResult r = test_util::RunCommand("pdftotext -q -f " + std::to_string(i) + " -l " +
                                                         std::to_string(i) + " '" + path + "' -");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::string joined = " ";
    for (const std::string& w : Words(r.out)) joined += w + " ";
    pages.push_back(joined);
  }
  ASSERT_GT(pages.size(), 1u);
  int checked = 0;
  for (const Segment& seg : doc.segments) {
    if (seg.role == Role::kSeparator) continue;
    ASSERT_GE(seg.anchor.page, 1);
    ASSERT_LE(seg.anchor.page, static_cast<int>(pages.size()));
    const std::vector<std::string> words = Words(doc.raw_text.substr(seg.begin, seg.end - seg.begin));
    if (words.size() < 4) continue;
    std::string head = " ";
    for (size_t i = 0; i < 4; ++i) head += words[i] + " ";
    EXPECT_NE(pages[static_cast<size_t>(seg.anchor.page - 1)].find(head), std::string::npos)
        << "block \"" << head << "\" is not on page " << seg.anchor.page;
    ++checked;
  }
  EXPECT_GT(checked, 20);
}

TEST(ProvenanceTest, SentencesRoundTripOnSeedsAndSamples) {
  ProcessOptions options;
  options.find_entities = false;
  auto processor = Processor::Create(options);
  ASSERT_TRUE(processor.ok()) << processor.status().message();
  std::vector<std::string> files;
  for (const char* dir : {DOSSIER_SHARED_DIR "/seeds", DOSSIER_SOURCE_DIR "/samples"}) {
    if (!std::filesystem::exists(dir)) continue;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      const std::string name = entry.path().filename().string();
      if (entry.is_regular_file() && name.find("broken") == std::string::npos) {
        files.push_back(entry.path().string());
      }
    }
  }
  ASSERT_GE(files.size(), 5u);
  for (const std::string& f : files) {
    const int checked = CheckFile(**processor, f);
    if (f.ends_with(".pdf")) continue;  // PDF anchors are pages, not bytes
    EXPECT_GT(checked, 0) << f << ": no sentence could be checked";
  }
}

}  // namespace
}  // namespace dossier
