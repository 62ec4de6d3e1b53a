"""Facts, relations and the briefing on the example corpus and on hand-made claims; determinism."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from consilience import analyze, open_store
from consilience.reconcile.relations import relation
from consilience.records import Article, Claim, Fact, Published, When
from consilience.report.json_dossier import dossier_json


def run(examples: Path, tmp_path: Path, name: str) -> str:
    return dossier_json(analyze([str(examples)], store=open_store(tmp_path / f"{name}.db")))


def test_two_runs_are_byte_identical(examples: Path, tmp_path: Path) -> None:
    assert run(examples, tmp_path, "a") == run(examples, tmp_path, "b")


def _state(cid: str, art: str, predicate: str, *, negated: bool = False, start: str, end: str | None = None) -> Claim:
    return Claim(id=cid, article=art, start=0, end=1, text="x", kind="event", predicate=predicate, negated=negated,
                 subject="North Korean troops", when=When(start=date.fromisoformat(start),
                 end=date.fromisoformat(end) if end else None, text="t"))


def test_a_later_opposite_state_updates() -> None:
    quiet = _state("q", "a", "in_combat", negated=True, start="2024-03-11")
    back = _state("r", "b", "redeployed", start="2024-04-01", end="2024-04-10")
    facts = [Fact(id="f" + c.id, statement=c.id, claims=(c.id,), sources=(), outlets=(), status="single_source")
             for c in (quiet, back)]
    arts = {a: Article(id=a, source=a, text="x", published=Published()) for a in "ab"}
    r = relation(facts[0], facts[1], [quiet], [back], arts)
    assert r is not None and r.kind == "updates" and r.from_ == "fr" and r.claims == ("r", "q") and r.explanation


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
