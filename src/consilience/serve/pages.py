"""The pages of ``consilience serve``: each a function from the store and the request's parameters to a
frozen page record. The HTML template renders that record and the JSON twin is that record, so the
two always say the same thing.

Parameters are read here and checked against what the page takes; anything else is a
``BadParameter`` (400) naming the valid values, and an unknown id is ``NotFound`` (404).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import get_args
from urllib.parse import quote, urlencode

from ..errors import BadParameter, NotFound
from ..records import Article, Claim, FlagCode
from ..report.view import (
    ArticleView,
    Caps,
    Context,
    FactView,
    RelationView,
    StoryView,
    article_label,
    article_view,
    fact_view,
    relation_view,
    story_view,
    when_text,
)
from . import queries
from .queries import ArticleRow, FactRow, StoryFilter, StoryRow

PER_PAGE = 50
MAX_PAGE = 10_000  # deep pages cost an OFFSET scan; past this, narrow the search instead
# A story page shows every fact of all but runaway stories (the largest seen: ~60 facts).
STORY_CAPS = Caps(facts=500, relations=200, timeline=200)
CARRIERS_SHOWN = 50
FLAGS: tuple[str, ...] = get_args(FlagCode)


@dataclass(frozen=True)
class Pager:
    page: int
    pages: int
    total: int
    per_page: int
    prev: str | None
    next: str | None


@dataclass(frozen=True)
class StoriesPage:
    filters: dict[str, str]
    stories: tuple[StoryRow, ...]
    pager: Pager
    counts: dict[str, int]
    flags: tuple[str, ...] = FLAGS
    sorts: tuple[str, ...] = tuple(queries.SORTS)
    kind: str = "stories"


@dataclass(frozen=True)
class StoryPage:
    story: StoryView
    kind: str = "story"


@dataclass(frozen=True)
class ClaimView:
    """One claim as a fact or article page lists it: what it says, where, who said it, its fact."""

    id: str
    article: str
    article_label: str
    text: str
    kind: str
    predicate: str
    when: str
    source: str | None
    via: tuple[str, ...]
    modality: str
    fact: str | None


@dataclass(frozen=True)
class FactPage:
    fact: FactView
    story: str
    story_title: str
    claims: tuple[ClaimView, ...]
    relations: tuple[RelationView, ...]
    kind: str = "fact"


@dataclass(frozen=True)
class Carrier:
    outlet: str
    claims: int
    articles: int


@dataclass(frozen=True)
class SourcePage:
    name: str
    facts: tuple[FactRow, ...]
    pager: Pager
    carriers: tuple[Carrier, ...]
    kind: str = "source"


@dataclass(frozen=True)
class OutletPage:
    name: str
    articles: tuple[ArticleRow, ...]
    pager: Pager
    sources: tuple[tuple[str, int], ...]
    kind: str = "outlet"


@dataclass(frozen=True)
class ArticlePage:
    article: ArticleView
    story: str | None
    story_title: str | None
    claims: tuple[ClaimView, ...]
    kind: str = "article"


@dataclass(frozen=True)
class ErrorPage:
    status: int
    error: str
    ok: bool = False
    kind: str = "error"


@dataclass(frozen=True)
class Params:
    """A request's query parameters, and the names this page accepts."""

    values: Mapping[str, str]
    allowed: frozenset[str] = field(default_factory=frozenset)

    def checked(self) -> Params:
        unknown = sorted(set(self.values) - self.allowed)
        if unknown:
            raise BadParameter(f"unknown parameter {unknown[0]!r}; this page takes: "
                               f"{', '.join(sorted(self.allowed)) or 'none'}")
        return self

    def get(self, name: str) -> str:
        return self.values.get(name, "").strip()


def page_number(params: Params) -> int:
    raw = params.get("page") or "1"
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_PAGE:
        raise BadParameter(f"page={raw!r} is not a page number; pass a whole number from 1 to {MAX_PAGE}")
    return int(raw)


def day(params: Params, name: str) -> date | None:
    raw = params.get(name)
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError as e:
        raise BadParameter(f"{name}={raw!r} is not a date; pass one as YYYY-MM-DD") from e


def pager(path: str, params: Params, page: int, total: int) -> Pager:
    pages = max(1, -(-total // PER_PAGE))
    if page > pages and total:
        raise NotFound(f"page {page} is past the last page ({pages}); go back to {path}")

    def url(n: int) -> str:
        query = {k: v for k, v in params.values.items() if v and k != "page"}
        return path + "?" + urlencode({**query, "page": n} if n > 1 else query) if query or n > 1 else path

    return Pager(page=page, pages=pages, total=total, per_page=PER_PAGE, prev=url(page - 1) if page > 1 else None,
                 next=url(page + 1) if page < pages else None)


STORIES_PARAMS = frozenset({"q", "from", "to", "outlet", "source", "flag", "sort", "page"})


def stories_page(conn: sqlite3.Connection, params: Params) -> StoriesPage:
    params = Params(params.values, STORIES_PARAMS).checked()
    sort = params.get("sort") or "recent"
    if sort not in queries.SORTS:
        raise BadParameter(f"sort={sort!r} is not a sort; pass one of: {', '.join(queries.SORTS)}")
    flag = params.get("flag")
    if flag and flag not in FLAGS:
        raise BadParameter(f"flag={flag!r} is not a flag; pass one of: {', '.join(FLAGS)}")
    f = StoryFilter(q=params.get("q"), start=day(params, "from"), end=day(params, "to"), outlet=params.get("outlet"),
                    source=params.get("source"), flag=flag, sort=sort)
    page = page_number(params)
    rows, total = queries.stories(conn, f, limit=PER_PAGE, offset=(page - 1) * PER_PAGE)
    return StoriesPage(filters={k: params.get(k) for k in sorted(STORIES_PARAMS - {"page"})}, stories=tuple(rows),
                       pager=pager("/stories", params, page, total), counts=queries.counts(conn))


def story_page(conn: sqlite3.Connection, story_id: str, params: Params) -> StoryPage:
    Params(params.values).checked()
    story = queries.story(conn, story_id)
    if story is None:
        raise NotFound(f"no story {story_id!r} in this store; find one at /stories")
    articles = queries.analysed_articles(conn, story.articles)
    ctx = Context.of(articles, queries.claim_refs(conn, story.articles), [story])
    return StoryPage(story=story_view(story, ctx, full=False, caps=STORY_CAPS))


def claim_view(claim: Claim, articles: Mapping[str, Article], facts: Mapping[str, str]) -> ClaimView:
    art = articles.get(claim.article)
    att = claim.attribution
    return ClaimView(id=claim.id, article=claim.article, article_label=article_label(art) if art else claim.article,
                     text=claim.text, kind=claim.kind, predicate=claim.predicate, when=when_text(claim.when),
                     source=att.source if att else None, via=att.via if att else (), modality=claim.modality,
                     fact=facts.get(claim.id))


def fact_page(conn: sqlite3.Connection, fact_id: str, params: Params) -> FactPage:
    Params(params.values).checked()
    story_id = queries.story_of_fact(conn, fact_id)
    story = queries.story(conn, story_id) if story_id else None
    fact = next((f for f in story.facts if f.id == fact_id), None) if story else None
    if story is None or fact is None:
        raise NotFound(f"no fact {fact_id!r} in this store; facts are listed on their story's page (/stories)")
    claims = queries.claims_by_id(conn, fact.claims)
    articles = {a.id: a for a in queries.analysed_articles(conn, [c.article for c in claims])}
    labels = {f"article {a.id}": a.short_name() for a in articles.values()}
    by_claim = {c.id: c for c in claims}
    views = {f.id: fact_view(f, labels, by_claim) for f in story.facts}
    related = [relation_view(r, views) for r in story.relations if fact_id in (r.from_, r.to)]
    return FactPage(fact=views[fact_id], story=story.id, story_title=story.title,
                    claims=tuple(claim_view(c, articles, {c.id: fact_id for c in claims}) for c in claims),
                    relations=tuple(related))


SOURCE_PARAMS = frozenset({"page"})


def source_page(conn: sqlite3.Connection, name: str, params: Params) -> SourcePage:
    params = Params(params.values, SOURCE_PARAMS).checked()
    if not queries.source_known(conn, name):
        raise NotFound(f"no source {name!r} in this store; sources are linked from facts and stories (/stories)")
    page = page_number(params)
    facts, total = queries.facts_of_source(conn, name, limit=PER_PAGE, offset=(page - 1) * PER_PAGE)
    carriers = [Carrier(*c) for c in queries.carriers_of_source(conn, name, limit=CARRIERS_SHOWN)]
    return SourcePage(name=name, facts=tuple(facts), pager=pager(path_of("sources", name), params, page, total),
                      carriers=tuple(carriers))


def outlet_page(conn: sqlite3.Connection, name: str, params: Params) -> OutletPage:
    params = Params(params.values, SOURCE_PARAMS).checked()
    page = page_number(params)
    articles, total = queries.articles_of_outlet(conn, name, limit=PER_PAGE, offset=(page - 1) * PER_PAGE)
    if not total:
        raise NotFound(f"no outlet {name!r} in this store; outlets are linked from stories and articles (/stories)")
    return OutletPage(name=name, articles=tuple(articles), pager=pager(path_of("outlets", name), params, page, total),
                      sources=tuple(queries.sources_quoted_by_outlet(conn, name, limit=CARRIERS_SHOWN)))


def article_page(conn: sqlite3.Connection, article_id: str, params: Params) -> ArticlePage:
    Params(params.values).checked()
    found = queries.analysed_articles(conn, [article_id])
    if not found:
        raise NotFound(f"no article {article_id!r} in this store; articles are listed on their story's page")
    article = found[0]
    claims = queries.claims_of_articles(conn, [article_id])
    facts = queries.facts_of_claims(conn, [c.id for c in claims])
    story_id = queries.story_of_article(conn, article_id)
    story = queries.story(conn, story_id) if story_id else None
    return ArticlePage(article=article_view(article, claims), story=story_id, story_title=story.title if story else None,
                       claims=tuple(claim_view(c, {article.id: article}, facts) for c in claims))


def path_of(kind: str, ident: str) -> str:
    """The stable URL of a page: ``/stories/ID``, ``/facts/ID``, ``/articles/ID``, ``/sources/NAME``,
    ``/outlets/NAME`` (names percent-encoded, '/' included)."""
    return f"/{kind}/{quote(ident, safe='')}"
