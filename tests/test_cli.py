"""The command line as scripts use it: checks before any work, exit codes, --json, progress lines, speed of --help."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from consilience.cli import app
from consilience.cli.common import EXIT_RUN_FAILED, EXIT_USAGE, ProgressLines

GOOD = "The council approved 40 new buses for the northern routes on Monday, the transport office said."


def _run(*args: str) -> object:
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD)
    return folder


def _nothing_written(tmp_path: Path, *names: str) -> bool:
    return not any((tmp_path / n).exists() for n in names)


@pytest.mark.parametrize("case", ["missing input", "out is a file", "out under a file", "db is a folder",
                                  "db is not sqlite", "stdin twice"])
def test_usage_errors_exit_2_before_any_work_and_write_nothing(tmp_path: Path, corpus: Path, case: str) -> None:
    out, db, inputs = tmp_path / "out", tmp_path / "s.db", [str(corpus)]
    if case == "missing input":
        inputs = [str(corpus), str(tmp_path / "typo")]
    elif case == "out is a file":
        out = tmp_path / "afile"
        out.write_text("x")
    elif case == "out under a file":
        (tmp_path / "afile").write_text("x")
        out = tmp_path / "afile" / "out"
    elif case == "db is a folder":
        db = tmp_path / "dbdir"
        db.mkdir()
    elif case == "db is not sqlite":
        db.write_bytes(b"this is not a database file, it is a text file of some length" * 20)
    elif case == "stdin twice":
        inputs = ["-", "-"]
    result = _run("analyze", *inputs, "-o", str(out), "--db", str(db))
    assert result.exit_code == EXIT_USAGE, result.output
    assert "error:" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()
    if case not in ("db is a folder", "db is not sqlite"):
        assert not db.exists()


def test_articles_and_report_never_create_a_store(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    result = _run("articles", "--db", str(missing))
    assert result.exit_code == EXIT_USAGE and "consilience ingest" in result.output
    assert not missing.exists()
    result = _run("report", str(tmp_path / "nowhere" / "dossier.json"), "-o", str(tmp_path / "r"))
    assert result.exit_code == EXIT_USAGE and not (tmp_path / "r").exists()
    (tmp_path / "bad.json").write_text("{not json")
    result = _run("report", str(tmp_path / "bad.json"), "-o", str(tmp_path / "r"))
    assert result.exit_code == EXIT_USAGE and "not JSON" in result.output and not (tmp_path / "r").exists()


def test_a_run_that_fails_part_way_exits_3_with_one_line(tmp_path: Path, corpus: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import consilience.report as report

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report, "write_dossier", disk_full)
    result = _run("analyze", str(corpus), "-o", str(tmp_path / "out"), "--db", str(tmp_path / "s.db"), "-q")
    assert result.exit_code == EXIT_RUN_FAILED
    assert "No space left on device" in result.output and "-v" in result.output and "Traceback" not in result.output
    verbose = _run("analyze", str(corpus), "-o", str(tmp_path / "out"), "--db", str(tmp_path / "s.db"), "-q", "-v")
    assert verbose.exit_code == EXIT_RUN_FAILED and "Traceback" in verbose.output


def test_a_package_missing_from_an_old_environment_says_how_to_install_it(tmp_path: Path, corpus: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from consilience import report

    def missing(*_: object, **__: object) -> None:
        raise ModuleNotFoundError("No module named 'nicknames'", name="nicknames")

    monkeypatch.setattr(report, "write_dossier", missing)
    result = _run("analyze", str(corpus), "-o", str(tmp_path / "out"), "--db", str(tmp_path / "s.db"), "-q")
    assert result.exit_code == EXIT_RUN_FAILED
    assert "'nicknames' is not installed" in result.output and "requirements.lock" in result.output


def test_analyze_json_summary_and_plain_progress_lines(tmp_path: Path, corpus: Path) -> None:
    (corpus / "empty.txt").write_text("")
    result = CliRunner().invoke(app, ["analyze", str(corpus), "-o", str(tmp_path / "out"),
                                      "--db", str(tmp_path / "s.db"), "--json", "--no-reports", "-v"])
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert summary["articles"] == 1 and summary["exit_code"] == 1
    assert summary["failures"][0]["code"] == "empty" and summary["failures"][0]["source"].endswith("empty.txt")
    assert summary["dossier"].endswith("dossier.json") and Path(summary["dossier"]).is_file()
    # Not a terminal: plain lines per stage on stderr (stage, done/total, rate), and -v's stage summary.
    assert "claims: 1/1 (100%)" in result.stderr and "/s" in result.stderr
    assert "INFO consilience: stage claims: 1/1 in" in result.stderr


def test_inputs_that_all_fail_give_their_failures_and_empty_outputs(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "numbers.txt").write_text("2024 1999 42")
    (folder / "empty.txt").write_text("")
    result = CliRunner().invoke(app, ["analyze", str(folder), "-o", str(tmp_path / "out"), "--db", str(tmp_path / "s.db"),
                                      "--json"])
    assert result.exit_code == 1, result.output  # inputs failed; the run did not
    summary = json.loads(result.stdout)
    assert summary["articles"] == 0 and len(summary["failures"]) == 2
    assert (tmp_path / "out" / "claims.parquet").is_file() and (tmp_path / "out" / "facts.csv").is_file()


def test_ingest_then_articles_as_json_and_as_tab_separated_lines(tmp_path: Path, corpus: Path) -> None:
    db = str(tmp_path / "s.db")
    result = _run("ingest", str(corpus), "--db", db, "--json", "-q")
    assert result.exit_code == 0 and json.loads(result.stdout) == {
        "store": db, "articles": 1, "new": 1, "skipped": [], "failures": [], "exit_code": 0}
    listed = json.loads(_run("articles", "--db", db, "--json").stdout)
    assert [a["source"] for a in listed] == [str(corpus / "a.txt")] and listed[0]["language"] == "en"
    lines = _run("articles", "--db", db).stdout.splitlines()
    assert lines[0].split("\t") == ["id", "published", "language", "outlet", "title", "source"]
    row = lines[1].split("\t")
    assert len(row) == 6 and len(row[0]) == 16 and row[-1] == str(corpus / "a.txt")  # an id is never wrapped


def test_progress_lines_are_periodic_per_stage_with_rate() -> None:
    now = [0.0]
    lines: list[str] = []
    progress = ProgressLines(lines.append, interval=10, clock=lambda: now[0])
    for done in range(1, 31):  # one document a second, total unknown (ingest)
        now[0] = float(done)
        progress("ingest", done, None)
    assert lines == ["ingest: 10/?, 1.0/s, 10s", "ingest: 20/?, 1.0/s, 20s",
                     "ingest: 30/?, 1.0/s, 30s"]
    now[0] = 31.0
    progress("ingest", 31, None)  # not due yet; printed when the next stage starts
    now[0] = 33.0
    progress("claims", 4, 4)  # a stage that ends at once is printed once, rated from the stage before
    progress.close()
    assert lines[3:] == ["ingest: 31/?, 1.0/s, 31s", "claims: 4/4 (100%), 2.0/s, 2s"]


def test_version_and_help_load_no_heavy_library() -> None:
    code = ("import sys, consilience.cli.main; heavy = ('spacy', 'sklearn', 'matplotlib', 'pyarrow', 'trafilatura', "
            "'consilience.pipeline', 'consilience.report'); print([m for m in heavy if m in sys.modules])")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
    # CPU seconds of the child, not wall time: the machine is shared and wall time measures the neighbours.
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, "-m", "consilience", "--version"], capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert done.returncode == 0 and done.stdout.startswith("consilience ")
    assert (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime) < 1.0
    helped = subprocess.run([sys.executable, "-m", "consilience", "--help"], capture_output=True, text=True)
    assert helped.returncode == 0 and "Exit status" in helped.stdout


def test_lazy_public_names_are_the_functions_even_after_the_subpackage_loads() -> None:
    import consilience
    import consilience.ingest.archive  # noqa: F401  (binds the subpackage to the name 'ingest')
    from consilience import ingest
    from consilience.pipeline import ingest as pipeline_ingest

    assert ingest is pipeline_ingest and consilience.analyze.__module__ == "consilience.pipeline"
    with pytest.raises(AttributeError):
        _ = consilience.no_such_name


def test_a_local_analysis_loads_no_fetcher() -> None:
    # httpx's fetch stack and the decompressors load only when an input is a URL
    code = ("import sys; from consilience.cli import analyze, fetch, watch; from consilience.fetch import settings; "
            "from consilience.cli.analyze import _crawl_for; assert _crawl_for(['a.txt', 'b/'], False).__enter__() is None; "
            "print(sorted(m for m in ('brotli', 'consilience.fetch.client', 'consilience.fetch.crawl') if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "[]"
