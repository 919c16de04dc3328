// html_text: prints what the HTML extractor makes of a page, for checking
// extraction by hand and for scoring before the `dossier` CLI is built.
//
//   html_text PAGE.html            normalized text (as `dossier text`)
//   html_text --raw PAGE.html      raw text
//   html_text --segments PAGE.html one line per segment: role, anchor, text
//   html_text --title ...          starts the text with the page title
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

#include "extractors/html/charset.h"
#include "extractors/html/html_extractor.h"
#include "extractors/html/html_tree.h"
#include "extractors/input.h"
#include "pipeline/normalize/normalizer.h"

int main(int argc, char** argv) {
  bool raw = false, segments = false, title = false;
  const char* path = nullptr;
  const char* needle = nullptr;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--path") == 0 && i + 1 < argc) {
      needle = argv[++i];
      continue;
    }
    if (std::strcmp(argv[i], "--raw") == 0) raw = true;
    else if (std::strcmp(argv[i], "--segments") == 0) segments = true;
    else if (std::strcmp(argv[i], "--title") == 0) title = true;
    else path = argv[i];
  }
  if (path == nullptr) {
    std::fprintf(stderr, "usage: html_text [--raw|--segments] [--title] PAGE\n");
    return 2;
  }
  dossier::Result<dossier::Input> input = dossier::OpenInput(path);
  if (!input.ok()) {
    std::fprintf(stderr, "html_text: %s\n", input.status().message().c_str());
    return 1;
  }
  dossier::Result<std::string> bytes = dossier::ReadAll(*input, int64_t{1} << 32);
  if (!bytes.ok()) return 1;
  if (needle != nullptr) {
    // Prints the element path of the first text node holding `needle`.
    auto page = dossier::DecodeHtml(*bytes);
    auto tree = dossier::ParseHtmlTree(page->utf8);
    for (int32_t i = 0; i < static_cast<int32_t>(tree->size()); ++i) {
      if (tree->node(i).tag != dossier::Tag::kText) continue;
      if (tree->Text(i).find(needle) == std::string_view::npos) continue;
      for (int32_t a = tree->node(i).parent; a > 0; a = tree->node(a).parent) {
        std::printf("%d:%d.%s#%s < ", a, static_cast<int>(tree->node(a).tag),
                    std::string(tree->Attr(a, "class")).substr(0, 40).c_str(),
                    std::string(tree->Attr(a, "id")).substr(0, 30).c_str());
      }
      std::printf("\n");
      return 0;
    }
    return 1;
  }
  dossier::Result<dossier::Document> doc = dossier::ExtractHtmlDocument(*input, *bytes, {.title_in_text = title});
  if (!doc.ok()) {
    std::fprintf(stderr, "html_text: %s\n", doc.status().message().c_str());
    return 1;
  }
  for (const auto& w : doc->warnings) {
    std::fprintf(stderr, "warning: %s: %s\n", w.code.c_str(), w.message.c_str());
  }
  if (segments) {
    for (const auto& s : doc->segments) {
      std::printf("%s\t%lld\t%d\t%s\n", std::string(dossier::RoleName(s.role)).c_str(),
                  static_cast<long long>(s.anchor.byte_offset), s.linear ? 1 : 0,
                  doc->raw_text.substr(s.begin, std::min<size_t>(s.end - s.begin, 80)).c_str());
    }
    return 0;
  }
  if (raw) {
    std::cout << doc->raw_text << "\n";
    return 0;
  }
  dossier::TextNormalizer normalizer;
  dossier::Status st = normalizer.Normalize(*doc);
  if (!st.ok()) return 1;
  std::cout << doc->text << "\n";
  return 0;
}
