#include "pipeline/output/atomic_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace dossier {

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {}

AtomicFile::~AtomicFile() {
  if (file_ != nullptr) {
    std::fclose(file_);
    std::remove(temp_path_.c_str());
  }
}

Status AtomicFile::Open() {
  // mkstemp in the target's directory: rename() stays on one file system.
  temp_path_ = path_ + ".tmp.XXXXXX";
  int fd = ::mkstemp(temp_path_.data());
  if (fd < 0) return IoError("cannot create " + temp_path_ + ": " + std::strerror(errno));
  ::fchmod(fd, 0644);
  file_ = ::fdopen(fd, "wb");
  if (file_ == nullptr) {
    ::close(fd);
    return IoError("cannot open " + temp_path_ + ": " + std::strerror(errno));
  }
  return Status::Ok();
}

void AtomicFile::Write(std::string_view bytes) {
  if (file_ == nullptr || failed_) return;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) failed_ = true;
}

Status AtomicFile::Commit() {
  if (file_ == nullptr) return IoError("cannot commit " + path_ + ": not open");
  bool ok = !failed_ && std::fflush(file_) == 0 && ::fsync(::fileno(file_)) == 0;
  const int saved = errno;
  ok = (std::fclose(file_) == 0) && ok;
  file_ = nullptr;
  if (!ok) {
    std::remove(temp_path_.c_str());
    return IoError("cannot write " + path_ + ": " + std::strerror(saved));
  }
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    const int err = errno;
    std::remove(temp_path_.c_str());
    return IoError("cannot rename into " + path_ + ": " + std::strerror(err));
  }
  return Status::Ok();
}

}  // namespace dossier
