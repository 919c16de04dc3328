#include "pipeline/find/number_words.h"

#include <unicode/locid.h>
#include <unicode/rbnf.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cmath>
#include <memory>
#include <string>
#include <unordered_map>

namespace dossier {

namespace {

// One thread's spellout formatters. RuleBasedNumberFormat::parse tries every
// public rule set (cardinal, ordinal, year), so an ordinal word parses too.
struct Formatters {
  std::unique_ptr<icu::RuleBasedNumberFormat> en, en_lenient, es, es_lenient;

  Formatters() {
    UErrorCode status = U_ZERO_ERROR;
    en = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, icu::Locale::getEnglish(), status);
    if (U_FAILURE(status)) en.reset();
    status = U_ZERO_ERROR;
    en_lenient = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, icu::Locale::getEnglish(), status);
    if (U_FAILURE(status)) {
      en_lenient.reset();
    } else {
      en_lenient->setLenient(true);  // "seventy one thousand" (no hyphen)
    }
    status = U_ZERO_ERROR;
    es = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, icu::Locale("es"), status);
    if (U_FAILURE(status)) es.reset();
    status = U_ZERO_ERROR;
    es_lenient = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, icu::Locale("es"), status);
    if (U_FAILURE(status)) {
      es_lenient.reset();
    } else {
      es_lenient->setLenient(true);  // "doscientas": the feminine rule set
    }
  }
};

Formatters& ThreadFormatters() {
  thread_local Formatters formatters;
  return formatters;
}

// Returns the value when `format` reads all of `text`, else nullopt.
std::optional<double> ParseAll(const icu::RuleBasedNumberFormat* format, const icu::UnicodeString& text) {
  if (format == nullptr) return std::nullopt;
  icu::Formattable result;
  icu::ParsePosition pos(0);
  format->parse(text, result, pos);
  if (pos.getErrorIndex() >= 0 || pos.getIndex() != text.length()) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  const double value = result.getDouble(status);
  if (U_FAILURE(status)) return std::nullopt;
  return value;
}

// Returns the letters of `text` only, without the word "and": the form in
// which a spelling and ICU's own spelling of a value are compared.
icu::UnicodeString Letters(const icu::UnicodeString& text) {
  icu::UnicodeString padded = icu::UnicodeString(u" ") + text + icu::UnicodeString(u" ");
  padded.findAndReplace(icu::UnicodeString(u" and "), icu::UnicodeString(u" "));
  icu::UnicodeString out;
  for (int32_t i = 0; i < padded.length();) {
    const UChar32 c = padded.char32At(i);
    if (u_isalpha(c)) out.append(c);
    i += U16_LENGTH(c);
  }
  return out;
}

// Returns the value of a lenient parse of `text` when one of the format's
// rule sets spells that value the same way: lenient parsing alone accepts
// too much ("one and two" reads as 2).
std::optional<double> ParseLenient(const icu::RuleBasedNumberFormat* format, const icu::UnicodeString& text) {
  std::optional<double> v = ParseAll(format, text);
  if (!v || *v < 0 || *v > 1e15 || std::floor(*v) != *v) return std::nullopt;
  const icu::UnicodeString want = Letters(text);
  for (int32_t i = 0; i < format->getNumberOfRuleSetNames(); ++i) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString spelled;
    icu::FieldPosition pos;
    format->format(static_cast<int64_t>(*v), format->getRuleSetName(i), spelled, pos, status);
    if (U_SUCCESS(status) && Letters(spelled) == want) return v;
  }
  return std::nullopt;
}

// Returns `words` lower-cased with every whitespace run made one space.
icu::UnicodeString Clean(std::string_view words, const char* language) {
  std::string collapsed;
  collapsed.reserve(words.size());
  bool space = false;
  for (char c : words) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !collapsed.empty();
      continue;
    }
    if (space) collapsed += ' ';
    space = false;
    collapsed += c;
  }
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(collapsed);
  text.toLower(icu::Locale(language));
  return text;
}

// Returns the value ICU reads in `words` (see ParseNumberWords).
std::optional<double> ParseUncached(std::string_view words, std::string_view language);

}  // namespace

std::optional<double> ParseNumberWords(std::string_view words, std::string_view language) {
  if (words.empty() || words.size() > 200) return std::nullopt;  // no real number is longer
  // Text repeats a few spellings ("one", "two", "ten") endlessly: each thread
  // remembers what ICU said about the ones it has seen, up to a bound.
  thread_local std::unordered_map<std::string, std::optional<double>> seen;
  std::string key(language);
  key += ':';
  key += words;
  if (auto it = seen.find(key); it != seen.end()) return it->second;
  std::optional<double> value = ParseUncached(words, language);
  if (seen.size() >= 4096) seen.clear();
  seen.emplace(std::move(key), value);
  return value;
}

namespace {

std::optional<double> ParseUncached(std::string_view words, std::string_view language) {
  Formatters& f = ThreadFormatters();
  if (language == "es") {
    const icu::UnicodeString text = Clean(words, "es");
    if (std::optional<double> v = ParseAll(f.es.get(), text)) return v;
    return f.es_lenient ? ParseLenient(f.es_lenient.get(), text) : std::nullopt;
  }
  icu::UnicodeString text = Clean(words, "en");
  if (text.startsWith(icu::UnicodeString(u"a "))) text.replace(0, 1, icu::UnicodeString(u"one"));
  // "twenty five" is 25: written with a space, the year rules would read
  // it as 2005 ("twenty oh-five"); English joins tens and units by a hyphen.
  static const char16_t* const kTens[] = {u"twenty ", u"thirty ", u"forty ", u"fifty ",
                                          u"sixty ",  u"seventy ", u"eighty ", u"ninety "};
  static const char16_t* const kUnits[] = {u"one", u"two", u"three", u"four", u"five",
                                           u"six", u"seven", u"eight", u"nine"};
  for (const char16_t* tens : kTens) {
    const icu::UnicodeString t(tens);
    for (int32_t at = text.indexOf(t); at >= 0; at = text.indexOf(t, at + 1)) {
      if (at > 0 && text[at - 1] != u' ') continue;
      const int32_t unit_at = at + t.length();
      for (const char16_t* unit : kUnits) {
        const icu::UnicodeString u(unit);
        const int32_t end = unit_at + u.length();
        if (text.compare(unit_at, u.length(), u) == 0 && (end == text.length() || text[end] == u' ')) {
          text.setCharAt(unit_at - 1, u'-');
          break;
        }
      }
    }
  }
  // "one point five million": a spelled decimal, which the spellout rules
  // read, then a multiplier, which they do not put after one.
  if (text.indexOf(icu::UnicodeString(u" point ")) > 0) {
    static const std::pair<const char16_t*, double> kMultipliers[] = {
        {u" thousand", 1e3}, {u" million", 1e6}, {u" billion", 1e9}, {u" trillion", 1e12}};
    double times = 1;
    for (const auto& [word, factor] : kMultipliers) {
      const icu::UnicodeString w(word);
      if (text.endsWith(w)) {
        text.truncate(text.length() - w.length());
        times = factor;
        break;
      }
    }
    const std::optional<double> v = ParseAll(f.en.get(), text);
    return v && *v >= 0 ? std::optional<double>(*v * times) : std::nullopt;
  }
  // "a dozen", "two dozen", "half a dozen": twelves, which the spellout
  // rules do not know; the number before them is still ICU's to read.
  const icu::UnicodeString dozen(u" dozen");
  if (text.endsWith(dozen) && text.length() > dozen.length()) {
    icu::UnicodeString head(text, 0, text.length() - dozen.length());
    if (head == icu::UnicodeString(u"half a")) return 6;
    std::optional<double> v = ParseAll(f.en.get(), head);
    if (!v && f.en_lenient) v = ParseLenient(f.en_lenient.get(), head);
    if (v) return *v * 12;
    return std::nullopt;
  }
  if (std::optional<double> v = ParseAll(f.en.get(), text)) return v;
  return f.en_lenient ? ParseLenient(f.en_lenient.get(), text) : std::nullopt;
}

}  // namespace

std::optional<double> ParseOrdinalWord(std::string_view word) {
  if (word.empty() || word.size() > 40) return std::nullopt;
  // "third", "half", "quarter" recur in every text and an ICU parse costs
  // tens of microseconds: remembered per thread, as above.
  thread_local std::unordered_map<std::string, std::optional<double>> seen;
  std::string key(word);
  if (auto it = seen.find(key); it != seen.end()) return it->second;
  std::optional<double> value = ParseAll(ThreadFormatters().en.get(), Clean(word, "en"));
  if (seen.size() >= 4096) seen.clear();
  seen.emplace(std::move(key), value);
  return value;
}

}  // namespace dossier
