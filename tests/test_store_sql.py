"""The store holds the whole analysis: Datasette (in process, no socket) and plain SQL see what the
dossier says: the claims of a fact, facets over statuses and outlets, full-text search."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from datasette.app import Datasette

from consilience.pipeline import analyze
from consilience.records import Dossier
from consilience.store import open_store


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Dossier]:
    examples = Path(__file__).parent.parent / "examples" / "kursk"
    db = tmp_path_factory.mktemp("sql") / "kursk.db"
    store = open_store(db)
    dossier = analyze([str(examples)], store=store)
    store.close()
    return db, dossier


def datasette_json(db: Path, path: str) -> Any:
    async def get() -> Any:
        ds = Datasette([str(db)], immutables=[])
        response = await ds.client.get(path)
        assert response.status_code == 200, response.text
        return response.json()

    return asyncio.run(get())


def test_datasette_gives_the_claims_of_a_fact(analysed: tuple[Path, Dossier]) -> None:
    db, dossier = analysed
    fact = max((f for s in dossier.stories for f in s.facts), key=lambda f: (len(f.claims), f.id))
    sql = ("select claims.id, claims.text, claims.record from fact_claims join claims on claims.id = fact_claims.claim "
           "where fact_claims.fact = :fact order by claims.id")
    rows = datasette_json(db, f"/{db.stem}.json?sql={sql}&fact={fact.id}&_shape=objects")["rows"]
    assert [r["id"] for r in rows] == sorted(fact.claims) and len(rows) >= 2
    by_id = {c.id: c for c in dossier.claims}
    assert all(json.loads(r["record"]) == by_id[r["id"]].to_dict() for r in rows)


def test_datasette_facets_and_searches_the_analysis(analysed: tuple[Path, Dossier]) -> None:
    db, dossier = analysed
    statuses = datasette_json(db, f"/{db.stem}/facts.json?_facet=status")["facet_results"]
    counted = {r["value"]: r["count"] for r in (statuses.get("results", statuses))["status"]["results"]}
    facts = [f for s in dossier.stories for f in s.facts]
    assert counted == {s: sum(f.status == s for f in facts) for s in {f.status for f in facts}}
    outlets = datasette_json(db, f"/{db.stem}/stories.json?_facet_array=outlets")["facet_results"]
    named = {r["value"] for r in (outlets.get("results", outlets))["outlets"]["results"]}
    assert "The Moscow Times" in named
    found = datasette_json(db, f"/{db.stem}/claims.json?_search=casualties&_shape=objects")["rows"]
    assert found and all("casualt" in r["text"].lower() for r in found)


def test_plain_sql_answers_what_a_web_view_asks(analysed: tuple[Path, Dossier]) -> None:
    db, dossier = analysed
    con = sqlite3.connect(db)
    story = dossier.stories[0]
    assert [r[0] for r in con.execute("SELECT id FROM facts WHERE story = ? ORDER BY n", (story.id,))] == \
        [f.id for f in story.facts]
    source = story.facts[0].sources[0]
    stories = {r[0] for r in con.execute("SELECT story FROM fact_sources WHERE source = ?", (source,))}
    assert stories == {story.id}
    assert con.execute("SELECT count(*) FROM articles WHERE story = ?", (story.id,)).fetchone()[0] == len(story.articles)
    hits = con.execute("SELECT stories.id FROM stories_fts JOIN stories ON stories.rowid = stories_fts.rowid "
                       "WHERE stories_fts MATCH 'North Korean'").fetchall()
    assert hits == [(story.id,)]
    flagged = {r[0] for r in con.execute("SELECT DISTINCT a.story FROM flags f JOIN articles a ON a.id = f.article "
                                         "WHERE f.code = 'near_duplicate'")}
    assert flagged == ({story.id} if any(a.duplicate_of for a in dossier.articles) else set())
    plan = " ".join(r[-1] for r in con.execute("EXPLAIN QUERY PLAN SELECT * FROM fact_claims WHERE fact = 'x'"))
    assert "USING" in plan and "INDEX" in plan  # an index, not a scan
