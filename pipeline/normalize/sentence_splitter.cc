#include "pipeline/normalize/sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <unordered_map>

#include "pipeline/normalize/byte_words.h"

namespace dossier::normalize_internal {
namespace {

enum class Keep {
  kAlways,       // never ends a sentence: "v. McAleenan", "Pub. L."
  kBeforeDigit,  // only before a number: "No. 19-15716", "pp. 4-5"
};

// Abbreviations that legal and policy writing uses inside sentences, beyond
// ICU's English list (which has "U.S.", "Mr.", "Jan."...). Case-sensitive.
// Single capitals and dotted capitals ("L.", "A.G.", "U.S.C.") are handled
// by rule, not listed.
constexpr std::pair<std::string_view, Keep> kAbbreviations[] = {
    // Case names and citations.
    {"v.", Keep::kAlways}, {"vs.", Keep::kAlways}, {"al.", Keep::kAlways},
    {"Pub.", Keep::kAlways}, {"Stat.", Keep::kAlways}, {"Reg.", Keep::kAlways},
    {"Fed.", Keep::kAlways}, {"Supp.", Keep::kAlways}, {"App.", Keep::kAlways},
    {"Cir.", Keep::kAlways}, {"Ct.", Keep::kAlways}, {"Cl.", Keep::kAlways},
    {"Dist.", Keep::kAlways}, {"Div.", Keep::kAlways}, {"Dec.", Keep::kAlways},
    {"Op.", Keep::kAlways}, {"Ed.", Keep::kAlways}, {"Rev.", Keep::kAlways},
    {"Cong.", Keep::kAlways}, {"Sess.", Keep::kAlways}, {"Doc.", Keep::kAlways},
    {"Dkt.", Keep::kAlways}, {"Admin.", Keep::kAlways}, {"Comm'n.", Keep::kAlways},
    {"Int'l.", Keep::kAlways}, {"Nat'l.", Keep::kAlways}, {"Ass'n.", Keep::kAlways},
    {"Dep't.", Keep::kAlways}, {"Gov't.", Keep::kAlways}, {"Att'y.", Keep::kAlways},
    {"Inc.", Keep::kAlways}, {"Corp.", Keep::kAlways}, {"Co.", Keep::kAlways},
    {"Ltd.", Keep::kAlways}, {"Bros.", Keep::kAlways}, {"Ann.", Keep::kAlways},
    {"Art.", Keep::kAlways}, {"Sec.", Keep::kAlways}, {"Ch.", Keep::kAlways},
    {"Vol.", Keep::kAlways}, {"Ex.", Keep::kAlways}, {"Exh.", Keep::kAlways},
    {"Fig.", Keep::kAlways}, {"Para.", Keep::kAlways}, {"Subd.", Keep::kAlways},
    {"e.g.", Keep::kAlways}, {"i.e.", Keep::kAlways}, {"cf.", Keep::kAlways},
    {"Cf.", Keep::kAlways}, {"viz.", Keep::kAlways}, {"approx.", Keep::kAlways},
    // Titles.
    {"Mr.", Keep::kAlways}, {"Mrs.", Keep::kAlways}, {"Ms.", Keep::kAlways},
    {"Dr.", Keep::kAlways}, {"Prof.", Keep::kAlways}, {"Sen.", Keep::kAlways},
    {"Rep.", Keep::kAlways}, {"Gov.", Keep::kAlways}, {"Gen.", Keep::kAlways},
    {"Lt.", Keep::kAlways}, {"Col.", Keep::kAlways}, {"Sgt.", Keep::kAlways},
    {"Capt.", Keep::kAlways}, {"Hon.", Keep::kAlways}, {"Jr.", Keep::kAlways},
    {"Sr.", Keep::kAlways}, {"St.", Keep::kAlways}, {"Pres.", Keep::kAlways},
    // Months.
    {"Jan.", Keep::kAlways}, {"Feb.", Keep::kAlways}, {"Mar.", Keep::kAlways},
    {"Apr.", Keep::kAlways}, {"Jun.", Keep::kAlways}, {"Jul.", Keep::kAlways},
    {"Aug.", Keep::kAlways}, {"Sep.", Keep::kAlways}, {"Sept.", Keep::kAlways},
    {"Oct.", Keep::kAlways}, {"Nov.", Keep::kAlways},
    // States in reporters and court names ("S.D. Cal.", "W.D. Tex.").
    {"Ala.", Keep::kAlways}, {"Ariz.", Keep::kAlways}, {"Ark.", Keep::kAlways},
    {"Cal.", Keep::kAlways}, {"Colo.", Keep::kAlways}, {"Conn.", Keep::kAlways},
    {"Del.", Keep::kAlways}, {"Fla.", Keep::kAlways}, {"Ga.", Keep::kAlways},
    {"Ill.", Keep::kAlways}, {"Ind.", Keep::kAlways}, {"Kan.", Keep::kAlways},
    {"Ky.", Keep::kAlways}, {"La.", Keep::kAlways}, {"Md.", Keep::kAlways},
    {"Mass.", Keep::kAlways}, {"Mich.", Keep::kAlways}, {"Minn.", Keep::kAlways},
    {"Miss.", Keep::kAlways}, {"Mo.", Keep::kAlways}, {"Mont.", Keep::kAlways},
    {"Neb.", Keep::kAlways}, {"Nev.", Keep::kAlways}, {"Okla.", Keep::kAlways},
    {"Or.", Keep::kAlways}, {"Pa.", Keep::kAlways}, {"Tenn.", Keep::kAlways},
    {"Tex.", Keep::kAlways}, {"Va.", Keep::kAlways}, {"Vt.", Keep::kAlways},
    {"Wash.", Keep::kAlways}, {"Wis.", Keep::kAlways}, {"Wyo.", Keep::kAlways},
    // Numbers and pages.
    {"No.", Keep::kBeforeDigit}, {"Nos.", Keep::kBeforeDigit},
    {"no.", Keep::kBeforeDigit}, {"nos.", Keep::kBeforeDigit},
    {"p.", Keep::kBeforeDigit}, {"pp.", Keep::kBeforeDigit},
    {"n.", Keep::kBeforeDigit}, {"nn.", Keep::kBeforeDigit},
    {"para.", Keep::kBeforeDigit}, {"sec.", Keep::kBeforeDigit},
    {"art.", Keep::kBeforeDigit}, {"ch.", Keep::kBeforeDigit},
};

const std::unordered_map<std::string_view, Keep>& AbbreviationTable() {
  static const auto* table = new std::unordered_map<std::string_view, Keep>(
      std::begin(kAbbreviations), std::end(kAbbreviations));
  return *table;
}

bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

// Returns true for "L.", "A.G.", "U.S.C.": initials and initialisms.
bool IsDottedCapitals(std::string_view token) {
  if (token.size() < 2 || token.size() % 2 != 0) return false;
  for (size_t i = 0; i < token.size(); i += 2) {
    if (token[i] < 'A' || token[i] > 'Z' || token[i + 1] != '.') return false;
  }
  return true;
}

// Returns the offset of the first '\n' or '\r' in text[begin, end), or end.
size_t NextLineBreak(std::string_view text, size_t begin, size_t end) {
  const char* p = text.data();
  const void* lf = std::memchr(p + begin, '\n', end - begin);
  const size_t bound = lf == nullptr ? end : static_cast<size_t>(static_cast<const char*>(lf) - p);
  const void* cr = std::memchr(p + begin, '\r', bound - begin);
  return cr == nullptr ? bound : static_cast<size_t>(static_cast<const char*>(cr) - p);
}

}  // namespace

bool EndsWithNonFinalAbbreviation(std::string_view sentence, std::string_view next) {
  if (sentence.empty() || sentence.back() != '.') return false;
  size_t start = sentence.size();
  while (start > 0 && !IsSpace(sentence[start - 1])) --start;
  std::string_view token = sentence.substr(start);
  while (!token.empty() && (token[0] == '(' || token[0] == '[' || token[0] == '"' ||
                            token[0] == '\'')) {
    token.remove_prefix(1);
  }
  if (IsDottedCapitals(token)) return true;
  const auto& table = AbbreviationTable();
  auto it = table.find(token);
  if (it == table.end()) return false;
  if (it->second == Keep::kAlways) return true;
  return !next.empty() && next[0] >= '0' && next[0] <= '9';
}

bool ToUtf16(std::string_view text, icu::UnicodeString& out) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {  // eight bytes at a time: any high bit?
    if (BytesHigh(Load8(s + i)) != 0) break;
  }
  while (i < n && s[i] < 0x80) ++i;
  const auto length = static_cast<int32_t>(n);
  char16_t* units = i < n ? nullptr : out.getBuffer(length);
  if (units == nullptr) {  // not ASCII (or no memory for the buffer)
    out = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), length));
    return false;
  }
  for (size_t k = 0; k < n; ++k) units[k] = s[k];
  out.releaseBuffer(length);
  return true;
}

SentenceSplitter::SentenceSplitter(const std::string& locale) {
  // "ss=standard" turns on the locale's abbreviation suppressions.
  std::string id = locale.find('@') == std::string::npos ? locale + "@ss=standard" : locale;
  UErrorCode ec = U_ZERO_ERROR;
  iterator_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale(id.c_str()), ec));
  if (U_FAILURE(ec) || iterator_ == nullptr) {
    iterator_.reset();
    status_ = Internal(std::string("ICU sentence break iterator: ") + u_errorName(ec));
  }
}

SentenceSplitter::~SentenceSplitter() = default;

std::vector<TextRange> SentenceSplitter::Split(std::string_view text) const {
  std::vector<TextRange> out;
  bool after_line_break = true;
  // Adds the trimmed [begin, end) as a sentence, or to the previous one when
  // the break between them is withdrawn.
  auto emit = [&](size_t begin, size_t end) {
    while (begin < end && IsSpace(text[begin])) ++begin;
    while (end > begin && IsSpace(text[end - 1])) --end;
    if (begin == end) return;
    if (!after_line_break && !out.empty() &&
        EndsWithNonFinalAbbreviation(text.substr(out.back().begin, out.back().end - out.back().begin),
                                     text.substr(begin))) {
      out.back().end = end;
    } else {
      out.push_back({begin, end});
    }
    after_line_break = false;
  };
  // Splits [begin, end) at line breaks, which always end a sentence.
  auto emit_lines = [&](size_t begin, size_t end) {
    while (begin < end) {
      const size_t nl = NextLineBreak(text, begin, end);
      emit(begin, nl);
      if (nl < end) after_line_break = true;
      begin = nl + 1;
    }
  };
  if (text.empty()) return out;
  if (iterator_ == nullptr) {
    emit_lines(0, text.size());  // no ICU: paragraphs only
    return out;
  }
  // ICU breaks UTF-16 text natively; its UTF-8 adapter re-decodes the text
  // chunk by chunk and costs about as much again. So the text goes to UTF-16
  // a chunk at a time (memory bounded by the chunk, not the document), each
  // chunk ending at a line break, which ends a sentence anyway; boundaries
  // come back to UTF-8 offsets in one forward walk.
  constexpr size_t kChunkBytes = 256 << 10;
  icu::UnicodeString utf16;
  for (size_t chunk = 0; chunk < text.size();) {
    size_t chunk_end = std::min(text.size(), chunk + kChunkBytes);
    if (chunk_end < text.size()) {
      const size_t nl = text.find('\n', chunk_end);
      chunk_end = nl == std::string_view::npos ? text.size() : nl + 1;
    }
    if (chunk_end - chunk > static_cast<size_t>(INT32_MAX)) {
      emit_lines(chunk, chunk_end);  // beyond ICU's string length: lines only
      chunk = chunk_end;
      continue;
    }
    const bool ascii = ToUtf16(text.substr(chunk, chunk_end - chunk), utf16);
    iterator_->setText(utf16);
    size_t byte = chunk;  // UTF-8 offset of UTF-16 index `unit`
    int32_t unit = 0;
    auto to_byte = [&](int32_t target) {
      if (ascii) return std::min(chunk + static_cast<size_t>(target), chunk_end);
      while (unit < target && byte < chunk_end) {
        const auto lead = static_cast<unsigned char>(text[byte]);
        const size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        byte += len;
        unit += len == 4 ? 2 : 1;  // four-byte characters are surrogate pairs
      }
      return std::min(byte, chunk_end);
    };
    size_t begin = to_byte(iterator_->first());
    for (int32_t end = iterator_->next(); end != icu::BreakIterator::DONE; end = iterator_->next()) {
      const size_t end_byte = to_byte(end);
      emit_lines(begin, end_byte);
      begin = end_byte;
    }
    chunk = chunk_end;
  }
  // The iterator must not outlive the string it reads.
  iterator_->setText(icu::UnicodeString());
  return out;
}

}  // namespace dossier::normalize_internal
