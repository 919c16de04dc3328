#include "extractors/pdf/page_words.h"

#include <PDFDoc.h>
#include <Page.h>
#include <TextOutputDev.h>

#include <array>
#include <cmath>
#include <string>

#include "extractors/pdf/bidi.h"
#include "extractors/pdf/poppler_doc.h"

namespace dossier::pdf {

namespace {

// A word's box is about this many ems tall (ascent minus descent).
constexpr double kBoxPerEm = 1.15;

// A box in points from the top-left: x0, y0, x1, y1 as Poppler gives them.
struct Corners {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

Corners BoxOf(const TextWord& w) {
  Corners c;
  w.getBBox(&c.x0, &c.y0, &c.x1, &c.y1);
  return c;
}

// Returns `b` (a box of a word in quarter-turn rotation `rot`) in the frame
// where that rotation reads left to right, top to bottom.
Box Upright(const Corners& b, int rot, double page_w, double page_h) {
  const double w = b.x1 - b.x0, h = b.y1 - b.y0;
  switch (rot) {
    case 1:  // reads downwards
      return {b.y0, page_w - b.x1, h, w};
    case 2:  // upside down
      return {page_w - b.x1, page_h - b.y1, w, h};
    case 3:  // reads upwards
      return {page_h - b.y1, b.x0, h, w};
    default:
      return {b.x0, b.y0, w, h};
  }
}

// Returns the font size of a word from its box: Poppler sizes the box from
// the font's ascent and descent, so within a font the ratio is exact and
// across fonts it is off by 10-20%, which the layout's relative thresholds
// were tuned to.
double SizeOf(const Corners& b, int rotation) {
  const double across = (rotation & 1) ? b.x1 - b.x0 : b.y1 - b.y0;
  return std::round(across / kBoxPerEm * 4) / 4;
}

// Returns the characters of `w` as code points.
std::u32string CharsOf(const TextWord& w) {
  std::u32string out;
  out.reserve(static_cast<size_t>(w.getLength()));
  for (int i = 0; i < w.getLength(); ++i) out.push_back(static_cast<char32_t>(*w.getChar(i)));
  return out;
}

}  // namespace

PageReader::PageReader(PDFDoc& doc)
    : doc_(doc),
      // Reading order, no physical layout: the words as pdftotext's default
      // mode groups them.
      text_(std::make_unique<TextOutputDev>(nullptr, false, 0, false, false)) {}

PageReader::~PageReader() = default;

std::optional<PageWords> PageReader::Read(int index) {
  Page* page = doc_.getPage(index + 1);
  if (page == nullptr || !text_->isOk()) return std::nullopt;
  // 72 dpi: coordinates in points; the crop box is not applied, so text
  // outside it (a bleed, a slug line) is read as the text layer has it.
  doc_.displayPage(text_.get(), index + 1, 72, 72, 0, false, false, false);
  const std::unique_ptr<TextWordList> list = text_->makeWordList();
  const int n = list ? list->getLength() : 0;

  PageWords out;
  // Decode every word once; right-to-left words also need their characters'
  // widths, and the page's lone alefs first (see bidi.h).
  struct Raw {
    std::u32string chars;
    std::vector<double> widths;
    Corners box;
    bool rtl = false;
  };
  std::vector<Raw> raw(static_cast<size_t>(n));
  std::array<int, 4> per_rotation{};
  AlefWidths alefs;
  for (int i = 0; i < n; ++i) {
    const TextWord& word = *list->get(i);
    Raw& r = raw[static_cast<size_t>(i)];
    r.chars = CharsOf(word);
    r.box = BoxOf(word);
    for (char32_t c : r.chars) {
      if (IsRtlLetter(c)) {
        r.rtl = true;
        break;
      }
    }
    out.letters += static_cast<int>(r.chars.size());
    per_rotation[word.getRotation() & 3] += static_cast<int>(r.chars.size());
    if (r.rtl) {
      r.widths.reserve(r.chars.size());
      for (size_t k = 0; k < r.chars.size(); ++k) {
        Corners c;
        word.getCharBBox(static_cast<int>(k), &c.x0, &c.y0, &c.x1, &c.y1);
        r.widths.push_back(c.x1 - c.x0);
      }
      alefs.Add(r.chars, r.widths, SizeOf(r.box, word.getRotation()));
    }
  }
  int rot = 0;
  for (int k = 1; k < 4; ++k) {
    if (per_rotation[k] > per_rotation[rot]) rot = k;
  }
  // The page as displayed: its /Rotate turns the crop box's sides.
  double frame_w = page->getCropWidth(), frame_h = page->getCropHeight();
  if (page->getRotate() % 180 != 0) std::swap(frame_w, frame_h);
  out.width = rot % 2 ? frame_h : frame_w;
  out.height = rot % 2 ? frame_w : frame_h;

  out.words.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    const TextWord& word = *list->get(i);
    const Raw& r = raw[static_cast<size_t>(i)];
    if ((word.getRotation() & 3) != rot) {
      ++out.dropped_rotated;
      continue;
    }
    if (r.chars.empty()) continue;
    PdfWord w;
    const double size = SizeOf(r.box, word.getRotation());
    w.text = r.rtl ? Utf8Of(LogicalFromVisual(r.chars, r.widths, alefs.Typical(size))) : Utf8Of(r.chars);
    w.box = Upright(r.box, rot, frame_w, frame_h);
    w.font_size = size;
    w.space_after = word.hasSpaceAfter();
    w.rtl = r.rtl;
    out.words.push_back(std::move(w));
  }
  return out;
}

}  // namespace dossier::pdf
