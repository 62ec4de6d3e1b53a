"""``timeline.svg`` / ``timeline.png``: each dated fact as a bar from its start to its end.

Open-ended facts ("since mid-January") run to the last date on the chart and end in an arrow.
Uses matplotlib's object API (no pyplot state) with fixed SVG ids and no timestamps, so the
same dossier gives the same bytes.
"""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import Any

import matplotlib
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from .safety import without_bidi

MAX_ROWS = 60
LABEL_CHARS = 70
# One per precision of records.Precision, darkest for the narrowest (a test keeps them in step).
COLOURS = {"day": "#1f5f8b", "week": "#2e77a8", "part_of_month": "#3d8fc4", "month": "#7fb8de",
           "part_of_year": "#a1cae6", "year": "#c3dcef"}


def timeline_entries(dossier: dict[str, Any]) -> list[dict[str, Any]]:
    """Every story's timeline entries, in time order, at most ``MAX_ROWS``."""
    entries = [dict(e, story=s["title"]) for s in dossier.get("stories", []) for e in s.get("timeline", [])]
    entries.sort(key=lambda e: (e["start"], e.get("end") or "9999", e["label"]))
    return entries[:MAX_ROWS]


def timeline_figure(entries: list[dict[str, Any]]) -> Figure:
    fig = Figure(figsize=(11, 1.2 + 0.32 * max(len(entries), 1)), dpi=100)
    ax = fig.add_subplot()
    if not entries:
        ax.text(0.5, 0.5, "No dated facts", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    starts = [date.fromisoformat(e["start"]) for e in entries]
    ends = [date.fromisoformat(e["end"]) if e.get("end") else None for e in entries]
    horizon = max([d for d in ends if d] + starts) + timedelta(days=7)
    for row, (entry, lo, hi) in enumerate(zip(entries, starts, ends, strict=True)):
        end = (hi or horizon) + timedelta(days=1)
        colour = COLOURS.get(entry.get("precision", "day"), "#999999")
        ax.barh(row, date2num(end) - date2num(lo), left=date2num(lo), height=0.6, color=colour,
                edgecolor="#333333", linewidth=0.4)
        if hi is None:
            ax.annotate("", xy=(date2num(end) + 6, row), xytext=(date2num(end), row),
                        arrowprops={"arrowstyle": "->", "color": colour})
    labels = [_label(e["label"]) for e in entries]
    ax.set_yticks(range(len(entries)), labels=labels, fontsize=8)
    ax.invert_yaxis()
    locator = AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.set_title("Timeline of dated facts (bar = the period a fact is about; arrow = still open)", fontsize=10,
                 loc="left")
    used = [p for p in COLOURS if any(e.get("precision") == p for e in entries)]
    ax.legend(handles=[Patch(facecolor=COLOURS[p], edgecolor="#333333", label=p.replace("_", " ")) for p in used],
              title="precision", fontsize=7, title_fontsize=7, loc="lower left")
    fig.tight_layout()
    return fig


def _label(text: str) -> str:
    text = without_bidi(text)
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


# Labels are article text: drawn as written, never as mathtext (a '$' in a fact crashed the chart).
PLAIN_TEXT = {"text.parse_math": False, "text.usetex": False}


SVG_SETTINGS = {"svg.hashsalt": "consilience", "svg.fonttype": "none"}  # fixed ids, text as text


def timeline_svg(entries: list[dict[str, Any]]) -> bytes:
    with matplotlib.rc_context({**SVG_SETTINGS, **PLAIN_TEXT}):
        return _saved(timeline_figure(entries), "svg")


def timeline_png(entries: list[dict[str, Any]]) -> bytes:
    with matplotlib.rc_context(PLAIN_TEXT):
        return _saved(timeline_figure(entries), "png")


def timeline_drawings(entries: list[dict[str, Any]]) -> tuple[bytes, bytes]:
    """The SVG and the PNG of one figure, laid out once: the bytes ``timeline_svg`` and
    ``timeline_png`` give (the SVG settings do not reach the PNG writer; a test compares them)."""
    with matplotlib.rc_context({**SVG_SETTINGS, **PLAIN_TEXT}):
        figure = timeline_figure(entries)
        return _saved(figure, "svg"), _saved(figure, "png")


def _saved(figure: Figure, form: str) -> bytes:
    """``figure`` as ``form`` with no date or software version written in it."""
    buf = io.BytesIO()
    figure.savefig(buf, format=form, metadata={"Date": None, "Creator": None} if form == "svg" else {"Software": None})
    return buf.getvalue()
