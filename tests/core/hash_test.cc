#include "pipeline/core/hash.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

TEST(HashTest, KnownSha256Vectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(HashTest, IncrementalEqualsOneShot) {
  Sha256 h;
  h.Update("a");
  h.Update("bc");
  EXPECT_EQ(h.HexDigest(), Sha256Hex("abc"));
}

TEST(HashTest, DocumentIdsAreStableAndDistinct) {
  const std::string sha = Sha256Hex("file bytes");
  EXPECT_EQ(DocumentId(sha, ""), sha.substr(0, 16));
  EXPECT_EQ(DocumentId(sha, "/0"), DocumentId(sha, "/0"));
  EXPECT_NE(DocumentId(sha, "/0"), DocumentId(sha, "/1"));
  EXPECT_EQ(DocumentId(sha, "/0").size(), 16u);
}

}  // namespace
}  // namespace dossier
