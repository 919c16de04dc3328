// PatternScanner: every pattern of every pack, matched over a text with one
// prefilter pass per pack.
//
// One RE2::Set per pack holds its patterns in prefilter form: a pattern's
// `prefilter` when it has one (pattern_pack.h), else its own regex, with
// counted repetitions unbounded (prefilter_regex.h). It runs once over each
// block of paragraphs (a few hundred bytes) and says which patterns can
// match there; only those patterns are then searched, and only in that
// block. Each byte of text so passes through one automaton per
// pack, plus the patterns that hit near it, however many patterns a pack has.
// A pack of a single pattern has no set: its pattern is searched over the
// whole text at once (a prefilter would only send it back over the blocks
// where it hits, on news text every other one).
//
// Built once per process from the loaded packs and shared read-only across
// threads (RE2 objects are thread-safe; remembered submatches are per
// thread).
//
// Example:
//   Result<PatternScanner> scanner = PatternScanner::Build({&dates, &statutes});
//   std::vector<PackMatches> found;
//   scanner->Scan(doc.text, &found);  // found[0]: date matches, found[1]: statute
//   for (const PatternMatch& m : found[0].matches) m.Group("year");
#ifndef DOSSIER_PIPELINE_FIND_PATTERN_SCANNER_H_
#define DOSSIER_PIPELINE_FIND_PATTERN_SCANNER_H_

#include <re2/set.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/core/status.h"
#include "pipeline/find/pattern_pack.h"

namespace dossier {

// One match of one pattern. Its submatches live in the SubmatchStore of the
// PackMatches it came in, which must outlive it.
struct PatternMatch {
  const Pattern* pattern = nullptr;
  size_t begin = 0, end = 0;  // byte offsets in the scanned text
  const std::string_view* submatches = nullptr;  // [0] is the whole match
  uint32_t submatch_count = 0;

  // Returns the text of named group `name`, or "" when it did not take part.
  std::string_view Group(std::string_view name) const;
  // Returns the byte offset of named group `name` in the text, or npos.
  size_t GroupBegin(std::string_view name, std::string_view text) const;
  // Returns true when named group `name` took part in the match.
  bool Has(std::string_view name) const { return !Group(name).empty(); }
};

// Submatches of many matches in blocks that double up to a limit: a few
// allocations per document rather than one per match, and addresses that
// stay put as it grows (no copy of everything when it fills).
class SubmatchStore {
 public:
  // Returns room for `n` submatches, contiguous.
  std::string_view* Allocate(size_t n);

 private:
  static constexpr size_t kFirstBlock = 256, kLargestBlock = 16384;  // doubling in between
  std::vector<std::unique_ptr<std::string_view[]>> blocks_;
  size_t size_ = 0;  // of the last block
  size_t used_ = 0;  // of the last block
};

// The matches of one pack in a text, with the store of their submatches.
struct PackMatches {
  std::vector<PatternMatch> matches;
  SubmatchStore store;
};

class PatternScanner {
 public:
  // Returns a scanner over `packs`, which must outlive it. Fails when RE2
  // cannot compile the combined set, naming the pattern it rejects.
  static Result<PatternScanner> Build(std::vector<const PatternPack*> packs);

  // Sets (*out)[i].matches to every match of packs[i]'s patterns in `text`, by
  // paragraph, then pattern, then position: matches of one pattern do not
  // overlap each other; matches of different patterns may. No match spans a
  // paragraph break ("\n\n").
  void Scan(std::string_view text, std::vector<PackMatches>* out) const;

  size_t pack_count() const { return packs_.size(); }

 private:
  std::vector<const PatternPack*> packs_;
  // Entry (pack's set base + set index) -> (pack, pattern) index.
  std::vector<std::pair<size_t, size_t>> entries_;
  std::vector<size_t> set_base_;                 // per pack
  std::vector<std::unique_ptr<RE2::Set>> sets_;  // per pack; null when it has at most one pattern
};

// Returns the non-overlapping subset of `matches`, preferring longer
// matches, then higher priority, then earlier start; sorted by start. A
// match of a pattern whose `resolve` is `none` takes part in the choice but
// is left out of the result: such a pattern claims text that is no entity
// ("ECHR 2011", a report series), keeping shorter matches out of it.
std::vector<PatternMatch> SelectLongest(std::vector<PatternMatch> matches);

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_FIND_PATTERN_SCANNER_H_
