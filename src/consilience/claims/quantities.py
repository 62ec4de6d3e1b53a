"""Amounts in a parsed sentence: value, bounds, qualifier, unit, kind, what is counted or measured.

The steps, per sentence:

1. numbers as written: digits, words and scales ("two dozen", "$1.13bn", "£600m"), one group of
   tokens each; years, dates, times, ages, ordinals, durations, phone numbers and clock times are
   skipped (tokens inside a time expression found by ``timex``, or a DATE, TIME or ORDINAL entity
   that counts no noun), and so are ranks ("the No. 2 Democrat", "world number three");
2. two numbers written as one amount are paired: a tally ("passed 234-193", "a 5-4 ruling", "won
   3-1": ``kind`` tally, both numbers in ``tally``), a share ("one in three voters": 1/3, kind
   share) or a range ("between 10 and 12", "10-12", "two or three": both ends in low/high);
3. each amount gets its kind (money, percent, measure, count), unit (an ISO currency code,
   "percent", "percentage points", a unit of measure in one spelling, or the noun counted) and,
   when the sentence says, what it measures beyond its unit ("a $16,450 salary": salary; "41% of
   voters": voters).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Token

from ..lexicon.events import event_lexicon
from ..lexicon.gazetteer import Gazetteer
from ..lexicon.numbers import (
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    DOLLAR_COUNTRIES,
    FRACTIONS,
    MEASURE_UNITS,
    MONEY_SCALES,
    RANK_WORDS,
    SCALES,
    SPLIT_THOUSANDS,
    TALLY_WORDS,
    TENS_OF,
    VAGUE,
    WORDS,
    number_value,
)
from ..records import Quantity, QuantityKind
from .numbers import bounds, qualifier_before
from .syntax import doc_text, phrase_words

_NOT_COUNTS = {"DATE", "TIME", "ORDINAL"}
_COMPARE_VERBS = {"exceed", "top", "surpass", "reach", "total", "number", "stand", "hit", "pass", "rise", "climb",
                  "fall", "drop", "grow", "increase", "decrease", "decline", "jump", "soar", "slip", "slump", "cost"}
_CONTAINERS = {"number", "figure", "total", "toll", "count", "tally", "estimate"}
_TOLL_UNITS = {"killed": "deaths", "casualties": "casualties"}
# Nouns a number in a DATE or TIME entity may count without being a date ("Between 10 and 12 people").
_DATE_WORDS = {"ago", "today", "yesterday", "tomorrow", "noon", "midnight", "gmt", "utc", "bst", "est", "et", "pt",
               "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
               "morning", "afternoon", "evening", "last", "next", "past", "earlier", "later", "s", "'s"}
_TIME_NOUNS = {"day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades", "century",
               "centuries", "hour", "hours", "minute", "minutes", "second", "seconds", "night", "nights", "weekend",
               "weekends", "season", "seasons", "quarter", "quarters", "am", "pm", "a.m.", "p.m.", "o'clock", "hrs", "hr",
               "mins", "min", "secs",
               "gmt", "bst", "utc", "est", "edt", "cst", "pst", "pdt", "cet"}  # "2200 GMT": a time of day


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
# Named entities a number can belong to without counting anything ("Highway 61", "Flight 370").
_LABEL_ENTITIES = {"FAC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "ORG"}
# A number glued to a scale ("1.13bn", "600m", "10k"): one token that spaCy does not call a number.
_SCALED_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?(?:bn|mn|mln|bln|tn|m|k|b)\.?", re.I)
_PERCENT_AFTER = re.compile(r"\s*(?:%|per\s*cent\b|percent\b|pc\b|percentage\s+points?\b)", re.I)
_PERCENT_WORDS = {"%", "percent", "cent", "pc", "points", "point"}


@dataclass(frozen=True)
class _Amount:
    """One number as written: its tokens, value and the currency sign before it (if any)."""

    tokens: tuple[Token, ...]
    value: float
    currency: str | None
    vague: bool = False

    @property
    def start(self) -> int:
        return self.tokens[0].idx

    @property
    def end(self) -> int:
        return self.tokens[-1].idx + len(self.tokens[-1].text)

    @property
    def is_integer(self) -> bool:
        return all(t.text.isdigit() or t.text == "," for t in self.tokens)  # "31, 000" too


Pairing = Literal["one", "range", "tally", "share"]


def quantities_in(doc: Doc, gaz: Gazetteer, excluded: list[tuple[int, int]]) -> list[Found]:
    """Every amount of the sentence ``doc``, outside the character spans ``excluded`` (its time
    expressions and durations)."""
    text = doc_text(doc)
    excluded = excluded + [(m.start(), m.end()) for m in NOT_AMOUNTS.finditer(text)]
    out: list[Found] = []
    for pairing, first, last in _paired(doc, _amounts(doc, excluded)):
        found = _found(doc, pairing, first, last, gaz)
        if found is not None:
            out.append(found)
    return out


# 1. numbers as written

def _amounts(doc: Doc, excluded: list[tuple[int, int]]) -> list[_Amount]:
    out: list[_Amount] = []
    i = 0
    while i < len(doc):
        group = _number_group(doc, i, excluded)
        if not group:
            i += 1
            continue
        amount = _amount(doc, group)
        if amount is not None and not _is_rank(doc, group[0]):
            out.append(amount)
        i = group[-1].i + 1
    return out


def _is_number_token(t: Token) -> bool:
    low = t.lower_
    return ((t.like_num and not re.fullmatch(r"\d+(?:st|nd|rd|th)", low)) or low in WORDS or low in VAGUE
            or bool(_SCALED_DIGITS.fullmatch(low)) or (low == "half" and _half_of_a_number(t))
            or (low in ("a", "an") and _article_of_a_number(t)))


_ARTICLE_NUMBERS = {"dozen", "hundred", "thousand", "million", "billion", "trillion"}


def _article_of_a_number(t: Token) -> bool:
    """"a hundred", "a dozen", and "a third of", "a quarter of" (a fraction only before "of")."""
    nxt = [x.lower_ for x in t.doc[t.i + 1 : t.i + 3]]
    if not nxt:
        return False
    return nxt[0] in _ARTICLE_NUMBERS or (nxt[0] in FRACTIONS and nxt[0] != "half" and nxt[1:] == ["of"])


def _half_of_a_number(t: Token) -> bool:
    """"half-dozen", "half a dozen", "half a million"."""
    nxt = [x.lower_ for x in t.doc[t.i + 1 : t.i + 3]]
    return bool(nxt) and (nxt[0] in ("dozen", "million", "billion") or
                          (nxt[0] in ("-", "a") and len(nxt) > 1 and nxt[1] in ("dozen", "million", "billion")))


def _number_group(doc: Doc, i: int, excluded: list[tuple[int, int]]) -> list[Token]:
    t = doc[i]
    if not _is_number_token(t) or t.ent_type_ in _LABEL_ENTITIES or _inside(t, excluded) or _is_date_entity(t) \
            or _part_of_a_name(t):
        return []
    group = _split_thousands(doc, t, excluded) or [t]
    j = group[-1].i + 1
    while j < len(doc):
        x = doc[j]
        if x.lower_ in WORDS or (x.like_num and x.lower_ in SCALES) or (x.lower_ == "a" and group[-1].lower_ == "half"):
            group.append(x)
        elif x.lower_ in FRACTIONS and (group[-1].lower_ in WORDS or group[-1].lower_ in ("a", "an")):
            group.append(x)  # "two thirds", "a quarter (of)"
            break
        elif x.lower_ == "and" and group[-1].lower_ in _ARTICLE_NUMBERS and j + 1 < len(doc) \
                and doc[j + 1].lower_ in WORDS and WORDS[doc[j + 1].lower_] < 100:
            group += [x, doc[j + 1]]  # "one hundred and two"
            j += 1
        elif x.text in ("-", "–") and j + 1 < len(doc) and doc[j + 1].lower_ in WORDS and \
                group[-1].lower_ in (*WORDS, "half") and not x.whitespace_ and not doc[j - 1].whitespace_:
            group += [x, doc[j + 1]]  # "thirty-four", "two-dozen", "half-dozen"
            j += 1
        elif _scale_suffix(group[-1], x):
            group.append(x)  # "£600m", "$10 bn"
            break
        else:
            break
        j += 1
    if _is_age(doc, group[-1]) or _is_duration_or_clock(doc, group[-1]):
        return []
    return group


def _split_thousands(doc: Doc, t: Token, excluded: list[tuple[int, int]]) -> list[Token]:
    """The tokens of "31, 000" (``SPLIT_THOUSANDS``) that start at ``t``, else []."""
    split = SPLIT_THOUSANDS.match(doc_text(doc), t.idx) if t.text.isdigit() else None
    if split is None:
        return []
    group = [x for x in doc[t.i : t.i + 8] if x.idx < split.end()]
    ends_there = group[-1].idx + len(group[-1].text) == split.end()
    return group if ends_there else []  # (the first token is outside ``excluded``; "000" alone is not)


def _part_of_a_name(t: Token) -> bool:
    """Digits written against a capital letter ("3G networks", "the 4K screen") name a thing, count
    nothing; a scale after money ("£5M") is not a name. So do digits after a proper name and before
    the noun the name qualifies ("the Billboard 200 album", "Radio 4 listeners", "a Formula 1 team")."""
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return (nxt is not None and not t.whitespace_ and t.text[:1].isdigit() and nxt.text[:1].isupper()
            and not _scale_suffix(t, nxt)) or _inside_a_name(t)


def _inside_a_name(t: Token) -> bool:
    """Digits written into a name ("the Billboard 200 album", "a Formula 1 team"), not a count after
    a name a verb takes as its object ("will cost Britain 5000 jobs", "gave Shell 300 wells")."""
    prev = t.doc[t.i - 1] if t.i > 0 else None
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return prev is not None and nxt is not None and t.text.isdigit() and len(t.text) <= 4 \
        and prev.pos_ in ("PROPN", "ADJ", "NOUN") and prev.text[:1].isupper() and prev.i > 0 \
        and prev.ent_type_ not in ("DATE", "TIME", "MONEY", "NORP") and not prev.is_sent_start \
        and t.doc[prev.i - 1].pos_ not in ("VERB", "AUX") \
        and nxt.pos_ == "NOUN" and t.head.pos_ == "NOUN" and t.head.i > t.i


def _is_duration_or_clock(doc: Doc, last: Token) -> bool:
    """"3 hours", "two weeks", "10 pm": a length of time or a time of day is no amount."""
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return nxt is not None and nxt.lower_ in _TIME_NOUNS


def _scale_suffix(last: Token, x: Token) -> bool:
    """``x`` scales the number ``last`` it follows: "bn", "mn", "tn" always; "m", "k", "b" only after
    an amount of money ("£600m", not "a 600m race")."""
    low = x.lower_.rstrip(".")
    if not last.like_num or not last.text[0].isdigit():
        return False
    if low in SCALES and len(low) <= 3:
        return True
    return low in MONEY_SCALES and (_currency_before(last.doc, _group_start(last)) is not None or _scaled_by_what_follows(x))


def _scaled_by_what_follows(x: Token) -> bool:
    """The letter ``x`` after a number is a scale, not a unit, when a currency or plural people
    follow it: "12m euros", "40m pounds", "2.5m viewers", "18m people" (not "a 600m race", "the
    400m hurdles", "800m runners": people after a whole number of 50 or more are racers over that
    distance, races being 50 m and longer)."""
    nxt = x.doc[x.i + 1] if x.i + 1 < len(x.doc) else None
    if nxt is None:
        return False
    if nxt.lower_ in ("pounds", "sterling") or (nxt.lower_ in CURRENCY_WORDS and nxt.lower_ not in ("p", "rs", "rs.", "won")):
        return True
    number = x.doc[x.i - 1].text.replace(",", "")
    small = "." in number or (number.isdigit() and int(number) < 50)
    return small and nxt.tag_ == "NNS" and event_lexicon().supersense(nxt.lemma_) in ("noun.person", "noun.group")


def _group_start(t: Token) -> int:
    i = t.i
    while i > 0 and (t.doc[i - 1].like_num or t.doc[i - 1].lower_ in WORDS):
        i -= 1
    return i


def _is_date_entity(t: Token) -> bool:
    """In an ORDINAL entity, or a DATE or TIME entity that looks like one: it counts a unit of time,
    names one ("the 1990s", "10 pm", "three decades ago"), or is a year. The model also calls bare
    numbers dates ("between 20 and 30"), and those stay amounts."""
    if t.ent_type_ not in _NOT_COUNTS or _SCALED_DIGITS.fullmatch(t.lower_):
        return False  # "exceed 9bn euros" tagged ORDINAL: a sum with its scale is never a rank or a date
    if t.ent_type_ == "ORDINAL" or re.fullmatch(r"(?:1[89]|20)\d\d'?s?", t.text):
        return True
    noun = _noun_counted(t)
    if noun is not None:
        return noun.lower_ in _TIME_NOUNS
    entity = next(e for e in t.doc.ents if e.start <= t.i < e.end)
    return any(w.lower_ in _DATE_WORDS or w.lower_ in _TIME_NOUNS for w in entity)


def _noun_counted(t: Token) -> Token | None:
    """The noun a number (or a number it is joined to) modifies: "people" in "between 10 and 12 people"."""
    for _ in range(4):
        if t.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and t.head.pos_ in ("NOUN", "PROPN"):
            return t.head
        if t.head.pos_ != "NUM" or t.head.i == t.i:
            return None
        t = t.head
    return None


def _inside(t: Token, spans: list[tuple[int, int]]) -> bool:
    return any(s <= t.idx < e for s, e in spans)


def _is_age(doc: Doc, last: Token) -> bool:
    """"34-year-old", "42 - year - old", "aged 60", "at age 87"."""
    nxt = "".join(doc[last.i + 1 : last.i + 6].text.lower().split())
    if nxt.startswith(("-year-old", "year-old", "yearsold", "yearold")) or doc[max(last.i - 1, 0)].lower_ in ("aged", "age"):
        return True
    before = doc[last.i - 2] if last.i >= 2 else None  # "Maria Lopez, 52, was arrested"
    return before is not None and before.ent_type_ == "PERSON" and doc[last.i - 1].text == "," \
        and last.i + 1 < len(doc) and doc[last.i + 1].text == ","


def _is_rank(doc: Doc, first: Token) -> bool:
    """"No. 2", "No.2", "number three", "#1": a place in an order, not an amount."""
    before = doc[max(first.i - 2, 0) : first.i]
    words = [t.lower_ for t in before]
    if words[-1:] and words[-1] in RANK_WORDS - {"no"}:
        return True
    return words[-2:] == ["no", "."] and not before[0].whitespace_  # "No" "." split by the tokenizer


def _audience(group: list[Token]) -> bool:
    """"known to millions", "loved by thousands": a vague plural that is the object of a
    preposition and counts nothing ("of" after it) is a figure of speech for many people, no count."""
    t = group[-1]
    return len(group) == 1 and t.dep_ == "pobj" and t.head.lower_ != "of" \
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)


def _amount(doc: Doc, group: list[Token]) -> _Amount | None:
    currency = _currency_before(doc, group[0].i)
    if group[0].lower_ in VAGUE:
        return None if _audience(group) else _Amount(tuple(group), 0.0, currency, vague=True)
    scaled = len(group) > 1 and group[-1].lower_.rstrip(".") in MONEY_SCALES  # kept only as a scale ("12m euros")
    value = number_value(doc[group[0].i : group[-1].i + 1].text, money=currency is not None or scaled)
    return None if value is None else _Amount(tuple(group), value, currency)


def _currency_before(doc: Doc, i: int) -> str | None:
    """The currency code of a sign or code just before token ``i`` ("$", "US$", "€", "Rs", "USD")."""
    if i == 0:
        return None
    prev = doc[i - 1].lower_
    if prev == "$" and i >= 2 and not doc[i - 2].whitespace_ and f"{doc[i - 2].lower_}$" in CURRENCY_SIGNS:
        return CURRENCY_SIGNS[f"{doc[i - 2].lower_}$"]  # "US" "$" split by the tokenizer
    if prev in CURRENCY_SIGNS:
        return CURRENCY_SIGNS[prev]
    code = CURRENCY_WORDS.get(prev)
    return code if code not in (None, "cents", "pence") and prev not in ("won", "p") else None


# 2. two numbers written as one amount

_SHARE_GAP = re.compile(r"\s*-?\s*(?:in|out\s+of)\s*-?\s*", re.I)
# Between the two ends of a range: a joining word, and perhaps the first end's unit and the second's
# currency sign ("between 44 mg and 50 mg", "$10 to $12 million", "5% to 7%").
_RANGE_GAP = re.compile(r"\s*(?P<unit>[^\W\d]+\b|%)?\s*(?P<word>-|–|—|to|and|or|through)\s*(?:US\$|[$€£¥])?\s*",
                        re.I)
# After an amount, words that make it a bound ("500 or more", "100 or fewer").
_BOUND_AFTER = [("at_least", re.compile(r"\s*(?:[^\W\d]+\s+)?(?:or|and)\s+(?:more|greater|higher|above|over)\b", re.I)),
                ("at_most", re.compile(r"\s*(?:[^\W\d]+\s+)?(?:or|and)\s+(?:less|fewer|lower|below|under)\b", re.I))]


def _paired(doc: Doc, amounts: list[_Amount]) -> list[tuple[Pairing, _Amount, _Amount]]:
    """Each amount alone, or with the next one when the two are one tally, share or range."""
    text = doc_text(doc)
    out: list[tuple[Pairing, _Amount, _Amount]] = []
    i = 0
    while i < len(amounts):
        a = amounts[i]
        b = amounts[i + 1] if i + 1 < len(amounts) else None
        pairing = _pairing(doc, text, a, b) if b is not None and not a.vague and not b.vague else "one"
        out.append((pairing, a, b if pairing != "one" and b is not None else a))
        i += 1 if pairing == "one" else 2
    return out


def _pairing(doc: Doc, text: str, a: _Amount, b: _Amount) -> Pairing:
    gap = text[a.end : b.start]
    if _SHARE_GAP.fullmatch(gap) and (a.is_integer or a.tokens[0].lower_ in WORDS) and b.value.is_integer() \
            and 0 < a.value < b.value and not _time_unit_after(doc, b):
        return "share"  # "one in three", "one-in-three chance", "3 out of 10"
    if gap in ("-", "–") and a.is_integer and b.is_integer and (a.value >= b.value or _tally_word(doc, a, b, near=True)):
        return "tally"  # "234-193", "a 5-4 ruling", "lost 98-102"
    if gap.strip().lower() == "to" and a.value >= b.value and _tally_word(doc, a, b):
        return "tally"  # "by a vote of 234 to 193"
    joined = _RANGE_GAP.fullmatch(gap)
    if not joined or b.value <= _scaled_like(a, b).value:
        return "one"
    unit = (joined.group("unit") or "").lower()
    if unit and not text[b.end :].lstrip().lower().startswith(unit):
        return "one"  # "10 killed and 12": a unit the second number does not share
    word = joined.group("word").lower()
    before = text[max(0, a.start - 12) : a.start].lower().rstrip(" $€£")
    if word == "and" and not before.endswith("between"):
        return "one"  # "10 killed and 12 injured"
    if word == "to" and (before.endswith("from") or _verb_takes_to(doc, a, b)):
        return "one"  # "rose from 10 to 12", "fell $3 to $38": a change and a new level, not a range
    return "range"


def _verb_takes_to(doc: Doc, a: _Amount, b: _Amount) -> bool:
    """Whether the parser hangs the "to" between two amounts on a verb ("fell $3 to $38": by how much,
    then to what level), where a range's "to" hangs on the second amount ("500 to 600 jobs")."""
    return any(t.lower_ == "to" and t.dep_ == "prep" and t.head.pos_ in ("VERB", "AUX")
               for t in doc[a.tokens[-1].i + 1 : b.tokens[0].i])


def _time_unit_after(doc: Doc, b: _Amount) -> bool:
    nxt = doc[b.tokens[-1].i + 1] if b.tokens[-1].i + 1 < len(doc) else None
    return nxt is not None and nxt.lower_ in _TIME_NOUNS


def _tally_word(doc: Doc, a: _Amount, b: _Amount, *, near: bool = False) -> Token | None:
    """A word of votes, rulings or games around the pair ("passed", "ruling", "won"); with ``near``,
    right beside it ("lost 98-102", "a 4-5 defeat"), since "10-12" is otherwise a range."""
    first, last = a.tokens[0].i, b.tokens[-1].i
    if near:
        window = [doc[i] for i in (first - 1, first - 2, last + 1) if 0 <= i < len(doc)]
        window = [t for t in window if t.i != first - 2 or doc[first - 1].lower_ in ("a", "an", "by")]
    else:
        window = list(doc[max(first - 5, 0) : min(last + 4, len(doc))])
    return next((t for t in window if t.lower_ in TALLY_WORDS), None)


def _scaled_like(a: _Amount, b: _Amount) -> _Amount:
    """``a`` with the scale ``b`` is written with ("10 to 12 million": 10 million)."""
    scale = next((SCALES[t.lower_] for t in b.tokens if t.lower_ in SCALES), None)
    if scale is None or any(t.lower_ in SCALES for t in a.tokens) or a.value * scale > b.value:
        return a
    return _Amount(a.tokens, a.value * scale, a.currency)


# 3. kind, unit and measure

def _found(doc: Doc, pairing: Pairing, a: _Amount, b: _Amount, gaz: Gazetteer) -> Found | None:
    if pairing == "tally":
        return _tally(doc, a, b, gaz)
    if pairing == "share":
        return _share(doc, a, b, gaz)
    if a.tokens[-1].lower_ in FRACTIONS and pairing == "one":
        return _fraction(doc, a, gaz)
    head = _head_of([*a.tokens, *b.tokens]) if pairing == "range" else a.tokens[-1]
    last = b.tokens[-1]
    kind, unit, unit_token = _kind_and_unit(doc, a, last)
    if kind == "count" and (_names_not_counts(unit_token, a, gaz) or _whole_of_a_part(unit_token, a)):
        return None
    value, low, high, qualifier = _value_and_bounds(doc, pairing, a, b)
    predicate = _predicate(head, unit_token, gaz)
    if predicate in _TOLL_UNITS and unit_token is not None and _in_container(unit_token):
        unit = _TOLL_UNITS[predicate]  # a death toll counts deaths
    measure = None if kind == "count" else _measure_of(doc, head, last, unit)
    q = Quantity(value=value, low=low, high=high, unit=unit, qualifier=qualifier, kind=kind, measure=measure)  # type: ignore[arg-type]
    return Found(head, q, unit_token, predicate)


# Words that take a part of a counted whole: "most of the 300 workers", "none of the 12 crew".
_PARTS = frozenset({"most", "all", "some", "many", "several", "half", "none", "few", "majority", "each", "both", "rest",
                    "remainder", "any", "one"})


def _whole_of_a_part(unit_token: Token | None, a: _Amount) -> bool:
    """The number counts the whole a part is taken from ("3 of the 10 passengers died", "most of the
    300 workers were laid off"): the event happened to the part, so the whole is no count of it."""
    if unit_token is None or a.tokens[-1].head != unit_token or unit_token.dep_ != "pobj":
        return False
    of = unit_token.head
    return of.lower_ == "of" and (of.head.like_num or of.head.lower_ in _PARTS)


def _value_and_bounds(doc: Doc, pairing: Pairing, a: _Amount, b: _Amount) -> tuple[float, float | None, float | None, str]:
    if a.vague:
        return _vague(doc, a.tokens[0])
    qualifier = qualifier_before(doc_text(doc)[: a.start])
    if pairing == "range":
        lo, hi = _scaled_like(a, b).value, b.value
        return (lo + hi) / 2, lo, hi, "exact" if qualifier in ("exact", "approx") else qualifier
    if qualifier == "exact":
        after = doc_text(doc)[a.end : a.end + 40]
        qualifier = next((name for name, rx in _BOUND_AFTER if rx.match(after)), qualifier)
    low, high = bounds(a.value, qualifier)
    return a.value, low, high, qualifier


def _names_not_counts(unit_token: Token | None, a: _Amount, gaz: Gazetteer) -> bool:
    """"40 Mill Lane", "Route 9", "Week 13": a number after its noun names; "one possible reason",
    "one of them": not a count of anything the predicate table knows."""
    first = a.tokens[0]
    if first.lower_ == "one" and len(a.tokens) == 1:
        return first.dep_ != "nummod" or unit_token is None or unit_token.lemma_.lower() not in gaz.quantity_nouns
    return unit_token is not None and (unit_token.lower_ in _ADDRESS_WORDS or unit_token.i == first.i - 1)


def _kind_and_unit(doc: Doc, a: _Amount, last: Token) -> tuple[QuantityKind, str | None, Token | None]:
    """(kind, unit, the noun counted) of an amount that starts as ``a`` and ends at ``last``."""
    after = doc_text(doc)[last.idx + len(last.text) :]
    percent = _PERCENT_AFTER.match(after)
    if percent:
        points = "point" in percent.group().lower()
        return "percent", "percentage points" if points else "percent", _of_noun(_percent_token(doc, last))
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    currency = a.currency or (_currency_after(doc, nxt) if nxt is not None else None)
    if currency is not None:
        return "money", currency + _per_what(doc, last.i + (1 if a.currency is None else 0)), None
    unit_token = next((u for t in (last, *reversed(a.tokens)) if (u := _unit_token(t)) is not None), None)
    if len(a.tokens) > 1 and last.lower_ in MONEY_SCALES and nxt is not None and nxt.pos_ == "NOUN":
        unit_token = nxt  # "2.5m viewers": the parse hangs the number on the letter
    if a.tokens[0].i > 0 and doc[a.tokens[0].i - 1].lower_ == "magnitude":
        return "measure", "magnitude", None  # "a magnitude 6.8 earthquake"
    measure_unit = _measure_unit(doc, last, unit_token)
    if measure_unit is not None:
        return "measure", measure_unit, None
    return "count", _count_unit(unit_token), unit_token


def _percent_token(doc: Doc, last: Token) -> Token:
    """The "%" or "percent" token after a number (what "of voters" hangs on), else the number."""
    for t in doc[last.i + 1 : last.i + 4]:
        if t.lower_ in _PERCENT_WORDS:
            return t
    return last


def _of_noun(t: Token) -> Token | None:
    """"voters" in "41% of voters"."""
    of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def _per_what(doc: Doc, i: int) -> str:
    """" per tonne" for "$300 per tonne" or "$300 a tonne" (token ``i`` ends the amount): a price
    or a rate is not a sum, and is not compared with one."""
    words = [t.lower_ for t in doc[i + 1 : i + 3]]
    if len(words) == 2 and words[0] in ("per", "a", "an", "each") and doc[i + 2].pos_ == "NOUN":
        return f" per {words[1]}"
    return ""


def _currency_after(doc: Doc, nxt: Token) -> str | None:
    """"40 million euros", "500 rupees", "125 million Australian dollars", "10 pounds sterling",
    "361 million pounds" (pounds after a scale are money; "200 pounds" alone is a weight)."""
    after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
    if nxt.lower_ in ("pounds", "pound"):
        before = doc[nxt.i - 1].lower_.rstrip(".") if nxt.i > 0 else ""
        scaled = before in SCALES or (before in MONEY_SCALES and nxt.i > 1 and doc[nxt.i - 2].like_num)
        return "GBP" if scaled or (after is not None and after.lower_ == "sterling") else None
    if nxt.lower_ in DOLLAR_COUNTRIES and after is not None and after.lower_ in ("dollar", "dollars"):
        return DOLLAR_COUNTRIES[nxt.lower_]
    if nxt.pos_ in ("ADJ", "PROPN") and after is not None and after.lower_ in CURRENCY_WORDS and after.lower_ not in ("p", "won"):
        return CURRENCY_WORDS[after.lower_]  # "10,000 Swiss francs"
    return CURRENCY_WORDS.get(nxt.lower_) if nxt.lower_ not in ("p", "rs", "rs.") else None


def _measure_unit(doc: Doc, last: Token, unit_token: Token | None) -> str | None:
    """The unit of measure after the number ("10 km", "30cm", "120 km/h", "4 square kilometres")."""
    nxt = [t.lower_.rstrip(".") or t.lower_ for t in doc[last.i + 1 : last.i + 5]]
    if nxt[:1] == ["-"]:
        nxt = nxt[1:]  # "a 27-kilometre ring"
    for n in (3, 2, 1):
        phrase = "".join(nxt[:n]) if nxt[1:2] == ["/"] else " ".join(nxt[:n])
        if len(nxt) >= n and phrase in MEASURE_UNITS:
            if len(phrase) == 1 and (unit_token is None or unit_token.i != last.i + 1):
                return None  # a lone letter ("m", "t") that the parse does not hang on the number
            return MEASURE_UNITS[phrase]
    return None


def _count_unit(unit_token: Token | None) -> str | None:
    if unit_token is None or unit_token.pos_ == "PRON" or unit_token.lower_ in ("others", "whom", "which"):
        return None  # "1,404 of them", "329 others": a share of a count named before, not a unit
    compounds = [c.text for c in unit_token.children if c.dep_ in ("compound", "amod") and c.lemma_ in ("square", "cubic")]
    return " ".join([*compounds, unit_token.text.lower()])


def _measure_of(doc: Doc, head: Token, last: Token, unit: str | None) -> str | None:
    """What an amount of money, a percentage or a measure is of, when the sentence says: the noun
    it modifies ("a $16,450 salary", "a 5% stake"), the noun before "of" ("total income of $14m",
    "a depth of 10 km"), what a percentage is of ("41% of voters"), or the subject of "be" or of a
    verb of change ("the fine was $43m", "unemployment rose to 5%")."""
    if unit in ("percent", "percentage points") or unit in MEASURE_UNITS.values():
        of = _of_noun(_percent_token(doc, last) if unit in ("percent", "percentage points") else _top(last))
        if of is not None:
            return of.lower_  # "41% of voters", "30 cm of snow"
    for t in dict.fromkeys((_top(last), _top(head))):
        noun = _noun_modified(t) or _noun_before_of(t) or _subject_of_change(t)
        if noun is not None:
            return noun.lower_
    return None


_OWN_WORDS = _PERCENT_WORDS | set(SCALES) | set(MEASURE_UNITS) | {"h", "/"}


def _top(t: Token) -> Token:
    """The head of the whole amount ``t`` belongs to: through its other numbers, its "%", scale or
    unit ("km" in "10 km", "million" in "$43 million")."""
    for _ in range(4):
        if t.head.i == t.i or not (t.head.pos_ in ("NUM", "SYM") or t.head.lower_ in _OWN_WORDS):
            return t
        t = t.head
    return t


def _noun_modified(top: Token) -> Token | None:
    """"salary" in "a $16,450 salary", "stake" in "a 5% stake": the noun after the amount that it
    modifies (``top``: the amount's head)."""
    head = top.head
    if top.dep_ in ("nummod", "compound", "nmod", "amod", "quantmod") and head.pos_ == "NOUN" and head.i > top.i \
            and head.lower_ not in _OWN_WORDS:
        return head
    return None


def _noun_before_of(t: Token) -> Token | None:
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ == "NOUN":
        return t.head.head
    return None


def _subject_of_change(t: Token) -> Token | None:
    verb = t.head.head if t.dep_ == "pobj" and t.head.lower_ in ("to", "by") else t.head
    if t.dep_ not in ("attr", "dobj", "npadvmod", "pobj") or verb.pos_ not in ("VERB", "AUX"):
        return None
    if verb.lemma_ not in _COMPARE_VERBS | {"be"}:
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj if subj is not None and subj.pos_ == "NOUN" else None


def _head_of(tokens: list[Token]) -> Token:
    """The token of ``tokens`` whose head lies outside them."""
    ids = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[-1])


def _tally(doc: Doc, a: _Amount, b: _Amount, gaz: Gazetteer) -> Found:
    head = _head_of([*a.tokens, *b.tokens])
    word = _tally_word(doc, a, b)
    q = Quantity(value=a.value, low=a.value, high=a.value, unit=None, qualifier="exact", kind="tally",
                 tally=(a.value, b.value), measure=word.lemma_.lower() if word is not None else None)
    return Found(head, q, None, _predicate(head, None, gaz))


def _share(doc: Doc, a: _Amount, b: _Amount, gaz: Gazetteer) -> Found:
    """"one in three voters": 1/3 of voters (what follows the second number is what it is a share of)."""
    counted = _unit_token(b.tokens[-1]) or _unit_token(a.tokens[0])  # "one in three voters", "a one-in-three chance"
    value = round(a.value / b.value, 6)
    measure = counted.lower_ if counted is not None and counted.pos_ in ("NOUN", "PROPN") else None
    q = Quantity(value=value, low=value, high=value, unit=None, qualifier="exact", kind="share", measure=measure)
    return Found(_head_of([*a.tokens, *b.tokens]), q, counted, _predicate(b.tokens[-1], counted, gaz))


def _fraction(doc: Doc, a: _Amount, gaz: Gazetteer) -> Found:
    """"two thirds of the budget", "a quarter of voters": a share of what follows "of"."""
    counted = _of_noun(a.tokens[-1]) or _unit_token(a.tokens[-1])
    measure = counted.lower_ if counted is not None and counted.pos_ in ("NOUN", "PROPN") else None
    value = round(a.value, 6)
    q = Quantity(value=value, low=value, high=value, unit=None, qualifier=qualifier_before(doc_text(doc)[: a.start]),
                 kind="share", measure=measure)
    return Found(a.tokens[-1], q, counted, _predicate(a.tokens[-1], counted, gaz))


def _vague(doc: Doc, t: Token) -> tuple[float, float | None, float | None, str]:
    prev = doc[t.i - 2 : t.i].text.lower() if t.i >= 2 else ""
    if t.lower_ in TENS_OF and prev.endswith("tens of"):
        lo, hi = TENS_OF[t.lower_]
    else:
        lo, hi = VAGUE[t.lower_]
    return float(lo), float(lo), float(hi), "approx"


def _unit_token(num: Token) -> Token | None:
    if num.dep_ in ("nummod", "quantmod", "compound") and num.head.pos_ in ("NOUN", "PROPN") and num.head.i > num.i:
        return num.head
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


def _predicate(num: Token, unit_token: Token | None, gaz: Gazetteer) -> str | None:
    if unit_token is not None:
        mapped = gaz.quantity_nouns.get(unit_token.lemma_.lower())
        if mapped in ("casualties", "killed"):  # "3,000 casualties", "100 deaths" name the event itself;
            return mapped                       # "90 prisoners" may be released as well as captured

        for child in unit_token.children:
            predicate = gaz.verb_predicate(child.lemma_.lower(), phrase_words(child)) if child.dep_ in ("acl", "relcl") else None
            if predicate is not None:
                return predicate
    for anc in [num, *num.ancestors]:
        lemma = anc.lemma_.lower()
        if anc.lower_ in gaz.states and anc.pos_ in ("VERB", "ADJ"):
            return gaz.states[anc.lower_]  # "22 people were still missing"
        if anc.pos_ != "VERB":
            continue
        state = next((c.lower_ for c in anc.children if c.dep_ in ("acomp", "oprd") and c.lower_ in gaz.states), None)
        if state is not None:
            return gaz.states[state]  # "17 people remain missing"
        predicate = gaz.verb_predicate(lemma, phrase_words(anc)) if lemma in gaz.verbs else None
        if predicate is not None:
            return predicate  # "lost their lives"; "lost 12 of 14 games" is no toll
        if anc.dep_ != "xcomp":
            break  # the number's own clause has a verb the table does not know: a verb above it ("killed and
            # 3,000 were forced from their homes", "said") is another event
    if unit_token is not None:
        return gaz.quantity_nouns.get(unit_token.lemma_.lower())
    return None

