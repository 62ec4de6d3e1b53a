"""date_inconsistency: an article dates a day to one year while its story (or its own text) puts the
same day in another, e.g. references dated 2024 for events the other reports date 2025.
machine_generated_suspected: template text left in and contradictory dates, together."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from ..records import Article, Flag
from ..timex import anchor_of, mentions, resolved

_EXPLICIT = {"iso", "ymd", "mdy", "dmy"}
_YEARLESS = {"md", "dm"}


def with_date_flags(articles: Sequence[Article], groups: Sequence[Sequence[str]]) -> list[Article]:
    by_id = {a.id: a for a in articles}
    flagged: dict[str, Article] = {}
    for group in groups:
        days = {i: _story_days(by_id[i]) for i in group}
        for art_id in group:
            a = by_id[art_id]
            others = {d: (i, text) for i in group for d, text in days[i].items() if i != art_id}
            others.update({d: (art_id, text) for d, text in days[art_id].items()})
            flags = _inconsistencies(a, others)
            if flags:
                flagged[art_id] = replace(a, flags=a.flags + tuple(flags))
    out = [flagged.get(a.id, a) for a in articles]
    return [_machine_flagged(a) for a in out]


def _story_days(a: Article) -> dict[date, str]:
    """Days this article places without printing a year, resolved with its publication date."""
    anchor = anchor_of(a.published)
    found: dict[date, str] = {}
    for m in mentions(a.text):
        if m.kind in _YEARLESS and anchor is not None:
            iv = resolved(m, anchor)
            if iv is not None:
                found[iv.start] = m.text
    return found


def _inconsistencies(a: Article, story_days: dict[date, tuple[str, str]]) -> list[Flag]:
    evidence = []
    for piece in (a.text, *a.removed):
        for m in mentions(piece):
            if m.kind not in _EXPLICIT:
                continue
            iv = resolved(m, None)
            if iv is None:
                continue
            for day, (other, text) in story_days.items():
                if (day.month, day.day) == (iv.start.month, iv.start.day) and day.year != iv.start.year:
                    where = "this article" if other == a.id else f"article {other}"
                    evidence.append(f"'{m.text}' gives {iv.start.year}, but '{text}' in {where} is {day.isoformat()}")
    if not evidence:
        return []
    return [Flag("date_inconsistency", "dates contradict the story's own timeline", "; ".join(sorted(set(evidence))))]


def _machine_flagged(a: Article) -> Article:
    codes = {f.code for f in a.flags}
    if {"placeholder_text", "date_inconsistency"} <= codes and "machine_generated_suspected" not in codes:
        flag = Flag("machine_generated_suspected", "template text left in and self-contradictory dates",
                    "flags: placeholder_text, date_inconsistency")
        return replace(a, flags=a.flags + (flag,))
    return a
