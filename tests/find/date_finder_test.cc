// Hard cases of the date finder: each row pins down one rule of
// ANNOTATION.md (kind `date`) or one false date that must stay out, run
// through normalization and every finder as in the pipeline.
#include "pipeline/find/date_finder.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/core/json_io.h"
#include "pipeline/find/date_resolve.h"
#include "pipeline/find/entity_finder.h"
#include "pipeline/normalize/normalizer.h"
#include "tests/find/finder_test_util.h"

namespace dossier {
namespace {

const EntityFinder& Finders() { return test_util::BuiltinFinder(); }

Document Normalized(const std::string& text, const std::string& doc_date) {
  Document doc = test_util::NormalizedDocument(text, doc_date);
  return doc;
}

std::vector<Entity> Dates(const Document& doc) {
  std::vector<Entity> out;
  for (const Entity& e : doc.entities) {
    if (e.type == EntityType::kDate) out.push_back(e);
  }
  return out;
}

std::string Describe(const std::vector<Entity>& dates) {
  std::string out;
  for (const Entity& e : dates) out += "\n    " + ToJson(e).dump();
  return out.empty() ? " (none)" : out;
}

struct Case {
  const char* name;
  const char* text;
  const char* find;  // the date's exact text
  const char* value;
  const char* precision;
  const char* mod = "";
  bool inferred = false;
  const char* doc_date = "";
};

const Case kCases[] = {
    {"full_date_month_first", "On January 25, 2019, DHS began the program.", "January 25, 2019", "2019-01-25",
     "day"},
    {"full_date_day_first", "The UN wrote on 25 January 2019 to the government.", "25 January 2019",
     "2019-01-25", "day"},
    {"abbreviated_month_with_dot", "Filed Jan. 25, 2019 in San Diego.", "Jan. 25, 2019", "2019-01-25", "day"},
    {"ordinal_day_with_year", "It began January 25th, 2019 at noon.", "January 25th, 2019", "2019-01-25",
     "day"},
    {"weekday_kept_in_span", "Published Monday, January 28, 2019 by the agency.", "Monday, January 28, 2019",
     "2019-01-28", "day"},
    {"comma_after_month", "Press Release, September, 16, 2019.", "September, 16, 2019", "2019-09-16", "day"},
    {"iso_date", "Last reviewed 2019-01-25 by staff.", "2019-01-25", "2019-01-25", "day"},
    {"us_numeric_month_first", "Hearing set for 1/25/2019 in court.", "1/25/2019", "2019-01-25", "day"},
    {"numeric_day_first_when_over_twelve", "Entry stamp 25/1/2019 at the bridge.", "25/1/2019", "2019-01-25",
     "day"},
    {"month_year", "As of November 2019, over 56,000 people were returned.", "November 2019", "2019-11",
     "month"},
    {"month_of_year", "In January of 2025, the app was shut down.", "January of 2025", "2025-01", "month"},
    {"mid_month_modifier", "In mid-January 2020, Congress opened an inquiry.", "mid-January 2020", "2020-01",
     "month", "mid"},
    {"early_year_modifier", "Crossings fell in early 2019 along the border.", "early 2019", "2019", "year",
     "early"},
    {"late_month_without_year_inferred", "In July 2019 it expanded; in late December it reached Tucson.",
     "late December", "2019-12", "month", "late", true},
    {"end_of_month_is_late", "In January of 2025 asylum was suspended at the end of January.",
     "end of January", "2025-01", "month", "late", true},
    {"year_after_in_leaves_in_out", "The policy began in 2019 under Trump.", "2019", "2019", "year"},
    {"year_after_since", "Since 2022, the program has been dormant.", "2022", "2022", "year"},
    {"year_as_modifier_of_noun", "According to a 2022 House hearing, kidnappings rose.", "2022", "2022",
     "year"},
    {"possessive_before_year", "President Trump's 2019 policy aimed to deter migrants.", "2019", "2019",
     "year"},
    {"in_year_then_plural_noun_is_year", "In 2019 people were returned daily.", "2019", "2019", "year"},
    {"copyright_year", "Photo \u00a9 2019 Clara Long", "2019", "2019", "year"},
    {"year_in_case_citation_parenthetical", "Matter of A-B-, 27 I&N Dec. 316 (A.G. 2018).", "2018", "2018",
     "year"},
    {"year_before_footnote_marker", "Visas were granted in the northern states in 2019,10 a small share.",
     "2019", "2019", "year"},
    {"day_without_year_from_previous_date",
     "On February 28, 2020, the court ruled. Twelve days later, on March 11th, it stayed.", "March 11th",
     "2020-03-11", "day", "", true},
    {"day_without_year_from_document_date", "Most recently, on January 28, the president spoke.",
     "January 28", "2025-01-28", "day", "", true, "2025-02-03"},
    {"background_year_before_the_documents_date",
     "He sought refuge at the embassy in London in 2012. The refuge ended in April, when he was dragged out.",
     "April", "2019-04", "month", "", true, "2019-11-19"},
    {"year_opening_its_sentence_frames_the_next",
     "In 2012, he was granted asylum. In June, he spoke from the balcony.", "June", "2012-06", "month", "", true,
     "2019-11-19"},
    {"future_target_year_is_no_context",
     "The agency aims to hire 500 officers by 2025. On March 3, officials said the plan was delayed.", "March 3",
     "2024-03-03", "day", "", true, "2024-01-15"},
    {"bare_month_after_in_inferred", "In March 2019 DHS expanded the program. In October, it grew again.",
     "October", "2019-10", "month", "", true},
    {"year_range_hyphen", "During the first implementation (2019-2021), 71,000 were returned.", "2019-2021",
     "2019/2021", "year"},
    {"year_range_short_second_year", "The 2019-20 term saw record filings.", "2019-20", "2019/2020", "year"},
    {"from_to_years_keeps_from", "During its first implementation from 2019 to 2021, MSF found harm.",
     "from 2019 to 2021", "2019/2021", "year"},
    {"between_years_keeps_between", "4 out of 10 migrants between 2012 and 2017 were kidnapped.",
     "between 2012 and 2017", "2012/2017", "year"},
    {"from_month_to_month", "From January 2019 to January 2021, 70,000 people were sent back.",
     "From January 2019 to January 2021", "2019-01/2021-01", "month"},
    {"bracketed_between", "MSF found that \"[b]etween June 2018 and July 2019, 45 percent\" were hurt.",
     "[b]etween June 2018 and July 2019", "2018-06/2019-07", "month"},
    {"day_range_in_one_month", "Hearings ran January 25-28, 2019 in Laredo.", "January 25-28, 2019",
     "2019-01-25/2019-01-28", "day"},
    {"months_joined_by_and", "In August and September 2019, researchers interviewed families.",
     "August and September 2019", "2019-08/2019-09", "month"},
    {"between_months_sharing_year", "Monitoring conducted between September and October 2019.",
     "between September and October 2019", "2019-09/2019-10", "month"},
    {"range_across_new_year", "Arrivals dropped from December to February 2020.",
     "from December to February 2020", "2019-12/2020-02", "month"},
    {"cross_month_day_range", "The visit lasted January 25 - February 3, 2019.",
     "January 25 - February 3, 2019", "2019-01-25/2019-02-03", "day"},
    {"spanish_full_date", "El programa inició el 25 de enero de 2019 en Tijuana.", "25 de enero de 2019",
     "2019-01-25", "day"},
    {"spanish_month_year", "Los datos llegan hasta enero de 2019.", "enero de 2019", "2019-01", "month"},
    {"spanish_day_without_year", "En 2020 se resolvió; el 3 de marzo se publicó.", "3 de marzo", "2020-03-03",
     "day", "", true},
    {"spanish_months_range", "Entre agosto y septiembre de 2019 hubo 40 casos.",
     "Entre agosto y septiembre de 2019", "2019-08/2019-09", "month"},
    {"fiscal_year", "Apprehensions in FY2019 reached a record.", "FY2019", "2019", "year"},
    {"month_after_determiner", "In 2019 the smog returns every November to Delhi.", "November", "2019-11",
     "month", "", true},
    {"year_after_until_at_least", "Funding is frozen until at least 2021 in the state.", "2021", "2021",
     "year"},
    {"far_future_year_with_cue", "The country pledged net zero by 2050 at the summit.", "2050", "2050",
     "year"},
    {"year_completes_month_across_page_break",
     "Monitoring conducted by IMUMI between September and October \n\n2019. 17 United Nations",
     "between September and October\n\n2019", "2019-09/2019-10", "month"},
    {"dotted_us_order_when_second_over_twelve", "Stamped 12.25.2019 at the port.", "12.25.2019", "2019-12-25",
     "day"},
    {"between_to_is_a_range", "Surveys ran between 2008 to 2016 in all states.", "between 2008 to 2016",
     "2008/2016", "year"},
    // Years from context, as a reader takes them.
    {"document_date_beats_a_year_two_sentences_back",
     "The school closed in June 2021. It has a gym. Inspectors cleared it for use beginning Oct. 16.", "Oct. 16",
     "2023-10-16", "day", "", true, "2023-10-12"},
    {"document_date_nearest_occurrence_looks_back_for_a_later_month",
     "Volunteers gathered. The festival drew 5,000 people on June 20, organizers said.", "June 20", "2019-06-20",
     "day", "", true, "2020-02-03"},
    {"document_date_from_a_published_line",
     "Shelters fill up\nBy A. Reporter\nPublished Mar. 2, 2022, 9:00 a.m.\n\nArrivals doubled in 2019. Staff "
     "left. The center will reopen on April 4.",
     "April 4", "2022-04-04", "day", "", true},
    {"document_date_from_a_header_line",
     "ANNUAL REPORT\nTapachula, Chiapas, septiembre de 2023\n\nEntre 2018 y 2020 crecieron. Hubo menos "
     "fondos. El 3 de marzo salieron 1.200 personas.",
     "3 de marzo", "2023-03-03", "day", "", true},
    {"document_date_from_a_dateline_with_its_time",
     "Court rules\n\nSeptember 2, 20257:52 PM GMT+0Updated 14 hours ago\n\nThe court cited a 1948 decision. "
     "ICE held 60,000 people as of late August. A ruling may come before June 2026.",
     "late August", "2025-08", "month", "late", true},
    {"weekday_fixes_the_year",
     "The fiscal year 2019 report is out. Staff will present it on Wednesday, Feb. 26, at noon.",
     "Wednesday, Feb. 26", "2020-02-26", "day", "", true},
    {"weekday_fixed_date_gives_context",
     "The fiscal year 2019 report is out. Staff will present it on Wednesday, Feb. 26. Comments are due Feb. 21.",
     "Feb. 21", "2020-02-21", "day", "", true},
    {"weekday_fits_the_latest_year_stated",
     "The tour starts in June 2020. The band played its 1976 album. Tickets go on sale Friday, December 6 at noon.",
     "Friday, December 6", "2019-12-06", "day", "", true},
    {"possessive_year_is_no_context", "He sang on 1978's hit single. The tour resumes on March 3 in Ohio.",
     "March 3", "--03-03", "day"},
    {"background_year_in_prose_is_no_context",
     "Rain fell on March 3, 2019. It was the wettest spell since 1905, officials said. On Oct. 26 the utility cut "
     "power.",
     "Oct. 26", "2019-10-26", "day", "", true},
    {"definite_month_takes_the_dated_month",
     "USCIS issued instructions on February 14, 2022. Plaintiffs sued in 2023. A hearing followed. The February "
     "instructions were vacated.",
     "February", "2022-02", "month", "", true},
    {"same_month_and_day_repeat_their_year",
     "On March 11, 2020, a pandemic was declared. Cases rose through 2021. Many say life changed on March 11.",
     "March 11", "2020-03-11", "day", "", true},
    {"citation_year_is_no_context",
     "In 2018 the agency acted. See Grace v. Barr, 965 F.3d 883 (D.C. Cir. 2020). The program ended. In "
     "October, it restarted.",
     "October", "2018-10", "month", "", true},
    {"year_heading_applies_to_the_first_item", "2021\n\n- Aug. 13 - A court orders the program back.",
     "Aug. 13", "2021-08-13", "day", "", true, "2024-06-10"},
    // Ranges, decades, seasons, years in citations.
    {"range_with_comma_after_first_year", "The year ran from Oct. 1, 2018, through Sept. 30, 2019, in full.",
     "from Oct. 1, 2018, through Sept. 30, 2019", "2018-10-01/2019-09-30", "day"},
    {"decade_with_modifier", "In the late 1990s, churches housed families.", "late 1990s", "1990/1999", "year",
     "late"},
    {"decade_alone", "Detention grew through the 2000s.", "2000s", "2000/2009", "year"},
    {"season_with_year", "Summer 2019: the program reaches Nogales.", "Summer 2019", "2019-06/2019-08", "month"},
    {"year_heading_neutral_citation", "See Canada v. Vavilov, 2019 SCC 65.", "2019", "2019", "year"},
    {"early_year_in_case_citation", "See Marbury v. Madison, 5 U.S. (1 Cranch) 137 (1803).", "1803", "1803",
     "year"},
    {"fiscal_year_spelled_out", "Deaths rose in fiscal year 2020 again.", "fiscal year 2020", "2020", "year"},
    {"spanish_para_is_a_cue", "El presupuesto para 2023 fue alto.", "2023", "2023", "year"},
    {"quarter_spelled_out", "Removals fell in the first quarter of 2020.", "first quarter of 2020",
     "2020-01/2020-03", "month"},
    {"quarter_code_before_year", "Q4 2019 saw the most returns.", "Q4 2019", "2019-10/2019-12", "month"},
    {"half_of_year_not_a_share", "Arrivals doubled in the second half of 2018.", "second half of 2018",
     "2018-07/2018-12", "month"},
    {"range_after_em_dash", "The program ran\u20142019\u20132021\u2014in three cities.", "2019-2021", "2019/2021",
     "year"},
};

TEST(DateFinderTest, FindsAndResolvesHardCases) {
  for (const Case& c : kCases) {
    Document doc = Normalized(c.text, c.doc_date);
    Finders().Run(doc);
    const std::vector<Entity> dates = Dates(doc);
    const Entity* hit = nullptr;
    for (const Entity& e : dates) {
      if (e.text == c.find) hit = &e;
    }
    if (hit == nullptr) {
      ADD_FAILURE() << c.name << ": no date \"" << c.find << "\"; found:" << Describe(dates);
      continue;
    }
    const DateValue* v = hit->as<DateValue>();
    ASSERT_NE(v, nullptr) << c.name;
    EXPECT_EQ(v->value, c.value) << c.name;
    EXPECT_EQ(v->precision, c.precision) << c.name;
    EXPECT_EQ(v->mod, c.mod) << c.name;
    EXPECT_EQ(v->inferred, c.inferred) << c.name;
    EXPECT_EQ(doc.Text(hit->span), c.find) << c.name;
  }
}

struct Counter {
  const char* name;
  const char* text;
  const char* span;  // no date may overlap it
};

const Counter kCounters[] = {
    {"count_of_people", "More than 2000 people waited at the bridge.", "2000"},
    {"page_of_neutral_citation", "Nothing in CI (Nigeria) v Secretary of State for the Home Department [2019] EWCA "
     "Civ 2027 suggests otherwise.", "2027"},
    {"reporter_abbreviated_dec", "See Matter of Wu, 27 I&N Dec. 8, 10-11 (BIA 2017).", "Dec. 8"},
    {"count_with_thousands_separator", "45 percent of the 2,315 people were assaulted.", "2,315"},
    {"count_after_the", "The 2000 migrants in the camp were moved.", "2000"},
    {"money", "The fee was $2019 for the form.", "2019"},
    {"phone_number", "Call (202) 555-2019 for help.", "555-2019"},
    {"section_number", "See Section 2019 of the rule.", "2019"},
    {"year_opening_a_file_number", "The file 2019-CV-1234 was sealed, as was 2020-ICE-0001.", "2019-CV"},
    {"page_number", "Read page 1999 of the record.", "1999"},
    {"bill_number", "H.R. 2019 was introduced.", "2019"},
    {"reporter_page", "Innovation Law Lab, 924 F.3d 2003 (9th Cir.)", "2003"},
    {"docket_number", "The appeal, No. 19-15716, was argued.", "19-15716"},
    {"docket_with_year_range", "Case No. 2019-2020 was sealed.", "2019-2020"},
    {"time_of_day", "The hearing began at 10:30 and ended at 19:45.", "10:30"},
    {"military_time_count", "The raid started at 1930 hours.", "1930"},
    {"percent", "A rise of 2019% is implausible.", "2019"},
    {"decimal", "The index stood at 2019.5 points.", "2019.5"},
    {"level_and_article", "A Level 4 advisory under Article 33 applies.",
     "Level 4 advisory under Article 33"},
    {"convention_year_left_to_statute", "the 1951 Refugee Convention and its 1967 Protocol", "1951"},
    {"protocol_year_left_to_statute", "the 1951 Refugee Convention and its 1967 Protocol", "1967"},
    {"act_of_year_left_to_statute", "granted by the Refugee Act of 1980 to refugees", "1980"},
    {"remain_act_year", "The REMAIN in Mexico Act of 2025 seeks to codify MPP.", "2025"},
    {"may_as_verb", "Officials may decide by Friday whether families may stay.", "may decide"},
    {"march_as_event", "Thousands joined the March for Our Lives.", "March"},
    {"plaza_de_mayo", "La marcha llegó a la Plaza de Mayo.", "Mayo"},
    {"fraction", "About 3/4 of the families were Honduran.", "3/4"},
    {"url_path_year", "See https://example.org/news/2019/report for more.", "2019"},
    {"version_number", "Installed version 2019 of the tool.", "2019"},
    {"invalid_calendar_day", "Dated February 30, 2019 in error.", "February 30"},
    {"pin_cite_page", "Id. at 1983 (discussing the bar).", "1983"},
    {"reporter_with_series_and_spaces", "Trump v. Hawaii, 138 S. Ct. 2018 (holding).", "2018"},
    {"count_after_at_least", "At least 2000 children were separated.", "2000"},
    {"score_far_in_future", "The earlier design earned a total score of 2072 points.", "2072"},
    {"model_year_after_model", "The production model 2020 went on sale.", "2020"},
    {"code_glued_to_year", "Client Code: VH-2021 (confidential)", "2021"},
    {"report_number_glued_to_year", "See report GAO-2020 on staffing.", "2020"},
    {"year_in_url_slug", "The report is at https://example.org/reports/deaths-2020 with data.", "2020"},
    {"paragraph_abbreviation", "See the Handbook para. 1999 on evidence.", "1999"},
    {"late_year_in_text_not_in_citation", "The census table lists Total (1850) households.", "1850"},
};

TEST(DateFinderTest, LeavesFalseDatesOut) {
  for (const Counter& c : kCounters) {
    Document doc = Normalized(c.text, "");
    Finders().Run(doc);
    const size_t at = doc.text.find(c.span);
    ASSERT_NE(at, std::string::npos) << c.name;
    for (const Entity& e : Dates(doc)) {
      EXPECT_FALSE(e.span.begin < at + std::string_view(c.span).size() && at < e.span.end)
          << c.name << ": " << ToJson(e).dump();
    }
  }
}

TEST(DateFinderTest, TwoSeparateModifiedMonthsStayTwoDates) {
  Document doc = Normalized(
      "In July 2019 it grew. Most recently, in late November and early December, it expanded.", "");
  Finders().Run(doc);
  std::vector<std::string> texts;
  for (const Entity& e : Dates(doc)) texts.push_back(e.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"July 2019", "late November", "early December"}));
}

// A relative date takes its value from the document's date, to the
// precision that date has; a date that is no real day anchors no day.
TEST(DateFinderTest, RelativeDatesNeedADocumentDatePreciseEnough) {
  const std::string text = "Yesterday the camp closed; last month it was full, and next year it reopens.";
  auto relative = [&](const std::string& doc_date) {
    Document doc = Normalized(text, doc_date);
    Finders().Run(doc);
    std::vector<std::string> found;
    for (const Entity& e : Dates(doc)) {
      const DateValue* v = e.as<DateValue>();
      EXPECT_TRUE(v->relative && v->inferred) << e.text;
      found.push_back(e.text + "=" + v->value);
    }
    return found;
  };
  EXPECT_EQ(relative("2021-03-01"),
            (std::vector<std::string>{"Yesterday=2021-02-28", "last month=2021-02", "next year=2022"}));
  EXPECT_EQ(relative("2021-03"), (std::vector<std::string>{"last month=2021-02", "next year=2022"}));
  EXPECT_EQ(relative("2021-02-30"), (std::vector<std::string>{"last month=2021-01", "next year=2022"}));
  EXPECT_EQ(relative("2021-13-45"), (std::vector<std::string>{"next year=2022"}));
  EXPECT_TRUE(relative("").empty());
}

TEST(DateFinderTest, DateOverlappingEarlierStatuteIsSkipped) {
  const PatternPack* pack = Finders().pack("date");
  ASSERT_NE(pack, nullptr);
  std::unique_ptr<Finder> finder = MakeDateFinder(*pack);
  Document doc = Normalized("Congress passed the Immigration Act of 1990 in November 1990.", "");
  Entity statute;
  statute.type = EntityType::kStatute;
  const size_t at = doc.text.find("Immigration Act of 1990");
  statute.span = doc.MakeSpan(at, at + std::string_view("Immigration Act of 1990").size());
  std::vector<Entity> found;
  finder->Find(doc, test_util::MatchesOf(*pack, doc.text).matches, {statute}, &found);
  ASSERT_EQ(found.size(), 1u) << Describe(found);
  EXPECT_EQ(found[0].text, "November 1990");
}

TEST(DateFinderTest, DatesNeverOverlapEachOther) {
  Document doc = Normalized(
      "From January 2019 to January 2021, and between June 2018 and July 2019, "
      "on January 25-28, 2019 and 2019-2021 and 25 de enero de 2019.",
      "");
  Finders().Run(doc);
  const std::vector<Entity> dates = Dates(doc);
  ASSERT_GE(dates.size(), 5u) << Describe(dates);
  for (size_t i = 1; i < dates.size(); ++i) {
    EXPECT_LE(dates[i - 1].span.end, dates[i].span.begin) << Describe(dates);
  }
}

// Pathological inputs: the finder must finish (linear time) and stay sane.
TEST(DateFinderTest, PathologicalInputsFinish) {
  const std::vector<std::string> inputs = {
      std::string(1'000'000, '9'),
      [] {
        std::string s;
        for (int i = 0; i < 100'000; ++i) s += "2019 ";
        return s;
      }(),
      [] {
        std::string s;
        for (int i = 0; i < 50'000; ++i) s += "January ";
        return s;
      }(),
      [] {
        std::string s;
        for (int i = 0; i < 50'000; ++i) s += "1/2/";
        return s;
      }(),
      [] {
        std::string s;
        for (int i = 0; i < 30'000; ++i) s += "from 2019 to ";
        return s + "2021";
      }(),
      [] {
        std::string s;
        for (int i = 0; i < 30'000; ++i) s += "in late December and ";
        return s;
      }(),
  };
  for (const std::string& input : inputs) {
    Document doc = Normalized(input, "");
    const PatternPack* pack = Finders().pack("date");
    ASSERT_NE(pack, nullptr);
    std::vector<Entity> found;
    MakeDateFinder(*pack)->Find(doc, test_util::MatchesOf(*pack, doc.text).matches, {}, &found);
    for (size_t i = 1; i < found.size(); ++i) ASSERT_LE(found[i - 1].span.end, found[i].span.begin);
  }
}

TEST(DateResolveTest, CalendarRules) {
  EXPECT_EQ(FormatIsoDate({2019, 1, 25}), "2019-01-25");
  EXPECT_EQ(FormatIsoDate({2019, 12, 0}), "2019-12");
  EXPECT_EQ(FormatIsoDate({2019, 0, 0}), "2019");
  EXPECT_EQ(FormatIsoDate({0, 3, 11}), "--03-11");
  EXPECT_TRUE(IsValidDate({2020, 2, 29}));
  EXPECT_FALSE(IsValidDate({2019, 2, 29}));
  EXPECT_TRUE(IsValidDate({0, 2, 29}));
  EXPECT_FALSE(IsValidDate({2019, 13, 1}));
  EXPECT_FALSE(IsValidDate({2019, 4, 31}));
  EXPECT_EQ(ExpandShortYear(20, 2019), 2020);
  EXPECT_EQ(ExpandShortYear(0, 1999), 2000);
  EXPECT_EQ(ExpandShortYear(19, 0), 2019);
  EXPECT_EQ(ExpandShortYear(85, 0), 1985);
  EXPECT_EQ(PrecisionName({2019, 1, 0}), "month");
  EXPECT_EQ(CompareDates({2019, 1, 0}, {2019, 1, 25}), 0);
  EXPECT_EQ(CompareDates({2018, 6, 0}, {2019, 7, 0}), -1);
  EXPECT_EQ(ParseDigits("0925"), 925);
  EXPECT_EQ(ParseDigits("9a"), -1);
}

// Relative dates count from the document's date across month, year and
// leap-day boundaries.
TEST(DateResolveTest, CalendarArithmetic) {
  EXPECT_EQ(FormatIsoDate(AddDays({2021, 3, 1}, -1)), "2021-02-28");
  EXPECT_EQ(FormatIsoDate(AddDays({2020, 3, 1}, -1)), "2020-02-29");
  EXPECT_EQ(FormatIsoDate(AddDays({2020, 12, 31}, 1)), "2021-01-01");
  EXPECT_EQ(FormatIsoDate(AddDays({2021, 3, 10}, -14)), "2021-02-24");
  EXPECT_EQ(FormatIsoDate(AddMonths({2021, 1, 15}, -1)), "2020-12");
  EXPECT_EQ(FormatIsoDate(AddMonths({2021, 12, 0}, 1)), "2022-01");
  EXPECT_EQ(FormatIsoDate(AddMonths({2021, 3, 0}, -27)), "2018-12");
  EXPECT_EQ(IsoWeekday({2021, 3, 8}), 0);   // a Monday
  EXPECT_EQ(IsoWeekday({2021, 3, 14}), 6);  // a Sunday
}

}  // namespace
}  // namespace dossier
