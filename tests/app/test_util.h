// Helpers for the end-to-end tests: temporary folders, running the CLI.
#ifndef DOSSIER_TESTS_APP_TEST_UTIL_H_
#define DOSSIER_TESTS_APP_TEST_UTIL_H_

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/output/record_sink.h"

namespace dossier::test_util {

// A fresh folder under the system temp dir, removed at scope exit.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("dossier-test-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string Write(const std::string& name, const std::string& bytes) const {
    const auto p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs shell command `command`, keeping its output and exit code.
inline RunResult RunCommand(const std::string& command) {
  TempDir tmp;
  const std::string err_path = tmp.path() + "/stderr";
  const std::string cmd = command + " 2>" + err_path;
  RunResult r;
  FILE* pipe = ::popen(cmd.c_str(), "r");
  if (pipe == nullptr) return r;
  std::array<char, 65536> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  const int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream e(err_path);
  std::stringstream ss;
  ss << e.rdbuf();
  r.err = ss.str();
  return r;
}

// Runs `args` (shell words, already quoted as needed) with the dossier CLI.
inline RunResult RunDossier(const std::string& args) { return RunCommand(std::string(DOSSIER_BINARY) + " " + args); }

inline std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// Returns the JSON values of a JSON Lines text, blank lines skipped.
inline std::vector<nlohmann::json> JsonLines(const std::string& text) {
  std::vector<nlohmann::json> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  }
  return out;
}

// Keeps the documents and errors a Processor produces, for inspection.
class KeepingSink final : public RecordSink {
 public:
  void WriteDocument(const Document& doc) override { docs.push_back(doc); }
  void WriteError(const ErrorRecord& e) override { errors.push_back(e); }
  Status Finish() override { return Status::Ok(); }
  std::vector<Document> docs;
  std::vector<ErrorRecord> errors;
};

}  // namespace dossier::test_util

#endif  // DOSSIER_TESTS_APP_TEST_UTIL_H_
