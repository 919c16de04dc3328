#include "pipeline/assemble/merge.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <utility>

#include "pipeline/assemble/keys.h"
#include "pipeline/assemble/record_from_document.h"

namespace dossier {

namespace {

// How many of a record's first terms are its main names.
constexpr size_t kCoreTerms = 4;

size_t Find(std::vector<size_t>& parent, size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

std::set<std::string> SourceUrls(const IncidentRecord& r) {
  std::set<std::string> urls;
  for (const SourceRef& s : r.sources) {
    std::string u = CanonicalUrl(s.url);
    if (!u.empty()) urls.insert(std::move(u));
  }
  return urls;
}

template <typename Set>
size_t Shared(const Set& a, const Set& b) {
  size_t n = 0;
  for (const auto& x : a) n += b.count(x);
  return n;
}

// The primary member comes first: records with a slug (incident database
// entries, richer structured fields), then by id.
bool PrimaryFirst(const IncidentRecord& a, const IncidentRecord& b) {
  if (a.slug.empty() != b.slug.empty()) return !a.slug.empty();
  if (a.slug != b.slug) return a.slug < b.slug;
  return a.id < b.id;
}

template <typename T>
void Append(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

namespace {

// What the rule compares, computed once per record.
struct Features {
  std::string slug, url;
  std::vector<std::string> core;  // the first kCoreTerms terms
  std::set<std::string> terms, title, sources;
  std::string from, to;  // years of the period
};

Features FeaturesOf(const IncidentRecord& r) {
  Features f;
  f.slug = r.slug;
  f.url = CanonicalUrl(r.url);
  f.core.assign(r.terms.begin(), r.terms.begin() + static_cast<std::ptrdiff_t>(
                                                       std::min(r.terms.size(), kCoreTerms)));
  f.terms.insert(r.terms.begin(), r.terms.end());
  for (std::string& w : ContentWords(r.title.value)) f.title.insert(std::move(w));
  f.sources = SourceUrls(r);
  if (!r.period_from.empty()) {
    f.from = r.period_from.substr(0, 4);
    f.to = r.period_to.substr(0, 4);
  }
  return f;
}

double Score(const Features& a, const Features& b) {
  if (!a.slug.empty() && !b.slug.empty()) return a.slug == b.slug ? 1.0 : 0.0;
  if (!a.url.empty() && a.url == b.url) return 1.0;
  // Do the main names of each appear among the other's terms? Two hits per
  // side count fully: one shared name (DHS, asylum) does not make two
  // reports one incident.
  auto hits = [](const std::vector<std::string>& core, const std::set<std::string>& other) {
    size_t n = 0;
    for (const std::string& t : core) n += other.count(t);
    return std::min<size_t>(n, 2);
  };
  const double terms = static_cast<double>(hits(a.core, b.terms) + hits(b.core, a.terms)) / 4.0;
  double title = 0;
  const size_t common = Shared(a.title, b.title);
  if (const size_t all = a.title.size() + b.title.size() - common; all > 0) {
    title = static_cast<double>(common) / static_cast<double>(all);
  }
  const double sources = std::min(1.0, static_cast<double>(Shared(a.sources, b.sources)) / 2.0);
  const double period =
      !a.from.empty() && !b.from.empty() && a.from <= b.to && b.from <= a.to ? 1 : 0;
  return 0.5 * terms + 0.2 * title + 0.15 * sources + 0.15 * period;
}

}  // namespace

double Similarity(const IncidentRecord& a, const IncidentRecord& b) {
  return Score(FeaturesOf(a), FeaturesOf(b));
}

IncidentRecord MergeGroup(std::vector<IncidentRecord> members, const ConflictOptions& options) {
  std::stable_sort(members.begin(), members.end(), PrimaryFirst);
  IncidentRecord out = std::move(members.front());
  for (size_t i = 1; i < members.size(); ++i) {
    IncidentRecord& m = members[i];
    for (auto [to, from] : {std::pair{&out.title, &m.title},
                            {&out.summary, &m.summary},
                            {&out.category, &m.category},
                            {&out.severity, &m.severity},
                            {&out.victims, &m.victims},
                            {&out.perpetrators, &m.perpetrators},
                            {&out.citation, &m.citation}}) {
      if (to->empty()) *to = std::move(*from);
    }
    if (out.date.empty()) out.date = std::move(m.date);
    if (out.url.empty()) out.url = m.url;
    Append(out.tags, m.tags);
    Append(out.key_points, m.key_points);
    Append(out.terms, m.terms);
    Append(out.figures, m.figures);
    Append(out.legal_basis, m.legal_basis);
    Append(out.sources, m.sources);
    Append(out.timeline, m.timeline);
    Append(out.documents, m.documents);
    Append(out.discrepancies, m.discrepancies);
  }
  std::vector<std::string> ids;
  for (const MemberDocument& d : out.documents) ids.push_back(d.id);
  out.id = IncidentId(out.slug, ids);
  Canonicalize(out);
  out.conflicts = FindConflicts(out.figures, options);
  return out;
}

std::vector<IncidentRecord> MergeRecords(std::vector<IncidentRecord> records,
                                         const MergeOptions& options) {
  // A stable order first, so that nothing below depends on input order.
  std::sort(records.begin(), records.end(), [](const IncidentRecord& a, const IncidentRecord& b) {
    static const MemberDocument kNone;
    const MemberDocument& da = a.documents.empty() ? kNone : a.documents.front();
    const MemberDocument& db = b.documents.empty() ? kNone : b.documents.front();
    return std::tie(a.id, da.id, da.path, da.locator) < std::tie(b.id, db.id, db.path, db.locator);
  });
  const size_t n = records.size();
  std::vector<Features> features;
  features.reserve(n);
  for (const IncidentRecord& r : records) features.push_back(FeaturesOf(r));
  std::vector<size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      if (Find(parent, i) == Find(parent, j)) continue;
      if (Score(features[i], features[j]) >= options.threshold)
        parent[Find(parent, j)] = Find(parent, i);
    }
  }
  std::map<size_t, std::vector<IncidentRecord>> groups;
  for (size_t i = 0; i < n; ++i) groups[Find(parent, i)].push_back(std::move(records[i]));
  std::vector<IncidentRecord> out;
  for (auto& [root, members] : groups)
    out.push_back(MergeGroup(std::move(members), options.conflicts));
  std::sort(out.begin(), out.end(),
            [](const IncidentRecord& a, const IncidentRecord& b) { return a.id < b.id; });
  return out;
}

}  // namespace dossier
