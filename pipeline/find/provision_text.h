// Provision text: the canonical form of a section or article reference as
// written in a statute mention ("section 235(b)(2)(C)", "INA §240",
// "Articles 9 and 14", "Art. 3").
//
// The keyword is spelled out and capitalized (`Section`, `Article`; the
// section sign stays a sign, followed by one space), lists are joined with
// ", " and the keyword is plural when there is more than one number, so
// that ANNOTATION.md's `Articles 9, 14` and `§ 240` come out whatever the
// source spelling.
//
// Example:
//   NormalizeProvision("Articles 9 and 14");  // "Articles 9, 14"
//   NormalizeProvision("§240");               // "§ 240"
//   NormalizeProvision("sec. 10(b)");         // "Section 10(b)"
#ifndef DOSSIER_PIPELINE_FIND_PROVISION_TEXT_H_
#define DOSSIER_PIPELINE_FIND_PROVISION_TEXT_H_

#include <string>
#include <string_view>

#include "pipeline/core/text_util.h"

namespace dossier {

// Returns the canonical form of provision reference `text`; text without a
// known keyword comes back with its whitespace collapsed.
std::string NormalizeProvision(std::string_view text);

// Returns the section part of a code citation ("§ 1225(b)", "1701",
// "§§ 1225-1226") as "§ 1225(b)", "§ 1701", "§§ 1225-1226".
std::string NormalizeCodeSection(std::string_view text);

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_FIND_PROVISION_TEXT_H_
