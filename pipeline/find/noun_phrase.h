// NounPhraseReader: reads the noun phrase a figure counts, right after it
// ("71,000 [asylum seekers] were returned", "816 [publicly reported cases]
// of kidnapping", "seven [ports of entry]").
//
// A small, general reader rather than a parser: words are read left to right
// (adverbs, participles, adjectives, acronyms and noun modifiers) until the
// head, the first plural noun or listed count noun; a stop word (function
// words, auxiliaries, relative words), punctuation, a number or a paragraph
// break ends the phrase without a head, and then there is none. Its word
// lists come from the statistic pack's `lists`, so an analyst can teach it
// a new count noun or stop word without touching C++.
//
// Example:
//   NounPhraseReader reader(pack);
//   std::optional<TextRange> np = reader.Read(text, end_of_figure);
//   // text.substr(np->begin, np->end - np->begin) == "asylum seekers"
#ifndef DOSSIER_PIPELINE_FIND_NOUN_PHRASE_H_
#define DOSSIER_PIPELINE_FIND_NOUN_PHRASE_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "pipeline/core/document.h"
#include "pipeline/find/pattern_pack.h"

namespace dossier {

// One word of running text: [begin, end) and its ASCII-lower-cased form.
struct Word {
  size_t begin = 0, end = 0;
  std::string lower;
  bool capitalized = false;  // "Border", not "MPP"
  bool acronym = false;      // "MPP", "U.S."
};

class NounPhraseReader {
 public:
  // Reads the lists np_stop_words, count_nouns, not_plural, compound_nouns,
  // np_determiners, title_name_plurals, plural_modifiers and share_verbs of
  // `pack`.
  explicit NounPhraseReader(const PatternPack& pack);

  // Returns the counted noun phrase that starts after spaces at `pos`, or
  // nullopt when the next words do not end in a head noun. Reads at most a
  // few words: linear in nothing but the phrase.
  std::optional<TextRange> Read(std::string_view text, size_t pos) const;

  // Returns the noun phrase a share is of ("13 percent of [the detained
  // population]"): as Read, else, since a share may be of something
  // singular, the words up to a stop word, punctuation or the end, headed
  // by the last, lower-case one. Nullopt when the words run on past a few.
  std::optional<TextRange> ReadShare(std::string_view text, size_t pos) const;

  // Returns the word that starts after spaces (not a paragraph break) at
  // `pos`, or nullopt when punctuation, a digit or the end comes first.
  static std::optional<Word> NextWord(std::string_view text, size_t pos);

  // Returns true when `lower` is one of the pack's stop words.
  bool IsStopWord(std::string_view lower) const { return stop_words_.contains(std::string(lower)); }
  // Returns true when `lower` may head a counted phrase (a plural or count noun).
  bool IsHead(std::string_view lower) const;
  // Returns true when `lower` is one of the pack's count_nouns ("people").
  bool IsCountNoun(std::string_view lower) const { return count_nouns_.contains(std::string(lower)); }
  // Returns the end of the determiners ("the", "all of the") that start at
  // `pos` (after spaces), or `pos` when there are none.
  size_t SkipDeterminers(std::string_view text, size_t pos) const;

 private:
  // Returns the end of a listed compound noun starting at `pos`, or npos.
  size_t CompoundAt(std::string_view text, size_t pos) const;

  // Returns true when capitalized `lower` names a people ("haitians").
  bool IsDemonym(std::string_view lower) const;

  // Returns true when capitalized plural `w` heads a phrase because its
  // line is a title-case headline ("Heat Kills 12 Border Crossers in One
  // Week"), not part of a name ("6 United States Department of ...").
  bool TitleCaseHead(std::string_view text, const Word& w) const;

  std::unordered_set<std::string> stop_words_, count_nouns_, not_plural_, title_name_plurals_, plural_modifiers_,
      share_verbs_;
  std::vector<std::string> demonym_endings_;
  std::vector<std::string> compounds_;    // lower-cased, longest first
  std::vector<std::string> determiners_;  // lower-cased, longest first
};

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_FIND_NOUN_PHRASE_H_
