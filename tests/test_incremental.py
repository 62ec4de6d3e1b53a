"""Incremental analysis: built at once or in steps, the same bytes; a re-run with nothing new does
nothing; a new article recomputes only the stories it touches."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from consilience import keys, pipeline
from consilience.pipeline import analyze, dossier_from, dossier_of, updated
from consilience.report.json_dossier import dossier_json
from consilience.store import open_store

COUNCIL = [
    "The Bergen city council approved a budget of 2.1 billion kroner on Tuesday after a nine-hour debate, "
    "the mayor said. The budget adds 40 buses to the northern routes and closes two schools.",
    "Bergen's councillors voted 37-30 to pass next year's budget, which closes two schools and buys 40 new buses, "
    "the council said on Tuesday. Opposition parties said they would appeal the school closures.",
]


@pytest.fixture
def corpus(tmp_path: Path, fixtures: Path) -> tuple[list[str], list[str]]:
    """Two halves. The second brings the one dated report of the Chile fires, so an undated report
    of the first half is dated from its story only when both are in: its claims must be redone."""
    a, b = tmp_path / "A", tmp_path / "B"
    a.mkdir()
    b.mkdir()
    shutil.copy(fixtures / "chile_fires" / "b.txt", a / "fires_b.txt")
    shutil.copy(fixtures / "wildfire.txt", a / "wildfire.txt")
    (a / "council_1.txt").write_text(COUNCIL[0], encoding="utf-8")
    shutil.copy(fixtures / "chile_fires" / "a.txt", b / "fires_a.txt")
    shutil.copy(fixtures / "chile_fires" / "c.txt", b / "fires_c.txt")
    (b / "council_2.txt").write_text(COUNCIL[1], encoding="utf-8")
    return [str(a)], [str(b)]


def test_built_in_steps_or_at_once_the_dossier_is_the_same(corpus: tuple[list[str], list[str]],
                                                           tmp_path: Path) -> None:
    first, second = corpus
    steps = open_store(tmp_path / "steps.db")
    before = analyze(first, store=steps)
    in_steps = analyze(second, store=steps)
    at_once = analyze(first + second, store=open_store(tmp_path / "once.db"))
    assert dossier_json(in_steps) == dossier_json(at_once)
    assert len(in_steps.articles) == 6 and len(before.articles) == 3
    undated = next(a for a in before.articles if a.source.endswith("fires_b.txt"))
    dated = next(a for a in in_steps.articles if a.source.endswith("fires_b.txt"))
    assert undated.published.basis == "unknown" and dated.published.basis == "inferred"
    in_memory = dossier_of(open_store(tmp_path / "once.db").articles())
    assert dossier_json(in_memory) == dossier_json(at_once)


def test_a_rerun_with_nothing_new_does_nothing(corpus: tuple[list[str], list[str]], tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = corpus
    store = open_store(tmp_path / "s.db")
    once = updated(first + second, store=store)
    assert once.changed and once.recomputed == once.stories and once.added == 6
    calls: list[str] = []
    monkeypatch.setattr(pipeline, "extracted", lambda *a, **k: calls.append("claims") or {})
    again = updated(first + second, store=store)
    assert not again.changed and (again.extracted, again.recomputed, again.added) == (0, 0, 0)
    assert again.analysis == once.analysis and calls == []
    assert dossier_json(dossier_from(store)) == dossier_json(analyze(first + second, store=store))


def test_a_new_article_recomputes_only_the_stories_it_touches(corpus: tuple[list[str], list[str]],
                                                              tmp_path: Path) -> None:
    first, second = corpus
    store = open_store(tmp_path / "s.db")
    updated(first + second, store=store)
    extra = tmp_path / "C"
    extra.mkdir()
    (extra / "council_3.txt").write_text(
        "The Bergen council budget passed on Tuesday by 37 votes to 30 closes two schools, the mayor said, "
        "and 40 buses will join the northern routes next year.", encoding="utf-8")
    grown = updated(first + second + [str(extra)], store=store)
    assert grown.added == 1 and grown.extracted == 0  # extracted while it was ingested, never again
    assert grown.recomputed == 1 < grown.stories
    council = [s for s in dossier_from(store).stories if any("council_3" in i for i in _sources(store, s.articles))]
    assert len(council) == 1 and len(council[0].articles) == 3


def test_a_story_is_reconciled_from_its_own_articles_alone(corpus: tuple[list[str], list[str]],
                                                          tmp_path: Path) -> None:
    """What memoising stories per story rests on: reconciling them together or one by one is the same."""
    from consilience.reconcile import stories_of

    first, second = corpus
    d = analyze(first + second, store=open_store(tmp_path / "s.db"))
    groups = [list(s.articles) for s in d.stories]
    together = stories_of(d.articles, d.claims, groups)
    alone = [stories_of([a for a in d.articles if a.id in g], [c for c in d.claims if c.article in g], [g])[0]
             for g in groups]
    assert [s.to_dict() for s in together] == [s.to_dict() for s in alone] == [s.to_dict() for s in d.stories]
    assert len(groups) >= 3


def test_a_new_extractor_redoes_the_claims(corpus: tuple[list[str], list[str]], tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    first, _ = corpus
    store = open_store(tmp_path / "s.db")
    updated(first, store=store)
    real = keys.extractor_version()
    monkeypatch.setattr(keys, "extractor_version", lambda: real + "-next")
    again = updated(first, store=store)
    assert again.extracted == 3 and again.changed


def test_the_model_the_keys_name_is_the_one_claims_load() -> None:
    from consilience.claims import EXTRACTOR_VERSION
    from consilience.claims.parse import MODEL

    assert keys.constant("consilience.claims.parse", "MODEL") == MODEL
    assert keys.extractor_version().startswith(f"{EXTRACTOR_VERSION}+")


def _sources(store: object, ids: tuple[str, ...]) -> list[str]:
    return [a.source for a in store.articles(list(ids))]  # type: ignore[attr-defined]


def test_outputs_holding_the_analysis_are_left_as_they_are(corpus: tuple[list[str], list[str]],
                                                           tmp_path: Path) -> None:
    from consilience.pipeline import published

    first, second = corpus
    store, out = open_store(tmp_path / "s.db"), tmp_path / "out"
    written = published(store, updated(first, store=store), out, reports=False)
    assert written.rewritten and [p.name for p in written.files] == ["dossier.json"]
    assert not published(store, updated(first, store=store), out, reports=False).rewritten
    (out / "dossier.json").write_text("{}", encoding="utf-8")  # changed by hand: written again
    assert published(store, updated(first, store=store), out, reports=False).rewritten
    with pytest.MonkeyPatch.context() as mp:  # an upgrade of the writers: the same analysis is written again
        mp.setattr("consilience.report.parts.writers_version", lambda: "another version")
        assert published(store, updated(first, store=store), out, reports=False).rewritten
    grown = published(store, updated(first + second, store=store), out, reports=False)
    assert grown.rewritten and grown.articles == 6
    assert (out / "dossier.json").read_text(encoding="utf-8") == dossier_json(dossier_from(store))
    run = store.last_run()
    assert run is not None and run["dossier"] == hashlib.sha256((out / "dossier.json").read_bytes()).hexdigest()


def test_workers_give_the_same_dossier(corpus: tuple[list[str], list[str]], tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Cleaning, claims and stories spread over worker processes: the bytes one process gives."""
    monkeypatch.setattr(pipeline, "PARALLEL_MIN", 1)
    first, second = corpus
    one = analyze(first + second, store=open_store(tmp_path / "one.db"))
    two = analyze(first + second, store=open_store(tmp_path / "two.db"), workers=2)
    assert dossier_json(one) == dossier_json(two)


def test_what_ingest_prepared_is_not_prepared_again(corpus: tuple[list[str], list[str]], tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    first, _ = corpus
    calls: list[str] = []
    real = pipeline.prepared_of
    monkeypatch.setattr(pipeline, "prepared_of", lambda a: calls.append(a.id) or real(a))
    updated(first, store=open_store(tmp_path / "s.db"))
    assert len(calls) == 3  # once each, while ingesting


def test_the_dossier_put_together_from_the_store_is_the_dossier(corpus: tuple[list[str], list[str]],
                                                                 tmp_path: Path) -> None:
    from consilience.records import Failure

    first, second = corpus
    store = open_store(tmp_path / "s.db")
    assert "".join(store.dossier_pieces()) == dossier_json(dossier_from(store))  # empty: "[]" lists
    updated(first + second, store=store)
    failures = [Failure("in/x.txt", "ingest", "empty", "no text; check the file")]
    d = dossier_from(store, failures=failures)
    assert "".join(store.dossier_pieces(failures, ["a note"])) == dossier_json(
        type(d)(d.articles, d.claims, d.stories, d.failures, (*d.notes, "a note")))
    assert len(d.claims) > 10 and len(d.stories) >= 3


def _files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def test_reports_built_in_steps_or_at_once_are_the_same(corpus: tuple[list[str], list[str]], tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Every report put together from stored parts, re-rendered only where new articles changed
    them, holds the bytes the whole-dossier writers give."""
    from consilience import report
    from consilience.pipeline import published
    from consilience.report import view
    from consilience.report.publish import REPORT_FILES

    monkeypatch.setattr(view, "STORIES_SHOWN", 1)  # the pages read the other stories' claims as refs only
    first, second = corpus
    steps, steps_out = open_store(tmp_path / "steps.db"), tmp_path / "steps"
    published(steps, updated(first, store=steps), steps_out)
    before = steps.part_keys("claims.csv")
    published(steps, updated(first + second, store=steps), steps_out)
    after = steps.part_keys("claims.csv")
    once, once_out = open_store(tmp_path / "once.db"), tmp_path / "once"
    published(once, updated(first + second, store=once), once_out)
    whole = tmp_path / "whole"
    report.write_outputs(dossier_from(once), whole)
    assert set(_files(steps_out)) == {"dossier.json", *REPORT_FILES}
    assert _files(steps_out) == _files(once_out) == _files(whole)
    again = tmp_path / "again"  # every part (the timeline's pictures too) from the store
    published(steps, updated(first + second, store=steps), again)
    assert _files(again) == _files(whole)
    kept = [a for a, key in after.items() if before.get(a) == key]  # articles whose claim rows were not rendered again
    assert len(after) == 6 and 0 < len(kept) < 3


def test_reports_of_a_store_in_memory_are_written_in_this_process(corpus: tuple[list[str], list[str]],
                                                                   tmp_path: Path) -> None:
    from consilience import report
    from consilience.pipeline import published
    from consilience.store.sqlite import SQLiteStore

    first, _ = corpus
    store = SQLiteStore(":memory:")  # no file a second process could open
    published(store, updated(first, store=store), tmp_path / "mem")
    report.write_outputs(dossier_from(store), tmp_path / "whole")
    assert _files(tmp_path / "mem") == _files(tmp_path / "whole")


def _pids_of_calls(monkeypatch: pytest.MonkeyPatch, owner: object, name: str, log: Path) -> None:
    """Append the id of the process to ``log`` at every call of ``owner.name`` (forked processes too)."""
    import os

    real = getattr(owner, name)

    def logged(*args: object, **kwargs: object) -> object:
        with log.open("a") as f:
            f.write(f"{os.getpid()}\n")
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, logged)


def test_claims_of_a_few_new_articles_extracted_alongside_are_the_claims(corpus: tuple[list[str], list[str]],
                                                                         tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """With workers, a few new articles' claims are extracted in a forked process while stories are
    grouped here: the dossier is the one a single process gives, in steps or at once."""
    import os

    first, second = corpus
    log = tmp_path / "pids"
    _pids_of_calls(monkeypatch, pipeline, "extracted", log)
    steps = open_store(tmp_path / "steps.db")
    analyze(first, store=steps, workers=2)
    in_steps = analyze(second, store=steps, workers=2)  # the second half dates fires_b: its claims redone here
    at_once = analyze(first + second, store=open_store(tmp_path / "once.db"))
    assert dossier_json(in_steps) == dossier_json(at_once)
    pids = log.read_text().split()
    assert str(os.getpid()) in pids and len(set(pids) - {str(os.getpid())}) >= 2  # one forked process per run


def test_the_analysing_process_is_the_only_writer_of_report_parts(corpus: tuple[list[str], list[str]],
                                                                  tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables, graph and timeline pictures are made in forked processes; their parts come back and
    are stored here (one writer)."""
    import os

    from consilience.pipeline import published
    from consilience.store.sqlite import SQLiteStore

    first, second = corpus
    log = tmp_path / "pids"
    _pids_of_calls(monkeypatch, SQLiteStore, "put_parts", log)
    store = open_store(tmp_path / "s.db")
    published(store, updated(first, store=store), tmp_path / "out")
    published(store, updated(first + second, store=store), tmp_path / "out")
    pids = log.read_text().split()
    assert len(pids) >= 4 and set(pids) == {str(os.getpid())}
    assert len(store.part_keys("claims.csv")) == 6 and set(store.part_keys("timeline")) == {"svg", "png"}


def test_stories_read_once_are_the_stored_ones_until_they_change(corpus: tuple[list[str], list[str]],
                                                                 tmp_path: Path) -> None:
    """A story record read from the store is reused only while its key is the stored one."""
    first, second = corpus
    store = open_store(tmp_path / "s.db")
    updated(first, store=store)
    keys_before = store.story_keys()
    before = {s.id: s for s in store.stories()}
    assert all(before[s.id] is s for s in store.stories())  # read once
    updated(first + second, store=store)
    fresh = open_store(tmp_path / "s.db")
    assert [s.to_dict() for s in store.stories()] == [s.to_dict() for s in fresh.stories()]
    kept = {i for i, key in store.story_keys().items() if keys_before.get(i) == key}
    assert kept and len(kept) < len(before)
    assert all((before.get(s.id) is s) == (s.id in kept) for s in store.stories())


def test_story_counts_read_from_the_store_are_the_stories_counts(corpus: tuple[list[str], list[str]],
                                                                 tmp_path: Path) -> None:
    """The story index rows come from the store's columns, not the stories' records: the same counts."""
    from consilience.report.view import SHOWN_RELATIONS, StoryCounts

    first, second = corpus
    store = open_store(tmp_path / "s.db")
    updated(first + second, store=store)
    counted = [StoryCounts(*row) for row in store.story_counts(SHOWN_RELATIONS)]
    assert counted == [StoryCounts.of(s) for s in store.stories()]
    assert any(c.n_facts for c in counted) and len(counted) >= 3


def test_the_pages_read_only_the_stories_they_show(corpus: tuple[list[str], list[str]], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A story with no section is a row of the index, read from the store's columns: its record is not read."""
    from consilience.pipeline import published
    from consilience.records import Story
    from consilience.report import view

    first, second = corpus
    store = open_store(tmp_path / "s.db")
    update = updated(first + second, store=store)
    monkeypatch.setattr(view, "STORIES_SHOWN", 1)
    read: list[str] = []
    real = Story.from_dict

    def counted(d: dict[str, object]) -> Story:
        read.append(str(d["id"]))
        return real(d)

    monkeypatch.setattr(Story, "from_dict", staticmethod(counted))
    reader = open_store(tmp_path / "s.db")  # nothing read yet
    published(reader, update, tmp_path / "out")
    assert len(store.story_keys()) >= 3 and len(set(read)) == 1


def test_the_process_extracting_a_few_new_articles_starts_before_they_are_cleaned(
        corpus: tuple[list[str], list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The forked process loads the claim stage's model while the new documents are cleaned here."""
    first, second = corpus
    store = open_store(tmp_path / "s.db")
    updated(first, store=store)
    events: list[str] = []
    for name in ("_side_extractor", "_prepared_chunk"):
        real = getattr(pipeline, name)
        monkeypatch.setattr(pipeline, name, lambda *a, _real=real, _name=name, **k: events.append(_name) or _real(*a, **k))
    update = updated(first + second, store=store, workers=2)
    assert update.added == 3
    assert events[0] == "_side_extractor" and events.count("_side_extractor") == 1 and "_prepared_chunk" in events


def test_story_grouping_counts_each_article_s_terms_once(corpus: tuple[list[str], list[str]], tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Adding articles groups the stories again from every article's stored terms: only the new
    articles' texts are read (when they are stored)."""
    from consilience.reconcile import stories

    first, second = corpus
    store = open_store(tmp_path / "s.db")
    updated(first, store=store)
    counted: list[str] = []
    real = stories._counted
    monkeypatch.setattr(stories, "_counted", lambda a: counted.append(a.source) or real(a))
    grown = updated(first + second, store=store)
    assert grown.added == 3 and sorted(Path(s).name for s in counted) == ["council_2.txt", "fires_a.txt", "fires_c.txt"]
    assert len(store.terms()) == 6


def test_terms_stored_by_other_code_are_counted_again(corpus: tuple[list[str], list[str]], tmp_path: Path) -> None:
    """Stored terms count only under the version of the code that counted them: with another, every
    article's are counted again, and the stories are those of a fresh analysis."""
    first, second = corpus
    store = open_store(tmp_path / "s.db")
    updated(first, store=store)
    store.put_terms({i: "bogus 1\nBogus 1" for i in store.ids()})  # all alike: one story, were they read
    store.put_state("terms", "older code")
    in_steps = analyze(second, store=store)
    at_once = analyze(first + second, store=open_store(tmp_path / "once.db"))
    assert dossier_json(in_steps) == dossier_json(at_once) and len(at_once.stories) >= 3
    assert "bogus" not in "".join(store.terms().values())


def test_the_timeline_pictures_are_drawn_again_when_their_entries_change(
        corpus: tuple[list[str], list[str]], tmp_path: Path) -> None:
    """The pictures are stored under a key of the entries they draw: new articles that change the
    timeline get new pictures (never the stored ones), the ones the whole-dossier writer draws."""
    from consilience import report
    from consilience.pipeline import published

    first, second = corpus
    store, out = open_store(tmp_path / "s.db"), tmp_path / "out"
    published(store, updated(first, store=store), out)
    before, key = _files(out), store.part_keys("timeline")
    published(store, updated(first + second, store=store), out)
    report.write_outputs(dossier_from(store), tmp_path / "whole")
    after, whole = _files(out), _files(tmp_path / "whole")
    assert store.part_keys("timeline") != key
    for name in ("timeline.svg", "timeline.png", "report.html"):
        assert after[name] != before[name] and after[name] == whole[name], name


def _rendered_sections(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the stories whose page sections are rendered from here on."""
    from consilience.report import sections

    rendered: list[str] = []
    real = sections.rendered

    def counted(stories, *args, **kwargs):  # type: ignore[no-untyped-def]
        rendered.extend(s.id for s in stories)
        return real(stories, *args, **kwargs)

    monkeypatch.setattr(sections, "rendered", counted)
    return rendered


def test_page_sections_are_rendered_again_only_for_the_stories_that_changed(
        corpus: tuple[list[str], list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new article renders again the section of the story it joins (its citations numbered after
    the stories before it); the other sections are the stored ones; the pages are the whole writer's."""
    from consilience import report
    from consilience.pipeline import published

    first, second = corpus
    store, out = open_store(tmp_path / "s.db"), tmp_path / "out"
    published(store, updated(first + second, store=store), out)
    extra = tmp_path / "C"
    extra.mkdir()
    (extra / "council_3.txt").write_text(
        "The Bergen council budget passed on Tuesday by 37 votes to 30 closes two schools, the mayor said, "
        "and 40 buses will join the northern routes next year.", encoding="utf-8")
    rendered = _rendered_sections(monkeypatch)
    published(store, updated(first + second + [str(extra)], store=store), out)
    council = [s for s in dossier_from(store).stories if any("council_3" in i for i in _sources(store, s.articles))]
    assert rendered == [council[0].id] and len(store.part_keys("sections")) >= 3
    report.write_outputs(dossier_from(store), tmp_path / "whole")
    assert _files(out) == _files(tmp_path / "whole")


def test_page_sections_of_other_code_or_another_extractor_are_rendered_again(
        corpus: tuple[list[str], list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from consilience.pipeline import published
    from consilience.report import sections

    first, second = corpus
    store = open_store(tmp_path / "s.db")
    published(store, updated(first + second, store=store), tmp_path / "a")
    n = len(store.story_keys())
    rendered = _rendered_sections(monkeypatch)
    published(store, updated(first + second, store=store), tmp_path / "b")  # another folder: written again
    assert rendered == []
    real = sections.version()
    monkeypatch.setattr(sections, "version", lambda: real + "-next")
    published(store, updated(first + second, store=store), tmp_path / "c")
    assert len(rendered) == n >= 3
    monkeypatch.undo()
    published(store, updated(first + second, store=store), tmp_path / "c2")  # back to this code's sections
    rendered = _rendered_sections(monkeypatch)
    published(store, updated(first + second, store=store), tmp_path / "c3")
    assert rendered == []
    extractor = keys.extractor_version()
    monkeypatch.setattr(keys, "extractor_version", lambda: extractor + "-next")
    published(store, updated(first + second, store=store), tmp_path / "d")
    assert len(rendered) == n and _files(tmp_path / "d") == _files(tmp_path / "a")


def test_pages_whose_text_holds_the_citation_stand_ins_are_rendered_whole(
        corpus: tuple[list[str], list[str]], tmp_path: Path) -> None:
    """An article quoting the digits of a citation's stand-in cannot be numbered by replacing them:
    its pages are rendered whole, the whole writer's bytes."""
    from consilience import report
    from consilience.pipeline import published
    from consilience.report import sections

    first, second = corpus
    quoting = tmp_path / "D"
    quoting.mkdir()
    (quoting / "council_4.txt").write_text(
        f"The Bergen city council approved a budget of 2.1 billion kroner on Tuesday, the mayor said; the "
        f"budget line is {sections.MARK + 1} in the ledger. It adds 40 buses to the northern routes.",
        encoding="utf-8")
    store, out = open_store(tmp_path / "s.db"), tmp_path / "out"
    published(store, updated(first + second + [str(quoting)], store=store), out)
    assert str(sections.MARK + 1) in (out / "report.html").read_text(encoding="utf-8")
    assert store.part_keys("sections") == {}
    report.write_outputs(dossier_from(store), tmp_path / "whole")
    assert _files(out) == _files(tmp_path / "whole")
