// AtomicFile: an output file that appears whole or not at all.
//
// Writes go to a temporary file beside the target; Commit() flushes, syncs
// and renames it into place. A file never committed (a crash, an error, an
// interrupted run) leaves no half-written output behind: the destructor
// removes the temporary.
//
// Example:
//   AtomicFile out("run/documents.jsonl");
//   if (!out.Open().ok()) ...;
//   out.Write(line);
//   Status s = out.Commit();
#ifndef DOSSIER_PIPELINE_OUTPUT_ATOMIC_FILE_H_
#define DOSSIER_PIPELINE_OUTPUT_ATOMIC_FILE_H_

#include <cstdio>
#include <string>
#include <string_view>

#include "pipeline/core/status.h"

namespace dossier {

class AtomicFile {
 public:
  explicit AtomicFile(std::string path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Creates the temporary file. Returns kIo naming the path on failure.
  Status Open();
  // Appends `bytes`; errors are remembered and returned by Commit().
  void Write(std::string_view bytes);
  // Returns ok when the whole file is in place under its final name.
  Status Commit();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::string temp_path_;
  std::FILE* file_ = nullptr;
  bool failed_ = false;
};

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_OUTPUT_ATOMIC_FILE_H_
