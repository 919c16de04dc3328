#!/usr/bin/env bash
# Entity-stage throughput next to chrono-node, in one run, on one core.
#   scripts/bench_entities.sh [ROUNDS]
# Corpus: the article texts of ../shared/bench/html-articles (ground truth),
# repeated to at least 1 MB, documents separated by form feeds. dossier runs
# normalization + all four finders; chrono-node parses dates only.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
shared="${SHARED:-../shared}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$shared/bench/html-articles/ground-truth.json" "$work/corpus.txt" <<'PY'
import json, sys
docs = [v["articleBody"] for v in json.load(open(sys.argv[1])).values()]
out, size = [], 0
while size < 1_000_000:
    for d in docs:
        out.append(d)
        size += len(d.encode())
open(sys.argv[2], "w").write("\f".join(out))
PY

cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DDOSSIER_BUILD_BENCH=ON >/dev/null
cmake --build build-bench --target entity_bench >/dev/null
(cd tests/bench/entities && [ -d node_modules/chrono-node ] || npm install --no-audit --no-fund --silent)

dossier_json="$(taskset -c 0 build-bench/tests/bench/entity_bench "$work/corpus.txt" "$rounds")"
chrono_json="$(cd tests/bench/entities && taskset -c 0 node chrono_bench.mjs "$work/corpus.txt" "$rounds")"
python3 - "$dossier_json" "$chrono_json" <<'PY'
import json, sys
d, c = json.loads(sys.argv[1]), json.loads(sys.argv[2])
mb = d["bytes"] / 1e6
d_all, d_find, c_rate = mb / d["seconds"], mb / d["find_seconds"], mb / c["seconds"]
print(f"corpus: {mb:.2f} MB in {d['documents']} documents")
print(f"dossier normalize+find (4 kinds): {d_all:8.2f} MB/s  ({d['dates']} dates, {d['statistics']} statistics, "
      f"{d['statutes']} statutes, {d['citations']} citations; peak RSS {d['peak_rss_kb'] / 1024:.1f} MiB)")
print(f"dossier find only     (4 kinds): {d_find:8.2f} MB/s")
print(f"chrono-node parse     (dates)  : {c_rate:8.2f} MB/s  ({c['dates']} dates)")
print(f"ratio dossier/chrono-node: {d_all / c_rate:.1f}x (normalize+find), {d_find / c_rate:.1f}x (find only)")
PY
