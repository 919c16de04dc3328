// Times the entity stage over a corpus of documents separated by form
// feeds: normalization and all four finders, single thread. Prints one
// JSON line (see scripts/bench_entities.sh) with the first round, which
// meets every text for the first time in a fresh process (RE2 builds its
// automata's states as text needs them: what a batch of new documents
// costs), and the best of N rounds, when those states are built.
//   entity_bench CORPUS.txt [ROUNDS]
// Under `valgrind --tool=callgrind --collect-atstart=no` it counts the
// instructions of the finders in the last round only, when RE2's automata
// are warm (scripts/count_find_instructions.sh): a figure that does not
// move with the machine's load.
#include <sys/resource.h>
#include <valgrind/callgrind.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/find/entity_finder.h"
#include "pipeline/normalize/normalizer.h"

using dossier::Document;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: entity_bench CORPUS.txt [ROUNDS [PACKS_DIR]]\n";
    return 2;
  }
  const int rounds = argc > 2 ? std::stoi(argv[2]) : 3;
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string corpus = ss.str();
  std::vector<std::string> texts;
  size_t start = 0;
  while (start <= corpus.size()) {
    size_t end = corpus.find('\f', start);
    if (end == std::string::npos) end = corpus.size();
    texts.push_back(corpus.substr(start, end - start));
    start = end + 1;
  }
  size_t bytes = 0;
  for (const auto& t : texts) bytes += t.size();

  // PACKS_DIR: packs to time instead of the built-in ones (two versions of a
  // pack side by side in one build).
  auto finder = dossier::EntityFinder::Load(argc > 3 ? argv[3] : "");
  if (!finder.ok()) {
    std::cerr << finder.status().message() << "\n";
    return 2;
  }
  dossier::TextNormalizer normalizer;
  double best_all = 1e30, best_find = 1e30, first_all = 0, first_find = 0;
  size_t counts[4] = {0, 0, 0, 0};
  for (int r = 0; r < rounds; ++r) {
    double find_seconds = 0;
    const auto t0 = std::chrono::steady_clock::now();
    for (auto& c : counts) c = 0;
    for (const std::string& text : texts) {
      Document doc;
      doc.raw_text = text;
      doc.segments.push_back(dossier::Segment::Verbatim(0, text.size(), 0));
      (void)normalizer.Normalize(doc);
      const bool counted = r + 1 == rounds;
      if (counted) CALLGRIND_TOGGLE_COLLECT;
      const auto f0 = std::chrono::steady_clock::now();
      (*finder)->Run(doc);
      if (counted) CALLGRIND_TOGGLE_COLLECT;
      find_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - f0).count();
      for (const auto& e : doc.entities) ++counts[static_cast<int>(e.type)];
    }
    const double all = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (r == 0) first_all = all, first_find = find_seconds;
    best_all = std::min(best_all, all);
    best_find = std::min(best_find, find_seconds);
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::cout << "{\"tool\": \"dossier\", \"bytes\": " << bytes << ", \"documents\": " << texts.size()
            << ", \"seconds\": " << best_all << ", \"find_seconds\": " << best_find
            << ", \"first_seconds\": " << first_all << ", \"first_find_seconds\": " << first_find
            << ", \"dates\": " << counts[0] << ", \"statistics\": " << counts[1]
            << ", \"statutes\": " << counts[2] << ", \"citations\": " << counts[3]
            << ", \"peak_rss_kb\": " << usage.ru_maxrss << "}\n";
  return 0;
}
