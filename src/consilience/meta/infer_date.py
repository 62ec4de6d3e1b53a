"""Publication dates for undated articles, from their story and their own references.

For an article with no date in metadata or print, and a story with dated members:
1. the window is the dated members' range, widened by ``WINDOW_DAYS`` each side;
2. a wire dateline's day ("SEOUL, Feb 7 (Yonhap) -") placed in the window is the day it was filed;
3. else the article's own absolute references bound it (``own_bounds``): it was written no earlier
   than the latest day it reports as past ("on Jan. 30", "Jan. 20, 2017") and no later than the
   end of the earliest it announces as coming ("will leave at the end of February"). A deadline
   ("by May 9") bounds nothing;
4. the range is the window cut by those bounds. When the article's own references contradict
   the window (it reports as past a day after the story's reports), they win and the range is
   theirs alone, open where they say nothing; when they contradict each other, the window stays;
5. a reporting weekday ("said Tuesday") narrows nothing: which week it falls in is a guess, and a
   guessed week was the commonest confident wrong range (bench/inferred_dates.py: ranges holding the
   true day 96 -> 104 of 116 development reports, 37 -> 41 of 51 held-out, once it was dropped);
6. the result is a range (``earliest``/``latest``, basis ``inferred``), a single day only when the
   evidence narrows it to one, and ``unknown`` when nothing bounds it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..clean.dateline import dateline_in
from ..records import Article, Published
from ..timex import Anchor, Mention, mentions, resolved
from ..timex.recognize import _future_context as future_context  # the recognizer's own future cues, one list

WINDOW_DAYS = 14
# References that name a day or a month: only these bound a publication date (a bare year is too
# loose, and "in 2019" reads as past and coming alike).
_ABSOLUTE = {"md", "dm", "part_month", "month", "month_rel_year", "rel_month_name", "iso", "ymd", "mdy", "dmy",
             "month_year"}
# A yearless reference resolved in the window counts as past when it lies at most this far before it
# (calibrated with bench/inferred_dates.py: "on Dec. 2" in a story of mid-December).
YEARLESS_LOOKBACK_DAYS = 60
# ... and only in a story window of at most this many days (bench/inferred_dates.py, development
# topics: 45-180 days all hold the true day in 102-104 of 110 reports; without a limit, yearless days
# misplaced in multi-year stories put ranges a year off).
YEARLESS_MAX_WINDOW_DAYS = 90
_DEADLINE = re.compile(r"\b(?:by|until|till|before|through|no later than)\s+(?:the\s+|a\s+)?$|\bdeadline\b[^.]{0,20}$",
                       re.I)
# After a date, the words that make it a day still to come: "a May 19 due date", "the May 9 deadline".
_COMING_AFTER = re.compile(r"[\s,]*(?:deadlines?\b|due\b|is\s+(?:due|set|scheduled|expected)\b)", re.I)

@dataclass(frozen=True)
class Bounds:
    """What an article's own dated references say of when it was written."""

    after: date | None = None   # the latest day it reports as past: written on or after it
    before: date | None = None  # the end of the earliest it announces as coming: written on or before it


def dated_from_story(articles: Sequence[Article], groups: Sequence[Sequence[str]]) -> list[Article]:
    by_id = {a.id: a for a in articles}
    updated: dict[str, Article] = {}
    for group in groups:
        known = [by_id[i].published for i in group if by_id[i].published.basis in ("metadata", "text")]
        days = [p.date for p in known if p.date]
        if not days:
            continue
        window = Anchor(min(days) - timedelta(WINDOW_DAYS), max(days) + timedelta(WINDOW_DAYS))
        for art_id in group:
            a = by_id[art_id]
            if a.published.basis == "unknown":
                filed = _dateline_day(a, window)
                updated[art_id] = replace(a, published=filed or inferred_published(a.text, window))
    return [updated.get(a.id, a) for a in articles]


def inferred_published(text: str, window: Anchor) -> Published:
    own = own_bounds(text, window)
    earliest, latest = _range(own, window)
    if earliest is None and latest is None:
        return Published()
    day = earliest if earliest == latest else None
    return Published(date=day, earliest=earliest, latest=latest, basis="inferred")


def own_bounds(text: str, window: Anchor) -> Bounds:
    """The article's latest past reference and the end of its earliest coming one (``Bounds``)."""
    past: list[date] = []
    coming: list[date] = []
    for m in mentions(text):
        if m.kind not in _ABSOLUTE or _is_deadline(m, text):
            continue
        iv = resolved(m, window)
        if iv is None:
            continue
        if _is_coming(m, text):
            coming.append(iv.end or iv.start)
        elif "year" in m.parts or (_yearless_fits(window)
                                   and window.earliest - timedelta(YEARLESS_LOOKBACK_DAYS) <= iv.start <= window.latest):
            past.append(iv.start)
    return Bounds(after=max(past) if past else None, before=min(coming) if coming else None)


def _yearless_fits(window: Anchor) -> bool:
    """Whether "June 8" without a year can be placed: in a story spread over more than a few months the
    same day-of-year falls in two years' worth of candidates."""
    return (window.latest - window.earliest).days <= YEARLESS_MAX_WINDOW_DAYS


def _is_deadline(m: Mention, text: str) -> bool:
    """"by May 9", "until March": a limit, not a day anything happened or will."""
    return (m.parts.get("since") or "").lower() in ("by", "until") or \
        _DEADLINE.search(text, max(0, m.start - 20), m.start) is not None


def _is_coming(m: Mention, text: str) -> bool:
    return m.parts.get("tense") == "future" or future_context(text, m.start) or \
        _COMING_AFTER.match(text, m.end) is not None


def _range(own: Bounds, window: Anchor) -> tuple[date | None, date | None]:
    """The window cut by the article's own bounds; theirs alone when they leave nothing of it."""
    if own.after and own.before and own.after > own.before:
        return window.earliest, window.latest  # its references contradict each other: they say nothing
    earliest = max(window.earliest, own.after) if own.after else window.earliest
    latest = min(window.latest, own.before) if own.before else window.latest
    if earliest < latest or earliest == latest == own.after == own.before:
        return earliest, latest
    # The article's own dates and its story's disagree (or meet only at the window's edge): one of
    # them is wrong and nothing tells which, so no date rather than a confident wrong one.
    return None, None


def _dateline_day(a: Article, window: Anchor) -> Published | None:
    """A wire dateline's "Feb 7" with the year that puts it inside the story's window."""
    dateline = dateline_in(a.removed)
    filed = dateline.filed(window) if dateline else None
    if filed is None or not window.earliest <= filed <= window.latest:
        return None
    return Published(date=filed, earliest=filed, latest=filed, basis="inferred")
