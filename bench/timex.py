"""Time-expression resolution on TempEval-3 (TBAQ-cleaned TimeML, gold TIMEX3 values).

    .venv/bin/python bench/timex.py [--data ../shared/data/tempeval3-train/TBAQ-cleaned] [--show 15]

For every gold TIMEX3 of type DATE whose value names a whole calendar span (YYYY, YYYY-MM,
YYYY-MM-DD, YYYY-Wnn, YYYY-Qn, YYYY-H1/2, seasons) the gold value becomes an interval. Then:

- recognition recall: a mention of ours overlaps the gold span;
- resolution accuracy: our interval, resolved against the document creation time, equals the
  gold interval exactly; also "lenient" (the two overlap);
- the same accuracy for dateparser (RELATIVE_BASE = creation time) on the gold strings, as a
  reference: dateparser returns one day, so it is scored on start date and on whether its day
  falls inside the gold interval.

Underspecified values (1998-10-XX), PRESENT_REF/PAST_REF and durations are counted but not scored.
"""

from __future__ import annotations

import argparse
import re
import time
import xml.etree.ElementTree as ET
from calendar import monthrange
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import dateparser

from consilience.timex import Anchor, mentions, resolved

DATA = Path("../shared/data/tempeval3-train/TBAQ-cleaned")
SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11)}


@dataclass(frozen=True)
class Gold:
    doc: str
    start: int
    end: int
    text: str
    value: str
    dct: date


def gold_interval(value: str) -> tuple[date, date] | None:
    """The calendar span a TIMEX3 value names, or None when it names none exactly."""
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return d, d
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        y, mo = int(m[1]), int(m[2])
        return date(y, mo, 1), date(y, mo, monthrange(y, mo)[1])
    if m := re.fullmatch(r"(\d{4})", value):
        return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return monday, monday + timedelta(days=6)
    if m := re.fullmatch(r"(\d{4})-Q(\d)", value):
        y, q = int(m[1]), int(m[2])
        return date(y, 3 * q - 2, 1), date(y, 3 * q, monthrange(y, 3 * q)[1])
    if m := re.fullmatch(r"(\d{4})-H(\d)", value):
        y, h = int(m[1]), int(m[2])
        return (date(y, 1, 1), date(y, 6, 30)) if h == 1 else (date(y, 7, 1), date(y, 12, 31))
    if (m := re.fullmatch(r"(\d{4})-(SP|SU|FA|AU)", value)):
        lo, hi = SEASONS[m[2]]
        y = int(m[1])
        return date(y, lo, 1), date(y, hi, monthrange(y, hi)[1])
    return None


def read_timeml(path: Path) -> tuple[str, list[Gold]]:
    root = ET.parse(path).getroot()
    dct_el = root.find("DCT/TIMEX3")
    dct = date.fromisoformat(dct_el.get("value", "")[:10]) if dct_el is not None else None
    text_el = root.find("TEXT")
    if text_el is None or dct is None:
        return "", []
    pieces: list[str] = []
    golds: list[Gold] = []

    def walk(el: ET.Element) -> None:
        start = sum(map(len, pieces))
        pieces.append(el.text or "")
        for child in el:
            walk(child)
            pieces.append(child.tail or "")
        if el.tag == "TIMEX3" and el.get("type") == "DATE":
            end = sum(map(len, pieces))
            golds.append(Gold(path.stem, start, end, "".join(pieces)[start:end], el.get("value", ""), dct))

    walk(text_el)
    return "".join(pieces), golds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--show", type=int, default=15, help="print this many wrong resolutions")
    args = ap.parse_args()
    files = sorted(args.data.rglob("*.tml"))
    if not files:
        raise SystemExit(f"no .tml files under {args.data}; pass --data")
    counts: Counter[str] = Counter()
    wrong: list[str] = []
    t0 = time.perf_counter()
    for path in files:
        text, golds = read_timeml(path)
        found = mentions(text)
        for g in golds:
            counts["date timexes"] += 1
            interval = gold_interval(g.value)
            hit = next((m for m in found if m.start < g.end and g.start < m.end), None)
            counts["recognized"] += hit is not None
            if interval is None:
                counts["unscorable value (XX, REF, ...)"] += 1
                continue
            counts["scorable"] += 1
            counts["scorable recognized"] += hit is not None
            anchor = Anchor(g.dct, g.dct)
            ours = resolved(hit, anchor) if hit else None
            if ours is not None:
                end = ours.end or ours.start
                exact = (ours.start, end) == interval
                counts["ours exact"] += exact
                counts["ours overlap"] += ours.start <= interval[1] and interval[0] <= end
                if hit is not None and hit.text.strip() == g.text.strip():
                    counts["same span"] += 1
                    counts["same span exact"] += exact
                if not exact and len(wrong) < args.show:
                    wrong.append(f"  {g.doc}: {g.text!r} (ours {hit.text!r}) gold {g.value} -> "
                                 f"ours {ours.start}..{end} [{ours.precision}]")
            theirs = dateparser.parse(g.text, languages=["en"], settings={
                "RELATIVE_BASE": datetime.combine(g.dct, datetime.min.time()), "PREFER_DATES_FROM": "past"})
            if theirs is not None:
                counts["dateparser parsed"] += 1
                counts["dateparser start exact"] += theirs.date() == interval[0]
                counts["dateparser inside"] += interval[0] <= theirs.date() <= interval[1]
    elapsed = time.perf_counter() - t0
    n, s = counts["date timexes"], counts["scorable"]
    print(f"TempEval-3 TBAQ-cleaned: {len(files)} documents, {n} DATE timexes, {s} with a whole-span value "
          f"({elapsed:.1f} s)")
    print(f"recognition recall (overlap, all DATE)      {counts['recognized'] / n:.3f}")
    print(f"recognition recall (scorable)               {counts['scorable recognized'] / s:.3f}")
    print(f"consilience exact interval / scorable       {counts['ours exact'] / s:.3f}")
    print(f"consilience exact interval / recognized     {counts['ours exact'] / max(counts['scorable recognized'], 1):.3f}")
    print(f"consilience overlapping interval / scorable {counts['ours overlap'] / s:.3f}")
    print(f"  same span as gold: {counts['same span']}, of which exact {counts['same span exact']}")
    print(f"dateparser start date exact / scorable      {counts['dateparser start exact'] / s:.3f}")
    print(f"dateparser day inside gold / scorable       {counts['dateparser inside'] / s:.3f}")
    if wrong:
        print("some wrong resolutions:")
        print("\n".join(wrong))


if __name__ == "__main__":
    main()
