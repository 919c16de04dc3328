// Hard cases of the citation finder, each named after what it pins down:
// case citations, reporters, URLs, DOIs, footnote notes from extractor
// segments and from plain text, note parts and dates; and pathological
// inputs (which must simply finish with sane output).
#include "pipeline/find/citation_finder.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <string>
#include <vector>

#include "pipeline/find/entity_finder.h"
#include "pipeline/find/footnote_notes.h"
#include "pipeline/normalize/normalizer.h"
#include "tests/find/finder_test_util.h"

namespace dossier {
namespace {

const EntityFinder& Finders() { return test_util::BuiltinFinder(); }

Document Normalized(const std::string& text) {
  Document doc = test_util::NormalizedDocument(text);
  return doc;
}

// Returns the citations of `doc` after every finder ran (so notes carry the
// dates linked into them).
std::vector<Entity> Citations(Document& doc) {
  Finders().Run(doc);
  std::vector<Entity> out;
  for (const Entity& e : doc.entities) {
    if (e.type == EntityType::kCitation) out.push_back(e);
  }
  return out;
}

std::vector<Entity> Citations(const std::string& text) {
  Document doc = Normalized(text);
  return Citations(doc);
}

// The note citations among `found`, in order.
std::vector<const CitationValue*> NotesOf(const std::vector<Entity>& found) {
  std::vector<const CitationValue*> notes;
  for (const Entity& e : found) {
    if (e.as<CitationValue>()->kind == "note") notes.push_back(e.as<CitationValue>());
  }
  return notes;
}

// The labels of the note citations among `found`, in order.
std::vector<std::string> NoteLabels(const std::vector<Entity>& found) {
  std::vector<std::string> labels;
  for (const CitationValue* v : NotesOf(found)) labels.push_back(v->note_label);
  return labels;
}

// A note's author, title and publisher.
void ExpectParts(const CitationValue* v, const char* author, const char* title, const char* publisher) {
  EXPECT_EQ(v->author, author);
  EXPECT_EQ(v->title, title);
  EXPECT_EQ(v->publisher, publisher);
}

std::string Describe(const std::vector<Entity>& found) {
  std::string all;
  for (const Entity& e : found) all += " [" + e.text + "]";
  return all;
}

struct Case {
  const char* name;
  const char* text;
  const char* find;
  const char* kind;
  const char* case_name;
  const char* reporter;
  const char* court;
  const char* year;
};

TEST(CitationFinderTest, CasesReportersUrls) {
  const Case cases[] = {
      {"FullCaseEndsAtClosingParenthesis",
       "The court in Innovation Law Lab v. McAleenan, 924 F.3d 503 (9th Cir. 2019), stayed it.",
       "Innovation Law Lab v. McAleenan, 924 F.3d 503 (9th Cir. 2019)", "case", "Innovation Law Lab v. McAleenan",
       "F.3d", "9th Cir.", "2019"},
      {"AdministrativeDecision", "See Matter of A-B-, 27 I&N Dec. 316 (A.G. 2018).",
       "Matter of A-B-, 27 I&N Dec. 316 (A.G. 2018)", "case", "Matter of A-B-", "I&N Dec.", "A.G.", "2018"},
      {"CaseNameAloneDropsLeadingIn", "In Wolf v. Innovation Law Lab the Court granted a stay.",
       "Wolf v. Innovation Law Lab", "case", "Wolf v. Innovation Law Lab", "", "", ""},
      {"CaseNameStopsBeforeSentence", "Their case Innovation Law Lab v. McAleenan. The Court agreed.",
       "Innovation Law Lab v. McAleenan", "case", "Innovation Law Lab v. McAleenan", "", "", ""},
      {"InReKeepsItsIn", "In re Gault (1967) set the rule.", "In re Gault (1967)", "case", "In re Gault", "", "",
       "1967"},
      {"PinpointAndFullDateParenthetical",
       "See Al Otro Lado, Inc. v. Wolf, 952 F.3d 999, 1004 (9th Cir. Mar. 5, 2020).",
       "Al Otro Lado, Inc. v. Wolf, 952 F.3d 999, 1004 (9th Cir. Mar. 5, 2020)", "case",
       "Al Otro Lado, Inc. v. Wolf", "F.3d", "9th Cir.", "2020"},
      {"AbbreviatedPartyBeforeV",
       "vacated in Capital Area Immigrants' Rights Coal. v. Trump, 471 F. Supp. 3d 25 (D.D.C. 2020).",
       "Capital Area Immigrants' Rights Coal. v. Trump, 471 F. Supp. 3d 25 (D.D.C. 2020)", "case",
       "Capital Area Immigrants' Rights Coal. v. Trump", "F. Supp. 3d", "D.D.C.", "2020"},
      {"ReporterAloneTakesItsReportersCourts", "as held at 924 F.3d 503 and later", "924 F.3d 503", "reporter", "",
       "F.3d", "United States Courts of Appeals", ""},
      {"ReporterWithSpacesInside", "rejected, 418 F. Supp. 3d 1096 (N.D. Cal. 2019).",
       "418 F. Supp. 3d 1096 (N.D. Cal. 2019)", "reporter", "", "F. Supp. 3d", "N.D. Cal.", "2019"},
      {"UrlWithoutTrailingPeriod", "Data: https://www.cbp.gov/newsroom/stats/mpp.",
       "https://www.cbp.gov/newsroom/stats/mpp", "url", "", "", "", ""},
      {"UrlKeepsBalancedParenthesis", "(see https://en.wikipedia.org/wiki/MPP_(policy)).",
       "https://en.wikipedia.org/wiki/MPP_(policy)", "url", "", "", "", ""},
      {"WwwWithoutScheme", "visit www.hrw.org/news, then", "www.hrw.org/news", "url", "", "", "", ""},
      {"ParallelReportersStayInOneCase",
       "See Hamdi v. Rumsfeld, 542 U.S. 507, 124 S. Ct. 2633, 159 L. Ed. 2d 578 (2004), for the rule.",
       "Hamdi v. Rumsfeld, 542 U.S. 507, 124 S. Ct. 2633, 159 L. Ed. 2d 578 (2004)", "case", "Hamdi v. Rumsfeld",
       "U.S.", "Supreme Court of the United States", "2004"},
      {"PinpointThenParallelReporter", "As in Plyler v. Doe, 457 U.S. 202, 210, 102 S. Ct. 2382 (1982), it held.",
       "Plyler v. Doe, 457 U.S. 202, 210, 102 S. Ct. 2382 (1982)", "case", "Plyler v. Doe", "U.S.",
       "Supreme Court of the United States", "1982"},
      {"NominativeReporterInsideUsReports", "Since Marbury v. Madison, 5 U.S. (1 Cranch) 137 (1803), courts review.",
       "Marbury v. Madison, 5 U.S. (1 Cranch) 137 (1803)", "case", "Marbury v. Madison", "U.S.",
       "Supreme Court of the United States", "1803"},
      {"ShortFormWithAt", "The Board said so. Matter of Acosta, 19 I&N Dec. at 233.",
       "Matter of Acosta, 19 I&N Dec. at 233", "case", "Matter of Acosta", "I&N Dec.", "Board of Immigration Appeals",
       ""},
      {"ReporterWithoutSpacesFindsItsCourt", "See Doe v. Smith, 123 F.Supp.2d 456 (2000).",
       "Doe v. Smith, 123 F.Supp.2d 456 (2000)", "case", "Doe v. Smith", "F.Supp.2d", "United States District Courts",
       "2000"},
      {"WashingtonReportsAndAnExclamationInAName",
       "In Barnes v. Yahoo!, Inc., 178 Wn. App. 929 (2014), the court agreed.",
       "Barnes v. Yahoo!, Inc., 178 Wn. App. 929 (2014)", "case", "Barnes v. Yahoo!, Inc.", "Wn. App.",
       "Washington Court of Appeals", "2014"},
      {"HyphenatedInitialsInPartyName", "In A.B.-C. v. Barr, 950 F.3d 1 (1st Cir. 2020), the panel split.",
       "A.B.-C. v. Barr, 950 F.3d 1 (1st Cir. 2020)", "case", "A.B.-C. v. Barr", "F.3d", "1st Cir.", "2020"},
      {"RegionalCourtBySeriesAndNumber",
       "Compare Advisory Opinion OC-18/03, Inter-Am. Ct. H.R. (ser. A) No. 18 (Sept. 17, 2003), on workers.",
       "Advisory Opinion OC-18/03, Inter-Am. Ct. H.R. (ser. A) No. 18 (Sept. 17, 2003)", "case",
       "Advisory Opinion OC-18/03", "Inter-Am. Ct. H.R.", "", "2003"},
      {"RegionalCourtByApplicationNumber",
       "The risk test of Saadi v. Italy, App. No. 37201/06 (Eur. Ct. H.R. Feb. 28, 2008) applies.",
       "Saadi v. Italy, App. No. 37201/06 (Eur. Ct. H.R. Feb. 28, 2008)", "case", "Saadi v. Italy", "",
       "Eur. Ct. H.R.", "2008"},
      {"DoiIsAUrl", "Published as doi:10.1093/ijrl/eez012.", "doi:10.1093/ijrl/eez012", "url", "", "", "", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const std::vector<Entity> found = Citations(c.text);
    const Entity* hit = nullptr;
    for (const Entity& e : found) {
      if (e.text == c.find) hit = &e;
    }
    ASSERT_NE(hit, nullptr) << "no \"" << c.find << "\"; found:" << Describe(found);
    const CitationValue* v = hit->as<CitationValue>();
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(v->kind, c.kind);
    EXPECT_EQ(v->case_name, c.case_name);
    EXPECT_EQ(v->reporter, c.reporter);
    EXPECT_EQ(v->court, c.court);
    EXPECT_EQ(v->year, c.year);
  }
}

// Every abbreviation in lists.reporters is matched whole by the pack's
// `reporter` fragment (scripts/sync_fragments.py writes it), so a reporter
// added to the list is found; and one cited in running text is a citation.
TEST(CitationFinderTest, ReporterListAgreesWithFragment) {
  const PatternPack* pack = Finders().pack("citation");
  ASSERT_NE(pack, nullptr);
  const RE2 reporter("(?:" + pack->fragment("reporter") + ")");
  ASSERT_TRUE(reporter.ok()) << reporter.error();
  const nlohmann::json& list = pack->list("reporters");
  ASSERT_TRUE(list.is_object());
  ASSERT_GT(list.size(), 150u);
  for (const auto& [name, court] : list.items()) {
    EXPECT_TRUE(RE2::FullMatch(name, reporter)) << name;
    EXPECT_TRUE(court.is_string()) << name;
  }
  for (const char* cite : {"512 N.C. App. 44", "88 Ohio App. 3d 120", "201 So. 3d 7", "4 Wheat. 316"}) {
    const std::vector<Entity> found = Citations(std::string("The court relied on ") + cite + " in its ruling.");
    ASSERT_EQ(found.size(), 1u) << cite << Describe(found);
    EXPECT_EQ(found[0].text, cite);
  }
}

TEST(CitationFinderTest, NotCitations) {
  const char* texts[] = {
      "It is only a matter of time before the shelters fill.",
      "About 500 U.S. citizens were returned by mistake.",
      "Vitamin v. 12 was listed.",
      "Favorite game: Broncos vs. Raiders at Mile High Stadium.",
      "Links like [this](#) are not addresses.",
      "The site showed http:// and nothing more.",
  };
  for (const char* text : texts) {
    const std::vector<Entity> found = Citations(text);
    EXPECT_TRUE(found.empty()) << text << " ->" << Describe(found);
  }
}

// Plain text of a PDF article: footnotes numbered at line starts, wrapped
// over blank lines, followed by body text that resumes mid-sentence.
constexpr const char* kArticle =
    "The program was announced in December 2018.1 Officials cited the statute.2\n"
    "Mexico agreed under pressure from President\n"
    "\n"
    " \n"
    "1 TRAC Immigration, \xE2\x80\x9C" "Details on MPP Deportation Proceedings,\xE2\x80\x9D TRAC \n"
    "\n"
    "Reports, Inc. Syracuse, New York. Data through January 2020. \n"
    "2 United States Department of State, Office of the Spokesperson, \xE2\x80\x9CU.S.-Mexico Joint "
    "Declaration\xE2\x80\x9D Media Note. \n"
    "\n"
    "U.S. DHS Website. Washington, D.C., June 7, 2019.  \n"
    " Donald Trump. Their agreement was announced in June.3 The numbers grew.\n"
    "\n"
    "3 While the United States has not ratified the 1951 Convention, it is bound by the \n"
    "\n"
    "1967 Protocol. \n"
    " negative decisions followed in many cases.\n";

TEST(CitationFinderTest, PlainTextFootnotesAreNotes) {
  Document doc = Normalized(kArticle);
  const std::vector<Entity> found = Citations(doc);
  ASSERT_EQ(found.size(), 3u) << Describe(found);
  const CitationValue* first = found[0].as<CitationValue>();
  EXPECT_EQ(found[0].text.substr(0, 17), "TRAC Immigration,");
  EXPECT_TRUE(found[0].text.ends_with("Data through January 2020.")) << found[0].text;
  EXPECT_EQ(first->kind, "note");
  EXPECT_EQ(first->note_label, "1");
  ExpectParts(first, "TRAC Immigration", "Details on MPP Deportation Proceedings", "TRAC Reports, Inc.");
  // The second note runs past "Media Note." to its date, and stops before
  // the body text that resumes after it.
  const CitationValue* second = found[1].as<CitationValue>();
  EXPECT_TRUE(found[1].text.ends_with("Washington, D.C., June 7, 2019.")) << found[1].text;
  EXPECT_EQ(second->publisher, "U.S. DHS Website");  // not the genre "Media Note"
  EXPECT_EQ(second->note_label, "2");
  // A prose footnote is a note without parts.
  const CitationValue* third = found[2].as<CitationValue>();
  EXPECT_TRUE(found[2].text.ends_with("1967 Protocol.")) << found[2].text;
  EXPECT_EQ(third->author, "");
  EXPECT_EQ(third->title, "");
}

TEST(CitationFinderTest, NumberedLinesWithoutMarkersAreNotNotes) {
  // Numbered headings: no footnote marker announces them.
  const std::vector<Entity> found =
      Citations("Report\n\n1 Introduction\n\nThe program began.\n\n2 Findings\n\nThe numbers grew.\n");
  EXPECT_TRUE(found.empty()) << Describe(found);
  // A model number is no marker: "PS4" announces no note 4.
  const std::vector<Entity> deals =
      Citations("The PS4 DualShock and the Nighthawk X4 are on sale.\n\n4 Month of Music for $0.99\n\nThis deal "
                "works for new subscribers.\n");
  EXPECT_TRUE(deals.empty()) << Describe(deals);
  // A timeline entry that opens with a day, its number glued in the text
  // before it ("F.3d" holds a 3): one block numbered 3 and no note 1.
  const std::vector<Entity> timeline =
      Citations("The court held so in 962 F.3d 612 and moved on.\n\nSpring 2023: Title 42 ends.\n"
                "3 June 2024: Proclamation 10773 invokes Section 212(f) to suspend entry when crossings are high.\n");
  for (const Entity& e : timeline) EXPECT_NE(e.as<CitationValue>()->kind, "note") << Describe(timeline);
}

TEST(CitationFinderTest, NoteDateSkipsTheTitle) {
  Document doc = Normalized(
      "Migration rose.1\n\n1 \xE2\x80\x9C" "50 Mil Migrantes Han Pedido Refugio En 2019.\xE2\x80\x9D Excelsior, "
      "September 9, 2019.\n");
  const std::vector<Entity> found = Citations(doc);
  ASSERT_EQ(found.size(), 1u) << Describe(found);
  const CitationValue* v = found[0].as<CitationValue>();
  EXPECT_EQ(v->title, "50 Mil Migrantes Han Pedido Refugio En 2019");
  EXPECT_EQ(v->publisher, "Excelsior");
  EXPECT_EQ(v->date, "2019-09-09");
}

TEST(CitationFinderTest, FootnoteSegmentsFromTheExtractor) {
  // Body, then two footnote segments as the PDF extractor labels them.
  const std::string body = "Returns began in 2019.";
  const std::string sep = "\n\n";
  // A web page's footnote ends in its back link, which stays out of the note.
  const std::string note1 = "1 Human Rights First, \"Publicly reported cases,\" HRF, January 21, 2020. \xE2\x86\xA9";
  const std::string note2 = "Trump v. Hawaii, 585 U.S. 667 (2018).";
  Document doc;
  doc.format = Format::kPdf;
  doc.raw_text = body + sep + note1 + sep + note2;
  // Segments tile the raw text: body, separator, note, separator, note.
  const std::pair<size_t, Role> parts[] = {{body.size(), Role::kBody},       {sep.size(), Role::kSeparator},
                                           {note1.size(), Role::kFootnote}, {sep.size(), Role::kSeparator},
                                           {note2.size(), Role::kFootnote}};
  size_t at = 0;
  int label = 0;
  for (const auto& [size, role] : parts) {
    Segment seg;
    seg.begin = at;
    seg.end = at + size;
    seg.role = role;
    seg.linear = role != Role::kSeparator;
    seg.anchor.byte_offset = role == Role::kSeparator ? -1 : static_cast<int64_t>(at);
    seg.anchor.page = 1;
    if (role == Role::kFootnote) seg.label = std::to_string(++label);
    doc.segments.push_back(seg);
    at += size;
  }
  TextNormalizer normalizer;
  ASSERT_TRUE(normalizer.Normalize(doc).ok());
  const std::vector<Entity> found = Citations(doc);
  ASSERT_EQ(found.size(), 2u) << Describe(found);
  EXPECT_EQ(found[0].text, "Human Rights First, \"Publicly reported cases,\" HRF, January 21, 2020.");
  const CitationValue* v = found[0].as<CitationValue>();
  EXPECT_EQ(v->kind, "note");
  EXPECT_EQ(v->note_label, "1");
  EXPECT_EQ(v->author, "Human Rights First");
  EXPECT_EQ(v->publisher, "HRF");
  EXPECT_EQ(v->date, "2020-01-21");
  // A footnote that is one case citation is that case, with the label.
  const CitationValue* c = found[1].as<CitationValue>();
  EXPECT_EQ(c->kind, "case");
  EXPECT_EQ(c->case_name, "Trump v. Hawaii");
  EXPECT_EQ(c->note_label, "2");
}

TEST(CitationFinderTest, ReferenceSectionEntries) {
  const std::vector<Entity> found = Citations(
      "Body text ends here.\n\nReferences\n\nIsacson, Adam. \"A Memo from El Paso.\" WOLA, December 19, "
      "2019.\n\nFleury, Anjali. \"Fleeing to Mexico for Safety.\" United Nations University, May 4, 2016.\n");
  ASSERT_EQ(found.size(), 2u) << Describe(found);
  EXPECT_EQ(found[0].as<CitationValue>()->author, "Isacson, Adam");
  EXPECT_EQ(found[1].as<CitationValue>()->publisher, "United Nations University");
}

// A reference heading after a qualifier ("Selected Bibliography"), an
// entry that cites only statutes, and a DOI at the end of an entry: all
// notes, the DOI inside its entry.
TEST(CitationFinderTest, QualifiedHeadingsAndStatuteOnlyNotes) {
  const std::vector<Entity> found = Citations(
      "Body text ends here.\n\nNotes\n\n[1] 8 U.S.C. \xC2\xA7 1229a(b)(4)(A); see also 8 C.F.R. \xC2\xA7 "
      "1003.16.\n\n[2] Jane Roe, \"Counsel at Bond,\" Law Review, 2019.\n\nSelected Bibliography\n\nAmnesty "
      "International. In the Shadows: Detention on the Border. London: Amnesty International, 2021.\n\nDoe, John. "
      "\"Bond Hearings.\" Law Review 12 (2018): 1-20. doi:10.1000/xyz123.\n");
  ASSERT_EQ(found.size(), 4u) << Describe(found);
  for (const Entity& e : found) EXPECT_EQ(e.as<CitationValue>()->kind, "note") << e.text;
  EXPECT_TRUE(found[0].text.starts_with("8 U.S.C.")) << found[0].text;
  // A numbered entry (an endnote) keeps its number as the label markers
  // point to; a bibliography entry has none.
  EXPECT_EQ(found[0].as<CitationValue>()->note_label, "1");
  EXPECT_EQ(found[1].as<CitationValue>()->note_label, "2");
  EXPECT_EQ(found[2].as<CitationValue>()->note_label, "");
  EXPECT_TRUE(found[2].text.starts_with("Amnesty International.")) << found[2].text;
  EXPECT_TRUE(found[3].text.ends_with("doi:10.1000/xyz123.")) << found[3].text;
  // Prose under a heading that is no reference heading stays prose.
  EXPECT_TRUE(Citations("Field Notes\n\nWe visited three shelters in 2019 and spoke to staff.\n").empty());
}

// Bibliography styles beyond "Author. "Title." Publisher, date.": an APA
// year after the author, a place before the publisher, a British
// single-quoted title with an apostrophe inside, and a Chicago note whose
// closing parenthesis names place, publisher and date (pages after it
// left out).
TEST(CitationFinderTest, NotePartsInOtherStyles) {
  const std::vector<Entity> found = Citations(
      "Body text ends here.\n\nReferences\n\nSmith, J. (2020). Border enforcement and migrant deaths. Journal of "
      "Migration Studies, 12(3), 45-67.\n\nHuman Rights Watch. \"We Can't Help You Here\": US Returns of Asylum "
      "Seekers to Mexico. New York: Human Rights Watch, July 2, 2019.\n\nAmnesty International, 'You Don't Have Any "
      "Rights Here': Pushbacks and Detention (London: Amnesty International, 2018).\n\nDaniel Kanstroom, Deportation "
      "Nation: Outsiders in American History (Cambridge, MA: Harvard University Press, 2007).\n\nHuman Rights "
      "Watch, Waiting in Limbo (New York: Human Rights Watch, 2020), pp. 3-5.\n");
  ASSERT_EQ(found.size(), 5u) << Describe(found);
  const CitationValue* apa = found[0].as<CitationValue>();
  EXPECT_EQ(apa->author, "Smith, J.");
  EXPECT_EQ(apa->title, "Border enforcement and migrant deaths");
  EXPECT_EQ(found[1].as<CitationValue>()->publisher, "Human Rights Watch");
  const CitationValue* quoted = found[2].as<CitationValue>();
  ExpectParts(quoted, "Amnesty International", "You Don't Have Any Rights Here", "Amnesty International");
  const CitationValue* chicago = found[3].as<CitationValue>();
  ExpectParts(chicago, "Daniel Kanstroom", "Deportation Nation: Outsiders in American History",
              "Harvard University Press");
  EXPECT_EQ(chicago->date, "2007");
  // The pages cited after the closing parenthesis are no part of it.
  ExpectParts(found[4].as<CitationValue>(), "Human Rights Watch", "Waiting in Limbo", "Human Rights Watch");
}

// A table of authorities' "Other Authorities": one note per entry, without
// the dot leader and the pages it is cited on.
TEST(CitationFinderTest, TableOfAuthoritiesOtherAuthorities) {
  const std::vector<Entity> found = Citations(
      "TABLE OF AUTHORITIES\n\nOther Authorities\n\n"
      "Am. Immigration Council, Immigration Detention in the United\n"
      "   States by Agency (Jan. 2, 2020) ............................. 11\n"
      "TRAC Immigration, Immigration Detention Quick Facts\n   (last visited Nov. 3, 2025) .......... 4, 7, 12\n"
      "U.S. Immigration & Customs Enforcement, Interim Guidance Regarding\n"
      "   Detention Authority for Applicants for Admission (July 8, 2025) .... passim\n\nARGUMENT\n");
  const std::vector<const CitationValue*> notes = NotesOf(found);
  ASSERT_EQ(notes.size(), 3u) << Describe(found);
  EXPECT_EQ(found[0].text, "Am. Immigration Council, Immigration Detention in the United States by Agency (Jan. 2, 2020)");
  ExpectParts(notes[0], "Am. Immigration Council", "Immigration Detention in the United States by Agency", "");
  EXPECT_EQ(notes[2]->author, "U.S. Immigration & Customs Enforcement");
}

// A case name on its own line at the top is the document's own caption.
TEST(CitationFinderTest, OwnCaptionIsNoCitation) {
  const std::vector<Entity> found = Citations(
      "SUPREME COURT OF THE UNITED STATES\n\n  ALVARADO-REYES v. WARDEN, SOUTH TEXAS PROCESSING CENTER, ET AL.\n\n"
      "Ochoa-Reyes v. Warden, Otay Mesa Detention Center et al\nAssigned to: Judge Tillman\n\n"
      "The Court held in Jennings v. Rodriguez that the statute is clear.\n");
  ASSERT_EQ(found.size(), 1u) << Describe(found);
  EXPECT_EQ(found[0].text, "Jennings v. Rodriguez");
}

// An excerpt's footnotes may start past 1 (a report's chapter); a body
// line that opens with a day is no note when the notes proper start at 1.
TEST(CitationFinderTest, NumberedNotesOfAnExcerptAndADayBeforeNote1) {
  const std::vector<Entity> excerpt = Citations(
      "IIRIRA was signed into law on September 30, 1996.12 It applies at the border.13\n\n"
      "12 P.L. 104-208, Div. C, 110 Stat. 3009-546.\n13 Designating Aliens for Expedited Removal, 69 Fed. Reg. "
      "48,877 (Aug. 11, 2004).\n");
  EXPECT_EQ(NoteLabels(excerpt), (std::vector<std::string>{"12", "13"})) << Describe(excerpt);
  const std::vector<Entity> report = Citations(
      "Nine were children.1 Over 2,000 incidents were logged in 2023 alone3 and more.2\n\nHe spoke to us on\n"
      "3 September 2023. Under Article 9 of the Covenant, no one may be detained arbitrarily.\n\nEndnotes\n\n"
      "1 Interview notes on file with the authors, 2023.\n2 Border Violence Monitoring Network, Annual Torture "
      "Report 2023, Berlin, March 2024, p. 12.\n3 UNHCR, \"Greece: Sea and Land Arrivals Monthly,\" Factsheet, 31 "
      "July 2023.\n");
  for (const Entity& e : report) EXPECT_FALSE(e.text.starts_with("September")) << e.text;
  EXPECT_EQ(NoteLabels(report), (std::vector<std::string>{"1", "2", "3"})) << Describe(report);
}

// Plain-text notes numbered in brackets under a rule close a report; the
// ones that name a work are note citations, a remark on the text is not.
TEST(CitationFinderTest, BracketedNotesUnderARuleNameWorks) {
  const std::vector<Entity> found = Citations(
      "Pushbacks continued.(1) The agency said so.(2) Data agree.(3)\n\n___________\n"
      "(1) The applicant was heard twice in 2019.\n"
      "(2) European Union Agency for Fundamental Rights, \"Quarterly bulletin 1/2024\", Vienna, May 2024.\n"
      "(3) UNHCR, Europe Situations: data and trends, https://data.unhcr.org/en/situations/europe (accessed 2 "
      "April 2024).\n");
  const std::vector<const CitationValue*> notes = NotesOf(found);
  ASSERT_EQ(notes.size(), 2u) << Describe(found);
  EXPECT_EQ(notes[0]->note_label, "2");
  EXPECT_EQ(notes[0]->author, "European Union Agency for Fundamental Rights");
  EXPECT_EQ(notes[0]->title, "Quarterly bulletin 1/2024");
  EXPECT_EQ(notes[1]->note_label, "3");
  ExpectParts(notes[1], "UNHCR", "Europe Situations: data and trends", "");
  // Under a Spanish notes heading, with a footer line after the notes.
  const std::vector<Entity> notas = Citations(
      "El informe cita a la Defensoría.[1]\n\nNotas\n[1] Defensoría del Pueblo de Colombia, \"Niñez migrante en el "
      "Darién\", Bogotá, noviembre de 2023.\n\nPágina 4 de 38\n");
  ASSERT_EQ(notas.size(), 1u) << Describe(notas);
  EXPECT_EQ(notas[0].as<CitationValue>()->author, "Defensoría del Pueblo de Colombia");
  // Enumerated paragraphs after a rule in the middle of a text are no notes.
  const std::vector<Entity> listed = Citations(
      "Terms.\n\n-----\n(1) Smith, \"The Rule\", Press, 2019.\n(2) Jones, \"Another\", Press, 2020.\n\n"
      "The applicant then argued the case at length before the tribunal.\n\nThe tribunal disagreed with "
      "him.\n\nIt dismissed the appeal.\n");
  for (const Entity& e : listed) EXPECT_NE(e.as<CitationValue>()->kind, "note") << Describe(listed);
}

// Endnotes whose lines the normalizer joined into one paragraph are split
// at each number that continues the count.
TEST(CitationFinderTest, JoinedNumberedEndnotesAreSeparateNotes) {
  const std::vector<Entity> found = Citations(
      "Returns to Danger\n\nMore than 70,000 people were returned.[1] Many were kidnapped.[2]\n\nNotes\n\n"
      "[1] Migration Policy Institute, \"Remain in Mexico: Three Years On,\" January 2022.\n"
      "[2] Human Rights First, Delivered to Danger (New York: Human Rights First, February 2020), 4.\n");
  ASSERT_EQ(found.size(), 2u) << Describe(found);
  EXPECT_EQ(found[0].as<CitationValue>()->author, "Migration Policy Institute");
  EXPECT_EQ(found[1].as<CitationValue>()->author, "Human Rights First");
  EXPECT_EQ(found[1].as<CitationValue>()->title, "Delivered to Danger");
}

// Footnotes that open with a signal or repeat the note before, and a
// Chicago note with a page cited after its publication parenthesis.
TEST(CitationFinderTest, NoteSignalsShortFormsAndPinpoints) {
  const std::vector<Entity> found = Citations(
      "The policy was challenged.1 Violence was documented.2 The report said so.3\n\n"
      "1 See Kate Morrissey, \"Asylum seekers face violence in Tijuana,\" San Diego Union-Tribune, March 3, 2020.\n"
      "2 Human Rights First, Delivered to Danger: Sending Asylum Seekers to Danger (New York: Human Rights First, "
      "February 2020), 4.\n"
      "3 Id. at 1080.\n");
  ASSERT_EQ(found.size(), 3u) << Describe(found);
  const CitationValue* signal = found[0].as<CitationValue>();
  EXPECT_EQ(signal->author, "Kate Morrissey");
  EXPECT_EQ(signal->title, "Asylum seekers face violence in Tijuana");
  const CitationValue* pinpoint = found[1].as<CitationValue>();
  ExpectParts(pinpoint, "Human Rights First", "Delivered to Danger: Sending Asylum Seekers to Danger",
              "Human Rights First");
  const CitationValue* id = found[2].as<CitationValue>();
  EXPECT_EQ(id->kind, "note");
  EXPECT_EQ(id->author, "");
  EXPECT_EQ(id->title, "");
}

// APA with an organization as author: its year in brackets is its own
// sentence, and no title.
TEST(CitationFinderTest, ApaYearAfterAnOrganization) {
  const std::vector<Entity> found = Citations(
      "Policy shapes outcomes.\n\nReferences\n\n"
      "American Immigration Council. (2021). The Cost of Immigration Enforcement and Border Security. Washington, DC: "
      "American Immigration Council.\n");
  ASSERT_EQ(found.size(), 1u) << Describe(found);
  const CitationValue* v = found[0].as<CitationValue>();
  ExpectParts(v, "American Immigration Council", "The Cost of Immigration Enforcement and Border Security",
              "American Immigration Council");
}

// Legal citation of a web page: "Author, Title (Jan. 24, 2019), URL". The
// month's period ends no part, and a date alone in brackets closes the
// title; "See supra note 1" repeats an earlier note.
TEST(CitationFinderTest, NoteWithADateInBracketsAndAnAddress) {
  const std::vector<Entity> found = Citations(
      "The program began.1 It was challenged.2\n\n"
      "1 U.S. Dep't of Homeland Sec., Migrant Protection Protocols (Jan. 24, 2019), "
      "https://www.dhs.gov/news/2019/01/24/migrant-protection-protocols.\n"
      "2 See supra note 1, at 12.\n");
  const std::vector<const CitationValue*> notes = NotesOf(found);
  ASSERT_EQ(notes.size(), 2u) << Describe(found);
  ExpectParts(notes[0], "U.S. Dep't of Homeland Sec", "Migrant Protection Protocols", "");
  EXPECT_EQ(notes[1]->title, "");
  EXPECT_EQ(notes[1]->author, "");
}

// A "Notes" list of dated sentences notes on the text; it cites no work.
TEST(CitationFinderTest, ProseUnderANotesHeadingIsNoReference) {
  EXPECT_TRUE(Citations("Body text ends here.\n\nNotes\n\n- Texas SB 4 was blocked by a federal judge on Feb. 29, "
                        "2024; the appeals court stayed that order on March 2.\n")
                  .empty());
}

// A footnote that states something and ends on a rule or statute cite (an
// amicus brief's authorship statement) is no reference to a work: only an
// entry made mostly of cites is a note.
TEST(CitationFinderTest, StatementEndingOnACiteIsNoNote) {
  const std::vector<Entity> found = Citations(
      "Body text ends here.\n\nFootnotes\n\n[1] No party's counsel authored this brief in whole or in part, and no "
      "person other than amici contributed money to fund its preparation. Fed. R. App. P. 29(a)(4)(E).\n\n[2] 8 "
      "U.S.C. \xC2\xA7 1158(a) (asylum).\n");
  ASSERT_EQ(found.size(), 1u) << Describe(found);
  EXPECT_TRUE(found[0].text.starts_with("8 U.S.C.")) << found[0].text;
  EXPECT_EQ(found[0].as<CitationValue>()->note_label, "2");
}

TEST(CitationFinderTest, PathologicalInputsFinish) {
  std::string vs;
  for (int i = 0; i < 10000; ++i) vs += "Smith v. ";
  vs += "Jones";
  const std::vector<Entity> found = Citations(vs);
  EXPECT_LE(found.size(), 10000u);
  for (const Entity& e : found) EXPECT_LT(e.text.size(), 300u);

  std::string caps;
  for (int i = 0; i < 50000; ++i) caps += "Word ";
  EXPECT_TRUE(Citations(caps).empty());

  std::string numbered;
  for (int i = 1; i <= 999; ++i) numbered += "x." + std::to_string(i) + "\n" + std::to_string(i) + " Note\n";
  EXPECT_GT(Citations(numbered).size(), 100u);

  EXPECT_EQ(Citations("https://" + std::string(1000000, 'a')).size(), 1u);
  EXPECT_TRUE(Citations(std::string(1000000, '1')).empty());
}

}  // namespace
}  // namespace dossier
