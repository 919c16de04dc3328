#include "pipeline/find/pattern_scanner.h"

#include "pipeline/find/prefilter_regex.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace dossier {

std::string_view PatternMatch::Group(std::string_view name) const {
  if (pattern == nullptr) return {};
  const std::vector<int>* indexes = pattern->compiled().groups.Find(name);
  if (indexes == nullptr) return {};
  for (int index : *indexes) {
    if (index < static_cast<int>(submatch_count) && submatches[static_cast<size_t>(index)].data() != nullptr) {
      return submatches[static_cast<size_t>(index)];
    }
  }
  return {};
}

size_t PatternMatch::GroupBegin(std::string_view name, std::string_view text) const {
  std::string_view g = Group(name);
  if (g.data() == nullptr) return std::string_view::npos;
  return static_cast<size_t>(g.data() - text.data());
}


namespace {

// Paragraphs are grouped into blocks of at least this many bytes for the
// RE2::Set prefilter. A longer block makes each pattern that hits in it
// search more text; shorter ones cost more calls. Warm, blocks of 1 (one
// paragraph each), 64, 128 and 256 bytes ran the bench articles equally
// fast; 1024 and 4096 were slower.
constexpr size_t kBlockBytes = 256;

RE2::Options SetOptions() {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_log_errors(false);
  // One automaton per pack (a product of all packs has far more states to
  // build on text it has not seen); RE2 builds states as the text needs
  // them, and this caps how many it keeps.
  o.set_max_mem(256 << 20);
  return o;
}

struct Paragraph {
  size_t begin, end;
};

// Returns the paragraphs of `text`: the ranges between "\n\n" breaks.
std::vector<Paragraph> Paragraphs(std::string_view text) {
  std::vector<Paragraph> out;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find("\n\n", begin);
    if (end == std::string_view::npos) end = text.size();
    out.push_back({begin, end});
    begin = end + 2;
  }
  return out;
}

// Submatches of one match as offsets from its start (-1: did not take part).
using Offsets = std::vector<int32_t>;

// Returns the key under which the submatches of text[begin, end) are
// remembered: the pattern's serial, the match with one byte of context each
// side (\b looks there) and, for a digit-blind pattern, every digit made '0'.
void MemoKey(const Pattern& pattern, std::string_view text, size_t begin, size_t end, std::string* key) {
  key->assign(reinterpret_cast<const char*>(&pattern.serial), sizeof pattern.serial);
  const size_t from = begin > 0 ? begin - 1 : begin;
  const size_t to = std::min(end + 1, text.size());
  key->push_back(begin > 0 ? '\1' : '\0');  // whether there is a byte before
  for (size_t i = from; i < to; ++i) {
    const char c = text[i];
    key->push_back(pattern.digit_blind && c >= '0' && c <= '9' ? '0' : c);
  }
  key->push_back(to > end ? '\1' : '\0');
}

// Fills `subs` with the submatches of the match text[begin, end) of
// `pattern`. The automaton that finds submatches is slow on large patterns
// (RE2 runs its NFA above 512 instructions), while the same few shapes of
// match recur ("12 people", "$5 million"): each thread remembers them.
void Submatches(const Pattern& pattern, std::string_view text, size_t begin, size_t end, int n,
                std::vector<re2::StringPiece>* subs) {
  const CompiledPattern& compiled = pattern.compiled();
  if (!compiled.memo) {
    compiled.re->Match(text, begin, end, RE2::ANCHOR_BOTH, subs->data(), n);
    return;
  }
  thread_local std::unordered_map<std::string, Offsets> memo;
  thread_local std::string key;
  MemoKey(pattern, text, begin, end, &key);
  auto it = memo.find(key);
  if (it == memo.end()) {
    if (!compiled.re->Match(text, begin, end, RE2::ANCHOR_BOTH, subs->data(), n)) return;
    Offsets offsets(static_cast<size_t>(2 * n), -1);
    for (size_t g = 0; g < static_cast<size_t>(n); ++g) {
      if ((*subs)[g].data() == nullptr) continue;
      offsets[2 * g] = static_cast<int32_t>((*subs)[g].data() - (text.data() + begin));
      offsets[2 * g + 1] = static_cast<int32_t>((*subs)[g].size());
    }
    if (memo.size() >= 16384) memo.clear();  // a bound, not an eviction policy
    memo.emplace(key, std::move(offsets));
    return;
  }
  const Offsets& offsets = it->second;
  for (size_t g = 0; g < static_cast<size_t>(n); ++g) {
    (*subs)[g] = offsets[2 * g] < 0 ? re2::StringPiece()
                                    : re2::StringPiece(text.data() + begin + offsets[2 * g],
                                                       static_cast<size_t>(offsets[2 * g + 1]));
  }
}

// Appends the matches of `pattern` in paragraphs first..last of `text` to
// `out` and their paragraph indexes to `para_of`. One search runs over the
// whole block; a match that would run over a paragraph break is searched
// again inside its own paragraph, so the result is that of a search per
// paragraph. Searches find the match's extent only (RE2's DFAs); its
// submatches are read once it is known.
void ScanPattern(const Pattern& pattern, std::string_view text, const std::vector<Paragraph>& paras, size_t first,
                 size_t last, std::vector<re2::StringPiece>* subs, std::vector<PatternMatch>* out,
                 SubmatchStore* store, std::vector<size_t>* para_of) {
  const CompiledPattern& compiled = pattern.compiled();
  const int n = compiled.captures + 1;
  subs->assign(static_cast<size_t>(n), re2::StringPiece());
  const size_t block_end = paras[last].end;
  re2::StringPiece whole;
  // RE2 sees the whole text as context, so \b and lookaround-free anchors
  // behave at paragraph edges as they would in the document.
  auto search = [&](size_t from, size_t to) {
    return from <= to && compiled.re->Match(text, from, to, RE2::UNANCHORED, &whole, 1);
  };
  auto begin_of = [&]() { return static_cast<size_t>(whole.data() - text.data()); };
  size_t i = first;
  size_t pos = paras[first].begin;
  while (search(pos, block_end)) {
    size_t begin = begin_of();
    while (i <= last && begin > paras[i].end) ++i;
    if (i > last) return;
    if (begin < paras[i].begin) {  // starts in a break
      pos = paras[i].begin;
      continue;
    }
    bool read = false;  // submatches already read
    if (begin + whole.size() > paras[i].end) {
      // A match whose trailing context is only the line end at the break
      // ("33.217" ending a list item) stays; context read from the next
      // paragraph ("12\n\n people") does not.
      bool context_only = false;
      if (compiled.ahead >= 0) {
        Submatches(pattern, text, begin, begin + whole.size(), n, subs);
        const re2::StringPiece& ahead = (*subs)[static_cast<size_t>(compiled.ahead)];
        if (ahead.data() != nullptr) {
          const size_t ahead_begin = static_cast<size_t>(ahead.data() - text.data());
          context_only = ahead_begin <= paras[i].end && ahead_begin + ahead.size() <= paras[i].end + 1;
        }
        read = context_only;
      }
      if (!context_only) {
        if (!search(std::max(pos, paras[i].begin), paras[i].end)) {
          if (++i > last) return;
          pos = paras[i].begin;
          continue;
        }
        begin = begin_of();
      }
    }
    if (!read) Submatches(pattern, text, begin, begin + whole.size(), n, subs);
    size_t end = begin + whole.size();
    if (compiled.ahead >= 0 && (*subs)[static_cast<size_t>(compiled.ahead)].data() != nullptr) {
      end = static_cast<size_t>((*subs)[static_cast<size_t>(compiled.ahead)].data() - text.data());
    }
    PatternMatch m;
    m.pattern = &pattern;
    m.begin = begin;
    m.end = end;
    std::string_view* kept = store->Allocate(subs->size());
    kept[0] = std::string_view(text.data() + begin, end - begin);
    for (size_t g = 1; g < subs->size(); ++g) kept[g] = std::string_view((*subs)[g].data(), (*subs)[g].size());
    m.submatches = kept;
    m.submatch_count = static_cast<uint32_t>(subs->size());
    out->push_back(m);
    para_of->push_back(i);
    pos = end == begin ? begin + 1 : end;
  }
}

}  // namespace

std::string_view* SubmatchStore::Allocate(size_t n) {
  if (size_ - used_ < n) {
    size_ = std::max(n, blocks_.empty() ? kFirstBlock : std::min(2 * size_, kLargestBlock));
    blocks_.push_back(std::make_unique<std::string_view[]>(size_));
    used_ = 0;
  }
  std::string_view* room = blocks_.back().get() + used_;
  used_ += n;
  return room;
}

Result<PatternScanner> PatternScanner::Build(std::vector<const PatternPack*> packs) {
  PatternScanner scanner;
  scanner.packs_ = std::move(packs);
  for (size_t p = 0; p < scanner.packs_.size(); ++p) {
    const std::vector<Pattern>& patterns = scanner.packs_[p]->patterns();
    scanner.set_base_.push_back(scanner.entries_.size());
    // A pack of at most one pattern is searched directly (Scan): its set
    // would only check the syntax, which for a built-in pack the tests do.
    const bool direct = patterns.size() <= 1;
    auto set = std::make_unique<RE2::Set>(SetOptions(), RE2::UNANCHORED);
    for (size_t i = 0; i < patterns.size(); ++i) {
      std::string error;
      const std::string& first_pass = patterns[i].prefilter.empty() ? patterns[i].source : patterns[i].prefilter;
      if (!(direct && scanner.packs_[p]->tested()) && set->Add(PrefilterRegex(first_pass), &error) < 0) {
        return InvalidInput(scanner.packs_[p]->kind() + " pack: " + patterns[i].id + ": " + error);
      }
      scanner.entries_.emplace_back(p, i);
    }
    if (direct) {
      scanner.sets_.push_back(nullptr);
      continue;
    }
    if (!set->Compile()) {
      return InvalidInput("the patterns of the " + scanner.packs_[p]->kind() + " pack do not compile into one set");
    }
    scanner.sets_.push_back(std::move(set));
  }
  return scanner;
}

void PatternScanner::Scan(std::string_view text, std::vector<PackMatches>* out) const {
  out->clear();
  out->resize(packs_.size());
  if (entries_.empty()) return;
  const std::vector<Paragraph> paras = Paragraphs(text);
  std::vector<int> hits;
  std::vector<re2::StringPiece> subs;
  std::vector<size_t> para_of;
  std::vector<size_t> order;
  std::vector<PatternMatch> block_matches;
  // Blocks of whole paragraphs, at least kBlockBytes long.
  struct Block {
    size_t first, last;  // paragraphs
  };
  std::vector<Block> blocks;
  for (size_t first = 0; first < paras.size();) {
    size_t last = first;
    while (last + 1 < paras.size() && paras[last].end - paras[first].begin < kBlockBytes) ++last;
    blocks.push_back({first, last});
    first = last + 1;
  }
  // A pack of one pattern is searched over the whole text at once: a
  // prefilter would only say which blocks to search it in again, and on
  // text where it hits every other block the second pass costs more than
  // the blocks it skips.
  for (size_t p = 0; p < packs_.size(); ++p) {
    if (packs_[p]->patterns().size() != 1 || paras.empty()) continue;
    ScanPattern(packs_[p]->patterns()[0], text, paras, 0, paras.size() - 1, &subs, &(*out)[p].matches,
                &(*out)[p].store, &para_of);
  }
  // Each pack's set runs over every block before the patterns it hits are
  // searched: its automaton stays in cache through the pass instead of
  // being evicted by the searches in between.
  std::vector<std::pair<uint32_t, uint32_t>> block_hits;  // (block, entry)
  for (size_t p = 0; p < sets_.size(); ++p) {
    if (sets_[p] == nullptr) continue;
    const uint32_t base = static_cast<uint32_t>(set_base_[p]);
    for (size_t b = 0; b < blocks.size(); ++b) {
      const size_t begin = paras[blocks[b].first].begin;
      RE2::Set::ErrorInfo error;
      if (!sets_[p]->Match(text.substr(begin, paras[blocks[b].last].end - begin), &hits, &error)) {
        hits.clear();
        // RE2 could not build the automaton (no memory): search every
        // pattern rather than lose matches.
        if (error.kind != RE2::Set::kNoError) {
          for (size_t k = 0; k < packs_[p]->patterns().size(); ++k) hits.push_back(static_cast<int>(k));
        }
      }
      for (int k : hits) block_hits.emplace_back(static_cast<uint32_t>(b), base + static_cast<uint32_t>(k));
    }
  }
  // Set indexes run pack by pack, pattern by pattern: by block, then entry.
  std::sort(block_hits.begin(), block_hits.end());
  for (size_t from = 0; from < block_hits.size();) {
    const Block& block = blocks[block_hits[from].first];
    size_t to = from;
    hits.clear();
    for (; to < block_hits.size() && block_hits[to].first == block_hits[from].first; ++to) {
      hits.push_back(static_cast<int>(block_hits[to].second));
    }
    from = to;
    const size_t first = block.first, last = block.last;
    for (size_t h = 0; h < hits.size();) {
      const size_t pack = entries_[static_cast<size_t>(hits[h])].first;
      std::vector<PatternMatch>& found = (*out)[pack].matches;
      const size_t base = found.size();
      para_of.clear();
      size_t patterns_hit = 0;
      for (; h < hits.size() && entries_[static_cast<size_t>(hits[h])].first == pack; ++h, ++patterns_hit) {
        const Pattern& pattern = packs_[pack]->patterns()[entries_[static_cast<size_t>(hits[h])].second];
        ScanPattern(pattern, text, paras, first, last, &subs, &found, &(*out)[pack].store, &para_of);
      }
      // Matches come pattern by pattern; order them by paragraph, then pattern.
      if (patterns_hit > 1 && !std::is_sorted(para_of.begin(), para_of.end())) {
        order.resize(para_of.size());
        for (size_t k = 0; k < order.size(); ++k) order[k] = k;
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return para_of[a] < para_of[b]; });
        block_matches.clear();
        for (size_t k : order) block_matches.push_back(std::move(found[base + k]));
        std::move(block_matches.begin(), block_matches.end(), found.begin() + static_cast<std::ptrdiff_t>(base));
      }
    }
  }
}

std::vector<PatternMatch> SelectLongest(std::vector<PatternMatch> matches) {
  std::sort(matches.begin(), matches.end(), [](const PatternMatch& a, const PatternMatch& b) {
    const size_t la = a.end - a.begin, lb = b.end - b.begin;
    if (la != lb) return la > lb;
    if (a.pattern->priority != b.pattern->priority) return a.pattern->priority > b.pattern->priority;
    return a.begin < b.begin;
  });
  // Kept intervals by start: a clash check is two neighbour look-ups, so
  // selection stays O(n log n) however many matches a text produces.
  std::map<size_t, size_t> taken;
  std::vector<PatternMatch> kept;
  for (PatternMatch& m : matches) {
    auto next = taken.lower_bound(m.begin);
    if (next != taken.end() && next->first < m.end) continue;
    if (next != taken.begin() && std::prev(next)->second > m.begin) continue;
    if (m.end == m.begin) continue;
    taken.emplace(m.begin, m.end);
    if (m.pattern->resolve == "none") continue;
    kept.push_back(std::move(m));
  }
  std::sort(kept.begin(), kept.end(),
            [](const PatternMatch& a, const PatternMatch& b) { return a.begin < b.begin; });
  return kept;
}

}  // namespace dossier
