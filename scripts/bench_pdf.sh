#!/usr/bin/env bash
# Speed and memory of the PDF extractor next to pdftotext, in one run.
#
# Usage: scripts/bench_pdf.sh [BUILD_DIR] [BENCH_DIR]
#   BUILD_DIR  holds the `dossier` binary (default: build)
#   BENCH_DIR  holds pdf/*.pdf (default: ../shared/bench/pdf-docling)
#
# Prints pages/second for the bench PDFs and for a generated 300-page PDF
# (the bench PDFs concatenated over and over with pdfunite), each for
# `dossier --no-ocr text` and `pdftotext`, the ratios of the two (wall clock
# and CPU time: dossier reads pages on one thread per core), and peak
# memory (/usr/bin/time -v) for a 30-, a 300- and a 3000-page document: with
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
pdfunite $(for _ in 1 2 3 4 5 6 7 8 9 10; do echo "$work/doc300.pdf"; done) "$work/doc3000.pdf" 2>/dev/null

# Prints "WALL CPU": the seconds `cmd` takes over all files, wall clock and
# user+system CPU, each the best of 3 runs. Wall time is what a user waits;
# CPU time is steadier on a shared machine and shows the work, threads or
# not.
time_all() {
  local best_wall="" best_cpu="" out
  for _ in 1 2 3; do
    /usr/bin/time -o "$work/time" -f "%e %U %S" bash -c "$1 >/dev/null 2>&1 || true" _ "${@:2}"
    out=$(tail -1 "$work/time")
    local wall cpu
    wall=$(echo "$out" | awk '{print $1}')
    cpu=$(echo "$out" | awk '{print $2 + $3}')
    if [[ -z "$best_wall" ]] || (( $(echo "$wall < $best_wall" | bc -l) )); then best_wall=$wall; fi
    if [[ -z "$best_cpu" ]] || (( $(echo "$cpu < $best_cpu" | bc -l) )); then best_cpu=$cpu; fi
  done
  echo "$best_wall $best_cpu"
}
run_dossier="for f; do '$dossier' --no-ocr text \"\$f\"; done"
run_pdftotext='for f; do pdftotext "$f" -; done'

report() {  # report LABEL PAGES FILES...
  local label="$1" pages="$2"; shift 2
  local dw dc pw pc
  read -r dw dc <<<"$(time_all "$run_dossier" "$@")"
  read -r pw pc <<<"$(time_all "$run_pdftotext" "$@")"
  printf '%-22s %5d pages  dossier %7.1f pages/s  pdftotext %7.1f pages/s  wall ratio %.2fx  cpu ratio %.2fx\n' \
    "$label" "$pages" "$(echo "$pages / $dw" | bc -l)" "$(echo "$pages / $pw" | bc -l)" \
    "$(echo "$dw / $pw" | bc -l)" "$(echo "$dc / $pc" | bc -l)"
}

echo "dossier: $dossier"
report "bench (13 PDFs)" "$bench_pages" "${bench_pdfs[@]}"
report "generated 30 pages" "$(pages_of "$work/doc30.pdf")" "$work/doc30.pdf"
report "generated 300 pages" "$(pages_of "$work/doc300.pdf")" "$work/doc300.pdf"

peak() {  # peak KB of a command
  /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}'
}
for n in 30 300 3000; do
  f="$work/doc$n.pdf"
  printf 'peak memory %4d pages:  dossier %7d KB  pdftotext %7d KB  (text out: %d KB)\n' "$n" \
    "$(peak "$dossier" --no-ocr text "$f")" "$(peak pdftotext "$f" -)" \
    "$(( $("$dossier" --no-ocr text "$f" 2>/dev/null | wc -c) / 1024 ))"
done
