"""Facts, relations and the briefing on the example corpus and on hand-made claims; determinism."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from consilience import analyze, open_store
from consilience.reconcile.relations import relation
from consilience.records import Claim, Fact, Quantity, When
from consilience.report.json_dossier import dossier_json


def run(examples: Path, tmp_path: Path, name: str) -> str:
    return dossier_json(analyze([str(examples)], store=open_store(tmp_path / f"{name}.db")))


def test_two_runs_are_byte_identical(examples: Path, tmp_path: Path) -> None:
    assert run(examples, tmp_path, "a") == run(examples, tmp_path, "b")


def _claim(cid: str, predicate: str, *, value: float | None = None, qualifier: str = "exact", negated: bool = False,
           start: str | None = None, end: str | None = None) -> Claim:
    q = None
    if value is not None:
        lo = value if qualifier in ("exact", "at_least", "more_than") else None
        hi = value if qualifier in ("exact", "at_most", "less_than") else None
        if qualifier == "approx":
            lo, hi = value * 0.9, value * 1.1
        q = Quantity(value=value, low=lo, high=hi, unit=None, qualifier=qualifier)
    when = When(start=date.fromisoformat(start), end=date.fromisoformat(end) if end else None, text="t") if start else None
    return Claim(id=cid, article="a", start=0, end=1, text="x", kind="quantity" if q else "event",
                 predicate=predicate, negated=negated, quantity=q, when=when)


def _fact(c: Claim) -> Fact:
    return Fact(id="f" + c.id, statement=c.id, claims=(c.id,), sources=(), outlets=(), status="single_source")


def rel(a: Claim, b: Claim) -> str | None:
    r = relation(_fact(a), _fact(b), a, b)
    return r.kind if r else None


def test_quantity_relations() -> None:
    approx = _claim("a", "deployed", value=5000, qualifier="approx")
    more = _claim("b", "deployed", value=4500, qualifier="more_than")
    far = _claim("c", "deployed", value=900)
    assert rel(approx, more) == "compatible"
    assert rel(approx, far) == "contradicts"
    later = _claim("d", "deployed", value=900, start="2024-05-01", end="2024-05-31")
    earlier = _claim("e", "deployed", value=5000, start="2023-01-01", end="2023-01-31")
    assert rel(later, earlier) == "updates"


def test_killed_is_part_of_casualties() -> None:
    killed = _claim("k", "killed", value=400, qualifier="at_least")
    casualties = _claim("c", "casualties", value=1500, qualifier="more_than")
    assert rel(killed, casualties) == "compatible"
    too_many = _claim("t", "killed", value=3000, qualifier="more_than")
    few = _claim("f", "casualties", value=1000, qualifier="at_most")
    assert rel(too_many, few) == "contradicts"


def test_later_opposite_state_updates() -> None:
    quiet = _claim("q", "in_combat", negated=True, start="2024-03-11")
    back = _claim("r", "redeployed", start="2024-04-01", end="2024-04-10")
    r = relation(_fact(quiet), _fact(back), quiet, back)
    assert r is not None and r.kind == "updates" and r.from_ == "fr" and r.explanation


def test_briefing_sentences_state_only_what_their_claims_hold(examples: Path, tmp_path: Path) -> None:
    dossier = analyze([str(examples)], store=open_store(tmp_path / "s.db"))
    claims = {c.id: c for c in dossier.claims}
    story = max(dossier.stories, key=lambda s: len(s.articles))
    assert len(story.summary) >= 3
    for sentence in story.summary:
        cited = [claims[c] for c in sentence.claims]
        assert cited, sentence.text
        stated = re.sub(r"\b\d+ independent sources", "", sentence.text)  # a count of sources, not a claim
        for number in re.findall(r"\d{1,3}(?:,\d{3})+|\b\d+\b", stated):
            value = float(number.replace(",", ""))
            assert any(c.quantity and c.quantity.value == value for c in cited) or \
                any(number in c.text or (c.when and number in f"{c.when.start or ''}{c.when.end or ''}") for c in cited), \
                f"{number!r} in {sentence.text!r} is in none of its claims"


def test_example_corpus_facts_and_sources(examples: Path, tmp_path: Path) -> None:
    dossier = analyze([str(examples)], store=open_store(tmp_path / "s.db"))
    assert len(dossier.stories) == 1 and len(dossier.stories[0].articles) == 5
    facts = dossier.stories[0].facts
    no_combat = [f for f in facts if f.statement.split(" (")[0].endswith("not in combat") and len(f.claims) >= 4]
    assert no_combat and "National Intelligence Service" in no_combat[0].sources
    outlets = {a.outlet for a in dossier.articles}
    assert not outlets & set(no_combat[0].sources)
    undated = [a for a in dossier.articles if a.published.basis == "unknown"]
    assert not undated
    flagged = {f.code for a in dossier.articles for f in a.flags}
    assert {"placeholder_text", "date_inconsistency", "machine_generated_suspected"} <= flagged


def test_one_source_under_its_several_names() -> None:
    from consilience.reconcile.sources import source_aliases

    names = source_aliases(["the country's coast guard", "coast guard", "Greece's coast guard", "Italy's army",
                            "Peru's health ministry", "Chile's health ministry", "health ministry", "army"])
    assert names["coast guard"] == names["the country's coast guard"] == "Greece's coast guard"
    assert "army" not in names  # one word: too generic to join anything
    assert "health ministry" not in names  # two countries' ministries: ambiguous, left apart


def test_a_figure_from_a_later_or_uncertainly_later_time_updates() -> None:
    monday = _claim("m", "killed", value=99, start="2024-02-04", end="2024-02-04")
    wednesday = _claim("w", "killed", value=131, start="2024-02-07", end="2024-02-07")
    week = _claim("k", "killed", value=99, start="2024-02-04", end="2024-02-11")
    same_day = _claim("s", "killed", value=140, start="2024-02-07", end="2024-02-07")
    assert rel(monday, wednesday) == "updates" and rel(week, wednesday) == "updates"
    assert rel(wednesday, same_day) == "contradicts"


def test_a_bare_number_contradicts_nothing() -> None:
    bare = _claim("b", "count", value=112)
    people = _claim("p", "count", value=370)
    assert rel(bare, people) is None


def test_counts_without_a_time_are_as_of_publication() -> None:
    from consilience.reconcile import as_of_publication
    from consilience.records import Article, Published

    art = Article(id="a", source="a.txt", text="x", published=Published(date=date(2024, 2, 5), earliest=date(2024, 2, 5),
                                                                          latest=date(2024, 2, 5), basis="metadata"))
    c = as_of_publication(_claim("c", "killed", value=112), {"a": art})
    assert c.when is not None and (c.when.start, c.when.end) == (date(2024, 2, 5), date(2024, 2, 5))
    dated = _claim("d", "killed", value=112, start="2024-01-01", end="2024-01-31")
    assert as_of_publication(dated, {"a": art}) == dated


def test_three_wire_reports_of_one_disaster(fixtures: Path, tmp_path: Path) -> None:
    """Hand-written reports (not the seeds): a dated page, an AFP copy with only weekdays, and a
    Reuters copy with a year-less dateline two days later."""
    dossier = analyze([str(fixtures / "chile_fires")], store=open_store(tmp_path / "s.db"))
    assert len(dossier.stories) == 1
    by_file = {a.source.rsplit("/", 1)[-1]: a for a in dossier.articles}
    assert by_file["b.txt"].outlet == "Agence France-Presse" and by_file["c.txt"].outlet == "Reuters"
    assert by_file["c.txt"].published.date == date(2024, 2, 7)  # "Feb 7" placed by the story's dated report
    assert by_file["a.txt"].title == "Chile wildfires: death toll rises to 112, officials say"
    story = dossier.stories[0]
    sources = {s for f in story.facts for s in f.sources}
    assert "Chile's forensic service" in sources and "forensic service" not in sources
    statements = {f.id: f.statement for f in story.facts}
    updates = [(statements[r.from_], statements[r.to]) for r in story.relations if r.kind == "updates"]
    assert any("131" in late for late, _ in updates)
    assert not [r for r in story.relations if r.kind == "contradicts"]


def test_an_acronym_and_a_description_join_the_full_name() -> None:
    from consilience.reconcile.sources import source_aliases

    names = source_aliases(iter(["Senegal's National Flood Response Agency", "NAFRA", "the country's flood agency",
                                 "National Flood Response Agency", "the interior ministry", "NFL"]))
    full = "Senegal's National Flood Response Agency"
    assert names["NAFRA"] == names["the country's flood agency"] == names["National Flood Response Agency"] == full
    assert names.get("the interior ministry", "the interior ministry") == "the interior ministry"
    assert "NFL" not in names  # no full name of the story has those words or letters
