"""date_inconsistency: an article dates a day to one year while its story (or its own text) puts the
same day in another, e.g. references dated 2024 for events the other reports date 2025.
machine_generated_suspected: template text left in and contradictory dates, together."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from ..records import Article, Flag
from ..timex import Mention, anchor_of, mentions, resolved

_EXPLICIT = {"iso", "ymd", "mdy", "dmy"}
_YEARLESS = {"md", "dm"}


@dataclass(frozen=True)
class DateMarks:
    """What the date flags read of one article, found once (``date_marks``): the days it names
    without a year (``yearless``, resolved against its publication date when flagging) and the
    days it prints with one (``explicit``: day and words, in its text and in what cleaning removed)."""

    yearless: tuple[Mention, ...] = ()
    explicit: tuple[tuple[date, str], ...] = ()

    def to_json(self) -> str:
        return json.dumps({"yearless": [[m.start, m.end, m.text, m.kind, m.parts, m.since] for m in self.yearless],
                           "explicit": [[d.isoformat(), t] for d, t in self.explicit]}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> DateMarks:
        d = json.loads(text)
        return cls(yearless=tuple(Mention(start=s, end=e, text=t, kind=k, parts=dict(p), since=bool(since))
                                        for s, e, t, k, p, since in d["yearless"]),
                   explicit=tuple((date.fromisoformat(day), t) for day, t in d["explicit"]))


def date_marks(a: Article) -> DateMarks:
    """The time expressions of ``a`` the date flags need: a per-article step, run once when it is stored."""
    in_text = mentions(a.text)
    yearless = tuple(m for m in in_text if m.kind in _YEARLESS)
    explicit = []
    for found in (in_text, *(mentions(piece) for piece in a.removed)):
        for m in found:
            iv = resolved(m, None) if m.kind in _EXPLICIT else None
            if iv is not None:
                explicit.append((iv.start, m.text))
    return DateMarks(yearless, tuple(explicit))


def with_date_flags(articles: Sequence[Article], groups: Sequence[Sequence[str]],
                    marks: Mapping[str, DateMarks] | None = None) -> list[Article]:
    """Flags from comparing each article's dates with its story's: linear in the story's articles.
    ``marks``: the articles' ``date_marks`` when found before; the others are found here."""
    by_id = {a.id: a for a in articles}
    known = marks or {}
    flagged: dict[str, Article] = {}
    for group in groups:
        found = {i: known.get(i) or date_marks(by_id[i]) for i in group}
        days = {i: _story_days(by_id[i], found[i]) for i in group}
        holders: dict[date, list[tuple[str, str]]] = defaultdict(list)  # day -> (article, words), in story order
        for i in group:
            for d, text in days[i].items():
                holders[d].append((i, text))
        same_date: dict[tuple[int, int], list[date]] = defaultdict(list)
        for d in holders:
            same_date[(d.month, d.day)].append(d)
        for art_id in group:
            flags = _inconsistencies(art_id, found[art_id], days[art_id], holders, same_date)
            if flags:
                a = by_id[art_id]
                flagged[art_id] = replace(a, flags=a.flags + tuple(flags))
    out = [flagged.get(a.id, a) for a in articles]
    return [_machine_flagged(a) for a in out]


def _story_days(a: Article, marks: DateMarks) -> dict[date, str]:
    """Days this article places without printing a year, resolved with its publication date."""
    anchor = anchor_of(a.published)
    found: dict[date, str] = {}
    if anchor is None:
        return found
    for m in marks.yearless:
        iv = resolved(m, anchor)
        if iv is not None:
            found[iv.start] = m.text
    return found


def _inconsistencies(art_id: str, marks: DateMarks, own: dict[date, str],
                     holders: Mapping[date, list[tuple[str, str]]],
                     same_date: Mapping[tuple[int, int], list[date]]) -> list[Flag]:
    """A printed day whose month and day the story places in another year. The story's word for a
    day is this article's own when it has one, else the last other article's that names it."""
    evidence = []
    for printed, words in marks.explicit:
        for day in same_date.get((printed.month, printed.day), ()):
            if day.year == printed.year:
                continue
            other, text = (art_id, own[day]) if day in own else next(h for h in reversed(holders[day]) if h[0] != art_id)
            where = "this article" if other == art_id else f"article {other}"
            evidence.append(f"'{words}' gives {printed.year}, but '{text}' in {where} is {day.isoformat()}")
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
