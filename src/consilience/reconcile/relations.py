"""Relations between a story's facts: contradicts, updates, refines, compatible.

Fewer, true relations beat many: two facts are related only when they measure the same thing.

1. *Quantities* are compared only when they share the event class, the kind of number, the unit and
   counted noun, the measure, and a named subject entity (``measure.py``, ``entities.py``); when
   their times overlap (a running count, such as a toll, may be compared across times); never two
   numbers from one article, unless that article itself dates them apart ("rose to 131 on
   Wednesday, up from 112 on Monday"); never a forecast.
   - bounds that overlap after rounding: ``refines`` (the narrower within the wider: "$43,885,310"
     refines "$43 million") or ``compatible``; two shares adding up to the whole ("a 23% cut",
     "77% payable") are ``compatible``;
   - bounds that cannot both hold: ``updates`` when one figure is as of a later day than the other
     (its own date, else its article's, unless its sentence names another year before it: then it is
     of no known day), ``contradicts`` when both are as of the same day, unless
     both are one speaker's figures of a running count (a toll revised during the day: no relation).
2. *States*: the same subject doing and not doing a thing ("not in combat since mid-January", then
   "redeployed in early February"): the later one updates the earlier; both at once contradict.

Every relation names the two claims it rests on and says why they measure the same thing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from ..records import Article, Claim, Fact, Relation
from ..timex import anchor_of
from .compare import article_text, marks_another_event, time_span, times_compatible
from .entities import PEOPLE_WORDS, bare, core_words, same_entity
from .measure import (
    bounds_after_rounding,
    bounds_as_worded,
    comparable_range,
    complements,
    kind_of,
    measure_key,
    number_misread,
    overlap,
    quantity_words,
    unit_key,
    within,
)

ACTIVE = {("in_combat", False), ("redeployed", False)}
INACTIVE = {("in_combat", True), ("withdrawn", False)}
# A running count of one event's outcome grows or is revised as reports come in; such a figure is
# compared across the days it is given for (a toll on Monday, another on Wednesday).
RUNNING = {"killed", "wounded", "casualties", "captured", "missing", "displaced", "arrested", "evacuated", "trapped",
           "stranded", "injured", "died", "dead", "destroyed", "damaged", "deployed", "rescued", "affected"}
# How far apart the days of two figures of one running count may be: a toll is revised over days
# or weeks; a figure a year apart is about another event of the same class (ECB+ dev audit).
RUNNING_MAX_GAP = timedelta(days=30)
# Predicates that name no event, only that there is a number.
GENERIC_PREDICATES = {"count", "percent", "time", "measure", "amount", "number", "share", "total", "money"}
# Two figures of one measure said for the same day contradict only when they are of one order:
# "20,000 protesters" against "5,000" is a dispute; "16,450" against "14,959,450" is two measures
# the extractor could not tell apart (a salary and an income). Calibrated on the bbc-news audit
# (bench/audit_relations.py).
CONTRADICTION_MAX_RATIO = 5.0
# How many claims of a fact are tried, best first, when looking for a pair to compare.
PAIRS_PER_FACT = 6


def relations_of(facts: Sequence[Fact], members: dict[str, list[Claim]],
                 articles: dict[str, Article]) -> list[Relation]:
    """Relations between ``facts`` (``members``: fact id -> its claims, best first)."""
    out: list[Relation] = []
    buckets: dict[tuple[str, ...], list[Fact]] = defaultdict(list)
    for f in facts:
        key = bucket_key(members[f.id][0])
        if key is not None:
            buckets[key].append(f)
    for key in sorted(buckets):
        bucket = buckets[key]
        for i, a in enumerate(bucket):
            for b in bucket[i + 1:]:
                rel = relation(a, b, members[a.id], members[b.id], articles)
                if rel is not None:
                    out.append(rel)
    return sorted(out, key=lambda r: (r.from_, r.to, r.kind))


def bucket_key(c: Claim) -> tuple[str, ...] | None:
    """Facts that could be related share this key; None for what is never compared."""
    if c.modality == "speculative":
        return None
    state = (c.predicate, c.negated)
    if state in ACTIVE or state in INACTIVE:
        return ("state",)
    if c.quantity is None:
        return ("event", c.predicate)
    q = c.quantity
    return ("quantity", c.predicate, str(c.negated), kind_of(q), unit_key(q), measure_key(q))


def relation(fa: Fact, fb: Fact, ca: Sequence[Claim], cb: Sequence[Claim],
             articles: dict[str, Article]) -> Relation | None:
    """How fact ``fa`` bears on ``fb`` given their claims, or None when nothing can be said."""
    shared = {c.article for c in ca} & {c.article for c in cb}
    for a in ca[:PAIRS_PER_FACT]:
        for b in cb[:PAIRS_PER_FACT]:
            if a.article == b.article or (shared and not _dated_apart_in(shared, ca, cb)):
                continue
            rel = claim_relation(fa, fb, a, b, articles)
            if rel is not None:
                return rel
    return None


def _dated_apart_in(shared: set[str], ca: Sequence[Claim], cb: Sequence[Claim]) -> bool:
    """Every article holding both facts dates its two figures apart ("131 on Wednesday, up from 112
    on Monday"): then it reports a change. Two numbers one article gives for one time are two measures."""
    for art in shared:
        spans_a = [time_span(c.when) for c in ca if c.article == art]
        spans_b = [time_span(c.when) for c in cb if c.article == art]
        if not any(x and y and (x[1] < y[0] or y[1] < x[0]) for x in spans_a for y in spans_b):
            return False
    return True


def claim_relation(fa: Fact, fb: Fact, a: Claim, b: Claim, articles: dict[str, Article]) -> Relation | None:
    if bucket_key(a) != bucket_key(b) or bucket_key(a) is None:
        return None
    if a.quantity is not None and b.quantity is not None:
        return quantity_relation(fa, fb, a, b, articles)
    if bucket_key(a) == ("state",):
        return state_relation(fa, fb, a, b)
    return None


def why_same(a: Claim, b: Claim) -> str | None:
    """Why two quantity claims measure the same thing, or None when they need not."""
    qa, qb = a.quantity, b.quantity
    if qa is None or qb is None or a.predicate.split(":")[0] in GENERIC_PREDICATES or a.predicate == qa.kind:
        return None  # a bare number ("rose to 131", "35 percent") says too little of what it counts
    if not same_entity(a.subject, b.subject) or _is_its_unit(a) or _is_its_unit(b):
        return None
    if marks_another_event(a) or marks_another_event(b):
        return None  # "12 killed in a second blast" is no reading of "30 killed in the blast"
    if a.article != b.article and (_one_unnamed_thing(a) or _one_unnamed_thing(b)):
        return None  # "the game" of two reports may be two games (Halo 2 sold 5 million, GTA 1 million)
    running = a.predicate in RUNNING and kind_of(qa) == "count"
    if not running and not (a.where is None or b.where is None or same_entity(a.where, b.where)):
        return None  # a running toll of the story's event is one count, whether placed in a city or its country
    if not times_compatible(a.when, b.when) and not _running_days_apart(a, b):
        return None  # revenue in 2023 and in 2024 are two measures, not an update
    what = measure_key(qa) or unit_key(qa) or kind_of(qa)
    whom = bare(a.subject or "")
    return f"both give the {what} for '{a.predicate.replace('_', ' ')}', of {whom}"


# Heads of a description that name a measure, not a thing: "the death toll", "the number of ...".
_MEASURE_HEADS = {"toll", "number", "total", "figure", "count", "tally", "price", "rate", "cost", "share", "value",
                  "amount", "budget", "population", "turnout", "death", "injury", "casualty"}


def _one_unnamed_thing(c: Claim) -> bool:
    """The subject is one thing described, not named nor counted ("the game", "the company"): two
    reports' "the game" need not be one game. Plural groups ("voters", "residents") and measures ("the
    death toll") are what a story's numbers count; a capitalised word names one ("Halo 2", "Acme")."""
    words = core_words(c.subject or "")
    if not words or any(w[:1].isupper() for w in (c.subject or "").split()):
        return False
    head = words[-1]
    q = c.quantity
    unit = unit_key(q) if q is not None else ""
    return not (head.endswith("s") or head in PEOPLE_WORDS or head in _MEASURE_HEADS or head == unit)


def _is_its_unit(c: Claim) -> bool:
    """The subject only repeats a unit of measure ("percent" of "35 percent", "dollars"): it names no
    one. A counted noun is a subject ("112 people were killed": the people)."""
    q = c.quantity
    words = core_words(c.subject or "")
    if q is None or kind_of(q) == "count" or len(words) != 1:
        return False
    return words[0] in (unit_key(q), (q.unit or "").lower(), "percent", "per", "pct")


def _updatable(a: Claim, b: Claim, da: tuple[date, date], db: tuple[date, date]) -> bool:
    """Figures as of two different days update one another only when close in time (``RUNNING_MAX_GAP``)
    and either a running count or both as of their publication (no time of their own)."""
    gap = max(da[0], db[0]) - min(da[1], db[1])
    running = a.predicate in RUNNING and a.quantity is not None and kind_of(a.quantity) == "count"
    return gap <= RUNNING_MAX_GAP and (running or (a.when is None and b.when is None))


def _running_days_apart(a: Claim, b: Claim) -> bool:
    """A running count of one event's outcome given for two days close together: a toll on Monday
    and on Wednesday. Months or years apart, the same class of event is another event."""
    sa, sb = time_span(a.when), time_span(b.when)
    if a.predicate not in RUNNING or a.quantity is None or kind_of(a.quantity) != "count" or sa is None or sb is None:
        return False
    if date.max in (sa[1], sb[1]):
        return False
    return max(sa[0], sb[0]) - min(sa[1], sb[1]) <= RUNNING_MAX_GAP


def quantity_relation(fa: Fact, fb: Fact, a: Claim, b: Claim, articles: dict[str, Article]) -> Relation | None:
    qa, qb = a.quantity, b.quantity
    assert qa is not None and qb is not None
    why = why_same(a, b)
    if why is None or any(number_misread(c, article_text(c, articles)) for c in (a, b)):
        return None  # "50 injured" read as 50 killed: not the figure said
    wa, wb = quantity_words(a), quantity_words(b)
    evidence = (a.id, b.id)
    if complements(qa, qb):
        return Relation("compatible", fa.id, fb.id, f"{wa} and {wb} are two shares of one whole ({why}).", evidence)
    if not (comparable_range(qa) and comparable_range(qb)):
        return None
    ra, rb = bounds_after_rounding(qa), bounds_after_rounding(qb)
    na, nb = bounds_as_worded(qa), bounds_as_worded(qb)
    da, db = as_of(a, articles), as_of(b, articles)
    apart = da is not None and db is not None and (da[0] > db[1] or db[0] > da[1])
    if apart and not _updatable(a, b, da, db):
        return None  # another time, another figure: a year's revenue, another quake's toll
    if apart and a.predicate in RUNNING and qa.value != qb.value:
        return _update(fa, fb, a, b, da, db, why)  # "at least 112" on Monday, "131" on Wednesday: the toll moved on
    if overlap(na, rb) or overlap(ra, nb):  # one figure within the other's rounding, not both widened
        if na != nb and within(na, rb):
            return Relation("refines", fa.id, fb.id, f"{wa} lies within {wb} and is more exact ({why}).", evidence)
        if na != nb and within(nb, ra):
            return Relation("refines", fb.id, fa.id, f"{wb} lies within {wa} and is more exact ({why}).", (b.id, a.id))
        return Relation("compatible", fa.id, fb.id, f"{wa} and {wb} can both be true ({why}).", evidence)
    if da is None or db is None:
        return None
    if apart:
        return _update(fa, fb, a, b, da, db, why)
    if da != db or da[0] != da[1] or max(qa.value, qb.value) > CONTRADICTION_MAX_RATIO * max(min(qa.value, qb.value), 1e-9):
        return None  # not pinned to one and the same day, or too far apart to be one measure
    if (a.when is None) != (b.when is None):
        return None  # "arrested three times since October" and "four times": a window and no window are two counts
    if a.predicate in RUNNING and one_speaker(a, b):
        return None  # police said 12 wounded, later that day police said 18: a toll revised, not disputed
    return Relation("contradicts", fa.id, fb.id,
                    f"{wa} and {wb} cannot both be true on {_day(da)}: {why}.", evidence)


def one_speaker(a: Claim, b: Claim) -> bool:
    """Both figures come from one named speaker. Two figures of a running count that one speaker
    gives on one day are that count revised as the day went on (a publication date holds no hour,
    so which came last is unknown): no contradiction, and no update either. A dispute is two
    speakers' figures (police against organisers)."""
    sa = a.attribution.source if a.attribution else None
    sb = b.attribution.source if b.attribution else None
    return bool(sa and sb and same_entity(sa, sb))


def _update(fa: Fact, fb: Fact, a: Claim, b: Claim, da: tuple[date, date], db: tuple[date, date],
            why: str) -> Relation:
    (late, fl, dl), (early, fe, de) = sorted(((a, fa, da), (b, fb, db)), key=lambda x: x[2][0], reverse=True)
    return Relation("updates", fl.id, fe.id,
                    f"{quantity_words(late)} (as of {_day(dl)}) replaces {quantity_words(early)} (as of "
                    f"{_day(de)}): {why}.", (late.id, early.id))


def as_of(c: Claim, articles: dict[str, Article]) -> tuple[date, date] | None:
    """The days a figure is given for: its own closed time, else its article's publication day(s)
    ("370 people remain missing" is about the day it was printed)."""
    span = time_span(c.when)
    if span is not None and span[1] != date.max and c.when is not None and c.when.end:
        return span
    article = articles.get(c.article)
    anchor = anchor_of(article.published) if article else None
    if anchor is None or article is None:
        return None
    if any(not anchor.earliest.year <= y <= anchor.latest.year for y in years_before(c, article.text)):
        return None  # "In December 2003, Bam was razed by a quake that left 31,000 dead": not of the day printed
    return anchor.earliest, anchor.latest


# A year written as such: not a sum ("$2000"), a part of a longer number or a count of something ("2000 people").
_YEAR = re.compile(r"(?<![\d,.$£€])\b(1[89]\d\d|20\d\d)\b(?!\d|[.,]\d|\s*%|\s+(?:people|persons|men|women|troops|homes))")


def years_before(c: Claim, text: str) -> list[int]:
    """The years its own sentence names before a claim ("In December 2003, ... a quake that left"): a
    figure with no time of its own in such a sentence is of that year, whatever day it was printed."""
    if not text or c.start > len(text):
        return []
    begin = max(text.rfind(". ", 0, c.start), text.rfind("\n", 0, c.start)) + 1
    return [int(m.group(1)) for m in _YEAR.finditer(text, begin, c.start)]


def _day(span: tuple[date, date]) -> str:
    lo, hi = span
    return lo.isoformat() if lo == hi else f"{lo.isoformat()} to {hi.isoformat()}"


def state_relation(fa: Fact, fb: Fact, a: Claim, b: Claim) -> Relation | None:
    """Doing and not doing, for one named subject: the later updates the earlier; one time, a
    contradiction. Both claims must name it: "a redeployment" with no one named says nothing about whether
    the brigade another report names was fighting, and an empty subject is no evidence of one actor."""
    if ((a.predicate, a.negated) in ACTIVE) == ((b.predicate, b.negated) in ACTIVE):
        return None
    if not (a.subject and b.subject and same_entity(a.subject, b.subject)):
        return None
    sa, sb = time_span(a.when), time_span(b.when)
    if sa is None or sb is None:
        return None
    why = f"both are about {a.subject} being active or not"
    if sa[0] == sb[0]:
        return Relation("contradicts", fa.id, fb.id,
                        f"'{fa.statement}' and '{fb.statement}' describe opposite situations for the same time; {why}.",
                        (a.id, b.id))
    (late, fl), (early, fe) = sorted(((a, fa), (b, fb)), key=lambda x: time_span(x[0].when) or (date.min,), reverse=True)
    return Relation("updates", fl.id, fe.id,
                    f"'{fl.statement}' is about a later time ({late.when.text if late.when else '?'}) than "
                    f"'{fe.statement}' ({early.when.text if early.when else '?'}); {why}.", (late.id, early.id))
