#include "extractors/html/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace dossier {

namespace {

// How far into the file declarations are looked for. Browsers stop at 1024
// bytes; real pages often put <meta charset> after long scripts, so a little
// more is read, still bounded so that a huge page costs nothing extra.
constexpr size_t kDeclarationWindow = 16 * 1024;
// How much text the statistical detector is given.
constexpr size_t kDetectWindow = 1 << 20;

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (IsSpace(s.front()) || s.front() == '"' || s.front() == '\'')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (IsSpace(s.back()) || s.back() == '"' || s.back() == '\'' ||
                        s.back() == ';')) {
    s.remove_suffix(1);
  }
  return s;
}

// Returns the value after "charset=" in a Content-Type value, or "".
std::string CharsetFromContentType(std::string_view content) {
  const std::string lower = ToLower(content);
  const size_t at = lower.find("charset");
  if (at == std::string::npos) return "";
  size_t i = at + 7;
  while (i < lower.size() && IsSpace(lower[i])) ++i;
  if (i >= lower.size() || lower[i] != '=') return "";
  ++i;
  size_t end = i;
  while (end < lower.size() && lower[end] != ';' && lower[end] != ',') ++end;
  return std::string(Trim(std::string_view(lower).substr(i, end - i)));
}

// Counts what a UTF-8 reading of `bytes` finds: valid multi-byte characters
// and bytes that are not part of any valid sequence.
struct Utf8Census {
  size_t multibyte = 0;
  size_t invalid = 0;
};

// Returns the length of the valid UTF-8 sequence at s[i], or 0.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  size_t n;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  if (b1 < lo || b1 > hi) return 0;
  for (size_t k = 2; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if (b < 0x80 || b > 0xBF) return 0;
  }
  return n;
}

Utf8Census CountUtf8(std::string_view s) {
  Utf8Census c;
  size_t i = 0;
  while (i < s.size()) {
    // Fast path over ASCII, eight bytes at a time.
    while (i + 8 <= s.size()) {
      uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= s.size()) break;
    const size_t n = Utf8SequenceLength(s, i);
    if (n == 0) {
      ++c.invalid;
      ++i;
    } else {
      if (n > 1) ++c.multibyte;
      i += n;
    }
  }
  return c;
}

// Returns `bytes` with each invalid UTF-8 byte replaced by U+FFFD, filling the
// checkpoints of `out`.
void RepairUtf8(std::string_view bytes, size_t shift, DecodedHtml& out) {
  out.identity = false;
  out.checkpoints.clear();
  out.utf8.clear();
  out.utf8.reserve(bytes.size() + 64);
  out.checkpoints.emplace_back(0, shift);
  size_t i = 0;
  while (i < bytes.size()) {
    const size_t n = Utf8SequenceLength(bytes, i);
    if (n == 0) {
      out.checkpoints.emplace_back(out.utf8.size(), i + shift);
      out.utf8 += "\xEF\xBF\xBD";
      ++i;
      out.checkpoints.emplace_back(out.utf8.size(), i + shift);
    } else {
      out.utf8.append(bytes.data() + i, n);
      i += n;
    }
  }
}

// Maps a label to the converter name used, following browsers where labels
// are known to lie (Latin-1 and ASCII pages are windows-1252 in practice).
std::string CanonicalLabel(const std::string& label) {
  if (label == "iso-8859-1" || label == "latin1" || label == "latin-1" || label == "ascii" ||
      label == "us-ascii" || label == "iso_8859-1" || label == "l1" || label == "cp1252" ||
      label == "iso8859-1") {
    return "windows-1252";
  }
  if (label == "utf8" || label == "unicode-1-1-utf-8") return "utf-8";
  // A page cannot declare UTF-16 in ASCII-compatible bytes: it means UTF-8.
  if (label.rfind("utf-16", 0) == 0 || label == "unicode") return "utf-8";
  if (label == "gb2312" || label == "x-gbk") return "gbk";
  return label;
}

bool IsUtf8Label(const std::string& label) { return label == "utf-8"; }

// Converts `bytes` (after the first `shift` file bytes) from `charset` into
// out.utf8 with checkpoints. Returns false when ICU has no such converter.
bool Convert(std::string_view bytes, size_t shift, const std::string& charset,
             DecodedHtml& out) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(charset.c_str(), &status),
                                                          ucnv_close);
  if (U_FAILURE(status) || !conv) return false;
  out.identity = false;
  out.checkpoints.clear();
  out.utf8.clear();
  out.utf8.reserve(bytes.size() + bytes.size() / 4);
  // Converted in chunks so that the UTF-16 and offset buffers stay small.
  constexpr size_t kChunk = 1 << 16;
  std::vector<UChar> target(2 * kChunk + 16);
  std::vector<int32_t> offsets(target.size());
  int64_t last_delta = INT64_MIN;
  size_t last_source = shift;
  const char* src = bytes.data();
  const char* const src_end = bytes.data() + bytes.size();
  bool pending_high = false;
  UChar high = 0;
  size_t high_source = 0;
  while (src < src_end || pending_high) {
    const char* chunk_start = src;
    const char* chunk_end = std::min(src_end, src + kChunk);
    const bool flush = chunk_end == src_end;
    UChar* t = target.data();
    status = U_ZERO_ERROR;
    ucnv_toUnicode(conv.get(), &t, target.data() + target.size(), &src, chunk_end,
                   offsets.data(), flush, &status);
    if (U_FAILURE(status)) return false;
    const size_t produced = static_cast<size_t>(t - target.data());
    for (size_t k = 0; k < produced; ++k) {
      const int32_t off = offsets[k];
      size_t source = off >= 0 ? shift + static_cast<size_t>(chunk_start - bytes.data()) +
                                     static_cast<size_t>(off)
                               : last_source;
      UChar32 c = target[k];
      if (pending_high) {
        pending_high = false;
        if (U16_IS_TRAIL(c)) {
          c = U16_GET_SUPPLEMENTARY(high, c);
          source = high_source;
        } else {
          // A lone surrogate: write a replacement and go on with this unit.
          const int64_t d = static_cast<int64_t>(high_source) - static_cast<int64_t>(out.utf8.size());
          if (d != last_delta) out.checkpoints.emplace_back(out.utf8.size(), high_source);
          out.utf8 += "\xEF\xBF\xBD";
          last_delta = INT64_MIN;
        }
      } else if (U16_IS_LEAD(c)) {
        pending_high = true;
        high = static_cast<UChar>(c);
        high_source = source;
        continue;
      }
      if (U16_IS_SURROGATE(c)) c = 0xFFFD;
      last_source = source;
      const int64_t delta = static_cast<int64_t>(source) - static_cast<int64_t>(out.utf8.size());
      if (delta != last_delta) {
        out.checkpoints.emplace_back(out.utf8.size(), source);
        last_delta = delta;
      }
      char buf[4];
      size_t n;
      if (c < 0x80) {
        buf[0] = static_cast<char>(c);
        n = 1;
      } else if (c < 0x800) {
        buf[0] = static_cast<char>(0xC0 | (c >> 6));
        buf[1] = static_cast<char>(0x80 | (c & 0x3F));
        n = 2;
      } else if (c < 0x10000) {
        buf[0] = static_cast<char>(0xE0 | (c >> 12));
        buf[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        buf[2] = static_cast<char>(0x80 | (c & 0x3F));
        n = 3;
      } else {
        buf[0] = static_cast<char>(0xF0 | (c >> 18));
        buf[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        buf[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        buf[3] = static_cast<char>(0x80 | (c & 0x3F));
        n = 4;
      }
      out.utf8.append(buf, n);
      // Multi-byte output from one source character: the next character
      // starts a new delta, so the map stays exact at character starts.
      if (n > 1) last_delta = INT64_MIN;
    }
    if (flush && src == src_end && pending_high) {
      out.checkpoints.emplace_back(out.utf8.size(), high_source);
      out.utf8 += "\xEF\xBF\xBD";
      pending_high = false;
    }
    if (flush && src == src_end) break;
  }
  out.encoding = charset;
  return true;
}

// Returns the best non-UTF-8 charset ICU's detector finds in `bytes`, or "".
std::string DetectLegacyCharset(std::string_view bytes, const std::string& declared) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> det(ucsdet_open(&status),
                                                                     ucsdet_close);
  if (U_FAILURE(status)) return "";
  const std::string_view window = bytes.substr(0, kDetectWindow);
  ucsdet_setText(det.get(), window.data(), static_cast<int32_t>(window.size()), &status);
  ucsdet_enableInputFilter(det.get(), true);  // look at text, not markup
  if (!declared.empty()) {
    ucsdet_setDeclaredEncoding(det.get(), declared.data(), static_cast<int32_t>(declared.size()),
                               &status);
  }
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &found, &status);
  if (U_FAILURE(status)) return "";
  for (int32_t i = 0; i < found; ++i) {
    const char* name = ucsdet_getName(matches[i], &status);
    if (U_FAILURE(status) || name == nullptr) continue;
    std::string label = ToLower(name);
    if (label == "utf-8" || label.rfind("utf-16", 0) == 0 || label.rfind("utf-32", 0) == 0) {
      continue;
    }
    return CanonicalLabel(label);
  }
  return "";
}

}  // namespace

int64_t DecodedHtml::SourceOffset(size_t offset) const {
  if (identity) return static_cast<int64_t>(offset + shift);
  auto it = std::upper_bound(checkpoints.begin(), checkpoints.end(), offset,
                             [](size_t o, const std::pair<size_t, size_t>& c) { return o < c.first; });
  if (it == checkpoints.begin()) return static_cast<int64_t>(shift);
  --it;
  return static_cast<int64_t>(it->second + (offset - it->first));
}

bool DecodedHtml::Verbatim(std::string_view source, size_t offset, size_t length) const {
  if (offset + length > utf8.size()) return false;
  const int64_t at = SourceOffset(offset);
  if (at < 0 || static_cast<size_t>(at) + length > source.size()) return false;
  return std::memcmp(source.data() + at, utf8.data() + offset, length) == 0;
}

bool IsValidUtf8(std::string_view bytes) { return CountUtf8(bytes).invalid == 0; }

std::string DeclaredCharset(std::string_view bytes) {
  const std::string head = ToLower(bytes.substr(0, kDeclarationWindow));
  if (head.rfind("<?xml", 0) == 0) {
    const size_t end = head.find("?>");
    const size_t enc = head.find("encoding", 0);
    if (enc != std::string::npos && enc < end) {
      size_t i = head.find_first_of("\"'", enc);
      if (i != std::string::npos && i < end) {
        const char q = head[i];
        const size_t j = head.find(q, i + 1);
        if (j != std::string::npos) return std::string(Trim(head.substr(i + 1, j - i - 1)));
      }
    }
  }
  size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    pos += 5;
    const size_t end = head.find('>', pos);
    if (end == std::string::npos) break;
    // Attributes of this tag, parsed loosely: name[=value].
    std::string charset, http_equiv, content;
    size_t i = pos;
    while (i < end) {
      while (i < end && (IsSpace(head[i]) || head[i] == '/')) ++i;
      const size_t name_start = i;
      while (i < end && !IsSpace(head[i]) && head[i] != '=' && head[i] != '/') ++i;
      const std::string_view name(head.data() + name_start, i - name_start);
      while (i < end && IsSpace(head[i])) ++i;
      std::string_view value;
      if (i < end && head[i] == '=') {
        ++i;
        while (i < end && IsSpace(head[i])) ++i;
        if (i < end && (head[i] == '"' || head[i] == '\'')) {
          const char q = head[i];
          const size_t j = head.find(q, i + 1);
          const size_t stop = (j == std::string::npos || j > end) ? end : j;
          value = std::string_view(head.data() + i + 1, stop - i - 1);
          i = stop + 1;
        } else {
          const size_t vs = i;
          while (i < end && !IsSpace(head[i])) ++i;
          value = std::string_view(head.data() + vs, i - vs);
        }
      }
      if (name.empty()) {
        ++i;
        continue;
      }
      if (name == "charset") charset = std::string(Trim(value));
      if (name == "http-equiv") http_equiv = std::string(Trim(value));
      if (name == "content") content = std::string(value);
    }
    if (!charset.empty()) return charset;
    if (http_equiv == "content-type") {
      std::string c = CharsetFromContentType(content);
      if (!c.empty()) return c;
    }
    pos = end;
  }
  return "";
}

Result<DecodedHtml> DecodeHtml(std::string_view bytes) {
  DecodedHtml out;
  auto starts = [&](const char* bom, size_t n) {
    return bytes.size() >= n && std::memcmp(bytes.data(), bom, n) == 0;
  };
  // 1. Byte order marks.
  if (starts("\xEF\xBB\xBF", 3)) {
    out.evidence = "bom";
    out.encoding = "UTF-8";
    out.shift = 3;
    const std::string_view rest = bytes.substr(3);
    const Utf8Census census = CountUtf8(rest);
    if (census.invalid == 0) {
      out.utf8 = std::string(rest);
    } else {
      RepairUtf8(rest, 3, out);
      out.warnings.push_back({"extract", "invalid_utf8",
                              std::to_string(census.invalid) +
                                  " invalid UTF-8 bytes replaced with U+FFFD"});
    }
    return out;
  }
  if (starts("\xFF\xFE", 2) || starts("\xFE\xFF", 2)) {
    const bool le = bytes[0] == '\xFF';
    out.evidence = "bom";
    if (!Convert(bytes.substr(2), 2, le ? "UTF-16LE" : "UTF-16BE", out)) {
      return InvalidInput("cannot read UTF-16 page");
    }
    out.encoding = le ? "UTF-16LE" : "UTF-16BE";
    return out;
  }

  const Utf8Census census = CountUtf8(bytes);
  const std::string declared_label = DeclaredCharset(bytes);
  const std::string declared = CanonicalLabel(declared_label);
  const bool mostly_utf8 = census.invalid == 0 || census.multibyte >= 4 * census.invalid;

  auto read_utf8 = [&](std::string evidence) {
    out.evidence = std::move(evidence);
    out.encoding = "UTF-8";
    if (census.invalid == 0) {
      out.utf8 = std::string(bytes);
    } else {
      RepairUtf8(bytes, 0, out);
      out.warnings.push_back({"extract", "invalid_utf8",
                              std::to_string(census.invalid) +
                                  " invalid UTF-8 bytes replaced with U+FFFD"});
    }
  };

  // 2. A declaration, checked against the bytes.
  if (!declared.empty()) {
    if (IsUtf8Label(declared)) {
      if (mostly_utf8) {
        read_utf8("declared");
        return out;
      }
      const std::string guess = DetectLegacyCharset(bytes, "");
      const std::string charset = guess.empty() ? "windows-1252" : guess;
      if (Convert(bytes, 0, charset, out)) {
        out.evidence = "detected";
        out.warnings.push_back({"extract", "charset_mismatch",
                                "declared UTF-8 but the bytes are not UTF-8; read as " +
                                    out.encoding});
        return out;
      }
      read_utf8("declared");
      return out;
    }
    if (census.invalid == 0) {
      // ASCII is the same in every ASCII-compatible charset: no conversion.
      if (census.multibyte == 0 || declared == "utf-8") {
        UErrorCode status = U_ZERO_ERROR;
        UConverter* probe = ucnv_open(declared.c_str(), &status);
        const bool ascii_compatible = U_SUCCESS(status) && probe != nullptr &&
                                      ucnv_getMinCharSize(probe) == 1 &&
                                      declared.find("2022") == std::string::npos &&
                                      declared != "utf-7";
        if (probe != nullptr) ucnv_close(probe);
        if (ascii_compatible || census.multibyte == 0) {
          if (!ascii_compatible) {
            out.warnings.push_back({"extract", "charset_unknown",
                                    "unknown declared charset '" + declared_label +
                                        "'; read as UTF-8"});
          }
          out.evidence = "declared";
          out.encoding = ascii_compatible ? declared : "UTF-8";
          out.utf8 = std::string(bytes);
          return out;
        }
      }
      // Valid multi-byte UTF-8 is almost never anything else.
      if (census.multibyte > 0) {
        read_utf8("detected");
        out.warnings.push_back({"extract", "charset_mismatch",
                                "declared " + declared_label +
                                    " but the bytes are UTF-8; read as UTF-8"});
        return out;
      }
    }
    if (Convert(bytes, 0, declared, out)) {
      out.evidence = "declared";
      return out;
    }
    out.warnings.push_back({"extract", "charset_unknown",
                            "unknown declared charset '" + declared_label + "'"});
  }

  // 3. No (usable) declaration.
  if (mostly_utf8) {
    read_utf8(declared.empty() ? "default" : "detected");
    return out;
  }
  const std::string guess = DetectLegacyCharset(bytes, "");
  const std::string charset = guess.empty() ? "windows-1252" : guess;
  if (!Convert(bytes, 0, charset, out)) return InvalidInput("cannot decode the page's bytes");
  out.evidence = "detected";
  out.warnings.push_back({"extract", "charset_guessed",
                          "no usable charset declaration; detected " + out.encoding});
  return out;
}

}  // namespace dossier
