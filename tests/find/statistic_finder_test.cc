// Hard cases of the statistic finder, run through normalization and every
// finder (so that dates, statutes and citations found earlier shape what is
// a figure and give the as-of dates). Each regression case is named after
// what it pins down.
#include <map>
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/core/json_io.h"
#include "pipeline/find/entity_finder.h"
#include "pipeline/find/number_words.h"
#include "pipeline/normalize/normalizer.h"
#include "tests/find/finder_test_util.h"

namespace dossier {
namespace {

const EntityFinder& Finder() { return test_util::BuiltinFinder(); }

Document Analyze(const std::string& text) {
  Document doc = test_util::NormalizedDocument(text, "2020-03-01");
  Finder().Run(doc);
  return doc;
}

std::vector<const Entity*> Statistics(const Document& doc) {
  std::vector<const Entity*> out;
  for (const Entity& e : doc.entities) {
    if (e.type == EntityType::kStatistic) out.push_back(&e);
  }
  return out;
}

std::string Describe(const Document& doc) {
  std::string out;
  for (const Entity* e : Statistics(doc)) out += "\n    " + ToJson(*e).dump();
  return out.empty() ? " (none)" : out;
}

struct Case {
  const char* name;  // what it pins down
  const char* text;
  const char* find;  // the statistic's exact span
  const char* kind;
  double value;
  const char* unit = "";
  const char* qualifier = "";
  const char* subject = "";
  const char* as_of = "";
};

const Case kCases[] = {
    {"QualifierAndNounPhraseInSpan", "Since 2019 more than 71,000 asylum seekers were returned.",
     "more than 71,000 asylum seekers", "count", 71000, "", "more than", "asylum seekers"},
    {"HyphenatedHead", "Over 60,000 asylum-seekers waited in Tijuana.", "Over 60,000 asylum-seekers", "count",
     60000, "", "over", "asylum-seekers"},
    {"AdverbAndParticipleModifiers", "Monitors tracked 816 publicly reported cases of attacks.",
     "816 publicly reported cases", "count", 816, "", "", "publicly reported cases"},
    {"IrregularPluralHead", "They counted at least 13 pregnant women in the program.", "at least 13 pregnant women",
     "count", 13, "", "at least", "pregnant women"},
    {"AcronymModifier", "Lawyers were present in less than 5% of MPP court cases.", "less than 5% of MPP court cases",
     "percent", 5, "", "less than", "MPP court cases"},
    {"StopsBeforeRelativeWord", "The clinic saw 129 people who had been kidnapped.", "129 people", "count", 129, "",
     "", "people"},
    {"CompoundHeadWithOf", "The policy has since expanded to seven ports of entry.", "seven ports of entry", "count",
     7, "", "", "ports of entry"},
    {"BareQualifiedCount", "Of those, only 3,214 have had legal representation.", "only 3,214", "count", 3214, "",
     "only"},
    {"CountFromPlace", "The top groups were 21,786 from Honduras and 7,668 from El Salvador.",
     "7,668 from El Salvador", "count", 7668},
    {"CommaFourDigitCountIsNotAYear", "Then 2,046 from Venezuela were returned.", "2,046 from Venezuela", "count",
     2046},
    {"PercentOfNestedFigureTakesItsNoun", "Some 45 percent of the 2,315 people treated reported violence.",
     "Some 45 percent", "percent", 45, "", "about", "people"},
    {"NestedFigureIsItsOwnStatistic", "Some 45 percent of the 2,315 people treated reported violence.",
     "2,315 people", "count", 2315, "", "", "people"},
    {"PercentDirectPluralNoun", "The president threatened 30% tariffs against Mexico.", "30% tariffs", "percent", 30,
     "", "", "tariffs"},
    {"PercentBeforeVerbTakesNoNoun", "Returning people where kidnapping rates reach 75% constitutes refoulement.",
     "75%", "percent", 75},
    {"PercentOfDeterminerPhrase", "That is a mere 0.4% of all people placed in the program.",
     "a mere 0.4% of all people", "percent", 0.4, "", "only", "people"},
    {"PerCentSpelledApart", "About 75 per cent of the shelters were full.", "About 75 per cent of the shelters",
     "percent", 75, "", "about", "shelters"},
    {"OpenQualifierAsHighAs", "Kidnapping rates were as high as 75% among those returned.", "as high as 75%",
     "percent", 75, "", "up to"},
    {"OpenQualifierAnEstimated", "An estimated 300,000 migrants remain in Mexico.", "An estimated 300,000 migrants",
     "count", 300000, "", "about", "migrants"},
    {"OpenQualifierWithin", "Officials promised decisions within six months.", "within six months", "duration", 6,
     "month", "up to"},
    {"OpenQualifierFewerThan", "Fewer than 20 lawyers took cases.", "Fewer than 20 lawyers", "count", 20, "",
     "less than", "lawyers"},
    {"OpenQualifierInExcessOf", "Costs were in excess of $2 million.", "in excess of $2 million", "money", 2e6, "USD",
     "more than"},
    {"OpenQualifierJust", "Just two months into his term, he agreed.", "Just two months", "duration", 2, "month",
     "only"},
    {"SpelledOutDurationBeforeLater", "The ruling was reversed twelve days later.", "twelve days", "duration", 12,
     "day"},
    {"SpelledOutCountHyphenated", "Seventy-one thousand migrants were returned.", "Seventy-one thousand migrants",
     "count", 71000, "", "", "migrants"},
    {"SpelledOutCountWithoutHyphen", "Seventy one thousand migrants were returned.", "Seventy one thousand migrants",
     "count", 71000, "", "", "migrants"},
    {"SpelledOutCountSpanish", "Setenta y un mil migrantes fueron devueltos.", "Setenta y un mil migrantes", "count",
     71000, "", "", "migrantes"},
    {"NumberAfterAndInRange", "Hearings took between one and two years to schedule.", "two years", "duration", 2,
     "year"},
    {"MultiplierWord", "Some 1.5 million people fled.", "Some 1.5 million people", "count", 1.5e6, "", "about",
     "people"},
    {"MultiplierSuffix", "The camp has 70k residents.", "70k residents", "count", 70000, "", "", "residents"},
    {"BareMillionIsAFigure", "The budget reached 3 billion last year.", "3 billion", "count", 3e9},
    {"MoneySymbolWithMultiplier", "The agency spent US$1.2 billion on tent courts.", "US$1.2 billion", "money", 1.2e9,
     "USD"},
    {"MoneyEuro", "The EU pledged €3 million in aid.", "€3 million", "money", 3e6, "EUR"},
    {"MoneyCodePrefix", "A ticket costs MXN 500 each.", "MXN 500", "money", 500, "MXN"},
    {"MoneyWord", "Kidnappers demanded 50 dollars per person.", "50 dollars", "money", 50, "USD"},
    {"MoneyPound", "Donors gave £250 each.", "£250", "money", 250, "GBP"},
    {"RatioOutOf", "Every 4 out of 10 migrants were kidnapped.", "Every 4 out of 10 migrants", "ratio", 0.4, "", "",
     "migrants"},
    {"RatioOneInFive", "One in five children was sick.", "One in five children", "ratio", 0.2, "", "", "children"},
    {"FractionPronounOfStaysOut", "About a quarter of them were threatened.", "About a quarter", "ratio", 0.25, "",
     "about"},
    {"FractionOfNounPhrase", "Over half of those threats were carried out.", "Over half of those threats", "ratio",
     0.5, "", "over", "threats"},
    {"FractionTwoThirds", "Two-thirds of detainees had no lawyer.", "Two-thirds of detainees", "ratio", 2.0 / 3, "",
     "", "detainees"},
    {"MeasureKm", "The journey is more than 3,000 km long.", "more than 3,000 km", "measure", 3000, "km",
     "more than"},
    {"MeasureMiles", "The camp is 2 miles from the bridge.", "2 miles", "measure", 2, "mile"},
    {"MeasureDegrees", "It reached 40 degrees inside.", "40 degrees", "measure", 40, "degree"},
    {"DurationUpTo", "The process can take up to 700 days.", "up to 700 days", "duration", 700, "day", "up to"},
    {"AgeIsADuration", "She and her 3-year-old daughter were kidnapped.", "3-year-old", "duration", 3, "year"},
    {"TitleCaseDuration", "Two Years in Prison for Protest", "Two Years", "duration", 2, "year"},
    {"TitleCaseListedCountNoun", "71,000 Asylum Seekers Returned", "71,000 Asylum Seekers", "count", 71000, "", "",
     "Asylum Seekers"},
    {"CapitalizedModifiersLowercaseHead", "The list names 12 Border Patrol agents.", "12 Border Patrol agents",
     "count", 12, "", "", "Border Patrol agents"},
    {"AsOfBeforeFigure", "As of November 2019, over 56,000 asylum seekers have been sent back.",
     "over 56,000 asylum seekers", "count", 56000, "", "over", "asylum seekers", "2019-11"},
    {"AsOfAppliesToEveryFigureOfTheSentence",
     "As of November 2019, over 56,000 asylum seekers, including 16,000 children, have been sent back.",
     "16,000 children", "count", 16000, "", "", "children", "2019-11"},
    {"AsOfThrough", "TRAC data indicate that through December 2019, over 59,000 asylum seekers were returned.",
     "over 59,000 asylum seekers", "count", 59000, "", "over", "asylum seekers", "2019-12"},
    {"AsOfThroughAPeriodIsItsEnd", "Through the first half of 2024, 50,000 people crossed the Darien Gap.",
     "50,000 people", "count", 50000, "", "", "people", "2024-06"},
    {"AsOfInTheYearTo", "In the year to June 2024, 100,000 people claimed asylum in the UK.", "100,000 people",
     "count", 100000, "", "", "people", "2023-07/2024-06"},
    {"AsOfAfterFigure", "Over 59,000 asylum seekers had been returned as of December 2019.",
     "Over 59,000 asylum seekers", "count", 59000, "", "over", "asylum seekers", "2019-12"},
    {"RangeOpenerTakesTheClosersSubject", "Between 300 and 400 people gathered at the port.", "300", "count", 300, "",
     "", "people"},
    {"RangeOpenerTakesTheClosersKind", "Between 5 and 10 percent of applicants won asylum.", "5", "percent", 5, "", "",
     "applicants"},
    {"SpelledRangeOpener", "Most arrivals stay one or two nights before leaving.", "one", "duration", 1, "night"},
    {"CapitalizedSpelledRangeOpener", "Ten to twelve officers arrived at dawn.", "Ten", "count", 10, "", "", "officers"},
    {"QualifiedRangeOpenerTakesTheClosersSubject", "About 50,000 to 60,000 people attended the march.", "About 50,000",
     "count", 50000, "", "about", "people"},
    {"QualifiedRangeOpenerTakesTheClosersKind", "About 5 to 10 percent of applicants won asylum.", "About 5", "percent", 5,
     "", "about", "applicants"},
    {"CountLeadWithFrom", "Referrals rose from 79,977 to 105,439, a record.", "79,977", "count", 79977},
    {"RangeCloserAfterAFigure", "Referrals rose from 79,977 to 105,439, a record.", "105,439", "count", 105439},
    {"CountedOpenerTakesTheClosersSubject", "The number went from 12 to 15 people.", "12", "count", 12, "", "",
     "people"},
    {"TableColumnHeadingIsTheSubject", "Facility      Deaths    Detainees\nOtay Mesa     12        1,234\nAdelanto      7         1,690\n",
     "1,234", "count", 1234, "", "", "Detainees"},
    {"PartOfASmallWholeIsARatio", "Eight of ten applicants were rejected.", "Eight of ten applicants", "ratio", 0.8, "",
     "", "applicants"},
    {"OneOfFewIsNoRatio", "Measles is one of three diseases on the list.", "three diseases", "count", 3, "", "",
     "diseases"},
    {"PartOfALargerWholeIsNoRatio", "Only 3 of 12 judges dissented.", "12 judges", "count", 12, "", "", "judges"},
    {"PartOfALargerWholeIsACount", "Only 3 of 12 judges dissented.", "Only 3", "count", 3, "", "only", "judges"},
    {"SpelledPartOfASpelledWhole", "Six of the eight judges agreed.", "Six", "count", 6, "", "", "judges"},
    {"ShareOfASpelledWholeDoesNotNest", "The team converted half of its four chances.", "four chances", "count", 4, "",
     "", "chances"},
    {"GroupedCountBeforeAVerbAfterAConjunction", "In 2022, 339,300 refugees returned, while 114,300 were resettled.",
     "114,300", "count", 114300, "", "", "", "2022"},
    {"BracketedFigureAfterAPlace", "New claims: Germany (217,800), Costa Rica (129,500) and Spain (116,100).",
     "217,800", "count", 217800},
    {"SpanishAdjectivesAfterTheNoun", "Las autoridades detuvieron a 1.200 migrantes centroamericanos en la frontera.",
     "1.200 migrantes centroamericanos", "count", 1200, "", "", "migrantes centroamericanos"},
    {"SpanishVerbEndsTheSubject", "En la frontera 300 personas esperan una cita.", "300 personas", "count", 300, "", "",
     "personas"},
    {"ShareWithABracketedFigureBeforeOf", "Half (52 percent) of respondents were women.", "Half", "ratio", 0.5, "", "",
     "respondents"},
    {"BracketedFigureInsideAShare", "Half (52 percent) of respondents were women.", "52 percent", "percent", 52, "", "",
     "respondents"},
    {"FigureInsideAFootnote",
     "Body text ends here.\n\nNotes\n\n1. TRAC Immigration, \"Details on MPP,\" 2020: over 62,000 asylum seekers "
     "returned.\n",
     "over 62,000 asylum seekers", "count", 62000, "", "over", "asylum seekers"},
    {"FallingRangeIsTwoFigures", "The staff fell from 30 to 20 guards in a year.", "30", "count", 30, "", "", "guards"},
    {"StockDateAfterAPlace", "ICE held 39,000 people in detention on March 1, 2021.", "39,000 people", "count", 39000,
     "", "", "people", "2021-03-01"},
    {"DayInTheNextSentenceIsNotTheFigures", "Officers counted 400 people by 2025. On March 3 more came.",
     "400 people", "count", 400, "", "", "people", "2025"},
    {"DayAfterAnotherClauseIsNotTheFigures", "Officers counted 400 people, most from Honduras, on March 1, 2021.",
     "400 people", "count", 400, "", "", "people", ""},
    {"DataFromIsNotAsOf", "According to data from June 2019, at least 13 pregnant women were placed in the program.",
     "at least 13 pregnant women", "count", 13, "", "at least", "pregnant women", ""},
    {"FigureWithItsOwnDateTakesIt",
     "Detention grew from 15,000 in March 2021 to 39,000 by September 2023.", "15,000", "count", 15000, "", "", "",
     "2021-03"},
    {"PeriodAfterTheFigureInItsClause", "At least 8,565 people died or went missing on migration routes in 2023.",
     "At least 8,565 people", "count", 8565, "", "at least", "people", "2023"},
    {"OpeningDateAcrossASemicolonFromAStatedOne",
     "In fiscal year 2024, officers completed 147,000 screenings; ICE held 37,541 people as of September 2024.",
     "147,000 screenings", "count", 147000, "", "", "screenings", "2024"},
    {"StatedDateBeatsAnOpeningOneInItsClause",
     "Between 2018 and 2020, claims rose, and as of June 30, 2023 the office had more than 5,000 people waiting.",
     "more than 5,000 people", "count", 5000, "", "more than", "people", "2023-06-30"},
    {"PeriodInAnotherClauseIsNotTheFigures", "Some 1,200 people arrived, and the camp closed in 2023.",
     "Some 1,200 people", "count", 1200, "", "about", "people", ""},
    {"PeriodAfterMoreWordsKeepsTheSentencesAsOf",
     "Data current as of 05/01/2024: ICE has announced five deaths so far in FY 2024.", "five deaths", "count", 5, "",
     "", "deaths", "2024-05-01"},
    {"QualifierBeforeARange", "Some 30,000-40,000 people marched in the capital.", "Some 30,000-40,000 people",
     "count", 30000, "", "about", "people"},
    {"CountBeforeItsBracketedShareAndVerb", "Of these, 22,123 (59.2%) had no criminal conviction.", "22,123", "count",
     22123},
    {"DateOpeningTheSentenceIsAsOf", "In August 2019, researchers interviewed 10 asylum seekers.",
     "10 asylum seekers", "count", 10, "", "", "asylum seekers", "2019-08"},
    {"FigureAfterEmDash", "Investigators found that nearly half\u201429 reviews\u2014lacked a signature.",
     "29 reviews", "count", 29, "", "", "reviews"},
    {"HalfAMillionIsACount", "Nearly half a million people fled the fighting.", "Nearly half a million people",
     "count", 500000, "", "nearly", "people"},
    {"HalfAMillionDollarsIsMoney", "The county paid half a million dollars.", "half a million dollars", "money",
     500000, "USD"},
    {"YearAndAHalf", "He was held for a year and a half in Adelanto.", "a year and a half", "duration", 1.5, "year"},
    {"NoBreakSpaceJoinsDigitGroups", "The camp holds 2\u00A0500 people.", "2 500 people", "count", 2500, "", "",
     "people"},
    {"PlainSpaceJoinsDigitGroupsBeforeANoun", "The census counted 12 500 stateless persons.",
     "12 500 stateless persons", "count", 12500, "", "", "stateless persons"},
    {"PlainSpacedGroupsBeforeANameStayApart", "Boeing delivered roughly 400 737 Max jets.", "roughly 400", "count",
     400, "", "about"},
    {"LabelNumberStaysApartFromSpacedGroups", "Table 3 200 people were counted in all.", "200 people", "count",
     200, "", "", "people"},
    {"NarrowSpacesJoinMillions", "In all, 1\u202F200\u202F000 refugees fled.", "1 200 000 refugees", "count",
     1200000, "", "", "refugees"},
    {"QualifierBeforeJoinedGroups", "Some 1\u202F200\u202F000 refugees fled.", "Some 1 200 000 refugees", "count",
     1200000, "", "about", "refugees"},
    {"DoubledToLeadsACount", "The number of families doubled to 8,000 last year.", "8,000", "count", 8000},
};

class StatisticCaseTest : public ::testing::TestWithParam<Case> {};

TEST_P(StatisticCaseTest, FindsTheFigure) {
  const Case& c = GetParam();
  Document doc = Analyze(c.text);
  const Entity* hit = nullptr;
  for (const Entity* e : Statistics(doc)) {
    if (e->text == c.find) hit = e;
  }
  ASSERT_NE(hit, nullptr) << "no statistic \"" << c.find << "\" in \"" << c.text << "\"; found:" << Describe(doc);
  const StatisticValue* v = hit->as<StatisticValue>();
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->kind, c.kind);
  EXPECT_NEAR(v->value, c.value, 1e-9 * std::max(1.0, std::fabs(c.value)));
  EXPECT_EQ(v->unit, c.unit);
  EXPECT_EQ(v->qualifier, c.qualifier);
  EXPECT_EQ(v->subject, c.subject);
  EXPECT_EQ(v->as_of, c.as_of);
}

INSTANTIATE_TEST_SUITE_P(Cases, StatisticCaseTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& param) { return std::string(param.param.name); });

struct NotAFigure {
  const char* name;
  const char* text;
  const char* span;  // no statistic may overlap it
};

const NotAFigure kNotFigures[] = {
    {"AdvisoryLevel", "Tamaulipas carries a Level 4 travel advisory.", "4"},
    {"AdvisoryLevelSpelled", "It is on level four of the advisory scale.", "four"},
    {"Ordinal", "The policy was reinstated for the third time.", "third"},
    {"CaseNumber", "The court ruled in No. 19-15716 last year.", "19-15716"},
    {"ArticleNumber", "Article 33 forbids refoulement.", "33"},
    {"YearBeforeNoun", "Trump's 2019 policy sent people back.", "2019"},
    {"YearAfterQualifier", "The camps emptied around 2021 when the policy ended.", "2021"},
    {"VagueThousands", "Thousands of migrants waited for months.", "Thousands"},
    {"VagueTensOfThousands", "Tens of thousands of children were returned.", "thousands"},
    {"VagueHundredsAndDozens", "Hundreds of families and dozens of children slept outside.", "dozens"},
    {"PhoneNumber", "Call 555-0142 for help.", "555-0142"},
    {"BareNumberCountsNothing", "The memo runs to 12 and was signed.", "12"},
    {"SingularOne", "In one border city the shelters were full.", "one border city"},
    {"OneOf", "It is one of the most dangerous cities.", "one"},
    {"AgeAfterComma", "Carmen holds her son, 3, at a shelter.", "3"},
    {"FootnoteMarkerAfterPeriod", "That is the rule.3 International bodies agree.", "3 International"},
    {"FootnoteMarkerAfterComma", "It has a Level 4 advisory,12 on par with Syria.", "12"},
    {"FootnoteLabelLine", "The policy harms people.\n\n16 Instituto para las Mujeres en la Migración, report.",
     "16 Instituto"},
    {"SecondHalfOfYear", "Arrivals rose in the second half of 2019.", "half"},
    {"SafeThirdCountry", "Guatemala was named a safe third country.", "third"},
    {"AgeThreshold", "Children under 12 were exempt.", "under 12"},
    {"StatuteYear", "The 1951 Refugee Convention protects refugees.", "1951"},
    {"DateDay", "The policy began on January 25, 2019.", "25"},
    {"TimeOfDay", "The hearing began at 10:30 in the morning.", "10:30"},
    {"PronounOneBeforeAVerb", "As far as one knows, the camp stayed open.", "one knows"},
    {"OneOfAGroupAfterAQualifier", "Although only one of the matches reached three sets, it took hours.",
     "only one"},
    {"HalfOfAMixedNumber", "Their nominee lost by five-and-a-half points in the end.", "a-half"},
    {"SectionNumberBeforeAHeading", "Contents\n\n1.1 Security fundamentals\n\nData is the asset.", "1.1"},
    {"SectionNumbersInAJoinedTableOfContents", "Special registers . . . 18 3.2 Special registers and variables . . 19",
     "3.2"},
    {"HourAfterAQualifier", "The series ended close to 2 a.m. local time on Wednesday.", "2 a.m."},
    {"DisplayResolutionAfterAQualifier", "It streams games at up to 4K on your TV.", "4K"},
    {"DisplayResolutionBeforeAPluralAcronym", "Prices of 4K TVs fell this year.", "4K"},
    {"AwardNameBetweenNumbers", "She was named a 40 Under 40 honoree this year.", "Under 40"},
    {"PandemicName", "COVID-19 closed the courts.", "19"},
    {"BracketedYear", "The ruling (2019) and the memo (1234) were cited.", "1234"},
    {"SmallCountBeforeAVerbAfterAConjunction", "The list grew, while 12 were struck off.", "12"},
    {"VideoResolution", "The cameras record in 4K and stream live.", "4K"},
    {"RetirementPlan", "She moved her 401k to a new employer.", "401k"},
    {"QuarterOfAYearIsADate", "Removals fell in the first quarter of 2020.", "quarter"},
};

class NotAFigureTest : public ::testing::TestWithParam<NotAFigure> {};

TEST_P(NotAFigureTest, IsNotAStatistic) {
  const NotAFigure& c = GetParam();
  Document doc = Analyze(c.text);
  const size_t begin = doc.text.find(c.span);
  ASSERT_NE(begin, std::string::npos) << c.span;
  const size_t end = begin + std::string_view(c.span).size();
  for (const Entity* e : Statistics(doc)) {
    EXPECT_FALSE(e->span.begin < end && begin < e->span.end) << "\"" << c.text << "\" yields " << ToJson(*e).dump();
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, NotAFigureTest, ::testing::ValuesIn(kNotFigures),
                         [](const ::testing::TestParamInfo<NotAFigure>& param) { return std::string(param.param.name); });

TEST(NumberWordsTest, ReadsSpelledCardinalsWithIcu) {
  struct {
    const char* words;
    const char* language;
    double value;
  } const cases[] = {
      {"twelve", "en", 12},         {"Seventy-one thousand", "en", 71000}, {"seventy one thousand", "en", 71000},
      {"one hundred and twenty", "en", 120}, {"a hundred", "en", 100},    {"TEN", "en", 10},
      {"two million", "en", 2e6},   {"setenta y un mil", "es", 71000},     {"doscientas", "es", 200},
      // Tens and units with a space, not a hyphen: not the year 2005.
      {"twenty five", "en", 25},    {"Ninety nine thousand", "en", 99000}, {"two hundred forty one", "en", 241},
  };
  for (const auto& c : cases) {
    std::optional<double> v = ParseNumberWords(c.words, c.language);
    ASSERT_TRUE(v.has_value()) << c.words;
    EXPECT_DOUBLE_EQ(*v, c.value) << c.words;
  }
  EXPECT_FALSE(ParseNumberWords("thousands", "en").has_value());
  EXPECT_FALSE(ParseNumberWords("dozens", "en").has_value());
  EXPECT_FALSE(ParseNumberWords("", "en").has_value());
  EXPECT_EQ(ParseOrdinalWord("fifth"), 5);
  EXPECT_EQ(ParseOrdinalWord("third"), 3);
}

// A table of contents is a table whose numbers are pages: no figures.
TEST(StatisticFinderTest, TableOfContentsHoldsNoFigures) {
  Document doc = Analyze(
      "## Contents\n\n| Notices . . . . . . . . . . | . vii |\n| - | - |\n| Preface . . . . . . . . . . | . xi |\n"
      "| Chapter 1. Securing data . . . . . | . 1 |\n| 1.1 Security fundamentals. . . . . . | . 2 |\n"
      "| 2.1.6 Change function usage . . . . . | 10 |\n| 2.2 Separation of duties . . . . . . | 10 |\n");
  EXPECT_TRUE(Statistics(doc).empty()) << Describe(doc);
}

// A footnote's number before its text is a label ("23 See https://..."),
// also where the note opens with words a count could take.
TEST(StatisticFinderTest, FootnoteNumbersAreLabels) {
  Document doc = Analyze(
      "Several bills would have written the designation into statute.23\n\n"
      "23 See https://www.congress.gov/bill/118th-congress/house-bill/2.\n24 Members voted in 2023.\n");
  for (const Entity* e : Statistics(doc)) {
    EXPECT_FALSE(e->text.starts_with("23")) << Describe(doc);
  }
}

// Columns headed by periods: each number stands at its column's date and
// takes what it is from its row's label.
TEST(StatisticFinderTest, TableColumnsHeadedByYears) {
  Document doc = Analyze(
      "## ICE detention\n\n| Measure | FY2021 | FY2022 |\n|---|---:|---:|\n"
      "| Initial book-ins | 169,000 | 311,000 |\n| Average length of stay (days) | 40.1 | 32.5 |\n");
  std::map<std::string, const StatisticValue*> by_text;
  for (const Entity* e : Statistics(doc)) by_text[e->text] = e->as<StatisticValue>();
  ASSERT_TRUE(by_text.contains("311,000")) << Describe(doc);
  EXPECT_EQ(by_text["311,000"]->as_of, "2022");
  EXPECT_EQ(by_text["311,000"]->subject, "Initial book-ins");
  ASSERT_TRUE(by_text.contains("40.1")) << Describe(doc);
  EXPECT_EQ(by_text["40.1"]->kind, "duration");
  EXPECT_EQ(by_text["40.1"]->unit, "day");
  EXPECT_EQ(by_text["40.1"]->as_of, "2021");
}

// A plain-text release: a header with nothing over the label column, a
// rule line under it, signed change cells, percent cells; a figure read
// across two rows yields to the cells.
TEST(StatisticFinderTest, PlainTextTableWithIndentedHeaderAndRules) {
  Document doc = Analyze(
      "Table 1\n\n                         YE Jun 2023   YE Jun 2024     Change   % change\n"
      "  ------------------------------------------------------------------\n"
      "Asylum claims                 78,768        75,410     -3,358        -4%\n"
      "Small boat arrivals           45,774        31,079    -14,695       -32%\n"
      "Enforced returns               7,945         9,460     +1,515       +19%\n");
  std::map<std::string, const StatisticValue*> by_text;
  for (const Entity* e : Statistics(doc)) by_text[e->text] = e->as<StatisticValue>();
  ASSERT_TRUE(by_text.contains("45,774")) << Describe(doc);
  EXPECT_EQ(by_text["45,774"]->subject, "Small boat arrivals");
  ASSERT_TRUE(by_text.contains("-14,695")) << Describe(doc);
  EXPECT_EQ(by_text["-14,695"]->value, -14695);
  ASSERT_TRUE(by_text.contains("-32%")) << Describe(doc);
  EXPECT_EQ(by_text["-32%"]->kind, "percent");
  EXPECT_EQ(by_text["-32%"]->value, -32);
  EXPECT_TRUE(by_text.contains("+19%")) << Describe(doc);
}

TEST(StatisticFinderTest, TableCaptionGivesScaleAndCurrency) {
  Document doc = Analyze(
      "Table 1: ICE Detention Obligations, Fiscal Years 2021-2022 (dollars in millions)\n\n"
      "Acquisition method     FY 2021     FY 2022\nIGSA                   1,204.7     1,318.2\n"
      "USMS rider               387.5       402.6\n");
  std::map<std::string, const StatisticValue*> by_text;
  for (const Entity* e : Statistics(doc)) by_text[e->text] = e->as<StatisticValue>();
  ASSERT_TRUE(by_text.contains("1,318.2")) << Describe(doc);
  EXPECT_EQ(by_text["1,318.2"]->kind, "money");
  EXPECT_EQ(by_text["1,318.2"]->unit, "USD");
  EXPECT_DOUBLE_EQ(by_text["1,318.2"]->value, 1318200000);
  EXPECT_EQ(by_text["1,318.2"]->as_of, "2022");
}

TEST(StatisticFinderTest, TwoStatisticsNeverNest) {
  Document doc = Analyze("Some 45 percent of the 2,315 people treated by MSF reported violence.");
  std::vector<const Entity*> stats = Statistics(doc);
  ASSERT_EQ(stats.size(), 2u) << Describe(doc);
  EXPECT_LE(stats[0]->span.end, stats[1]->span.begin);
}

TEST(StatisticFinderTest, SameResultsFromManyThreads) {
  const std::string text =
      "As of November 2019, over 56,000 asylum seekers, including 16,000 children, were sent back. "
      "Seventy-one thousand migrants waited up to 700 days; about a quarter of them were threatened, "
      "and one in five children was sick. The agency spent US$1.2 billion.";
  const std::string want = Describe(Analyze(text));
  std::vector<std::string> got(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < got.size(); ++i) {
    threads.emplace_back([&, i] {
      for (int k = 0; k < 20; ++k) got[i] = Describe(Analyze(text));
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& g : got) EXPECT_EQ(g, want);
}

// Pathological inputs: each must finish (linear time) with sane output.
TEST(StatisticFinderTest, PathologicalMillionDigits) {
  Document doc = Analyze(std::string(1000000, '7') + " people");
  EXPECT_TRUE(Statistics(doc).empty()) << "a million digits is an identifier, not a figure";
}

TEST(StatisticFinderTest, PathologicalRepeatedQualifiers) {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "more than over about ";
  text += "5 people";
  Document doc = Analyze(text);
  ASSERT_EQ(Statistics(doc).size(), 1u);
  EXPECT_EQ(Statistics(doc)[0]->as<StatisticValue>()->value, 5);
}

TEST(StatisticFinderTest, PathologicalNumberWordRun) {
  std::string text;
  for (int i = 0; i < 50000; ++i) text += "one two three ";
  text += "people";
  Document doc = Analyze(text);
  EXPECT_LE(Statistics(doc).size(), 1u);
}

TEST(StatisticFinderTest, PathologicalLongLineOfFigures) {
  std::string text;
  for (int i = 0; i < 50000; ++i) text += "over 1,000 asylum seekers and 5% of cases; ";
  Document doc = Analyze(text);
  EXPECT_EQ(Statistics(doc).size(), 100000u);
}

// Ranges are paired by lookups, not by comparing every figure with every
// other: a page of them finishes, each end found once.
TEST(StatisticFinderTest, PathologicalRunOfRanges) {
  std::string text;
  for (int i = 0; i < 30000; ++i) text += "rose from 1,200 to 3,400; between 5 and 10 people; ";
  Document doc = Analyze(text);
  EXPECT_EQ(Statistics(doc).size(), 120000u);
}

// Brackets that never close after shares, spelled and grouped numbers: the
// look for ")" is bounded, so the text stays linear (it was quadratic).
TEST(StatisticFinderTest, PathologicalUnclosedBrackets) {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "nearly half (x fourteen (1 was 1,000 (x ";
  Document doc = Analyze(text);
  EXPECT_FALSE(Statistics(doc).empty());
}

}  // namespace
}  // namespace dossier
