"""End-to-end throughput: ingest (read, extract, clean, date, store) + claims, over real articles.

    .venv/bin/python bench/pipeline.py [--data ../shared/data] [--limit N] [--workers 2] [--repeat 3] [--profile]

Inputs: the HTML pages of `article-extraction-benchmark/` (181) and `trafilatura-eval/` (990,
mostly German: read, cleaned and stored, then skipped by the English claim stage with a note) and
the ECB+ dev texts (462 JSON Lines articles): 1,633 real articles. Prints articles/second per
stage and end to end, and peak resident memory of this process and its worker processes.
With --repeat N, runs N times and prints the median and best end-to-end rate (a shared machine's
speed drifts by 10-15% from minute to minute). With --profile, prints the top functions by
cumulative time (single process).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import resource
import statistics
import tempfile
import time
from pathlib import Path

from consilience.claims import claims_of
from consilience.pipeline import ingest
from consilience.store import open_store

DATA = Path("../shared/data")


def inputs(data: Path, limit: int | None) -> list[str]:
    pages = sorted((data / "article-extraction-benchmark" / "html").glob("*.html.gz"))
    pages += sorted((data / "trafilatura-eval" / "html").glob("*.html.gz"))
    paths = [str(p) for p in pages] + [str(data / "ecbplus-dev" / "ecbplus-dev.jsonl")]
    if not pages:
        raise SystemExit(f"no pages under {data}; pass --data")
    return paths[:limit] if limit else paths


def peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, kids


def run(paths: list[str], workers: int) -> float:
    """One ingest + claims pass in a fresh store; returns articles/s end to end."""
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        result = ingest(paths, store=store, workers=workers)
        t1 = time.perf_counter()
        articles = store.articles(result.ids)
        english = sum(a.language == "en" for a in articles)
        claims, notes = claims_of(articles, n_process=workers)
        t2 = time.perf_counter()
        store.close()
    n = len(articles)
    print(f"articles: {n} stored ({english} English), {len(result.failures)} failed, workers={workers}")
    print(f"ingest:   {t1 - t0:6.1f} s  {n / (t1 - t0):6.1f} articles/s")
    print(f"claims:   {t2 - t1:6.1f} s  {n / (t2 - t1):6.1f} articles/s  ({english / (t2 - t1):.1f} English/s, "
          f"{len(claims)} claims, {len(notes)} notes)")
    print(f"total:    {t2 - t0:6.1f} s  {n / (t2 - t0):6.1f} articles/s end to end")
    own, kids = peak_mb()
    print(f"peak RSS: {own:.0f} MB main process, {kids:.0f} MB largest worker")
    return n / (t2 - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--limit", type=int, help="only the first N input paths")
    ap.add_argument("--workers", type=int, default=2, help="processes for extraction and parsing")
    ap.add_argument("--repeat", type=int, default=1, help="runs; prints the median and best rate")
    ap.add_argument("--profile", action="store_true", help="cProfile a single-process run")
    args = ap.parse_args()
    paths = inputs(args.data, args.limit)
    if not args.profile:
        rates = [run(paths, args.workers) for _ in range(args.repeat)]
        if len(rates) > 1:
            print(f"end to end over {len(rates)} runs: median {statistics.median(rates):.1f}, "
                  f"best {max(rates):.1f}, worst {min(rates):.1f} articles/s")
        return
    prof = cProfile.Profile()
    prof.enable()
    run(paths, 1)
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(35)
    print(buf.getvalue())


if __name__ == "__main__":
    main()
