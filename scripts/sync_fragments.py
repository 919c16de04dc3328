#!/usr/bin/env python3
"""Rewrites the pack fragments that are generated from a pack's lists, so
that adding an instrument, an alias or a reporter is one edit to a list
followed by

    scripts/sync_fragments.py            # rewrite the packs in place
    scripts/sync_fragments.py --check    # exit 1 when one is out of date

Statutes: the `instrument` fragment is one case-insensitive alternation of
every canonical name and alias of `lists.instruments`, longest first (RE2
takes the first alternative that matches at a position). In each name a
space matches one whitespace character with an optional comma before it, an
apostrophe is optional, a hyphen may be a space or nothing, and a name
ending in a letter or digit ends at a word boundary (one ending in a
period, "Fla. Stat.", cannot demand one). Abbreviations (`abbrev`) are
case-sensitive whole words, longest first. The `instrument_key` fragment is
a pair of adjacent words of every name, in the same spelling rules, the
pair likeliest to be rare in running text (see key_of): every name contains
it, so patterns use it as their `prefilter`, and the scanner's
pass over all text looks for a few dozen words instead of every name.

Citations: the `reporter` fragment is every abbreviation of
`lists.reporters`, longest first, a space inside one optional ("F. Supp.
2d" also matches "F.Supp.2d").

statute_finder_test and citation_finder_test check that lists and
fragments agree.
"""
import json
import pathlib
import re
import sys

PACKS = pathlib.Path(__file__).resolve().parent.parent / "pipeline/find/packs"


def word_regexes(name):
    words = []
    for word in re.split(r"\s+", name.replace(",", "").strip()):
        out = ""
        for ch in word:
            if ch == "'":
                out += "'?"
            elif ch == "-":
                out += "[-\\s]?"
            elif ch in ".()[]?*+^$|{}\\":
                out += "\\" + ch
            else:
                out += ch
        words.append(out)
    return words


def name_regex(name):
    regex = ",?\\s".join(word_regexes(name))
    if re.match(r"[A-Za-z0-9_]", name[-1]):  # RE2 word boundaries are ASCII
        regex += "\\b"
    return regex


def fragments(pack):
    names, abbrevs = [], []
    for entry in pack["lists"]["instruments"]:
        names.append(entry["name"])
        names.extend(entry.get("aliases", []))
        abbrevs.extend(entry.get("abbreviations", []))
    seen, alternatives = set(), []
    for name in sorted(names, key=lambda n: (-len(n), n)):
        regex = name_regex(name)
        if regex.lower() in seen:
            continue
        seen.add(regex.lower())
        alternatives.append(regex)
    lines = ["(?i:" + alternatives[0]] + ["|" + a for a in alternatives[1:]] + [")"]
    abbrev = "\\b(?:" + "|".join(sorted(set(abbrevs), key=lambda a: (-len(a), a))) + ")\\b"
    # Every name contains each pair of its adjacent words; the key is the
    # pair likeliest to be rare in running text: not a phrase news uses
    # everywhere (`lists.instrument_key_common`: "United States", "Human
    # Rights"), then fewest small words (`lists.instrument_key_stopwords`),
    # then the one with the longest word, then the last.
    stop = {w.lower() for w in pack["lists"].get("instrument_key_stopwords", [])}
    common = {w.lower() for w in pack["lists"].get("instrument_key_common", [])}
    def key_of(name):
        plain = re.split(r"\s+", name.replace(",", "").strip())
        regexes = word_regexes(name)
        if len(regexes) < 2:
            return regexes[0].lower()
        best, best_rank = None, None
        for i in range(len(plain) - 1):
            pair = [plain[i].lower(), plain[i + 1].lower()]
            rank = (" ".join(pair) in common, sum(w in stop for w in pair),
                    -max(len(w) for w in pair if w not in stop) if any(w not in stop for w in pair) else 0, -i)
            if best_rank is None or rank < best_rank:
                best, best_rank = i, rank
        return ",?\\s".join(regexes[best:best + 2]).lower()
    keys = sorted({key_of(n) for n in names}, key=lambda w: (-len(w), w))
    # Keys are whole words: starting at a word boundary, the prefilter does
    # not follow a key's every prefix inside other words ("nation" in
    # "international"), which cost its set a third of its first-round time.
    assert all(re.match(r"\w", k) for k in keys), "an instrument key must start with a letter or digit"
    key = "\\b(?i:" + "|".join(keys) + ")"
    return lines, abbrev, key


def reporter_fragment(pack):
    """Every reporter abbreviation, longest first, spaces optional: where
    the list has one, and after a period inside it ("U. S." is "U.S.",
    "N. E. 2d" is "N.E.2d", as older opinions print them)."""
    out, seen = [], set()
    for name in sorted(pack["lists"]["reporters"], key=lambda n: (-len(n), n)):
        regex = ""
        for i, ch in enumerate(name):
            if ch == " ":
                regex += "\\s?"
                continue
            regex += "\\" + ch if ch in ".()[]{}*+?|^$\\" else ch
            if ch == "." and i + 1 < len(name) and name[i + 1].isalnum():
                regex += "\\s?"
        if regex not in seen:
            seen.add(regex)
            out.append(regex)
    return ["(?:" + out[0]] + ["|" + r for r in out[1:]] + [")"]


def sync_statutes(pack):
    lines, abbrev, key = fragments(pack)
    pack["fragments"]["instrument"] = lines
    pack["fragments"]["abbrev"] = abbrev
    pack["fragments"]["instrument_key"] = key


def sync_citations(pack):
    pack["fragments"]["reporter"] = reporter_fragment(pack)


def main():
    check = "--check" in sys.argv[1:]
    stale = 0
    for name, sync in (("statutes.json", sync_statutes), ("citations.json", sync_citations)):
        path = PACKS / name
        text = path.read_text(encoding="utf-8")
        pack = json.loads(text)
        sync(pack)
        out = json.dumps(pack, indent=2, ensure_ascii=False)
        if text.endswith("\n"):
            out += "\n"
        if out == text:
            continue
        if check:
            print(f"{path}: fragments out of date; run {sys.argv[0]}", file=sys.stderr)
            stale = 1
        else:
            path.write_text(out, encoding="utf-8")
    return stale


if __name__ == "__main__":
    sys.exit(main())
