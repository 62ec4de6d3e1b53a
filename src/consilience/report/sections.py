"""The sections of the stories a page shows, each rendered once and kept while its story is unchanged.

What a story's section holds (its HTML and Markdown, its lines of 'Reliability flags' and of
'Sources cited', its timeline rows) follows from the story as stored, whose key covers its
articles as analysed and the keys of their claims (``keys.story_key``), from whether it opens with
the page, and from the renderers' code and templates. Only its citation numbers depend on the
stories before it: a section is rendered with stand-ins (``MARK`` + its own number, 1, 2, ...)
and numbered when the pages are put together (``numbered``). So a few new articles render again
only the sections of the stories they touched; the other sections are read from the store
(``report_parts``, output ``sections``), and their stories' records and claims are not read.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .. import keys
from ..records import Article, Claim, Story
from ..store.base import Store
from .view import (
    CLAIM_LINKS,
    REPORT_CAPS,
    ClaimRef,
    Context,
    TimelineRow,
    citations,
    fact_reach,
    fact_view,
    ranked_facts,
    story_and_rows,
    story_period,
    timeline_rows,
    viewed_facts,
)

OUTPUT = "sections"  # the stored parts' output name; a part per story id
# A citation's stand-in number: these digits, then its number in its story on eight digits. A
# section whose text holds these digits elsewhere (an article quoting them) cannot be numbered by
# search and replace: ``rendered`` then gives None and the pages are rendered whole.
MARK_DIGITS = "90709050"
MARK = int(MARK_DIGITS + "0" * 8)
_STAND_IN = re.compile(MARK_DIGITS + r"(\d{8})")


@dataclass(frozen=True)
class Section:
    """One story's share of the pages, its citations numbered from 1 after ``MARK``."""

    html: str
    markdown: str
    flags: tuple[str, ...]  # lines of 'Reliability flags'
    sources: tuple[str, ...]  # lines of 'Sources cited', one per citation, in number order
    rows: tuple[TimelineRow, ...]  # every timeline row inside the story's period
    timeline: int  # how many timeline entries the story has (inside its period or not)

    def to_json(self) -> str:
        d = {**self.__dict__, "rows": [r.__dict__ for r in self.rows]}
        return json.dumps(d, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> Section:
        d = json.loads(text)
        rows = tuple(TimelineRow(**{**r, "facts": tuple(r["facts"]), "reach": tuple(r["reach"])}) for r in d["rows"])
        return cls(html=d["html"], markdown=d["markdown"], flags=tuple(d["flags"]), sources=tuple(d["sources"]),
                   rows=rows, timeline=d["timeline"])


def numbered(text: str, before: int) -> str:
    """``text`` with each citation's stand-in replaced by its number on the page (``before``: how
    many citations the stories before it have)."""
    return _STAND_IN.sub(lambda m: str(before + int(m.group(1))), text)


def section_key(version: str, story_key: str, is_open: bool) -> str:
    return keys.digest(version, story_key, is_open)


def version() -> str:
    """The code and templates a section is rendered by."""
    templates = sorted((Path(__file__).parent / "templates").iterdir())
    return keys.digest(keys.version("consilience.report.sections", "consilience.report.html",
                                    "consilience.report.markdown", "consilience.report.view",
                                    libraries=("jinja2", "markupsafe")),
                       [(t.name, hashlib.sha256(t.read_bytes()).hexdigest()) for t in templates if t.is_file()])


def stored_sections(store: Store, wanted: Mapping[str, str]) -> dict[str, Section]:
    """The stored sections whose key is the one ``wanted`` (story id -> key) gives."""
    have = store.part_keys(OUTPUT)
    current = [i for i, key in wanted.items() if have.get(i) == key]
    if not current:
        return {}
    bodies = store.parts(OUTPUT)
    return {i: Section.from_json(bodies[i]) for i in current}


def rendered(stories: Sequence[Story], opened: set[str], articles: Sequence[Article], store: Store) -> dict[str, Section] | None:
    """The sections of ``stories`` (``opened``: the ids of those open when the page loads), from
    their records and the claims a page shows of them (read from ``store``); None when one cannot be
    numbered by its stand-ins (see ``MARK_DIGITS``)."""
    from .html import story_html  # noqa: PLC0415
    from .markdown import flag_lines, source_lines, story_markdown  # noqa: PLC0415

    ctx = _context(stories, articles, store)
    whole = {i: c for i, c in ctx.claims.items() if isinstance(c, Claim)}
    out: dict[str, Section] = {}
    for story in stories:
        cites = {i: replace(c, number=MARK + c.number) for i, c in citations([story], ctx.claims, ctx.articles).items()}
        view, rows = story_and_rows(story, replace(ctx, cites=cites))
        section = Section(html=story_html(view, is_open=story.id in opened), markdown=story_markdown(view),
                          flags=tuple(flag_lines([view])), sources=tuple(source_lines(cites.values(), whole)),
                          rows=tuple(rows), timeline=len(story.timeline))
        if not _numberable(section, sum(len(s.citations) for s in view.summary), len(cites)):
            return None
        out[story.id] = section
    return out


def story_rows(story: Story, articles: Mapping[str, Article]) -> list[TimelineRow]:
    """Every timeline row of ``story`` inside its period (what ``story_and_rows`` gives), from its record alone."""
    arts = [articles[a] for a in story.articles if a in articles]
    return timeline_rows(story, {f.id: fact_reach(f) for f in story.facts}, *story_period(arts))


def _numberable(section: Section, cited: int, distinct: int) -> bool:
    """Whether the stand-ins in ``section`` are its citations and nothing else."""
    def count(text: str) -> int:
        return len(_STAND_IN.findall(text))

    return (count(section.html) == cited and count(section.markdown) == cited
            and sum(map(count, section.sources)) == distinct and not any(map(count, section.flags)))


def _context(stories: Sequence[Story], articles: Sequence[Article], store: Store) -> Context:
    """What the views of ``stories`` look up (no citations): every article; whole claims where a
    page may show them (cited by a briefing, or among the first links of a fact shown), and of the
    other claims of the facts shown, which article holds each (``ClaimRef``)."""
    viewed = [f for s in stories for f in viewed_facts(s)]
    refs = {i: ClaimRef(i, a) for i, a in store.claim_articles_of(sorted({c for f in viewed for c in f.claims})).items()}
    whole: set[str] = set()
    for story in stories:
        whole.update(c for x in story.summary for c in x.claims)
        facts = [fact_view(f, {}, refs) for f in ranked_facts(story.facts)[:REPORT_CAPS.facts]]
        whole.update(c.id for f in facts for c in f.claims[:CLAIM_LINKS])
    claims = store.claims_by_id(sorted(whole))
    return Context.of(articles, [*claims, *[r for i, r in refs.items() if i not in whole]], [])


def joined(sections: Sequence[Section]) -> tuple[list[str], list[str], list[str], list[str]]:
    """The sections' HTML and Markdown, and their lines of flags and of sources cited, numbered
    across the page in their order."""
    html, markdown, flags, sources = [], [], [], []
    before = 0
    for s in sections:
        html.append(numbered(s.html, before))
        markdown.append(numbered(s.markdown, before))
        flags += s.flags
        sources += [numbered(line, before) for line in s.sources]
        before += len(s.sources)
    return html, markdown, flags, sources


def stored_form(sections: Mapping[str, Section], keys_of: Mapping[str, str]) -> dict[str, dict[str, tuple[str, Any]]]:
    """``sections`` as parts to store (``Store.put_parts``)."""
    return {OUTPUT: {i: (keys_of[i], s.to_json()) for i, s in sections.items()}}
