#include "pipeline/output/record_sink.h"

#include <filesystem>

namespace dossier {

void JsonLinesSink::WriteDocument(const Document& doc) {
  WriteDocumentLine(doc, options_, [this](std::string_view piece) { out_.write(piece.data(), static_cast<std::streamsize>(piece.size())); });
}

Status JsonLinesSink::Finish() {
  out_.flush();
  return out_.good() ? Status::Ok() : IoError("cannot write to standard output");
}

Result<std::unique_ptr<RunDirectorySink>> RunDirectorySink::Create(const std::string& dir,
                                                                   RecordOptions options) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return IoError("cannot create " + dir + ": " + ec.message());
  std::unique_ptr<RunDirectorySink> sink(new RunDirectorySink());
  sink->options_ = options;
  const std::filesystem::path base(dir);
  sink->documents_ = std::make_unique<AtomicFile>((base / "documents.jsonl").string());
  sink->errors_ = std::make_unique<AtomicFile>((base / "errors.jsonl").string());
  if (Status s = sink->documents_->Open(); !s.ok()) return s;
  if (Status s = sink->errors_->Open(); !s.ok()) return s;
  return sink;
}

void RunDirectorySink::WriteDocument(const Document& doc) {
  WriteDocumentLine(doc, options_, [this](std::string_view piece) { documents_->Write(piece); });
}

void RunDirectorySink::WriteError(const ErrorRecord& error) { errors_->Write(Line(ToJson(error))); }

Status RunDirectorySink::Finish() {
  Status docs = documents_->Commit();
  Status errs = errors_->Commit();
  return docs.ok() ? errs : docs;
}

}  // namespace dossier
