"""Facts are cross-document event coreference inside a story: stories written for these tests."""

from __future__ import annotations

from datetime import date

from consilience.reconcile.facts import grouped_claims
from consilience.records import Claim, Quantity, When


def _c(cid: str, art: str, predicate: str, subject: str | None = None, *, obj: str | None = None,
       negated: bool = False, value: float | None = None, day: str | None = None, kind: str = "event") -> Claim:
    q = Quantity(value=value, low=value, high=value, unit="people", qualifier="exact") if value is not None else None
    w = When(start=date.fromisoformat(day), end=date.fromisoformat(day), text=day) if day else None
    return Claim(id=cid, article=art, start=0, end=1, text="x", kind="quantity" if q else kind, predicate=predicate,
                 subject=subject, object=obj, negated=negated, quantity=q, when=w)


def groups(*claims: Claim) -> list[set[str]]:
    return sorted(({c.id for c in g} for g in grouped_claims(claims)), key=sorted)


def test_one_event_told_by_three_outlets_under_name_variants_is_one_fact() -> None:
    assert groups(_c("a", "1", "resigned", "Speaker John A. Boehner of Ohio", day="2015-09-25"),
                  _c("b", "2", "resigned", "Boehner"),
                  _c("c", "3", "resigned", "John Boehner", day="2015-09-25")) == [{"a", "b", "c"}]


def test_repeated_mentions_in_one_article_join() -> None:
    assert groups(_c("a", "1", "arrested", "police", obj="Tara Reid"), _c("b", "1", "arrested", obj="Reid")) == [{"a", "b"}]


def test_different_events_never_share_a_fact() -> None:
    # two people, one event class
    assert groups(_c("a", "1", "resigned", "Barack Obama"), _c("b", "2", "resigned", "Michelle Obama")) == [{"a"}, {"b"}]
    # two days
    assert groups(_c("a", "1", "struck", "earthquake", day="2014-08-03"),
                  _c("b", "2", "struck", "earthquake", day="2014-08-10")) == [{"a"}, {"b"}]
    # negation respected
    assert groups(_c("a", "1", "confirmed", "the agency"), _c("b", "2", "confirmed", "the agency", negated=True)) \
        == [{"a"}, {"b"}]
    # numbers that cannot both hold, however similar
    assert groups(_c("a", "1", "killed", "people", value=12), _c("b", "2", "killed", "people", value=14)) \
        == [{"a"}, {"b"}]
    # different objects
    assert groups(_c("a", "1", "fired", "the club", obj="Mark Hughes"),
                  _c("b", "2", "fired", "the club", obj="Roy Hodgson")) == [{"a"}, {"b"}]


def test_a_speech_act_is_one_speakers_saying() -> None:
    said = [_c("a", "1", "said", "the mayor", kind="statement"), _c("b", "2", "said", "police", kind="statement"),
            _c("c", "3", "said", kind="statement"), _c("d", "4", "said", "the mayor", kind="statement")]
    assert groups(*said) == [{"a", "d"}, {"b"}, {"c"}]


def test_a_night_event_dated_the_next_day_is_still_one_event_but_months_apart_are_two() -> None:
    assert groups(_c("a", "1", "shot", "gunman", day="2013-03-09"), _c("b", "2", "shot", "gunman", day="2013-03-10")) \
        == [{"a", "b"}]
    dec = When(start=date(2024, 12, 1), end=date(2024, 12, 31), text="December", precision="month")
    feb = When(start=date(2025, 2, 1), end=date(2025, 2, 10), text="early February", precision="part_of_month")
    a = Claim(id="a", article="1", start=0, end=1, text="x", kind="event", predicate="redeployed", when=dec)
    b = Claim(id="b", article="2", start=0, end=1, text="x", kind="event", predicate="redeployed", when=feb)
    assert groups(a, b) == [{"a"}, {"b"}]


def test_two_senses_of_one_word_in_two_outlets_meet() -> None:
    from consilience.records import Span

    a = Claim(id="a", article="1", start=0, end=4, text="shot", kind="event", predicate="shot",
              subject="Ian Stawicki", trigger=Span(0, 4, "shot"))
    b = Claim(id="b", article="2", start=0, end=8, text="shooting", kind="event", predicate="shot:fire",
              subject="Stawicki", trigger=Span(0, 8, "shooting"))
    assert groups(a, b) == [{"a", "b"}]
