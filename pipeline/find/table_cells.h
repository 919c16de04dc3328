// TableReader: the rows and cells of a document's tables, read from the
// layout its extractor kept in raw_text, for the statistic finder (a number
// in a table's data cell measures something; ANNOTATION.md "Which text is
// annotated": tables are content).
//
// Two sources:
//   - structure: segments the extractor marked Role::kTable (HTML and JSON
//     tables: one row per block, cells joined by " | "; PDF tables: rows on
//     lines, cells joined by tabs);
//   - plain-text layout, where no extractor marks tables: a block of lines
//     (between blank lines) in which consecutive lines split into the same
//     number (two or more) of cells, cells being separated by a tab, a run
//     of two or more spaces, or pipes (`| a | b |`, Markdown). The pack's
//     fragment `table_line` finds the lines worth looking at (a cell gap
//     before a number), so text without them costs one RE2 scan.
// Markdown delimiter rows (`| --- | --- |`) are skipped.
//
// The reader knows layout only; what a cell means (header, year column,
// unit) is the finder's business.
//
// Example:
//   TableReader reader(pack);
//   for (const Table& t : reader.Read(doc))
//     for (const TableRow& row : t.rows)
//       doc.text.substr(row.cells[0].begin, row.cells[0].end - row.cells[0].begin);
#ifndef DOSSIER_PIPELINE_FIND_TABLE_CELLS_H_
#define DOSSIER_PIPELINE_FIND_TABLE_CELLS_H_

#include <re2/re2.h>

#include <memory>
#include <string_view>
#include <vector>

#include "pipeline/core/document.h"
#include "pipeline/find/pattern_pack.h"

namespace dossier {

// A cell: its text in the normalized text, [begin, end), spaces trimmed.
struct TableCell {
  size_t begin = 0, end = 0;
};

struct TableRow {
  std::vector<TableCell> cells;
};

struct Table {
  std::vector<TableRow> rows;  // in order; a table has at least two
  bool marked = false;         // the extractor marked it (Role::kTable)
};

class TableReader {
 public:
  // Reads fragment `table_line` of `pack` (no fragment: plain-text tables
  // are not looked for).
  explicit TableReader(const PatternPack& pack);

  // Returns the tables of `doc`, in text order. Linear in the size of the
  // table segments plus one RE2 scan of the raw text.
  std::vector<Table> Read(const Document& doc) const;

 private:
  std::unique_ptr<RE2> line_;
};

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_FIND_TABLE_CELLS_H_
