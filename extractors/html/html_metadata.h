// HTML page metadata: what a page says about itself in <head> and in
// schema.org JSON-LD, read into dossier's Metadata.
//
// Sources, best first for each field:
//   title     og:title, JSON-LD headline, <title> (site name suffix removed), <h1>
//   author    JSON-LD author.name, meta author / article:author, rel=author,
//             itemprop=author
//   date      article:published_time, itemprop datePublished, JSON-LD
//             datePublished, meta date / dc.date, first <time datetime>
//   modified  article:modified_time, itemprop dateModified, JSON-LD dateModified
//   url       <link rel=canonical>, og:url
//   language  <html lang>, meta content-language, og:locale
// Dates are rewritten to ISO 8601 ("2019-11-19T10:00:00-08:00" or
// "2019-11-19"); values that are not recognisable dates are dropped.
// The JSON-LD articleBody, when present, is returned for the content
// extractor to cross-check its choice of the main text.
//
// Example:
//   PageMetadata m = ReadPageMetadata(tree);
//   m.metadata.date;   // "2019-11-19T10:00:00-08:00"
#ifndef DOSSIER_EXTRACTORS_HTML_HTML_METADATA_H_
#define DOSSIER_EXTRACTORS_HTML_HTML_METADATA_H_

#include <string>
#include <string_view>

#include "extractors/html/html_tree.h"
#include "pipeline/core/document.h"

namespace dossier {

struct PageMetadata {
  Metadata metadata;
  std::string article_body;   // JSON-LD articleBody (or text), "" if none
  std::string html_title;     // the <title> text as written
  std::string site_name;      // og:site_name / JSON-LD publisher name
  // The article's headline: the publisher's (og:title, JSON-LD headline,
  // meta title), else the page's first <h1>, else the <title> without its
  // site name. metadata.title prefers the <title> to the <h1>; a headline
  // read into the text prefers the words the page shows above the story.
  std::string headline;
};

// Returns the metadata of the page held in `tree`.
PageMetadata ReadPageMetadata(const HtmlTree& tree);

// Returns `value` as an ISO 8601 date or date-time, or "" when it is not one
// ("2019-11-19T18:00:00Z", "2019-11-19 18:00", "20191119", "Nov 19, 2019").
std::string IsoDate(std::string_view value);

}  // namespace dossier

#endif  // DOSSIER_EXTRACTORS_HTML_HTML_METADATA_H_
