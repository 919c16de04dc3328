#include "pipeline/find/pattern_pack.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <unordered_map>
#include <cctype>
#include <iterator>
#include <map>
#include <vector>
#include <string>

namespace dossier {

using nlohmann::json;

namespace {

RE2::Options PackOptions() {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_log_errors(false);
  o.set_max_mem(64 << 20);  // instrument and reporter alternations are large
  return o;
}

bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Replaces every `$name` in `regex` with `(?:fragment)`, recursively.
Result<std::string> Expand(std::string_view regex,
                           const std::map<std::string, std::string, std::less<>>& fragments,
                           int depth) {
  if (depth > 16) return InvalidInput("fragments nest too deeply (a cycle?)");
  std::string out;
  out.reserve(regex.size());
  for (size_t i = 0; i < regex.size(); ++i) {
    const char c = regex[i];
    if (c == '\\' && i + 1 < regex.size()) {  // keep escapes, including "\$"
      out += regex.substr(i, 2);
      ++i;
      continue;
    }
    if (c != '$' || i + 1 >= regex.size() || !IsNameChar(regex[i + 1])) {
      out += c;
      continue;
    }
    size_t j = i + 1;
    while (j < regex.size() && IsNameChar(regex[j])) ++j;
    std::string_view name = regex.substr(i + 1, j - i - 1);
    auto it = fragments.find(name);
    if (it == fragments.end()) return InvalidInput("unknown fragment $" + std::string(name));
    Result<std::string> inner = Expand(it->second, fragments, depth + 1);
    if (!inner.ok()) return inner.status();
    out += "(?:" + *inner + ")";
    i = j - 1;
  }
  return out;
}

// A regex in a pack file may be one string or an array of strings joined
// (long alternations read better as lines).
std::string RegexText(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  std::string joined;
  if (value.is_array()) {
    for (const json& part : value) {
      if (part.is_string()) joined += part.get<std::string>();
    }
  }
  return joined;
}

// RE2 reads submatches with its fast backtracker only in programs of at
// most this many instructions, and with its NFA above.
constexpr int kBitStateMaxInstructions = 512;

// Returns true when `regex` treats all digits alike: it names no digit
// outside repetition counts, hex escapes and group names (\d, \w, \b and
// [[:digit:]] do not tell digits apart).
bool DigitBlind(std::string_view regex) {
  for (size_t i = 0; i < regex.size(); ++i) {
    const char c = regex[i];
    if (c == '\\' && i + 1 < regex.size()) {
      const char e = regex[i + 1];
      if (e == 'x' && i + 2 < regex.size() && regex[i + 2] == '{') {
        i = regex.find('}', i);  // \x{10FFFF}
        if (i == std::string_view::npos) return false;
      } else if (e == 'x') {
        i += 3;  // \x80
      } else if (e >= '0' && e <= '9') {
        return false;  // an octal escape
      } else {
        ++i;
      }
      continue;
    }
    if (c == '{') {  // a repetition count {1,3}; else a literal brace
      const size_t close = regex.find('}', i);
      if (close != std::string_view::npos &&
          regex.substr(i + 1, close - i - 1).find_first_not_of("0123456789,") == std::string_view::npos) {
        i = close;
      }
      continue;
    }
    if (c == '(' && regex.substr(i, 3) == "(?P") {  // a group name
      const size_t close = regex.find('>', i);
      if (close == std::string_view::npos) return false;
      i = close;
      continue;
    }
    if (c >= '0' && c <= '9') return false;
  }
  return true;
}

// Returns `name` without a trailing "__<digits>" (repeated group names).
std::string BaseGroupName(const std::string& name) {
  const size_t cut = name.rfind("__");
  if (cut == std::string::npos || cut == 0 || cut + 2 == name.size()) return name;
  for (size_t i = cut + 2; i < name.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(name[i]))) return name;
  }
  return name.substr(0, cut);
}

}  // namespace

std::string_view PatternMatch::Group(std::string_view name) const {
  if (pattern == nullptr) return {};
  auto it = pattern->groups.find(name);
  if (it == pattern->groups.end()) return {};
  for (int index : it->second) {
    if (index < static_cast<int>(submatches.size()) && submatches[static_cast<size_t>(index)].data() != nullptr) {
      return submatches[static_cast<size_t>(index)];
    }
  }
  return {};
}

size_t PatternMatch::GroupBegin(std::string_view name, std::string_view text) const {
  std::string_view g = Group(name);
  if (g.data() == nullptr) return std::string_view::npos;
  return static_cast<size_t>(g.data() - text.data());
}

Result<PatternPack> PatternPack::Parse(std::string_view json_text, std::string_view origin) {
  const std::string where(origin);
  json doc = json::parse(json_text, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
  if (doc.is_discarded() || !doc.is_object()) return InvalidInput(where + ": not a JSON object");
  PatternPack pack;
  pack.kind_ = doc.value("kind", "");
  pack.version_ = doc.value("version", "");
  if (pack.kind_.empty() || pack.version_.empty()) {
    return InvalidInput(where + ": `kind` and `version` are required");
  }
  if (doc.contains("fragments")) {
    for (const auto& [name, value] : doc["fragments"].items()) {
      if (name.starts_with("//")) continue;  // comment keys
      pack.fragments_[name] = RegexText(value);
    }
  }
  pack.lists_ = doc.value("lists", json::object());
  pack.set_ = std::make_unique<RE2::Set>(PackOptions(), RE2::UNANCHORED);
  const json patterns = doc.value("patterns", json::array());
  for (const json& p : patterns) {
    Pattern pattern;
    pattern.id = p.value("id", "");
    if (pattern.id.empty()) return InvalidInput(where + ": a pattern has no id");
    for (const Pattern& other : pack.patterns_) {
      if (other.id == pattern.id) return InvalidInput(where + ": duplicate pattern id " + pattern.id);
    }
    pattern.resolve = p.value("resolve", "");
    pattern.priority = p.value("priority", 0);
    pattern.examples = p.value("examples", json::array());
    pattern.counterexamples = p.value("counterexamples", json::array());
    pattern.options = p.value("options", json::object());
    Result<std::string> expanded = Expand(RegexText(p.value("regex", json())), pack.fragments_, 0);
    if (!expanded.ok()) return InvalidInput(where + ": " + pattern.id + ": " + expanded.status().message());
    pattern.source = std::move(*expanded);
    pattern.re = std::make_unique<RE2>(pattern.source, PackOptions());
    if (!pattern.re->ok()) {
      return InvalidInput(where + ": " + pattern.id + ": " + pattern.re->error());
    }
    static std::atomic<uint64_t> next_serial{1};
    pattern.serial = next_serial++;
    pattern.digit_blind = DigitBlind(pattern.source);
    pattern.memo = pattern.re->ProgramSize() > kBitStateMaxInstructions;
    for (const auto& [name, index] : pattern.re->NamedCapturingGroups()) {
      pattern.groups[BaseGroupName(name)].push_back(index);
    }
    for (auto& [name, indexes] : pattern.groups) std::sort(indexes.begin(), indexes.end());
    if (auto it = pattern.groups.find("ahead"); it != pattern.groups.end()) {
      if (it->second.size() != 1) return InvalidInput(where + ": " + pattern.id + ": more than one `ahead` group");
      pattern.ahead = it->second[0];
    }
    std::string set_error;
    if (pack.set_->Add(pattern.source, &set_error) < 0) {
      return InvalidInput(where + ": " + pattern.id + ": " + set_error);
    }
    pack.patterns_.push_back(std::move(pattern));
  }
  if (!pack.set_->Compile()) return InvalidInput(where + ": the pattern set does not compile");
  return pack;
}

const json& PatternPack::list(std::string_view name) const {
  static const json kNull;
  auto it = lists_.find(std::string(name));
  return it == lists_.end() ? kNull : *it;
}

std::string PatternPack::fragment(std::string_view name) const {
  auto it = fragments_.find(name);
  if (it == fragments_.end()) return "";
  Result<std::string> expanded = Expand(it->second, fragments_, 0);
  return expanded.ok() ? *expanded : "";
}

namespace {

// Paragraphs are grouped into blocks of at least this many bytes for the
// RE2::Set prefilter: a Set::Match call costs about as much as scanning a
// few hundred bytes, and news paragraphs are about that long.
constexpr size_t kBlockBytes = 1024;

struct Paragraph {
  size_t begin, end;
};

// Returns the paragraphs of `text`: the ranges between "\n\n" breaks.
std::vector<Paragraph> Paragraphs(std::string_view text) {
  std::vector<Paragraph> out;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find("\n\n", begin);
    if (end == std::string_view::npos) end = text.size();
    out.push_back({begin, end});
    begin = end + 2;
  }
  return out;
}

// Submatches of one match as offsets from its start (-1: did not take part).
using Offsets = std::vector<int32_t>;

// Returns the key under which the submatches of text[begin, end) are
// remembered: the pattern's serial, the match with one byte of context each
// side (\b looks there) and, for a digit-blind pattern, every digit made '0'.
void MemoKey(const Pattern& pattern, std::string_view text, size_t begin, size_t end, std::string* key) {
  key->assign(reinterpret_cast<const char*>(&pattern.serial), sizeof pattern.serial);
  const size_t from = begin > 0 ? begin - 1 : begin;
  const size_t to = std::min(end + 1, text.size());
  key->push_back(begin > 0 ? '\1' : '\0');  // whether there is a byte before
  for (size_t i = from; i < to; ++i) {
    const char c = text[i];
    key->push_back(pattern.digit_blind && c >= '0' && c <= '9' ? '0' : c);
  }
  key->push_back(to > end ? '\1' : '\0');
}

// Fills `subs` with the submatches of the match text[begin, end) of
// `pattern`. The automaton that finds submatches is slow on large patterns
// (RE2 runs its NFA above 512 instructions), while the same few shapes of
// match recur ("12 people", "$5 million"): each thread remembers them.
void Submatches(const Pattern& pattern, std::string_view text, size_t begin, size_t end, int n,
                std::vector<re2::StringPiece>* subs) {
  if (!pattern.memo) {
    pattern.re->Match(text, begin, end, RE2::ANCHOR_BOTH, subs->data(), n);
    return;
  }
  thread_local std::unordered_map<std::string, Offsets> memo;
  thread_local std::string key;
  MemoKey(pattern, text, begin, end, &key);
  auto it = memo.find(key);
  if (it == memo.end()) {
    if (!pattern.re->Match(text, begin, end, RE2::ANCHOR_BOTH, subs->data(), n)) return;
    Offsets offsets(static_cast<size_t>(2 * n), -1);
    for (size_t g = 0; g < static_cast<size_t>(n); ++g) {
      if ((*subs)[g].data() == nullptr) continue;
      offsets[2 * g] = static_cast<int32_t>((*subs)[g].data() - (text.data() + begin));
      offsets[2 * g + 1] = static_cast<int32_t>((*subs)[g].size());
    }
    if (memo.size() >= 16384) memo.clear();  // a bound, not an eviction policy
    memo.emplace(key, std::move(offsets));
    return;
  }
  const Offsets& offsets = it->second;
  for (size_t g = 0; g < static_cast<size_t>(n); ++g) {
    (*subs)[g] = offsets[2 * g] < 0 ? re2::StringPiece()
                                    : re2::StringPiece(text.data() + begin + offsets[2 * g],
                                                       static_cast<size_t>(offsets[2 * g + 1]));
  }
}

// Appends the matches of `pattern` in paragraphs first..last of `text` to
// `out` and their paragraph indexes to `para_of`. One search runs over the
// whole block; a match that would run over a paragraph break is searched
// again inside its own paragraph, so the result is that of a search per
// paragraph. Searches find the match's extent only (RE2's DFAs); its
// submatches are read once it is known.
void ScanPattern(const Pattern& pattern, std::string_view text, const std::vector<Paragraph>& paras, size_t first,
                 size_t last, std::vector<re2::StringPiece>* subs, std::vector<PatternMatch>* out,
                 std::vector<size_t>* para_of) {
  const int n = pattern.re->NumberOfCapturingGroups() + 1;
  subs->assign(static_cast<size_t>(n), re2::StringPiece());
  const size_t block_end = paras[last].end;
  re2::StringPiece whole;
  // RE2 sees the whole text as context, so \b and lookaround-free anchors
  // behave at paragraph edges as they would in the document.
  auto search = [&](size_t from, size_t to) {
    return from <= to && pattern.re->Match(text, from, to, RE2::UNANCHORED, &whole, 1);
  };
  auto begin_of = [&]() { return static_cast<size_t>(whole.data() - text.data()); };
  size_t i = first;
  size_t pos = paras[first].begin;
  while (search(pos, block_end)) {
    size_t begin = begin_of();
    while (i <= last && begin > paras[i].end) ++i;
    if (i > last) return;
    if (begin < paras[i].begin) {  // starts in a break
      pos = paras[i].begin;
      continue;
    }
    if (begin + whole.size() > paras[i].end) {
      if (!search(std::max(pos, paras[i].begin), paras[i].end)) {
        if (++i > last) return;
        pos = paras[i].begin;
        continue;
      }
      begin = begin_of();
    }
    Submatches(pattern, text, begin, begin + whole.size(), n, subs);
    size_t end = begin + whole.size();
    if (pattern.ahead >= 0 && (*subs)[static_cast<size_t>(pattern.ahead)].data() != nullptr) {
      end = static_cast<size_t>((*subs)[static_cast<size_t>(pattern.ahead)].data() - text.data());
    }
    PatternMatch m;
    m.pattern = &pattern;
    m.begin = begin;
    m.end = end;
    m.submatches.reserve(subs->size());
    m.submatches.emplace_back(text.data() + begin, end - begin);
    for (size_t g = 1; g < subs->size(); ++g) m.submatches.emplace_back((*subs)[g].data(), (*subs)[g].size());
    out->push_back(std::move(m));
    para_of->push_back(i);
    pos = end == begin ? begin + 1 : end;
  }
}

}  // namespace

void PatternPack::Scan(std::string_view text, std::vector<PatternMatch>* out) const {
  const std::vector<Paragraph> paras = Paragraphs(text);
  std::vector<int> hits;
  std::vector<re2::StringPiece> subs;
  std::vector<size_t> para_of;
  std::vector<size_t> order;
  const bool single = patterns_.size() == 1;  // the set would only repeat the scan
  size_t first = 0;
  while (first < paras.size()) {
    size_t last = first;
    if (single) {
      last = paras.size() - 1;
    } else {
      while (last + 1 < paras.size() && paras[last].end - paras[first].begin < kBlockBytes) ++last;
    }
    hits.clear();
    if (single) {
      hits.push_back(0);
    } else {
      const size_t begin = paras[first].begin;
      if (!set_->Match(text.substr(begin, paras[last].end - begin), &hits)) hits.clear();
      std::sort(hits.begin(), hits.end());
    }
    const size_t base = out->size();
    para_of.clear();
    for (int index : hits) {
      ScanPattern(patterns_[static_cast<size_t>(index)], text, paras, first, last, &subs, out, &para_of);
    }
    // Matches come pattern by pattern; order them by paragraph, then pattern.
    if (hits.size() > 1 && !std::is_sorted(para_of.begin(), para_of.end())) {
      order.resize(para_of.size());
      for (size_t k = 0; k < order.size(); ++k) order[k] = k;
      std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return para_of[a] < para_of[b]; });
      std::vector<PatternMatch> block;
      block.reserve(order.size());
      for (size_t k : order) block.push_back(std::move((*out)[base + k]));
      std::move(block.begin(), block.end(), out->begin() + static_cast<std::ptrdiff_t>(base));
    }
    first = last + 1;
  }
}

std::vector<PatternMatch> SelectLongest(std::vector<PatternMatch> matches) {
  std::sort(matches.begin(), matches.end(), [](const PatternMatch& a, const PatternMatch& b) {
    const size_t la = a.end - a.begin, lb = b.end - b.begin;
    if (la != lb) return la > lb;
    if (a.pattern->priority != b.pattern->priority) return a.pattern->priority > b.pattern->priority;
    return a.begin < b.begin;
  });
  // Kept intervals by start: a clash check is two neighbour look-ups, so
  // selection stays O(n log n) however many matches a text produces.
  std::map<size_t, size_t> taken;
  std::vector<PatternMatch> kept;
  for (PatternMatch& m : matches) {
    auto next = taken.lower_bound(m.begin);
    if (next != taken.end() && next->first < m.end) continue;
    if (next != taken.begin() && std::prev(next)->second > m.begin) continue;
    if (m.end == m.begin) continue;
    taken.emplace(m.begin, m.end);
    kept.push_back(std::move(m));
  }
  std::sort(kept.begin(), kept.end(),
            [](const PatternMatch& a, const PatternMatch& b) { return a.begin < b.begin; });
  return kept;
}

}  // namespace dossier
