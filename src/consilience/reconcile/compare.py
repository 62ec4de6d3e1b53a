"""Comparisons of claims: time overlap and quantity intervals (pure functions)."""

from __future__ import annotations

import math
from datetime import date

from ..lexicon.gazetteer import gazetteer
from ..records import Claim, Quantity, When

FAR_FUTURE = date(9999, 12, 31)


def time_span(when: When | None) -> tuple[date, date] | None:
    if when is None or not when.start:
        return None
    return when.start, when.end or FAR_FUTURE


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


_FUNCTION_WORDS = {"the", "a", "an", "these", "those", "this", "that", "their", "its", "his", "her", "some", "all",
                   "of", "and", "or", "neither", "nor", "both", "other", "more", "many", "most", "several"}


def _content(text: str) -> set[str]:
    """Content words, plus the actor group (``actors`` in the predicate table) of any that names one."""
    words = {w.strip(".,'’\"").lower() for w in text.split()} - _FUNCTION_WORDS
    gaz = gazetteer()
    groups = {f"<actor {g}>" for g in map(gaz.actor_group, words) if g is not None}
    return {w for w in words if w} | groups


def subjects_compatible(a: str | None, b: str | None) -> bool:
    """Unknown subject fits any; known ones must share a content word or an actor class
    ("North Korean troops" ~ "these soldiers"; "Pyongyang" !~ "troops")."""
    if not a or not b:
        return True
    return bool(_content(a) & _content(b))


def places_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return bool(_content(a) & _content(b))


def is_vague(c: Claim) -> bool:
    """A bare event with nothing to pin it down ("casualties"): no subject, number or time."""
    return c.subject is None and c.quantity is None and c.when is None


def same_thing(a: Claim, b: Claim) -> bool:
    """Two claims state the same thing: predicate, negation, subject, place, time and quantity agree.
    Vague claims are never merged: two bare "casualties" need not be the same casualties."""
    if a.predicate != b.predicate or a.negated != b.negated or a.kind != b.kind:
        return False
    if is_vague(a) or is_vague(b):
        return a.article == b.article and a.start == b.start
    if not subjects_compatible(a.subject, b.subject) or not places_compatible(a.where, b.where):
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
