// Poppler glue: opening a PDF with Poppler's core API (PDFDoc), its
// document information as UTF-8, and routing Poppler's error messages.
//
// dossier drives Poppler's own classes (PDFDoc, TextOutputDev,
// SplashOutputDev, from Debian's libpoppler-private-dev) rather than
// poppler-cpp: poppler-cpp's page::text_list copies the document's whole
// cross-reference table and builds a fresh TextOutputDev for every page,
// which throws away the colour-space cache pdftotext keeps across pages: it
// read a 300-page document's words in 1.28x pdftotext's time, the core API
// in 1.0x. Nothing outside extractors/pdf includes a Poppler header.
//
// Poppler reports syntax errors through one process-wide callback;
// PopplerErrorScope routes the errors raised on its thread, instead of to
// stderr, to a PopplerErrors, which counts each distinct message once.
//
// Example:
//   PopplerErrors errors;
//   PopplerErrorScope scope(&errors);
//   std::unique_ptr<PDFDoc> doc = OpenPdf({.path = "report.pdf"});
//   if (doc->isOk()) Use(doc->getNumPages(), DocInfoText(*doc, "Title"));
#ifndef DOSSIER_EXTRACTORS_PDF_POPPLER_DOC_H_
#define DOSSIER_EXTRACTORS_PDF_POPPLER_DOC_H_

#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>

class PDFDoc;

namespace dossier::pdf {

// Where a PDF's bytes are: a file, or bytes in memory that outlive every
// document opened from them.
struct PdfSource {
  std::string path;        // used when `bytes` is empty
  std::string_view bytes;  // read in place, not copied
};

// Returns the document at `source`, never null: check isOk() and
// getErrorCode() (errEncrypted: a user password is needed). Sets up
// Poppler's process-wide state on first use.
std::unique_ptr<PDFDoc> OpenPdf(const PdfSource& source);

// Returns the document information entry `key` ("Title", "Author") as
// UTF-8, or "" when absent.
std::string DocInfoText(PDFDoc& doc, const char* key);

// Returns the document information date `key` ("CreationDate", "ModDate")
// as an ISO 8601 UTC timestamp, or "" when absent or unreadable.
std::string DocInfoDate(PDFDoc& doc, const char* key);

// Returns code points `s` as UTF-8; surrogates and values past U+10FFFF
// become U+FFFD.
std::string Utf8Of(std::u32string_view s);

// The distinct Poppler error messages of one document; thread-safe.
class PopplerErrors {
 public:
  void Add(const std::string& message);
  // Returns the number of distinct messages.
  int count() const;

 private:
  static constexpr size_t kMaxKept = 1000;  // a badly broken file: stop counting
  mutable std::mutex mu_;
  std::set<std::string> seen_;
};

// Sends the Poppler errors raised on this thread, while it lives, to `sink`
// (nullptr: dropped).
class PopplerErrorScope {
 public:
  explicit PopplerErrorScope(PopplerErrors* sink);
  ~PopplerErrorScope();
  PopplerErrorScope(const PopplerErrorScope&) = delete;
  PopplerErrorScope& operator=(const PopplerErrorScope&) = delete;

 private:
  PopplerErrors* previous_;
};

}  // namespace dossier::pdf

#endif  // DOSSIER_EXTRACTORS_PDF_POPPLER_DOC_H_
