#include "pipeline/find/noun_phrase.h"
#include "pipeline/core/text_util.h"

#include <algorithm>

namespace dossier {

namespace {

constexpr int kMaxWords = 6;  // "816 publicly reported violent kidnapping cases"

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
// Bytes of multi-byte UTF-8 sequences count as letters: "Juárez", "niños".
bool IsLetter(char c) { return IsUpper(c) || IsLower(c) || static_cast<unsigned char>(c) >= 0x80; }
char Lower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

std::vector<std::string> StringsOf(const nlohmann::json& list) {
  std::vector<std::string> out;
  if (!list.is_array()) return out;
  for (const auto& item : list) {
    if (item.is_string()) out.push_back(AsciiLower(item.get<std::string>()));
  }
  return out;
}

void LongestFirst(std::vector<std::string>& v) {
  std::stable_sort(v.begin(), v.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

// Returns true when the line around `pos` is written in title case ("Heat
// Kills 12 Border Crossers in One Week"): every word of four letters or more
// capitalized, three at least. Capitals there mark no names.
bool TitleCaseLine(std::string_view text, size_t pos) {
  constexpr size_t kReach = 200;  // a headline is short; a longer line is prose
  size_t begin = pos, end = pos;
  while (begin > 0 && text[begin - 1] != '\n') {
    if (pos - begin > kReach) return false;
    --begin;
  }
  while (end < text.size() && text[end] != '\n') {
    if (end - pos > kReach) return false;
    ++end;
  }
  int capitalized = 0;
  for (size_t i = begin; i < end;) {
    if (!IsLetter(text[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < end && (IsLetter(text[j]) || text[j] == '-' || text[j] == '\'')) ++j;
    if (j - i >= 4) {
      if (!IsUpper(text[i])) return false;
      ++capitalized;
    }
    i = j;
  }
  return capitalized >= 3;
}

// Returns true for the plural of an acronym: capitals, at least two of them
// and at most one small letter among them, then "s" ("IDPs", "NGOs", "PoCs").
bool PluralAcronym(std::string_view w) {
  if (w.size() < 3 || w.back() != 's') return false;
  int upper = 0, lower = 0;
  for (char c : w.substr(0, w.size() - 1)) {
    if (IsUpper(c)) ++upper;
    else if (IsLower(c)) ++lower;
    else return false;
  }
  return upper >= 2 && lower <= 1 && IsUpper(w[0]);
}

// Returns the end of the spaces at `pos` (a paragraph break is not a space).
size_t SkipSpaces(std::string_view text, size_t pos) {
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t' ||
                               (text[pos] == '\n' && (pos + 1 >= text.size() || text[pos + 1] != '\n') &&
                                (pos == 0 || text[pos - 1] != '\n')))) {
    ++pos;
  }
  return pos;
}

// Returns true when text[pos..] starts with `lower` (compared without case)
// and the word ends there.
bool StartsWithWord(std::string_view text, size_t pos, std::string_view lower) {
  if (pos + lower.size() > text.size()) return false;
  for (size_t i = 0; i < lower.size(); ++i) {
    if (Lower(text[pos + i]) != lower[i]) return false;
  }
  const size_t end = pos + lower.size();
  return end == text.size() || !IsLetter(text[end]);
}

}  // namespace

NounPhraseReader::NounPhraseReader(const PatternPack& pack) {
  for (std::string& s : StringsOf(pack.list("np_stop_words"))) stop_words_.insert(std::move(s));
  for (std::string& s : StringsOf(pack.list("count_nouns"))) count_nouns_.insert(std::move(s));
  for (std::string& s : StringsOf(pack.list("not_plural"))) not_plural_.insert(std::move(s));
  for (std::string& s : StringsOf(pack.list("plural_modifiers"))) plural_modifiers_.insert(std::move(s));
  for (std::string& s : StringsOf(pack.list("title_name_plurals"))) title_name_plurals_.insert(std::move(s));
  for (std::string& s : StringsOf(pack.list("share_verbs"))) share_verbs_.insert(std::move(s));
  demonym_endings_ = StringsOf(pack.list("demonym_endings"));
  compounds_ = StringsOf(pack.list("compound_nouns"));
  determiners_ = StringsOf(pack.list("np_determiners"));
  LongestFirst(compounds_);
  LongestFirst(determiners_);
}

std::optional<Word> NounPhraseReader::NextWord(std::string_view text, size_t pos) {
  pos = SkipSpaces(text, pos);
  if (pos >= text.size() || !IsLetter(text[pos])) return std::nullopt;
  Word w;
  w.begin = pos;
  size_t i = pos;
  bool has_dot = false;
  while (i < text.size()) {
    const char c = text[i];
    if (IsLetter(c)) {
      ++i;
    } else if (c == '-' && i + 1 < text.size() && IsLetter(text[i + 1])) {
      ++i;  // asylum-seekers, non-Mexican
    } else if (c == '.' && IsUpper(text[i - 1]) &&
               ((i + 1 < text.size() && IsUpper(text[i + 1])) || has_dot)) {
      has_dot = true;  // U.S., U.N.
      ++i;
    } else {
      break;
    }
  }
  // "LGBTQI+": an acronym may end in a plus.
  if (i < text.size() && text[i] == '+' && i - pos >= 2 &&
      std::all_of(text.begin() + static_cast<std::ptrdiff_t>(pos), text.begin() + static_cast<std::ptrdiff_t>(i),
                  IsUpper)) {
    ++i;
  }
  w.end = i;
  const std::string_view s = text.substr(w.begin, w.end - w.begin);
  w.lower = AsciiLower(s);
  int upper = 0, lower = 0;
  for (char c : s) {
    upper += IsUpper(c);
    lower += IsLower(c);
  }
  w.acronym = upper >= 2 && lower == 0;
  w.capitalized = !w.acronym && IsUpper(s[0]);
  return w;
}

bool NounPhraseReader::IsHead(std::string_view lower) const {
  const std::string key(lower);
  if (count_nouns_.contains(key)) return true;
  if (lower.size() < 3 || lower.back() != 's' || not_plural_.contains(key)) return false;
  const std::string_view tail = lower.substr(lower.size() - 2);
  return tail != "ss" && tail != "us" && tail != "is";
}

size_t NounPhraseReader::CompoundAt(std::string_view text, size_t pos) const {
  for (const std::string& c : compounds_) {
    if (StartsWithWord(text, pos, c)) return pos + c.size();
  }
  return std::string_view::npos;
}

size_t NounPhraseReader::SkipDeterminers(std::string_view text, size_t pos) const {
  const size_t start = SkipSpaces(text, pos);
  for (const std::string& d : determiners_) {
    if (StartsWithWord(text, start, d)) return start + d.size();
  }
  return pos;
}

std::optional<TextRange> NounPhraseReader::Read(std::string_view text, size_t pos) const {
  size_t begin = std::string_view::npos;
  for (int n = 0; n < kMaxWords; ++n) {
    const size_t at = SkipSpaces(text, pos);
    if (n == 0 && at == pos && pos > 0 && text[pos - 1] != ' ' && IsLetter(text[pos - 1])) return std::nullopt;
    const size_t compound_end = CompoundAt(text, at);
    if (compound_end != std::string_view::npos) {
      if (begin == std::string_view::npos) begin = at;
      return TextRange{begin, compound_end};
    }
    std::optional<Word> w = NextWord(text, pos);
    if (!w) return std::nullopt;
    if (stop_words_.contains(w->lower)) return std::nullopt;
    if (begin == std::string_view::npos) begin = w->begin;
    pos = w->end;
    // "the world's refugees", "UNHCR's staff": a possessor modifies the head
    // after it.
    if (pos + 1 < text.size() && text[pos] == '\'' && text[pos + 1] == 's' &&
        (pos + 2 == text.size() || !IsLetter(text[pos + 2]))) {
      pos += 2;
      continue;
    }
    if (w->acronym) continue;  // MPP patients, U.S. citizens
    // "IDPs", "NGOs", "PoCs": an acronym's plural heads a phrase.
    if (w->capitalized && PluralAcronym(text.substr(w->begin, w->end - w->begin))) return TextRange{begin, pos};
    // A capitalized plural ("States", "Nations") is a name's part, not a
    // head, unless it is a listed count noun ("Migrants" in a title), a
    // people's name ("Haitians", "Afghans", "Iraqis": demonym_endings) or
    // a plural in a title-case headline ("12 Border Crossers").
    const bool head = w->capitalized ? count_nouns_.contains(w->lower) || IsDemonym(w->lower) ||
                                           TitleCaseHead(text, *w)
                                     : IsHead(w->lower);
    if (!head) {  // an adverb, participle, adjective or noun modifier
      // "sea and land arrivals", "unaccompanied and separated children":
      // modifiers joined by "and" share the head after them (one or two of
      // them: after "negative media coverage" an "and" joins two phrases).
      if (std::optional<Word> joiner = NextWord(text, pos);
          n <= 1 && !w->capitalized && joiner && (joiner->lower == "and" || joiner->lower == "or")) {
        pos = joiner->end;
      }
      continue;
    }
    // "70 human rights organizations", "arms dealers": a listed plural
    // modifies the head after it (plural_modifiers).
    if (plural_modifiers_.contains(w->lower)) {
      if (std::optional<Word> next = NextWord(text, pos);
          next && !next->capitalized && !next->acronym && IsHead(next->lower) && !stop_words_.contains(next->lower)) {
        pos = next->end;
      }
    }
    return TextRange{begin, pos};
  }
  return std::nullopt;
}

bool NounPhraseReader::TitleCaseHead(std::string_view text, const Word& w) const {
  if (!IsHead(w.lower) || title_name_plurals_.contains(w.lower)) return false;
  // "Smugglers Near Border", "States Department": a capital after it
  // continues a name as often as a headline.
  if (std::optional<Word> next = NextWord(text, w.end); next && (next->capitalized || next->acronym)) return false;
  return TitleCaseLine(text, w.begin);
}

bool NounPhraseReader::IsDemonym(std::string_view lower) const {
  // Six letters at least: "Cubans", "Iraqis", but not the name "Chris".
  if (lower.size() < 6) return false;
  for (const std::string& ending : demonym_endings_) {
    if (lower.ends_with(ending)) return true;
  }
  return false;
}

std::optional<TextRange> NounPhraseReader::ReadShare(std::string_view text, size_t pos) const {
  if (std::optional<TextRange> np = Read(text, pos)) {
    // "half of the population lives ...": a share is often of something
    // singular, and then its verb, not a plural, ends the words read.
    const std::string_view words = text.substr(np->begin, np->end - np->begin);
    const size_t space = words.rfind(' ');
    if (space != std::string_view::npos && share_verbs_.contains(std::string(words.substr(space + 1)))) {
      size_t end = np->begin + space;
      while (end > np->begin && text[end - 1] == ' ') --end;
      if (text[end - 1] != 's') return TextRange{np->begin, end};
    }
    return np;
  }
  size_t begin = std::string_view::npos, end = std::string_view::npos;
  for (int n = 0; n < kMaxWords; ++n) {
    std::optional<Word> w = NextWord(text, pos);
    if (!w || stop_words_.contains(w->lower)) break;
    if (w->capitalized || w->acronym) return std::nullopt;  // a name: "of the Border Patrol"
    if (begin == std::string_view::npos) begin = w->begin;
    end = pos = w->end;
    if (n + 1 == kMaxWords) return std::nullopt;  // runs on: no phrase
  }
  if (begin == std::string_view::npos) return std::nullopt;
  // "of those detained", "of the remaining": a participle heads no phrase.
  const std::string_view last = text.substr(begin, end - begin);
  if (last.ends_with("ed") || last.ends_with("ing")) return std::nullopt;
  return TextRange{begin, end};
}

}  // namespace dossier
