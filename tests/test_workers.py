"""A running ``consilience ingest`` killed for real: SIGKILL leaves no worker behind and a sound store;
SIGINT stops it with a one-line summary. A re-run then stores every article once: no loss, no duplicate."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

N_ARTICLES = 600
WORDS = ("council harbour budget ferry strike police mayor school bridge river storm workers union "
         "election court judge minister company market shares").split()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    r = random.Random(3)
    for i in range(N_ARTICLES):
        paragraphs = [" ".join(f"The {r.choice(WORDS)} said that {r.randint(2, 900)} {r.choice(WORDS)} were "
                               f"{r.choice(['closed', 'moved', 'counted'])} on Monday in case {i}." for _ in range(4))
                      for _ in range(4)]
        (folder / f"{i:05d}.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    return folder


def _children(pid: int) -> set[int]:
    """Every live descendant of ``pid`` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[0] != "Z":
                parents[int(entry.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {p for p, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for p in pids:
        try:
            state = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(p)
    return alive


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as con:
            return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start_and_wait_for_a_batch(corpus: Path, db: Path) -> tuple[subprocess.Popen[str], set[int]]:
    # A shell that runs the suite in the background starts it with SIGINT ignored, and a child inherits
    # that: Python then installs no KeyboardInterrupt handler and the run ignores the signal under test.
    proc = subprocess.Popen([sys.executable, "-m", "consilience", "ingest", str(corpus), "--db", str(db), "-j", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=_default_sigint)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        workers = _children(proc.pid)
        if len(workers) >= 2 and _stored(db) > 0:
            return proc, workers
        time.sleep(0.1)
    proc.kill()
    pytest.fail(f"ingest stored nothing in 120 s with its workers up: {proc.communicate()[1][-2000:]}")


def _assert_sound_and_complete_after_a_rerun(corpus: Path, db: Path) -> None:
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rerun = subprocess.run([sys.executable, "-m", "consilience", "ingest", str(corpus), "--db", str(db), "-j", "2",
                            "-q"], capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    with sqlite3.connect(db) as con:
        total, distinct = con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone()
        sources = con.execute("SELECT count(DISTINCT source) FROM articles").fetchone()[0]
    assert total == distinct == sources == N_ARTICLES


def _assert_no_orphans(workers: set[int]) -> None:
    deadline = time.monotonic() + 15
    while _alive(workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(workers), f"workers left running: {_alive(workers)}"


def test_sigkill_of_a_running_ingest_leaves_no_worker_and_a_sound_store(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    proc, workers = _start_and_wait_for_a_batch(corpus, db)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    _assert_no_orphans(workers)
    assert 0 < _stored(db) < N_ARTICLES
    _assert_sound_and_complete_after_a_rerun(corpus, db)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_sigint_and_sigterm_stop_a_running_ingest_with_a_one_line_summary(corpus: Path, tmp_path: Path,
                                                                           signum: int) -> None:
    db = tmp_path / "s.db"
    proc, workers = _start_and_wait_for_a_batch(corpus, db)
    os.kill(proc.pid, signum)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr[-2000:]
    last = [line for line in stderr.splitlines() if line.strip()][-1]
    assert last.startswith("interrupted:") and "run the same command again" in last
    assert "Traceback" not in stderr
    _assert_no_orphans(workers)
    _assert_sound_and_complete_after_a_rerun(corpus, db)



@pytest.fixture
def tiny_disk(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A real 1 MB file system (tmpfs), to fill; skipped where mounting is not allowed."""
    where = tmp_path / "tiny"
    where.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(where)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode(errors='replace').strip()}")
    yield where
    subprocess.run(["umount", "-l", str(where)], check=True)


def test_a_full_disk_under_the_store_reports_the_real_error(corpus: Path, tiny_disk: Path) -> None:
    db = tiny_disk / "s.db"
    run = subprocess.run([sys.executable, "-m", "consilience", "ingest", str(corpus), "--db", str(db), "-j", "1", "-q"],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 3, run.stderr[-2000:]
    assert "database or disk is full" in run.stderr and "cannot rollback" not in run.stderr, run.stderr[-2000:]
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert 0 < con.execute("SELECT count(*) FROM articles").fetchone()[0] < N_ARTICLES
    finally:
        con.close()
