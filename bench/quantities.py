"""Numbers and date ranges on public test specs nobody here wrote (quantulum3, Microsoft Recognizers-Text).

    .venv/bin/python bench/quantities.py [--data ../shared/data] [--show 10]

Four figures, each on a development part and a held-out part (a quarter of the cases, chosen by a
hash of the input text, never looked at while tuning; see ``held_out``):

1. **values**: Recognizers-Text ``Number/NumberModel.json`` phrases with one number ("two dozen",
   "1.5 million", "one hundred and six"): ``number_value`` of the gold text equals the gold value.
2. **quantities in sentences**: quantulum3 ``quantities.json`` and ``quantities.ambiguity.json``,
   Recognizers-Text ``CurrencyModel.json`` and ``PercentModel.json``: the sentence goes through the
   same steps as a claim (time expressions excluded, parsed, ``quantities_in``); recall is the share
   of gold quantities we give with the same value (1% tolerance: quantulum's range midpoints),
   precision the share of ours that match a gold one (on quantulum3's cases only, the one set that
   marks every quantity of its sentences), and kind the share of matched ones whose kind
   (money, percent, count or measure) agrees with the gold unit. Gold quantities of time units
   ("three days", "2 years") are durations, not counts, and are not scored.
3. **number ranges**: Recognizers-Text ``NumberRangeModel.json``: a quantity with both gold ends.
4. **date ranges**: Recognizers-Text ``DateTime/DateTimeModel.json`` date ranges written with two
   ends ("between 2014 and 2018", "from March to May", "Jan-Feb 2017"): one time expression of ours
   covering the gold start whose interval starts on the gold start and ends on the gold end (the
   specs end a range at the start of its last unit, or the day after it; either is accepted), and
   any of the gold's alternative values (past or coming) counts.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from consilience.claims.parse import parsed
from consilience.claims.quantities import quantities_in
from consilience.lexicon.gazetteer import gazetteer
from consilience.lexicon.numbers import number_value
from consilience.records import Quantity
from consilience.timex import Anchor, durations, mentions, resolved, with_ranges

DATA = Path("../shared/data")
TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "megayear", "gigayear"}
CURRENCY_UNITS = {"pound sterling", "euro", "dollar", "penny", "cent", "dime", "yen"}


def held_out(text: str) -> bool:
    """A quarter of the cases, fixed by the input text alone."""
    return hashlib.sha1(text.encode()).digest()[0] % 4 == 0


def load(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8-sig"))


@dataclass
class Tally:
    hits: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.hits += ok
        self.total += 1

    def __str__(self) -> str:
        return f"{self.hits / self.total:.3f} ({self.hits}/{self.total})" if self.total else "  -  (0/0)"


class Split:
    """One Tally per part (dev, held-out), and a few failures of each to show."""

    def __init__(self) -> None:
        self.parts = {"dev": Tally(), "held-out": Tally()}
        self.misses: list[str] = []

    def add(self, key: str, ok: bool, miss: str) -> None:
        self.parts["held-out" if held_out(key) else "dev"].add(ok)
        if not ok and not held_out(key):
            self.misses.append(miss)

    def row(self, name: str) -> str:
        return f"{name:48s} dev {self.parts['dev']!s:20s} held-out {self.parts['held-out']}"


def values(data: Path) -> Split:
    out = Split()
    for case in load(data / "recognizers-text-specs-en/Number/NumberModel.json"):
        results = case["Results"]
        if len(results) != 1:
            continue
        gold = float(results[0]["Resolution"]["value"])
        ours = number_value(results[0]["Text"])
        out.add(case["Input"], ours is not None and _close(ours, gold), f"{results[0]['Text']!r}: gold {gold}, ours {ours}")
    return out


def _close(a: float, b: float, tolerance: float = 0.01) -> bool:
    return abs(a - b) <= tolerance * max(abs(b), 1e-9)


def quantities_of(texts: list[str]) -> list[list[Quantity]]:
    """Each text's quantities, found as the claim stage finds them."""
    gaz = gazetteer()
    out = []
    for text, doc in zip(texts, parsed(texts), strict=True):
        excluded = [(m.start, m.end) for m in mentions(text)] + [(s, e) for s, e, _, _ in durations(text)]
        out.append([f.quantity for f in quantities_in(doc, gaz, excluded)])
    return out


def gold_kind(unit: str) -> str:
    if unit in CURRENCY_UNITS or unit.startswith(("dollar", "euro")) and " per " not in unit:
        return "money"
    if unit in ("percentage", "percent"):
        return "percent"
    return "count" if unit == "dimensionless" else "measure"


@dataclass(frozen=True)
class GoldQuantity:
    value: float
    kind: str
    text: str


def sentence_cases(data: Path) -> list[tuple[str, list[GoldQuantity], bool]]:
    """(sentence, gold quantities, whether every quantity of the sentence is marked)."""
    cases = []
    for name in ("quantities.json", "quantities.ambiguity.json"):
        for c in load(data / "quantulum3-tests" / name):
            gold = [GoldQuantity(float(r["value"]), gold_kind(r["unit"]), r.get("surface", "")) for r in c["res"]
                    if r["unit"] not in TIME_UNITS]
            cases.append((c["req"], gold, True))
    for name, kind in (("NumberWithUnit/CurrencyModel.json", "money"), ("Number/PercentModel.json", "percent")):
        for c in load(data / "recognizers-text-specs-en" / name):
            gold = [GoldQuantity(_spec_value(r["Resolution"]["value"]), kind, r["Text"]) for r in c["Results"]
                    if _spec_value(r["Resolution"].get("value")) is not None]
            cases.append((c["Input"], gold, False))
    return cases


def _spec_value(raw: str | None) -> float | None:
    try:
        return float((raw or "").rstrip("%"))
    except ValueError:
        return None


def sentences(data: Path) -> tuple[Split, Split, Split]:
    cases = sentence_cases(data)
    found = quantities_of([text for text, _, _ in cases])
    recall, precision, kind = Split(), Split(), Split()
    for (text, gold, complete), ours in zip(cases, found, strict=True):
        for g in gold:
            match = next((q for q in ours if _close(q.value, g.value)), None)
            recall.add(text, match is not None, f"missed {g.text!r} = {g.value} in {text[:80]!r}")
            if match is not None:
                kind.add(text, match.kind == g.kind, f"{g.text!r}: kind {match.kind}, gold {g.kind}")
        for q in ours if complete else []:
            precision.add(text, any(_close(q.value, g.value) for g in gold), f"extra {q.value} {q.unit} in {text[:80]!r}")
    return recall, precision, kind


_RANGE_VALUE = re.compile(r"[\[(](?P<lo>[^,]*),(?P<hi>[^)\]]*)[)\]]")


def number_ranges(data: Path) -> Split:
    cases = [c for c in load(data / "recognizers-text-specs-en/Number/NumberRangeModel.json") if len(c["Results"]) == 1]
    found = quantities_of([c["Input"] for c in cases])
    out = Split()
    for case, ours in zip(cases, found, strict=True):
        m = _RANGE_VALUE.fullmatch(case["Results"][0]["Resolution"]["value"])
        if m is None:
            continue
        lo, hi = (float(x) if x else None for x in (m["lo"], m["hi"]))
        ok = any(_same_end(q.low, lo) and _same_end(q.high, hi) for q in ours)
        out.add(case["Input"], ok, f"{case['Results'][0]['Text']!r}: gold {lo}..{hi}, "
                                   f"ours {[(q.low, q.high) for q in ours]}")
    return out


def _same_end(ours: float | None, gold: float | None) -> bool:
    return ours is None if gold is None else ours is not None and _close(ours, gold, 1e-6)


_TWO_ENDS = re.compile(r"\b(between|from|to|till|until|through|thru)\b|\d\s*[-–~]\s*\d|[a-z]\s*-\s*[a-z]", re.I)


def date_ranges(data: Path) -> Split:
    out = Split()
    for case in load(data / "recognizers-text-specs-en/DateTime/DateTimeModel.json"):
        if "ReferenceDateTime" not in case.get("Context", {}):
            continue
        ref = date.fromisoformat(case["Context"]["ReferenceDateTime"][:10])
        for r in case.get("Results", []):
            if not r.get("TypeName", "").endswith("daterange") or not _TWO_ENDS.search(r["Text"]):
                continue
            golds = [(v["start"], v["end"]) for v in r["Resolution"]["values"] if "start" in v and "end" in v]
            if not golds:
                continue
            ours = _interval_at(case["Input"], r["Start"], ref)
            ok = ours is not None and any(_same_range(ours, g) for g in golds)
            out.add(case["Input"], ok, f"{r['Text']!r} ({ref}): gold {golds[-1]}, ours {ours}")
    return out


def _interval_at(text: str, start: int, ref: date) -> tuple[date, date | None] | None:
    for m in with_ranges(text, mentions(text)):
        if m.start <= start < m.end or start <= m.start < start + 4:
            iv = resolved(m, Anchor(ref, ref))
            return (iv.start, iv.end) if iv is not None else None
    return None


def _same_range(ours: tuple[date, date | None], gold: tuple[str, str]) -> bool:
    start, end = ours
    g_start, g_end = date.fromisoformat(gold[0]), date.fromisoformat(gold[1])
    if start != g_start or end is None:
        return False
    return g_end in (end + timedelta(days=1), _unit_start(end, start))


def _unit_start(end: date, start: date) -> date:
    """The first day of the unit ``end`` closes (a year's 1 January, a month's 1st), as the specs write it."""
    if end.month == 12 and end.day == 31 and start.month == 1 and start.day == 1:
        return date(end.year, 1, 1)
    return end.replace(day=1) if start.day == 1 else end


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--show", type=int, default=10, help="development-part failures to print per figure")
    args = ap.parse_args()
    t0 = time.perf_counter()
    recall, precision, kind = sentences(args.data)
    figures: Iterable[tuple[str, Callable[[], Split] | Split]] = (
        ("values of number phrases (NumberModel)", lambda: values(args.data)),
        ("quantities in sentences: recall", recall),
        ("quantities in sentences: precision (quantulum3)", precision),
        ("quantities in sentences: kind of matched", kind),
        ("number ranges, both ends (NumberRangeModel)", lambda: number_ranges(args.data)),
        ("date ranges, both ends (DateTimeModel)", lambda: date_ranges(args.data)),
    )
    results = [(name, f() if callable(f) else f) for name, f in figures]
    print(f"numbers and date ranges ({time.perf_counter() - t0:.1f} s)")  # noqa: T201
    for name, split in results:
        print(split.row(name))  # noqa: T201
    for name, split in results:
        if split.misses and args.show:
            print(f"\n{name}, some development-part failures:")  # noqa: T201
            for miss in split.misses[: args.show]:
                print("  " + miss)  # noqa: T201


if __name__ == "__main__":
    main()
