"""Records are the contract both ways: from_dict reads what to_dict writes; vocabularies and dates
are checked; docs/dossier.md documents every field and every vocabulary word."""

from __future__ import annotations

import dataclasses
import json
import re
import typing
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from consilience import records
from consilience.records import (
    Article,
    Attribution,
    Claim,
    Dossier,
    Fact,
    Failure,
    Flag,
    Published,
    Quantity,
    Relation,
    Sentence,
    Span,
    Story,
    TimelineEntry,
    When,
)

DOCS = Path(__file__).parent.parent / "docs" / "dossier.md"
CONTRACT = [Dossier, Article, Published, Flag, Claim, Quantity, When, Attribution, Span, Story, Fact, Relation,
            TimelineEntry, Sentence, Failure]


def full_dossier() -> Dossier:
    """One of everything, every optional field filled."""
    text = "Officials said about 40 buses were lost on Monday in Bergen, and the mayor resigned."
    day = date(2025, 3, 3)
    when = When(start=day, end=None, text="since Monday", precision="week")
    claim = Claim(id="c1", article="a1", start=15, end=len(text), text=text[15:], kind="quantity", predicate="lost",
                  subject="buses", negated=True,
                  quantity=Quantity(value=40.0, low=36.0, high=44.0, unit="buses", qualifier="approx", kind="tally",
                                    tally=(40.0, 2.0), measure="fleet"),
                  when=when, where="Bergen",
                  attribution=Attribution(source="officials", via=("AFP",), text="Officials said",
                                          sources=("officials", "police")),
                  modality="reported", trigger=Span(start=30, end=34, text=text[30:34]), subject_text="buses",
                  object="the fleet", object_text="fleet")
    article = Article(id="a1", source="in/a.txt", text=text, url="https://news.example/a", outlet="Ledger",
                      title="Buses lost", author="K. Berg",
                      published=Published(date=day, earliest=day, latest=day, basis="metadata"), language="en",
                      removed=("Share this",), flags=(Flag("near_duplicate", "copies article a0", "Jaccard 0.9"),),
                      duplicate_of="a0")
    fact = Fact(id="f1", statement="about 40 buses lost", claims=("c1",), sources=("officials",), outlets=("Ledger",),
                status="single_source", when=when, weight=0.8)
    story = Story(id="s1", title="Buses lost", articles=("a1",), facts=(fact,),
                  relations=(Relation("refines", "f1", "f1", "narrower"),),
                  timeline=(TimelineEntry(start=day, end=date(2025, 3, 9), label="buses", facts=("f1",),
                                          precision="week"),),
                  summary=(Sentence("About 40 buses were lost.", ("c1",)),))
    return Dossier(articles=(article,), claims=(claim,), stories=(story,),
                   failures=(Failure("in/b.txt", "ingest", "empty", "no text; check the file"),), notes=("n",))


def test_every_record_reads_back_what_it_writes() -> None:
    d = full_dossier()
    data = json.loads(json.dumps(d.to_dict()))
    assert Dossier.from_dict(data) == d
    assert Dossier.from_dict(data).to_dict() == data


def test_the_seed_dossier_reads_back_byte_for_byte(kursk_reports: Path) -> None:
    from consilience.report.json_dossier import dossier_json, load_dossier

    path = kursk_reports / "dossier.json"
    dossier = load_dossier(path)
    assert dossier_json(dossier) == path.read_text(encoding="utf-8")
    assert all(isinstance(a.published.date, date | None) for a in dossier.articles)


def test_a_dossier_without_the_newer_optional_fields_still_reads(hostile_dossier: dict[str, Any]) -> None:
    d = Dossier.from_dict(hostile_dossier)
    assert d.claims[0].trigger is None and d.claims[0].quantity is not None
    assert d.claims[0].quantity.kind == "count" and d.stories[0].timeline[0].start == date(2025, 3, 3)


@pytest.mark.parametrize(("build", "message"), [
    (lambda: Fact("f", "s", (), (), (), status="confirmed"), "Fact.status is 'confirmed'; valid values: corroborated"),
    (lambda: When(start=None, end=None, text="t", precision="decade"), "When.precision is 'decade'"),
    (lambda: Published(basis="guess"), "Published.basis"),
    (lambda: Quantity(1, 1, 1, None, qualifier="roughly"), "Quantity.qualifier"),
    (lambda: Relation("agrees", "a", "b", "x"), "Relation.kind"),
    (lambda: Flag("odd", "d", "e"), "Flag.code"),
])
def test_a_word_outside_its_vocabulary_is_refused(build: Any, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        build()


def test_dates_are_dates_inside() -> None:
    with pytest.raises(TypeError, match="pass a datetime.date"):
        When(start="2025-01-01", end=None, text="t")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Published.date"):
        Published(date="2025-01-01")  # type: ignore[arg-type]


def test_a_bad_record_in_a_dossier_is_named() -> None:
    data = full_dossier().to_dict()
    data["stories"][0]["facts"][0]["status"] = "maybe"
    with pytest.raises(ValueError, match=r"stories\[0\] is not a Story: Fact.status is 'maybe'"):
        Dossier.from_dict(data)
    del data["claims"][0]["article"]
    with pytest.raises(ValueError, match=r"claims\[0\] is not a Claim: missing field 'article'"):
        Dossier.from_dict(data)


def documented_tables() -> dict[str, dict[str, str]]:
    """docs/dossier.md: for each record heading, its table's field -> the rest of the row."""
    tables: dict[str, dict[str, str]] = {}
    current = None
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"#{2,3} (\w+)", line)
        if heading:
            current = heading.group(1)
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if current and line.startswith("|") and cells[0] not in ("field", "---") and len(cells) >= 3:
            for name in cells[0].split(", "):
                tables.setdefault(current, {})[name] = " | ".join(cells[1:])
    return tables


def json_fields(record: type) -> set[str]:
    names = {f.name.rstrip("_") for f in dataclasses.fields(record)}
    return names | ({"format"} if record is Dossier else set())


@pytest.mark.parametrize("record", CONTRACT, ids=lambda r: r.__name__)
def test_docs_list_every_field_of_every_record(record: type) -> None:
    documented = documented_tables().get(record.__name__)
    assert documented is not None, f"docs/dossier.md has no table under a heading '{record.__name__}'"
    assert set(documented) == json_fields(record), "add the missing fields to docs/dossier.md, drop stale ones"


@pytest.mark.parametrize("record", CONTRACT, ids=lambda r: r.__name__)
def test_docs_name_every_word_of_every_vocabulary(record: type) -> None:
    hints = typing.get_type_hints(record, vars(records))
    documented = documented_tables()[record.__name__]
    for name, hint in hints.items():
        if typing.get_origin(hint) is typing.Literal:
            missing = [w for w in typing.get_args(hint) if f"`{w}`" not in documented[name.rstrip("_")]]
            assert not missing, f"docs/dossier.md, {record.__name__}.{name}: name {missing}"


def test_the_written_dossier_has_no_key_the_records_lack(kursk_reports: Path) -> None:
    data = json.loads((kursk_reports / "dossier.json").read_text(encoding="utf-8"))
    assert set(data) == json_fields(Dossier)
    assert set(data["claims"][0]) == json_fields(Claim)
    assert set(data["stories"][0]["facts"][0]) == json_fields(Fact)


def test_the_timeline_has_a_colour_for_every_precision() -> None:
    from consilience.report.timeline_chart import COLOURS

    assert tuple(COLOURS) == records.PRECISIONS
