"""Facts: claims from the story's articles that state the same thing, with independent sources."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from ..records import Article, Claim, Fact, When
from .compare import same_thing

# An article's weight in fact scoring falls with each reliability flag it carries.
FLAG_PENALTY = 0.35


def grouped_claims(claims: Sequence[Claim]) -> list[list[Claim]]:
    """First-fit grouping in a fixed order; a claim joins the first group whose every member agrees."""
    groups: list[list[Claim]] = []
    for c in sorted(claims, key=lambda c: (c.predicate, c.negated, c.when is None, c.article, c.start, c.id)):
        for g in groups:
            if all(same_thing(c, m) for m in g):
                g.append(c)
                break
        else:
            groups.append([c])
    return groups


def fact_of(group: Sequence[Claim], articles: dict[str, Article]) -> Fact:
    sources = sorted({s for c in group for s in independent_sources(c, articles)})
    outlets = sorted({articles[c.article].outlet or f"article {c.article}" for c in group})
    speculative = all(c.modality == "speculative" for c in group)
    status = "speculative" if speculative else "corroborated" if len(sources) >= 2 else "single_source"
    lead = representative(group)
    fid = "f" + hashlib.sha1(",".join(sorted(c.id for c in group)).encode()).hexdigest()[:11]
    weight = sum(article_weight(articles[c.article]) for c in {c.article: c for c in group}.values())
    return Fact(id=fid, statement=statement(lead), claims=tuple(sorted(c.id for c in group)),
                sources=tuple(sources), outlets=tuple(outlets), status=status, when=_when(group), weight=weight)


def independent_sources(c: Claim, articles: dict[str, Article]) -> list[str]:
    """The primary sources: the attributed ones, else the outlet on its own authority.
    Copies (near-duplicates) count as their original's outlet."""
    if c.attribution is not None:
        return list(c.attribution.sources or (c.attribution.source,))
    article = articles[c.article]
    original = articles.get(article.duplicate_of or "", article)
    return [original.outlet or f"article {original.id}"]


def article_weight(a: Article) -> float:
    return max(0.1, 1.0 - FLAG_PENALTY * len(a.flags))


def representative(group: Sequence[Claim]) -> Claim:
    """The most specific claim: an exact time, then a number, then the earliest."""
    return min(group, key=lambda c: (c.when is None, c.quantity is None, c.article, c.start))


_PHRASE = {"in_combat": ("in combat", "not in combat"), "deployed": ("deployed", "not deployed"),
           "killed": ("killed", "not killed"), "casualties": ("casualties", "no casualties"),
           "redeployed": ("redeployed", "not redeployed"), "withdrawn": ("withdrawn", "not withdrawn")}


def statement(c: Claim) -> str:
    yes, no = _PHRASE.get(c.predicate, (c.predicate.replace("_", " "), "not " + c.predicate.replace("_", " ")))
    parts = [c.subject or "", no if c.negated else yes]
    if c.quantity is not None:
        parts.append(quantity_words(c))
    if c.when is not None:
        parts.append(f"({c.when.text})")
    if c.where:
        parts.append(f"in {c.where}")
    return " ".join(p for p in parts if p).strip()


def quantity_words(c: Claim) -> str:
    q = c.quantity
    assert q is not None
    lead = {"approx": "about ", "at_least": "at least ", "more_than": "more than ", "at_most": "at most ",
            "less_than": "fewer than ", "exact": ""}[q.qualifier]
    unit = f" {q.unit}" if q.unit else ""
    return f"{lead}{number_text(q.value)}{unit}"


def number_text(v: float) -> str:
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.2f}"


def _when(group: Sequence[Claim]) -> When | None:
    dated = [c.when for c in group if c.when is not None]
    if not dated:
        return None
    return min(dated, key=lambda w: (w.end is None, w.start or "", w.end or ""))
