"""Main-text extraction on trafilatura's own multilingual evaluation set (990 pages, mostly German).

    .venv/bin/python bench/extraction_multilingual.py [--data ../shared/data/trafilatura-eval] [--limit N]

Each page lists strings that must appear in the extracted text ("with") and strings that must not
("without", boilerplate). As in trafilatura's evaluation: a "with" string found is a true positive,
missing a false negative; a "without" string found is a false positive. Prints precision, recall,
F1 and pages/s for plain trafilatura and for our HTML path on the same pages.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

from extraction import ours, plain  # the same two paths as the main benchmark


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data/trafilatura-eval")
    ap.add_argument("--limit", type=int, default=0)
    a = ap.parse_args()
    root = Path(a.data)
    cases = json.loads((root / "evaldata.json").read_text())
    pages = []
    for url, case in sorted(cases.items())[: a.limit or None]:
        path = root / "html" / f"{case['file']}.gz"
        if path.exists():
            pages.append((url, gzip.decompress(path.read_bytes()).decode("utf-8", "replace"), case))
    for name, fn in (("trafilatura", plain), ("consilience", ours)):
        tp = fn_ = fp = 0
        t0 = time.perf_counter()
        texts = [fn(html, url) for url, html, _ in pages]
        dt = time.perf_counter() - t0
        for text, (_, _, case) in zip(texts, pages, strict=True):
            tp += sum(1 for s in case.get("with", []) if s in text)
            fn_ += sum(1 for s in case.get("with", []) if s not in text)
            fp += sum(1 for s in case.get("without", []) if s in text)
        p, r = tp / max(tp + fp, 1), tp / max(tp + fn_, 1)
        print(f"{name:12s} pages={len(pages)} precision={p:.3f} recall={r:.3f} f1={2 * p * r / (p + r):.3f} "
              f"pages/s={len(pages) / dt:.1f}")


if __name__ == "__main__":
    main()
