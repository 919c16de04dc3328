#!/usr/bin/env python3
"""Scores the build with ../shared/tools and fails when a score is below its
floor in floors.json.  check_floors.py KIND DOSSIER SHARED_DIR
KIND: entities (the seed gold in ../shared) | heldout (the held-out set in
tests/fixtures/heldout, same metrics) | blind (tests/fixtures/blind, same
metrics) | html | pdf.
Exit 77 (skipped) when ../shared is absent."""
import json
import os
import re
import subprocess
import sys
import tempfile

kind, dossier, shared = sys.argv[1], sys.argv[2], sys.argv[3]
floors = json.load(open(os.path.join(os.path.dirname(__file__), "floors.json")))[kind]
tools = os.path.join(shared, "tools")
if not os.path.isdir(tools):
    print(f"skipped: no {tools}")
    sys.exit(77)

failures = []


def check(name, value, floor):
    status = "ok" if value + 1e-9 >= floor else "BELOW FLOOR"
    print(f"{name:<28} {value:.3f}  floor {floor:.3f}  {status}")
    if status != "ok":
        failures.append(name)


FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures")
HELDOUT = os.path.join(FIXTURES, "heldout")

with tempfile.TemporaryDirectory() as tmp:
    if kind in ("entities", "heldout", "blind"):
        if kind == "entities":
            gold, docs = os.path.join(shared, "gold"), shared
        else:
            root = os.path.join(FIXTURES, kind)
            gold, docs = os.path.join(root, "gold"), root
            # A broken gold file would make every score meaningless: check it first.
            subprocess.run([sys.executable, os.path.join(HELDOUT, "check_gold.py"), "--root", root], check=True)
        out = os.path.join(tmp, "scores.json")
        subprocess.run([os.path.join(tools, "score-entities"), "--gold", gold,
                        "--docs", docs, "--cmd", f"{dossier} extract {{}}", "--json", out], check=True)
        scores = json.load(open(out))["scores"]
        for k in ("date", "statistic", "statute", "citation"):
            for metric, floor in floors[k].items():
                check(f"{k} {metric}", scores[k][metric], floor)
        check("statistic subjects", scores["subjects"]["accuracy"], floors["subject_accuracy"])
        a = scores["as_of"]
        check("as-of dates found", a["as_of_ok"] / a["matched_with_as_of"] if a["matched_with_as_of"] else 0.0,
              floors["as_of_recall"])
    else:
        tool = "score-html" if kind == "html" else "score-pdf"
        bench = os.path.join(shared, "bench", "html-articles" if kind == "html" else "pdf-docling")
        proc = subprocess.run([os.path.join(tools, tool), "--bench", bench, "--cmd", f"{dossier} text {{}}"],
                              capture_output=True, text=True, check=True)
        print(proc.stdout.strip().splitlines()[-1])
        found = re.findall(r"\bF1 ([0-9.]+)", proc.stdout)
        f1 = float(found[-1]) if found else 0.0
        check(f"{kind} F1", f1, floors["f1"])

sys.exit(1 if failures else 0)
