"""Reconcile: Articles + Claims -> Stories (facts, sources, relations, timeline, briefing)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from ..records import Article, Claim, Story
from .briefing import briefing
from .facts import fact_of, grouped_claims, ranked_members
from .relations import relations_of
from .sources import speaker_names
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


def _story(group: Sequence[str], articles: dict[str, Article], by_article: dict[str, list[Claim]],
           claims_by_id: dict[str, Claim]) -> Story:
    members = [c for a in group for c in by_article.get(a, [])]
    groups = grouped_claims(members)
    names = speaker_names(members, articles)
    facts = [fact_of(g, articles, names) for g in groups]
    ranked = {f.id: ranked_members(g) for f, g in zip(facts, groups, strict=True)}
    relations = relations_of(facts, ranked, articles)
    superseded = {r.to for r in relations if r.kind == "updates"}
    contested = {i for r in relations if r.kind == "contradicts" for i in (r.from_, r.to)}
    facts = [replace(f, status="contested" if f.id in contested else "superseded" if f.id in superseded else f.status)
             for f in facts]
    facts.sort(key=lambda f: (f.when.start if f.when and f.when.start else date.max, f.statement, f.id))
    titles = sorted((articles[a].title for a in group if articles[a].title), key=lambda t: (len(t), t))
    summary, dropped = briefing(facts, relations, claims_by_id, articles)
    return Story(id=story_id(group), title=titles[0] if titles else articles[group[0]].text[:80],
                 articles=tuple(group), facts=tuple(facts), relations=tuple(relations),
                 timeline=tuple(timeline_of(facts)), summary=tuple(summary), summary_dropped=dropped)
