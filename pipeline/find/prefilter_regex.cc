#include "pipeline/find/prefilter_regex.h"

#include <cstddef>

namespace dossier {
namespace {

constexpr int kMaxRepeat = 1000;  // RE2's limit on a repetition bound

// Reads a decimal number at text[*i], advancing *i; returns -1 when there is
// none and kMaxRepeat + 1 when it exceeds RE2's bound.
int ReadNumber(std::string_view text, size_t* i) {
  const size_t start = *i;
  int value = 0;
  while (*i < text.size() && text[*i] >= '0' && text[*i] <= '9') {
    if (value <= kMaxRepeat) value = value * 10 + (text[*i] - '0');
    ++*i;
  }
  if (*i == start) return -1;
  return value > kMaxRepeat ? kMaxRepeat + 1 : value;
}

}  // namespace

std::string PrefilterRegex(std::string_view regex) {
  std::string out;
  out.reserve(regex.size());
  size_t i = 0;
  while (i < regex.size()) {
    const char c = regex[i];
    if (c == '\\' && i + 1 < regex.size()) {
      if (regex[i + 1] == 'Q') {  // a literal up to \E (or the end)
        const size_t end = regex.find("\\E", i + 2);
        const size_t stop = end == std::string_view::npos ? regex.size() : end + 2;
        out.append(regex.substr(i, stop - i));
        i = stop;
        continue;
      }
      out.append(regex.substr(i, 2));
      i += 2;
      continue;
    }
    if (c == '[') {  // a class: `]` first is a member, `\]` is escaped, `[:alpha:]` nests
      size_t j = i + 1;
      if (j < regex.size() && regex[j] == '^') ++j;
      if (j < regex.size() && regex[j] == ']') ++j;
      while (j < regex.size() && regex[j] != ']') {
        if (regex[j] == '\\') {
          j += 2;
        } else if (regex[j] == '[' && j + 1 < regex.size() && regex[j + 1] == ':') {
          const size_t close = regex.find(":]", j + 2);
          j = close == std::string_view::npos ? regex.size() : close + 2;
        } else {
          ++j;
        }
      }
      const size_t stop = j < regex.size() ? j + 1 : regex.size();
      out.append(regex.substr(i, stop - i));
      i = stop;
      continue;
    }
    if (c == '{') {
      size_t j = i + 1;
      const int low = ReadNumber(regex, &j);
      if (low >= 0 && low <= kMaxRepeat && j < regex.size() && regex[j] == ',') {
        size_t k = j + 1;
        const int high = ReadNumber(regex, &k);
        if (high >= low && high <= kMaxRepeat && k < regex.size() && regex[k] == '}') {
          out.append(regex.substr(i, j + 1 - i));  // "{n,"
          out.push_back('}');
          i = k + 1;
          continue;
        }
      }
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

}  // namespace dossier
