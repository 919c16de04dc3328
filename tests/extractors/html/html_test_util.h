// Helpers shared by the HTML extractor tests.
#ifndef DOSSIER_TESTS_EXTRACTORS_HTML_HTML_TEST_UTIL_H_
#define DOSSIER_TESTS_EXTRACTORS_HTML_HTML_TEST_UTIL_H_

#include <fstream>
#include <sstream>
#include <string>

#include "extractors/html/html_extractor.h"
#include "extractors/input.h"

namespace dossier::testing {

// Returns the bytes of tests/fixtures/html/`name`.
inline std::string Fixture(const std::string& name) {
  std::ifstream f(std::string(DOSSIER_SOURCE_DIR) + "/tests/fixtures/html/" + name,
                  std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// Returns the document extracted from `bytes`.
inline Result<Document> ExtractPage(const std::string& bytes, HtmlOptions options = {}) {
  Input input = InputFromBytes("page.html", bytes);
  input.format = Format::kHtml;
  return ExtractHtmlDocument(input, bytes, options);
}

}  // namespace dossier::testing

#endif  // DOSSIER_TESTS_EXTRACTORS_HTML_HTML_TEST_UTIL_H_
