"""The static report scales: an index, one section per story with its main event first, caps with
"n more", a timeline inside the period the articles report on, and a size that follows what is shown."""

from __future__ import annotations

import re
from typing import Any

import pytest

from consilience.records import Dossier
from consilience.report import report_html, report_markdown
from consilience.report.view import FACTS_SHOWN, STORIES_SHOWN, TIMELINE_SHOWN, report_view


def synthetic_dossier(n_stories: int, facts_per_story: int, *, background: int = 0) -> dict[str, Any]:
    """``n_stories`` stories of three articles (published 2019-05-0x), each fact claimed once;
    fact ``k`` of a story is carried by ``1 + k % 3`` outlets. ``background`` facts per story are
    dated 1915 (outside the period the articles report on)."""
    articles, claims, stories = [], [], []
    for s in range(n_stories):
        arts = []
        for j in range(3):
            text = " ".join(f"Claim {k} of story {s} says {k} people went." for k in range(facts_per_story + background))
            aid = f"a{s}x{j}"
            arts.append(aid)
            articles.append({"id": aid, "source": f"in/{aid}.txt", "text": text, "url": f"https://news{j}.example/{s}",
                             "outlet": f"Outlet {j}", "title": f"Story {s} report {j}", "author": None,
                             "published": {"date": f"2019-05-0{j + 1}", "earliest": None, "latest": None,
                                           "basis": "metadata"}, "language": "en", "removed": [], "flags": [],
                             "duplicate_of": None})
        text = articles[-3]["text"]
        facts, timeline = [], []
        for k in range(facts_per_story + background):
            sentence = f"Claim {k} of story {s} says {k} people went."
            start = text.index(sentence)
            cid = f"c{s}x{k}"
            claims.append({"id": cid, "article": arts[0], "start": start, "end": start + len(sentence),
                           "text": sentence, "kind": "event", "predicate": "went", "subject": None, "negated": False,
                           "quantity": None, "when": None, "where": None, "attribution": None, "modality": "asserted"})
            old = k >= facts_per_story
            day = "1915-06-01" if old else f"2019-04-{1 + k % 28:02d}"
            when = {"start": day, "end": day, "text": "then", "precision": "day"}
            n = 1 + k % 3
            facts.append({"id": f"f{s}x{k}", "statement": f"{k} people went in story {s}", "claims": [cid],
                          "sources": [f"Source {i}" for i in range(n)], "outlets": [f"Outlet {i}" for i in range(n)],
                          "status": "corroborated" if n > 1 else "single_source", "when": when, "weight": 1.0})
            timeline.append({"start": day, "end": day, "label": f"{k} people went in story {s}",
                             "facts": [f"f{s}x{k}"], "precision": "day"})
        stories.append({"id": f"s{s}", "title": f"Story number {s}", "articles": arts, "facts": facts,
                        "relations": [{"kind": "updates", "from": f"f{s}x1", "to": f"f{s}x0", "explanation": "later"},
                                      {"kind": "compatible", "from": f"f{s}x2", "to": f"f{s}x0", "explanation": "same"}],
                        "timeline": timeline,
                        "summary": [{"text": f"Sentence of story {s}.", "claims": [f"c{s}x0"]}]})
    return {"format": "consilience.dossier/1", "articles": articles, "claims": claims, "stories": stories,
            "failures": [], "notes": []}


def synthetic(n_stories: int, facts_per_story: int, *, background: int = 0) -> Dossier:
    return Dossier.from_dict(synthetic_dossier(n_stories, facts_per_story, background=background))


def test_each_story_opens_with_its_main_event_and_caps_its_facts() -> None:
    view = report_view(synthetic(2, FACTS_SHOWN + 12))
    story = view.stories[0]
    assert story.main is not None and len(story.main.outlets) == 3  # fact 2, 5, 8 ...: three outlets
    assert story.main == story.facts[0]
    assert [len(f.outlets) for f in story.facts] == sorted((len(f.outlets) for f in story.facts), reverse=True)
    assert len(story.facts) == FACTS_SHOWN and story.facts_more == 12
    assert [r.kind for r in story.relations] == ["updates"]  # 'compatible' is not shown
    assert (story.n_articles, story.n_outlets, story.first, story.last) == (3, 3, "2019-05-01", "2019-05-03")


def test_timeline_covers_the_period_the_articles_report_on() -> None:
    view = report_view(synthetic(1, 40, background=5))
    story = view.stories[0]
    assert all(r.start.startswith("2019") for r in story.timeline)
    assert story.timeline_outside == 5 and len(story.timeline) == TIMELINE_SHOWN and story.timeline_more == 25
    assert sorted(r.reach[0] for r in story.timeline) == [2, 2] + [3] * 13  # the most-reported kept ...
    assert [r.start for r in story.timeline] == sorted(r.start for r in story.timeline)  # ... shown in time order
    page = report_html(synthetic(1, 40, background=5))
    assert "25 more dated fact(s) in the period" in page and "5 background fact(s) dated outside it" in page


def test_page_has_an_index_with_counts_and_one_section_per_story() -> None:
    page = report_html(synthetic(5, 4))
    index = re.search(r'<table id="story-index".*?</table>', page, re.S)
    assert index and index.group(0).count("<tr>") == 6  # header + five stories
    assert '<a href="#story-s0">Story number 0</a>' in index.group(0)
    assert page.count('<details class="story"') == 5
    section = page[page.index('id="story-s0"'):page.index('id="story-s1"')]
    assert section.index('class="main-event"') < section.index("<h3>Briefing</h3>") < section.index("<h3>Facts</h3>")


@pytest.mark.parametrize("render", [report_html, report_markdown])
def test_size_follows_what_is_shown_not_what_is_stored(render) -> None:  # type: ignore[no-untyped-def]
    small = len(render(synthetic(3, FACTS_SHOWN)))
    big = len(render(synthetic(3, FACTS_SHOWN * 10)))  # ten times the facts stored
    assert big < small * 1.5


def test_stories_beyond_the_cap_are_rows_of_the_index_only() -> None:
    view = report_view(synthetic(STORIES_SHOWN + 4, 1))
    assert len(view.stories) == STORIES_SHOWN and len(view.index_only) == 4
    assert all(a.segments is None for s in view.index_only for a in s.articles)
    assert max(c.number for c in view.citations.values()) == STORIES_SHOWN


def test_a_story_makes_views_of_the_facts_it_shows_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The facts past the cap are ranked as they are; a view is made of those shown (and of the two
    sides of each relation shown): what the page shows does not change."""
    from consilience.report import view as view_module

    dossier = synthetic(1, FACTS_SHOWN + 40)
    whole = report_html(dossier)
    made: list[str] = []
    real = view_module.fact_view

    def counted(fact: Any, labels: Any, claims: Any) -> Any:
        made.append(fact.id)
        return real(fact, labels, claims)

    monkeypatch.setattr(view_module, "fact_view", counted)
    assert report_html(dossier) == whole
    story = report_view(dossier).stories[0]
    assert FACTS_SHOWN <= len(set(made)) <= FACTS_SHOWN + 2 and {"f0x0", "f0x1"} <= set(made)  # + the relation's sides
    assert story.facts_more == 40 and story.relations[0].first is not None and story.relations[0].second is not None


def test_the_timeline_pictured_before_claims_are_read_is_the_reports_timeline() -> None:
    """``timeline_across`` gives the pictures' rows from the stories alone, before the pages' view is made."""
    from consilience.report.view import shown_stories, timeline_across

    dossier = synthetic(6, 30, background=3)
    shown = shown_stories(dossier.stories, dossier.articles)
    rows = timeline_across(shown, {a.id: a for a in dossier.articles})
    view = report_view(dossier)
    assert rows == list(view.timeline) and view.timeline_more > 0
