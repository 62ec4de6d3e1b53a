"""Relations between a story's facts: contradicts, updates, refines, compatible.

- *states*: "not in combat since mid-January" then "redeployed in early February": a later
  opposite state updates the earlier one; opposite states at the same time contradict;
- *quantities* of the same measure: disjoint intervals contradict when their times overlap and
  update when the later one is about a later time; a narrower interval inside another refines it;
  overlapping but different wordings are compatible;
- *parts*: killed is part of casualties, so "at least 1,000 killed" fits "more than 3,000 casualties".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..records import Claim, Fact, Relation
from .compare import interval, is_vague, subjects_compatible, time_span, times_compatible
from .facts import quantity_words

ACTIVE = {("in_combat", False), ("redeployed", False)}
INACTIVE = {("in_combat", True), ("withdrawn", False)}
_MEASURES = {"km", "kilometers", "kilometres", "miles", "meters", "metres", "feet", "percent", "%", "kg",
             "tons", "tonnes", "hectares", "acres", "degrees", "hours", "minutes", "magnitude"}
_CUMULATIVE = {"killed", "wounded", "casualties", "captured"}
_PEOPLE_COUNTS = {"killed", "wounded", "casualties", "captured"}  # "112 people" killed = "112 deaths"
PART_OF = {"killed": "casualties", "wounded": "casualties", "captured": "casualties"}


def relations_of(facts: Sequence[Fact], lead: dict[str, Claim]) -> list[Relation]:
    out: list[Relation] = []
    by_family: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        by_family[_family(lead[f.id])].append(f)
    for family in sorted(by_family):
        members = by_family[family]
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                rel = relation(a, b, lead[a.id], lead[b.id])
                if rel:
                    out.append(rel)
    return sorted(out, key=lambda r: (r.from_, r.to, r.kind))


def _family(c: Claim) -> str:
    key = (c.predicate, c.negated)
    if key in ACTIVE or key in INACTIVE:
        return "state"
    if c.quantity is not None:
        return "casualties" if c.predicate in PART_OF or c.predicate == "casualties" else f"q:{c.predicate}"
    return f"e:{c.predicate}"


def relation(fa: Fact, fb: Fact, a: Claim, b: Claim) -> Relation | None:
    """How fact ``fa`` (lead claim ``a``) bears on ``fb`` (lead ``b``), or None when they are about
    different actors or measures, or one is too vague to say."""
    if is_vague(a) or is_vague(b):
        return None
    if not (a.quantity and b.quantity) and not subjects_compatible(a.subject, b.subject):
        return None  # counts are compared by what they count (their units), below
    if a.quantity and b.quantity and not (a.predicate in _PEOPLE_COUNTS and b.predicate in _PEOPLE_COUNTS) \
            and not subjects_compatible(a.quantity.unit, b.quantity.unit):
        return None  # "1 reason" and "1,000 troops" measure different things
    if "count" in (a.predicate, b.predicate) and not (a.quantity and b.quantity and a.quantity.unit and b.quantity.unit):
        return None  # a bare number ("rose to 131") says too little of what it counts to contradict another
    if "count" in (a.predicate, b.predicate) and a.quantity and (a.quantity.unit or "").lower() in _MEASURES:
        return None  # "18.5 km" deep and "72 km" away: a length alone does not say what it measures
    if _family(a) == "state":
        return _state_relation(fa, fb, a, b)
    if a.quantity is None or b.quantity is None:
        return None
    if a.predicate != b.predicate:
        return _part_relation(fa, fb, a, b)
    return _quantity_relation(fa, fb, a, b)


def _state_relation(fa: Fact, fb: Fact, a: Claim, b: Claim) -> Relation | None:
    if ((a.predicate, a.negated) in ACTIVE) == ((b.predicate, b.negated) in ACTIVE):
        return None
    sa, sb = time_span(a.when), time_span(b.when)
    if sa is None or sb is None:
        return None
    if sa[0] == sb[0]:
        return Relation("contradicts", fa.id, fb.id,
                        f"'{fa.statement}' and '{fb.statement}' describe opposite situations for the same time.")
    early, late = (fa, fb) if sa[0] < sb[0] else (fb, fa)
    ce, cl = (a, b) if sa[0] < sb[0] else (b, a)
    return Relation("updates", late.id, early.id,
                    f"'{late.statement}' is about a later time ({cl.when.text if cl.when else '?'}) than "
                    f"'{early.statement}' ({ce.when.text if ce.when else '?'}), so it updates the picture.")


def _quantity_relation(fa: Fact, fb: Fact, a: Claim, b: Claim) -> Relation | None:
    assert a.quantity is not None and b.quantity is not None
    la, ha = interval(a.quantity)
    lb, hb = interval(b.quantity)
    overlap = la <= hb and lb <= ha
    wa, wb = quantity_words(a), quantity_words(b)
    if overlap:
        if (la, ha) != (lb, hb) and ((lb <= la and ha <= hb) or (la <= lb and hb <= ha)):
            narrow, wide = (fa, fb) if (lb <= la and ha <= hb) else (fb, fa)
            return Relation("refines", narrow.id, wide.id,
                            f"'{narrow.statement}' lies within '{wide.statement}' and is more exact.")
        return Relation("compatible", fa.id, fb.id, f"{wa} and {wb} overlap, so they can both be true.")
    sa, sb = time_span(a.when), time_span(b.when)
    if sa is not None and sb is not None and sa[0] != sb[0]:
        late, early = (fa, fb) if sa[0] > sb[0] else (fb, fa)
        hedge = "" if not times_compatible(a.when, b.when) else "probably "
        if hedge and a.predicate in _CUMULATIVE:  # order unsure: a toll only grows, so the larger is the later
            late, early = (fa, fb) if a.quantity.value > b.quantity.value else (fb, fa)
        return Relation("updates", late.id, early.id,
                        f"'{late.statement}' is {hedge}about a later time than '{early.statement}', so the figure changed.")
    return Relation("contradicts", fa.id, fb.id, f"{wa} and {wb} cannot both be true for the same time.")


def _part_relation(fa: Fact, fb: Fact, a: Claim, b: Claim) -> Relation | None:
    part, whole = (a, b) if PART_OF.get(a.predicate) == b.predicate else (b, a)
    fpart, fwhole = (fa, fb) if part is a else (fb, fa)
    if PART_OF.get(part.predicate) != whole.predicate:
        return None
    assert part.quantity is not None and whole.quantity is not None
    lp, _ = interval(part.quantity)
    _, hw = interval(whole.quantity)
    if lp <= hw:
        return Relation("compatible", fpart.id, fwhole.id,
                        f"{part.predicate} is part of {whole.predicate}: {quantity_words(part)} fits within "
                        f"{quantity_words(whole)}.")
    return Relation("contradicts", fpart.id, fwhole.id,
                    f"{quantity_words(part)} {part.predicate} is more than {quantity_words(whole)} in all.")
