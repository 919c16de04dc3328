#!/usr/bin/env bash
# Speed and memory of the PDF extractor next to pdftotext, in one run.
#
# Usage: scripts/bench_pdf.sh [BUILD_DIR] [BENCH_DIR]
#   BUILD_DIR  holds the `dossier` binary (default: build)
#   BENCH_DIR  holds pdf/*.pdf (default: ../shared/bench/pdf-docling)
#
# Prints pages/second for the bench PDFs and for a generated 300-page PDF
# (the bench PDFs concatenated over and over with pdfunite), each for
# `dossier --no-ocr text` and `pdftotext`, the ratio of the two, and peak
# memory (/usr/bin/time -v) for a 30-page and a 300-page document: with
# pages processed one at a time, it should grow with the text, not the pages.
# Scanned pages are not OCRed here: OCR speed is Tesseract's, not ours.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
bench="${2:-$root/../shared/bench/pdf-docling}"
dossier="$build/dossier"
for tool in pdftotext pdfunite pdfinfo /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool (poppler-utils, time)" >&2; exit 1; }
done
[[ -x "$dossier" ]] || { echo "no dossier binary at $dossier" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

pages_of() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }

# Bench PDFs with a text layer (the two Korean "skipped" ones included).
mapfile -t bench_pdfs < <(ls "$bench"/pdf/*.pdf)
bench_pages=0
for f in "${bench_pdfs[@]}"; do bench_pages=$((bench_pages + $(pages_of "$f"))); done

# A 30-page and a 300-page document from the bench PDFs, concatenated.
make_doc() {  # make_doc OUT PAGES
  local out="$1" want="$2" have=0 i=0 parts=()
  while (( have < want )); do
    local f="${bench_pdfs[$((i % ${#bench_pdfs[@]}))]}"
    parts+=("$f")
    have=$((have + $(pages_of "$f")))
    i=$((i + 1))
  done
  pdfunite "${parts[@]}" "$out" 2>/dev/null
}
make_doc "$work/doc30.pdf" 30
make_doc "$work/doc300.pdf" 300

# Returns the seconds `cmd` takes over all files (best of 3 runs).
time_all() {
  local best=""
  for _ in 1 2 3; do
    local start end
    start=$(date +%s.%N)
    for f in "${@:2}"; do $1 "$f" >/dev/null 2>&1 || true; done
    end=$(date +%s.%N)
    local t; t=$(echo "$end - $start" | bc -l)
    if [[ -z "$best" ]] || (( $(echo "$t < $best" | bc -l) )); then best=$t; fi
  done
  echo "$best"
}
run_dossier() { "$dossier" --no-ocr text "$1"; }
run_pdftotext() { pdftotext "$1" -; }

report() {  # report LABEL PAGES FILES...
  local label="$1" pages="$2"; shift 2
  local td tp
  td=$(time_all run_dossier "$@")
  tp=$(time_all run_pdftotext "$@")
  printf '%-22s %5d pages  dossier %8.1f pages/s  pdftotext %8.1f pages/s  ratio %.2fx\n' \
    "$label" "$pages" "$(echo "$pages / $td" | bc -l)" "$(echo "$pages / $tp" | bc -l)" \
    "$(echo "$td / $tp" | bc -l)"
}

echo "dossier: $dossier"
report "bench (13 PDFs)" "$bench_pages" "${bench_pdfs[@]}"
report "generated 30 pages" "$(pages_of "$work/doc30.pdf")" "$work/doc30.pdf"
report "generated 300 pages" "$(pages_of "$work/doc300.pdf")" "$work/doc300.pdf"

peak() {  # peak KB of a command
  /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}'
}
for n in 30 300; do
  f="$work/doc$n.pdf"
  printf 'peak memory %3d pages:  dossier %7d KB  pdftotext %7d KB  (text out: %d KB)\n' "$n" \
    "$(peak "$dossier" --no-ocr text "$f")" "$(peak pdftotext "$f" -)" \
    "$(( $("$dossier" --no-ocr text "$f" 2>/dev/null | wc -c) / 1024 ))"
done
