"""Idempotent re-ingest, an ingest killed mid-way and resumed, migrations, near-duplicates."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from consilience import pipeline
from consilience.ingest import read_inputs
from consilience.meta.article import article_from
from consilience.pipeline import ingest
from consilience.report.json_dossier import dossier_json
from consilience.store import open_store
from consilience.store.schema import MIGRATIONS

REPORT = ("Officials in the port city said {n} containers were stranded on Tuesday after the strike spread "
          "to the southern terminals, and that talks with the union would resume later this week.")


def corpus(tmp_path: Path, n: int) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    for i in range(n):
        (d / f"r{i:02d}.txt").write_text(REPORT.format(n=100 + i * 37) + f" Report number {i} of the series.")
    return d


def test_reingest_adds_nothing(tmp_path: Path) -> None:
    d = corpus(tmp_path, 6)
    store = open_store(tmp_path / "s.db")
    first = ingest([str(d)], store=store)
    second = ingest([str(d)], store=store)
    assert first.added == 6 and second.added == 0 and store.count() == 6
    assert first.ids == second.ids


def test_killed_ingest_resumes_without_duplicates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    d = corpus(tmp_path, 8)
    store = open_store(tmp_path / "s.db")
    real = pipeline.article_from
    calls = {"n": 0}

    def dying(doc, article_id=None):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 6:
            raise KeyboardInterrupt("killed")
        return real(doc, article_id)

    monkeypatch.setattr(pipeline, "article_from", dying)
    with pytest.raises(KeyboardInterrupt):
        ingest([str(d)], store=store, batch_size=2)
    partial = store.count()
    assert 0 < partial < 8  # whole batches were committed, the interrupted one was not
    monkeypatch.setattr(pipeline, "article_from", real)
    store.close()
    store = open_store(tmp_path / "s.db")
    done = ingest([str(d)], store=store)
    assert store.count() == 8 and done.added == 8 - partial
    assert all(a.text for a in store.articles())


@pytest.mark.parametrize("workers", [1, 2])
def test_a_copy_in_the_next_batch_is_stored_once(tmp_path: Path, workers: int,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "PARALLEL_MIN", 1)  # a pool even for these few documents
    d = corpus(tmp_path, 3)
    (d / "r01b.txt").write_text((d / "r01.txt").read_text())  # the same report, next in line
    store = open_store(tmp_path / "s.db")
    result = ingest([str(d)], store=store, batch_size=1, workers=workers)  # batches overlap in flight
    assert result.added == 3 and store.count() == 3 and len(result.ids) == 3
    assert ingest([str(d)], store=store, batch_size=1, workers=workers).added == 0


def test_a_copy_in_flight_is_not_cleaned_twice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    d = corpus(tmp_path, 3)
    (d / "r01b.txt").write_text((d / "r01.txt").read_text())
    real, cleaned = pipeline.article_from, []
    monkeypatch.setattr(pipeline, "article_from", lambda doc, art_id=None: cleaned.append(doc.source) or real(doc, art_id))
    ingest([str(d)], store=open_store(tmp_path / "s.db"), batch_size=1)
    assert len(cleaned) == 3


def test_schema_is_versioned(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    assert store.schema_version() == len(MIGRATIONS) == 5
    store.close()
    assert open_store(tmp_path / "s.db").schema_version() == len(MIGRATIONS)


def test_a_store_of_the_first_schema_is_migrated_and_analysed(tmp_path: Path) -> None:
    d = corpus(tmp_path, 3)
    old = sqlite3.connect(tmp_path / "old.db")
    old.executescript(MIGRATIONS[0] + "PRAGMA user_version = 1;")
    for doc in read_inputs([str(d)]):
        a = article_from(doc)  # type: ignore[arg-type]
        old.execute("INSERT INTO articles VALUES (?, ?, ?)", (a.id, a.source, json.dumps(a.to_dict())))
    old.commit()
    old.close()
    store = open_store(tmp_path / "old.db")
    assert store.schema_version() == len(MIGRATIONS) and store.count() == 3
    db = sqlite3.connect(tmp_path / "old.db")
    assert db.execute("SELECT count(*) FROM articles WHERE language = 'en' AND signature IS NULL").fetchone() == (3,)
    migrated = pipeline.analyze([], store=store)
    fresh = pipeline.analyze([str(d)], store=open_store(tmp_path / "new.db"))
    assert dossier_json(migrated) == dossier_json(fresh)
    assert db.execute("SELECT count(*) FROM articles WHERE signature IS NULL").fetchone() == (0,)


def test_near_duplicates_point_to_the_original(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    base = " ".join(REPORT.format(n=500) for _ in range(1)) + (
        " The harbour master said ships would be diverted to the northern anchorage until the dispute ends,"
        " and that perishable cargo would be given priority once the cranes were working again.")
    (d / "a.txt").write_text(base)
    (d / "b.txt").write_text(base + " Additional reporting by the wire desk.")
    (d / "c.txt").write_text("A completely different report about a football match that ended in a draw on Saturday night.")
    store = open_store(tmp_path / "s.db")
    dossier = pipeline.analyze([str(d)], store=store)
    flagged = [a for a in dossier.articles if a.duplicate_of]
    assert len(flagged) == 1 and flagged[0].source.endswith(("a.txt", "b.txt"))
    assert any(f.code == "near_duplicate" for f in flagged[0].flags)
