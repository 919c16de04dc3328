// html_bench: single-threaded throughput of the HTML extractor next to
// libxml2 parsing alone, on the same pages, in one process.
//
//   html_bench [--rounds N] PAGE_OR_DIR...
//
// Parse-only is htmlReadMemory building libxml2's DOM (with libxml2's own
// charset handling) and freeing it. Extraction is ExtractHtmlDocument: charset
// decoding, the SAX tree, metadata, main content and segments. Prints pages
// per second for each and their ratio.
#include <libxml/HTMLparser.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extractors/html/html_extractor.h"
#include "extractors/input.h"

namespace {

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = 3;
  std::vector<std::string> pages;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) {
      rounds = std::atoi(argv[++i]);
      continue;
    }
    const std::filesystem::path p(argv[i]);
    if (std::filesystem::is_directory(p)) {
      for (const auto& e : std::filesystem::directory_iterator(p)) {
        if (e.path().extension() == ".html" || e.path().extension() == ".htm") {
          pages.push_back(ReadFile(e.path()));
        }
      }
    } else {
      pages.push_back(ReadFile(p));
    }
  }
  if (pages.empty()) {
    std::fprintf(stderr, "usage: html_bench [--rounds N] PAGE_OR_DIR...\n");
    return 2;
  }
  size_t bytes = 0;
  for (const auto& p : pages) bytes += p.size();
  std::vector<dossier::Input> inputs;
  inputs.reserve(pages.size());
  for (size_t i = 0; i < pages.size(); ++i) {
    inputs.push_back(dossier::InputFromBytes("page.html", std::string()));
  }

  const int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_RECOVER | HTML_PARSE_COMPACT;
  double parse_best = 1e100, extract_best = 1e100;
  size_t text_bytes = 0;
  for (int r = 0; r < rounds; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    for (const auto& p : pages) {
      htmlDocPtr doc = htmlReadMemory(p.data(), static_cast<int>(p.size()), nullptr, nullptr,
                                      options);
      if (doc != nullptr) xmlFreeDoc(doc);
    }
    parse_best = std::min(parse_best, Seconds(t0));
    t0 = std::chrono::steady_clock::now();
    text_bytes = 0;
    for (size_t i = 0; i < pages.size(); ++i) {
      auto doc = dossier::ExtractHtmlDocument(inputs[i], pages[i]);
      if (doc.ok()) text_bytes += doc->raw_text.size();
    }
    extract_best = std::min(extract_best, Seconds(t0));
  }
  const double n = static_cast<double>(pages.size());
  std::printf("pages %zu  bytes %.1f MB  rounds %d (best round reported)\n", pages.size(),
              static_cast<double>(bytes) / 1e6, rounds);
  std::printf("libxml2 parse-only (htmlReadMemory): %8.1f pages/s  %6.1f MB/s\n",
              n / parse_best, static_cast<double>(bytes) / 1e6 / parse_best);
  std::printf("dossier HTML extraction:             %8.1f pages/s  %6.1f MB/s\n",
              n / extract_best, static_cast<double>(bytes) / 1e6 / extract_best);
  std::printf("extraction / parse-only throughput:  %8.2f\n", parse_best / extract_best);
  std::printf("text extracted: %.1f MB\n", static_cast<double>(text_bytes) / 1e6);
  return 0;
}
