// Status and Result<T>: how stages report failure without exceptions.
//
// No exception crosses a stage boundary. A stage returns Status (or
// Result<T> when it also produces a value); the app turns a failed status
// into one error record for that document and goes on with the batch.
//
// Example:
//   Result<Document> doc = extractor.Extract(input);
//   if (!doc.ok()) return doc.status();
//   Use(*doc);
#ifndef DOSSIER_PIPELINE_CORE_STATUS_H_
#define DOSSIER_PIPELINE_CORE_STATUS_H_

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace dossier {

enum class StatusCode {
  kOk = 0,
  kInvalidInput,  // the bytes are not what they claim to be (corrupt, truncated)
  kUnsupported,   // a format or feature dossier does not handle
  kEncrypted,     // the document needs a password
  kEmpty,         // nothing to extract
  kIo,            // could not read or write a file
  kLimit,         // input exceeds a configured limit
  kInternal,      // a bug: should never reach a user
};

// Returns the stable lower-case name of `code` ("invalid_input", ...).
std::string_view StatusCodeName(StatusCode code);

class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidInput(std::string m) { return {StatusCode::kInvalidInput, std::move(m)}; }
inline Status Unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
inline Status IoError(std::string m) { return {StatusCode::kIo, std::move(m)}; }
inline Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(data_); }
  // Returns the status; Ok() when a value is held.
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(data_); }

  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_CORE_STATUS_H_
