// One document -> one incident record: the seed 000 incident-database
// entry mapped field by field and checked against its prose, a prose
// document assembled from its entities, and the same record every run.
#include "pipeline/assemble/record_from_document.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "pipeline/app/processor.h"
#include "pipeline/core/json_io.h"
#include "tests/app/test_util.h"

namespace dossier {
namespace {

using test_util::KeepingSink;

const Processor& TheProcessor() {
  static const std::unique_ptr<Processor> p = [] {
    auto made = Processor::Create({});
    EXPECT_TRUE(made.ok()) << made.status().message();
    return std::move(*made);
  }();
  return *p;
}

// Returns the one document of `path`, analysed.
Document Analysed(const std::string& path) {
  KeepingSink sink;
  TheProcessor().ProcessFile(path, sink);
  EXPECT_TRUE(sink.errors.empty()) << (sink.errors.empty() ? "" : sink.errors[0].ToLine());
  EXPECT_EQ(sink.docs.size(), 1u) << path;
  return sink.docs.empty() ? Document{} : sink.docs[0];
}

void ExpectValid(const IncidentRecord& r) {
  const auto problems = TheProcessor().validator().Validate("incident", ToJson(r));
  EXPECT_TRUE(problems.empty()) << problems.front().pointer << ": " << problems.front().message;
}

// Checks that a provenance with offsets quotes the text it points into.
void ExpectQuoted(const Document& doc, const Provenance& p) {
  EXPECT_EQ(p.document, doc.id);
  if (p.start < 0) return;
  ASSERT_LE(static_cast<size_t>(p.end), doc.text.size());
  const std::string covered = doc.text.substr(p.start, p.end - p.start);
  const std::string quote = p.quote.substr(0, std::min(p.quote.size(), covered.size()));
  EXPECT_TRUE(p.quote.find(covered) != std::string::npos ||
              covered.find(quote) != std::string::npos)
      << covered << " | " << p.quote;
}

const std::string kSeed000 = std::string(DOSSIER_SHARED_DIR) + "/seeds/000_e58ba67729caf002.txt";

TEST(RecordFromDocumentTest, MapsTheSeed000IncidentRecord) {
  const Document doc = Analysed(kSeed000);
  ASSERT_TRUE(doc.structured.is_object());
  EXPECT_FALSE(doc.structured.contains("contentHtml"));  // its text is in the document already
  const IncidentRecord r = RecordFromDocument(doc);
  ExpectValid(r);
  EXPECT_EQ(r.slug, "remain-in-mexico-reimposition");
  EXPECT_EQ(r.id.size(), 16u);
  EXPECT_EQ(r.url, "https://trumpswarcrimes.com/incident/remain-in-mexico-reimposition");
  EXPECT_EQ(r.title.value, "Reimposition of 'Remain in Mexico' Migrant Protection Protocols");
  EXPECT_EQ(r.title.provenance.anchor.json_pointer, "/record/title");
  EXPECT_EQ(r.date.value, "2025-01-21");
  EXPECT_EQ(r.date.precision, "day");
  EXPECT_EQ(r.date.provenance.anchor.json_pointer, "/record/date");
  EXPECT_EQ(r.category.value, "deportation");
  EXPECT_EQ(r.severity.value, "severe");
  EXPECT_EQ(r.perpetrators.value, "DHS, CBP, Trump Administration");
  EXPECT_NE(r.victims.value.find("71,000"), std::string::npos);
  EXPECT_EQ(r.tags.size(), 7u);
  EXPECT_EQ(r.key_points.size(), 5u);
  EXPECT_EQ(r.key_points[3].provenance.anchor.json_pointer, "/record/keyPoints/3");
  EXPECT_FALSE(r.citation.empty());

  // internationalLaw: canonical instrument (the statute finder's reading),
  // article as provision, the record's explanation as description.
  auto law = [&r](const std::string& instrument,
                  const std::string& provision) -> const LegalBasis* {
    for (const LegalBasis& l : r.legal_basis) {
      if (l.instrument == instrument && l.provision == provision) return &l;
    }
    return nullptr;
  };
  const LegalBasis* refugees = law("Convention Relating to the Status of Refugees", "Article 33");
  ASSERT_NE(refugees, nullptr);
  EXPECT_EQ(refugees->provenance.anchor.json_pointer, "/record/internationalLaw/0");
  EXPECT_NE(refugees->description.find("Non-refoulement"), std::string::npos);
  EXPECT_NE(law("Universal Declaration of Human Rights", "Article 14"), nullptr);
  EXPECT_NE(law("Convention on the Rights of the Child", "Articles 3, 22"), nullptr);
  EXPECT_NE(law("H.R. 273", ""), nullptr);  // found in the keyPoints prose

  // Sources: 6 listed + 2 legal analyses + the record itself.
  size_t listed = 0, self = 0;
  for (const SourceRef& s : r.sources) {
    listed += s.kind == "listed";
    self += s.kind == "document";
  }
  EXPECT_EQ(listed, 8u);
  EXPECT_EQ(self, 1u);

  // Timeline: the 5 structured entries with titles, plus dated prose sentences.
  size_t structured = 0;
  for (const TimelineEntry& t : r.timeline) {
    if (!t.title.empty()) ++structured;
    ExpectQuoted(doc, t.provenance);
  }
  EXPECT_EQ(structured, 5u);
  EXPECT_TRUE(std::is_sorted(r.timeline.begin(), r.timeline.end(),
                             [](const auto& a, const auto& b) { return a.date < b.date; }));

  // Figures from the prose, each with its sentence.
  bool returned = false;
  for (const Figure& f : r.figures) {
    ExpectQuoted(doc, f.provenance);
    if (f.value.value == 71000 && f.provenance.anchor.json_pointer == "/record/keyPoints/3")
      returned = true;
  }
  EXPECT_TRUE(returned);

  // The date is stated in the prose; three timeline dates are not.
  std::vector<std::string> flagged;
  for (const Discrepancy& d : r.discrepancies) flagged.push_back(d.code + " " + d.pointer);
  EXPECT_EQ(flagged,
            (std::vector<std::string>{"unsupported_timeline_date /record/timeline/1/date",
                                      "unsupported_timeline_date /record/timeline/2/date",
                                      "unsupported_timeline_date /record/timeline/4/date"}));
}

TEST(RecordFromDocumentTest, FlagsStructuredFieldsTheProseContradicts) {
  test_util::TempDir tmp;
  const std::string path = tmp.Write("incident.json", R"({"record": {
    "slug": "returns-2024",
    "title": "Returns to Mexico",
    "date": "2024-03-05",
    "summary": "On May 1, 2024, more than 5,000 migrants were returned to Mexico.",
    "victims": "Over 4,800 migrants were returned to Mexico."
  }})");
  const Document doc = Analysed(path);
  const IncidentRecord r = RecordFromDocument(doc);
  ExpectValid(r);
  std::vector<std::string> flagged;
  for (const Discrepancy& d : r.discrepancies) flagged.push_back(d.code + " " + d.pointer);
  std::sort(flagged.begin(), flagged.end());
  EXPECT_EQ(flagged, (std::vector<std::string>{"contradicted_figure /record/victims",
                                               "unsupported_date /record/date"}));
  for (const Discrepancy& d : r.discrepancies) {
    if (d.code != "contradicted_figure") continue;
    ASSERT_EQ(d.evidence.size(), 1u);
    EXPECT_EQ(d.evidence[0].anchor.json_pointer, "/record/summary");
    EXPECT_NE(d.evidence[0].quote.find("5,000 migrants"), std::string::npos);
  }
}

TEST(RecordFromDocumentTest, AssemblesAProseDocumentFromItsEntities) {
  test_util::TempDir tmp;
  const std::string path =
      tmp.Write("report.md",
                "# Returns to Mexico\n\n"
                "On January 25, 2019, DHS began returning asylum seekers to Mexico.\n\n"
                "As of November 2019, over 56,000 asylum seekers had been returned under Section "
                "235(b)(2)(C) of the Immigration and Nationality Act.\n\n"
                "The full data is at https://example.org/mpp-report for anyone to check.\n");
  const Document doc = Analysed(path);
  const IncidentRecord r = RecordFromDocument(doc);
  ExpectValid(r);
  EXPECT_TRUE(r.slug.empty());
  EXPECT_EQ(r.title.value, "Returns to Mexico");
  ExpectQuoted(doc, r.title.provenance);
  EXPECT_EQ(r.date.value, "2019-01-25");
  EXPECT_EQ(r.date.precision, "day");
  ASSERT_EQ(r.timeline.size(), 2u);
  EXPECT_EQ(r.timeline[0].date, "2019-01-25");
  EXPECT_EQ(r.timeline[0].summary,
            "On January 25, 2019, DHS began returning asylum seekers to Mexico.");
  EXPECT_EQ(r.timeline[1].date, "2019-11");
  EXPECT_EQ(r.period_from, "2019-01-25");
  EXPECT_EQ(r.period_to, "2019-11");
  ASSERT_EQ(r.figures.size(), 1u);
  EXPECT_EQ(r.figures[0].value.value, 56000);
  EXPECT_EQ(r.figures[0].value.subject, "asylum seekers");
  EXPECT_EQ(r.figures[0].value.as_of, "2019-11");
  EXPECT_EQ(r.figures[0].value.qualifier, "over");
  ExpectQuoted(doc, r.figures[0].provenance);
  EXPECT_GT(r.figures[0].provenance.anchor.byte_offset, 0);  // a byte offset in the .md file
  ASSERT_EQ(r.legal_basis.size(), 1u);
  EXPECT_EQ(r.legal_basis[0].instrument, "Immigration and Nationality Act");
  EXPECT_EQ(r.legal_basis[0].provision, "Section 235(b)(2)(C)");
  bool url = false;
  for (const SourceRef& s : r.sources)
    url = url || (s.kind == "citation" && s.url == "https://example.org/mpp-report");
  EXPECT_TRUE(url);
  EXPECT_TRUE(r.discrepancies.empty());  // only structured records are checked
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].id, doc.id);
}

TEST(RecordFromDocumentTest, PlainTextTitles) {
  struct Case {
    const char* text;
    const char* title;
  };
  const Case cases[] = {
      {"top of page AD_4nXcynWG6Ejkc7ukBdeFZS2lWKEbK7bwJyiABFykn\n\nWHAT IS REMAIN IN MEXICO?\n\n"
       "Remain in Mexico is a policy that returned asylum seekers to Mexico in 2019.\n",
       "WHAT IS REMAIN IN MEXICO?"},
      {"Skip to main content The program sent more than 71,000 asylum seekers back to Mexico.\n",
       "The program sent more than 71,000 asylum seekers back to Mexico."},
  };
  for (const Case& c : cases) {
    test_util::TempDir tmp;
    const Document doc = Analysed(tmp.Write("page.txt", c.text));
    const IncidentRecord r = RecordFromDocument(doc);
    EXPECT_EQ(r.title.value, c.title);
    ExpectQuoted(doc, r.title.provenance);
    ExpectValid(r);
  }
}

TEST(RecordFromDocumentTest, SameDocumentSameRecord) {
  const Document doc = Analysed(kSeed000);
  const std::string first = ToJson(RecordFromDocument(doc)).dump();
  EXPECT_EQ(ToJson(RecordFromDocument(doc)).dump(), first);
  EXPECT_EQ(ToJson(RecordFromDocument(Analysed(kSeed000))).dump(), first);
}

}  // namespace
}  // namespace dossier
