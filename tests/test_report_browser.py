"""report.html in real headless Chromium: a citation click highlights its sentence; no network, no errors.

Needs Debian's ``chromium`` (``make browser`` installs it when run as root). Without it the test is
skipped, unless CONSILIENCE_REQUIRE_BROWSER=1 (set by CI), where a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from consilience.records import Dossier
from consilience.report import load_dossier, report_html

CHROMIUM = os.environ.get("CONSILIENCE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
OUTPUT = Path(__file__).parent / "output"


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    if not Path(CHROMIUM).exists():
        if os.environ.get("CONSILIENCE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"no Chromium at {CHROMIUM}; install Debian's chromium (make browser)")
        pytest.skip(f"no Chromium at {CHROMIUM}; run `make browser` (as root) to install it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def open_page(browser, path: Path):  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    seen: dict[str, list[str]] = {"requests": [], "console": [], "dialogs": []}
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("console", lambda m: seen["console"].append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: seen["console"].append(f"pageerror: {e}"))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, seen


def test_citation_click_highlights_the_cited_sentence(browser, kursk_reports: Path) -> None:  # type: ignore[no-untyped-def]
    page, seen = open_page(browser, kursk_reports / "report.html")
    cite = page.locator("details.story ol.briefing a.cite").nth(2)
    claim = cite.get_attribute("data-claim")
    cite.click()
    page.wait_for_function("document.querySelectorAll('span.c.hl').length > 0")
    lit = page.locator("span.c.hl")
    text = "".join(lit.nth(i).inner_text() for i in range(lit.count()))
    dossier_claims = {c.id: c for c in load_dossier(kursk_reports / "dossier.json").claims}
    assert " ".join(text.split()) == " ".join(dossier_claims[claim].text.split())
    background = lit.first.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background == "rgb(255, 224, 102)"
    assert lit.first.evaluate("el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")
    assert page.evaluate("location.hash") == f"#claim-{claim}"
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "report-citation.png"))
    page.goto((kursk_reports / "report.html").as_uri() + "#stories")
    page.screenshot(path=str(OUTPUT / "report-top.png"))
    assert all(u.startswith(("file://", "data:")) for u in seen["requests"]), seen["requests"]
    assert seen["console"] == [], seen["console"]


def test_facts_table_sorts(browser, kursk_reports: Path) -> None:  # type: ignore[no-untyped-def]
    page, seen = open_page(browser, kursk_reports / "report.html")
    page.click("table.facts th:nth-child(3)")
    counts = page.eval_on_selector_all("table.facts tbody tr td:nth-child(3)", "tds => tds.map(t => +t.dataset.value)")
    assert counts == sorted(counts) and len(set(counts)) > 1
    assert seen["console"] == []


def test_story_index_filters_and_opens_a_closed_story(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from test_report_scale import synthetic

    path = tmp_path / "report.html"
    path.write_text(report_html(synthetic(6, 5)), encoding="utf-8")
    page, seen = open_page(browser, path)
    assert page.locator("details.story[open]").count() == 1  # the biggest; the others wait closed
    page.fill("#story-filter", "number 4")
    assert page.eval_on_selector_all("#story-index tbody tr:not([hidden])", "rows => rows.length") == 1
    page.click("#story-index tbody tr:not([hidden]) a")
    assert page.locator("#story-s4").evaluate("d => d.open")
    page.locator("#story-s4 ol.briefing a.cite").click()
    page.wait_for_function("document.querySelectorAll('span.c.hl').length > 0")
    assert page.locator("span.c.hl").first.evaluate("el => el.closest('details.article').open")
    assert seen["console"] == [] and all(u.startswith("file://") for u in seen["requests"]), seen


def test_hostile_article_runs_nothing(browser, tmp_path: Path, hostile_dossier: dict) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "report.html"
    path.write_text(report_html(Dossier.from_dict(hostile_dossier)), encoding="utf-8")
    page, seen = open_page(browser, path)
    for link in page.locator("a").all():
        if link.is_visible():
            link.click()
    assert page.evaluate("window.__pwned") is None
    assert seen["dialogs"] == []
    assert all(u.startswith("file://") for u in seen["requests"]), seen["requests"]
