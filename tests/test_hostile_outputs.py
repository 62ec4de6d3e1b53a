"""Hostile article text through the real pipeline into every output: formulas, markup, links, bidi
overrides, mathtext and XML-breaking characters must come out inert (and the run must not crash).

The HTML report is opened in real headless Chromium (as ``test_report_browser`` does).
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import networkx as nx
import pyarrow.parquet as pq
import pytest
from lxml import etree
from typer.testing import CliRunner

from consilience.cli import app
from consilience.report.safety import BIDI_CONTROLS, FORMULA_STARTS

SCHEMA = Path(__file__).parent / "fixtures" / "graphml-structure.xsd"
RLO = "\u202e"
# Each paragraph opens with something a spreadsheet, a Markdown renderer, a browser or matplotlib
# would act on, then says something the claim extractor picks up (a number, an event, a date).
PARAGRAPHS = [
    '=HYPERLINK("http://evil.example/x","click") Officials said 40 buses were destroyed on Monday, March 3, 2025.',
    "+1 The mayor said 12 people were killed in the fire on Monday, March 3, 2025.",
    "@SUM(A1:A9) Police said 300 residents were evacuated on Tuesday, March 4, 2025.",
    "-2+3 The agency said repairs cost $5 million and $7 million more on March 5, 2025.",
    f"<script>window.__pwned = 1</script> Firefighters said 8 homes were destroyed {RLO}gnp.exe on March 3, 2025.",
    '<img src=x onerror="window.__pwned = 2"> [click](javascript:window.__pwned=3) ![x](http://evil.example/p.png) '
    "The governor said 20 soldiers were deployed on March 6, 2025.",
    "Vertical\x0btab and `code` and *stars* and _under_ | pipe: the council said 15 schools were closed on March 6, 2025.",
]


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    inputs = root / "in"
    inputs.mkdir()
    records = [{"title": f"{RLO}Hostile =cmd| report {i} <b>bold</b> $x$", "url": url, "outlet": f"=Outlet{RLO} {i}",
                "published": "2025-03-07", "text": "\n\n".join(PARAGRAPHS)}
               for i, url in enumerate(["javascript:window.__pwned=5", "https://news.example/a"])]
    records[1]["text"] += "\n\nA second outlet added that 40 buses were destroyed on Monday, March 3, 2025."
    (inputs / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    out = root / "out"
    result = CliRunner().invoke(app, ["analyze", str(inputs), "-o", str(out), "--db", str(root / "s.db"), "-q",
                                      "-j", "1"])
    assert result.exit_code == 0, result.output
    return out


def test_the_run_found_claims_in_the_hostile_text(hostile_run: Path) -> None:
    dossier = json.loads((hostile_run / "dossier.json").read_text(encoding="utf-8"))
    assert len(dossier["articles"]) == 2 and len(dossier["claims"]) >= 5
    assert sorted(a["url"] or "" for a in dossier["articles"]) == ["", "https://news.example/a"]


@pytest.mark.parametrize("name", ["claims.csv", "facts.csv"])
def test_csv_cells_never_start_a_formula(hostile_run: Path, name: str) -> None:
    rows = list(csv.reader(io.StringIO((hostile_run / name).read_text(encoding="utf-8"))))
    cells = [c for row in rows[1:] for c in row]
    assert cells and not [c for c in cells if c.startswith(FORMULA_STARTS)]
    assert any(c.startswith("'=") or c.startswith("'+") or c.startswith("'@") for c in cells) or name == "facts.csv"
    assert not any(ch in c for c in cells for ch in BIDI_CONTROLS)


def test_list_fields_are_lists_in_parquet_and_json_arrays_in_csv(hostile_run: Path) -> None:
    facts = pq.read_table(hostile_run / "facts.parquet").to_pylist()
    assert facts and all(isinstance(f["sources"], list) and isinstance(f["claims"], list) for f in facts)
    rows = list(csv.DictReader(io.StringIO((hostile_run / "facts.csv").read_text(encoding="utf-8"))))
    assert [json.loads(r["claims"]) for r in rows] == [f["claims"] for f in facts]
    claims = pq.read_table(hostile_run / "claims.parquet").to_pylist()
    assert all(isinstance(c["via"], list) for c in claims)


def test_markdown_shows_markup_and_links_as_text(hostile_run: Path) -> None:
    md = (hostile_run / "report.md").read_text(encoding="utf-8")
    assert "<script" not in md and "<img" not in md and "<b>" not in md and "](javascript:" not in md
    assert "![x](" not in md and not any(ch in md for ch in BIDI_CONTROLS)
    assert "&lt;b&gt;bold&lt;/b&gt;" in md  # the title's markup, shown as written
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").enable("table").render(md)
    assert "<script" not in html and "<img" not in html and 'href="javascript' not in html


def test_graphml_has_unique_edge_ids_loads_in_networkx_and_passes_the_schema(hostile_run: Path) -> None:
    path = hostile_run / "provenance.graphml"
    doc = etree.parse(str(path))
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    assert schema.validate(doc), schema.error_log
    ids = [e.get("id") for e in doc.iter("{http://graphml.graphdrawing.org/xmlns}edge")]
    assert ids and len(ids) == len(set(ids))
    g = nx.read_graphml(path, force_multigraph=True)
    assert g.number_of_edges() == len(ids)
    assert not any(ch in path.read_text(encoding="utf-8") for ch in BIDI_CONTROLS)


def test_timeline_draws_dollar_signs_as_written(hostile_run: Path) -> None:
    from consilience.report.timeline_chart import timeline_png, timeline_svg

    svg = (hostile_run / "timeline.svg").read_text(encoding="utf-8")
    assert "40 buses" in svg and RLO not in svg
    # Fact statements spell currencies out, so the '$' that crashed the chart is drawn directly here.
    entries = [{"start": "2025-03-03", "end": "2025-03-03", "precision": "day", "label": label}
               for label in ("costs $5 and $7", "a lone $ sign", r"\alpha $x^2$ \frac", f"{RLO}exe.txt")]
    drawn = timeline_svg(entries).decode("utf-8")
    assert "costs $5 and $7" in drawn and "a lone $ sign" in drawn and RLO not in drawn
    assert timeline_png(entries)[:4] == b"\x89PNG"


def test_html_report_has_no_bidi_controls_and_runs_nothing_in_a_browser(hostile_run: Path, browser) -> None:  # type: ignore[no-untyped-def]
    html = (hostile_run / "report.html").read_text(encoding="utf-8")
    assert not any(ch in html for ch in BIDI_CONTROLS) and "'unsafe-inline'" not in html
    page = browser.new_page()
    seen: dict[str, list[str]] = {"requests": [], "dialogs": [], "errors": []}
    # Nothing may leave the machine, even if the page were wrong: every non-local request is aborted.
    page.route(re.compile(r"^(?!file:|data:)"), lambda route: route.abort())
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.goto((hostile_run / "report.html").as_uri())
    page.wait_for_load_state("load")
    links = page.locator("a").all()[:200]
    hrefs = [link.get_attribute("href") or "" for link in links]
    assert not [h for h in hrefs if h.lower().lstrip().startswith(("javascript:", "data:", "vbscript:"))]
    for link, href in zip(links, hrefs, strict=True):
        if link.is_visible() and href.startswith("#"):  # in-page links only; http(s) links to articles are not followed
            link.click()
    assert page.evaluate("window.__pwned") is None
    assert seen["dialogs"] == [] and seen["errors"] == []
    assert all(u.startswith(("file://", "data:")) for u in seen["requests"]), seen["requests"]


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    from test_report_browser import browser as launch

    yield from launch.__wrapped__()  # type: ignore[attr-defined]


@pytest.mark.parametrize("labels", [[], ["40 buses join the northern routes", "costs $5 and $7", f"{RLO}exe.txt"]])
def test_both_timeline_pictures_drawn_from_one_figure_are_those_drawn_apart(labels: list[str]) -> None:
    """The report draws its SVG and PNG from one figure laid out once: the bytes of each drawn alone."""
    from consilience.report.timeline_chart import timeline_drawings, timeline_png, timeline_svg

    entries = [{"start": f"2025-03-{k + 1:02d}", "end": None if k % 2 else f"2025-03-{k + 3:02d}",
                "precision": ("day", "week", "month")[k % 3], "label": label} for k, label in enumerate(labels)]
    assert timeline_drawings(entries) == (timeline_svg(entries), timeline_png(entries))
