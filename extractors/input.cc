#include "extractors/input.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include "pipeline/core/hash.h"

namespace dossier {

namespace {

Status ReadError(const std::string& path) {
  return IoError("cannot read " + path + ": " + std::strerror(errno));
}

}  // namespace

Result<Input> OpenInput(const std::string& path) {
  Input in;
  in.path = path;
  if (path == "-") {
    std::string bytes{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    if (std::cin.bad()) return IoError("cannot read standard input");
    return InputFromBytes(path, std::move(bytes));
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return IoError("is a directory");
  std::ifstream f(path, std::ios::binary);
  if (!f) return ReadError(path);
  Sha256 hasher;
  // Not zero-filled: a small file touches only the buffer's first pages.
  constexpr size_t kChunk = 1 << 20;
  const auto chunk = std::make_unique_for_overwrite<char[]>(kChunk);
  while (f) {
    f.read(chunk.get(), static_cast<std::streamsize>(kChunk));
    const auto n = static_cast<size_t>(f.gcount());
    if (n == 0) break;
    std::string_view piece(chunk.get(), n);
    hasher.Update(piece);
    if (in.head.size() < Input::kHeadBytes) {
      in.head.append(piece.substr(0, Input::kHeadBytes - in.head.size()));
    }
    in.size += static_cast<int64_t>(n);
  }
  if (f.bad()) return ReadError(path);
  in.sha256 = hasher.HexDigest();
  return in;
}

Input InputFromBytes(std::string path, std::string bytes) {
  Input in;
  in.path = std::move(path);
  in.size = static_cast<int64_t>(bytes.size());
  in.sha256 = Sha256Hex(bytes);
  in.head = bytes.substr(0, Input::kHeadBytes);
  in.in_memory = true;
  in.bytes = std::move(bytes);
  return in;
}

Result<std::string> ReadAll(const Input& input, int64_t max_bytes) {
  if (input.size > max_bytes) {
    return Status(StatusCode::kLimit, "file is " + std::to_string(input.size) +
                                          " bytes, over the limit of " + std::to_string(max_bytes));
  }
  if (input.in_memory) return input.bytes;
  std::ifstream f(input.path, std::ios::binary);
  if (!f) return ReadError(input.path);
  std::string bytes(static_cast<size_t>(input.size), '\0');
  f.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<size_t>(f.gcount()));
  return bytes;
}

Result<std::unique_ptr<std::istream>> OpenStream(const Input& input) {
  if (input.in_memory) {
    return std::unique_ptr<std::istream>(std::make_unique<std::istringstream>(input.bytes));
  }
  auto f = std::make_unique<std::ifstream>(input.path, std::ios::binary);
  if (!*f) return ReadError(input.path);
  return std::unique_ptr<std::istream>(std::move(f));
}

}  // namespace dossier
