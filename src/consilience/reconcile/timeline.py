"""Timeline: dated facts in time order, with their precision (day, part of month, month...)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..records import Fact, TimelineEntry


def timeline_of(facts: Sequence[Fact]) -> list[TimelineEntry]:
    entries = [
        TimelineEntry(start=f.when.start, end=f.when.end, label=f.statement, facts=(f.id,), precision=f.when.precision)
        for f in facts if f.when is not None and f.when.start
    ]
    return sorted(entries, key=lambda e: (e.start, e.end or date.max, e.label, e.facts))
