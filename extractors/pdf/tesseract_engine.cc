// The OCR engine module: Tesseract behind the C interface of ocr_engine.h.
// Built as its own shared object so only runs that OCR a page load it.
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <cstdio>
#include <memory>

#include "extractors/pdf/ocr_engine.h"

extern "C" {

__attribute__((visibility("default"))) void* dossier_ocr_start(const char* languages, char* error,
                                                                size_t error_size) {
  auto api = std::make_unique<tesseract::TessBaseAPI>();
  // A language whose data is missing fails Init: fall back to English.
  if (api->Init(nullptr, languages, tesseract::OEM_DEFAULT) != 0 &&
      api->Init(nullptr, "eng", tesseract::OEM_DEFAULT) != 0) {
    std::snprintf(error, error_size, "Tesseract could not start for languages %s", languages);
    return nullptr;
  }
  api->SetVariable("debug_file", "/dev/null");
  api->SetPageSegMode(tesseract::PSM_AUTO);
  return api.release();
}

__attribute__((visibility("default"))) int dossier_ocr_read(void* engine, const unsigned char* gray, int width,
                                                             int height, int bytes_per_row, int dpi,
                                                             DossierOcrWordFn emit, void* context) {
  auto* api = static_cast<tesseract::TessBaseAPI*>(engine);
  api->SetImage(gray, width, height, 1, bytes_per_row);
  api->SetSourceResolution(dpi);
  if (api->Recognize(nullptr) != 0) return 1;
  std::unique_ptr<tesseract::ResultIterator> it(api->GetIterator());
  if (it) {
    int lx0 = 0, ly0 = 0, lx1 = 0, ly1 = 0;
    do {
      if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) {
        it->BoundingBox(tesseract::RIL_TEXTLINE, &lx0, &ly0, &lx1, &ly1);
      }
      std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
      if (!text || text[0] == 0) continue;
      DossierOcrWord word{};
      if (!it->BoundingBox(tesseract::RIL_WORD, &word.x0, &word.y0, &word.x1, &word.y1)) continue;
      word.text = text.get();
      word.line_y0 = ly0;
      word.line_y1 = ly1;
      emit(context, &word);
    } while (it->Next(tesseract::RIL_WORD));
  }
  api->Clear();
  return 0;
}

__attribute__((visibility("default"))) void dossier_ocr_end(void* engine) {
  auto* api = static_cast<tesseract::TessBaseAPI*>(engine);
  api->End();
  delete api;
}

}  // extern "C"
