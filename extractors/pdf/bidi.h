// Right-to-left words: from the visual order Poppler reports to logical order.
//
// Poppler gives an Arabic or Hebrew word with its characters left to right as
// drawn, so the word must be reversed. Reversing character by character
// breaks two things: combining marks (Arabic vowel signs) must stay after
// their letter, and a lam-alef ligature, one glyph whose text is "lam, alef"
// already in logical order, must not be swapped. Poppler does not say which
// characters share a glyph; it splits a glyph's advance evenly among them, so
// a lam and an alef of equal width, each wider than a lone alef in the same
// font, are taken for one ligature glyph.
//
// Example:
//   AlefWidths alefs;  // fed from every word of the page first
//   std::u32string word = LogicalFromVisual(chars, widths, alefs.Typical(size));
#ifndef DOSSIER_EXTRACTORS_PDF_BIDI_H_
#define DOSSIER_EXTRACTORS_PDF_BIDI_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::pdf {

// Returns true for letters of right-to-left scripts (Hebrew, Arabic, Syriac,
// Thaana, N'Ko and their presentation forms).
bool IsRtlLetter(char32_t c);

// Returns true for an Arabic alef (plain, with hamza or madda).
bool IsAlef(char32_t c);
inline constexpr char32_t kLam = U'\u0644';

// Typical width of a lone alef per font size on one page.
class AlefWidths {
 public:
  // Notes the alefs of a visual-order word that cannot be half a ligature.
  void Add(std::u32string_view visual, const std::vector<double>& widths, double font_size);
  // Returns the lower-quartile lone-alef width at `font_size` (kerning only
  // narrows an alef), or 0 when none seen.
  double Typical(double font_size) const;

 private:
  std::map<long, std::vector<double>> widths_;  // font size * 4 -> widths
};

// Returns the logical order of a right-to-left word given in visual order
// with each character's advance width; `alef_width` is AlefWidths::Typical
// (0: no lam-alef ligatures are recognised).
std::u32string LogicalFromVisual(std::u32string_view visual, const std::vector<double>& widths,
                                 double alef_width);

}  // namespace dossier::pdf

#endif  // DOSSIER_EXTRACTORS_PDF_BIDI_H_
