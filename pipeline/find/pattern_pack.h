// PatternPack: one entity kind's RE2 patterns, loaded from a versioned JSON
// file (schemas/pattern-pack.schema.json) so that an analyst can add a
// pattern, a month spelling or an instrument alias without touching C++.
//
// A pack has named `fragments` that patterns (and other fragments) use as
// `$name`, `patterns` with an id, a regex, a `resolve` rule the finder
// understands, `examples` and `counterexamples` that the tests run, and
// `lists` of reference data (number words, canonical instrument names,
// reporters) read by the finder.
//
// Compiled once per process and shared read-only across threads. Scan()
// runs an RE2::Set over blocks of paragraphs first, so a pattern is run in
// full only on the blocks where the set says it can match.
//
// Trailing context: RE2 has no lookahead, so a pattern may end in a named
// group `ahead` that must match but is not part of the match: the match ends
// where `ahead` begins, and the next search starts there. A figure pattern
// can so demand "a word follows" and let RE2, not C++, reject the bare
// numbers that count nothing.
//
// Repeated group names: RE2 forbids two groups of one name, so a pattern
// whose alternatives need the same group writes `name__2`, `name__3`, ...;
// the finder sees them all as `name` (the one that took part).
//
// Example:
//   Result<PatternPack> pack = PatternPack::Parse(json_text, "dates.json");
//   std::vector<PatternMatch> matches;
//   pack->Scan(doc.text, &matches);
//   for (const PatternMatch& m : matches) m.Group("year");
#ifndef DOSSIER_PIPELINE_FIND_PATTERN_PACK_H_
#define DOSSIER_PIPELINE_FIND_PATTERN_PACK_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/status.h"

namespace dossier {

// One compiled pattern of a pack.
struct Pattern {
  std::string id;        // unique in the pack: "date.month_day_year"
  std::string resolve;   // how the finder turns groups into a value
  int priority = 0;      // breaks ties between overlapping matches
  std::string source;    // the regex after fragment expansion
  std::unique_ptr<RE2> re;
  // Named group (without its `__N` suffix) -> indexes, in regex order.
  std::map<std::string, std::vector<int>, std::less<>> groups;
  int ahead = -1;  // index of the trailing-context group, or -1
  uint64_t serial = 0;       // unique in the process: keys remembered submatches
  bool digit_blind = false;  // the regex treats all digits alike
  bool memo = false;         // remember submatches by the matched text's shape
  nlohmann::json examples;            // as in the file
  nlohmann::json counterexamples;
  nlohmann::json options;             // free-form per-pattern settings
};

// One match of one pattern.
struct PatternMatch {
  const Pattern* pattern = nullptr;
  size_t begin = 0, end = 0;                 // byte offsets in the scanned text
  std::vector<std::string_view> submatches;  // [0] is the whole match

  // Returns the text of named group `name`, or "" when it did not take part.
  std::string_view Group(std::string_view name) const;
  // Returns the byte offset of named group `name` in the text, or npos.
  size_t GroupBegin(std::string_view name, std::string_view text) const;
  // Returns true when named group `name` took part in the match.
  bool Has(std::string_view name) const { return !Group(name).empty(); }
};

class PatternPack {
 public:
  // Returns the pack parsed from `json_text`; `origin` names it in errors.
  // Fails on a malformed file, an unknown fragment, a regex RE2 rejects or a
  // duplicate pattern id, naming the pattern.
  static Result<PatternPack> Parse(std::string_view json_text, std::string_view origin);

  const std::string& kind() const { return kind_; }
  const std::string& version() const { return version_; }
  const std::vector<Pattern>& patterns() const { return patterns_; }
  // Returns the reference list `name` (an object or array), or null.
  const nlohmann::json& list(std::string_view name) const;
  // Returns the expanded fragment `name` (for finders that build helper
  // regexes from the same vocabulary), or "".
  std::string fragment(std::string_view name) const;

  // Appends every match of every pattern in `text` to `out`, by paragraph,
  // then pattern, then position: matches of one pattern do not overlap each
  // other; matches of different patterns may. No match spans a paragraph
  // break ("\n\n"). Blocks of paragraphs are prefiltered with the RE2::Set.
  void Scan(std::string_view text, std::vector<PatternMatch>* out) const;

 private:
  std::string kind_;
  std::string version_;
  std::map<std::string, std::string, std::less<>> fragments_;
  nlohmann::json lists_;
  std::vector<Pattern> patterns_;
  std::unique_ptr<RE2::Set> set_;
};

// Returns the non-overlapping subset of `matches`, preferring longer
// matches, then higher priority, then earlier start; sorted by start.
std::vector<PatternMatch> SelectLongest(std::vector<PatternMatch> matches);

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_FIND_PATTERN_PACK_H_
