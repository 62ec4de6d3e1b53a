"""Time expressions -> date ranges (pure functions, no NLP)."""

from __future__ import annotations

from ..records import Published
from .recognize import TENSED_KINDS, Mention, durations, mentions, with_ranges
from .resolve import Anchor, Interval, resolved

__all__ = ["TENSED_KINDS", "Anchor", "Interval", "Mention", "anchor_of", "durations", "mentions", "resolved", "with_ranges"]


def anchor_of(published: Published) -> Anchor | None:
    """The publication date as an Anchor: the day, else the range, else None."""
    lo = published.date or published.earliest
    hi = published.date or published.latest
    if not lo or not hi:
        return None
    return Anchor(lo, hi)
