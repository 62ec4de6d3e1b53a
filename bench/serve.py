"""Time to first byte and memory of `consilience serve`, on a real store and on a synthetic one.

    bench/serve.py --build                  analyse ../shared/data/bbc-news + ecbplus-dev into a store (once)
    bench/serve.py --synthetic 100000       build a synthetic store of that many articles (once)
    bench/serve.py --db STORE               measure any store

Each measurement starts `consilience serve` in its own process on a free 127.0.0.1 port, sends
100 requests to each of: the stories page (pages 1..n in turn), story pages (100 stories drawn
with a fixed seed), a search (100 words of story titles, same seed) and, as the baseline measured
in the same run, Datasette's own page of the `stories` table (`/store/stories?_size=50`), the
four interleaved request by request. It
prints median and 95th percentile time to first byte in ms, each as a ratio to the baseline's
median, and the server's peak resident memory. Stores go to /tmp/consilience-serve-bench/.
"""

from __future__ import annotations

import argparse
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
WORK = Path("/tmp/consilience-serve-bench")
REQUESTS = 100


def build_real() -> Path:
    db = WORK / "bbc-ecbplus.db"
    if db.exists():
        return db
    WORK.mkdir(parents=True, exist_ok=True)
    inputs = [str(DATA / "bbc-news" / "bbc-2225.jsonl"), str(DATA / "ecbplus-dev" / "ecbplus-dev.jsonl")]
    cmd = [str(ROOT / ".venv" / "bin" / "consilience"), "analyze", *inputs, "-o", str(WORK / "bbc-ecbplus"),
           "--db", str(db), "--no-reports", "-q"]
    print("building", db, "with:", " ".join(cmd), flush=True)
    started = time.perf_counter()
    subprocess.run(["nice", *cmd], check=False)
    print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def peak_rss_mb(pid: int) -> tuple[float, float]:
    """(peak, current) resident memory of a process, in MB, from /proc."""
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return int(fields["VmHWM"].split()[0]) / 1024, int(fields["VmRSS"].split()[0]) / 1024


def ttfb_ms(client: httpx.Client, path: str) -> float:
    """Milliseconds from sending the request to the response's first bytes (its status and headers)."""
    started = time.perf_counter()
    with client.stream("GET", path) as r:
        first = time.perf_counter()
        r.read()
        if r.status_code != 200:
            raise RuntimeError(f"{path}: HTTP {r.status_code}: {r.text[:200]}")
    return (first - started) * 1000


def workload(db: Path, seed: int = 14) -> dict[str, list[str]]:
    """The paths each measured page is requested at, drawn from the store with a fixed seed."""
    rng = random.Random(seed)
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        n_stories = conn.execute("SELECT count(*) FROM stories").fetchone()[0]
        ids = [r[0] for r in conn.execute("SELECT id FROM stories ORDER BY id")]
        titles = [r[0] for r in conn.execute("SELECT title FROM stories ORDER BY id")]
    words = sorted({w.strip(".,:;'\"()").lower() for t in titles for w in t.split() if len(w) > 4} - {""})
    pages = max(1, -(-n_stories // 50))
    return {
        "stories page": [f"/stories?page={1 + i % min(pages, 20)}" if i % min(pages, 20) else "/stories"
                         for i in range(REQUESTS)],
        "story page": [f"/stories/{rng.choice(ids)}" for _ in range(REQUESTS)],
        "search": [f"/stories?q={rng.choice(words)}" for _ in range(REQUESTS)],
        "baseline: Datasette table page": [f"/store/stories?_size=50&_next={i * 50}" if i else "/store/stories?_size=50"
                                           for i in range(REQUESTS)],
    }


def measure(db: Path) -> None:
    port = free_port()
    server = subprocess.Popen([str(ROOT / ".venv" / "bin" / "consilience"), "serve", "--db", str(db), "--port",
                               str(port)], stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            for _ in range(600):  # up to 60 s to import and open the store
                try:
                    client.get("/-/openapi.json")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            paths = workload(db)
            for p in [paths["stories page"][0], paths["story page"][0], paths["search"][0]] * 3:
                ttfb_ms(client, p)  # warm-up: first requests open connections and templates
            results: dict[str, list[float]] = {name: [] for name in paths}
            for i in range(REQUESTS):  # interleaved, so a busy moment of the machine hits every page alike
                for name, ps in paths.items():
                    results[name].append(ttfb_ms(client, ps[i]))
        peak, now = peak_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(10)
    base_median = statistics.median(results["baseline: Datasette table page"])
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        sizes = conn.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM stories), "
                             "(SELECT count(*) FROM claims), (SELECT count(*) FROM facts)").fetchone()
    print(f"\n{db} ({db.stat().st_size / 1e6:.0f} MB): {sizes[0]:,} articles, {sizes[1]:,} stories, "
          f"{sizes[2]:,} claims, {sizes[3]:,} facts; {REQUESTS} requests each, time to first byte")
    print(f"{'page':34} {'median ms':>10} {'p95 ms':>8} {'median / baseline':>18}")
    for name, times in results.items():
        ordered = sorted(times)
        p95 = ordered[max(0, -(-95 * len(ordered) // 100) - 1)]
        print(f"{name:34} {statistics.median(times):10.1f} {p95:8.1f} {statistics.median(times) / base_median:18.2f}")
    print(f"server memory: peak {peak:.0f} MB, after the run {now:.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, help="measure this store")
    ap.add_argument("--build", action="store_true", help="build (once) and measure the BBC + ECB+ store")
    ap.add_argument("--synthetic", type=int, metavar="N", help="build (once) and measure a synthetic store of N articles")
    args = ap.parse_args()
    if args.db:
        measure(args.db)
    if args.build:
        measure(build_real())
    if args.synthetic:
        sys.path.insert(0, str(Path(__file__).parent))
        from serve_synthetic import build_synthetic

        measure(build_synthetic(WORK / f"synthetic-{args.synthetic}.db", args.synthetic))
    if not (args.db or args.build or args.synthetic):
        ap.print_help()


if __name__ == "__main__":
    main()
