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
// Compiled once per process and shared read-only across threads; a
// PatternScanner (pattern_scanner.h) matches the patterns of all packs over
// a text.
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
//   for (const Pattern& p : pack->patterns()) p.re->ok();
//   pack->list("months");
#ifndef DOSSIER_PIPELINE_FIND_PATTERN_PACK_H_
#define DOSSIER_PIPELINE_FIND_PATTERN_PACK_H_

#include <re2/re2.h>

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/status.h"

namespace dossier {

// The named groups of a pattern (names without their `__N` suffix) and their
// capture indexes in regex order. Finders look groups up by name on every
// match, so the names sit in a small open-addressed hash table.
class GroupTable {
 public:
  GroupTable() = default;
  explicit GroupTable(const std::map<std::string, std::vector<int>, std::less<>>& groups);
  // Returns the capture indexes of group `name`, or nullptr.
  const std::vector<int>* Find(std::string_view name) const;

 private:
  struct Slot {
    uint64_t hash = 0;
    std::string name;  // empty: a free slot
    std::vector<int> indexes;
  };
  std::vector<Slot> slots_;  // a power of two in size, at most half full
};

// What RE2 compiles from a pattern's source.
struct CompiledPattern {
  std::unique_ptr<RE2> re;
  GroupTable groups;
  int captures = 0;  // capturing groups
  int ahead = -1;    // index of the trailing-context group, or -1
  bool memo = false;  // remember submatches by the matched text's shape
};

// One pattern of a pack. Its syntax is checked when the pack is parsed; the
// regex is compiled the first time a text needs it (a short document meets
// few of a pack's patterns, and compiling all of them was most of a
// process's start-up), once per process, safely from any thread.
struct Pattern {
  std::string id;        // unique in the pack: "date.month_day_year"
  std::string resolve;   // how the finder turns groups into a value
  int priority = 0;      // breaks ties between overlapping matches
  std::string source;    // the regex after fragment expansion
  // What the scanner's first pass looks for instead of `source` (expanded;
  // "" = `source` itself): a regex that every match of `source` contains a
  // match of, cheaper to scan all text with (pattern_scanner.h).
  std::string prefilter;
  uint64_t serial = 0;       // unique in the process: keys remembered submatches
  bool digit_blind = false;  // the regex treats all digits alike
  nlohmann::json examples;            // as in the file
  nlohmann::json counterexamples;
  nlohmann::json options;             // free-form per-pattern settings

  const CompiledPattern& compiled() const {
    // One acquire load once compiled: group look-ups call this per match.
    const CompiledPattern* ready = lazy->ready.load(std::memory_order_acquire);
    return ready != nullptr ? *ready : Compile();
  }

  struct Lazy {
    std::once_flag once;
    CompiledPattern value;
    std::atomic<const CompiledPattern*> ready{nullptr};
  };
  std::unique_ptr<Lazy> lazy = std::make_unique<Lazy>();  // a pointer: patterns move

 private:
  const CompiledPattern& Compile() const;
};

class PatternPack {
 public:
  // Returns the pack parsed from `json_text`; `origin` names it in errors.
  // Fails on a malformed file, an unknown fragment, a regex RE2 rejects or a
  // duplicate pattern id, naming the pattern. kLater leaves the regex syntax
  // to the caller's own parse (PatternScanner::Build adds every first-pass
  // regex to its set, which rejects the same errors; the regex of a pattern
  // with a prefilter is still parsed here): parsing large alternations twice
  // would cost a process's start-up a sixth. kTested is for the packs built
  // into the binary, whose every regex the test suite compiles: only the
  // scanner's parse remains.
  enum class SyntaxCheck { kNow, kLater, kTested };
  static Result<PatternPack> Parse(std::string_view json_text, std::string_view origin,
                                   SyntaxCheck syntax = SyntaxCheck::kNow);

  const std::string& kind() const { return kind_; }
  const std::string& version() const { return version_; }
  const std::vector<Pattern>& patterns() const { return patterns_; }
  // Returns true when the pack was parsed as SyntaxCheck::kTested.
  bool tested() const { return tested_; }
  // Returns the reference list `name` (an object or array), or null.
  const nlohmann::json& list(std::string_view name) const;
  // Returns the expanded fragment `name` (for finders that build helper
  // regexes from the same vocabulary), or "".
  std::string fragment(std::string_view name) const;

 private:
  std::string kind_;
  std::string version_;
  std::map<std::string, std::string, std::less<>> fragments_;
  nlohmann::json lists_;
  std::vector<Pattern> patterns_;
  bool tested_ = false;
};

// Returns the text of every example and counterexample of `pack`'s patterns.
std::vector<std::string> ExampleTexts(const PatternPack& pack);

// Returns one problem for each match, in `texts`, of a pattern with a
// prefilter that holds no match of that prefilter: the scanner's first pass
// would skip it (`dossier validate` and the tests run this on examples).
std::vector<std::string> PrefilterMisses(const PatternPack& pack, const std::vector<std::string>& texts);

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_FIND_PATTERN_PACK_H_
