// Small text helpers every stage may need, kept here so none writes its own.
#ifndef DOSSIER_PIPELINE_CORE_TEXT_UTIL_H_
#define DOSSIER_PIPELINE_CORE_TEXT_UTIL_H_

#include <string>
#include <string_view>

namespace dossier {

// Returns `text` with every run of ASCII whitespace made one space and none
// at either end.
std::string CollapseSpaces(std::string_view text);

// Returns `text` with ASCII letters lower-cased (other bytes unchanged):
// for comparing keys, field names and the vocabulary of pattern packs.
std::string AsciiLower(std::string_view text);

// Appends code point `cp` to `out` as UTF-8; surrogates and values past
// U+10FFFF become U+FFFD.
void AppendUtf8(char32_t cp, std::string& out);

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_CORE_TEXT_UTIL_H_
