// Markdown extractor: the prose of a Markdown file without its syntax.
//
// Headings lose their "#"s (the first level-1 heading is the title), links
// keep their label, emphasis markers, code ticks, escapes, list markers,
// quote markers and inline HTML tags go away; every list item, heading and
// paragraph is its own block, blocks joined by "\n\n" separators. What is
// kept is a set of runs of file bytes, each a linear segment anchored at its
// byte offset, so every byte of text maps exactly back into the file (the
// few decoded entities, &amp; and the like, are non-linear runs).
//
// Example:
//   auto x = MakeMarkdownExtractor();
//   Status s = x->Extract(input, options, sink);
#ifndef DOSSIER_EXTRACTORS_MARKDOWN_MARKDOWN_EXTRACTOR_H_
#define DOSSIER_EXTRACTORS_MARKDOWN_MARKDOWN_EXTRACTOR_H_

#include <memory>
#include <string_view>

#include "extractors/extractor.h"

namespace dossier {

// Returns the extractor for Format::kMarkdown.
std::unique_ptr<Extractor> MakeMarkdownExtractor();

// Fills `doc`'s raw text, segments and title from the Markdown `source`.
void MarkdownToDocument(std::string_view source, Document& doc);

}  // namespace dossier

#endif  // DOSSIER_EXTRACTORS_MARKDOWN_MARKDOWN_EXTRACTOR_H_
