from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

import consilience
from consilience.cli import app


def test_public_surface_is_pinned() -> None:
    assert sorted(consilience.__all__) == sorted([
        "Article", "Claim", "ConsilienceError", "Dossier", "Failure", "Flag", "InputError", "Published", "StoreError",
        "Story", "analyze", "dossier_of", "ingest", "load_dossier", "open_store", "write_dossier"])


def test_cli_analyze_reports_failures_and_exits_nonzero(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("The council approved 40 new buses for the northern routes on Monday.")
    (tmp_path / "in" / "empty.txt").write_text("")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["analyze", str(tmp_path / "in"), "-o", str(out), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "1 input(s) failed" in result.output
    dossier = consilience.load_dossier(out / "dossier.json")
    assert len(dossier.articles) == 1 and dossier.failures[0].code == "empty"


def test_cli_ingest_then_articles(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Floods closed 12 schools in the eastern district on Tuesday, officials said.")
    runner = CliRunner()
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", db, "--quiet"]).exit_code == 0
    listing = runner.invoke(app, ["articles", "--db", db])
    assert listing.exit_code == 0 and "a.txt" in listing.output
    again = runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", db])
    assert "0 new" in again.output
    assert json.loads((Path(__file__).parent.parent / "src/consilience/data/sources.json").read_text())
