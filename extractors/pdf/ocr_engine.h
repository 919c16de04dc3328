// The C interface of the OCR engine module (libdossier_tesseract.so).
//
// Tesseract and what it links (curl, TLS, Kerberos, LDAP, archive
// libraries: some forty shared objects) cost every process ~11 ms to load,
// more than reading a one-page PDF; most runs never OCR a page. So the
// engine is a module that PageOcr loads with dlopen on the first page with
// no text layer, and this header is the whole contract between the two: a
// plain C ABI, so the module and the binary need not agree on C++ types.
#ifndef DOSSIER_EXTRACTORS_PDF_OCR_ENGINE_H_
#define DOSSIER_EXTRACTORS_PDF_OCR_ENGINE_H_

#include <stddef.h>

extern "C" {

// One word as the engine read it: pixel boxes, y down, with the box of the
// line it sits on.
struct DossierOcrWord {
  const char* text;  // UTF-8, valid during the callback only
  int x0, y0, x1, y1;
  int line_y0, line_y1;
};

typedef void (*DossierOcrWordFn)(void* context, const DossierOcrWord* word);

// Returns a started engine for `languages` (Tesseract's form, "eng+spa";
// falls back to English), or null with a reason in error[0, error_size).
typedef void* (*DossierOcrStartFn)(const char* languages, char* error, size_t error_size);
// Reads a gray image (one byte per pixel) at `dpi`, calling `emit` for each
// word in reading order. Returns 0 on success.
typedef int (*DossierOcrReadFn)(void* engine, const unsigned char* gray, int width, int height,
                                int bytes_per_row, int dpi, DossierOcrWordFn emit, void* context);
// Stops the engine and frees it.
typedef void (*DossierOcrEndFn)(void* engine);

}  // extern "C"

// The names the module exports them under.
#define DOSSIER_OCR_START "dossier_ocr_start"
#define DOSSIER_OCR_READ "dossier_ocr_read"
#define DOSSIER_OCR_END "dossier_ocr_end"

#endif  // DOSSIER_EXTRACTORS_PDF_OCR_ENGINE_H_
