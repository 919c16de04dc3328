#!/usr/bin/env bash
# Times the HTML extractor single-threaded, in one process, next to libxml2
# parse-only throughput on the same pages, and prints the ratio (the goal:
# extraction at >= 50% of parse-only throughput). Optionally also times the
# `dossier text` CLI per page (process start included).
#
#   scripts/bench_html.sh [PAGES_DIR] [BUILD_DIR]
# Default pages: ../shared/bench/html-articles/html; build: build-bench.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
pages="${1:-$root/../shared/bench/html-articles/html}"
build="${2:-$root/build-bench}"

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DDOSSIER_BUILD_BENCH=ON >/dev/null
ninja -C "$build" -j2 html_bench >/dev/null
"$build/tests/extractors/html/html_bench" --rounds 3 "$pages"

if [[ -x "$build/dossier" ]] || ninja -C "$build" -j2 dossier >/dev/null 2>&1; then
  n=0
  start=$(date +%s.%N)
  for f in "$pages"/*.html; do
    "$build/dossier" text "$f" >/dev/null 2>&1 || true
    n=$((n + 1))
  done
  end=$(date +%s.%N)
  awk -v n="$n" -v s="$start" -v e="$end" \
    'BEGIN { printf "dossier text CLI (one process per page): %.1f pages/s\n", n / (e - s) }'
fi
if command -v xmllint >/dev/null; then
  n=0
  start=$(date +%s.%N)
  for f in "$pages"/*.html; do
    xmllint --html --noout "$f" >/dev/null 2>&1 || true
    n=$((n + 1))
  done
  end=$(date +%s.%N)
  awk -v n="$n" -v s="$start" -v e="$end" \
    'BEGIN { printf "xmllint --html --noout (one process per page): %.1f pages/s\n", n / (e - s) }'
fi
