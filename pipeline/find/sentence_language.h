// SentenceLanguage: which of a few languages a stretch of text is written
// in, told by its function words ("the", "of", "was" against "el", "de",
// "fue"), so that the statistic finder can read a number the way its
// sentence writes numbers: in a Spanish sentence `5.000` is five thousand
// and `72,5%` a decimal; in an English one `5.000` is five.
//
// The cue words are the statistic pack's `language_cues` list (an object of
// language code -> words): an analyst can add a language or a word without
// touching C++. A bilingual document is read sentence by sentence.
//
// Example:
//   SentenceLanguage lang(pack.list("language_cues"));
//   lang.Of("la oficina tenía más de 5.000 personas", "en");  // "es"
#ifndef DOSSIER_PIPELINE_FIND_SENTENCE_LANGUAGE_H_
#define DOSSIER_PIPELINE_FIND_SENTENCE_LANGUAGE_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

namespace dossier {

class SentenceLanguage {
 public:
  // Reads `cues`: {"en": ["the", ...], "es": ["el", ...]}.
  explicit SentenceLanguage(const nlohmann::json& cues);

  // Returns the code of the language whose cue words occur most often in
  // `text` (at most its first kMaxBytes bytes are read; reading stops once
  // kDecisiveVotes cues of one language and none of another are seen), or
  // `fallback` when no language leads.
  std::string_view Of(std::string_view text, std::string_view fallback) const;

  static constexpr size_t kMaxBytes = 2048;
  static constexpr int kDecisiveVotes = 4;  // and none for another language

 private:
  std::vector<std::string> languages_;
  std::unordered_map<std::string, size_t> cue_language_;  // word -> index in languages_
};

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_FIND_SENTENCE_LANGUAGE_H_
