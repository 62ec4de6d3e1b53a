"""Reconcile: Articles + Claims -> Stories (facts, sources, relations, timeline, briefing)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from ..records import Article, Claim, Story, When
from ..timex import anchor_of
from .briefing import briefing
from .facts import fact_of, grouped_claims, representative
from .relations import relations_of
from .sources import source_aliases
from .stories import story_groups, story_id
from .timeline import timeline_of

__all__ = ["stories_of", "story_groups"]


def stories_of(articles: Sequence[Article], claims: Sequence[Claim], groups: Sequence[Sequence[str]]) -> list[Story]:
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_article[c.article].append(c)
    articles_by_id = {a.id: a for a in articles}
    claims_by_id = {c.id: c for c in claims}
    return [_story(g, articles_by_id, by_article, claims_by_id) for g in groups]


def _best_dated(group: Sequence[Claim], lead: Claim, articles: dict[str, Article]) -> Claim:
    """The lead claim, or when it has no closed time, the member from the most precisely dated article."""
    if (lead.when is not None and lead.when.end is not None) or lead.quantity is None:
        return lead
    return min((c for c in group if c.quantity is not None),
               key=lambda c: (_published_width(articles[c.article]), c.article, c.start))


def _published_width(a: Article) -> int:
    anchor = anchor_of(a.published)
    return (anchor.latest - anchor.earliest).days if anchor else 10_000


def as_of_publication(c: Claim, articles: dict[str, Article]) -> Claim:
    """A count given without a time ("370 people remain missing") is about the day it was
    published: so a later report's different figure updates an earlier one rather than
    contradicting it."""
    anchor = anchor_of(articles[c.article].published)
    if c.quantity is None or (c.when is not None and c.when.end is not None) or anchor is None:
        return c  # a dated figure keeps its date; "since Friday" is a running total as of publication
    lo, hi = anchor.earliest, anchor.latest
    return replace(c, when=When(start=lo, end=hi, text="as published", precision="day" if lo == hi else "week"))


def _story(group: Sequence[str], articles: dict[str, Article], by_article: dict[str, list[Claim]],
           claims_by_id: dict[str, Claim]) -> Story:
    members = [c for a in group for c in by_article.get(a, [])]
    groups = grouped_claims(members)
    names = source_aliases(s for c in members if c.attribution for s in (c.attribution.sources or (c.attribution.source,)))
    facts = [fact_of(g, articles, names) for g in groups]
    lead = {f.id: representative(g) for f, g in zip(facts, groups, strict=False)}
    dated_lead = {f.id: as_of_publication(_best_dated(g, lead[f.id], articles), articles)
                  for f, g in zip(facts, groups, strict=True)}
    relations = relations_of(facts, dated_lead)
    superseded = {r.to for r in relations if r.kind == "updates"}
    contested = {i for r in relations if r.kind == "contradicts" for i in (r.from_, r.to)}
    facts = [replace(f, status="contested" if f.id in contested else "superseded" if f.id in superseded else f.status)
             for f in facts]
    facts.sort(key=lambda f: (f.when.start if f.when and f.when.start else date.max, f.statement, f.id))
    titles = sorted((articles[a].title for a in group if articles[a].title), key=lambda t: (len(t), t))
    return Story(id=story_id(group), title=titles[0] if titles else articles[group[0]].text[:80],
                 articles=tuple(group), facts=tuple(facts), relations=tuple(relations),
                 timeline=tuple(timeline_of(facts)), summary=tuple(briefing(facts, relations, claims_by_id, articles)))
