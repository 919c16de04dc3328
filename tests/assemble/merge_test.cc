// The merge rule and its threshold, the union of merged records, conflicts
// between sources, and output that depends only on the set of inputs.
#include "pipeline/assemble/merge.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "pipeline/assemble/conflicts.h"
#include "pipeline/assemble/keys.h"
#include "pipeline/assemble/record_from_document.h"
#include "pipeline/core/json_io.h"
#include "pipeline/validate/schema_validator.h"

namespace dossier {
namespace {

std::string DocId(char c) { return std::string(16, c); }

Provenance At(const std::string& doc, int64_t start, std::string quote) {
  Provenance p;
  p.document = doc;
  p.anchor.byte_offset = start;
  p.start = start;
  p.end = start + 10;
  p.quote = std::move(quote);
  return p;
}

Figure Count(const std::string& doc, double value, std::string subject, std::string as_of = "",
             int64_t start = 0) {
  Figure f;
  f.value.kind = "count";
  f.value.value = value;
  f.value.subject = std::move(subject);
  f.value.as_of = std::move(as_of);
  f.text = std::to_string(static_cast<int64_t>(value)) + " " + f.value.subject;
  f.provenance = At(doc, start, f.text + " were returned.");
  return f;
}

// A one-document record as assembly makes it.
IncidentRecord Record(char doc, std::string title, std::vector<std::string> terms,
                      std::string from = "2019", std::string to = "2021") {
  IncidentRecord r;
  MemberDocument m;
  m.id = DocId(doc);
  m.path = std::string(1, doc) + ".txt";
  m.sha256 = std::string(64, 'a');
  m.format = Format::kText;
  r.documents.push_back(m);
  r.title = {std::move(title), At(m.id, 0, "")};
  r.terms = std::move(terms);
  TimelineEntry a{from, "year", "", "It began in " + from + ".", At(m.id, 20, "")};
  TimelineEntry b{to, "year", "", "It ended in " + to + ".", At(m.id, 40, "")};
  r.timeline = {a, b};
  r.id = IncidentId("", {m.id});
  Canonicalize(r);
  return r;
}

const std::vector<std::string> kMpp = {"mpp", "remain in mexico", "migrant protection protocols"};

TEST(MergeRuleTest, Similarity) {
  IncidentRecord a = Record('a', "Remain in Mexico", kMpp);
  IncidentRecord b = Record('b', "What is MPP?", {"mpp", "remain in mexico", "dhs"});
  IncidentRecord c = Record('c', "Asylum ban", {"dhs", "cbp", "asylum ban"});
  IncidentRecord d = Record('d', "Border", {"dhs"});
  IncidentRecord late = Record('e', "Remain in Mexico", kMpp, "2025", "2025");
  // Two main names found each way: full terms weight; overlapping years 0.15.
  EXPECT_NEAR(Similarity(a, b), 0.5 + 0.15, 1e-9);
  // One shared name (DHS) each way is half the terms weight.
  EXPECT_NEAR(Similarity(b, c), 0.5 * 0.5 + 0.15, 1e-9);
  EXPECT_NEAR(Similarity(c, d), 0.5 * 0.5 + 0.15, 1e-9);
  EXPECT_NEAR(Similarity(a, c), 0.15, 1e-9);
  EXPECT_NEAR(Similarity(a, late), 0.5 + 0.2, 1e-9);  // same terms and title, no common year
  EXPECT_EQ(Similarity(a, b), Similarity(b, a));
  // Shared source URLs count up to two.
  IncidentRecord e = Record('f', "Other", {"x"}), f = Record('g', "Else", {"y"});
  for (IncidentRecord* r : {&e, &f}) {
    r->sources.push_back(
        {"citation", "https://www.cbp.gov/mpp/", "", "", "", "", At(r->documents[0].id, 1, "")});
    r->sources.push_back(
        {"citation", "http://hrw.org/mpp", "", "", "", "", At(r->documents[0].id, 2, "")});
  }
  EXPECT_NEAR(Similarity(e, f), 0.15 + 0.15, 1e-9);
  // Slugs decide when both have one; a shared canonical URL merges.
  a.slug = b.slug = "remain-in-mexico";
  EXPECT_EQ(Similarity(a, b), 1.0);
  b.slug = "asylum-ban";
  EXPECT_EQ(Similarity(a, b), 0.0);
  c.url = "https://www.example.org/incident/1/";
  late.url = "http://example.org/incident/1";
  EXPECT_EQ(Similarity(c, late), 1.0);
}

TEST(MergeRuleTest, ThresholdIsConfigurable) {
  // a-b 0.65, b-c 0.40, a-c 0.15: single link over the pairs at or above it.
  std::vector<IncidentRecord> records = {
      Record('a', "Remain in Mexico", kMpp),
      Record('b', "What is MPP?", {"mpp", "remain in mexico", "dhs"}),
      Record('c', "Asylum ban", {"dhs", "cbp", "asylum ban"})};
  struct Case {
    double threshold;
    size_t groups;
  };
  for (const Case& c : {Case{0.3, 1}, Case{0.5, 2}, Case{0.7, 3}, Case{1.5, 3}}) {
    MergeOptions options;
    options.threshold = c.threshold;
    EXPECT_EQ(MergeRecords(records, options).size(), c.groups) << c.threshold;
  }
}

TEST(MergeRuleTest, MergedRecordUnionsEverythingAndKeepsProvenance) {
  IncidentRecord primary = Record('b', "Reimposition of Remain in Mexico", kMpp, "2019", "2025");
  primary.slug = "remain-in-mexico-reimposition";
  primary.category = {"deportation", At(DocId('b'), 0, "deportation")};
  primary.sources.push_back({"listed", "https://www.cbp.gov/mpp", "MPP statistics", "CBP", "", "",
                             At(DocId('b'), 5, "")});
  primary.figures.push_back(Count(DocId('b'), 71000, "asylum seekers"));
  Canonicalize(primary);
  IncidentRecord other = Record('a', "Q&A: Remain in Mexico", kMpp);
  other.sources.push_back(
      {"citation", "https://www.hrw.org/mpp", "", "", "", "", At(DocId('a'), 7, "")});
  other.figures.push_back(Count(DocId('a'), 56000, "asylum seekers", "2019-11"));
  other.figures.push_back(Count(DocId('a'), 16000, "children", "2019-11", 30));
  Canonicalize(other);
  const std::vector<IncidentRecord> merged = MergeRecords({other, primary}, {});
  ASSERT_EQ(merged.size(), 1u);
  const IncidentRecord& r = merged[0];
  EXPECT_EQ(r.slug, "remain-in-mexico-reimposition");  // the primary member's fields
  EXPECT_EQ(r.title.value, "Reimposition of Remain in Mexico");
  EXPECT_EQ(r.category.value, "deportation");
  EXPECT_EQ(r.id, IncidentId("remain-in-mexico-reimposition", {}));
  ASSERT_EQ(r.documents.size(), 2u);
  EXPECT_EQ(r.sources.size(), 2u);
  EXPECT_EQ(r.figures.size(), 3u);
  EXPECT_EQ(r.timeline.size(), 4u);
  EXPECT_TRUE(std::is_sorted(r.timeline.begin(), r.timeline.end(),
                             [](const auto& x, const auto& y) { return x.date < y.date; }));
  EXPECT_EQ(r.period_from, "2019");
  EXPECT_EQ(r.period_to, "2025");
  EXPECT_TRUE(r.conflicts.empty());  // 56,000 as of 2019-11 and 71,000 undated are two figures
  for (const Figure& f : r.figures) EXPECT_FALSE(f.provenance.document.empty());
  auto validator = SchemaValidator::Load();
  ASSERT_TRUE(validator.ok());
  const auto problems = (*validator)->Validate("incident", ToJson(r));
  EXPECT_TRUE(problems.empty()) << problems.front().pointer << ": " << problems.front().message;
}

TEST(ConflictsTest, SourcesThatDisagreeOnOneQuantity) {
  struct Case {
    const char* name;
    std::vector<Figure> figures;
    std::vector<double> conflicting;  // values of the one conflict, or empty for none
  };
  const std::string a = DocId('a'), b = DocId('b'), c = DocId('c');
  const std::vector<Case> cases = {
      {"71,000 vs 70,000 people returned",
       {Count(a, 71000, "asylum seekers"), Count(b, 70000, "migrants"),
        Count(c, 71000, "asylum-seekers")},
       {70000, 71000, 71000}},
      {"same value everywhere",
       {Count(a, 71000, "asylum seekers"), Count(b, 71000, "migrants")},
       {}},
      {"one document's own figures",
       {Count(a, 71000, "asylum seekers"), Count(a, 70000, "migrants", "", 50)},
       {}},
      {"different as-of dates",
       {Count(a, 56000, "asylum seekers", "2019-11"), Count(b, 59000, "asylum seekers", "2019-12")},
       {}},
      {"one states no date",
       {Count(a, 71000, "asylum seekers", "2019-01/2021-01"), Count(b, 70000, "migrants")},
       {70000, 71000}},
      {"same as-of date",
       {Count(a, 56000, "asylum seekers", "2019-11"), Count(b, 57000, "people", "2019-11")},
       {56000, 57000}},
      {"different subjects", {Count(a, 16000, "children"), Count(b, 16500, "asylum seekers")}, {}},
      {"far apart: two quantities", {Count(a, 500, "children"), Count(b, 16000, "children")}, {}},
      {"no subject", {Count(a, 71000, ""), Count(b, 70000, "")}, {}},
  };
  for (const Case& t : cases) {
    const std::vector<Conflict> found = FindConflicts(t.figures, {});
    if (t.conflicting.empty()) {
      EXPECT_TRUE(found.empty()) << t.name;
      continue;
    }
    ASSERT_EQ(found.size(), 1u) << t.name;
    std::vector<double> values;
    for (const Figure& f : found[0].claims) values.push_back(f.value.value);
    EXPECT_EQ(values, t.conflicting) << t.name;
    EXPECT_EQ(found[0].kind, "figure");
  }
  const std::vector<Conflict> mpp =
      FindConflicts({Count(a, 71000, "asylum seekers"), Count(b, 70000, "migrants")}, {});
  ASSERT_EQ(mpp.size(), 1u);
  EXPECT_EQ(mpp[0].subject, "people");
  EXPECT_EQ(mpp[0].claims[0].provenance.document, b);  // each claim keeps its source
  EXPECT_EQ(mpp[0].claims[1].provenance.document, a);
  ConflictOptions strict;
  strict.max_relative_gap = 0.01;
  EXPECT_TRUE(
      FindConflicts({Count(a, 71000, "asylum seekers"), Count(b, 70000, "migrants")}, strict)
          .empty());
}

TEST(MergeDeterminismTest, OutputDependsOnlyOnTheSetOfRecords) {
  std::vector<IncidentRecord> records = {
      Record('a', "Remain in Mexico", kMpp),
      Record('b', "What is MPP?", {"mpp", "remain in mexico", "dhs"}),
      Record('c', "Asylum ban", {"dhs", "cbp", "asylum ban"}), Record('d', "MPP returns", kMpp)};
  records[0].figures.push_back(Count(DocId('a'), 71000, "asylum seekers"));
  records[3].figures.push_back(Count(DocId('d'), 70000, "migrants"));
  auto dump = [](const std::vector<IncidentRecord>& merged) {
    std::string out;
    for (const IncidentRecord& r : merged) out += ToJson(r).dump() + "\n";
    return out;
  };
  const std::string first = dump(MergeRecords(records, {}));
  EXPECT_NE(first.find("\"conflicts\":[{"), std::string::npos);
  std::vector<size_t> order = {0, 1, 2, 3};
  size_t permutations = 0;
  do {
    std::vector<IncidentRecord> shuffled;
    for (size_t i : order) shuffled.push_back(records[i]);
    EXPECT_EQ(dump(MergeRecords(shuffled, {})), first);
    ++permutations;
  } while (std::next_permutation(order.begin(), order.end()));
  EXPECT_EQ(permutations, 24u);
}

}  // namespace
}  // namespace dossier
