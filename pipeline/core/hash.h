// Content hashes: document ids and the sha256 in every record.
#ifndef DOSSIER_PIPELINE_CORE_HASH_H_
#define DOSSIER_PIPELINE_CORE_HASH_H_

#include <string>
#include <string_view>

namespace dossier {

// Returns the lower-case hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

// Incremental SHA-256 for files read in chunks.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void Update(std::string_view bytes);
  // Returns the lower-case hex digest; the hasher is spent afterwards.
  std::string HexDigest();

 private:
  // Nettle's sha256_ctx, opaque so Nettle stays out of headers. Nettle, not
  // OpenSSL: OpenSSL 3 spends ~1.5 ms starting its provider on the first
  // digest, and loading libcrypto more, in every process.
  void* ctx_;
};

// Returns a stable 16-hex-digit id for the document at `locator` of a file
// whose bytes hash to `file_sha256`: same input, same id, every run.
std::string DocumentId(std::string_view file_sha256, std::string_view locator);

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_CORE_HASH_H_
