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
  };
  for (const char* text : texts) {
    const std::vector<Entity> found = Statutes(text);
    std::string all;
    for (const Entity& e : found) all += " [" + e.text + "]";
    EXPECT_TRUE(found.empty()) << text << " ->" << all;
  }
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
}

// Every alias in lists.instruments must be matched whole by the pack's
// `instrument` fragment and resolve back to its instrument; every
// abbreviation by `abbrev`: the list and the alternations cannot drift.
TEST(StatuteFinderTest, InstrumentListAgreesWithFragments) {
  const PatternPack* pack = Finders().pack("statute");
  ASSERT_NE(pack, nullptr);
  RE2::Options options;
  options.set_max_mem(64 << 20);
  const RE2 names("(?:" + pack->fragment("instrument") + ")", options);
  const RE2 abbreviations("(?:" + pack->fragment("abbrev") + ")", options);
  ASSERT_TRUE(names.ok()) << names.error();
  ASSERT_TRUE(abbreviations.ok()) << abbreviations.error();
  const InstrumentIndex index(pack->list("instruments"));
  ASSERT_GT(index.instruments().size(), 40u);
  for (const Instrument& in : index.instruments()) {
    std::vector<std::string> all = in.aliases;
    all.push_back(in.name);
    for (const std::string& alias : all) {
      EXPECT_TRUE(RE2::FullMatch(alias, names)) << alias;
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
