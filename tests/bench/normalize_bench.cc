// Throughput of TextNormalizer on real article text.
//
// Corpus: the "articleBody" texts of /work/shared/bench/html-articles/
// ground-truth.json joined with blank lines (~0.9 MB), plus an ASCII-only
// and a hard-wrapped variant. Not registered in CMake; build by hand:
//
//   cd /work/main && g++ -std=c++20 -O2 -DNDEBUG -I. tests/bench/normalize_bench.cc
//     pipeline/normalize/*.cc pipeline/core/offset_map.cc pipeline/core/document.cc
//     -lbenchmark -lpthread -licui18n -licuuc -licudata -o /tmp/normalize_bench
//   /tmp/normalize_bench [path/to/ground-truth.json]
#include <benchmark/benchmark.h>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "pipeline/normalize/normalizer.h"

namespace {

std::string g_corpus_path = "/work/shared/bench/html-articles/ground-truth.json";

// Returns the article bodies joined by paragraph breaks.
const std::string& Articles() {
  static const std::string* text = [] {
    auto* out = new std::string;
    std::ifstream in(g_corpus_path, std::ios::binary);
    nlohmann::json j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (j.is_object()) {
      for (const auto& [id, rec] : j.items()) {
        if (rec.contains("articleBody") && rec["articleBody"].is_string()) {
          *out += rec["articleBody"].get<std::string>();
          *out += "\n\n";
        }
      }
    }
    if (out->empty()) std::cerr << "no articles read from " << g_corpus_path << "\n";
    return out;
  }();
  return *text;
}

// Returns the articles with every non-ASCII byte replaced by 'x'.
const std::string& AsciiArticles() {
  static const std::string* text = [] {
    auto* out = new std::string(Articles());
    for (char& c : *out) {
      if (static_cast<unsigned char>(c) >= 0x80) c = 'x';
    }
    return out;
  }();
  return *text;
}

// Returns the articles hard-wrapped at ~72 columns, as PDF text comes.
const std::string& WrappedArticles() {
  static const std::string* text = [] {
    auto* out = new std::string;
    size_t col = 0;
    for (char c : Articles()) {
      if (c == ' ' && col > 72) {
        *out += '\n';
        col = 0;
      } else {
        *out += c;
        col = c == '\n' ? 0 : col + 1;
      }
    }
    return out;
  }();
  return *text;
}

void Run(benchmark::State& state, const std::string& text, int what) {
  dossier::TextNormalizer normalizer;
  std::string normalized = normalizer.NormalizeText(text).text;
  for (auto _ : state) {
    if (what == 0) {
      benchmark::DoNotOptimize(normalizer.NormalizeText(text));
    } else if (what == 1) {
      benchmark::DoNotOptimize(normalizer.SplitSentences(normalized));
    } else {
      dossier::Document doc;
      doc.raw_text = text;
      benchmark::DoNotOptimize(normalizer.Normalize(doc));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}

void BM_NormalizeText(benchmark::State& s) { Run(s, Articles(), 0); }
void BM_NormalizeTextAscii(benchmark::State& s) { Run(s, AsciiArticles(), 0); }
void BM_NormalizeTextWrapped(benchmark::State& s) { Run(s, WrappedArticles(), 0); }
void BM_SplitSentences(benchmark::State& s) { Run(s, Articles(), 1); }
void BM_NormalizeDocument(benchmark::State& s) { Run(s, Articles(), 2); }

BENCHMARK(BM_NormalizeText)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NormalizeTextAscii)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NormalizeTextWrapped)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SplitSentences)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NormalizeDocument)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (argc > 1) g_corpus_path = argv[1];
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
