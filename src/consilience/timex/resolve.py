"""Resolve a time Mention against the article's publication date (or its range) to a date interval.

Pure functions, no NLP. Conventions, each tested in tests/timex:
- parts of a month: early = 1-10, mid = 11-20, late = 21-end; of a year: early = Jan-Apr,
  mid = May-Aug, late = Sep-Dec;
- a month or day given without a year is the nearest occurrence to the anchor, with the past
  preferred 2:1 (news mostly looks back): "November" in a February article is last November;
- a bare weekday ("said Tuesday") is the latest such day on or before publication;
- "since X" starts at X and has an open end;
- a range ("between 2011 and 2014", "from June to July") runs from the start of its first end to
  the end of its last; a first end without a year takes it from the last ("Nov-Feb 2017" starts in
  November 2016), and the range's precision is the coarser of its ends'.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .recognize import MONTHS, NUMBER_WORDS, UNITS, WEEKDAYS, Mention

PRECISION_ORDER = ("day", "week", "part_of_month", "month", "part_of_year", "year")


@dataclass(frozen=True)
class Anchor:
    """When the article was written: one day, or a range when only that is known."""

    earliest: date
    latest: date

    @property
    def mid(self) -> date:
        return self.earliest + (self.latest - self.earliest) / 2


@dataclass(frozen=True)
class Interval:
    start: date
    end: date | None
    precision: str

    def opened(self) -> Interval:
        return Interval(self.start, None, self.precision)


def resolved(mention: Mention, anchor: Anchor | None) -> Interval | None:
    """The dates ``mention`` refers to, or None when it needs an anchor that is missing."""
    if mention.ends is not None:
        return _range(*mention.ends, anchor)
    interval = _resolve(mention.kind, mention.parts, anchor)
    if interval is None:
        return None
    return interval.opened() if mention.since else interval


def _range(first: Mention, last: Mention, anchor: Anchor | None) -> Interval | None:
    """From the start of ``first`` to the end of ``last``; ``first`` placed before ``last``
    when it needs an anchor ("from Monday to Friday", "from June to July 2014")."""
    end = resolved(last, anchor)
    if end is None:
        return None
    start = resolved(first, None) or resolved(replace(first, parts={**first.parts, "tense": "past"}),
                                              Anchor(end.start, end.start))
    if start is None or start.start > end.start:
        return None
    return Interval(start.start, end.end or end.start, coarser(start.precision, end.precision))


def coarser(a: str, b: str) -> str:
    """The coarser of two precisions ("day" and "month" -> "month")."""
    return max(a, b, key=PRECISION_ORDER.index)


def _resolve(kind: str, p: dict[str, str], anchor: Anchor | None) -> Interval | None:
    if kind == "year_range":
        return Interval(date(int(p["year"]), 1, 1), date(int(p["year2"]), 12, 31), "year")
    if kind in ("md_range", "dm_range", "month_range") and (p.get("year") or anchor is not None):
        return _short_range(kind, p, anchor)
    if kind == "iso":
        return _day(int(p["year"]), int(p["mnum"]), int(p["day"]))
    if kind in ("ymd", "mdy", "dmy"):
        return _day(int(p["year"]), _month(p["month"]), int(p["day"]))
    if kind == "bare_year":
        return _year_interval(int(p["year"]), None)
    if kind == "quarter" and p.get("year"):
        return _quarter(int(p["year"]), _QUARTERS[p["qord"].lower()])
    if kind == "month_year":
        return _month_interval(int(p["year"]), _month(p["month"]))
    if kind == "part_year":
        return _part_of_year(int(p["year"]), p["part"])
    if kind == "year":
        return _year_interval(int(p["year"]), p.get("prep"))
    if anchor is None:
        return None
    return _relative(kind, p, anchor)


def _relative(kind: str, p: dict[str, str], anchor: Anchor) -> Interval | None:
    if kind in ("md", "dm"):
        month, day = _month(p["month"]), int(p["day"])
        year = _year_of(month, anchor, p.get("yrel"), days=(day, day), tense=p.get("tense"))
        return _day(year, month, day)
    if kind == "part_month":
        month = _month(p["month"])
        year = int(p["year"]) if p.get("year") else _year_of(month, anchor, p.get("yrel"), tense=p.get("tense"),
                                                             days=_PART_DAYS[_part_word(p["part"])])
        return _part_of_month(year, month, p["part"])
    if kind == "part_rel_year":
        return _part_of_year(anchor.mid.year + _REL_YEAR[p["yrel2"].lower()], p["part"])
    if kind in ("month", "month_rel_year", "rel_month_name"):
        month = _month(p["month"])
        rel = p.get("yrel") or ("last" if (p.get("rel") or p.get("prep") or "").lower() in ("last", "past", "previous") else None)
        return _month_interval(_year_of(month, anchor, rel, strict_past=rel == "last" and kind != "month_rel_year",
                                        tense=p.get("tense")), month)
    if kind == "quarter":  # "the third quarter": the latest one that has begun
        q = _QUARTERS[p["qord"].lower()]
        ref = anchor.mid
        return _quarter(ref.year if 3 * q - 2 <= ref.month else ref.year - 1, q)
    if kind == "rel_year":
        return _year_interval(anchor.mid.year + _REL_YEAR[p["yrel"].lower()], None)
    if kind == "rel_unit":
        return _rel_unit(p["rel"].lower(), UNITS[p["unit"].lower()], anchor)
    if kind == "ago":
        return _ago(p["num"].lower(), UNITS[p["unit"].lower()], anchor)
    if kind == "weekday":
        rel = (p.get("wrel") or "").lower()  # "on", "since": no direction of their own
        rel = rel if rel in ("last", "this", "next") else ("coming" if p.get("tense") == "future" else "")
        return _weekday(WEEKDAYS[p["weekday"].lower()], rel, anchor)
    if kind == "deictic":
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[p["deictic"].lower()]
        return _span(anchor.earliest + timedelta(shift), anchor.latest + timedelta(shift), "day")
    return None


def _short_range(kind: str, p: dict[str, str], anchor: Anchor | None) -> Interval | None:
    """"June 3-5", "3-5 June", "Jan-Feb 2017": the year, when not written, of the last end."""
    last_month = _month(p["month2"] if kind == "month_range" else p["month"])
    if p.get("year"):
        year = int(p["year"])
    elif anchor is not None:
        days = (int(p["day"]), int(p["day2"])) if "day2" in p else (1, 31)
        year = _year_of(last_month, anchor, None, days=days, tense=p.get("tense"))
    else:
        return None
    if kind == "month_range":
        first = _month(p["month"])
        start = _month_interval(year if first < last_month else year - 1, first).start
        return Interval(start, _month_interval(year, last_month).end, "month")
    lo, hi = _day(year, last_month, int(p["day"])), _day(year, last_month, int(p["day2"]))
    return Interval(lo.start, hi.end, "day") if lo and hi else None


_REL_YEAR = {"last": -1, "this": 0, "next": 1, "past": -1, "previous": -1, "coming": 1}


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _day(year: int, month: int, day: int) -> Interval | None:
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    return Interval(d, d, "day")


def _span(start: date, end: date, precision: str) -> Interval:
    return Interval(start, end, precision if start != end else "day")


def _month_interval(year: int, month: int) -> Interval:
    return Interval(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month")


def _year_interval(year: int, prep: str | None) -> Interval:
    lo, hi = date(year, 1, 1), date(year, 12, 31)
    if prep and prep.lower() == "early":
        return Interval(lo, date(year, 4, 30), "part_of_year")
    if prep and prep.lower() == "late":
        return Interval(date(year, 9, 1), hi, "part_of_year")
    return Interval(lo, hi, "year")


_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _quarter(year: int, q: int) -> Interval:
    last = 3 * q
    return Interval(date(year, last - 2, 1), date(year, last, calendar.monthrange(year, last)[1]), "part_of_year")


def _part_word(part: str) -> str:
    """'the end of' -> 'end', 'mid' -> 'mid'."""
    return next(w for w in part.lower().split() if w not in ("the", "of"))


_PART_DAYS = {"early": (1, 10), "beginning": (1, 10), "start": (1, 10), "mid": (11, 20), "middle": (11, 20),
              "late": (21, 31), "end": (21, 31)}


def _part_of_month(year: int, month: int, part: str) -> Interval:
    lo, hi = _PART_DAYS[_part_word(part)]
    return Interval(date(year, month, lo), date(year, month, min(hi, calendar.monthrange(year, month)[1])),
                    "part_of_month")


def _part_of_year(year: int, part: str) -> Interval:
    word = _part_word(part)
    lo, hi = {"early": (1, 4), "beginning": (1, 4), "start": (1, 4), "mid": (5, 8), "middle": (5, 8),
              "late": (9, 12), "end": (9, 12)}[word]
    return Interval(date(year, lo, 1), date(year, hi, calendar.monthrange(year, hi)[1]), "part_of_year")


def _year_of(month: int, anchor: Anchor, rel: str | None, *, days: tuple[int, int] = (1, 31),
             strict_past: bool = False, tense: str | None = None) -> int:
    """The year of a month named without one: explicit "last/this/next year", else the nearest:
    when the sentence speaks of the future, the nearest not yet over at the anchor; of the past,
    the latest begun by it; else the nearest to its middle, the past preferred 2:1. ``days``: the
    first and last day meant in the month (a named day, a part of the month, the whole month)."""
    ref = anchor.mid
    if rel:
        offset = _REL_YEAR[rel.lower()]
        if strict_past:  # "last November": the latest November before the anchor's month
            return ref.year if month < ref.month else ref.year - 1
        return ref.year + offset

    def offset(y: int, day: int) -> int:
        return (date(y, month, min(day, calendar.monthrange(y, month)[1])) - ref).days

    def cost(y: int) -> float:
        if tense == "past":
            return -offset(y, days[0]) if offset(y, days[0]) <= 0 else 10_000
        if tense == "future":
            return offset(y, days[1]) if offset(y, days[1]) >= 0 else 10_000
        middle = offset(y, (days[0] + days[1]) // 2 if days != (1, 31) else 15)
        return -middle if middle <= 0 else 2 * middle

    return min((ref.year - 1, ref.year, ref.year + 1), key=cost)


def _rel_unit(rel: str, unit: str, anchor: Anchor) -> Interval | None:
    step = _REL_YEAR.get(rel, 0)
    if unit == "month":
        lo = _add_months(anchor.earliest, step)
        hi = _add_months(anchor.latest, step)
        return Interval(lo.replace(day=1), hi.replace(day=calendar.monthrange(hi.year, hi.month)[1]), "month")
    if unit == "year":
        return Interval(date(anchor.earliest.year + step, 1, 1), date(anchor.latest.year + step, 12, 31), "year")
    if unit == "week":
        lo = anchor.earliest + timedelta(weeks=step)
        hi = anchor.latest + timedelta(weeks=step)
        return Interval(lo - timedelta(lo.weekday()), hi + timedelta(6 - hi.weekday()), "week")
    if unit == "day":
        return _span(anchor.earliest + timedelta(step), anchor.latest + timedelta(step), "day")
    return None


def _ago(num: str, unit: str, anchor: Anchor) -> Interval | None:
    n = int(num) if num.isdigit() else NUMBER_WORDS.get(num, 1)
    if unit == "month":
        lo, hi = _add_months(anchor.earliest, -n), _add_months(anchor.latest, -n)
        return Interval(lo.replace(day=1), hi.replace(day=calendar.monthrange(hi.year, hi.month)[1]), "month")
    if unit in ("year", "decade"):
        years = n * (10 if unit == "decade" else 1)
        return Interval(date(anchor.earliest.year - years, 1, 1), date(anchor.latest.year - years, 12, 31), "year")
    days = n * (7 if unit == "week" else 1)
    lo, hi = anchor.earliest - timedelta(days), anchor.latest - timedelta(days)
    return _span(lo - timedelta(3) if unit == "week" else lo, hi + timedelta(3) if unit == "week" else hi,
                 "week" if unit == "week" else "day")


def _weekday(wd: int, rel: str, anchor: Anchor) -> Interval:
    """The latest such weekday on or before publication; "next Tuesday" is the first after it, and
    a weekday in a future sentence ("will meet Thursday", ``rel == "coming"``) the first on or after it."""
    if rel == "coming":
        return _span(anchor.earliest + timedelta(days=(wd - anchor.earliest.weekday()) % 7),
                     anchor.latest + timedelta(days=(wd - anchor.latest.weekday()) % 7), "day")
    if rel == "next":
        lo = anchor.earliest + timedelta(days=(wd - anchor.earliest.weekday() - 1) % 7 + 1)
        hi = anchor.latest + timedelta(days=(wd - anchor.latest.weekday() - 1) % 7 + 1)
        return _span(lo, hi, "day")
    back = 7 if rel == "last" else 0  # "last Friday" said on a Friday is a week before
    lo = anchor.earliest - timedelta(days=(anchor.earliest.weekday() - wd) % 7 or back)
    hi = anchor.latest - timedelta(days=(anchor.latest.weekday() - wd) % 7 or back)
    return _span(lo, hi, "day")


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))
