#include "pipeline/assemble/conflicts.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

#include "pipeline/assemble/keys.h"

namespace dossier {

namespace {

size_t Find(std::vector<size_t>& parent, size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

bool Comparable(const Figure& a, const Figure& b) {
  if (a.value.subject.empty() || b.value.subject.empty()) return false;
  if (SubjectClass(a.value.subject) != SubjectClass(b.value.subject)) return false;
  // Figures of two different stated dates count different things; a figure
  // without one may be either's.
  return a.value.as_of.empty() || b.value.as_of.empty() || a.value.as_of == b.value.as_of;
}

}  // namespace

bool SameQuantityDiffers(const StatisticValue& a, const StatisticValue& b,
                         double max_relative_gap) {
  if (a.kind != b.kind || a.unit != b.unit) return false;
  if (!std::isfinite(a.value) || !std::isfinite(b.value) || a.value <= 0 || b.value <= 0)
    return false;
  if (a.value == b.value) return false;
  const double gap = std::fabs(a.value - b.value) / std::max(a.value, b.value);
  return gap <= max_relative_gap;
}

std::vector<Conflict> FindConflicts(const std::vector<Figure>& figures,
                                    const ConflictOptions& options) {
  const size_t n = figures.size();
  std::vector<size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  std::vector<bool> linked(n, false);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      const Figure& a = figures[i];
      const Figure& b = figures[j];
      if (a.provenance.document == b.provenance.document || !Comparable(a, b)) continue;
      if (!SameQuantityDiffers(a.value, b.value, options.max_relative_gap)) continue;
      parent[Find(parent, i)] = Find(parent, j);
      linked[i] = linked[j] = true;
    }
  }
  // Figures equal to a linked one (71,000 in a second source) join its group.
  for (size_t i = 0; i < n; ++i) {
    if (linked[i]) continue;
    for (size_t j = 0; j < n; ++j) {
      if (!linked[j] || figures[j].value.value != figures[i].value.value) continue;
      if (figures[i].value.kind != figures[j].value.kind || !Comparable(figures[i], figures[j]))
        continue;
      parent[Find(parent, i)] = Find(parent, j);
      linked[i] = true;
      break;
    }
  }
  std::map<size_t, std::vector<size_t>> groups;
  for (size_t i = 0; i < n; ++i) {
    if (linked[i]) groups[Find(parent, i)].push_back(i);
  }
  std::vector<Conflict> out;
  for (const auto& [root, members] : groups) {
    Conflict c;
    c.kind = "figure";
    c.subject = SubjectClass(figures[members.front()].value.subject);
    std::set<std::string> as_of;
    std::set<std::pair<std::string, double>> seen;  // document, value
    std::set<double> values;
    for (size_t i : members) {
      const Figure& f = figures[i];
      as_of.insert(f.value.as_of);
      if (!seen.insert({f.provenance.document, f.value.value}).second) continue;
      values.insert(f.value.value);
      c.claims.push_back(f);
    }
    if (values.size() < 2) continue;
    as_of.erase("");
    if (as_of.size() == 1) c.as_of = *as_of.begin();
    std::sort(c.claims.begin(), c.claims.end(), [](const Figure& a, const Figure& b) {
      return std::tie(a.value.value, a.provenance.document, a.provenance.start) <
             std::tie(b.value.value, b.provenance.document, b.provenance.start);
    });
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const Conflict& a, const Conflict& b) {
    return std::tie(a.subject, a.as_of, a.claims.front().value.value,
                    a.claims.front().provenance.document) <
           std::tie(b.subject, b.as_of, b.claims.front().value.value,
                    b.claims.front().provenance.document);
  });
  return out;
}

}  // namespace dossier
