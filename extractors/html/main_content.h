// Main-content extraction: which text of a web page is the page's content
// (the article, the opinion, the post) and which is boilerplate (navigation,
// headers, footers, cookie notices, share bars, related links, comments, ads).
//
// The steps, each a function in main_content.cc:
//   1. Classify every element: never text (script, style, forms, hidden
//      elements), boilerplate by tag or ARIA role (nav, aside, footer,
//      header, role=navigation...) or by class/id words (comment, share,
//      related, sidebar, promo, cookie... against article, content, body,
//      story...). Hints never remove an element that holds most of the
//      page's text or an <article>/<main>/articleBody inside it.
//   2. Measure bottom-up: characters, characters inside links, commas.
//   3. Score paragraphs (blocks with their own text) by length and commas,
//      damped by their link density, and credit the score to their parent
//      and, less, to further ancestors; semantic tags and hints adjust the
//      candidates. The best candidate wins; when several strong candidates
//      share an ancestor the ancestor wins; siblings that score close to it
//      or are plain paragraphs join it (an article split by ads).
//   4. When the page's JSON-LD articleBody is known, candidates are also
//      judged by how much of it they hold: the smallest node covering most
//      of it is preferred when the scoring chose something that misses it.
//   5. Walk the chosen nodes in order and emit blocks: headings, paragraphs,
//      list items, quotes, table rows (cells joined by " | "), captions,
//      dropping link lists and link-dense lines and boilerplate inside.
//   6. If the result is almost empty, try again without class/id hints, and
//      last with the whole body minus navigation: a thin page is better
//      than no text.
//
// Example:
//   std::vector<ContentBlock> blocks = ExtractMainContent(tree, meta);
#ifndef DOSSIER_EXTRACTORS_HTML_MAIN_CONTENT_H_
#define DOSSIER_EXTRACTORS_HTML_MAIN_CONTENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/html/html_metadata.h"
#include "extractors/html/html_tree.h"
#include "pipeline/core/segment.h"

namespace dossier {

// A piece of a block: text of the tree ([begin, end) of HtmlTree::text()),
// or text the extractor inserts (a line break for <br>, " | " between cells).
struct ContentRun {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string_view inserted;  // non-empty for inserted text
};

struct ContentBlock {
  Role role = Role::kBody;
  Tag tag = Tag::kP;  // the element that made the block
  std::string note;   // a footnote item's number ("2" for <li id="fn2">), else ""
  std::vector<ContentRun> runs;
};

struct MainContent {
  std::vector<ContentBlock> blocks;
  std::string_view method;  // "scored", "relaxed", "body": how it was found
};

// Returns the main content of the page, in reading order, with leading and
// trailing whitespace trimmed from each block. Figure captions are left out
// unless `keep_captions` (main-text benchmarks do not count them;
// ANNOTATION.md annotates their entities).
MainContent ExtractMainContent(const HtmlTree& tree, const PageMetadata& meta, bool keep_captions = false);

}  // namespace dossier

#endif  // DOSSIER_EXTRACTORS_HTML_MAIN_CONTENT_H_
