#include "extractors/pdf/ocr.h"

#include <PDFDoc.h>
#include <SplashOutputDev.h>
#include <dlfcn.h>
#include <splash/SplashBitmap.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <mutex>
#include <vector>

#include "extractors/pdf/ocr_engine.h"


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

constexpr const char* kModuleName = "libdossier_tesseract.so";

// The engine module's functions, loaded once per process.
struct OcrModule {
  DossierOcrStartFn start = nullptr;
  DossierOcrReadFn read = nullptr;
  DossierOcrEndFn end = nullptr;
  std::string error;  // why it could not be loaded
};

// Returns the places the module is looked for: $DOSSIER_OCR_MODULE alone when
// it is set, else beside the running executable, in ../lib/dossier from it,
// then where the build put it.
std::vector<std::string> ModuleCandidates() {
  std::vector<std::string> out;
  if (const char* env = std::getenv("DOSSIER_OCR_MODULE"); env != nullptr && *env != 0) return {env};
  char exe[PATH_MAX];
  const ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    std::string dir(exe, static_cast<size_t>(n));
    dir.erase(dir.find_last_of('/') + 1);
    out.push_back(dir + kModuleName);                    // the build tree
    out.push_back(dir + "../lib/dossier/" + kModuleName);  // installed (cmake --install)
  }
#ifdef DOSSIER_OCR_MODULE_PATH
  out.emplace_back(DOSSIER_OCR_MODULE_PATH);
#endif
  return out;
}

const OcrModule& Module() {
  static OcrModule module;
  static std::once_flag once;
  std::call_once(once, [] {
    std::string tried;
    for (const std::string& path : ModuleCandidates()) {
      void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (handle == nullptr) {
        tried += (tried.empty() ? "" : "; ") + std::string(dlerror());
        continue;
      }
      module.start = reinterpret_cast<DossierOcrStartFn>(dlsym(handle, DOSSIER_OCR_START));
      module.read = reinterpret_cast<DossierOcrReadFn>(dlsym(handle, DOSSIER_OCR_READ));
      module.end = reinterpret_cast<DossierOcrEndFn>(dlsym(handle, DOSSIER_OCR_END));
      if (module.start != nullptr && module.read != nullptr && module.end != nullptr) return;
      module = OcrModule{};
      tried += (tried.empty() ? "" : "; ") + path + ": not a dossier OCR module";
    }
    module.error = "the OCR module " + std::string(kModuleName) + " could not be loaded (" + tried + ")";
  });
  return module;
}

// Collects the engine's words as PdfWords in points.
void AddWord(void* context, const DossierOcrWord* word) {
  auto* words = static_cast<std::vector<PdfWord>*>(context);
  PdfWord w;
  w.text = word->text;
  // Words share their line's vertical extent and size, so the layout groups
  // them into rows as it would a text layer.
  w.box = {word->x0 * kPointsPerPixel, word->line_y0 * kPointsPerPixel, (word->x1 - word->x0) * kPointsPerPixel,
           (word->line_y1 - word->line_y0) * kPointsPerPixel};
  w.font_size = (word->line_y1 - word->line_y0) * kPointsPerPixel * 0.8;
  w.space_after = true;
  w.rtl = HasRtl(w.text);
  words->push_back(std::move(w));
}

}  // namespace

PageOcr::PageOcr(std::string languages) : languages_(std::move(languages)) {}

PageOcr::~PageOcr() {
  if (engine_ != nullptr) Module().end(engine_);
}

Status PageOcr::Start() {
  if (engine_ != nullptr) return Status::Ok();
  if (!failure_.empty()) return Unsupported(failure_);
  const OcrModule& module = Module();
  if (module.start == nullptr) {
    failure_ = module.error;
    return Unsupported(failure_);
  }
  char error[512] = "";
  engine_ = module.start(languages_.c_str(), error, sizeof error);
  if (engine_ == nullptr) {
    failure_ = error[0] != 0 ? error : "the OCR engine could not start";
    return Unsupported(failure_);
  }
  return Status::Ok();
}

Result<std::vector<PdfWord>> PageOcr::Read(PDFDoc& doc, int index) {
  if (Status s = Start(); !s.ok()) return s;
  // Gray on white, anti-aliased shapes and glyphs, no hinting: what
  // Tesseract reads best.
  SplashColor paper;
  paper[0] = 0xff;
  SplashOutputDev renderer(splashModeMono8, 4, false, paper);
  renderer.setFontAntialias(true);
  renderer.setVectorAntialias(true);
  renderer.setFreeTypeHinting(false, false);
  renderer.startDoc(&doc);
  doc.displayPage(&renderer, index + 1, kDpi, kDpi, 0, false, true, false);
  SplashBitmap* image = renderer.getBitmap();
  if (image == nullptr || image->getWidth() <= 0 || image->getHeight() <= 0) {
    return InvalidInput("page could not be rendered for OCR");
  }
  std::vector<PdfWord> words;
  if (Module().read(engine_, image->getDataPtr(), image->getWidth(), image->getHeight(), image->getRowSize(),
                    static_cast<int>(kDpi), &AddWord, &words) != 0) {
    return Internal("Tesseract failed on the page");
  }
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
