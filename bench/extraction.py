"""Main-text extraction on the article-extraction benchmark: our HTML path vs plain trafilatura.

    .venv/bin/python bench/extraction.py [--data ../shared/data/article-extraction-benchmark] [--limit N]

Prints token precision, recall, F1 (bag of words against `articleBody`) and pages/second for both,
measured in the same run on the same pages.
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
    a = ap.parse_args()
    root = Path(a.data)
    gold = json.loads((root / "ground-truth.json").read_text())
    ids = sorted(gold)[: a.limit or None]
    pages = [(i, gzip.decompress((root / "html" / f"{i}.html.gz").read_bytes()).decode("utf-8", "replace")) for i in ids]
    for name, fn in (("trafilatura", plain), ("consilience", ours)):
        t0 = time.perf_counter()
        scores = [prf(fn(html, gold[i]["url"]), gold[i]["articleBody"]) for i, html in pages]
        dt = time.perf_counter() - t0
        p, r, f = (sum(s[k] for s in scores) / len(scores) for k in range(3))
        print(f"{name:12s} pages={len(pages)} precision={p:.3f} recall={r:.3f} f1={f:.3f} pages/s={len(pages) / dt:.1f}")


if __name__ == "__main__":
    main()
