"""The qualifier of a number read from the words before it ("more than", "about", "up to") and
the values it allows. Pure functions over strings; the vocabulary is ``lexicon.numbers``, the parse
stays in ``quantities``."""

from __future__ import annotations

import re

from ..lexicon.numbers import QUALIFIERS

_QUALIFIER_RE = [(name, re.compile(r"(?:^|\b)(?:" + words + r")\s*$", re.I)) for name, words in QUALIFIERS]


def qualifier_before(prefix: str) -> str:
    """The qualifier that ends ``prefix`` (the words just before a number), else ``exact``."""
    tail = prefix[-40:].rstrip(" $€£¥")  # "over $2.5 million": the qualifier comes before the currency sign
    for name, rx in _QUALIFIER_RE:
        if rx.search(tail):
            return name
    return "exact"


def bounds(value: float, qualifier: str) -> tuple[float | None, float | None]:
    """low/high the wording allows; approx is taken as +-10%."""
    if qualifier == "exact":
        return value, value
    if qualifier == "approx":
        return round(value * 0.9, 6), round(value * 1.1, 6)
    if qualifier in ("at_least", "more_than"):
        return value, None
    return None, value
