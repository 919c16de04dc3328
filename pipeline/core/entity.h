// Entity: one date, statistic, statute or citation found in a document,
// with the value it resolves to (see ANNOTATION.md for the contract).
//
// Every stage shares this one type: finders produce it, assembly reads it,
// sinks write it. Kind-specific values live in a variant so that a date can
// never carry a currency and a statistic never an instrument.
#ifndef DOSSIER_PIPELINE_CORE_ENTITY_H_
#define DOSSIER_PIPELINE_CORE_ENTITY_H_

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "pipeline/core/span.h"

namespace dossier {

enum class EntityType { kDate = 0, kStatistic, kStatute, kCitation };

// Returns "date", "statistic", "statute" or "citation".
std::string_view EntityTypeName(EntityType type);

// A calendar point or interval. `value` is ISO 8601: "2019-01-25",
// "2019-12", "2019", or an interval "2019-01/2021-01".
struct DateValue {
  std::string value;
  std::string precision;  // "day", "month", "year" (of the ends, for ranges)
  std::string mod;        // "early", "mid", "late" or empty
  bool inferred = false;  // year or month taken from context
  bool relative = false;  // "last year", "twelve days later"
};

// A figure: `kind` is count, percent, money, ratio, duration or measure.
struct StatisticValue {
  std::string kind;
  double value = 0;
  std::string unit;       // ISO 4217 for money; day/month/km... otherwise
  std::string qualifier;  // over, more than, at least, up to, about, nearly,
                          // less than, only
  std::string subject;    // head noun phrase counted ("asylum seekers")
  std::string as_of;      // ISO date the figure refers to, when stated
};

// A law, treaty, regulation or bill, by canonical name, with its provision.
struct StatuteValue {
  std::string instrument;  // "Immigration and Nationality Act"
  std::string provision;   // "Section 235(b)(2)(C)", "Article 33", ...
  bool inferred = false;   // instrument taken from context
};

// A reference to another work. `kind` is case, reporter, url, doi or note.
struct CitationValue {
  std::string kind;
  std::string case_name;   // "Innovation Law Lab v. McAleenan"
  std::string volume, reporter, page, court, year;
  std::string url;
  std::string doi;
  std::string author, title, publisher, date;  // note parts; date is ISO
  std::string note_label;  // footnote number a marker links to
};

struct Entity {
  EntityType type = EntityType::kDate;
  Span span;                // in the document's normalized text
  std::string text;         // the normalized text of the span
  std::string pattern;      // id of the pattern pack entry that found it
  int sentence = -1;        // index into Document::sentences
  std::variant<DateValue, StatisticValue, StatuteValue, CitationValue> value;

  template <typename T>
  const T* as() const { return std::get_if<T>(&value); }
  template <typename T>
  T* as() { return std::get_if<T>(&value); }
};

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_CORE_ENTITY_H_
