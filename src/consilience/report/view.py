"""What the human-readable reports show, computed once from a dossier: small view records.

The HTML and Markdown reports and the web app (``serve/``) render these records, never the
dossier's keys, so what a page shows is decided here, once:

1. a story index with counts, biggest stories first;
2. per story: its main event (the fact most outlets and independent sources carry), the briefing
   with numbered citations, the facts most reported first (at most ``FACTS_SHOWN``, "n more"),
   the relations that say something (updates, contradicts, refines) inside their story, its
   timeline inside the period its articles report on, and its articles;
3. one timeline across stories, inside that period too, most-reported entries kept when capped.

What is shown is capped, so a report grows with what it shows, not with everything stored; the
rest stays in ``dossier.json`` and in ``consilience serve``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from ..records import Article, Claim, Dossier, Fact, Failure, Flag, Relation, Sentence, Story, TimelineEntry, When

# Caps on what one story shows. Calibrated on the 300-article BBC sample (91 stories): the largest
# story has ~60 facts, most have under 20, so 30 shows every fact of almost every story while a
# runaway story cannot fill the page; the rest is in dossier.json and `consilience serve`.
FACTS_SHOWN = 30
RELATIONS_SHOWN = 20
TIMELINE_SHOWN = 15
# Stories with a section of their own; the rest are rows of the index. A week of feeds makes
# thousands of stories, most of one article; a page of 200 sections still opens in a second.
STORIES_SHOWN = 200
CLAIM_LINKS = 5  # citations beside one fact in a table; a fact with 50 claims links its first five
# Rows of the timeline across stories (the picture stays readable up to about 60 bars).
TIMELINE_ROWS = 60
# The period a story's articles report on: from a month before its first publication date to a
# month after its last. News reports on the days and weeks before it is published ("last month");
# a fact from 1915 or 2007 in a 2019 article is background, counted but not drawn.
PERIOD_MARGIN = timedelta(days=31)
SHOWN_RELATIONS = ("updates", "contradicts", "refines")
S = TypeVar("S", "Story", "StoryCounts")


@dataclass(frozen=True)
class Caps:
    """How much of one story a page shows; the web app shows more than the one-file report."""

    facts: int = FACTS_SHOWN
    relations: int = RELATIONS_SHOWN
    timeline: int = TIMELINE_SHOWN


REPORT_CAPS = Caps()


@dataclass(frozen=True)
class Segment:
    """A run of article text and the claims that cover it; ``starts`` are claims opening here."""

    text: str
    claims: tuple[str, ...]
    starts: tuple[str, ...]


@dataclass(frozen=True)
class Citation:
    number: int
    claim: str
    article: str
    label: str


@dataclass(frozen=True)
class ClaimRef:
    """A claim a page links to, and the article that holds it."""

    id: str
    article: str


@dataclass(frozen=True)
class FactView:
    id: str
    statement: str
    status: str
    when: str
    when_start: str
    sources: tuple[str, ...]
    outlets: tuple[str, ...]
    claims: tuple[ClaimRef, ...]
    weight: float

    @property
    def reach(self) -> tuple[int, int, float]:
        """How widely a fact is reported: outlets, then independent sources, then weight."""
        return (len(self.outlets), len(self.sources), self.weight)


@dataclass(frozen=True)
class SentenceView:
    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class RelationView:
    """``first`` is the fact related to (the earlier one for ``updates``); ``second`` relates to it."""

    kind: str
    first: FactView | None
    second: FactView | None
    first_id: str
    second_id: str
    explanation: str


@dataclass(frozen=True)
class TimelineRow:
    start: str
    end: str | None
    label: str
    precision: str
    facts: tuple[str, ...]
    story: str
    story_title: str
    reach: tuple[int, int, float]


@dataclass(frozen=True)
class ArticleView:
    id: str
    label: str
    title: str
    source: str
    url: str | None
    outlet: str | None
    published: str
    sort_date: str
    language: str
    duplicate_of: str | None
    flags: tuple[Flag, ...]
    removed: tuple[str, ...]
    segments: tuple[Segment, ...] | None  # None when the report does not carry the text


@dataclass(frozen=True)
class StoryView:
    id: str
    title: str
    first: str
    last: str
    n_articles: int
    n_outlets: int
    n_facts: int
    n_corroborated: int
    main: FactView | None
    summary: tuple[SentenceView, ...]
    facts: tuple[FactView, ...]
    facts_more: int
    relations: tuple[RelationView, ...]
    relations_more: int
    timeline: tuple[TimelineRow, ...]
    timeline_more: int
    timeline_outside: int
    articles: tuple[ArticleView, ...]

    @property
    def anchor(self) -> str:
        return f"story-{self.id}"

    @property
    def period(self) -> str:
        if not self.first:
            return "undated"
        return self.first if self.first == self.last else f"{self.first} – {self.last}"


@dataclass(frozen=True)
class ReportView:
    title: str
    n_articles: int
    n_claims: int
    stories: tuple[StoryView, ...]
    index_only: tuple[StoryView, ...]
    timeline: tuple[TimelineRow, ...]
    timeline_more: int
    timeline_outside: int
    other_articles: tuple[ArticleView, ...]
    citations: dict[str, Citation]
    notes: tuple[str, ...]
    failures: tuple[Failure, ...]


def _iso(d: date | None) -> str:
    return d.isoformat() if d else ""


def article_label(article: Article) -> str:
    """Outlet and date when known, else the file it came from."""
    pub = article.published
    day = _iso(pub.date) or (f"{_iso(pub.earliest)}..{_iso(pub.latest)}" if pub.earliest or pub.latest else "undated")
    return f"{article.outlet or article.title or article.source or article.id} ({day})"


def published_text(article: Article) -> str:
    pub = article.published
    if pub.date:
        return f"{pub.date.isoformat()} ({pub.basis})"
    if pub.earliest or pub.latest:
        return f"between {_iso(pub.earliest) or '?'} and {_iso(pub.latest) or '?'} ({pub.basis})"
    return "unknown"


def published_span(article: Article) -> tuple[date | None, date | None]:
    """The first and last day an article may have been published (None when unknown)."""
    pub = article.published
    if pub.date:
        return pub.date, pub.date
    return pub.earliest or pub.latest, pub.latest or pub.earliest


def claims_by_article(claims: Iterable[Claim]) -> dict[str, list[Claim]]:
    out: dict[str, list[Claim]] = {}
    for c in claims:
        out.setdefault(c.article, []).append(c)
    return out


def segments(text: str, spans: Sequence[tuple[str, int, int]]) -> list[Segment]:
    """Cut ``text`` at every boundary of the ``(id, start, end)`` spans; each piece knows which cover it.

    Claims may nest or overlap (an event sentence and a quantity inside it), so pieces, not tags,
    carry the claim ids. One sweep over the sorted boundaries.
    """
    inside = [(i, lo, hi) for i, lo, hi in spans if 0 <= lo < hi <= len(text)]
    bounds = sorted({0, len(text), *(lo for _, lo, _ in inside), *(hi for _, _, hi in inside)})
    opening: dict[int, list[str]] = {}
    closing: dict[int, list[str]] = {}
    for i, lo, hi in sorted(inside, key=lambda x: (x[1], -x[2], x[0])):
        opening.setdefault(lo, []).append(i)
        closing.setdefault(hi, []).append(i)
    live: list[str] = []
    out: list[Segment] = []
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        gone = set(closing.get(lo, ()))
        live = [cid for cid in live if cid not in gone] + opening.get(lo, [])
        out.append(Segment(text=text[lo:hi], claims=tuple(live), starts=tuple(opening.get(lo, ()))))
    return out


def citations(stories: Iterable[Story], claims: Mapping[str, Claim | ClaimRef],
              articles: dict[str, Article]) -> dict[str, Citation]:
    """Number each claim the briefings cite, in order of first citation across ``stories``."""
    out: dict[str, Citation] = {}
    for sentence in (x for story in stories for x in story.summary):
        for cid in sentence.claims:
            if cid in out or cid not in claims:
                continue
            art = claims[cid].article
            label = article_label(articles[art]) if art in articles else art
            out[cid] = Citation(number=len(out) + 1, claim=cid, article=art, label=label)
    return out


def when_text(when: When | None) -> str:
    if not when:
        return ""
    start, end = _iso(when.start), _iso(when.end)
    span = start if start == end else f"{start or '…'} – {end or 'open'}"
    return f"{span} ({when.precision}; “{when.text}”)"


def outlet_labels(articles: Iterable[Article]) -> dict[str, str]:
    """'article <id>' (a source or outlet with no name) -> the article's title or file name, quoted."""
    return {f"article {a.id}": a.short_name() for a in articles}


def _title(stories: Sequence[Story | StoryCounts], n_articles: int) -> str:
    if len(stories) == 1:
        return stories[0].title
    return f"{len(stories)} stories from {n_articles} articles"


def fact_view(fact: Fact, labels: dict[str, str], claims: Mapping[str, Claim | ClaimRef]) -> FactView:
    return FactView(
        id=fact.id, statement=fact.statement, status=fact.status, when=when_text(fact.when),
        when_start=_iso(fact.when.start) if fact.when else "",
        sources=tuple(labels.get(x, x) for x in fact.sources), outlets=tuple(labels.get(x, x) for x in fact.outlets),
        claims=tuple(ClaimRef(c, claims[c].article) for c in fact.claims if c in claims), weight=fact.weight)


def fact_reach(fact: Fact) -> tuple[int, int, float]:
    """A fact's ``FactView.reach``, without making its view."""
    return (len(fact.outlets), len(fact.sources), fact.weight)


def ranked_facts(facts: Iterable[Fact]) -> list[Fact]:
    """Facts by reach (``fact_reach``), widest first, ties in the dossier's own order (a stable
    sort): the main event first. Ranked as records, so views are made only for those a page shows."""
    return sorted(facts, key=lambda f: (-len(f.outlets), -len(f.sources), -f.weight))


def viewed_facts(story: Story, caps: Caps = REPORT_CAPS) -> list[Fact]:
    """The facts of ``story`` whose views its section shows: the most reported (the main event
    first), then the two sides of each relation shown."""
    by_id = {f.id: f for f in story.facts}
    sides = [by_id[i] for r in _shown_relations(story)[:caps.relations] for i in (r.to, r.from_) if i in by_id]
    return list({f.id: f for f in [*ranked_facts(story.facts)[:max(caps.facts, 1)], *sides]}.values())


def _shown_relations(story: Story) -> list[Relation]:
    return [r for r in story.relations if r.kind in SHOWN_RELATIONS]


def story_period(articles: Iterable[Article]) -> tuple[date | None, date | None]:
    """First and last publication day of a story's articles (None, None when none is dated)."""
    spans = [published_span(a) for a in articles]
    firsts = [lo for lo, _ in spans if lo]
    lasts = [hi for _, hi in spans if hi]
    return (min(firsts), max(lasts)) if firsts and lasts else (None, None)


def in_period(entry: TimelineEntry, first: date | None, last: date | None) -> bool:
    """Whether a timeline entry overlaps the period its story reports on (with ``PERIOD_MARGIN``)."""
    if first is None or last is None:
        return True
    end = entry.end or date.max  # an open interval ("since March") runs on
    return entry.start <= last + PERIOD_MARGIN and end >= first - PERIOD_MARGIN


def timeline_rows(story: Story, reach: Mapping[str, tuple[int, int, float]], first: date | None,
                  last: date | None) -> list[TimelineRow]:
    """A story's timeline entries inside its period, in time order; ``reach``: fact id -> its reach."""
    rows = []
    for e in story.timeline:
        if not in_period(e, first, last):
            continue
        reach_of = max((reach[f] for f in e.facts if f in reach), default=(0, 0, 0.0))
        rows.append(TimelineRow(start=e.start.isoformat(), end=_iso(e.end) or None, label=e.label,
                                precision=e.precision, facts=e.facts, story=story.id, story_title=story.title,
                                reach=reach_of))
    return rows


def capped_timeline(rows: Sequence[TimelineRow], cap: int) -> tuple[list[TimelineRow], int]:
    """The ``cap`` most-reported rows, shown in time order, and how many more there are."""
    kept = sorted(rows, key=lambda r: (-r.reach[0], -r.reach[1], -r.reach[2], r.start, r.label))[:cap]
    kept.sort(key=lambda r: (r.start, r.end or "9999", r.label))
    return kept, len(rows) - len(kept)


def relation_view(r: Relation, facts: dict[str, FactView]) -> RelationView:
    return RelationView(kind=r.kind, first=facts.get(r.to), second=facts.get(r.from_), first_id=r.to,
                        second_id=r.from_, explanation=r.explanation)


def sentence_view(s: Sentence, cites: dict[str, Citation]) -> SentenceView:
    return SentenceView(text=s.text, citations=tuple(cites[c] for c in s.claims if c in cites))


def article_view(article: Article, claims: Sequence[Claim] | None) -> ArticleView:
    """``claims``: the claims to mark in its text, or None when the text is not shown."""
    label = article_label(article)
    return ArticleView(
        id=article.id, label=label, title=article.title or article.short_name(), source=article.source, url=article.url,
        outlet=article.outlet, published=published_text(article), sort_date=_iso(published_span(article)[1]),
        language=article.language, duplicate_of=article.duplicate_of, flags=article.flags, removed=article.removed,
        segments=None if claims is None else tuple(segments(article.text, [(c.id, c.start, c.end) for c in claims])))


def shown_claims(summary: Sequence[SentenceView], facts: Sequence[FactView], main: FactView | None) -> set[str]:
    """Claims a reader can click to: the briefing's citations and the first links of each shown fact."""
    ids = {c.claim for s in summary for c in s.citations}
    for f in [*facts, *([main] if main else [])]:
        ids.update(c.id for c in f.claims[:CLAIM_LINKS])
    return ids


@dataclass(frozen=True)
class Context:
    """What every story's view looks up: records by id, names for unnamed sources, citation numbers."""

    articles: dict[str, Article]
    claims: dict[str, Claim | ClaimRef]
    per_article: dict[str, list[Claim]]
    labels: dict[str, str]
    cites: dict[str, Citation]

    @classmethod
    def of(cls, articles: Iterable[Article], claims: Iterable[Claim | ClaimRef], cited: Iterable[Story]) -> Context:
        """``claims``: whole claims, or only which article holds each (``ClaimRef``) when no article
        text is shown (the web app's story page), which saves reading them."""
        arts = {a.id: a for a in articles}
        by_id = {c.id: c for c in claims}
        whole = [c for c in by_id.values() if isinstance(c, Claim)]
        return cls(articles=arts, claims=by_id, per_article=claims_by_article(whole),
                   labels=outlet_labels(arts.values()), cites=citations(cited, by_id, arts))

    def marked_in(self, article: str, marked: set[str]) -> list[Claim] | None:
        """The shown claims of ``article``, or None when none is shown (its text is left out)."""
        mine = [c for c in self.per_article.get(article, []) if c.id in marked]
        return mine or None


def story_view(story: Story, ctx: Context, *, full: bool = True, caps: Caps = REPORT_CAPS) -> StoryView:
    """What one story shows; ``full=False``: no article text (a row of the index, a page of its own)."""
    return story_and_rows(story, ctx, full=full, caps=caps)[0]


def story_and_rows(story: Story, ctx: Context, *, full: bool = True,
                   caps: Caps = REPORT_CAPS) -> tuple[StoryView, list[TimelineRow]]:
    """A story's view, and every timeline row inside its period (for the timeline across stories).
    Views are made of the facts it shows only (``viewed_facts``); the others are ranked as they are."""
    ranked = ranked_facts(story.facts)
    by_id = {f.id: fact_view(f, ctx.labels, ctx.claims) for f in viewed_facts(story, caps)}
    shown = [by_id[f.id] for f in ranked[:caps.facts]]
    arts = [ctx.articles[a] for a in story.articles if a in ctx.articles]
    first, last = story_period(arts)
    rows = timeline_rows(story, {f.id: fact_reach(f) for f in story.facts}, first, last)
    timeline, timeline_more = capped_timeline(rows, caps.timeline)
    relations = _shown_relations(story)
    summary = tuple(sentence_view(s, ctx.cites) for s in story.summary)
    main = by_id[ranked[0].id] if ranked else None  # the main event: the fact of widest reach
    marked = shown_claims(summary, shown, main) if full else set()
    outlets = {a.outlet or f"article {a.id}" for a in arts}
    n_facts = len(story.facts)
    view = StoryView(
        id=story.id, title=story.title, first=_iso(first), last=_iso(last), n_articles=len(arts),
        n_outlets=len(outlets), n_facts=n_facts, n_corroborated=sum(f.status == "corroborated" for f in story.facts),
        main=main, summary=summary, facts=tuple(shown), facts_more=max(0, n_facts - caps.facts),
        relations=tuple(relation_view(r, by_id) for r in relations[:caps.relations]),
        relations_more=max(0, len(relations) - caps.relations),
        timeline=tuple(timeline), timeline_more=timeline_more, timeline_outside=len(story.timeline) - len(rows),
        articles=tuple(sorted((article_view(a, ctx.marked_in(a.id, marked)) for a in arts),
                              key=lambda v: (v.sort_date, v.label, v.id))))
    return view, rows


def story_order(story: Story | StoryCounts, articles: Mapping[str, Article]) -> tuple[int, int, str, str]:
    """Biggest stories first (outlets, then articles), then the most recent, then by title."""
    arts = [articles[a] for a in story.articles if a in articles]
    outlets = {a.outlet or f"article {a.id}" for a in arts}
    return (-len(outlets), -len(arts), _descending(_iso(story_period(arts)[1])), story.title)


@dataclass(frozen=True)
class StoryCounts:
    """What a row of the story index and the order of stories need of a story: no facts, claims or
    text. From the story (``of``), or from the store's columns without reading the story's record
    (``report/parts.py``: only the stories with a section are read whole)."""

    id: str
    title: str
    articles: tuple[str, ...]
    n_facts: int
    n_corroborated: int
    n_relations: int  # of the kinds a page shows (``SHOWN_RELATIONS``)

    @classmethod
    def of(cls, story: Story) -> StoryCounts:
        return cls(id=story.id, title=story.title, articles=story.articles, n_facts=len(story.facts),
                   n_corroborated=sum(f.status == "corroborated" for f in story.facts),
                   n_relations=sum(r.kind in SHOWN_RELATIONS for r in story.relations))


def index_row(story: StoryCounts, articles: Mapping[str, Article]) -> StoryView:
    """A story with no section of its own: what its row of the index shows (no facts, no text)."""
    arts = [articles[a] for a in story.articles if a in articles]
    first, last = story_period(arts)
    return StoryView(
        id=story.id, title=story.title, first=_iso(first), last=_iso(last), n_articles=len(arts),
        n_outlets=len({a.outlet or f"article {a.id}" for a in arts}), n_facts=story.n_facts,
        n_corroborated=story.n_corroborated, main=None, summary=(), facts=(), facts_more=story.n_facts,
        relations=(), relations_more=story.n_relations, timeline=(), timeline_more=0, timeline_outside=0,
        articles=tuple(sorted((article_view(a, None) for a in arts), key=lambda v: (v.sort_date, v.label, v.id))))


def _descending(day: str) -> str:
    """A key that sorts ISO days latest first, undated last."""
    return "".join(chr(0x10FFFF - ord(ch)) for ch in day) if day else "\U0010ffff"


def report_view(dossier: Dossier, *, refs: Sequence[ClaimRef] = (), counts: Sequence[StoryCounts] | None = None,
                n_claims: int | None = None) -> ReportView:
    """Everything the reports show. Citations are numbered in reading order. ``refs``: the claims
    ``dossier`` leaves out, only which article holds each; ``counts``: every story's counts, in the
    dossier's order, when ``dossier.stories`` holds only the stories with a section
    (``shown_stories``) and ``n_claims`` says how many claims there are: a dossier read from the
    store in part (whole claims only for the stories shown and their citations)."""
    articles = {a.id: a for a in dossier.articles}
    every = list(counts) if counts is not None else [StoryCounts.of(s) for s in dossier.stories]
    ordered = sorted(every, key=lambda s: story_order(s, articles))
    whole = {s.id: s for s in dossier.stories}
    shown, rest = [whole[s.id] for s in ordered[:STORIES_SHOWN]], ordered[STORIES_SHOWN:]
    ctx = Context.of(dossier.articles, [*dossier.claims, *refs] if refs else dossier.claims, shown)
    built = [story_and_rows(s, ctx) for s in shown]
    rows = [r for _, story_rows in built for r in story_rows]
    timeline, more = capped_timeline(rows, TIMELINE_ROWS)
    in_stories = {a for s in every for a in s.articles}
    return ReportView(
        title=_title(every, len(dossier.articles)), n_articles=len(dossier.articles),
        n_claims=len(dossier.claims) + len(refs) if n_claims is None else n_claims,
        stories=tuple(v for v, _ in built), index_only=tuple(index_row(s, articles) for s in rest),
        timeline=tuple(timeline), timeline_more=more,
        timeline_outside=sum(len(s.timeline) for s in shown) - len(rows),
        other_articles=tuple(article_view(a, None) for a in dossier.articles if a.id not in in_stories),
        citations=ctx.cites, notes=dossier.notes, failures=dossier.failures)


def index_view(articles: Sequence[Article], counts: Sequence[StoryCounts], rows: Sequence[TimelineRow],
               n_timeline: int, *, n_claims: int, notes: Sequence[str], failures: Sequence[Failure]) -> ReportView:
    """What ``report_view`` gives but the stories' sections: every story a row of the index
    (``index_row``; those with a section first, in ``stories``), and the timeline across the stories
    shown from their ``rows`` (``n_timeline``: how many entries they have, inside their period or not).
    For pages put together from sections rendered apart (``report/sections.py``); no citations."""
    by_id = {a.id: a for a in articles}
    ordered = sorted(counts, key=lambda s: story_order(s, by_id))
    timeline, more = capped_timeline(rows, TIMELINE_ROWS)
    in_stories = {a for s in counts for a in s.articles}
    return ReportView(
        title=_title(counts, len(articles)), n_articles=len(articles), n_claims=n_claims,
        stories=tuple(index_row(s, by_id) for s in ordered[:STORIES_SHOWN]),
        index_only=tuple(index_row(s, by_id) for s in ordered[STORIES_SHOWN:]),
        timeline=tuple(timeline), timeline_more=more, timeline_outside=n_timeline - len(rows),
        other_articles=tuple(article_view(a, None) for a in articles if a.id not in in_stories),
        citations={}, notes=tuple(notes), failures=tuple(failures))


def timeline_across(shown: Iterable[Story], articles: Mapping[str, Article]) -> list[TimelineRow]:
    """The rows of ``ReportView.timeline`` (of the stories ``shown``), from the stories alone: what
    the timeline pictures draw, known before any claim is read."""
    rows = []
    for story in shown:
        arts = [articles[a] for a in story.articles if a in articles]
        rows += timeline_rows(story, {f.id: fact_reach(f) for f in story.facts}, *story_period(arts))
    return capped_timeline(rows, TIMELINE_ROWS)[0]


def shown_stories(stories: Iterable[S], articles: Iterable[Article]) -> list[S]:
    """The stories with a section of their own in the reports (of ``Story`` or ``StoryCounts``)."""
    by_id = {a.id: a for a in articles}
    return sorted(stories, key=lambda s: story_order(s, by_id))[:STORIES_SHOWN]


def timeline_dicts(rows: Sequence[TimelineRow]) -> list[dict[str, str | None]]:
    """Rows in the form the timeline picture draws (``timeline_chart``)."""
    return [{"start": r.start, "end": r.end, "label": r.label, "precision": r.precision, "story": r.story_title}
            for r in rows]
