#!/usr/bin/env python3
"""Regenerate samples/ from the seed texts in ../shared/seeds with Debian tools.

  scripts/make_samples.py [--shared ../shared]

Writes:
  samples/incident-dump.json      the seed JSON incident dump, as published
  samples/remain-in-mexico-qa.md  the seed Q&A page (Markdown)
  samples/ngo-page.html           the seed NGO page text inside a web page with
                                  navigation, cookie banner, share bar, footer
  samples/mpp-article.pdf         the seed article text printed by headless
                                  Chromium: real pages, a running header and
                                  footer (CSS page margin boxes), superscript
                                  note markers and the notes in a smaller font
  samples/incidents.jsonl         three short incident notes, one per line
  samples/broken.pdf              the PDF cut short: the deliberately bad input
"""
import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SAMPLES = os.path.join(ROOT, "samples")


def seed(shared, prefix):
    for name in sorted(os.listdir(os.path.join(shared, "seeds"))):
        if name.startswith(prefix):
            with open(os.path.join(shared, "seeds", name), encoding="utf-8") as fh:
                return fh.read()
    sys.exit(f"no seed {prefix}* in {shared}/seeds")


def paragraphs(text):
    """Blank-line separated paragraphs with wrapped lines joined."""
    out = []
    for block in re.split(r"\n\s*\n", text):
        line = " ".join(part.strip() for part in block.splitlines() if part.strip())
        if line:
            out.append(line)
    return out


def ngo_page(text):
    paras = paragraphs(text)
    if paras and paras[0].lower().startswith("skip to main content"):
        paras = paras[1:]
    body = "\n".join(f"      <p>{html.escape(p)}</p>" for p in paras)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>US: "Remain in Mexico" Program Harming Children | Rights Monitor</title>
  <meta property="og:title" content="US: &quot;Remain in Mexico&quot; Program Harming Children">
  <meta property="article:published_time" content="2022-02-12T09:00:00Z">
  <meta name="author" content="Rights Monitor staff">
  <link rel="canonical" href="https://rights-monitor.example/news/remain-in-mexico-children">
</head>
<body>
  <div class="cookie-banner" id="cookie-consent">We use cookies to improve your experience.
    <button>Accept all</button> <button>Settings</button></div>
  <header class="site-header">
    <a href="/" class="logo">Rights Monitor</a>
    <nav class="main-nav"><ul><li><a href="/news">News</a></li><li><a href="/reports">Reports</a></li>
      <li><a href="/countries">Countries</a></li><li><a href="/donate">Donate</a></li></ul></nav>
  </header>
  <main>
    <article>
      <h1>US: "Remain in Mexico" Program Harming Children</h1>
      <p class="byline">February 12, 2022</p>
{body}
    </article>
    <div class="share-bar">Share this: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
    <aside class="related"><h2>Related content</h2><ul>
      <li><a href="/news/1">Border Expulsions Continue Despite Court Order</a></li>
      <li><a href="/news/2">Asylum Seekers Face Kidnapping in Border Cities</a></li></ul></aside>
  </main>
  <footer class="site-footer"><p>&copy; 2022 Rights Monitor. All rights reserved.</p>
    <p><a href="/privacy">Privacy policy</a> | <a href="/contact">Contact</a></p></footer>
</body>
</html>
"""


def article_html(text):
    """Body paragraphs with note markers; the numbered notes, which the seed
    interleaves at each page foot, collected at the end."""
    body, notes, current = [], [], []
    in_notes = False
    for raw in text.splitlines():
        line = raw.rstrip()
        note = re.match(r"^(\d{1,2}) (\S.*)$", line)
        if note:
            in_notes = True
            notes.append([note.group(1), note.group(2)])
            continue
        if in_notes:
            if not line.strip():
                continue
            if not line.startswith(" "):  # a note's continuation line
                notes[-1][1] += " " + line.strip()
                continue
            in_notes = False  # a page's body resumes (its lines start with a space)
        if not line.strip():
            # A blank line ends a paragraph only after a sentence end: page
            # breaks in the seed also leave blank lines mid-sentence.
            if current and re.search(r'[.:”"]\d{0,2}$', current[-1]):
                body.append(" ".join(current))
                current = []
            continue
        words = line.split()
        ends = bool(current) and re.search(r'[.:”"]\d{0,2}$', current[-1])
        if len(words) <= 5 and words[0][0].isupper() and not re.search(r"[.,;:]$", line) \
                and (not current or ends):
            if current:
                body.append(" ".join(current))
                current = []
            body.append("#" + line.strip())
            continue
        current.append(line.strip())
    if current:
        body.append(" ".join(current))
    blocks = []
    for p in body:
        p = html.escape(p)
        # A note marker is a number glued to the end of a word or sentence.
        p = re.sub(r'(?<=[a-z\.\),”"])(\d{1,2})(?=\s|$)', r"<sup>\1</sup>", p)
        if p.startswith("#"):
            blocks.append(f"<h2>{p[1:]}</h2>")
        else:
            blocks.append(f"<p>{p}</p>")
    body = blocks
    note_items = "\n".join(f'<li value="{n}">{html.escape(t)}</li>' for n, t in notes)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Remain in Mexico: Human Rights Impacts of the Migrant Protection Protocols</title>
<style>
  @page {{ size: Letter; margin: 2.2cm 2cm;
    @top-center {{ content: "Migrant Protection Protocols and Human Rights"; font: 9pt serif; }}
    @bottom-right {{ content: counter(page); font: 9pt serif; }} }}
  body {{ font: 11.5pt/1.45 serif; }}
  h1 {{ font-size: 17pt; }} h2 {{ font-size: 13pt; }}
  sup {{ font-size: 7pt; }}
  .notes {{ font-size: 8.5pt; border-top: 1px solid #000; margin-top: 2em; }}
</style></head>
<body>
<h1>Remain in Mexico: Human Rights Impacts of the Migrant Protection Protocols</h1>
{chr(10).join(body)}
<h2>Notes</h2>
<ol class="notes">
{note_items}
</ol>
</body></html>
"""


INCIDENTS = [
    {"id": "inc-0001", "date": "2019-01-29", "title": "First returns under MPP at San Ysidro",
     "url": "https://incidents.example/inc-0001",
     "text": "On January 29, 2019, the first asylum seeker was returned from the San Ysidro port of "
             "entry to Tijuana under the Migrant Protection Protocols. Advocates said the returns "
             "violate Article 33 of the 1951 Refugee Convention."},
    {"id": "inc-0002", "date": "2020-02-28", "title": "Ninth Circuit blocks MPP",
     "url": "https://incidents.example/inc-0002",
     "text": "In Innovation Law Lab v. Wolf, 951 F.3d 1073 (9th Cir. 2020), the court held that MPP "
             "was inconsistent with 8 U.S.C. § 1225(b)(2)(C). By then more than 60,000 people had "
             "been returned to Mexico."},
    {"id": "inc-0003", "date": "2021-12-06", "title": "MPP restarted under court order",
     "url": "https://incidents.example/inc-0003",
     "text": "DHS restarted the program on December 6, 2021. About a quarter of those enrolled in "
             "the first weeks were from Venezuela, and at least 267 people were returned by the "
             "end of the month."},
]


def chromium_pdf(html_text, out_path):
    chromium = shutil.which("chromium") or sys.exit("chromium is needed: apt-get install chromium")
    with tempfile.TemporaryDirectory() as tmp:
        page = os.path.join(tmp, "article.html")
        with open(page, "w", encoding="utf-8") as fh:
            fh.write(html_text)
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", f"--user-data-dir={tmp}/profile",
                        "--no-pdf-header-footer", f"--print-to-pdf={out_path}", f"file://{page}"],
                       check=True, capture_output=True, timeout=120)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    args = ap.parse_args()
    os.makedirs(SAMPLES, exist_ok=True)

    def write(name, text):
        with open(os.path.join(SAMPLES, name), "w", encoding="utf-8") as fh:
            fh.write(text)

    write("incident-dump.json", seed(args.shared, "000_"))
    write("remain-in-mexico-qa.md", seed(args.shared, "002_"))
    write("ngo-page.html", ngo_page(seed(args.shared, "003_")))
    write("incidents.jsonl", "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in INCIDENTS))
    pdf = os.path.join(SAMPLES, "mpp-article.pdf")
    chromium_pdf(article_html(seed(args.shared, "004_")), pdf)
    with open(pdf, "rb") as fh:
        data = fh.read()
    with open(os.path.join(SAMPLES, "broken.pdf"), "wb") as fh:
        fh.write(data[: len(data) // 3])
    for name in sorted(os.listdir(SAMPLES)):
        print(f"{os.path.getsize(os.path.join(SAMPLES, name)):>8}  samples/{name}")


if __name__ == "__main__":
    main()
