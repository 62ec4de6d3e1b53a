from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pyarrow.parquet as pq
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from consilience.cli import app
from consilience.records import Dossier
from consilience.report import load_dossier, report_html, report_markdown, write_reports
from consilience.report.view import segments


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_untrusted_article_text_never_becomes_markup(hostile_dossier: dict) -> None:
    page = report_html(Dossier.from_dict(hostile_dossier))
    parsed = Elements()
    parsed.feed(page)
    assert [t for t, _ in parsed.tags].count("script") == 1  # ours, at the end
    assert not [t for t, _ in parsed.tags if t in ("svg", "iframe", "object", "embed")]
    assert not [(t, a) for t, a in parsed.tags for k in a if k.startswith("on")]
    assert not [(t, a) for t, a in parsed.tags for v in a.values() if v and v.strip().lower().startswith("javascript:")]
    images = [a for t, a in parsed.tags if t == "img"]
    assert len(images) == 1 and str(images[0]["src"]).startswith("data:image/svg+xml;base64,")
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page


def test_markdown_escapes_table_cells_and_keeps_citations(hostile_dossier: dict) -> None:
    d = hostile_dossier
    d["stories"][0]["facts"][0]["statement"] = "a | b\nc"
    md = report_markdown(Dossier.from_dict(d))
    assert "| a \\| b c |" in md
    assert "[^1]" in md and "[^1]: " in md


@given(st.text(min_size=1, max_size=60), st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=6))
def test_segments_rebuild_the_text_and_every_claim(text: str, spans: list[tuple[int, int]]) -> None:
    claims = [(f"c{i}", min(a, b, len(text)), min(max(a, b), len(text))) for i, (a, b) in enumerate(spans)]
    pieces = segments(text, claims)
    assert "".join(p.text for p in pieces) == text
    for cid, start, end in claims:
        if start < end:
            assert "".join(p.text for p in pieces if cid in p.claims) == text[start:end]
            assert sum(cid in p.starts for p in pieces) == 1


def test_analyze_writes_every_report(kursk_reports: Path) -> None:
    names = {p.name for p in kursk_reports.iterdir()}
    assert {"dossier.json", "report.html", "report.md", "claims.csv", "facts.csv", "claims.parquet",
            "facts.parquet", "provenance.graphml", "provenance.json", "timeline.svg", "timeline.png"} <= names
    dossier = load_dossier(kursk_reports / "dossier.json")
    rows = list(csv.DictReader(io.StringIO((kursk_reports / "claims.csv").read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == [c.id for c in dossier.claims]
    table = pq.read_table(kursk_reports / "claims.parquet").to_pylist()
    assert [r["text"] for r in table] == [c.text for c in dossier.claims]
    n_facts = sum(len(s.facts) for s in dossier.stories)
    assert pq.read_table(kursk_reports / "facts.parquet").num_rows == n_facts
    assert (kursk_reports / "timeline.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in (kursk_reports / "timeline.svg").read_bytes()[:400]


def test_provenance_graph_links_articles_to_their_primary_sources(kursk_reports: Path) -> None:
    dossier = load_dossier(kursk_reports / "dossier.json")
    g = nx.read_graphml(kursk_reports / "provenance.graphml")
    for c in dossier.claims:
        if c.attribution:
            assert nx.has_path(g, f"article:{c.article}", f"source:{c.attribution.source}")
    as_json = json.loads((kursk_reports / "provenance.json").read_text(encoding="utf-8"))
    assert len(as_json["nodes"]) == g.number_of_nodes()


def test_report_command_rerenders_the_same_bytes(kursk_reports: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["report", str(kursk_reports / "dossier.json"), "-o", str(tmp_path), "-q"])
    assert result.exit_code == 0, result.output
    for name in ("report.html", "report.md", "facts.csv", "claims.parquet", "provenance.graphml", "timeline.svg",
                 "timeline.png"):
        assert (tmp_path / name).read_bytes() == (kursk_reports / name).read_bytes(), name


def test_report_command_says_what_is_wrong_with_its_input(tmp_path: Path) -> None:
    bad = tmp_path / "notes.json"
    bad.write_text('{"format": "something else"}')
    result = CliRunner().invoke(app, ["report", str(bad), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2 and "not a consilience.dossier/1 document" in " ".join(result.output.split())
    bad.write_text("{truncated")
    result = CliRunner().invoke(app, ["report", str(bad), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2 and "not JSON" in result.output


def test_reports_of_an_empty_dossier(tmp_path: Path) -> None:
    written = write_reports(Dossier(articles=()), tmp_path)
    assert all(p.exists() for p in written) and "0 stories" in (tmp_path / "report.html").read_text()


def _csv_reference(rows: list[dict], columns: tuple[str, ...]) -> str:
    """``tables.csv_text`` as it was first written: ``csv.DictWriter``, each cell made safe alone."""
    from consilience.report.safety import spreadsheet_cell, without_bidi
    from consilience.report.tables import LIST_COLUMNS

    def cell(column: str, value: object) -> object:
        if column in LIST_COLUMNS:
            return json.dumps([without_bidi(str(v)) for v in value or []], ensure_ascii=False)  # type: ignore[attr-defined]
        return spreadsheet_cell(value)

    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: cell(k, v) for k, v in row.items()} for row in rows)
    return buf.getvalue()


# Text that CSV quoting, JSON escaping, formula guarding or bidi removal acts on, and plain text.
_CELL_TEXT = st.text(alphabet=st.sampled_from([*"ab ,\"'\n\r\t\\=+-@[]", "\u202e", "\u2066", "\u200f", "é", "\x01"]),
                     max_size=8)
_CELL = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.floats(allow_nan=False), _CELL_TEXT)


@given(st.lists(st.fixed_dictionaries({"id": _CELL_TEXT, "statement": _CELL, "weight": _CELL,
                                       "sources": st.lists(_CELL_TEXT, max_size=3)},
                                      optional={"claims": st.lists(_CELL_TEXT, max_size=3), "when_start": _CELL}),
                max_size=4))
def test_csv_text_writes_what_the_cell_by_cell_writer_did(rows: list[dict]) -> None:
    from consilience.report.tables import csv_text

    columns = ("id", "statement", "weight", "sources", "claims", "when_start")
    assert csv_text(rows, columns) == _csv_reference(rows, columns)
    assert csv_text(rows, columns, header=False) == _csv_reference(rows, columns).split("\n", 1)[1]
