// Hard cases of the statute finder, each named after what it pins down,
// the agreement between the pack's instrument list and its alternations,
// and pathological inputs (which must simply finish with sane output).
#include "pipeline/find/statute_finder.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <string>
#include <vector>

#include "pipeline/find/entity_finder.h"
#include "pipeline/find/instrument_index.h"
#include "pipeline/find/provision_text.h"
#include "pipeline/normalize/normalizer.h"
#include "tests/find/finder_test_util.h"

namespace dossier {
namespace {

const EntityFinder& Finders() { return test_util::BuiltinFinder(); }

// Returns the statutes found in `text` (normalized first), in text order.
std::vector<Entity> Statutes(const std::string& text) {
  Document doc = test_util::NormalizedDocument(text);
  const PatternPack* pack = Finders().pack("statute");
  EXPECT_NE(pack, nullptr);
  std::vector<Entity> out;
  if (pack != nullptr) MakeStatuteFinder(*pack)->Find(doc, test_util::MatchesOf(*pack, doc.text).matches, {}, &out);
  return out;
}

struct Case {
  const char* name;
  const char* text;
  const char* find;        // expected entity text
  const char* instrument;  // expected instrument
  const char* provision;   // expected provision ("" = none)
  bool inferred;
};

TEST(StatuteFinderTest, HardCases) {
  const Case cases[] = {
      {"ProvisionOfInstrumentKeepsParentheticalAbbreviation",
       "DHS cites Section 235(b)(2)(C) of the Immigration and Nationality Act (INA) for MPP.",
       "Section 235(b)(2)(C) of the Immigration and Nationality Act (INA)", "Immigration and Nationality Act",
       "Section 235(b)(2)(C)", false},
      {"AbbreviationThenSectionSignWithoutSpace", "pending removal proceedings under INA §240.", "INA §240",
       "Immigration and Nationality Act", "§ 240", false},
      {"UsCodeWithSubsections", "See 8 U.S.C. § 1225(b)(2)(C).", "8 U.S.C. § 1225(b)(2)(C)", "United States Code",
       "Title 8 § 1225(b)(2)(C)", false},
      {"CfrSection", "Screening follows 8 C.F.R. § 208.30 today.", "8 C.F.R. § 208.30",
       "Code of Federal Regulations", "Title 8 § 208.30", false},
      {"UsCodeWithoutSectionSign", "It invoked 50 U.S.C. 1701 as well.", "50 U.S.C. 1701", "United States Code",
       "Title 50 § 1701", false},
      {"UsCodeRangeWithDoubleSign", "Detention: 8 U.S.C. §§ 1225-1226.", "8 U.S.C. §§ 1225-1226",
       "United States Code", "Title 8 §§ 1225-1226", false},
      {"UsCodeEtSeqStaysInSpan", "The INA, 8 U.S.C. § 1101 et seq., governs.", "8 U.S.C. § 1101 et seq.",
       "United States Code", "Title 8 § 1101 et seq.", false},
      {"ProseOrderSectionOfTitle", "They sued under section 1983 of title 42 in 2019.", "section 1983 of title 42",
       "United States Code", "Title 42 § 1983", false},
      {"TreatyArticleAfterName", "Legal basis: 1951 Refugee Convention Article 33 (non-refoulement)",
       "1951 Refugee Convention Article 33", "Convention Relating to the Status of Refugees", "Article 33", false},
      {"ArticleListJoinedWithAnd", "It breaches ICCPR Articles 9 and 14 (liberty).", "ICCPR Articles 9 and 14",
       "International Covenant on Civil and Political Rights", "Articles 9, 14", false},
      {"ArticleAbbreviatedBeforeAbbreviation", "A breach of Art. 3 CAT was found.", "Art. 3 CAT",
       "Convention Against Torture", "Article 3", false},
      {"YearBelongsToTheInstrument", "Article 1 of the 1967 Protocol Relating to the Status of Refugees applies.",
       "Article 1 of the 1967 Protocol Relating to the Status of Refugees",
       "Protocol Relating to the Status of Refugees", "Article 1", false},
      {"LongTreatyNameWithExtraComma",
       "and the Convention Against Torture and other Cruel, Inhuman, or Degrading Treatment or Punishment.",
       "Convention Against Torture and other Cruel, Inhuman, or Degrading Treatment or Punishment",
       "Convention Against Torture", "", false},
      {"AliasInParenthesesIsOneMention",
       "the 1951 Convention relating to the Status of Refugees (the Refugee Convention) by",
       "1951 Convention relating to the Status of Refugees (the Refugee Convention)",
       "Convention Relating to the Status of Refugees", "", false},
      {"ShortAliasResolvesToCanonicalAct", "In 1980, Congress enacted the Refugee Act, which", "Refugee Act",
       "Refugee Act of 1980", "", false},
      {"GenericActWithYearNotInList", "under section 10(b) of the Securities Exchange Act of 1934.",
       "section 10(b) of the Securities Exchange Act of 1934", "Securities Exchange Act of 1934", "Section 10(b)",
       false},
      {"GenericActDropsSentenceWord", "The Asylum Seeker Protection Act would end it.",
       "Asylum Seeker Protection Act", "Asylum Seeker Protection Act", "", false},
      {"BillWithActNameIsTheBill", "The REMAIN in Mexico Act of 2025 (H.R. 273) seeks to codify it.",
       "REMAIN in Mexico Act of 2025 (H.R. 273)", "H.R. 273", "", false},
      {"BillNumberThenName", "H.R. 273 - REMAIN in Mexico Act of 2025", "H.R. 273 - REMAIN in Mexico Act of 2025",
       "H.R. 273", "", false},
      {"PublicLawAsCited", "the Refugee Act of 1980, Pub. L. No. 96-212, set", "Pub. L. No. 96-212",
       "Pub. L. No. 96-212", "", false},
      {"SectionOfTheActInfersEarlierAct",
       "The Immigration and Nationality Act sets removal rules. Under section 240 of the Act, judges decide.",
       "section 240 of the Act", "Immigration and Nationality Act", "Section 240", true},
      {"BareSectionSignInfersEarlierCodeTitle", "Under 8 U.S.C. § 1225 officers screen; § 1226 governs custody.",
       "§ 1226", "United States Code", "Title 8 § 1226", true},
      {"BareSectionIsTheCodeTheNoteDeclares",
       "He pleaded to accessory after the fact (\u00a7 32) under 8 U.S.C. law.\n\n(1) Undesignated statutory "
       "references are to the Penal Code.\nIN THE COURT OF APPEAL OF THE STATE OF CALIFORNIA",
       "\u00a7 32", "California Penal Code", "\u00a7 32", true},
      {"UnnamedStateCodeTakesTheCaptionsState",
       "IN THE SUPREME COURT OF TEXAS\n\nHe was convicted under Penal Code section 22.01, subdivision (a)(1).",
       "Penal Code section 22.01, subdivision (a)(1)", "Texas Penal Code", "Section 22.01(a)(1)", false},
      {"ProvisionOfADefinedAcronym",
       "The Illegal Migration Act 2023 (IMA) received Royal Assent. Section 2 of the IMA places a duty.",
       "Section 2 of the IMA", "Illegal Migration Act 2023", "Section 2", false},
      {"AbbreviatedSectionNeedsNoEarlierCite",
       "The Immigration and Refugee Protection Act governs. The officer assessed the risk under s. 97 alone.",
       "s. 97", "Immigration and Refugee Protection Act", "Section 97", true},
      {"ArticleUnderTreatyHeadingIsInferred", "Convention Against Torture\n\nArticle 3\n\nNo state shall expel",
       "Article 3", "Convention Against Torture", "Article 3", true},
      {"DefinedAcronymFoundLater",
       "The Dream and Promise Act of 2021 (DPA) passed. Critics of the DPA said it was narrow.", "DPA",
       "Dream and Promise Act of 2021", "", false},
      {"ListedAbbreviationAlone", "Tariffs were threatened under IEEPA.", "IEEPA",
       "International Emergency Economic Powers Act", "", false},
      {"SentenceWordStaysOutOfListedName", "The Homeland Security Act of 2002 created DHS.",
       "Homeland Security Act of 2002", "Homeland Security Act of 2002", "", false},
      {"CodeListStopsBeforeNextTitle", "See 8 U.S.C. § 1158(b)(1)(A) and 8 C.F.R. § 1208.13 together.",
       "8 C.F.R. § 1208.13", "Code of Federal Regulations", "Title 8 § 1208.13", false},
      {"CodeListOfSections", "Expulsions cited 42 U.S.C. §§ 265, 268 in 2020.", "42 U.S.C. §§ 265, 268",
       "United States Code", "Title 42 §§ 265, 268", false},
      {"AmendmentIsConstitution", "They raised Fifth Amendment claims.", "Fifth Amendment",
       "United States Constitution", "Fifth Amendment", false},
      // Inferred instruments: what a lawyer reads "the Act" and a bare
      // section as.
      {"SectionOfTheActIsTheActThatCitedTheNumber",
       "Asylum is governed by section 208 of the Immigration and Nationality Act. The REAL ID Act of 2005 changed "
       "credibility rules. See section 208(b)(1)(B)(iii) of the Act.",
       "section 208(b)(1)(B)(iii) of the Act", "Immigration and Nationality Act", "Section 208(b)(1)(B)(iii)", true},
      {"PublicLawNumberIsNoActForTheAct",
       "The Immigration and Nationality Act governs entry. The INA was amended by the Illegal Immigration Reform and "
       "Immigrant Responsibility Act of 1996, Pub. L. No. 104-208. Under section 235(b) of the Act, officers screen.",
       "section 235(b) of the Act", "Immigration and Nationality Act", "Section 235(b)", true},
      {"DefinedTermTheActWins",
       "The Immigration and Nationality Act (the \"Act\") governs. Congress then passed the Homeland Security Act "
       "of 2002 and the REAL ID Act of 2005, and the REAL ID Act of 2005 changed appeals. Under section 240 of the Act, "
       "judges decide.",
       "section 240 of the Act", "Immigration and Nationality Act", "Section 240", true},
      {"ActNamedInTheSameSentenceWins",
       "The Immigration and Nationality Act governs removal, and the INA is long. The Gun Control Act of 1968 is "
       "different: section 922 of the Act bars sales.",
       "section 922 of the Act", "Gun Control Act of 1968", "Section 922", true},
      {"CovenantMeansTheCovenant",
       "The ICCPR and the Refugee Convention both apply; the Convention Against Torture too. Read article 2 of the "
       "Covenant with them.",
       "article 2 of the Covenant", "International Covenant on Civil and Political Rights", "Article 2", true},
      {"BareSectionSignTakesTheTitleThatCitedIt",
       "They sued under section 1983 of title 42. Detention rests on 8 U.S.C. § 1225(b). The § 1983 claim fails.",
       "§ 1983", "United States Code", "Title 42 § 1983", true},
      {"FourDigitSectionIsTheCodesNotTheLastAct",
       "The bar is in 8 U.S.C. § 1158(a)(2). Children are protected by the Trafficking Victims Protection "
       "Reauthorization Act of 2008; § 1232 sets the rules.",
       "§ 1232", "United States Code", "Title 8 § 1232", true},
      {"BareSectionWordAfterTheSameSection",
       "It complies with section 10(b) of the Securities Exchange Act of 1934. Investors may sue under section 10(b) "
       "too.",
       "section 10(b)", "Securities Exchange Act of 1934", "Section 10(b)", true},
      {"ArticleTakesTheTreatyThatCitedTheNumber",
       "Article 33(2) of the Refugee Convention has exceptions; Article 3 of the Convention Against Torture has none. "
       "The statute at 8 U.S.C. § 1231(b)(3) tracks Article 33.",
       "Article 33", "Convention Relating to the Status of Refugees", "Article 33", true},
      {"SpanishArticlesAfterALaw", "La Ley de Migración, en sus artículos 99 y 111, limita la detención.",
       "artículos 99 y 111", "Ley de Migración", "Articles 99, 111", true},
      {"EnglishArticlesAfterAGlossedLaw", "The Migration Law, in Articles 99 and 111, limits detention.",
       "Articles 99 and 111", "Ley de Migración", "Articles 99, 111", true},
      // Provisions as written.
      {"LowercaseArtAfterAbbreviation", "The same is true of ICCPR art. 7 and its case law.", "ICCPR art. 7",
       "International Covenant on Civil and Political Rights", "Article 7", false},
      {"ArticleNumberWithLetterAndParagraph", "Article 1A(2) of the Refugee Convention defines a refugee.",
       "Article 1A(2) of the Refugee Convention", "Convention Relating to the Status of Refugees", "Article 1A(2)",
       false},
      {"ArticleRangeWithThrough", "It binds states to Articles 2 through 34 of the 1951 Convention.",
       "Articles 2 through 34 of the 1951 Convention", "Convention Relating to the Status of Refugees",
       "Articles 2-34", false},
      {"PartOfTitleOfTheCfr", "See Part 1003 of title 8 of the Code of Federal Regulations.",
       "Part 1003 of title 8 of the Code of Federal Regulations", "Code of Federal Regulations", "Title 8 Part 1003",
       false},
      {"SpanishArticleOfConstitution",
       "El artículo 1 de la Constitución Política de los Estados Unidos Mexicanos prohíbe la discriminación.",
       "artículo 1 de la Constitución Política de los Estados Unidos Mexicanos",
       "Constitución Política de los Estados Unidos Mexicanos", "Article 1", false},
      {"SpanishTreatyWithTrailingYear", "Es parte de la Convención sobre el Estatuto de los Refugiados de 1951.",
       "Convención sobre el Estatuto de los Refugiados de 1951", "Convention Relating to the Status of Refugees", "",
       false},
      // State laws and bills.
      {"StateCodeAbbreviation", "It is a felony under Fla. Stat. § 787.07 since July.", "Fla. Stat. § 787.07",
       "Florida Statutes", "§ 787.07", false},
      {"StateCodeAbbreviationAfterANamedAct",
       "The California Values Act limits cooperation; see Cal. Gov't Code § 7284.6.", "Cal. Gov't Code § 7284.6",
       "California Government Code", "§ 7284.6", false},
      {"StateSenateBillSpelledOut", "Texas Senate Bill 4 took effect in March.", "Senate Bill 4", "S.B. 4", "", false},
      {"StateBillAbbreviated", "Florida's SB 1718 was signed in May.", "SB 1718", "S.B. 1718", "", false},
      {"AppropriationsActKeepsCommaYear", "It was part of the Consolidated Appropriations Act, 2018, in March.",
       "Consolidated Appropriations Act, 2018", "Consolidated Appropriations Act, 2018", "", false},
      {"DocketCauseOfAction", "Cause: 28:2241 Petition for Writ of Habeas Corpus (federal)", "28:2241",
       "United States Code", "Title 28 § 2241", false},
      {"ConstitutionArticleBluebook", "Congress acted under U.S. Const. art. I, § 8, cl. 3 here.",
       "U.S. Const. art. I, § 8, cl. 3", "United States Constitution", "Article I, § 8, cl. 3", false},
      {"ConstitutionAmendmentRomanNumeral", "It violates U.S. Const. amend. XIV, § 1.", "U.S. Const. amend. XIV, § 1",
       "United States Constitution", "Fourteenth Amendment", false},
      {"CfrPartAbbreviated", "The rule appears at 28 C.F.R. pt. 35.", "28 C.F.R. pt. 35",
       "Code of Federal Regulations", "Title 28 Part 35", false},
      {"NewYorkLawWithSection", "He was charged under N.Y. Penal Law § 125.25 in 2019.", "N.Y. Penal Law § 125.25",
       "New York Penal Law", "§ 125.25", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const std::vector<Entity> found = Statutes(c.text);
    const Entity* hit = nullptr;
    for (const Entity& e : found) {
      if (e.text == c.find) hit = &e;
    }
    std::string all;
    for (const Entity& e : found) all += " [" + e.text + "]";
    ASSERT_NE(hit, nullptr) << "no \"" << c.find << "\"; found:" << all;
    const StatuteValue* v = hit->as<StatuteValue>();
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(v->instrument, c.instrument);
    EXPECT_EQ(v->provision, c.provision);
    EXPECT_EQ(v->inferred, c.inferred);
  }
}

// "the INA and the Homeland Security Act of 2002": two instruments, not
// one Act named "INA and the Homeland Security Act of 2002".
TEST(StatuteFinderTest, JoinedInstrumentsAreSeparateMentions) {
  const char* texts[] = {
      "It exceeds the agency's authority under the INA and the Homeland Security Act of 2002.",
      "They sued under the APA and the Federal Vacancies Reform Act.",
  };
  const char* first[] = {"INA", "APA"};
  const char* second[] = {"Homeland Security Act of 2002", "Federal Vacancies Reform Act"};
  for (size_t i = 0; i < 2; ++i) {
    const std::vector<Entity> found = Statutes(texts[i]);
    ASSERT_EQ(found.size(), 2u) << texts[i];
    EXPECT_EQ(found[0].text, first[i]);
    EXPECT_EQ(found[1].text, second[i]);
  }
  // "from A to B" in a heading: the Act is B.
  const std::vector<Entity> heading = Statutes("H.R. 5376: from Build Back Better to the Inflation Reduction Act");
  ASSERT_EQ(heading.size(), 2u);
  EXPECT_EQ(heading[1].text, "Inflation Reduction Act");
}

TEST(StatuteFinderTest, ParallelReferencesAreSeparateMentions) {
  const std::vector<Entity> found = Statutes("Custody rests on section 236(a) of the INA, 8 U.S.C. § 1226(a).");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].text, "section 236(a) of the INA");
  EXPECT_EQ(found[1].text, "8 U.S.C. § 1226(a)");
}

TEST(StatuteFinderTest, NotStatutes) {
  const char* texts[] = {
      "The cat slept in the shelter courtyard.",
      "A Cat 5 storm hit the coast.",
      "They had to act quickly. Act now, the flyer said.",
      "Lawmakers Must Act",
      "Article 5 of the magazine described the crossing.",
      "Page 3 of the report lists § 5 as blank.",                 // no instrument before the bare §
      "The American Psychological Association (APA) warned that APA members object.",
      "The UN Committee against Torture (CAT) met; CAT members visited.",
      "About 500 U.S. 1234 figures were wrong.",  // "S. 1234" inside "U.S." is no bill
      "The convention center hosted a protocol meeting.",
      "Section 3 of this report describes the method; section 3 then lists the data.",
      "The SBA approved 40 loans, and AB testing ran for 5 weeks.",
      "The hearing starts at 10:30 and the cause is unclear.",
  };
  for (const char* text : texts) {
    const std::vector<Entity> found = Statutes(text);
    std::string all;
    for (const Entity& e : found) all += " [" + e.text + "]";
    EXPECT_TRUE(found.empty()) << text << " ->" << all;
  }
}

// An abbreviation the document gives to a committee still names the
// Convention where it carries an article: a committee has none.
TEST(StatuteFinderTest, SuppressedAbbreviationWithAnArticleIsTheInstrument) {
  const std::vector<Entity> found =
      Statutes("The UN Committee against Torture (CAT) urged an end to returns; CAT Article 3 bars them.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].text, "CAT Article 3");
  const StatuteValue* v = found[0].as<StatuteValue>();
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->instrument, "Convention Against Torture");
  EXPECT_EQ(v->provision, "Article 3");
}

TEST(StatuteFinderTest, NormalizesProvisions) {
  EXPECT_EQ(NormalizeProvision("Articles 9 and 14"), "Articles 9, 14");
  EXPECT_EQ(NormalizeProvision("Articles 3, 22"), "Articles 3, 22");
  EXPECT_EQ(NormalizeProvision("§240"), "§ 240");
  EXPECT_EQ(NormalizeProvision("sec. 10(b)"), "Section 10(b)");
  EXPECT_EQ(NormalizeProvision("sections 235 and 236"), "Sections 235, 236");
  EXPECT_EQ(NormalizeProvision("Art. 3"), "Article 3");
  EXPECT_EQ(NormalizeCodeSection("1701"), "§ 1701");
  EXPECT_EQ(NormalizeCodeSection("§§ 1225 - 1226"), "§§ 1225-1226");
  EXPECT_EQ(NormalizeProvision("artículos 99 y 111"), "Articles 99, 111");
  EXPECT_EQ(NormalizeProvision("artículo 22.7"), "Article 22(7)");
  EXPECT_EQ(NormalizeProvision("Articles 2 through 34"), "Articles 2-34");
  EXPECT_EQ(NormalizeProvision("art. 7"), "Article 7");
  EXPECT_EQ(NormalizeProvision("Article 22.7"), "Article 22.7");  // only the Spanish form is dotted
  EXPECT_EQ(NormalizeProvision("párrafo 2"), "Paragraph 2");
  EXPECT_EQ(NormalizeCodeSection("part 208"), "Part 208");
}

// Every alias in lists.instruments must be matched whole by the pack's
// `instrument` fragment, contain a match of `instrument_key`, and resolve
// back to its instrument; every abbreviation by `abbrev`: the list and the
// alternations cannot drift.
TEST(StatuteFinderTest, InstrumentListAgreesWithFragments) {
  const PatternPack* pack = Finders().pack("statute");
  ASSERT_NE(pack, nullptr);
  RE2::Options options;
  options.set_max_mem(64 << 20);
  const RE2 names("(?:" + pack->fragment("instrument") + ")", options);
  const RE2 abbreviations("(?:" + pack->fragment("abbrev") + ")", options);
  // What the first pass looks for (the patterns' prefilter): in every name.
  const RE2 keys("(?:" + pack->fragment("instrument_key") + ")", options);
  ASSERT_TRUE(keys.ok()) << keys.error();
  ASSERT_TRUE(names.ok()) << names.error();
  ASSERT_TRUE(abbreviations.ok()) << abbreviations.error();
  const InstrumentIndex index(pack->list("instruments"));
  ASSERT_GT(index.instruments().size(), 40u);
  for (const Instrument& in : index.instruments()) {
    std::vector<std::string> all = in.aliases;
    all.push_back(in.name);
    for (const std::string& alias : all) {
      EXPECT_TRUE(RE2::FullMatch(alias, names)) << alias;
      EXPECT_TRUE(RE2::PartialMatch(alias, keys)) << alias << " lacks its instrument_key";
      const Instrument* back = index.Find(alias);
      ASSERT_NE(back, nullptr) << alias;
      EXPECT_EQ(back->name, in.name) << alias;
    }
    for (const std::string& abbr : in.abbreviations) {
      EXPECT_TRUE(RE2::FullMatch(abbr, abbreviations)) << abbr;
      EXPECT_EQ(index.FindAbbreviation(abbr), &in) << abbr;
    }
  }
}

// Pathological inputs finish (linear-time patterns and loops) with sane
// output; no timing is asserted.
TEST(StatuteFinderTest, PathologicalInputsFinish) {
  std::string capitals;
  for (int i = 0; i < 20000; ++i) capitals += "Word ";
  capitals += "Act";
  EXPECT_LE(Statutes(capitals).size(), 1u);

  std::string articles;
  for (int i = 0; i < 20000; ++i) articles += "Article 3 ";
  articles = "Convention Against Torture. " + articles;
  EXPECT_GT(Statutes(articles).size(), 100u);

  std::string signs(200000, ' ');
  for (size_t i = 0; i < signs.size(); i += 4) signs.replace(i, 3, "§ 1");
  EXPECT_TRUE(Statutes(signs).empty());  // no instrument to infer from

  std::string digits(1000000, '7');
  EXPECT_TRUE(Statutes(digits).empty());

  std::string parens;
  for (int i = 0; i < 20000; ++i) parens += "Immigration and Nationality Act (INA) ";
  EXPECT_EQ(Statutes(parens).size(), 20000u);
}

}  // namespace
}  // namespace dossier
