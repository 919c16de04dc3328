// Normal forms merge and conflicts compare by, and the key terms of a text.
#include "pipeline/assemble/keys.h"

#include <gtest/gtest.h>

#include "pipeline/assemble/key_terms.h"

namespace dossier {
namespace {

TEST(KeysTest, CanonicalUrl) {
  const std::pair<const char*, const char*> cases[] = {
      {"https://www.cbp.gov/newsroom/stats/migrant-protection-protocols",
       "cbp.gov/newsroom/stats/migrant-protection-protocols"},
      {"http://CBP.gov/newsroom/stats/migrant-protection-protocols/",
       "cbp.gov/newsroom/stats/migrant-protection-protocols"},
      {"https://example.org/a?utm_source=x#top", "example.org/a"},
      {"ftp://example.org/a", ""},
      {"not a url", ""},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(CanonicalUrl(in), want) << in;
}

TEST(KeysTest, SubjectClassGroupsTheWordsSourcesSwap) {
  const std::pair<const char*, const char*> cases[] = {
      {"asylum seekers", "people"},
      {"asylum-seekers", "people"},
      {"migrants", "people"},
      {"MPP asylum seekers", "people"},
      {"individuals", "people"},
      {"people", "people"},
      {"children", "children"},
      {"cases", "case"},
      {"publicly reported cases", "publicly reported case"},
      {"MPP patients", "mpp patient"},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(SubjectClass(in), want) << in;
}

TEST(KeysTest, ProvisionKeyIgnoresSpellingOfSectionAndArticle) {
  EXPECT_EQ(ProvisionKey("Article 33"), ProvisionKey("art. 33"));
  EXPECT_EQ(ProvisionKey("Section 235(b)(2)(C)"), ProvisionKey("\xc2\xa7 235(b)(2)(C)"));
  EXPECT_EQ(ProvisionKey("Articles 3, 22"), ProvisionKey("Article 3 22"));
  EXPECT_NE(ProvisionKey("Article 3"), ProvisionKey("Article 33"));
}

TEST(KeysTest, IncidentIdIsStableAndOrderFree) {
  EXPECT_EQ(IncidentId("", {"b", "a"}), IncidentId("", {"a", "b"}));
  EXPECT_NE(IncidentId("", {"a"}), IncidentId("", {"a", "b"}));
  EXPECT_EQ(IncidentId("remain-in-mexico", {"a"}), IncidentId("remain-in-mexico", {"b", "c"}));
  EXPECT_EQ(IncidentId("x", {}).size(), 16u);
}

TEST(KeyTermsTest, QuotedNamesAcronymsAndTheirExpansions) {
  const std::string text =
      "The Migrant Protection Protocols (MPP), known as \xe2\x80\x9cRemain in Mexico,\xe2\x80\x9d "
      "began in 2019. "
      "MPP returned people to Mexico. Critics said \"Remain in Mexico\" failed. DHS said MPP "
      "worked. "
      "WHAT IS REMAIN IN MEXICO? The Migrant Protection Protocols were ended. DHS agreed.";
  const std::vector<std::string> terms = KeyTerms(text, 8);
  EXPECT_EQ(terms.front(), "mpp");  // 3 mentions
  for (const char* want : {"remain in mexico", "migrant protection protocols", "dhs"}) {
    EXPECT_NE(std::find(terms.begin(), terms.end(), want), terms.end()) << want;
  }
  // Shouted headings are not acronyms; single mentions are not key terms.
  for (const char* unwanted : {"what", "remain", "critics"}) {
    EXPECT_EQ(std::find(terms.begin(), terms.end(), unwanted), terms.end()) << unwanted;
  }
  EXPECT_LE(KeyTerms(text, 2).size(), 2u);
}

}  // namespace
}  // namespace dossier
