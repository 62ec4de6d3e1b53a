"""Reports appear together or not at all: a failure part way (a full disk) keeps the previous run's
files, leaves no temporary file, and the CLI says what went wrong."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from consilience.report import write_outputs
from consilience.report.publish import REPORT_FILES, STAGING_PREFIX

WRITE_WITH_A_FULL_DISK = """
import resource, signal, sys
from typer.main import get_command
from consilience.cli import app
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG, as a full disk fails
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), int(sys.argv[1])))
get_command(app)(sys.argv[2:], prog_name="consilience")
"""


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_full_disk_keeps_the_old_reports_and_leaves_no_temporary_file(kursk_reports: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for name in ("dossier.json", *REPORT_FILES):
        (out / name).write_bytes(b"old " + name.encode())
    before = _snapshot(out)
    run = subprocess.run([sys.executable, "-c", WRITE_WITH_A_FULL_DISK, "30000", "report",
                          str(kursk_reports / "dossier.json"), "-o", str(out), "-q"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 3, run.stderr
    assert "File too large" in run.stderr and "Traceback" not in run.stderr
    assert _snapshot(out) == before  # nothing replaced, nothing left behind


def test_outputs_are_moved_in_together_and_a_run_without_reports_removes_the_old_ones(kursk_reports: Path,
                                                                                     tmp_path: Path) -> None:
    from consilience.report import load_dossier

    dossier = load_dossier(kursk_reports / "dossier.json")
    out = tmp_path / "out"
    written = write_outputs(dossier, out)
    assert [p.name for p in written][0] == "dossier.json" and {p.name for p in written} >= set(REPORT_FILES)
    assert not list(out.glob(STAGING_PREFIX + "*")) and not list(out.glob("*.tmp"))
    (out / (STAGING_PREFIX + "left-by-a-kill")).mkdir()
    written = write_outputs(dossier, out, reports=False)
    assert sorted(p.name for p in out.iterdir()) == ["dossier.json"]
    assert json.loads((out / "dossier.json").read_text(encoding="utf-8"))["format"].startswith("consilience.dossier/")


def test_a_writer_that_fails_leaves_the_folder_as_it_was(kursk_reports: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import consilience.report as report
    from consilience.report import load_dossier

    dossier = load_dossier(kursk_reports / "dossier.json")
    out = tmp_path / "out"
    write_outputs(dossier, out)
    before = _snapshot(out)

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report, "write_provenance", broken)
    with pytest.raises(OSError, match="No space left"):
        write_outputs(dossier, out)
    assert _snapshot(out) == before


@pytest.fixture
def tiny_disk(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A real 256 KB file system (tmpfs), to fill; skipped where mounting is not allowed."""
    where = tmp_path / "tiny"
    where.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(where)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode(errors='replace').strip()}")
    yield where
    subprocess.run(["umount", "-l", str(where)], check=True)


def test_analyze_onto_a_full_disk_says_so_and_leaves_nothing_behind(examples: Path, tiny_disk: Path,
                                                                     tmp_path: Path) -> None:
    out = tiny_disk / "out"
    run = subprocess.run([sys.executable, "-m", "consilience", "analyze", str(examples), "-o", str(out),
                          "--db", str(tmp_path / "s.db"), "-q", "-j", "1"], capture_output=True, text=True, timeout=600)
    assert run.returncode == 3, run.stderr[-2000:]
    assert "No space left on device" in run.stderr and "Traceback" not in run.stderr
    assert list(out.iterdir()) == []  # no dossier.json.tmp, no staging folder, no half set of reports
