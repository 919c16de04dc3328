// HTML held in a JSON string field ("contentHtml"): turned into text blocks
// whose runs point back into the decoded string.
//
// libxml2 parses the markup (no network, no DTD, errors recovered); blocks
// (h1-h6, p, li, blockquote, tr, div...) become separate blocks. Each text
// node is then found in the markup after the previous one, so a run that
// is a verbatim copy of markup bytes is linear with its exact offset; a
// character that came from an entity (&amp;) is its own non-linear run at
// the entity's offset.
//
// Example:
//   for (const HtmlBlock& b : HtmlFieldToBlocks(html))
//     for (const HtmlRun& r : b.runs) Add(r.text, r.offset, r.linear, b.role);
#ifndef DOSSIER_EXTRACTORS_JSON_HTML_FIELD_H_
#define DOSSIER_EXTRACTORS_JSON_HTML_FIELD_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/segment.h"

namespace dossier::json_internal {

struct HtmlRun {
  std::string text;
  size_t offset = 0;   // byte offset in the HTML string
  bool linear = true;  // text == html.substr(offset, text.size())
};

struct HtmlBlock {
  Role role = Role::kBody;
  std::string tag;  // the block element ("p", "h2", "li")
  std::vector<HtmlRun> runs;
};

// Returns whether `s` is HTML markup rather than prose that mentions a tag:
// it holds a known element's start tag and its end tag (or a <br>/<p>).
bool LooksLikeHtmlMarkup(std::string_view s);

// Returns the text blocks of `html` in document order, whitespace trimmed at
// block edges, script/style/template content left out.
std::vector<HtmlBlock> HtmlFieldToBlocks(std::string_view html);

}  // namespace dossier::json_internal

#endif  // DOSSIER_EXTRACTORS_JSON_HTML_FIELD_H_
