#include "pipeline/app/commands.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "pipeline/app/cli.h"
#include "pipeline/assemble/record_from_document.h"
#include "pipeline/core/json_io.h"
#include "pipeline/find/pattern_pack.h"
#include "pipeline/output/incident_sink.h"

namespace dossier {

namespace fs = std::filesystem;

namespace {

void PrintErrors(const FileReport& report) {
  for (const ErrorRecord& e : report.errors) std::cerr << e.ToLine() << "\n";
}

// Warning codes that record what extraction did rather than what went
// wrong: kept in the records, not shown by `text`.
bool IsNote(const std::string& code) {
  static const std::set<std::string, std::less<>> kNotes = {"ocr", "running_headers_removed", "line_numbers_removed",
                                                             "footnote_markers_removed"};
  return kNotes.count(code) > 0;
}

// Prints each document's text as it comes (for `text`): documents of a
// JSON dump, and the parts of a long PDF, separated by a blank line,
// nothing held back. Its warnings
// (a page OCR could not read, a repaired encoding) go to stderr, since
// stdout has no room for them.
class TextPrintingSink final : public RecordSink {
 public:
  void WriteDocument(const Document& doc) override {
    if (documents_++ > 0) std::cout << "\n\n";
    std::cout << doc.text;
    for (const Warning& w : doc.warnings) {
      if (IsNote(w.code)) continue;
      std::cerr << "dossier: " << doc.source_path << ": warning: " << w.code << ": " << w.message << "\n";
    }
  }
  void WriteError(const ErrorRecord&) override {}
  Status Finish() override {
    if (documents_ > 0) std::cout << "\n";
    std::cout.flush();
    return Status::Ok();
  }

 private:
  size_t documents_ = 0;
};

// Progress on stderr: a rewritten line on a terminal, else a line every few
// seconds, so long runs in CI logs show they are alive without flooding.
class Progress {
 public:
  Progress(size_t total, bool quiet) : total_(total), quiet_(quiet), tty_(::isatty(2) != 0) {}

  void Update(size_t done, size_t documents, size_t errors, const std::string& path) {
    if (quiet_) return;
    const auto now = std::chrono::steady_clock::now();
    if (!tty_ && done != total_ && now - last_ < std::chrono::seconds(5)) return;
    last_ = now;
    std::ostringstream line;
    line << "[" << done << "/" << total_ << "] " << documents << " documents, " << errors
         << " errors";
    if (tty_) {
      std::string shown = path.size() > 50 ? "..." + path.substr(path.size() - 47) : path;
      std::cerr << "\r\033[K" << line.str() << "  " << shown << std::flush;
      if (done == total_) std::cerr << "\n";
    } else {
      std::cerr << line.str() << "\n";
    }
  }

 private:
  size_t total_;
  bool quiet_;
  bool tty_;
  std::chrono::steady_clock::time_point last_{};
};

// Passes every record on to `out` and keeps each document's incident
// record (small: what merge needs, not the document).
class AssemblingSink final : public RecordSink {
 public:
  explicit AssemblingSink(RecordSink& out) : out_(out) {}

  void WriteDocument(const Document& doc) override {
    out_.WriteDocument(doc);
    // A document with no text (a blank page, a scan OCR could not read)
    // describes no incident; its record and warnings say what happened.
    if (doc.text.empty()) return;
    try {
      incidents.push_back(RecordFromDocument(doc));
    } catch (const std::exception& e) {
      ErrorRecord error;
      error.path = doc.source_path;
      error.locator = doc.locator;
      error.format_guess = doc.format;
      error.stage = "assemble";
      error.reason = std::string("cannot assemble an incident record: ") + e.what();
      failures.push_back(error);
      out_.WriteError(error);
    }
  }
  void WriteError(const ErrorRecord& error) override { out_.WriteError(error); }
  Status Finish() override { return Status::Ok(); }  // the caller finishes `out`

  std::vector<IncidentRecord> incidents;
  std::vector<ErrorRecord> failures;

 private:
  RecordSink& out_;
};

bool IsHidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

}  // namespace

std::vector<ErrorRecord> WriteIncidents(const Processor& processor, std::vector<IncidentRecord> incidents,
                                        const MergeOptions& merge, IncidentSink& sink, RecordSink& errors) {
  std::vector<ErrorRecord> failures;
  for (const IncidentRecord& record : MergeRecords(std::move(incidents), merge)) {
    const auto problems = processor.validator().Validate("incident", ToJson(record));
    if (problems.empty()) {
      sink.Write(record);
      continue;
    }
    ErrorRecord error;
    error.path = record.documents.empty() ? "" : record.documents.front().path;
    error.locator = problems.front().pointer.empty() ? "/" : problems.front().pointer;
    error.stage = "validate";
    error.reason = "incident " + record.id + " invalid at " + error.locator + ": " +
                   problems.front().message;
    errors.WriteError(error);
    failures.push_back(std::move(error));
  }
  return failures;
}

std::vector<std::string> CollectFiles(const std::vector<std::string>& inputs,
                                      std::vector<std::string>* missing) {
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (fs::is_directory(input, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(
               input, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (IsHidden(it->path())) {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file(ec)) found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(input, ec)) {
      files.push_back(input);
    } else if (missing != nullptr) {
      missing->push_back(input);
    }
  }
  return files;
}

int ExtractCommand(const Processor& processor, const std::vector<std::string>& paths,
                   const RecordOptions& records) {
  std::ios::sync_with_stdio(false);
  JsonLinesSink sink(std::cout, records);
  bool failed = false;
  for (const std::string& path : paths) {
    FileReport report = processor.ProcessFile(path, sink);
    PrintErrors(report);
    failed = failed || !report.errors.empty();
  }
  if (Status s = sink.Finish(); !s.ok()) {
    std::cerr << "dossier: " << s.message() << "\n";
    return kExitUsage;
  }
  return failed ? kExitSomeFailed : kExitOk;
}

int TextCommand(const Processor& processor, const std::string& path) {
  TextPrintingSink sink;
  FileReport report = processor.ProcessFile(path, sink);
  (void)sink.Finish();
  PrintErrors(report);
  return report.errors.empty() ? kExitOk : kExitSomeFailed;
}

int RunCommand(const Processor& processor, const std::vector<std::string>& inputs,
               const std::string& out_dir, bool quiet, const MergeOptions& merge) {
  std::vector<std::string> missing;
  std::vector<std::string> files = CollectFiles(inputs, &missing);
  for (const std::string& m : missing) std::cerr << "dossier: " << m << ": no such file or folder\n";
  if (!missing.empty()) return kExitUsage;
  auto sink = RunDirectorySink::Create(out_dir);
  if (!sink.ok()) {
    std::cerr << "dossier: " << sink.status().message() << "\n";
    return kExitUsage;
  }
  auto incident_sink = IncidentSink::Create(out_dir);
  if (!incident_sink.ok()) {
    std::cerr << "dossier: " << incident_sink.status().message() << "\n";
    return kExitUsage;
  }
  AssemblingSink assembling(**sink);
  Progress progress(files.size(), quiet);
  size_t documents = 0, errors = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    FileReport report = processor.ProcessFile(files[i], assembling);
    PrintErrors(report);
    documents += static_cast<size_t>(report.documents);
    errors += report.errors.size();
    progress.Update(i + 1, documents, errors, files[i]);
  }
  std::vector<ErrorRecord> failures = std::move(assembling.failures);
  for (ErrorRecord& e : WriteIncidents(processor, std::move(assembling.incidents), merge,
                                       **incident_sink, **sink)) {
    failures.push_back(std::move(e));
  }
  for (const ErrorRecord& e : failures) std::cerr << e.ToLine() << "\n";
  errors += failures.size();
  // Incidents first: documents.jsonl and errors.jsonl in place mean the run finished.
  Status incidents_done = (*incident_sink)->Finish();
  Status done = (*sink)->Finish();
  if (!done.ok() || !incidents_done.ok()) {
    std::cerr << "dossier: " << (done.ok() ? incidents_done : done).message() << "\n";
    return kExitUsage;
  }
  std::cerr << "dossier: " << files.size() << " files, " << documents << " documents, " << errors
            << " errors\n";
  std::cout << (*sink)->documents_path() << "\n" << (*sink)->errors_path() << "\n"
            << (*incident_sink)->path() << "\n";
  return errors == 0 ? kExitOk : kExitSomeFailed;
}

namespace {

// What a file to validate holds.
enum class FileKind { kRecords, kPatternPack, kInput };

FileKind KindOf(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::string first;
  std::getline(f, first);
  nlohmann::json j = nlohmann::json::parse(first, nullptr, false);
  if (j.is_object() && j.contains("record") && j["record"].is_string()) return FileKind::kRecords;
  f.clear();
  f.seekg(0);
  std::stringstream all;
  all << f.rdbuf();
  j = nlohmann::json::parse(all.str(), nullptr, false, true);
  if (j.is_object() && j.contains("kind") && j.contains("patterns")) return FileKind::kPatternPack;
  return FileKind::kInput;
}

// Returns the problems of a JSON Lines file of dossier records.
std::vector<std::string> CheckRecords(const SchemaValidator& validator, const std::string& path) {
  std::vector<std::string> problems;
  std::ifstream f(path, std::ios::binary);
  std::string line;
  for (int64_t n = 1; std::getline(f, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    const std::string where = path + ":" + std::to_string(n);
    if (j.is_discarded()) {
      problems.push_back(where + ": not JSON");
      continue;
    }
    const std::string kind = j.is_object() ? j.value("record", "") : "";
    for (const ValidationError& e : validator.Validate(kind, j)) {
      problems.push_back(where + ": " + (e.pointer.empty() ? "/" : e.pointer) + ": " + e.message);
    }
  }
  return problems;
}

std::vector<std::string> CheckPack(const SchemaValidator& validator, const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream all;
  all << f.rdbuf();
  std::vector<std::string> problems;
  nlohmann::json j = nlohmann::json::parse(all.str(), nullptr, false, true);
  for (const ValidationError& e : validator.Validate("pattern-pack", j)) {
    problems.push_back(path + ": " + (e.pointer.empty() ? "/" : e.pointer) + ": " + e.message);
  }
  if (problems.empty()) {
    Result<PatternPack> pack = PatternPack::Parse(all.str(), path);
    if (!pack.ok()) {
      problems.push_back(pack.status().message());
    } else {
      for (std::string& miss : PrefilterMisses(*pack, ExampleTexts(*pack))) problems.push_back(path + ": " + miss);
    }
  }
  return problems;
}

// Discards records: validation of inputs only needs the reports.
class NullSink final : public RecordSink {
 public:
  void WriteDocument(const Document&) override {}
  void WriteError(const ErrorRecord&) override {}
  Status Finish() override { return Status::Ok(); }
};

}  // namespace

int ValidateCommand(const Processor& processor, const std::vector<std::string>& paths) {
  std::vector<std::string> missing;
  std::vector<std::string> files = CollectFiles(paths, &missing);
  bool failed = !missing.empty();
  for (const std::string& m : missing) std::cout << "FAIL " << m << ": no such file or folder\n";
  for (const std::string& path : files) {
    std::vector<std::string> problems;
    std::string what;
    switch (KindOf(path)) {
      case FileKind::kRecords:
        problems = CheckRecords(processor.validator(), path);
        what = "records";
        break;
      case FileKind::kPatternPack:
        problems = CheckPack(processor.validator(), path);
        what = "pattern pack";
        break;
      case FileKind::kInput: {
        NullSink sink;
        FileReport report = processor.ProcessFile(path, sink);
        for (const ErrorRecord& e : report.errors) problems.push_back(e.ToLine());
        what = std::string(FormatName(report.format)) + ", " + std::to_string(report.documents) +
               " documents";
        break;
      }
    }
    if (problems.empty()) {
      std::cout << "ok   " << path << " (" << what << ")\n";
    } else {
      failed = true;
      std::cout << "FAIL " << path << " (" << what << ")\n";
      for (const std::string& p : problems) std::cout << "     " << p << "\n";
    }
  }
  return failed ? kExitSomeFailed : kExitOk;
}

}  // namespace dossier
