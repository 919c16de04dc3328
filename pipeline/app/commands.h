// One function per CLI command, called by cli.cc once flags are parsed.
// Each returns the process exit code (see cli.h).
#ifndef DOSSIER_PIPELINE_APP_COMMANDS_H_
#define DOSSIER_PIPELINE_APP_COMMANDS_H_

#include <string>
#include <vector>

#include "pipeline/app/processor.h"
#include "pipeline/assemble/merge.h"
#include "pipeline/output/incident_sink.h"

namespace dossier {

// Prints one JSON document record per document, as JSON Lines, on stdout.
int ExtractCommand(const Processor& processor, const std::vector<std::string>& paths,
                   const RecordOptions& records);
// Prints the normalized main text of each document of `path`.
int TextCommand(const Processor& processor, const std::string& path);
// Processes every file under `inputs` into OUT/documents.jsonl and
// OUT/errors.jsonl, with progress on stderr; assembles one incident record
// per document, merges them by `merge` and writes the valid ones to
// OUT/incidents.jsonl (invalid ones become error records).
int RunCommand(const Processor& processor, const std::vector<std::string>& inputs,
               const std::string& out_dir, bool quiet, const MergeOptions& merge = {});
// Checks input files and dossier record files against the schemas.
int ValidateCommand(const Processor& processor, const std::vector<std::string>& paths);

// Merges `incidents` by `merge`, validates each merged record against the
// incident schema and writes the valid ones to `sink`; returns the error
// records of the invalid ones (each naming the offending field's JSON
// Pointer), which also go to `errors`.
std::vector<ErrorRecord> WriteIncidents(const Processor& processor, std::vector<IncidentRecord> incidents,
                                        const MergeOptions& merge, IncidentSink& sink, RecordSink& errors);

// Returns the files under `inputs` (directories walked recursively, hidden
// entries skipped) in a stable sorted order.
std::vector<std::string> CollectFiles(const std::vector<std::string>& inputs,
                                      std::vector<std::string>* missing);

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_APP_COMMANDS_H_
