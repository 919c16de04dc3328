// Times chrono-node's date parsing over a corpus: the reference for
// scripts/bench_entities.sh. Prints one JSON line: bytes, best and first
// round's seconds, dates.
//   node chrono_bench.mjs CORPUS.txt [ROUNDS]
import { readFileSync } from "node:fs";
import * as chrono from "chrono-node";

const path = process.argv[2];
const rounds = Number(process.argv[3] || 3);
// Documents are separated by form feeds, as dossier's bench reads them.
const docs = readFileSync(path, "utf8").split("\f");
const bytes = Buffer.byteLength(docs.join(""), "utf8");

chrono.parse(docs[0] || "");  // warm-up: load and compile patterns
let best = Infinity;
let first = 0;
let found = 0;
for (let r = 0; r < rounds; r++) {
  const start = process.hrtime.bigint();
  found = 0;
  for (const doc of docs) found += chrono.parse(doc).length;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r === 0) first = seconds;
  best = Math.min(best, seconds);
}
console.log(JSON.stringify({ tool: "chrono-node", bytes, seconds: best, first_seconds: first, dates: found }));
