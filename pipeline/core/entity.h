// Entity: one date, statistic, statute or citation found in a document,
// with the value it resolves to (see ANNOTATION.md for the contract).
//
// Every stage shares this one type: finders produce it, assembly reads it,
// sinks write it. Kind-specific values live in a variant so that a date can
// never carry a currency and a statistic never an instrument.
#ifndef DOSSIER_PIPELINE_CORE_ENTITY_H_
#define DOSSIER_PIPELINE_CORE_ENTITY_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
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

  // Returns true for a day or month whose year neither the text nor the
  // document date gives: ISO 8601's truncated "--MM-DD" / "--MM". Such a
  // date marks its place but cannot be ordered or bound to a figure.
  bool yearless() const { return value.starts_with("--"); }
  // Returns true when the date names a place on the calendar, year and all:
  // what a timeline, an as-of date or a note's date can use.
  bool placed() const { return !relative && !value.empty() && !yearless(); }
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

// A value kept on the heap with value semantics (copies copy it): the
// citation's many parts would otherwise make every entity as large as a
// citation, and long documents hold millions of entities.
template <typename T>
class Boxed {
 public:
  Boxed() : p_(std::make_unique<T>()) {}
  Boxed(T value) : p_(std::make_unique<T>(std::move(value))) {}  // NOLINT: implicit by design
  Boxed(const Boxed& other) : p_(std::make_unique<T>(*other.p_)) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(const Boxed& other) {
    if (this != &other) p_ = std::make_unique<T>(*other.p_);
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;

  T& get() { return *p_; }
  const T& get() const { return *p_; }

 private:
  std::unique_ptr<T> p_;  // never null, but after a move
};

struct Entity {
  EntityType type = EntityType::kDate;
  Span span;                // in the document's normalized text
  std::string text;         // the normalized text of the span
  std::string pattern;      // id of the pattern pack entry that found it
  int sentence = -1;        // index into Document::sentences
  std::variant<DateValue, StatisticValue, StatuteValue, Boxed<CitationValue>> value;

  // Returns the value as a T, or nullptr when it holds another kind.
  template <typename T>
  const T* as() const {
    if constexpr (std::is_same_v<T, CitationValue>) {
      const auto* boxed = std::get_if<Boxed<CitationValue>>(&value);
      return boxed == nullptr ? nullptr : &boxed->get();
    } else {
      return std::get_if<T>(&value);
    }
  }
  template <typename T>
  T* as() {
    return const_cast<T*>(std::as_const(*this).template as<T>());
  }
};

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_CORE_ENTITY_H_
