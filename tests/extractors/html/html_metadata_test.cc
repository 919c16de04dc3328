// Page metadata: titles, authors, dates in ISO 8601, canonical URL, language.
#include "extractors/html/html_metadata.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/html/html_tree.h"
#include "html_test_util.h"

namespace dossier {
namespace {

Metadata Read(const std::string& page) {
  Result<HtmlTree> tree = ParseHtmlTree(page);
  EXPECT_TRUE(tree.ok());
  return ReadPageMetadata(*tree).metadata;
}

TEST(HtmlMetadataTest, IsoDateTable) {
  struct Case {
    std::string in, want;
  };
  const std::vector<Case> cases = {
      {"2019-11-19T18:00:00Z", "2019-11-19T18:00:00Z"},
      {"2019-11-19T10:00:00.000-08:00", "2019-11-19T10:00:00-08:00"},
      {"2019-11-19 10:00:00 +0000", "2019-11-19T10:00:00+00:00"},
      {"2019-11-19", "2019-11-19"},
      {"2019/11/19", "2019-11-19"},
      {"20191119", "2019-11-19"},
      {"2019-11", "2019-11"},
      {"Nov 19, 2019", "2019-11-19"},
      {"19 November 2019", "2019-11-19"},
      {"Tue, 19 Nov 2019 18:00:00 GMT", "2019-11-19"},
      {"November 19th, 2019 at 5pm", "2019-11-19"},
      {"2019-13-40", ""},
      {"yesterday", ""},
      {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(IsoDate(c.in), c.want) << c.in;
}

TEST(HtmlMetadataTest, ReadsHeadAndJsonLd) {
  const Metadata m = Read(testing::Fixture("article_boilerplate.html"));
  EXPECT_EQ(m.title, "Border agency report finds detention delays");
  EXPECT_EQ(m.author, "Jane Reporter");
  EXPECT_EQ(m.date, "2021-03-04T09:30:00Z");
  EXPECT_EQ(m.modified, "2021-03-05T10:00:00+01:00");
  EXPECT_EQ(m.url, "https://news.example.org/2021/03/04/detention-delays");
  EXPECT_EQ(m.language, "en-GB");
}

TEST(HtmlMetadataTest, FallbacksTable) {
  struct Case {
    std::string name, page;
    std::string Metadata::*field;
    std::string want;
  };
  const std::vector<Case> cases = {
      {"title without site name", "<title>Court ruling on asylum | The Daily Site</title>",
       &Metadata::title, "Court ruling on asylum"},
      {"h1 when nothing else", "<body><h1>Only a heading</h1></body>", &Metadata::title,
       "Only a heading"},
      {"itemprop datePublished", "<body><time itemprop=\"datePublished\" datetime=\"2020-02-03\">"
                                 "Feb 3</time></body>",
       &Metadata::date, "2020-02-03"},
      {"time element", "<body><time datetime=\"2018-07-01T08:00\">July</time></body>",
       &Metadata::date, "2018-07-01T08:00"},
      {"json-ld graph",
       "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebSite\"},"
       "{\"@type\":\"BlogPosting\",\"datePublished\":\"2017-05-06\",\"author\":[{\"name\":\"A\"},"
       "{\"name\":\"B\"}]}]}</script>",
       &Metadata::author, "A, B"},
      {"og:locale", "<meta property=\"og:locale\" content=\"pt_BR\">", &Metadata::language,
       "pt-BR"},
      {"broken json-ld is ignored",
       "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", </script>"
       "<meta name=\"author\" content=\"Meta Author\">",
       &Metadata::author, "Meta Author"},
  };
  for (const Case& c : cases) EXPECT_EQ(Read(c.page).*(c.field), c.want) << c.name;
}

}  // namespace
}  // namespace dossier
