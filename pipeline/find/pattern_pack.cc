#include "pipeline/find/pattern_pack.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <unordered_map>
#include <cctype>
#include <iterator>
#include <map>
#include <mutex>
#include <re2/set.h>
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

namespace {

// Mixes the length and the first and last two bytes: finders look group
// names up on every match, and names of one pattern differ at their ends
// ("a_year", "b_month"); a hashing loop over every byte cost more than the
// rest of the look-up. Collisions only cost a probe.
uint64_t NameHash(std::string_view name) {
  const size_t n = name.size();
  if (n == 0) return 0;
  auto byte = [&](size_t i) { return static_cast<uint64_t>(static_cast<unsigned char>(name[i])); };
  const uint64_t key = n | byte(0) << 8 | byte(n > 1 ? 1 : 0) << 16 | byte(n - 1) << 24 | byte(n > 1 ? n - 2 : 0) << 32;
  return (key * 0x9E3779B97F4A7C15ull) >> 20;
}

size_t CountOf(std::string_view text, std::string_view needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

const CompiledPattern& Pattern::Compile() const {
  std::call_once(lazy->once, [this] {
    CompiledPattern& c = lazy->value;
    // The syntax was checked at parse time; a regex that still fails (RE2's
    // memory bound) has ok() false and matches nothing.
    c.re = std::make_unique<RE2>(source, PackOptions());
    c.captures = c.re->NumberOfCapturingGroups();
    c.memo = c.re->ProgramSize() > kBitStateMaxInstructions;
    std::map<std::string, std::vector<int>, std::less<>> groups;
    for (const auto& [name, index] : c.re->NamedCapturingGroups()) groups[BaseGroupName(name)].push_back(index);
    for (auto& [name, indexes] : groups) std::sort(indexes.begin(), indexes.end());
    if (auto it = groups.find("ahead"); it != groups.end()) c.ahead = it->second[0];
    c.groups = GroupTable(groups);
    lazy->ready.store(&c, std::memory_order_release);
  });
  return lazy->value;
}

GroupTable::GroupTable(const std::map<std::string, std::vector<int>, std::less<>>& groups) {
  size_t size = 4;
  while (size < 2 * groups.size()) size *= 2;
  slots_.resize(size);
  for (const auto& [name, indexes] : groups) {
    const uint64_t h = NameHash(name);
    size_t i = h & (size - 1);
    while (!slots_[i].name.empty()) i = (i + 1) & (size - 1);
    slots_[i] = {h, name, indexes};
  }
}

const std::vector<int>* GroupTable::Find(std::string_view name) const {
  if (slots_.empty() || name.empty()) return nullptr;
  const uint64_t h = NameHash(name);
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.name.empty()) return nullptr;
    if (slot.hash == h && slot.name == name) return &slot.indexes;
  }
}

Result<PatternPack> PatternPack::Parse(std::string_view json_text, std::string_view origin, SyntaxCheck syntax) {
  const std::string where(origin);
  json doc = json::parse(json_text, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
  if (doc.is_discarded() || !doc.is_object()) return InvalidInput(where + ": not a JSON object");
  PatternPack pack;
  pack.tested_ = syntax == SyntaxCheck::kTested;
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
    if (p.contains("prefilter")) {
      Result<std::string> prefilter = Expand(RegexText(p["prefilter"]), pack.fragments_, 0);
      if (!prefilter.ok()) return InvalidInput(where + ": " + pattern.id + ": prefilter: " + prefilter.status().message());
      pattern.prefilter = std::move(*prefilter);
    }
    // Parsing alone (what a set does when a regex is added) finds syntax
    // errors; compiling waits for the first text that needs the pattern.
    // The scanner parses what its first pass looks for (the prefilter when
    // there is one), so with kLater only a prefiltered regex is checked here.
    auto parses = [](const std::string& regex, std::string* error) {
      RE2::Set check(PackOptions(), RE2::UNANCHORED);
      return check.Add(regex, error) >= 0;
    };
    std::string error;
    if ((syntax == SyntaxCheck::kNow || (syntax == SyntaxCheck::kLater && !pattern.prefilter.empty())) &&
        !parses(pattern.source, &error)) {
      return InvalidInput(where + ": " + pattern.id + ": " + error);
    }
    if (syntax == SyntaxCheck::kNow && !pattern.prefilter.empty() && !parses(pattern.prefilter, &error)) {
      return InvalidInput(where + ": " + pattern.id + ": prefilter: " + error);
    }
    if (CountOf(pattern.source, "(?P<ahead>") + CountOf(pattern.source, "(?P<ahead__") > 1) {
      return InvalidInput(where + ": " + pattern.id + ": more than one `ahead` group");
    }
    static std::atomic<uint64_t> next_serial{1};
    pattern.serial = next_serial++;
    pattern.digit_blind = DigitBlind(pattern.source);
    pack.patterns_.push_back(std::move(pattern));
  }
  return pack;
}

std::vector<std::string> ExampleTexts(const PatternPack& pack) {
  std::vector<std::string> texts;
  for (const Pattern& pattern : pack.patterns()) {
    for (const json* list : {&pattern.examples, &pattern.counterexamples}) {
      if (!list->is_array()) continue;
      for (const json& e : *list) {
        if (e.is_string()) texts.push_back(e.get<std::string>());
        else if (e.is_object() && e.contains("text") && e["text"].is_string()) texts.push_back(e["text"].get<std::string>());
      }
    }
  }
  return texts;
}

std::vector<std::string> PrefilterMisses(const PatternPack& pack, const std::vector<std::string>& texts) {
  std::vector<std::string> misses;
  for (const Pattern& pattern : pack.patterns()) {
    if (pattern.prefilter.empty()) continue;
    const RE2 prefilter(pattern.prefilter, PackOptions());
    const RE2& whole = *pattern.compiled().re;
    if (!prefilter.ok() || !whole.ok()) continue;  // syntax is reported elsewhere
    for (const std::string& text : texts) {
      re2::StringPiece m;
      for (size_t pos = 0; pos <= text.size() && whole.Match(text, pos, text.size(), RE2::UNANCHORED, &m, 1);) {
        const size_t begin = static_cast<size_t>(m.data() - text.data()), end = begin + m.size();
        if (!prefilter.Match(text, begin, end, RE2::UNANCHORED, nullptr, 0)) {
          misses.push_back(pack.kind() + " pack: " + pattern.id + ": its prefilter is not in its match \"" +
                           std::string(m.data(), m.size()) + "\"");
        }
        pos = end > begin ? end : begin + 1;
      }
    }
  }
  return misses;
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

}  // namespace dossier
