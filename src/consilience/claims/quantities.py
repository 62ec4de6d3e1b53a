"""Counts in a parsed sentence: value, bounds, qualifier, unit, and what is counted.

Years, dates, times, ages, ordinals and durations are not counts: tokens inside a DATE, TIME or
ORDINAL entity, or inside a time expression found by ``timex``, are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..lexicon.gazetteer import Gazetteer
from ..records import Quantity
from .numbers import TENS_OF, VAGUE, WORDS, bounds, number_value, qualifier_before
from .syntax import doc_text

_NOT_COUNTS = {"DATE", "TIME", "ORDINAL"}
_COMPARE_VERBS = {"exceed", "top", "surpass", "reach", "total", "number", "stand", "hit", "pass", "rise", "climb"}
_CONTAINERS = {"number", "figure", "total", "toll", "count", "tally", "estimate"}
_TOLL_UNITS = {"killed": "deaths", "casualties": "casualties"}
_RANGE = re.compile(r"^\s*(?:-|–|to)\s*$")


@dataclass(frozen=True)
class Found:
    token: Token
    quantity: Quantity
    unit_token: Token | None
    predicate: str | None


# Digits that are not amounts: phone numbers ("0161 856 4422", "(555) 201-7788"), dates written with
# slashes ("10/3/21") and clock times ("4:15 PM").
_CLOCK = r"\b\d{1,2}\s*:\s*\d{2}\b"
CLOCK_TIME = re.compile(_CLOCK)
NOT_AMOUNTS = re.compile(
    r"(?<![\d,.])(?:\+?\d{1,3}[ .-]?)?(?:\(\d{2,5}\)|\d{2,5})[ .-]\d{3,4}[ .-]\d{3,4}(?![\d,])"
    r"|(?<![\d,.])0\d{2,4}\b"
    r"|\b\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4}\b"
    r"|" + _CLOCK)
# Nouns after which a number names a place, not an amount ("40 Mill Lane").
_ADDRESS_WORDS = {"street", "st", "st.", "avenue", "ave", "ave.", "road", "rd", "rd.", "lane", "drive", "dr.",
                  "boulevard", "blvd", "blvd.", "way", "place", "square", "court", "terrace", "crescent", "close"}
# Currency words written before the amount ("euro 40 billion", "Rs 500"): the one noun a count follows.
_CURRENCY_WORDS = {"euro", "euros", "eur", "dollar", "dollars", "usd", "rs", "rs.", "rupees", "inr", "yen", "yuan",
                   "rmb", "pounds", "gbp", "francs", "chf", "rubles", "roubles", "pesos", "won", "naira", "rand"}
# Named entities a number can belong to without counting anything ("Highway 61", "Flight 370").
_LABEL_ENTITIES = {"FAC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "ORG"}


def quantities_in(doc: Doc, gaz: Gazetteer, excluded: list[tuple[int, int]]) -> list[Found]:
    excluded = excluded + [(m.start(), m.end()) for m in NOT_AMOUNTS.finditer(doc_text(doc))]
    out: list[Found] = []
    i = 0
    while i < len(doc):
        group = _number_group(doc, i, excluded)
        if not group:
            i += 1
            continue
        found = _found(doc, group, gaz)
        if found:
            out.append(found)
        i = group[-1].i + 1
    return _ranges_merged(doc, out)


def _is_number_token(t: Token) -> bool:
    low = t.lower_
    return (t.like_num and not re.fullmatch(r"\d+(?:st|nd|rd|th)", low)) or low in WORDS or low in VAGUE


def _number_group(doc: Doc, i: int, excluded: list[tuple[int, int]]) -> list[Token]:
    t = doc[i]
    if not _is_number_token(t) or t.ent_type_ in _NOT_COUNTS | _LABEL_ENTITIES or _inside(t, excluded):
        return []
    if t.lower_ in ("one",) and t.dep_ not in ("nummod",):
        return []
    group = [t]
    j = i + 1
    while j < len(doc):
        if doc[j].lower_ in WORDS or (doc[j].like_num and doc[j].lower_ in ("million", "billion", "thousand")):
            group.append(doc[j])
        elif doc[j].text == "-" and j + 1 < len(doc) and doc[j + 1].lower_ in WORDS and group[-1].lower_ in WORDS \
                and not doc[j].whitespace_ and not doc[j - 1].whitespace_:
            group += [doc[j], doc[j + 1]]  # "thirty-four"
            j += 1
        else:
            break
        j += 1
    if _is_age(doc, group[-1]):
        return []
    return group


def _inside(t: Token, spans: list[tuple[int, int]]) -> bool:
    return any(s <= t.idx < e for s, e in spans)


def _is_age(doc: Doc, last: Token) -> bool:
    """"34-year-old", "42 - year - old", "aged 60", "at age 87"."""
    nxt = "".join(doc[last.i + 1 : last.i + 6].text.lower().split())
    return nxt.startswith(("-year-old", "year-old", "yearsold", "yearold")) or doc[max(last.i - 1, 0)].lower_ in ("aged", "age")


def _found(doc: Doc, group: list[Token], gaz: Gazetteer) -> Found | None:
    text = doc[group[0].i : group[-1].i + 1].text
    low = group[0].lower_
    if low in VAGUE:
        value, lo, hi, qualifier = _vague(doc, group[0])
    else:
        v = number_value(text)
        if v is None:
            return None
        value = v
        qualifier = qualifier_before(doc_text(doc)[: group[0].idx])
        lo, hi = bounds(value, qualifier)
    head = group[-1]
    unit_token = _unit_token(head)
    if unit_token is not None and (unit_token.lower_ in _ADDRESS_WORDS or
                                   (unit_token.i == group[0].i - 1 and unit_token.lower_ not in _CURRENCY_WORDS)):
        return None  # "40 Mill Lane"; "Route 9", "Week 13": a number after its noun names, it does not count
    if low == "one" and (unit_token is None or unit_token.lemma_.lower() not in gaz.quantity_nouns):
        return None  # "one possible reason", "one of them": not a count of anything the table knows
    unit = _unit(doc, group, unit_token, gaz)
    predicate = _predicate(head, unit_token, gaz)
    if predicate in _TOLL_UNITS and unit_token is not None and _in_container(unit_token):
        unit = _TOLL_UNITS[predicate]  # a death toll counts deaths
    return Found(head, Quantity(value=value, low=lo, high=hi, unit=unit, qualifier=qualifier), unit_token, predicate)


def _vague(doc: Doc, t: Token) -> tuple[float, float | None, float | None, str]:
    prev = doc[t.i - 2 : t.i].text.lower() if t.i >= 2 else ""
    if t.lower_ in TENS_OF and prev.endswith("tens of"):
        lo, hi = TENS_OF[t.lower_]
    else:
        lo, hi = VAGUE[t.lower_]
    return float(lo), float(lo), float(hi), "approx"


def _unit_token(num: Token) -> Token | None:
    if num.dep_ in ("nummod", "quantmod") and num.head.pos_ in ("NOUN", "PROPN"):
        return num.head
    of = next((c for c in num.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        obj = next((c for c in of.children if c.dep_ == "pobj"), None)
        if obj is not None:
            return obj
    if num.dep_ in ("dobj", "attr", "npadvmod", "pobj") and num.head.lemma_ in _COMPARE_VERBS | {"be"}:
        return _subject_counted(num.head)
    if num.dep_ == "pobj" and num.head.lower_ == "to" and num.head.head.lemma_ in _COMPARE_VERBS:
        return _subject_counted(num.head.head)  # "the death toll rose to 131"
    return None


def _in_container(t: Token) -> bool:
    """"death" in "the death toll", "dead" in "the number of dead"."""
    head = t.head.head if t.head.lower_ == "of" else t.head
    return head.lemma_ in _CONTAINERS


def _subject_counted(verb: Token) -> Token | None:
    v = verb
    for _ in range(3):
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            if subj.lemma_ in _CONTAINERS:  # "the number of dead", "the death toll": what it counts
                of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
                kind = next((c for c in subj.children if c.dep_ == "compound" and c.pos_ == "NOUN"), None)
                return obj or kind or subj
            return subj
        if v.dep_ in ("xcomp", "ccomp", "conj") and v.head.i != v.i:
            v = v.head
        else:
            break
    return None


def _unit(doc: Doc, group: list[Token], unit_token: Token | None, gaz: Gazetteer) -> str | None:
    after = doc[group[-1].i + 1] if group[-1].i + 1 < len(doc) else None
    before = doc[group[0].i - 1] if group[0].i > 0 else None
    if after is not None and after.lower_ in ("%", "percent", "per"):
        return "percent"
    if before is not None and before.text in ("$", "€", "£", "¥"):
        return {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}[before.text]
    if unit_token is None or unit_token.pos_ == "PRON" or unit_token.lower_ in ("others", "whom", "which"):
        return None  # "1,404 of them", "329 others": a share of a count named before, not a unit
    compounds = [c.text for c in unit_token.children if c.dep_ in ("compound", "amod") and c.lemma_ in ("square", "cubic")]
    return " ".join([*compounds, unit_token.text.lower()])


def _predicate(num: Token, unit_token: Token | None, gaz: Gazetteer) -> str | None:
    if unit_token is not None:
        mapped = gaz.quantity_nouns.get(unit_token.lemma_.lower())
        if mapped in ("casualties", "killed"):  # "3,000 casualties", "100 deaths" name the event itself;
            return mapped                       # "90 prisoners" may be released as well as captured

        for child in unit_token.children:
            if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in gaz.verbs:
                return gaz.verbs[child.lemma_.lower()]
    for anc in [num, *num.ancestors]:
        lemma = anc.lemma_.lower()
        if anc.lower_ in gaz.states and anc.pos_ in ("VERB", "ADJ"):
            return gaz.states[anc.lower_]  # "22 people were still missing"
        if anc.pos_ != "VERB":
            continue
        state = next((c.lower_ for c in anc.children if c.dep_ in ("acomp", "oprd") and c.lower_ in gaz.states), None)
        if state is not None:
            return gaz.states[state]  # "17 people remain missing"
        if lemma in gaz.verbs:
            return gaz.verbs[lemma]
        if anc.dep_ != "xcomp":
            break  # the number's own clause has a verb the table does not know: a verb above it ("killed and
            # 3,000 were forced from their homes", "said") is another event
    if unit_token is not None:
        return gaz.quantity_nouns.get(unit_token.lemma_.lower())
    return None


def _ranges_merged(doc: Doc, found: list[Found]) -> list[Found]:
    """"between 10,000 and 12,000" and "10,000-12,000" are one quantity with bounds."""
    out: list[Found] = []
    skip = set()
    for a, b in zip(found, found[1:], strict=False):
        between = doc_text(doc)[a.token.idx + len(a.token.text) : b.token.idx]
        before = doc_text(doc)[max(0, a.token.idx - 12) : a.token.idx].lower()
        is_range = _RANGE.match(between) or (between.strip().lower() == "and" and before.rstrip().endswith("between"))
        if is_range and b.quantity.value > a.quantity.value:
            lo, hi = a.quantity.value, b.quantity.value
            q = Quantity(value=(lo + hi) / 2, low=lo, high=hi, unit=b.quantity.unit or a.quantity.unit, qualifier="approx")
            out.append(Found(a.token, q, b.unit_token or a.unit_token, b.predicate or a.predicate))
            skip.add(id(b))
            skip.add(id(a))
    merged = {id(f.token): f for f in out}
    result = []
    for f in found:
        if id(f.token) in merged:
            result.append(merged[id(f.token)])
        elif id(f) not in skip:
            result.append(f)
    return result
