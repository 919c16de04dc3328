#include "pipeline/find/pattern_pack.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>

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

}  // namespace

std::string_view PatternMatch::Group(std::string_view name) const {
  if (pattern == nullptr) return {};
  auto it = pattern->groups.find(std::string(name));
  if (it == pattern->groups.end() || it->second >= static_cast<int>(submatches.size())) return {};
  return submatches[it->second];
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
    for (const auto& [name, index] : pattern.re->NamedCapturingGroups()) pattern.groups[name] = index;
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

void PatternPack::Scan(std::string_view text, std::vector<PatternMatch>* out) const {
  std::vector<int> hits;
  std::vector<re2::StringPiece> subs;
  size_t para_begin = 0;
  while (para_begin < text.size()) {
    size_t para_end = text.find("\n\n", para_begin);
    if (para_end == std::string_view::npos) para_end = text.size();
    hits.clear();
    if (set_->Match(text.substr(para_begin, para_end - para_begin), &hits)) {
      std::sort(hits.begin(), hits.end());
      for (int index : hits) {
        const Pattern& pattern = patterns_[static_cast<size_t>(index)];
        const int n = pattern.re->NumberOfCapturingGroups() + 1;
        subs.assign(static_cast<size_t>(n), re2::StringPiece());
        size_t pos = para_begin;
        // RE2 sees the whole text as context, so \b and lookaround-free
        // anchors behave at paragraph edges as they would in the document.
        while (pos <= para_end &&
               pattern.re->Match(text, pos, para_end, RE2::UNANCHORED, subs.data(), n)) {
          PatternMatch m;
          m.pattern = &pattern;
          m.begin = static_cast<size_t>(subs[0].data() - text.data());
          m.end = m.begin + subs[0].size();
          m.submatches.reserve(subs.size());
          for (const re2::StringPiece& sub : subs) {
            m.submatches.emplace_back(sub.data(), sub.size());
          }
          out->push_back(std::move(m));
          pos = subs[0].empty() ? m.begin + 1 : m.begin + subs[0].size();
        }
      }
    }
    para_begin = para_end + 2;
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
