#!/usr/bin/env bash
# Instructions per byte of the four finders, warm, counted by callgrind: a
# repeatable figure for comparing two versions of the finders on a loaded
# machine (timings there move; instruction counts do not).
#   scripts/count_find_instructions.sh [BUILD_DIR]
# Corpus: the article texts of ../shared/bench/html-articles, once.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build-bench}"
shared="${SHARED:-../shared}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$shared/bench/html-articles/ground-truth.json" "$work/corpus.txt" <<'PY'
import json, sys
docs = [v["articleBody"] for v in json.load(open(sys.argv[1])).values()]
open(sys.argv[2], "w").write("\f".join(docs))
PY
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DDOSSIER_BUILD_BENCH=ON >/dev/null
cmake --build "$build" --target entity_bench >/dev/null
valgrind --tool=callgrind --collect-atstart=no --callgrind-out-file="$work/cg.out" \
  "$build/tests/bench/entity_bench" "$work/corpus.txt" 2 >"$work/bench.json" 2>"$work/valgrind.log"
python3 - "$work/valgrind.log" "$work/bench.json" <<'PY'
import json, re, sys
refs = int(re.search(r"refs:\s+([\d,]+)", open(sys.argv[1]).read()).group(1).replace(",", ""))
bench = json.load(open(sys.argv[2]))
print(f"finders, warm: {refs:,} instructions over {bench['bytes']:,} bytes = {refs / bench['bytes']:.1f} per byte "
      f"({bench['dates']} dates, {bench['statistics']} statistics, {bench['statutes']} statutes, {bench['citations']} citations)")
PY
