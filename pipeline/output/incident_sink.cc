#include "pipeline/output/incident_sink.h"

#include <filesystem>

#include "pipeline/core/json_io.h"

namespace dossier {

Result<std::unique_ptr<IncidentSink>> IncidentSink::Create(const std::string& dir) {
  std::unique_ptr<IncidentSink> sink(new IncidentSink());
  sink->file_ =
      std::make_unique<AtomicFile>((std::filesystem::path(dir) / "incidents.jsonl").string());
  if (Status s = sink->file_->Open(); !s.ok()) return s;
  return sink;
}

void IncidentSink::Write(const IncidentRecord& record) {
  // Source text may hold anything: replace invalid UTF-8, never throw.
  file_->Write(ToJson(record).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
               "\n");
}

}  // namespace dossier
