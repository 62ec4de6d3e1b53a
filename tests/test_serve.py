"""``consilience serve``: the JSON twins say what the pages say; bad ids and parameters are 404/400
pages, never a traceback; every response carries a CSP; the store is only read."""

from __future__ import annotations

import html
import json
import os
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from typer.testing import CliRunner

from consilience.cli import app
from consilience.records import Dossier
from consilience.report import load_dossier
from consilience.serve.app import ROUTES
from serving import live_server


@pytest.fixture(scope="module")
def store(kursk_reports: Path) -> Path:
    return Path(os.environ.get("CONSILIENCE_TEST_STORE") or kursk_reports / "s.db")


@pytest.fixture(scope="module")
def dossier(kursk_reports: Path) -> Dossier:
    return load_dossier(kursk_reports / "dossier.json")


@pytest.fixture(scope="module")
def client(store: Path) -> Iterator[httpx.Client]:
    with live_server(store) as base, httpx.Client(base_url=base, timeout=10) as c:
        yield c


def get_json(client: httpx.Client, path: str) -> dict:  # type: ignore[type-arg]
    r = client.get(path)
    assert r.status_code == 200, (path, r.text[:300])
    assert r.headers["content-type"].startswith("application/json")
    return r.json()  # type: ignore[no-any-return]


def test_stories_list_search_and_filters(client: httpx.Client, dossier: Dossier) -> None:
    page = get_json(client, "/stories.json")
    assert page["pager"]["total"] == len(dossier.stories) == len(page["stories"])
    title = dossier.stories[0].title
    word = max(re.findall(r"\w+", title), key=len)
    assert title in [s["title"] for s in get_json(client, f"/stories.json?q={quote(word)}")["stories"]]
    assert get_json(client, "/stories.json?q=zzyzxqqq")["pager"]["total"] == 0
    assert get_json(client, '/stories.json?q=' + quote('" AND OR ( NEAR * ^'))["pager"]["total"] == 0
    claim_word = max(re.findall(r"[A-Za-z]+", dossier.claims[-1].text), key=len)  # found through the claims
    assert get_json(client, f"/stories.json?q={claim_word}")["pager"]["total"] >= 1
    outlet = next(a.outlet for a in dossier.articles if a.outlet)
    assert get_json(client, f"/stories.json?outlet={quote(outlet)}")["pager"]["total"] >= 1
    assert get_json(client, "/stories.json?outlet=Nobody%20Daily")["pager"]["total"] == 0
    assert get_json(client, "/stories.json?from=2000-01-01&to=2100-01-01&sort=outlets")["pager"]["total"] >= 1
    assert get_json(client, "/stories.json?from=2100-01-01")["pager"]["total"] == 0


def test_the_json_twin_is_the_page(client: httpx.Client, dossier: Dossier) -> None:
    story = dossier.stories[0]
    twin = get_json(client, f"/stories/{story.id}.json")
    assert client.get(f"/stories/{story.id}", headers={"Accept": "application/json"}).json() == twin
    page = client.get(f"/stories/{story.id}").text
    for f in twin["story"]["facts"]:
        assert f'href="/facts/{f["id"]}"' in page
    for sentence in twin["story"]["summary"]:
        for c in sentence["citations"]:
            assert f'href="/articles/{c["article"]}#claim-{c["claim"]}"' in page


def test_story_page_opens_with_its_main_event(client: httpx.Client, dossier: Dossier) -> None:
    story = dossier.stories[0]
    page = get_json(client, f"/stories/{story.id}.json")["story"]
    widest = max(len(f.outlets) for f in story.facts)
    assert page["main"] is not None and len(page["main"]["outlets"]) == widest
    assert page["n_facts"] == len(story.facts) and len(page["facts"]) == len(story.facts)
    assert [s["text"] for s in page["summary"]] == [s.text for s in story.summary]
    assert {a["id"] for a in page["articles"]} == set(story.articles)


def test_fact_source_outlet_and_article_pages(client: httpx.Client, dossier: Dossier) -> None:
    story = dossier.stories[0]
    fact = max(story.facts, key=lambda f: len(f.claims))
    page = get_json(client, f"/facts/{fact.id}.json")
    claims = {c.id: c.text for c in dossier.claims}
    assert {c["id"]: c["text"] for c in page["claims"]} == {c: claims[c] for c in fact.claims}
    assert page["story"] == story.id and page["fact"]["sources"]
    source = next(s for s in fact.sources if not s.startswith("article "))
    src = get_json(client, f"/sources/{quote(source, safe='')}.json")
    assert fact.id in [f["id"] for f in src["facts"]] and src["carriers"]
    outlet = next(a.outlet for a in dossier.articles if a.outlet)
    out = get_json(client, f"/outlets/{quote(outlet, safe='')}.json")
    assert out["pager"]["total"] == sum(a.outlet == outlet for a in dossier.articles)
    article = dossier.articles[0]
    art = get_json(client, f"/articles/{article.id}.json")
    assert "".join(s["text"] for s in art["article"]["segments"]) == article.text
    assert {c["id"] for c in art["claims"]} == {c.id for c in dossier.claims if c.article == article.id}


def test_names_with_slashes_and_spaces_have_stable_urls(client: httpx.Client) -> None:
    r = client.get("/sources/" + quote("no/such source", safe="") + ".json")
    assert r.status_code == 404 and "no/such source" in r.json()["error"]


@pytest.mark.parametrize(("path", "status", "says"), [
    ("/stories/nope", 404, "no story"),
    ("/facts/nope.json", 404, "no fact"),
    ("/articles/nope", 404, "no article"),
    ("/outlets/Nobody%20Daily", 404, "no outlet"),
    ("/no/such/page", 404, "nothing at"),
    ("/stories?page=0", 400, "page number"),
    ("/stories.json?page=abc", 400, "page number"),
    ("/stories?page=99", 404, "past the last page"),
    ("/stories?sort=best", 400, "recent, outlets"),
    ("/stories?from=2024-13-01", 400, "YYYY-MM-DD"),
    ("/stories?flag=odd", 400, "near_duplicate"),
    ("/stories?limit=5", 400, "unknown parameter 'limit'"),
    ("/stories/x?q=1", 400, "unknown parameter"),
])
def test_bad_ids_and_parameters_say_what_is_wrong(client: httpx.Client, path: str, status: int, says: str) -> None:
    r = client.get(path)
    assert r.status_code == status
    assert says in (r.json()["error"] if path.split("?")[0].endswith(".json") else html.unescape(r.text))
    assert "Traceback" not in r.text and 'File "' not in r.text


def test_every_response_carries_a_policy_and_loads_nothing_from_elsewhere(client: httpx.Client, dossier: Dossier) -> None:
    for path in ("/stories", f"/stories/{dossier.stories[0].id}", f"/articles/{dossier.articles[0].id}", "/nope"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "unsafe-inline" not in csp and "'sha256-" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert not re.search(r'(src|href)="(https?:)?//', r.text), path
    assert "default-src 'self'" in client.get("/store").headers["content-security-policy"]


def test_the_store_is_only_read(client: httpx.Client, store: Path) -> None:
    before = store.read_bytes()
    r = client.get("/store.json", params={"sql": "DELETE FROM stories"})
    assert r.status_code >= 400
    r = client.get("/store/stories.json", params={"_shape": "array"})
    assert r.status_code == 200 and r.json()
    assert store.read_bytes() == before


def test_openapi_documents_every_route(client: httpx.Client) -> None:
    spec = get_json(client, "/-/openapi.json")
    documented = [re.sub(r"\{\w+\}", "x", p) for p in spec["paths"]]
    for regex, _ in ROUTES:
        assert any(re.match(regex, p) for p in documented), regex
    for path in spec["paths"]:
        assert any(re.match(regex, re.sub(r"\{\w+\}", "x", path)) for regex, _ in ROUTES), path


def test_serve_command_refuses_what_is_no_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "consilience analyze" in result.output
    (tmp_path / "notes.db").write_text("not a database")
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "notes.db")])
    assert result.exit_code == 2 and "not an SQLite store" in " ".join(result.output.split())


def test_json_is_the_page_record() -> None:
    from consilience.serve.app import to_json
    from consilience.serve.pages import Pager

    assert json.loads(json.dumps(to_json(Pager(1, 2, 60, 50, None, "/stories?page=2"))))["next"] == "/stories?page=2"


def stored(dossier: Dossier, path: Path) -> Path:
    """Write ``dossier`` into a new store through the store's own interface, as ``analyze`` does."""
    from consilience.store import open_store
    from consilience.store.base import Extraction, StoredStory

    store = open_store(path)
    store.put_articles(list(dossier.articles))
    store.put_analysed_articles(list(dossier.articles), {a: s.id for s in dossier.stories for a in s.articles})
    store.put_claims({a.id: (Extraction(key="test", extractor="test"), [c for c in dossier.claims if c.article == a.id])
                      for a in dossier.articles})
    store.put_stories([StoredStory(story=s, key="test") for s in dossier.stories])
    store.close()
    return path


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_hostile_articles_never_become_markup(tmp_path: Path, hostile_dossier: dict) -> None:  # type: ignore[type-arg]
    evil = quote(hostile_dossier["articles"][0]["outlet"], safe="")
    db = stored(Dossier.from_dict(hostile_dossier), tmp_path / "hostile.db")
    with live_server(db) as base, httpx.Client(base_url=base) as client:
        for path in ("/stories", "/stories/s1", "/facts/f1", "/articles/a1", f"/sources/{evil}", f"/outlets/{evil}",
                     f"/stories?q={evil}", f"/stories?outlet={evil}"):
            r = client.get(path)
            assert r.status_code == 200, (path, r.text[:200])
            parsed = Elements()
            parsed.feed(r.text)
            assert [t for t, _ in parsed.tags].count("script") == 1, path  # ours, at the end
            assert not [t for t, _ in parsed.tags if t in ("img", "svg", "iframe", "object", "embed")], path
            assert not [(t, a) for t, a in parsed.tags for k in a if k.startswith("on")], path
            links = [v for _, a in parsed.tags for k, v in a.items() if k in ("href", "src", "action") and v]
            assert not [v for v in links if v.strip().lower().startswith(("javascript:", "http", "//"))], path


def test_a_search_kept_for_its_next_page_sees_what_analyze_adds(tmp_path: Path, dossier: Dossier) -> None:
    import dataclasses

    from consilience.store import open_store
    from consilience.store.base import StoredStory

    db = stored(dossier, tmp_path / "growing.db")
    with live_server(db) as base, httpx.Client(base_url=base) as client:
        assert get_json(client, "/stories.json?q=Zanzibar")["pager"]["total"] == 0
        store = open_store(db)  # a writer, as `analyze` would be, while the server reads
        story = dossier.stories[0]
        store.put_stories([StoredStory(story=dataclasses.replace(story, id="s-new", title="Zanzibar ferry"), key="x")])
        store.close()
        assert [s["id"] for s in get_json(client, "/stories.json?q=Zanzibar")["stories"]] == ["s-new"]
