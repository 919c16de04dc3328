#include "pipeline/find/table_cells.h"

#include <string.h>

#include <algorithm>

namespace dossier {

namespace {

constexpr size_t npos = std::string_view::npos;

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// A raw range [begin, end).
struct Range {
  size_t begin = 0, end = 0;
};

// Returns `r` without blanks at either end.
Range Trim(std::string_view raw, Range r) {
  while (r.begin < r.end && IsBlank(raw[r.begin])) ++r.begin;
  while (r.end > r.begin && IsBlank(raw[r.end - 1])) --r.end;
  return r;
}

// Returns true for a Markdown delimiter cell ("---", ":--:") or an empty one.
bool IsRule(std::string_view cell) {
  for (char c : cell) {
    if (c != '-' && c != ':' && c != '=' && c != '+' && !IsBlank(c)) return false;
  }
  return true;
}

// Splits the line raw[line] into cells: `| a | b |` (pipes at the edge),
// `a | b` (cells joined by " | "), else tabs or runs of two or more spaces.
// Sets `*rule` for a delimiter row ("| --- | --- |", "-----------").
std::vector<Range> SplitCells(std::string_view raw, Range line, bool* rule) {
  std::vector<Range> cells;
  *rule = false;
  line = Trim(raw, line);
  if (line.begin == line.end) return cells;
  const std::string_view s = raw.substr(line.begin, line.end - line.begin);
  const bool edge_pipes = s.front() == '|';
  if (edge_pipes || s.find(" | ") != npos) {
    size_t b = line.begin + (edge_pipes ? 1 : 0);
    size_t e = line.end;
    if (e > b && raw[e - 1] == '|') --e;
    bool all_rules = true;
    while (b <= e) {
      size_t bar = raw.substr(b, e - b).find('|');
      const size_t cell_end = bar == npos ? e : b + bar;
      const Range cell = Trim(raw, {b, cell_end});
      all_rules = all_rules && IsRule(raw.substr(cell.begin, cell.end - cell.begin));
      cells.push_back(cell);
      if (bar == npos) break;
      b = cell_end + 1;
    }
    *rule = all_rules;
    return cells;
  }
  // "-------------": a plain-text table's rule line, under its header or
  // over a total.
  if (s.size() >= 3 && IsRule(s)) {
    *rule = true;
    return cells;
  }
  size_t b = line.begin;
  size_t i = line.begin;
  while (i < line.end) {
    const bool tab = raw[i] == '\t';
    const bool gap = raw[i] == ' ' && i + 1 < line.end && raw[i + 1] == ' ';
    if (!tab && !gap) {
      ++i;
      continue;
    }
    cells.push_back(Trim(raw, {b, i}));
    while (i < line.end && IsBlank(raw[i])) ++i;
    b = i;
  }
  cells.push_back(Trim(raw, {b, line.end}));
  return cells;
}

// Returns the lines of raw[r] ("\n"-separated, "\r" trimmed by SplitCells).
std::vector<Range> Lines(std::string_view raw, Range r) {
  std::vector<Range> lines;
  size_t b = r.begin;
  while (b < r.end) {
    size_t nl = raw.substr(b, r.end - b).find('\n');
    const size_t e = nl == npos ? r.end : b + nl;
    lines.push_back({b, e});
    b = e + 1;
  }
  return lines;
}

bool IsBlankLine(std::string_view raw, Range line) {
  for (size_t i = line.begin; i < line.end; ++i) {
    if (!IsBlank(raw[i])) return false;
  }
  return true;
}

// Returns the raw offsets where a plain-text table line may have a cell
// gap, in order: every tab or pipe, and every run of two or more blanks
// normalization folded into one space (read from the offset map, not by
// scanning every byte).
std::vector<size_t> GapCandidates(const Document& doc) {
  const std::string_view raw = doc.raw_text;
  std::vector<size_t> spaces;
  doc.offsets.ForEachChange([&](size_t raw_begin, size_t raw_length, size_t, size_t norm_length) {
    if (raw_length < 2 || norm_length > 1 || raw_begin + raw_length > raw.size()) return;
    for (size_t i = raw_begin; i < raw_begin + raw_length; ++i) {
      if (raw[i] != ' ' && raw[i] != '\t') return;  // a line break or another rewrite
    }
    spaces.push_back(raw_begin);
  });
  std::vector<size_t> marks;  // tabs and pipes
  for (const char c : {'\t', '|'}) {
    const char* p = raw.data();
    const char* end = raw.data() + raw.size();
    while (p < end && (p = static_cast<const char*>(memchr(p, c, static_cast<size_t>(end - p)))) != nullptr) {
      marks.push_back(static_cast<size_t>(p - raw.data()));
      ++p;
    }
  }
  std::sort(marks.begin(), marks.end());
  std::vector<size_t> out(spaces.size() + marks.size());
  std::merge(spaces.begin(), spaces.end(), marks.begin(), marks.end(), out.begin());
  return out;
}

TableCell ToCell(const Document& doc, Range raw_cell) {
  TableCell c;
  c.begin = doc.offsets.ToNorm(raw_cell.begin);
  c.end = std::max(c.begin, doc.offsets.ToNormEnd(raw_cell.end));
  while (c.begin < c.end && doc.text[c.begin] == ' ') ++c.begin;
  while (c.end > c.begin && doc.text[c.end - 1] == ' ') --c.end;
  return c;
}

// Appends the tables the lines of raw[block] hold: for a marked block, all
// its rows; for plain text, every run of two or more consecutive lines that
// split into the same number (two or more) of cells.
void AddTables(const Document& doc, Range block, bool marked, std::vector<Table>* out) {
  const std::string_view raw = doc.raw_text;
  Table current;
  current.marked = marked;
  size_t width = 0;
  bool indented = false;  // the current table's first line opens with blanks
  auto flush = [&] {
    if (current.rows.size() >= 2) out->push_back(std::move(current));
    current = Table();
    current.marked = marked;
    width = 0;
  };
  for (const Range& line : Lines(raw, block)) {
    if (IsBlankLine(raw, line)) {
      if (!marked) flush();
      continue;
    }
    bool rule = false;
    std::vector<Range> cells = SplitCells(raw, line, &rule);
    if (rule) continue;
    // A heading line with nothing over the label column ("      YE Jun 2023
    // YE Jun 2024") is the header of the rows under it, one cell short.
    if (!marked && current.rows.size() == 1 && indented && width >= 1 && cells.size() == width + 1) {
      TableRow& header = current.rows.front();
      const size_t at = header.cells.front().begin;
      header.cells.insert(header.cells.begin(), TableCell{at, at});
      width = cells.size();
    }
    if (!marked && (cells.size() < 2 || (width != 0 && cells.size() != width))) {
      flush();
      if (cells.size() < 2) continue;
    }
    if (current.rows.empty()) indented = IsBlank(raw[line.begin]);
    width = cells.size();
    TableRow row;
    row.cells.reserve(cells.size());
    for (const Range& c : cells) row.cells.push_back(ToCell(doc, c));
    current.rows.push_back(std::move(row));
  }
  flush();
}

}  // namespace

TableReader::TableReader(const PatternPack& pack) {
  const std::string line = pack.fragment("table_line");
  if (line.empty()) return;
  RE2::Options options;
  options.set_log_errors(false);
  line_ = std::make_unique<RE2>(line, options);
  if (!line_->ok()) line_.reset();
}

std::vector<Table> TableReader::Read(const Document& doc) const {
  std::vector<Table> out;
  const std::string_view raw = doc.raw_text;
  // Raw ranges of the runs of segments the extractor marked as table.
  std::vector<Range> marked;
  for (size_t i = 0; i < doc.segments.size(); ++i) {
    if (doc.segments[i].role != Role::kTable) continue;
    size_t j = i, last = i;
    while (j + 1 < doc.segments.size() &&
           (doc.segments[j + 1].role == Role::kTable || doc.segments[j + 1].role == Role::kSeparator)) {
      ++j;
      if (doc.segments[j].role == Role::kTable) last = j;
    }
    marked.push_back({doc.segments[i].begin, std::min(doc.segments[last].end, raw.size())});
    i = j;
  }
  auto in_marked = [&](Range r) {
    auto it = std::upper_bound(marked.begin(), marked.end(), r.begin,
                               [](size_t pos, const Range& m) { return pos < m.end; });
    return it != marked.end() && it->begin < r.end;
  };
  std::vector<Table> plain;
  if (line_ != nullptr) {
    size_t floor = 0;  // blocks already read end here: each byte is read once
    constexpr size_t kLineWindow = 64;  // a cell gap and the number after it
    for (const size_t h : GapCandidates(doc)) {
      if (h < floor) continue;
      if (!line_->Match(raw, h, std::min(raw.size(), h + kLineWindow), RE2::ANCHOR_START, nullptr, 0)) continue;
      // The block of non-blank lines around the hit.
      const size_t hit_nl = h > 0 ? raw.rfind('\n', h - 1) : npos;
      size_t begin = hit_nl == npos || hit_nl < floor ? floor : hit_nl + 1;
      while (begin > floor) {
        const size_t prev_end = begin - 1;  // the '\n' ending the line above
        const size_t nl = prev_end > 0 ? raw.rfind('\n', prev_end - 1) : npos;
        const size_t prev_begin = nl == npos || nl < floor ? floor : nl + 1;
        if (IsBlankLine(raw, {prev_begin, prev_end})) break;
        begin = prev_begin;
      }
      size_t end = raw.find('\n', h);
      while (end != npos) {
        const size_t next = raw.find('\n', end + 1);
        const size_t next_end = next == npos ? raw.size() : next;
        if (IsBlankLine(raw, {end + 1, next_end})) break;
        end = next;
      }
      if (end == npos) end = raw.size();
      const Range block{begin, end};
      if (!in_marked(block)) AddTables(doc, block, /*marked=*/false, &plain);
      floor = std::max(end + 1, h + 1);
    }
  }
  for (const Range& m : marked) AddTables(doc, m, /*marked=*/true, &out);
  out.insert(out.end(), std::make_move_iterator(plain.begin()), std::make_move_iterator(plain.end()));
  std::sort(out.begin(), out.end(), [](const Table& a, const Table& b) {
    return a.rows.front().cells.front().begin < b.rows.front().cells.front().begin;
  });
  return out;
}

}  // namespace dossier
