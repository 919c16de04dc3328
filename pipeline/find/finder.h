// Finder: locates one kind of entity in a normalized document and resolves
// each mention to its value (see ANNOTATION.md).
//
// Finders run in a fixed order, each seeing what the earlier ones found:
// statutes, citations, dates, statistics. So the date finder can leave the
// year of "1951 Refugee Convention" to the statute, and the statistic finder
// can skip numbers inside dates and citations and take its as-of dates from
// the dates of the same sentence.
#ifndef DOSSIER_PIPELINE_FIND_FINDER_H_
#define DOSSIER_PIPELINE_FIND_FINDER_H_

#include <span>
#include <vector>

#include "pipeline/core/document.h"
#include "pipeline/core/entity.h"
#include "pipeline/find/pattern_scanner.h"

namespace dossier {

class Finder {
 public:
  virtual ~Finder() = default;
  // Returns the kind of entity this finder produces.
  virtual EntityType type() const = 0;
  // Appends the entities of this kind in doc.text to `out` (spans made with
  // doc.MakeSpan). `matches` are the matches of this finder's pack in
  // doc.text (PatternScanner::Scan); `earlier` holds the entities of the
  // finders run before. Must be thread-safe: one finder serves every worker
  // thread.
  virtual void Find(const Document& doc, std::span<const PatternMatch> matches,
                    const std::vector<Entity>& earlier, std::vector<Entity>* out) const = 0;
  // Called once every finder has run, with all entities: for links that need
  // a later kind (a footnote citation's date part from the date found in
  // it). Must not add or remove entities. Default: nothing.
  virtual void Link(const Document& /*doc*/, std::vector<Entity>& /*all*/) const {}
};

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_FIND_FINDER_H_
