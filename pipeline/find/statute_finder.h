// StatuteFinder: references to laws, treaties, regulations and bills, each
// resolved to its instrument's canonical name and the provision it names
// (ANNOTATION.md, statute).
//
// Patterns and reference data come from the statute pack (statutes.json).
// Each pattern names a resolve rule:
//   instrument  groups instrument, provision, paren: a named instrument, an
//               abbreviation or any title-cased "... Act", with a provision
//               and a parenthetical alias ("(INA)") when present;
//   code        groups title, code, section, suffix: 8 U.S.C. § 1225;
//   code_prose  groups section, title, code: section 1983 of title 42;
//   code_title  groups title, code: Title 42 (of the U.S. Code);
//   bill        group bill or bill2: H.R. 273 (with its Act name around it);
//   public_law  groups congress, number: Pub. L. No. 96-212;
//   fixed       options.instrument, options.provision as a template of
//               {group} names: 84 Fed. Reg. 6811, Fifth Amendment;
//   inferred    group provision (and ref): a provision whose instrument is
//               the nearest earlier mention: options.scope "treaty" looks
//               back lists.treaty_window bytes for a treaty ("Article 33"
//               under "1951 Refugee Convention"), "statute" for any act or
//               code (a bare "§ 922(d)"), group ref names the kind
//               ("section 240 of the Act").
// An acronym defined in parentheses after an instrument ("International
// Emergency Economic Powers Act (IEEPA)") is then found alone in the same
// document; a listed abbreviation that the document defines as something
// else ("Committee against Torture (CAT)") is not.
//
// Example:
//   std::unique_ptr<Finder> f = MakeStatuteFinder(*pack);
//   f->Find(doc, {}, &entities);
//   // "Section 235(b)(2)(C) of the Immigration and Nationality Act (INA)"
//   //   -> instrument "Immigration and Nationality Act",
//   //      provision "Section 235(b)(2)(C)"
#ifndef DOSSIER_PIPELINE_FIND_STATUTE_FINDER_H_
#define DOSSIER_PIPELINE_FIND_STATUTE_FINDER_H_

#include <memory>

#include "pipeline/find/finder.h"
#include "pipeline/find/pattern_pack.h"

namespace dossier {

// Returns the statute finder over `pack`, which must outlive it.
std::unique_ptr<Finder> MakeStatuteFinder(const PatternPack& pack);

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_FIND_STATUTE_FINDER_H_
