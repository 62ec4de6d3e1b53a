"""Claims of one short article written for a test, and the claim a given word triggers: shared by
the claim-reading tests."""

from __future__ import annotations

from datetime import date

from consilience.claims import claims_of
from consilience.records import Article, Claim, Published

DAY = Published(date=date(2025, 5, 14), earliest=date(2025, 5, 14), latest=date(2025, 5, 14), basis="metadata")


def claims_in(text: str, *, outlet: str, article: str = "t1") -> list[Claim]:
    """The claims of ``text`` as one English article of ``outlet``, published on ``DAY``."""
    a = Article(id=article, source=f"{article}.txt", text=text, outlet=outlet, published=DAY, language="en")
    return claims_of([a])[0]


def all_triggered(found: list[Claim], word: str) -> list[Claim]:
    """Every claim whose trigger is ``word``."""
    return [c for c in found if c.trigger is not None and c.trigger.text == word]


def triggered(found: list[Claim], word: str) -> Claim:
    """The first claim whose trigger is ``word``; fails naming the triggers there were."""
    hits = all_triggered(found, word)
    assert hits, f"no claim triggered by {word!r} in {[(c.trigger and c.trigger.text, c.predicate) for c in found]}"
    return hits[0]
