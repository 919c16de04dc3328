#include "extractors/pdf/page_words.h"

#include <poppler/cpp/poppler-page.h>

#include <array>
#include <cmath>

#include "extractors/pdf/bidi.h"

namespace dossier::pdf {

namespace {

// A word's box is about this many ems tall (ascent minus descent).
constexpr double kBoxPerEm = 1.15;

// Returns `b` (a box of a word in quarter-turn rotation `rot`) in the frame
// where that rotation reads left to right, top to bottom.
Box Upright(const poppler::rectf& b, int rot, double page_w, double page_h) {
  switch (rot) {
    case 1:  // reads downwards
      return {b.y(), page_w - b.right(), b.height(), b.width()};
    case 2:  // upside down
      return {page_w - b.right(), page_h - b.bottom(), b.width(), b.height()};
    case 3:  // reads upwards
      return {page_h - b.bottom(), b.x(), b.height(), b.width()};
    default:
      return {b.x(), b.y(), b.width(), b.height()};
  }
}

// Returns the font size of a word from its box (see ReadPageWords).
double SizeOf(const poppler::text_box& b) {
  const poppler::rectf r = b.bbox();
  const double across = (b.rotation() & 1) ? r.width() : r.height();
  return std::round(across / kBoxPerEm * 4) / 4;
}

}  // namespace

std::u32string CodePointsOf(const std::basic_string<unsigned short>& s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.size() && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
      ++i;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      c = 0xFFFD;
    }
    out.push_back(c);
  }
  return out;
}

std::string Utf8Of(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

PageWords ReadPageWords(const poppler::page& page) {
  PageWords out;
  const poppler::rectf frame = page.page_rect();
  // Poppler's font details cost half again the time of the text itself (it
  // copies font names per glyph), so the font size is taken from the word's
  // box: Poppler sizes it from the font's ascent and descent, so within a
  // font the ratio is exact and across fonts it is off by 10-20%, which the
  // layout's relative thresholds tolerate.
  std::vector<poppler::text_box> boxes = page.text_list(0);

  // Decode every word once; right-to-left words also need their characters'
  // widths, and the page's lone alefs first (see bidi.h).
  struct Raw {
    std::u32string chars;
    std::vector<double> widths;
    bool rtl = false;
  };
  std::vector<Raw> raw(boxes.size());
  std::array<int, 4> per_rotation{};
  AlefWidths alefs;
  for (size_t i = 0; i < boxes.size(); ++i) {
    Raw& r = raw[i];
    r.chars = CodePointsOf(boxes[i].text());
    for (char32_t c : r.chars) {
      if (IsRtlLetter(c)) {
        r.rtl = true;
        break;
      }
    }
    out.letters += static_cast<int>(r.chars.size());
    per_rotation[boxes[i].rotation() & 3] += static_cast<int>(r.chars.size());
    if (r.rtl) {
      r.widths.reserve(r.chars.size());
      for (size_t k = 0; k < r.chars.size(); ++k) r.widths.push_back(boxes[i].char_bbox(k).width());
      alefs.Add(r.chars, r.widths, SizeOf(boxes[i]));
    }
  }
  int rot = 0;
  for (int k = 1; k < 4; ++k) {
    if (per_rotation[k] > per_rotation[rot]) rot = k;
  }
  out.width = rot % 2 ? frame.height() : frame.width();
  out.height = rot % 2 ? frame.width() : frame.height();

  out.words.reserve(boxes.size());
  for (size_t i = 0; i < boxes.size(); ++i) {
    const poppler::text_box& b = boxes[i];
    if ((b.rotation() & 3) != rot) {
      ++out.dropped_rotated;
      continue;
    }
    if (raw[i].chars.empty()) continue;
    PdfWord w;
    const double size = SizeOf(b);
    w.text = raw[i].rtl ? Utf8Of(LogicalFromVisual(raw[i].chars, raw[i].widths, alefs.Typical(size)))
                        : Utf8Of(raw[i].chars);
    w.box = Upright(b.bbox(), rot, frame.width(), frame.height());
    w.font_size = size;
    w.space_after = b.has_space_after();
    w.rtl = raw[i].rtl;
    out.words.push_back(std::move(w));
  }
  return out;
}

}  // namespace dossier::pdf
