// Processor: one input file through every stage, detect -> extract ->
// normalize -> find -> validate, into a RecordSink.
//
// The only place (with the CLI) that wires concrete stages together. A
// failure in one document becomes an ErrorRecord and the rest go on;
// nothing a document holds can make it throw. One Processor serves many
// threads: the finder, validator and extractors are shared read-only and
// the normalizer is per thread.
//
// Example:
//   auto processor = Processor::Create({});
//   FileReport r = (*processor)->ProcessFile("report.pdf", sink);
#ifndef DOSSIER_PIPELINE_APP_PROCESSOR_H_
#define DOSSIER_PIPELINE_APP_PROCESSOR_H_

#include <memory>
#include <string>
#include <vector>

#include "extractors/extractor.h"
#include "extractors/input.h"
#include "pipeline/core/error_record.h"
#include "pipeline/core/status.h"
#include "pipeline/find/entity_finder.h"
#include "pipeline/output/record_sink.h"
#include "pipeline/validate/schema_validator.h"

namespace dossier {

struct ProcessOptions {
  ExtractOptions extract;
  std::string packs_dir;         // pattern packs overriding the built-in ones
  bool find_entities = true;     // off for `dossier text`
  bool split_sentences = true;   // off for `dossier text`
  bool validate_records = true;  // schema-check every record before output
};

// What happened to one input file.
struct FileReport {
  std::string path;
  Format format = Format::kUnknown;
  int documents = 0;                // written to the sink
  std::vector<ErrorRecord> errors;  // also written to the sink
};

class Processor {
 public:
  // Returns a processor, or why one cannot be built (a bad pattern pack).
  static Result<std::unique_ptr<Processor>> Create(ProcessOptions options);

  // Processes the file at `path` ("-" for stdin) into `sink`.
  FileReport ProcessFile(const std::string& path, RecordSink& sink) const;
  // Processes an already opened input into `sink`.
  FileReport ProcessInput(Input input, RecordSink& sink) const;

  // Runs normalization and the finders on an extracted document; returns
  // the error record when one of them fails. Exposed for the tests.
  Status Analyze(Document& doc) const;

  const ProcessOptions& options() const { return options_; }
  // The record schemas; loaded only when options().validate_records.
  const SchemaValidator& validator() const { return *validator_; }

 private:
  explicit Processor(ProcessOptions options) : options_(std::move(options)) {}
  ProcessOptions options_;
  std::shared_ptr<const EntityFinder> finder_;
  std::shared_ptr<const SchemaValidator> validator_;
};

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_APP_PROCESSOR_H_
