#include "extractors/json/utf8_repair.h"

#include <algorithm>

namespace dossier::json_internal {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
constexpr size_t kChunk = 64 * 1024;

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

int Utf8SequenceLength(std::string_view s) {
  const auto b = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  int n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;  // no overlong forms
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  for (int i = 1; i < n; ++i) {
    if (static_cast<size_t>(i) >= s.size()) return -1;
    const unsigned char x = b(i);
    if (i == 1 ? (x < lo || x > hi) : !IsContinuation(x)) return 0;
  }
  return n;
}

std::string RepairUtf8(std::string_view s, size_t* replaced) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    int n = Utf8SequenceLength(s.substr(i));
    if (n > 0) {
      out.append(s.substr(i, static_cast<size_t>(n)));
      i += static_cast<size_t>(n);
    } else {
      out.append(kReplacement);
      if (replaced) ++*replaced;
      i += 1;
    }
  }
  return out;
}

size_t Utf8RepairBuf::ReplacementsIn(size_t begin, size_t end) const {
  auto lo = std::lower_bound(replaced_.begin(), replaced_.end(), begin);
  auto hi = std::lower_bound(replaced_.begin(), replaced_.end(), end);
  return static_cast<size_t>(hi - lo);
}

Utf8RepairBuf::int_type Utf8RepairBuf::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  base_ += out_.size();
  out_.clear();
  while (out_.empty()) {
    const size_t had = pending_.size();
    pending_.resize(had + kChunk);
    source_.read(pending_.data() + had, static_cast<std::streamsize>(kChunk));
    pending_.resize(had + static_cast<size_t>(source_.gcount()));
    const bool eof = source_.gcount() == 0;
    if (eof && pending_.empty()) {
      setg(nullptr, nullptr, nullptr);
      return traits_type::eof();
    }
    std::string_view in(pending_);
    size_t i = 0;
    while (i < in.size()) {
      const unsigned char c = static_cast<unsigned char>(in[i]);
      if (c < 0x80) {  // fast path for ASCII runs
        size_t j = i + 1;
        while (j < in.size() && static_cast<unsigned char>(in[j]) < 0x80) ++j;
        out_.append(in.substr(i, j - i));
        i = j;
        continue;
      }
      int n = Utf8SequenceLength(in.substr(i));
      if (n < 0 && !eof) break;  // split sequence: wait for the next chunk
      if (n > 0) {
        out_.append(in.substr(i, static_cast<size_t>(n)));
        i += static_cast<size_t>(n);
      } else {
        replaced_.push_back(base_ + out_.size());
        out_.append(kReplacement);
        i += 1;
      }
    }
    pending_.erase(0, i);
  }
  setg(out_.data(), out_.data(), out_.data() + out_.size());
  return traits_type::to_int_type(*gptr());
}

}  // namespace dossier::json_internal
