"""Whole pages pasted as plain text: the plain-text cleaner against the Zyte benchmark's gold bodies.

    .venv/bin/python bench/plaintext.py [--data ../shared/data/article-extraction-benchmark] [--show N]

Each of the 181 benchmark pages is rendered to plain text by html2text (links, images and emphasis
dropped, list and heading marks taken off: what a reader gets by copying the page from a browser),
then read as a plain-text input (``kind="text"``), so the text cleaner alone separates the article
from the menus, teasers, share prompts and footers around it. Beside it, the same pages through the
HTML path (trafilatura, then the light cleaner). Token precision, recall and F1 as in
``bench/extraction.py``; the development pages (3 of each 4 by sorted id) and the held-out ones
(every 4th) are reported separately. ``--show N`` prints the N development pages with the lowest F1.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path

import html2text
from extraction import prf  # the token F1 of the main benchmark

from consilience.errors import InputError
from consilience.meta.article import article_from
from consilience.records import RawDocument

_MARK = re.compile(r"^\s*(?:[*+-]|#{1,6}|\d+\.)\s+|^\s*>\s?|^\s*\|\s*|\s*\|\s*$")


def rendered(html: str) -> str:
    """The page as a reader would copy it: one block a line, no markup."""
    h = html2text.HTML2Text()
    h.body_width = 0
    h.ignore_links = h.ignore_images = h.ignore_emphasis = True
    h.unicode_snob = True
    lines = (_MARK.sub("", line).strip() for line in h.handle(html).splitlines())
    return "\n".join(line for line in lines if line)


def cleaned(kind: str, body: str, url: str) -> str:
    try:
        return article_from(RawDocument(source=url, kind=kind, body=body, url=url if kind == "html" else None)).text
    except InputError:
        return ""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data/article-extraction-benchmark")
    ap.add_argument("--show", type=int, default=0)
    a = ap.parse_args()
    root = Path(a.data)
    gold = json.loads((root / "ground-truth.json").read_text())
    scores: dict[str, dict[str, list[tuple[float, float, float]]]] = {"dev": {}, "held-out": {}}
    worst: list[tuple[float, str, str]] = []
    for n, page_id in enumerate(sorted(gold)):
        split = "held-out" if n % 4 == 3 else "dev"
        html = gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8", "replace")
        body, url = gold[page_id]["articleBody"], gold[page_id]["url"]
        plain = cleaned("text", rendered(html), url)
        for name, text in (("plain text", plain), ("html", cleaned("html", html, url))):
            scores[split].setdefault(name, []).append(prf(text, body))
        if split == "dev":
            worst.append((scores[split]["plain text"][-1][2], page_id, plain))
    for split, by_path in scores.items():
        for name, s in by_path.items():
            p, r, f = (sum(x[k] for x in s) / len(s) for k in range(3))
            print(f"{split:8s} {name:10s} pages={len(s)} precision={p:.3f} recall={r:.3f} f1={f:.3f}")
    for f, page_id, text in sorted(worst)[: a.show]:
        print(f"\n--- {page_id} f1={f:.3f}\n{text[:1500]}")


if __name__ == "__main__":
    main()
