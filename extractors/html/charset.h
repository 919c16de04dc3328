// HTML charset handling: finds a page's encoding and turns its bytes into
// valid UTF-8 with a map back to the original byte offsets.
//
// Order of evidence (after the WHATWG encoding sniffing rules, simplified):
//   1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE);
//   2. a declaration in the first bytes: <meta charset>, <meta http-equiv=
//      "Content-Type" content="...; charset=...">, or <?xml encoding=...?>;
//   3. otherwise valid UTF-8 is taken as UTF-8, and anything else is given
//      to ICU's charset detector (ucsdet).
// Declarations are checked against the bytes, never trusted blindly: a page
// declared UTF-8 whose bytes are not (mostly) UTF-8 is detected again and
// converted, with a "charset_mismatch" warning; a page declared as a legacy
// charset whose bytes are valid multi-byte UTF-8 is read as UTF-8. Latin-1
// and ASCII labels mean windows-1252, as in browsers.
//
// Example:
//   Result<DecodedHtml> page = DecodeHtml(bytes);
//   page->utf8;                     // what the HTML parser reads
//   page->SourceOffset(120);        // byte of the file where utf8[120] came from
#ifndef DOSSIER_EXTRACTORS_HTML_CHARSET_H_
#define DOSSIER_EXTRACTORS_HTML_CHARSET_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/core/document.h"
#include "pipeline/core/status.h"

namespace dossier {

struct DecodedHtml {
  std::string utf8;      // the page as valid UTF-8, without a BOM
  std::string encoding;  // the encoding read, e.g. "UTF-8", "windows-1252"
  std::string evidence;  // "bom", "declared", "detected" or "default"
  std::vector<Warning> warnings;

  // Returns the byte offset in the original file of utf8 byte `offset`
  // (inside a converted multi-byte character: the character's first byte).
  int64_t SourceOffset(size_t offset) const;
  // Returns true when utf8[offset, offset + length) is a byte-for-byte copy
  // of the file bytes at SourceOffset(offset).
  bool Verbatim(std::string_view source, size_t offset, size_t length) const;

  // When identity: utf8 byte k is file byte k + shift. Otherwise checkpoints
  // (utf8 offset, file offset) where the difference between the two changes.
  bool identity = true;
  size_t shift = 0;
  std::vector<std::pair<size_t, size_t>> checkpoints;
};

// Returns the page decoded to UTF-8, or kInvalidInput when no charset can read
// it. Never fails on merely odd bytes: they become U+FFFD with a warning.
Result<DecodedHtml> DecodeHtml(std::string_view bytes);

// Returns the charset label declared in the first bytes of `bytes` by a
// <meta> tag or an XML declaration, lower-cased, or "" when none.
std::string DeclaredCharset(std::string_view bytes);

// Returns true when `bytes` is entirely valid UTF-8.
bool IsValidUtf8(std::string_view bytes);

}  // namespace dossier

#endif  // DOSSIER_EXTRACTORS_HTML_CHARSET_H_
