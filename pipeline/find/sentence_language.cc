#include "pipeline/find/sentence_language.h"

#include "pipeline/core/text_util.h"

namespace dossier {

namespace {

// Bytes of multi-byte UTF-8 sequences count as letters ("más", "según").
bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace

SentenceLanguage::SentenceLanguage(const nlohmann::json& cues) {
  if (!cues.is_object()) return;
  for (const auto& [code, words] : cues.items()) {
    if (code.starts_with("//") || !words.is_array()) continue;
    const size_t index = languages_.size();
    languages_.push_back(code);
    for (const auto& w : words) {
      if (w.is_string()) cue_language_.emplace(AsciiLower(w.get<std::string>()), index);
    }
  }
}

std::string_view SentenceLanguage::Of(std::string_view text, std::string_view fallback) const {
  if (languages_.empty()) return fallback;
  if (text.size() > kMaxBytes) text = text.substr(0, kMaxBytes);
  std::vector<int> votes(languages_.size(), 0);
  std::string word;  // reused: no allocation per word once it has grown
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsWordByte(text[i])) ++i;
    const size_t begin = i;
    while (i < text.size() && IsWordByte(text[i])) ++i;
    if (i == begin || i - begin > 12) continue;  // cue words are short
    word.assign(text.substr(begin, i - begin));
    for (char& c : word) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    if (auto it = cue_language_.find(word); it != cue_language_.end()) {
      // A clear lead settles it: most sentences need only their first words.
      if (++votes[it->second] >= kDecisiveVotes) {
        int others = 0;
        for (size_t k = 0; k < votes.size(); ++k) others += k == it->second ? 0 : votes[k];
        if (others == 0) return languages_[it->second];
      }
    }
  }
  size_t best = 0;
  bool tie = false;
  for (size_t k = 1; k < votes.size(); ++k) {
    if (votes[k] > votes[best]) {
      best = k;
      tie = false;
    } else if (votes[k] == votes[best]) {
      tie = true;
    }
  }
  if (tie || votes[best] == 0) return fallback;
  return languages_[best];
}

}  // namespace dossier
