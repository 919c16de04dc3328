#include "pipeline/normalize/char_cleanup.h"

#include <unicode/utf8.h>

#include <array>
#include <cstdint>

#include "pipeline/normalize/byte_words.h"

namespace dossier::normalize_internal {
namespace {

// Bytes copied as they are: printable ASCII and the whitespace controls the
// line joiner understands. Everything else takes the slow path.
constexpr std::array<bool, 256> MakePlainTable() {
  std::array<bool, 256> t{};
  for (int b = 0x20; b < 0x7F; ++b) t[b] = true;
  t['\t'] = t['\n'] = t['\r'] = t['\f'] = true;
  return t;
}
constexpr std::array<bool, 256> kPlain = MakePlainTable();

// What one non-ASCII code point becomes: `kKeep` or the replacement bytes.
constexpr const char* kKeep = nullptr;

// Returns true when `p` starts with U+2014 EM DASH or U+2015 HORIZONTAL BAR.
inline bool IsEmDash(const uint8_t* p) {
  return p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x94 || p[2] == 0x95);
}

// Returns the replacement of non-ASCII code point `c` (kKeep if none) and
// sets `is_control` for C1 controls.
const char* MapCodePoint(UChar32 c, bool& is_control) {
  is_control = false;
  if (c < 0xA0) {  // C1 controls; NEL is a line break
    if (c == 0x85) return "\n";
    is_control = true;
    return " ";
  }
  switch (c) {
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
      return " ";
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
      return "";
    case 0x2212:
      return "-";
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
      return "'";
    // U+2033 must be caught before NFKC, which splits it into two primes.
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
    case 0x00AB: case 0x00BB:
      return "\"";
    // Vulgar fractions as a reader types them ("2½" -> "2 1/2": the space
    // goes in separately, see CleanChars); NFKC would give "21⁄2".
    case 0x00BC: return "1/4";
    case 0x00BD: return "1/2";
    case 0x00BE: return "3/4";
    case 0x2150: return "1/7";
    case 0x2151: return "1/9";
    case 0x2152: return "1/10";
    case 0x2153: return "1/3";
    case 0x2154: return "2/3";
    case 0x2155: return "1/5";
    case 0x2156: return "2/5";
    case 0x2157: return "3/5";
    case 0x2158: return "4/5";
    case 0x2159: return "1/6";
    case 0x215A: return "5/6";
    case 0x215B: return "1/8";
    case 0x215C: return "3/8";
    case 0x215D: return "5/8";
    case 0x215E: return "7/8";
    case 0x2044: case 0x2215:
      return "/";
    case 0x2028:
      return "\n";
    case 0x2029:
      return "\n\n";
    default:
      break;
  }
  if (c >= 0x2000 && c <= 0x200A) return " ";
  if (c >= 0x2010 && c <= 0x2015) return "-";
  return kKeep;
}

// Returns true when s[0, n) starts with a character this step makes
// whitespace (an ASCII space, or a Unicode space or break mapped to one).
bool StartsWithSpace(const uint8_t* s, size_t n) {
  if (n == 0) return false;
  if (s[0] < 0x80) return IsSpaceByte(s[0]);
  size_t i = 0;
  UChar32 c;
  U8_NEXT(s, i, n, c);
  if (c < 0) return false;
  bool is_control;
  const char* repl = MapCodePoint(c, is_control);
  return repl != kKeep && !is_control && repl[0] != '\0' && IsSpaceByte(static_cast<uint8_t>(repl[0]));
}

// KeptSequenceLength on raw bytes, inlined into CleanChars's loop.
inline size_t KeptLength(const uint8_t* p, size_t n) {
  auto continuation = [&](size_t k) { return k < n && (p[k] & 0xC0) == 0x80; };
  if (n == 0) return 0;
  const uint8_t lead = p[0];
  if (lead >= 0xC4 && lead <= 0xDF) return continuation(1) ? 2 : 0;  // U+0100..U+07FF
  // U+4000..U+CFFF and U+E000..U+EFFF; with 0xED only U+D000..U+D7FF, not
  // the surrogates above.
  if ((lead >= 0xE4 && lead <= 0xEC) || lead == 0xEE || (lead == 0xED && n > 1 && p[1] < 0xA0)) {
    return continuation(1) && continuation(2) ? 3 : 0;
  }
  return 0;
}

}  // namespace

size_t KeptSequenceLength(std::string_view in) {
  return KeptLength(reinterpret_cast<const uint8_t*>(in.data()), in.size());
}

bool CleanChars(std::string_view in, std::string& out, icu::Edits& edits,
                CleanupCounts& counts) {
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  const size_t n = in.size();
  out.reserve(out.size() + n);
  bool changed = false;
  size_t run_start = 0;  // start of the pending unchanged run
  auto flush = [&](size_t end) {
    if (end > run_start) {
      out.append(in.data() + run_start, end - run_start);
      edits.addUnchanged(static_cast<int32_t>(end - run_start));
    }
  };
  size_t i = 0;
  while (i < n) {
    // Eight printable ASCII bytes at a time: no byte >= 0x7F or < 0x20.
    while (i + 8 <= n) {
      const uint64_t w = Load8(s + i);
      // 0x7F + 1 sets the high bit: DEL is flagged with the high bytes.
      if (const uint64_t flagged = BytesBelow(w, 0x20) | BytesHigh((w + kByteOnes) | w); flagged != 0) {
        i += FirstFlagged(flagged);
        break;
      }
      i += 8;
    }
    if (i >= n) break;
    uint8_t b = s[i];
    if (kPlain[b]) {
      ++i;
      continue;
    }
    if (size_t kept = KeptLength(s + i, n - i); kept != 0) {
      do {  // a word of such characters
        i += kept;
      } while ((kept = KeptLength(s + i, n - i)) != 0);
      counts.non_ascii = true;
      continue;
    }
    size_t start = i;
    const char* repl;
    if (b < 0x80) {  // C0 control or DEL
      ++i;
      ++counts.control_chars;
      repl = " ";
    } else {
      UChar32 c;
      U8_NEXT(s, i, n, c);
      if (c < 0) {
        ++counts.invalid_sequences;
        repl = "\xEF\xBF\xBD";
      } else {
        bool is_control;
        repl = MapCodePoint(c, is_control);
        // A soft hyphen before whitespace may mark a line-end break: the
        // line joiner decides. Elsewhere it goes now, before NFKC, so the
        // characters around it still compose.
        if (c == 0xAD && !(i < n && IsSpaceByte(s[i]))) {
          repl = "";
        }
        if (is_control) ++counts.control_chars;
        if (repl == kKeep) {
          counts.non_ascii = true;
          continue;
        }
      }
    }
    flush(start);
    std::string_view r(repl);
    if (b >= 0x80 && r == "-" && IsEmDash(s + start)) {
      // An em dash or bar between words separates them ("half\u201429
      // reviews"): folded to a bare "-" it would make one hyphenated word.
      // Each side gets a space unless it has one; each space is its own
      // insertion, so every word edge maps back to the raw text exactly, and
      // each side is decided by its own neighbour, so a slice of the text
      // normalizes as it does in place.
      const bool left = !out.empty() && !IsSpaceByte(static_cast<uint8_t>(out.back()));
      const bool right = i < n && !StartsWithSpace(s + i, n - i);
      if (left) out.push_back(' '), edits.addReplace(0, 1);
      out.push_back('-');
      edits.addReplace(static_cast<int32_t>(i - start), 1);
      if (right) out.push_back(' '), edits.addReplace(0, 1);
      changed = true;
      run_start = i;
      continue;
    }
    // "2½": the fraction is a number of its own after a digit.
    if (r.size() >= 3 && r[1] == '/' && !out.empty() && out.back() >= '0' && out.back() <= '9') {
      out.push_back(' ');
      edits.addReplace(0, 1);
    }
    out.append(r);
    edits.addReplace(static_cast<int32_t>(i - start), static_cast<int32_t>(r.size()));
    changed = true;
    run_start = i;
  }
  flush(n);
  return changed;
}

}  // namespace dossier::normalize_internal
