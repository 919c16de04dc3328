#!/usr/bin/env bash
# Entity-stage throughput next to chrono-node, in one run, on one core.
#   scripts/bench_entities.sh [ROUNDS]
# Corpus: distinct real text, just over 1 MB: the article texts of
# ../shared/bench/html-articles (ground truth), the reference texts of
# ../shared/bench/pdf-docling and the seeds, documents separated by form
# feeds. dossier runs normalization + all four finders; chrono-node parses
# dates only. Both print their first round (every text new to a fresh
# process: what a batch of new documents costs) and their best round.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
shared="${SHARED:-../shared}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$shared" "$work/corpus.txt" <<'PY'
import glob, json, os, sys
shared = sys.argv[1]
docs = [v["articleBody"] for v in json.load(open(os.path.join(shared, "bench/html-articles/ground-truth.json"))).values()]
for pattern in ("bench/pdf-docling/groundtruth-md/*", "seeds/*.txt"):
    docs += [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(shared, pattern)))]
assert sum(len(d.encode()) for d in docs) >= 1_000_000, "corpus under 1 MB"
open(sys.argv[2], "w").write("\f".join(docs))
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
rate = lambda s: mb / s
print(f"corpus: {mb:.2f} MB of distinct text in {d['documents']} documents "
      f"({d['dates']} dates, {d['statistics']} statistics, {d['statutes']} statutes, {d['citations']} citations; "
      f"dossier peak RSS {d['peak_rss_kb'] / 1024:.1f} MiB)")
print(f"{'MB/s':>44} {'first round':>12} {'best round':>11}")
print(f"{'dossier normalize+find (4 kinds)':>44} {rate(d['first_seconds']):12.2f} {rate(d['seconds']):11.2f}")
print(f"{'dossier find only     (4 kinds)':>44} {rate(d['first_find_seconds']):12.2f} {rate(d['find_seconds']):11.2f}")
print(f"{'chrono-node parse     (dates)':>44} {rate(c['first_seconds']):12.2f} {rate(c['seconds']):11.2f}")
print(f"ratio dossier/chrono-node, normalize+find: first round {c['first_seconds'] / d['first_seconds']:.1f}x, "
      f"best round {c['seconds'] / d['seconds']:.1f}x")
print(f"ratio dossier/chrono-node, find only:      first round {c['first_seconds'] / d['first_find_seconds']:.1f}x, "
      f"best round {c['seconds'] / d['find_seconds']:.1f}x")
PY
