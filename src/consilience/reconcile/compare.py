"""Comparisons of claims: time overlap and quantity intervals (pure functions)."""

from __future__ import annotations

import math
from datetime import date

from ..records import Claim, Quantity, When

FAR_FUTURE = date(9999, 12, 31)


def time_span(when: When | None) -> tuple[date, date] | None:
    if when is None or not when.start:
        return None
    start = date.fromisoformat(when.start)
    return start, date.fromisoformat(when.end) if when.end else FAR_FUTURE


def times_compatible(a: When | None, b: When | None) -> bool:
    """Unknown time is compatible with any; known times must overlap."""
    sa, sb = time_span(a), time_span(b)
    if sa is None or sb is None:
        return True
    return sa[0] <= sb[1] and sb[0] <= sa[1]


def interval(q: Quantity) -> tuple[float, float]:
    lo = q.low if q.low is not None else -math.inf
    hi = q.high if q.high is not None else math.inf
    if q.qualifier == "more_than":
        lo = q.value + 1e-9
    if q.qualifier == "less_than":
        hi = q.value - 1e-9
    return lo, hi


def quantities_overlap(a: Quantity, b: Quantity) -> bool:
    la, ha = interval(a)
    lb, hb = interval(b)
    return la <= hb and lb <= ha


def same_thing(a: Claim, b: Claim) -> bool:
    """Two claims state the same thing: predicate, negation, time and quantity agree."""
    if a.predicate != b.predicate or a.negated != b.negated or a.kind != b.kind:
        return False
    if not times_compatible(a.when, b.when):
        return False
    if a.quantity is None and (a.when is None) != (b.when is None):
        return False  # an undated event is not evidence for a dated one
    if a.quantity and b.quantity:
        return quantities_overlap(a.quantity, b.quantity) and _close(a.quantity, b.quantity)
    return a.quantity is None and b.quantity is None


def _close(a: Quantity, b: Quantity) -> bool:
    """Overlapping and of the same order of magnitude (10,000+ and 11,000 yes; 1,000+ and 11,000 no)."""
    return max(a.value, b.value) <= 1.5 * min(a.value, b.value)
