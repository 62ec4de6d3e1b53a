"""Facts: the claims of one event (``coref.grouped_claims``) in a story's articles, with independent sources."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from ..records import Article, Claim, Fact, When
from .compare import subjects_compatible
from .coref import grouped_claims
from .sources import independent_sources

__all__ = ["fact_of", "grouped_claims", "ranked_members", "representative", "statement"]

# An article's weight in fact scoring falls with each reliability flag it carries.
FLAG_PENALTY = 0.35


def fact_of(group: Sequence[Claim], articles: dict[str, Article], names: dict[str, str] | None = None) -> Fact:
    """``names``: one name per speaker in the story (``sources.speaker_names``)."""
    sources = independent_sources(group, articles, names or {})
    outlets = sorted({articles[c.article].outlet or f"article {c.article}" for c in group})
    speculative = all(c.modality == "speculative" for c in group)
    status = "speculative" if speculative else "corroborated" if len(sources) >= 2 else "single_source"
    lead = representative(group)
    fid = "f" + hashlib.sha1(",".join(sorted(c.id for c in group)).encode()).hexdigest()[:11]
    weight = sum(article_weight(articles[c.article]) for c in {c.article: c for c in group}.values())
    return Fact(id=fid, statement=statement(lead), claims=tuple(sorted(c.id for c in group)),
                sources=tuple(sources), outlets=tuple(outlets), status=status, when=_when(group), weight=weight)


def article_weight(a: Article) -> float:
    return max(0.1, 1.0 - FLAG_PENALTY * len(a.flags))


def representative(group: Sequence[Claim]) -> Claim:
    """The claim that speaks for the group (the first of ``ranked_members``)."""
    return ranked_members(group)[0]


def ranked_members(group: Sequence[Claim]) -> list[Claim]:
    """The group's claims, best first: dated, then with a number, then dated the way most of the
    reports date it ("since mid-January" said four times beats "last month" said once), then with
    a subject, then the most precise, then the earliest."""
    said: dict[tuple[date | None, date | None] | None, int] = defaultdict(int)
    for c in group:
        if c.when is not None:
            said[(c.when.start, c.when.end)] += 1

    def key(c: Claim) -> tuple:  # type: ignore[type-arg]
        span = (c.when.start, c.when.end) if c.when else None
        return (c.when is None, c.quantity is None, -said.get(span, 0), c.subject is None, _width(c.when),
                c.article, c.start, c.id)

    return sorted(group, key=key)


def _width(w: When | None) -> int:
    if w is None or not w.start:
        return 10**6
    if not w.end:
        return 10**5  # open-ended: as wide as can be, after any closed span
    return (w.end - w.start).days


_PHRASE = {"in_combat": ("in combat", "not in combat"), "deployed": ("deployed", "not deployed"),
           "killed": ("killed", "not killed"), "casualties": ("casualties", "no casualties"),
           "redeployed": ("redeployed", "not redeployed"), "withdrawn": ("withdrawn", "not withdrawn")}
# Predicates a count's unit already says ("3,000 casualties", "5,937 deaths").
_IMPLIED_BY_UNIT = {"count": (), "casualties": (), "killed": ("death", "dead", "killed", "fatalit", "bodies")}


def statement(c: Claim) -> str:
    """One line a reader can check against the claim: who, what, how many, when (resolved), where."""
    yes, no = _PHRASE.get(c.predicate, (c.predicate.replace("_", " "), "not " + c.predicate.replace("_", " ")))
    if c.quantity is not None:
        parts = [_counted(c)]
        implied = _IMPLIED_BY_UNIT.get(c.predicate)
        unit = (c.quantity.unit or "").lower()
        if implied is None or (implied and not any(w in unit for w in implied)):
            parts.append(no if c.negated else yes)
    else:
        parts = [c.subject or "", no if c.negated else yes]
    if c.when is not None:
        parts.append(f"({when_words(c.when)})")
    if c.where and c.where not in " ".join(parts):
        parts.append(f"in {c.where}")
    return " ".join(p for p in parts if p).strip()


def _counted(c: Claim) -> str:
    """"more than 3,000 North Korean casualties": the subject names what is counted when it is
    the same kind of thing as the unit, else the unit does."""
    q = c.quantity
    assert q is not None
    subject = c.subject if c.subject and not any(ch.isdigit() for ch in c.subject) else None
    if subject and q.unit and subjects_compatible(subject, q.unit):
        return quantity_words(c, unit=_LEADING_NUMBER.sub("", subject) or q.unit)
    words = quantity_words(c)
    return f"{subject}: {words}" if subject and not q.unit else words


_LEADING_NUMBER = re.compile(r"^(?:(?:about|around|some|at least|more than|over|nearly|almost)\s+)?"
                            r"(?:[\d,.]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                            r"dozens of|hundreds of|thousands of|a dozen)\s+", re.I)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def when_words(w: When) -> str:
    """The expression as written and the dates it was resolved to: "last month: Jan 2025"."""
    return f"{w.text}: {span_words(w.start, w.end, w.precision)}" if w.start else w.text


def span_words(start: date | None, end: date | None, precision: str) -> str:
    if not start:
        return "?"
    y1, m1, d1 = start.year, start.month, start.day
    if end is None:
        return "since " + span_words(start, start, precision if precision == "day" else "month")
    y2, m2, d2 = end.year, end.month, end.day
    if (y1, m1, d1) == (y2, m2, d2):
        return f"{d1} {_MONTHS[m1 - 1]} {y1}"
    whole_months = d1 == 1 and precision in ("month", "part_of_year", "year")
    if whole_months and (y1, m1) == (y2, m2):
        return f"{_MONTHS[m1 - 1]} {y1}"
    if whole_months and y1 == y2 and (m1, m2) == (1, 12):
        return str(y1)
    if whole_months:
        return f"{_MONTHS[m1 - 1]} {y1}–{_MONTHS[m2 - 1]} {y2}" if y1 != y2 else f"{_MONTHS[m1 - 1]}–{_MONTHS[m2 - 1]} {y1}"
    if (y1, m1) == (y2, m2):
        return f"{d1}–{d2} {_MONTHS[m1 - 1]} {y1}"
    return f"{d1} {_MONTHS[m1 - 1]} {y1}–{d2} {_MONTHS[m2 - 1]} {y2}"


def quantity_words(c: Claim, unit: str | None = None) -> str:
    q = c.quantity
    assert q is not None
    lead = {"approx": "about ", "at_least": "at least ", "more_than": "more than ", "at_most": "at most ",
            "less_than": "fewer than ", "exact": ""}[q.qualifier]
    if q.low is not None and q.high is not None and q.low != q.high and q.qualifier == "exact":
        return f"{number_text(q.low)}–{number_text(q.high)} {unit or q.unit or ''}".strip()
    unit = f" {unit or q.unit}" if (unit or q.unit) else ""
    return f"{lead}{number_text(q.value)}{unit}"


def number_text(v: float) -> str:
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.2f}".rstrip("0").rstrip(".")


def _when(group: Sequence[Claim]) -> When | None:
    dated = [c.when for c in group if c.when is not None]
    if not dated:
        return None
    return min(dated, key=lambda w: (w.end is None, w.start or date.min, w.end or date.min))
