"""Comparisons of claims: time overlap and quantity intervals (pure functions)."""

from __future__ import annotations

import math
from datetime import date, timedelta

from ..lexicon.gazetteer import gazetteer
from ..records import Claim, Quantity, When
from .entities import names_nobody, same_entity

FAR_FUTURE = date(9999, 12, 31)


def time_span(when: When | None) -> tuple[date, date] | None:
    if when is None or not when.start:
        return None
    return when.start, when.end or FAR_FUTURE


def times_compatible(a: When | None, b: When | None) -> bool:
    """Unknown time is compatible with any; known times must overlap."""
    sa, sb = time_span(a), time_span(b)
    if sa is None or sb is None:
        return True
    return sa[0] <= sb[1] and sb[0] <= sa[1]


def interval(q: Quantity) -> tuple[float, float]:
    lo = q.low if q.low is not None else -math.inf
    hi = q.high if q.high is not None else math.inf
    if q.qualifier == "more_than":
        lo = q.value + 1e-9
    if q.qualifier == "less_than":
        hi = q.value - 1e-9
    return lo, hi


def quantities_overlap(a: Quantity, b: Quantity) -> bool:
    la, ha = interval(a)
    lb, hb = interval(b)
    return la <= hb and lb <= ha


_FUNCTION_WORDS = {"the", "a", "an", "these", "those", "this", "that", "their", "its", "his", "her", "some", "all",
                   "of", "and", "or", "neither", "nor", "both", "other", "more", "many", "most", "several"}


def _content(text: str) -> set[str]:
    """Content words, plus the actor group (``actors`` in the predicate table) of any that names one."""
    words = {w.strip(".,'’\"").lower() for w in text.split()} - _FUNCTION_WORDS
    gaz = gazetteer()
    groups = {f"<actor {g}>" for g in map(gaz.actor_group, words) if g is not None}
    return {w for w in words if w} | groups


def subjects_compatible(a: str | None, b: str | None) -> bool:
    """Unknown subject fits any; known ones must share a content word or an actor class
    ("North Korean troops" ~ "these soldiers"; "Pyongyang" !~ "troops")."""
    if not a or not b:
        return True
    return bool(_content(a) & _content(b))


def places_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return bool(_content(a) & _content(b))


# Days two reports of one event may differ by: a night event is dated the next day, a wire story
# by its dateline, time zones shift the date (ECB+ topics 1-15: many same-event pairs whose days
# differ are one day apart; allowing it gains 1.4 CoNLL F1 points there, bench/events_coref.py).
DAY_SLACK = timedelta(days=1)


def days_compatible(a: When | None, b: When | None) -> bool:
    """Unknown time fits any; known times must overlap, or be at most ``DAY_SLACK`` apart."""
    sa, sb = time_span(a), time_span(b)
    if sa is None or sb is None:
        return True
    return sa[0] - DAY_SLACK <= sb[1] and sb[0] - DAY_SLACK <= sa[1]


def is_vague(c: Claim) -> bool:
    """A bare event with nothing to pin it down ("casualties"): no subject, number or time."""
    return c.subject is None and c.quantity is None and c.when is None


def actors_compatible(a: str | None, b: str | None) -> bool:
    """Unknown (or a pronoun) fits any, and so does a description ("the actress" may be "Tara Reid");
    two names must be one entity ("Boehner" ~ "John A. Boehner", "Barack Obama" !~ "Michelle Obama")."""
    if names_nobody(a) or names_nobody(b) or same_entity(a, b):
        return True
    return not (_named(a or "") and _named(b or ""))


def _named(text: str) -> bool:
    """A proper name ("Barack Obama", "Acme"), not a description with a name in it ("North Korean troops")."""
    words = text.split()
    return bool(words) and words[-1][:1].isupper()


_SUFFIXES = ("ing", "ed", "es", "s", "e")


def event_words(c: Claim) -> set[str]:
    """What names a claim's event: its event class without the lexicon's sense mark ("shot:fire" ->
    "p:shot"), and its trigger word's crude stem ("checked into" -> "w:check"), so that two senses
    the lexicon chose apart for one word still meet. A bare count names nothing but its class."""
    words = {"p:" + c.predicate.split(":", 1)[0]}
    if c.trigger is not None and c.predicate != "count":
        first = c.trigger.text.lower().split()
        if first:
            words.add("w:" + _stem(first[0]))
    return words


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def is_speech(c: Claim) -> bool:
    """A speech act ("said", "denied", "urged"): its fact is one speaker's saying."""
    return c.speech or c.kind == "statement"


def kind_of_claim(c: Claim) -> str:
    """An event given with a number and a number given alone are one kind of claim to compare."""
    return "quantity" if c.quantity is not None else c.kind


def same_event(a: Claim, b: Claim) -> bool:
    """Two claims report the same real-world event: same event class and negation, compatible subject, object, place and time, and, when both give a
    number of one measure, numbers that can both hold. A speech act is one only with its speaker
    named on both sides and the same. Claims without a number never join claims with one: a fact's
    sources then all stand behind its figure."""
    if (a.negated, kind_of_claim(a)) != (b.negated, kind_of_claim(b)) or not event_words(a) & event_words(b):
        return False
    if (a.modality == "speculative") != (b.modality == "speculative"):
        return False  # "may be redeployed" is no report that they were
    if is_speech(a) and not (same_entity(a.subject, b.subject)):
        return False
    if not (actors_compatible(a.subject, b.subject) and actors_compatible(a.object, b.object)):
        return False
    if not days_compatible(a.when, b.when):
        return False
    if a.quantity is not None and b.quantity is not None:
        return quantities_overlap(a.quantity, b.quantity) and _close(a.quantity, b.quantity)
    return True


def _close(a: Quantity, b: Quantity) -> bool:
    """Overlapping and of the same order of magnitude (10,000+ and 11,000 yes; 1,000+ and 11,000 no)."""
    return max(a.value, b.value) <= 1.5 * min(a.value, b.value)
