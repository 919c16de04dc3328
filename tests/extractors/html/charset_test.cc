// Charset decoding: BOMs, declarations checked against the bytes, detection,
// and the map from UTF-8 offsets back to file bytes.
#include "extractors/html/charset.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dossier {
namespace {

bool Warned(const DecodedHtml& d, const std::string& code) {
  for (const Warning& w : d.warnings) {
    if (w.code == code) return true;
  }
  return false;
}

TEST(CharsetTest, DeclaredCharsetTable) {
  struct Case {
    std::string head;
    std::string want;
  };
  const std::vector<Case> cases = {
      {"<meta charset=\"UTF-8\">", "utf-8"},
      {"<META CHARSET=windows-1251>", "windows-1251"},
      {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">",
       "iso-8859-1"},
      {"<meta content='text/html;charset=shift_jis' http-equiv='content-type'>", "shift_jis"},
      {"<?xml version=\"1.0\" encoding=\"euc-kr\"?><html>", "euc-kr"},
      {"<meta name=\"description\" content=\"charset=utf-8 is not a declaration\">", ""},
      {"<html><head><title>none</title></head>", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(DeclaredCharset(c.head), c.want) << c.head;
}

TEST(CharsetTest, DecodesByEvidence) {
  struct Case {
    std::string name;
    std::string bytes;
    std::string encoding;  // prefix of the encoding read
    std::string evidence;
    std::string contains;  // UTF-8 text expected in the output
    std::string warning;   // expected warning code, "" for none
  };
  const std::vector<Case> cases = {
      {"plain utf-8", "<p>caf\xC3\xA9</p>", "UTF-8", "default", "caf\xC3\xA9", ""},
      {"utf-8 bom", "\xEF\xBB\xBF<p>caf\xC3\xA9</p>", "UTF-8", "bom", "<p>caf\xC3\xA9", ""},
      {"utf-16le bom", std::string("\xFF\xFE<\0p\0>\0\xE9\0", 10), "UTF-16LE", "bom",
       "<p>\xC3\xA9", ""},
      {"declared 1251", "<meta charset=\"windows-1251\"><p>\xCF\xF0\xE8\xE2\xE5\xF2</p>",
       "windows-1251", "declared", "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82", ""},
      {"latin-1 label is windows-1252", "<meta charset=\"iso-8859-1\"><p>\x93hi\x94</p>",
       "windows-1252", "declared", "\xE2\x80\x9Chi\xE2\x80\x9D", ""},
      {"declared utf-8, bytes 1252",
       "<meta charset=\"utf-8\"><p>Le caf\xE9 est ferm\xE9 pour l'\xE9t\xE9 enti\xE8re.</p>", "",
       "detected", "caf\xC3\xA9", "charset_mismatch"},
      {"declared latin-1, bytes utf-8",
       "<meta charset=\"iso-8859-1\"><p>caf\xC3\xA9 na\xC3\xAFve r\xC3\xA9sum\xC3\xA9</p>",
       "UTF-8", "detected", "caf\xC3\xA9", "charset_mismatch"},
      {"one stray byte in utf-8",
       "<p>\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9 and \xFF here</p>", "UTF-8", "default",
       "\xEF\xBF\xBD here", "invalid_utf8"},
      {"undeclared legacy", "<p>Ceci est un r\xE9sum\xE9 tr\xE8s d\xE9taill\xE9 du caf\xE9.</p>",
       "", "detected", "r\xC3\xA9sum\xC3\xA9", "charset_guessed"},
  };
  for (const Case& c : cases) {
    Result<DecodedHtml> d = DecodeHtml(c.bytes);
    ASSERT_TRUE(d.ok()) << c.name;
    EXPECT_EQ(d->encoding.rfind(c.encoding, 0), 0u) << c.name << ": " << d->encoding;
    EXPECT_EQ(d->evidence, c.evidence) << c.name;
    EXPECT_NE(d->utf8.find(c.contains), std::string::npos) << c.name;
    EXPECT_TRUE(IsValidUtf8(d->utf8)) << c.name;
    if (c.warning.empty()) {
      EXPECT_TRUE(d->warnings.empty()) << c.name;
    } else {
      EXPECT_TRUE(Warned(*d, c.warning)) << c.name;
    }
  }
}

TEST(CharsetTest, OffsetsMapBackToFileBytes) {
  // "<p>" ASCII, then two 1-byte windows-1251 letters that become 2 bytes each.
  const std::string bytes = "<meta charset=\"windows-1251\"><p>\xCF\xF0 ok</p>";
  Result<DecodedHtml> d = DecodeHtml(bytes);
  ASSERT_TRUE(d.ok());
  const size_t p = d->utf8.find("<p>");
  EXPECT_EQ(d->SourceOffset(p), static_cast<int64_t>(bytes.find("<p>")));
  EXPECT_EQ(d->SourceOffset(p + 3), static_cast<int64_t>(bytes.find('\xCF')));
  EXPECT_EQ(d->SourceOffset(p + 5), static_cast<int64_t>(bytes.find('\xF0')));
  const size_t ok = d->utf8.find(" ok");
  EXPECT_EQ(d->SourceOffset(ok), static_cast<int64_t>(bytes.find(" ok")));
  EXPECT_TRUE(d->Verbatim(bytes, ok, 3));
  EXPECT_FALSE(d->Verbatim(bytes, p + 3, 2));
  // With a BOM every offset shifts by its length.
  Result<DecodedHtml> bom = DecodeHtml("\xEF\xBB\xBFhello");
  ASSERT_TRUE(bom.ok());
  EXPECT_EQ(bom->SourceOffset(0), 3);
}

}  // namespace
}  // namespace dossier
