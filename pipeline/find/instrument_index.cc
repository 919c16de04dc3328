#include "pipeline/find/instrument_index.h"

#include <cctype>

namespace dossier {

using nlohmann::json;

namespace {

// Returns true for the four ASCII digits of a year followed by a space.
bool StartsWithYear(std::string_view key) {
  if (key.size() < 6 || key[4] != ' ') return false;
  for (size_t i = 0; i < 4; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(key[i]))) return false;
  }
  return true;
}

}  // namespace

InstrumentIndex::InstrumentIndex(const json& list) {
  if (!list.is_array()) return;
  for (const json& entry : list) {
    if (!entry.is_object() || !entry.contains("name") || !entry["name"].is_string()) continue;
    Instrument in;
    in.name = entry["name"].get<std::string>();
    in.type = entry.value("type", "act");
    for (const char* field : {"aliases", "abbreviations"}) {
      if (!entry.contains(field) || !entry[field].is_array()) continue;
      for (const json& a : entry[field]) {
        if (!a.is_string()) continue;
        (std::string_view(field) == "aliases" ? in.aliases : in.abbreviations).push_back(a.get<std::string>());
      }
    }
    const size_t index = instruments_.size();
    by_key_.emplace(Key(in.name), index);
    for (const std::string& a : in.aliases) by_key_.emplace(Key(a), index);
    for (const std::string& a : in.abbreviations) by_abbreviation_.emplace(a, index);
    instruments_.push_back(std::move(in));
  }
}

std::string InstrumentIndex::Key(std::string_view text) {
  std::string key;
  key.reserve(text.size());
  bool space = false;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == ',' || c == '\'' || c == '\\' || c == '[' || c == ']' || c == '"') continue;
    if (std::isspace(u) || c == '-') {
      space = !key.empty();
      continue;
    }
    if (space) key += ' ';
    space = false;
    key += static_cast<char>(std::tolower(u));
  }
  if (key.starts_with("the ")) key.erase(0, 4);
  return key;
}

const Instrument* InstrumentIndex::Find(std::string_view text) const {
  if (const Instrument* abbr = FindAbbreviation(text)) return abbr;
  std::string key = Key(text);
  auto it = by_key_.find(key);
  if (it == by_key_.end() && StartsWithYear(key)) it = by_key_.find(std::string_view(key).substr(5));
  return it == by_key_.end() ? nullptr : &instruments_[it->second];
}

const Instrument* InstrumentIndex::FindAbbreviation(std::string_view abbr) const {
  auto it = by_abbreviation_.find(abbr);
  return it == by_abbreviation_.end() ? nullptr : &instruments_[it->second];
}

}  // namespace dossier
