"""Main-text extraction on the article-extraction benchmark: our HTML path vs plain trafilatura.

    .venv/bin/python bench/extraction.py [--data ../shared/data/article-extraction-benchmark] [--limit N]

Prints token precision, recall, F1 (bag of words against `articleBody`) and pages/second for both,
measured in the same run on the same pages: alternating rounds, the fastest round of each counts
(timing noise on a shared machine is ±5%). Our path also reads title, outlet, author, date and
language, and cleans the text; plain trafilatura here extracts the text only.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path

import trafilatura

from consilience.meta.article import article_from
from consilience.records import RawDocument

TOKEN = re.compile(r"\w+", re.U)


def prf(got: str, gold: str) -> tuple[float, float, float]:
    g, t = Counter(TOKEN.findall(got.lower())), Counter(TOKEN.findall(gold.lower()))
    common = sum((g & t).values())
    p = common / max(sum(g.values()), 1)
    r = common / max(sum(t.values()), 1)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def ours(html: str, url: str) -> str:
    try:
        return article_from(RawDocument(source=url, kind="html", body=html, url=url)).text
    except Exception:  # noqa: BLE001 - an empty page scores 0, as for trafilatura
        return ""


def plain(html: str, url: str) -> str:
    return trafilatura.extract(html, url=url) or ""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data/article-extraction-benchmark")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--rounds", type=int, default=3, help="timed rounds, alternating; the fastest of each counts")
    a = ap.parse_args()
    root = Path(a.data)
    gold = json.loads((root / "ground-truth.json").read_text())
    ids = sorted(gold)[: a.limit or None]
    pages = [(i, gzip.decompress((root / "html" / f"{i}.html.gz").read_bytes()).decode("utf-8", "replace")) for i in ids]
    best: dict[str, float] = {}
    scores: dict[str, list[tuple[float, float, float]]] = {}
    for _ in range(a.rounds):
        for name, fn in (("trafilatura", plain), ("consilience", ours)):
            t0 = time.perf_counter()
            texts = [fn(html, gold[i]["url"]) for i, html in pages]
            best[name] = min(best.get(name, float("inf")), time.perf_counter() - t0)
            scores[name] = [prf(t, gold[i]["articleBody"]) for t, (i, _) in zip(texts, pages, strict=True)]
    for name in ("trafilatura", "consilience"):
        p, r, f = (sum(s[k] for s in scores[name]) / len(pages) for k in range(3))
        print(f"{name:12s} pages={len(pages)} precision={p:.3f} recall={r:.3f} f1={f:.3f} "
              f"pages/s={len(pages) / best[name]:.1f}")
    print(f"speed ratio consilience/trafilatura: {best['trafilatura'] / best['consilience']:.2f} "
          f"(fastest of {a.rounds} alternating rounds)")


if __name__ == "__main__":
    main()
