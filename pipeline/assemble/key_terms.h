// Key terms: the names a text keeps coming back to (quoted names such as
// "Remain in Mexico", acronyms such as MPP and the words they stand for,
// proper names of three capitalized words or more),
// which is what two reports about the same incident share even when their
// titles do not.
//
// Example:
//   KeyTerms(text, 8);  // {"mpp", "remain in mexico", "migrant protection protocols", ...}
#ifndef DOSSIER_PIPELINE_ASSEMBLE_KEY_TERMS_H_
#define DOSSIER_PIPELINE_ASSEMBLE_KEY_TERMS_H_

#include <string>
#include <string_view>
#include <vector>

namespace dossier {

// Returns up to `max_terms` lower-case key terms of `text`, most frequent
// first (ties alphabetical); a term must occur at least twice.
std::vector<std::string> KeyTerms(std::string_view text, size_t max_terms);

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_ASSEMBLE_KEY_TERMS_H_
