#include "pipeline/core/hash.h"

#include <nettle/sha2.h>

#include <string>

namespace dossier {

namespace {
std::string Hex(const unsigned char* data, unsigned int n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(2 * n, '0');
  for (unsigned int i = 0; i < n; ++i) {
    out[2 * i] = kDigits[data[i] >> 4];
    out[2 * i + 1] = kDigits[data[i] & 15];
  }
  return out;
}
}  // namespace

Sha256::Sha256() : ctx_(new sha256_ctx) { sha256_init(static_cast<sha256_ctx*>(ctx_)); }

Sha256::~Sha256() { delete static_cast<sha256_ctx*>(ctx_); }

void Sha256::Update(std::string_view bytes) {
  sha256_update(static_cast<sha256_ctx*>(ctx_), bytes.size(), reinterpret_cast<const uint8_t*>(bytes.data()));
}

std::string Sha256::HexDigest() {
  unsigned char md[SHA256_DIGEST_SIZE];
  sha256_digest(static_cast<sha256_ctx*>(ctx_), SHA256_DIGEST_SIZE, md);
  return Hex(md, SHA256_DIGEST_SIZE);
}

std::string Sha256Hex(std::string_view bytes) {
  Sha256 h;
  h.Update(bytes);
  return h.HexDigest();
}

std::string DocumentId(std::string_view file_sha256, std::string_view locator) {
  if (locator.empty()) return std::string(file_sha256.substr(0, 16));
  std::string key(file_sha256);
  key += '#';
  key += locator;
  return Sha256Hex(key).substr(0, 16);
}

}  // namespace dossier
