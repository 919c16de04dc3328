#include "pipeline/find/entity_finder.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline/find/citation_finder.h"
#include "pipeline/find/date_finder.h"
#include "pipeline/find/statistic_finder.h"
#include "pipeline/find/statute_finder.h"

namespace dossier {

namespace {

// Returns the text of pack `file`: from `dir` when it has one (and sets
// `*from_dir`), else built in.
Result<std::string> PackText(const EmbeddedFile& builtin, const std::string& dir, bool* from_dir) {
  *from_dir = false;
  if (!dir.empty()) {
    const std::filesystem::path path = std::filesystem::path(dir) / builtin.name;
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) {
      std::ifstream f(path, std::ios::binary);
      if (!f) return IoError("cannot read pattern pack " + path.string());
      std::stringstream ss;
      ss << f.rdbuf();
      *from_dir = true;
      return ss.str();
    }
  }
  return std::string(builtin.text);
}

}  // namespace

Result<std::shared_ptr<const EntityFinder>> EntityFinder::Load(const std::string& packs_dir) {
  auto finder = std::make_shared<EntityFinder>();
  for (const EmbeddedFile& builtin : BuiltinPacks()) {
    bool from_dir = false;
    Result<std::string> text = PackText(builtin, packs_dir, &from_dir);
    if (!text.ok()) return text.status();
    // The scanner below parses every first-pass regex anyway and names the
    // bad one; a built-in pack's other regexes are compiled by the tests.
    Result<PatternPack> pack = PatternPack::Parse(
        *text, builtin.name, from_dir ? PatternPack::SyntaxCheck::kLater : PatternPack::SyntaxCheck::kTested);
    if (!pack.ok()) return pack.status();
    finder->packs_.push_back(std::make_unique<PatternPack>(std::move(*pack)));
  }
  std::vector<const PatternPack*> packs;
  for (const auto& p : finder->packs_) packs.push_back(p.get());
  Result<PatternScanner> scanner = PatternScanner::Build(std::move(packs));
  if (!scanner.ok()) return scanner.status();
  finder->scanner_ = std::make_unique<PatternScanner>(std::move(*scanner));
  // Finders in run order: statutes, citations, dates, statistics.
  using Make = std::unique_ptr<Finder> (*)(const PatternPack&);
  const std::pair<std::string_view, Make> order[] = {{"statute", MakeStatuteFinder},
                                                     {"citation", MakeCitationFinder},
                                                     {"date", MakeDateFinder},
                                                     {"statistic", MakeStatisticFinder}};
  for (const auto& [kind, make] : order) {
    for (size_t i = 0; i < finder->packs_.size(); ++i) {
      if (finder->packs_[i]->kind() == kind) finder->stages_.push_back({make(*finder->packs_[i]), i});
    }
  }
  return std::shared_ptr<const EntityFinder>(std::move(finder));
}

const PatternPack* EntityFinder::pack(std::string_view kind) const {
  for (const auto& p : packs_) {
    if (p->kind() == kind) return p.get();
  }
  return nullptr;
}

void EntityFinder::Run(Document& doc) const {
  std::vector<Entity> found;
  if (scanner_ == nullptr) {
    doc.entities.clear();
    return;
  }
  std::vector<PackMatches> matches;
  scanner_->Scan(doc.text, &matches);
  for (const Stage& stage : stages_) {
    std::vector<Entity> mine;
    stage.finder->Find(doc, matches[stage.pack].matches, found, &mine);
    found.insert(found.end(), std::make_move_iterator(mine.begin()),
                 std::make_move_iterator(mine.end()));
    matches[stage.pack] = PackMatches();  // done with them
  }
  for (const Stage& stage : stages_) stage.finder->Link(doc, found);
  // Entities are large: sort their indexes, then put each in place by
  // following the permutation's cycles (no second vector of entities).
  std::vector<uint32_t> order(found.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const Entity& x = found[a];
    const Entity& y = found[b];
    return x.span.begin != y.span.begin ? x.span.begin < y.span.begin : x.type < y.type;
  });
  for (size_t i = 0; i < order.size(); ++i) {
    if (order[i] == i) continue;
    Entity held = std::move(found[i]);
    size_t at = i;
    while (order[at] != i) {
      const size_t from = order[at];
      found[at] = std::move(found[from]);
      order[at] = static_cast<uint32_t>(at);
      at = from;
    }
    found[at] = std::move(held);
    order[at] = static_cast<uint32_t>(at);
  }
  size_t sentence = 0;  // entities come by start: the sentence index only grows
  for (Entity& e : found) {
    while (sentence < doc.sentences.size() && doc.sentences[sentence].end <= e.span.begin) ++sentence;
    e.sentence = sentence < doc.sentences.size() && doc.sentences[sentence].begin <= e.span.begin
                     ? static_cast<int>(sentence)
                     : -1;
  }
  doc.entities = std::move(found);
}

}  // namespace dossier
