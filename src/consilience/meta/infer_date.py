"""Publication dates for undated articles, from their story and their own references.

For an article with no date in metadata or print, and a story with dated members:
1. the window is the dated members' range, widened by ``WINDOW_DAYS`` each side;
2. the article's own absolute references (Jan. 30, early February) are resolved in that window;
   it was written no earlier than the latest of them that falls inside the window;
3. a reporting weekday ("said Tuesday") puts publication within six days after the first such
   weekday on or after that lower bound; without a reference of its own, the week starting on
   the such weekday nearest the middle of the story's dated reports;
4. the result is a range (``earliest``/``latest``, basis ``inferred``) unless it narrows to one day.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from ..clean.dateline import dateline_in
from ..records import Article, Published
from ..timex import Anchor, mentions, resolved

WINDOW_DAYS = 14
_ABSOLUTE = {"md", "dm", "part_month", "month", "month_rel_year", "rel_month_name", "iso", "ymd", "mdy", "dmy",
             "month_year"}
_REPORTING_WEEKDAY = re.compile(
    r"\b(?:said|told|announced|revealed|reported|stated|confirmed|claimed|warned|added|On)\b[^.]{0,60}?\b"
    r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b,?\s+(?:\w+\s+){0,6}?(?:said|told|announced|revealed|reported)")
_WEEKDAY_NUM = {d: i for i, d in enumerate(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])}


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
    reference = _latest_reference(text, window)
    lower = reference or window.earliest
    earliest, latest = max(lower, window.earliest), window.latest
    weekday = _reporting_weekday(text)
    if weekday is not None and reference is None:
        # No date of its own: reports of one story cluster in time, so the week of that weekday
        # nearest the middle of the story's dated reports.
        centre = window.earliest + (window.latest - window.earliest) / 2
        days = [window.earliest + timedelta(d) for d in range((window.latest - window.earliest).days + 1)]
        first = min((d for d in days if d.weekday() == weekday), key=lambda d: (abs((d - centre).days), d))
        earliest, latest = first, min(first + timedelta(6), window.latest)
    elif weekday is not None:
        first = lower + timedelta(days=(weekday - lower.weekday()) % 7)
        if window.earliest <= first <= window.latest:
            earliest, latest = first, min(first + timedelta(6), window.latest)
        else:
            earliest = max(earliest, first)
    if earliest > latest:
        earliest = latest
    if earliest == latest:
        return Published(date=earliest, earliest=earliest, latest=latest, basis="inferred")
    return Published(date=None, earliest=earliest, latest=latest, basis="inferred")


def _dateline_day(a: Article, window: Anchor) -> Published | None:
    """A wire dateline's "Feb 7" with the year that puts it inside the story's window."""
    dateline = dateline_in(a.removed)
    filed = dateline.filed(window) if dateline else None
    if filed is None or not window.earliest <= filed <= window.latest:
        return None
    return Published(date=filed, earliest=filed, latest=filed, basis="inferred")


def _latest_reference(text: str, window: Anchor) -> date | None:
    starts = []
    for m in mentions(text):
        if m.kind not in _ABSOLUTE:
            continue
        iv = resolved(m, window)
        if iv is not None and window.earliest - timedelta(60) <= iv.start <= window.latest:
            starts.append(iv.start)
    return max(starts) if starts else None


def _reporting_weekday(text: str) -> int | None:
    m = _REPORTING_WEEKDAY.search(text)
    if not m:
        return None
    return _WEEKDAY_NUM[m.group(1) or m.group(2)]
