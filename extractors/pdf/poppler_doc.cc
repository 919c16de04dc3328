#include "extractors/pdf/poppler_doc.h"

#include <DateInfo.h>
#include <Error.h>
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Stream.h>
#include <UTF.h>
#include <goo/GooString.h>
#include <goo/gmem.h>

#include <ctime>

#include "pipeline/core/text_util.h"

namespace dossier::pdf {

namespace {

thread_local PopplerErrors* error_sink = nullptr;

void CountPopplerError(ErrorCategory, Goffset pos, const char* message) {
  if (error_sink == nullptr) return;
  // The offset is part of the message: the same complaint about two objects
  // counts twice.
  error_sink->Add(pos >= 0 ? "(" + std::to_string(pos) + "): " + message : std::string(message));
}

// Poppler's globals: the parameters every document reads and the error
// callback. Set once; left for the process's lifetime.
void SetUpPoppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (!globalParams) globalParams = std::make_unique<GlobalParams>();
    setErrorCallback(CountPopplerError);
  });
}

}  // namespace

std::unique_ptr<PDFDoc> OpenPdf(const PdfSource& source) {
  SetUpPoppler();
  if (source.bytes.empty()) return std::make_unique<PDFDoc>(std::make_unique<GooString>(source.path));
  // The document owns the stream; the stream only points at the bytes.
  auto* stream = new MemStream(source.bytes.data(), 0, static_cast<Goffset>(source.bytes.size()), Object(objNull));
  return std::make_unique<PDFDoc>(stream);
}

std::string DocInfoText(PDFDoc& doc, const char* key) {
  std::unique_ptr<GooString> value = doc.getDocInfoStringEntry(key);
  if (!value) return "";
  // A PDF text string: UTF-16 with a byte-order mark, or PDFDocEncoding.
  Unicode* ucs4 = nullptr;
  const int n = TextStringToUCS4(value->toStr(), &ucs4);
  std::u32string chars(ucs4, ucs4 + n);
  gfree(ucs4);
  return Utf8Of(chars);
}

std::string DocInfoDate(PDFDoc& doc, const char* key) {
  std::unique_ptr<GooString> value = doc.getDocInfoStringEntry(key);
  if (!value) return "";
  const time_t t = dateStringToTime(value.get());
  if (t <= 0) return "";
  std::tm tm{};
  if (!gmtime_r(&t, &tm)) return "";
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string Utf8Of(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : s) AppendUtf8(c, out);
  return out;
}

void PopplerErrors::Add(const std::string& message) {
  std::lock_guard<std::mutex> lock(mu_);
  if (seen_.size() < kMaxKept) seen_.insert(message);
}

int PopplerErrors::count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return static_cast<int>(seen_.size());
}

PopplerErrorScope::PopplerErrorScope(PopplerErrors* sink) : previous_(error_sink) { error_sink = sink; }

PopplerErrorScope::~PopplerErrorScope() { error_sink = previous_; }

}  // namespace dossier::pdf
