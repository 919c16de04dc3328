// Number words: the value of a spelled-out cardinal ("seventy-one thousand",
// "twelve", "setenta y un mil") read with ICU's rule-based number format
// (RuleBasedNumberFormat, URBNF_SPELLOUT), so that every spelling ICU knows
// is understood without a hand-written table.
//
// ICU formatters are not guaranteed to be thread-safe even for const parse,
// so each thread keeps its own instances (created on first use).
//
// Example:
//   std::optional<double> v = ParseNumberWords("Seventy-one thousand", "en");
//   // *v == 71000
#ifndef DOSSIER_PIPELINE_FIND_NUMBER_WORDS_H_
#define DOSSIER_PIPELINE_FIND_NUMBER_WORDS_H_

#include <optional>
#include <string_view>

namespace dossier {

// Returns the value of the cardinal spelled out in `words` (the whole text
// must be one number; case and spacing do not matter; a leading "a" reads as
// "one") in `language` ("en" or "es"), or nullopt when ICU cannot read it.
std::optional<double> ParseNumberWords(std::string_view words, std::string_view language);

// Returns the value of an ordinal word ("third", "fifth", "tenth") read by
// ICU's English spellout rules, or nullopt.
std::optional<double> ParseOrdinalWord(std::string_view word);

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_FIND_NUMBER_WORDS_H_
