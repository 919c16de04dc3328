#include "extractors/pdf/bidi.h"

#include <algorithm>
#include <cmath>

namespace dossier::pdf {

namespace {

// Returns true for a combining mark that follows its base letter (Arabic
// harakat, Hebrew points, general combining diacritics).
bool IsCombining(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x0591 && c <= 0x05BD) || c == 0x05BF ||
         c == 0x05C1 || c == 0x05C2 || c == 0x05C4 || c == 0x05C5 || c == 0x05C7 ||
         (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
         (c >= 0x06D6 && c <= 0x06DC) || (c >= 0x06DF && c <= 0x06E4) || c == 0x06E7 ||
         c == 0x06E8 || (c >= 0x06EA && c <= 0x06ED);
}

}  // namespace

bool IsRtlLetter(char32_t c) {
  return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF) ||
         (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EFFF);
}

bool IsAlef(char32_t c) { return c == 0x0627 || c == 0x0623 || c == 0x0625 || c == 0x0622; }

void AlefWidths::Add(std::u32string_view visual, const std::vector<double>& widths, double font_size) {
  for (size_t i = 0; i < visual.size() && i < widths.size(); ++i) {
    if (IsAlef(visual[i]) && (i == 0 || visual[i - 1] != kLam) && widths[i] > 0) {
      widths_[std::lround(font_size * 4)].push_back(widths[i]);
    }
  }
}

double AlefWidths::Typical(double font_size) const {
  auto it = widths_.find(std::lround(font_size * 4));
  if (it == widths_.end() || it->second.empty()) return 0;
  std::vector<double> w = it->second;
  std::nth_element(w.begin(), w.begin() + w.size() / 4, w.end());
  return w[w.size() / 4];
}

std::u32string LogicalFromVisual(std::u32string_view visual, const std::vector<double>& widths,
                                 double alef_width) {
  // Cut the visual string into clusters that keep their inner order (a letter
  // and its marks, a ligature), then emit the clusters right to left.
  std::vector<std::u32string_view> clusters;
  size_t i = 0;
  while (i < visual.size()) {
    size_t end = i + 1;
    if (visual[i] == kLam && end < visual.size() && IsAlef(visual[end]) && alef_width > 0 &&
        end < widths.size()) {
      const double lam = widths[i], alef = widths[end];
      // Poppler splits a glyph's advance evenly; kerning after it may shave
      // a little off the second half. A half wider than a lone alef, but not
      // absurdly so (a broken font), is half a lam-alef glyph.
      const bool even = std::abs(lam - alef) <= 0.05 * alef;
      if (even && alef > 1.08 * alef_width && alef < 2.2 * alef_width) ++end;
    }
    while (end < visual.size() && IsCombining(visual[end])) ++end;
    clusters.push_back(visual.substr(i, end - i));
    i = end;
  }
  std::u32string out;
  out.reserve(visual.size());
  for (auto it = clusters.rbegin(); it != clusters.rend(); ++it) out += *it;
  return out;
}

}  // namespace dossier::pdf
