"""Peak memory of the whole process tree and wall time of `consilience` on hostile and large inputs.

Cases (each one run of the real CLI in a fresh process, sampled every 50 ms from /proc):
- idle: `ingest` of one short text file (the baseline the bombs are measured against);
- gzip, zip, tar.gz and WARC bombs that each expand to 1 GB (goal: < 500 MB above idle, refused in seconds);
- a 5 MB article that is one paragraph (refused by the article limit; and with the limit raised, read,
  broken at sentence ends and analysed);
- `analyze` of N articles made from ../shared/data/bbc-news (goal: peak tree memory <= 1.5 GB at 5,000,
  flat in N).

Tree memory is given two ways: the sum of RSS over the process and its workers (counts the pages the
forked workers share with the parent once per process: an upper bound) and the sum of PSS (shared
pages divided among their sharers: what the tree really holds). Inputs are generated in --workdir
(default a temporary folder), never in the repository.

    nice .venv/bin/python bench/bounds.py                 # everything, 1,000 and 5,000 articles
    nice .venv/bin/python bench/bounds.py --only bombs    # one group: idle, bombs, giant, articles
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import zipfile
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
BBC = ROOT.parent / "shared" / "data" / "bbc-news" / "bbc-2225.jsonl"
CLI = [sys.executable, "-m", "consilience"]
MB = 1024 * 1024
BOMB_MB = 1024
CHUNK = b"A" * MB  # text-like bytes: a bomb of zeros would also be refused as binary


def tree_memory(pid: int) -> tuple[int, int]:
    """(sum of RSS, sum of PSS) in bytes over ``pid`` and its descendants."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, frontier = {pid}, {pid}
    while frontier:
        frontier = {p for p, parent in parents.items() if parent in frontier} - tree
        tree |= frontier
    rss = pss = 0
    for p in tree:
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1]) * 1024
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1]) * 1024
        except OSError:
            continue
    return rss, pss


def measured(args: list[str], cwd: Path) -> dict[str, object]:
    """Run the CLI with ``args``; its wall time, peak tree RSS and PSS, exit code and last stderr line."""
    start = time.monotonic()
    proc = subprocess.Popen([*CLI, *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0, 0]

    def sample() -> None:
        while proc.poll() is None:
            rss, pss = tree_memory(proc.pid)
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    sampler.join()
    return {"seconds": round(time.monotonic() - start, 1), "rss_mb": round(peak[0] / MB), "pss_mb": round(peak[1] / MB),
            "exit": proc.returncode, "said": _said(out, err)}


def _said(out: str, err: str) -> str:
    """What the run reported: its first failure when it printed a --json summary, else its last line."""
    try:
        summary = json.loads(out)
    except ValueError:
        lines = [line for line in (err or out).splitlines() if line.strip()]
        return lines[-1][:160] if lines else ""
    failures = summary.get("failures") or []
    head = f"{summary.get('articles')} articles, {len(failures)} failures"
    return head + (f"; {failures[0]['code']}: {failures[0]['message'][:150]}" if failures else "")


def gzip_bomb(path: Path) -> Path:
    with gzip.open(path, "wb", compresslevel=6) as f:
        for _ in range(BOMB_MB):
            f.write(CHUNK)
    return path


def zip_bomb(path: Path, members: int = 10) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("0-good.txt", "The council approved the harbour budget on Monday after a long debate.")
        for m in range(members):
            with zf.open(f"bomb-{m}.txt", "w", force_zip64=True) as f:
                for _ in range(BOMB_MB // members):
                    f.write(CHUNK)
    return path


class _Stream(io.RawIOBase):
    def __init__(self, n: int) -> None:
        self.left = n

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[no-untyped-def]
        k = min(len(b), self.left)
        b[:k] = b"A" * k
        self.left -= k
        return k


def tar_bomb(path: Path) -> Path:
    with tarfile.open(path, "w:gz") as tf:
        info = tarfile.TarInfo("bomb.txt")
        info.size = BOMB_MB * MB
        tf.addfile(info, _Stream(info.size))  # type: ignore[arg-type]
    return path


def warc_bomb(path: Path) -> Path:
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
        record = writer.create_warc_record("https://bomb.example/", "response", payload=_Stream(BOMB_MB * MB),
                                           length=BOMB_MB * MB, http_headers=headers)
        writer.write_record(record)
    return path


def giant_paragraph(path: Path, mb: int = 5) -> Path:
    texts = [json.loads(line)["text"] for line in BBC.open(encoding="utf-8")]
    one = " ".join(t.replace("\n", " ") for t in texts)
    path.write_text(one[: mb * 1_000_000], encoding="utf-8")
    return path


def articles(path: Path, n: int) -> Path:
    """``n`` distinct articles from the BBC set: each takes its own article's paragraphs and one of another's."""
    rows = [json.loads(line) for line in BBC.open(encoding="utf-8")]
    rng = random.Random(13)
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            base = rows[i % len(rows)]
            extra = rng.choice(rows)["text"].split("\n\n")
            text = base["text"] + "\n\n" + rng.choice(extra) if i >= len(rows) else base["text"]
            f.write(json.dumps({"title": base["title"], "text": text, "url": f"https://bbc.example/{i}"}) + "\n")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", choices=["idle", "bombs", "giant", "articles"], action="append")
    ap.add_argument("--sizes", default="1000,5000", help="article counts for the growth case")
    ap.add_argument("--workdir", type=Path)
    args = ap.parse_args()
    groups = set(args.only or ["idle", "bombs", "giant", "articles"]) | {"idle"}
    work = args.workdir or Path(tempfile.mkdtemp(prefix="consilience-bounds-"))
    work.mkdir(parents=True, exist_ok=True)
    results: list[tuple[str, dict[str, object]]] = []

    def run(name: str, cli: list[str]) -> dict[str, object]:
        for stale in work.glob("s.db*"):
            stale.unlink()
        shutil.rmtree(work / "out", ignore_errors=True)
        r = measured(cli, work)
        results.append((name, r))
        print(f"{name:34s} {r['seconds']:>7} s  tree RSS {r['rss_mb']:>5} MB  PSS {r['pss_mb']:>5} MB  "
              f"exit {r['exit']}  | {r['said']}", flush=True)
        return r

    (work / "short.txt").write_text("The council approved the harbour budget on Monday after a long debate.\n")
    idle = run("idle (ingest one short text)", ["ingest", "short.txt", "--db", "s.db", "--json"])
    if "bombs" in groups:
        for name, make in (("gzip", lambda: gzip_bomb(work / "bomb.txt.gz")), ("zip", lambda: zip_bomb(work / "bomb.zip")),
                           ("tar.gz", lambda: tar_bomb(work / "bomb.tar.gz")),
                           ("warc.gz", lambda: warc_bomb(work / "bomb.warc.gz"))):
            path = make()
            r = run(f"{name} bomb ({path.stat().st_size / MB:.1f} MB -> 1 GB)",
                    ["ingest", "short.txt", path.name, "--db", "s.db", "--json"])
            print(f"{'':34s} above idle: RSS {int(r['rss_mb']) - int(idle['rss_mb'])} MB, "  # type: ignore[call-overload]
                  f"PSS {int(r['pss_mb']) - int(idle['pss_mb'])} MB", flush=True)  # type: ignore[call-overload]
    if "giant" in groups:
        giant_paragraph(work / "giant.txt")
        run("5 MB one-paragraph article", ["analyze", "giant.txt", "--db", "s.db", "-o", "out", "--json"])
        run("  same, --max-article-chars 6000000", ["analyze", "giant.txt", "--db", "s.db", "-o", "out", "--json",
                                                    "--max-article-chars", "6000000"])
    if "articles" in groups:
        for n in (int(x) for x in args.sizes.split(",")):
            articles(work / f"articles-{n}.jsonl", n)
            run(f"analyze {n:,} articles", ["analyze", f"articles-{n}.jsonl", "--db", "s.db", "-o", "out", "--json"])
    (work / "bounds.json").write_text(json.dumps(results, indent=1))
    print(f"inputs and bounds.json in {work}")


if __name__ == "__main__":
    main()
