// RecordSink: where finished document and error records go.
//
// Sinks are the last stage: they see only core types. JSON Lines to a
// stream (stdout) or to atomic files; later a SQLite run catalog and the
// HTML review report implement the same interface.
//
// Example:
//   JsonLinesSink sink(std::cout);
//   sink.WriteDocument(doc);
#ifndef DOSSIER_PIPELINE_OUTPUT_RECORD_SINK_H_
#define DOSSIER_PIPELINE_OUTPUT_RECORD_SINK_H_

#include <memory>
#include <ostream>
#include <string>

#include "pipeline/core/document.h"
#include "pipeline/core/error_record.h"
#include "pipeline/core/json_io.h"
#include "pipeline/core/status.h"
#include "pipeline/output/atomic_file.h"

namespace dossier {

class RecordSink {
 public:
  virtual ~RecordSink() = default;
  virtual void WriteDocument(const Document& doc) = 0;
  virtual void WriteError(const ErrorRecord& error) = 0;
  // Returns ok once everything written is durable and in place.
  virtual Status Finish() = 0;
};

// Writes one JSON object per line to a stream (stdout for `dossier extract`);
// errors go to `errors` when given, else are dropped (they also go to stderr).
class JsonLinesSink final : public RecordSink {
 public:
  JsonLinesSink(std::ostream& out, RecordOptions options = {}) : out_(out), options_(options) {}
  void WriteDocument(const Document& doc) override;
  void WriteError(const ErrorRecord&) override {}
  Status Finish() override;

 private:
  std::ostream& out_;
  RecordOptions options_;
};

// Writes DIR/documents.jsonl and DIR/errors.jsonl, each atomically.
class RunDirectorySink final : public RecordSink {
 public:
  // Returns a sink writing into `dir` (created when missing).
  static Result<std::unique_ptr<RunDirectorySink>> Create(const std::string& dir,
                                                          RecordOptions options = {});
  void WriteDocument(const Document& doc) override;
  void WriteError(const ErrorRecord& error) override;
  Status Finish() override;

  const std::string& documents_path() const { return documents_->path(); }
  const std::string& errors_path() const { return errors_->path(); }

 private:
  RunDirectorySink() = default;
  std::unique_ptr<AtomicFile> documents_;
  std::unique_ptr<AtomicFile> errors_;
  RecordOptions options_;
};

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_OUTPUT_RECORD_SINK_H_
