"""``claims.csv`` / ``facts.csv`` and their Parquet twins: one flat row per claim or fact.

List fields (a claim's ``via``, a fact's ``sources``, ``outlets``, ``claims``) are real lists: list
columns in Parquet, JSON arrays in CSV. CSV cells are made safe for spreadsheets (``safety.spreadsheet_cell``).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..jsontext import string_list
from .safety import BIDI_CONTROLS, FORMULA_STARTS, spreadsheet_cell, without_bidi

Dossier = dict[str, Any]  # the JSON form

CLAIM_COLUMNS = ("id", "article", "outlet", "start", "end", "text", "kind", "predicate", "subject", "negated",
                 "value", "low", "high", "unit", "qualifier", "when_start", "when_end", "when_text",
                 "when_precision", "where", "source", "via", "modality")
FACT_COLUMNS = ("story", "id", "statement", "status", "weight", "n_sources", "sources", "outlets", "claims",
                "when_start", "when_end", "when_precision")
LIST_COLUMNS = frozenset({"via", "sources", "outlets", "claims"})


def claims_flat(dossier: Dossier) -> list[dict[str, Any]]:
    outlets = {a["id"]: a.get("outlet") for a in dossier.get("articles", [])}
    return [claim_row(c, outlets.get(c["article"])) for c in dossier.get("claims", [])]


def claim_row(c: dict[str, Any], outlet: str | None) -> dict[str, Any]:
    """One claim (its JSON form) as a row of claims.csv, ``outlet`` that of its article."""
    q, w, at = c.get("quantity") or {}, c.get("when") or {}, c.get("attribution") or {}
    return {
        "id": c["id"], "article": c["article"], "outlet": outlet, "start": c["start"],
        "end": c["end"], "text": c["text"], "kind": c["kind"], "predicate": c["predicate"],
        "subject": c.get("subject"), "negated": bool(c.get("negated")), "value": q.get("value"),
        "low": q.get("low"), "high": q.get("high"), "unit": q.get("unit"), "qualifier": q.get("qualifier"),
        "when_start": w.get("start"), "when_end": w.get("end"), "when_text": w.get("text"),
        "when_precision": w.get("precision"), "where": c.get("where"), "source": at.get("source"),
        "via": list(at.get("via", [])), "modality": c.get("modality"),
    }


def facts_flat(dossier: Dossier) -> list[dict[str, Any]]:
    return [row for s in dossier.get("stories", []) for row in fact_rows(s)]


def fact_rows(s: dict[str, Any]) -> list[dict[str, Any]]:
    """One story's facts (its JSON form) as rows of facts.csv."""
    rows = []
    for f in s.get("facts", []):
        w = f.get("when") or {}
        rows.append({
            "story": s["id"], "id": f["id"], "statement": f["statement"], "status": f["status"],
            "weight": float(f.get("weight", 1.0)), "n_sources": len(f["sources"]),
            "sources": list(f["sources"]), "outlets": list(f["outlets"]), "claims": list(f["claims"]), "when_start": w.get("start"),
            "when_end": w.get("end"), "when_precision": w.get("precision"),
        })
    return rows


def csv_text(rows: list[dict[str, Any]], columns: tuple[str, ...], *, header: bool = True) -> str:
    """``rows`` as CSV; without ``header``, a piece of a file (the rows of one article or story).

    What ``csv.DictWriter`` writes of the rows with every cell made safe (list columns as JSON
    arrays, other strings through ``safety.spreadsheet_cell``; a column a row lacks is empty), done
    faster (the 75,000 claims of BBC News): rows go as lists, a row's strings are made safe only
    when one starts with a character that could need it, and the bidi controls are removed from the
    whole text at once (CSV quoting and JSON escaping leave them as they are, so before or after is
    the same). ``tests/test_report.py`` checks it against the cell-by-cell writing."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    if header:
        writer.writerow(columns)
    lists = [k for k, c in enumerate(columns) if c in LIST_COLUMNS]
    risky = _RISKY_START
    for row in rows:
        cells = [row.get(c, "") for c in columns]
        for k in lists:
            if columns[k] in row:
                cells[k] = string_list(cells[k] or [])
        if any(v.__class__ is str and v[:1] in risky for v in cells):
            cells = [spreadsheet_cell(v) if k not in lists else v for k, v in enumerate(cells)]
        writer.writerow(cells)
    return without_bidi(buf.getvalue())


# First characters that make ``spreadsheet_cell`` change a string (a formula's, or a bidi control
# that may hide one); "" is the empty string's, which it leaves alone.
_RISKY_START = frozenset(FORMULA_STARTS) | frozenset(BIDI_CONTROLS)


_LIST = pa.list_(pa.string())
SCHEMAS = {
    "claims": pa.schema([("id", pa.string()), ("article", pa.string()), ("outlet", pa.string()),
                         ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string()), ("kind", pa.string()),
                         ("predicate", pa.string()), ("subject", pa.string()), ("negated", pa.bool_()),
                         ("value", pa.float64()), ("low", pa.float64()), ("high", pa.float64()),
                         ("unit", pa.string()), ("qualifier", pa.string()), ("when_start", pa.string()),
                         ("when_end", pa.string()), ("when_text", pa.string()), ("when_precision", pa.string()),
                         ("where", pa.string()), ("source", pa.string()), ("via", _LIST),
                         ("modality", pa.string())]),
    "facts": pa.schema([("story", pa.string()), ("id", pa.string()), ("statement", pa.string()),
                        ("status", pa.string()), ("weight", pa.float64()), ("n_sources", pa.int64()),
                        ("sources", _LIST), ("outlets", _LIST), ("claims", _LIST),
                        ("when_start", pa.string()), ("when_end", pa.string()), ("when_precision", pa.string())]),
}


def write_tables(dossier: Dossier, outdir: Path) -> list[Path]:
    written = []
    for name, rows, columns in (("claims", claims_flat(dossier), CLAIM_COLUMNS),
                                ("facts", facts_flat(dossier), FACT_COLUMNS)):
        written += write_table(outdir, name, csv_text(rows, columns), pa.Table.from_pylist(rows, schema=SCHEMAS[name]))
    return written


def write_table(outdir: Path, name: str, text: str, table: pa.Table) -> list[Path]:
    """``name.csv`` holding ``text`` and ``name.parquet`` holding ``table``."""
    path = outdir / f"{name}.csv"
    path.write_text(text, encoding="utf-8")
    pq.write_table(table, outdir / f"{name}.parquet", compression="zstd")
    return [path, outdir / f"{name}.parquet"]
