"""``consilience serve`` in real headless Chromium: search, open a story, click a citation and see the
cited sentence highlighted in its article, follow a source link; no console error, and no request
leaves the server on 127.0.0.1. Skipped without Debian's chromium, as the report's browser test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from consilience.records import Dossier
from consilience.report import load_dossier
from serving import live_server
from test_report_browser import ARGS, CHROMIUM, OUTPUT


@pytest.fixture(scope="module")
def base(kursk_reports: Path) -> Iterator[str]:
    with live_server(Path(os.environ.get("CONSILIENCE_TEST_STORE") or kursk_reports / "s.db")) as url:
        yield url


@pytest.fixture(scope="module")
def dossier(kursk_reports: Path) -> Dossier:
    return load_dossier(kursk_reports / "dossier.json")


@pytest.fixture(scope="module")
def chromium():  # type: ignore[no-untyped-def]
    if not Path(CHROMIUM).exists():
        if os.environ.get("CONSILIENCE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"no Chromium at {CHROMIUM}; install Debian's chromium (make browser)")
        pytest.skip(f"no Chromium at {CHROMIUM}; run `make browser` (as root) to install it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def test_search_open_cite_and_follow_a_source(chromium, base: str, dossier: Dossier) -> None:  # type: ignore[no-untyped-def]
    page = chromium.new_page(viewport={"width": 1200, "height": 900})
    requests: list[str] = []
    problems: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.goto(base + "/stories")
    page.fill("input[name=q]", "Kursk")
    page.click("form.search button[type=submit]")
    page.wait_for_url("**/stories?*q=Kursk*")
    page.click("table#stories tbody a")
    page.wait_for_selector("ol.briefing a.cite")
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "serve-story.png"))

    cite = page.locator("ol.briefing a.cite").first
    claim = cite.get_attribute("data-claim")
    story_url = page.url
    cite.click()
    page.wait_for_url(f"**/articles/**#claim-{claim}")
    page.wait_for_function("document.querySelectorAll('span.c.hl').length > 0")
    lit = page.locator("span.c.hl")
    text = "".join(lit.nth(i).inner_text() for i in range(lit.count()))
    expected = next(c.text for c in dossier.claims if c.id == claim)
    assert " ".join(text.split()) == " ".join(expected.split())
    assert lit.first.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(255, 224, 102)"
    page.screenshot(path=str(OUTPUT / "serve-citation.png"))

    page.goto(story_url)
    source = page.locator("table.facts a.source").first
    name = source.inner_text()
    source.click()
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == f"Source: {name}"
    assert page.locator("table.facts tbody tr").count() >= 1

    assert problems == [], problems
    assert requests and all(u.startswith(base + "/") for u in requests), [u for u in requests if not u.startswith(base)]


def test_hostile_store_runs_nothing(chromium, tmp_path: Path, hostile_dossier: dict) -> None:  # type: ignore[no-untyped-def,type-arg]
    from urllib.parse import quote

    from test_serve import stored

    evil = quote(hostile_dossier["articles"][0]["outlet"], safe="")
    db = stored(Dossier.from_dict(hostile_dossier), tmp_path / "hostile.db")
    with live_server(db) as url:
        page = chromium.new_page()
        requests: list[str] = []
        dialogs: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in ("/stories", "/stories/s1", "/facts/f1", "/articles/a1", f"/sources/{evil}", f"/outlets/{evil}"):
            page.goto(url + path)
            hrefs = page.eval_on_selector_all("a[href]", "as => as.map(a => a.getAttribute('href'))")[:20]
            for href in hrefs:  # follow each link the page offers (bounded), then come back
                if href.startswith(("/", "#")):
                    page.goto(url + path + href if href.startswith("#") else url + href)
                assert page.evaluate("window.__pwned") is None, (path, href)
            page.goto(url + path)
            assert page.evaluate("window.__pwned") is None, path
        assert dialogs == []
        assert all(u.startswith(url + "/") for u in requests), [u for u in requests if not u.startswith(url)]
