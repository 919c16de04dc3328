// Input: one source file (or stdin) as an extractor sees it.
//
// Opening an input hashes it in one streaming pass and keeps its first bytes
// for format detection; extractors then read it whole (ReadAll) or stream it
// (OpenStream). Standard input is spooled into memory, since it cannot be
// read twice.
#ifndef DOSSIER_EXTRACTORS_INPUT_H_
#define DOSSIER_EXTRACTORS_INPUT_H_

#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

#include "pipeline/core/format.h"
#include "pipeline/core/status.h"

namespace dossier {

struct Input {
  std::string path;       // as given; "-" for standard input
  std::string sha256;     // of all the bytes
  int64_t size = 0;       // in bytes
  std::string head;       // the first bytes (up to kHeadBytes) for detection
  Format format = Format::kUnknown;  // set by detection
  bool in_memory = false;            // bytes below hold the whole input
  std::string bytes;                 // stdin or InputFromBytes; else empty

  static constexpr size_t kHeadBytes = 64 * 1024;

};

// Returns the input at `path` ("-" for stdin), hashed, sized and with its
// head read; an unreadable path (missing, a directory, no permission) is an
// kIo status that names the reason.
Result<Input> OpenInput(const std::string& path);

// Returns an input over bytes held in memory (tests, the Python module).
Input InputFromBytes(std::string path, std::string bytes);

// Returns all the bytes of `input`, refusing more than `max_bytes` (kLimit).
Result<std::string> ReadAll(const Input& input, int64_t max_bytes);

// Returns a stream over the bytes of `input`.
Result<std::unique_ptr<std::istream>> OpenStream(const Input& input);

}  // namespace dossier

#endif  // DOSSIER_EXTRACTORS_INPUT_H_
