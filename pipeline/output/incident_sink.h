// IncidentSink: writes DIR/incidents.jsonl, one incident record per line,
// atomically (the file appears whole at Finish() or not at all).
//
// The app merges and validates records before handing them over: this
// sink only serializes.
//
// Example:
//   auto sink = IncidentSink::Create("run");
//   (*sink)->Write(record);
//   Status s = (*sink)->Finish();
#ifndef DOSSIER_PIPELINE_OUTPUT_INCIDENT_SINK_H_
#define DOSSIER_PIPELINE_OUTPUT_INCIDENT_SINK_H_

#include <memory>
#include <string>

#include "pipeline/core/incident.h"
#include "pipeline/core/status.h"
#include "pipeline/output/atomic_file.h"

namespace dossier {

class IncidentSink {
 public:
  // Returns a sink writing `dir`/incidents.jsonl (the folder must exist).
  static Result<std::unique_ptr<IncidentSink>> Create(const std::string& dir);
  // Appends one record.
  void Write(const IncidentRecord& record);
  // Returns ok once the file is whole and in place.
  Status Finish() { return file_->Commit(); }
  const std::string& path() const { return file_->path(); }

 private:
  IncidentSink() = default;
  std::unique_ptr<AtomicFile> file_;
};

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_OUTPUT_INCIDENT_SINK_H_
