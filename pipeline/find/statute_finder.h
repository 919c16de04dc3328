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
//   state_bill  groups chamber, number: Senate Bill 4, SB 1718 -> S.B. 4;
//   public_law  groups congress, number: Pub. L. No. 96-212;
//   fixed       options.instrument, options.provision as a template of
//               {group} names: 84 Fed. Reg. 6811, Fifth Amendment;
//   inferred    group provision (and ref): a provision whose instrument is
//               named elsewhere, read as a lawyer would: the instrument named
//               earlier in the same sentence; for a bare article, the
//               treaty whose bare name (a heading, a label) comes just
//               before; the instrument that cited that number before
//               ("section 208 of the INA" ... "section 208(b)(1)(B) of the
//               Act"); for "of the <ref>" (lists.reference_nouns: the kind
//               of instrument and the words its name must hold, so "the
//               Act" is never a public-law number) the instrument the
//               document defines as `(the "Act")`, else the one it cites
//               most; for a bare section, a four-digit number belongs to the
//               code title cited last, else the statute named last;
//               options.scope "treaty" (articles: treaties, constitutions,
//               civil-law statutes, within lists.treaty_window bytes) or
//               "statute"; options.require_same_number (a bare "section
//               10(b)") keeps only references to a number cited before.
// A group `span` narrows the mention ("Cause: 28:2241" -> "28:2241").
// A generic Act name joined to a listed instrument ("the INA and the
// Homeland Security Act") is two mentions; "from A to the B Act" is B; an
// unlisted short name ("Inflation Reduction Act") takes the dated name the
// same document gives it ("Inflation Reduction Act of 2022").
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
