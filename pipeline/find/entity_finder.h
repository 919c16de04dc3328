// EntityFinder: every finder of every kind, with its pattern pack, run in
// order over a document.
//
// The built-in packs (pipeline/find/packs/*.json) are compiled into the
// binary; a directory of pack files (`dossier --packs DIR`, or the
// DOSSIER_PACKS environment variable) replaces the built-in pack of each
// kind it holds, so an analyst can try a new pattern without a rebuild.
//
// Example:
//   Result<std::shared_ptr<const EntityFinder>> finder = EntityFinder::Load();
//   (*finder)->Run(doc);  // fills doc.entities
#ifndef DOSSIER_PIPELINE_FIND_ENTITY_FINDER_H_
#define DOSSIER_PIPELINE_FIND_ENTITY_FINDER_H_

#include <memory>
#include <string>
#include <vector>

#include "pipeline/core/document.h"
#include "pipeline/core/embedded_file.h"
#include "pipeline/core/status.h"
#include "pipeline/find/finder.h"
#include "pipeline/find/pattern_pack.h"
#include "pipeline/find/pattern_scanner.h"

namespace dossier {

// Returns the pack files compiled into the binary.
const std::vector<EmbeddedFile>& BuiltinPacks();

class EntityFinder {
 public:
  // Returns a finder with the built-in packs, each replaced by the file of
  // the same name in `packs_dir` when that is given and holds one.
  static Result<std::shared_ptr<const EntityFinder>> Load(const std::string& packs_dir = "");

  // Sets doc.entities: every kind, sorted by start, each with its sentence.
  // One scanner pass finds the matches of every pack; each finder then
  // resolves its own.
  void Run(Document& doc) const;

  // Returns the pack of `kind` ("date", "statistic", ...), or nullptr.
  const PatternPack* pack(std::string_view kind) const;
  const std::vector<std::unique_ptr<PatternPack>>& packs() const { return packs_; }

 private:
  struct Stage {
    std::unique_ptr<Finder> finder;
    size_t pack;  // index into packs_ and the scanner's output
  };
  std::vector<std::unique_ptr<PatternPack>> packs_;
  std::unique_ptr<PatternScanner> scanner_;  // over packs_, in their order
  std::vector<Stage> stages_;                // in run order
};

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_FIND_ENTITY_FINDER_H_
