#include "extractors/pdf/ocr.h"

#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <vector>


namespace dossier::pdf {

namespace {

constexpr double kDpi = 300;
constexpr double kPointsPerPixel = 72.0 / kDpi;

// Returns true when `text` (UTF-8) holds right-to-left letters.
bool HasRtl(const std::string& text) {
  // Arabic and Hebrew code points start with lead bytes 0xD6..0xDF in UTF-8.
  for (unsigned char c : text) {
    if (c >= 0xD6 && c <= 0xDF) return true;
  }
  return false;
}

}  // namespace

PageOcr::PageOcr(std::string languages) : languages_(std::move(languages)) {}

PageOcr::~PageOcr() {
  if (api_) api_->End();
}

Status PageOcr::Start() {
  if (api_) return Status::Ok();
  if (failed_) return Unsupported("OCR is not available");
  auto api = std::make_unique<tesseract::TessBaseAPI>();
  // A language whose data is missing fails Init: fall back to English.
  if (api->Init(nullptr, languages_.c_str(), tesseract::OEM_DEFAULT) != 0 &&
      api->Init(nullptr, "eng", tesseract::OEM_DEFAULT) != 0) {
    failed_ = true;
    return Unsupported("Tesseract could not start for languages " + languages_);
  }
  api->SetVariable("debug_file", "/dev/null");
  api->SetPageSegMode(tesseract::PSM_AUTO);
  api_ = std::move(api);
  return Status::Ok();
}

Result<std::vector<PdfWord>> PageOcr::Read(const poppler::page& page) {
  if (Status s = Start(); !s.ok()) return s;
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(poppler::image::format_gray8);
  poppler::image image = renderer.render_page(&page, kDpi, kDpi);
  if (!image.is_valid()) return InvalidInput("page could not be rendered for OCR");
  api_->SetImage(reinterpret_cast<const unsigned char*>(image.const_data()), image.width(), image.height(), 1,
                 image.bytes_per_row());
  api_->SetSourceResolution(static_cast<int>(kDpi));
  if (api_->Recognize(nullptr) != 0) return Internal("Tesseract failed on the page");

  std::vector<PdfWord> words;
  std::unique_ptr<tesseract::ResultIterator> it(api_->GetIterator());
  if (!it) return words;
  // Words share their line's vertical extent and size, so the layout groups
  // them into rows as it would a text layer.
  int lx0 = 0, ly0 = 0, lx1 = 0, ly1 = 0;
  do {
    if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) {
      it->BoundingBox(tesseract::RIL_TEXTLINE, &lx0, &ly0, &lx1, &ly1);
    }
    std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
    if (!text || text[0] == 0) continue;
    int x0, y0, x1, y1;
    if (!it->BoundingBox(tesseract::RIL_WORD, &x0, &y0, &x1, &y1)) continue;
    PdfWord w;
    w.text = text.get();
    w.box = {x0 * kPointsPerPixel, ly0 * kPointsPerPixel, (x1 - x0) * kPointsPerPixel,
             (ly1 - ly0) * kPointsPerPixel};
    w.font_size = (ly1 - ly0) * kPointsPerPixel * 0.8;
    w.space_after = true;
    w.rtl = HasRtl(w.text);
    words.push_back(std::move(w));
  } while (it->Next(tesseract::RIL_WORD));
  api_->Clear();
  // Tesseract's line heights vary with ascenders and descenders: snap sizes
  // near the page's usual one to it, so a paragraph stays one block.
  if (!words.empty()) {
    std::vector<double> sizes;
    for (const PdfWord& w : words) sizes.push_back(w.font_size);
    std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2, sizes.end());
    const double usual = sizes[sizes.size() / 2];
    for (PdfWord& w : words) {
      if (w.font_size > 0.7 * usual && w.font_size < 1.3 * usual) w.font_size = usual;
    }
  }
  return words;
}

}  // namespace dossier::pdf
