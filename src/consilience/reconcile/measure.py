"""What a number measures, and the values its wording allows (pure functions over claims).

Two numbers are only ever compared when they measure the same thing: the same event class, the
same kind of number (count, money, percent ...), the same unit and counted noun, the same measure
("salary" is not "income"), and the same subject entity, which must be named on both sides.
"""

from __future__ import annotations

import math
import re

from ..lexicon.numbers import SPLIT_THOUSANDS, number_value
from ..records import Claim, Quantity
from .entities import PEOPLE_WORDS

_PERCENT = {"%", "percent", "per cent", "pct", "percentage point", "percentage points"}
_DETERMINERS = re.compile(r"^(?:the|a|an|its|their|his|her|this|that|these|those)\s+", re.I)


def unit_key(q: Quantity) -> str:
    """The unit as one key: people-words meet ("victims" = "deaths" = "people"), plurals meet."""
    unit = (q.unit or "").strip().lower()
    if q.kind == "percent" or unit in _PERCENT:
        return "%"
    if unit in PEOPLE_WORDS:
        return "people"
    return singular(unit)


def measure_key(q: Quantity) -> str:
    """What the number is of beyond its unit ("salary"), as one key; "" when the claim does not say."""
    return singular(_DETERMINERS.sub("", (q.measure or "").strip().lower()))


def singular(word: str) -> str:
    """"tories" -> "tory", "villages" -> "village"; words of three letters or fewer stay."""
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def kind_of(q: Quantity) -> str:
    return "percent" if unit_key(q) == "%" else q.kind


def bounds_as_worded(q: Quantity) -> tuple[float, float]:
    """The values the wording allows: "more than 3,000" is (3,000, inf); "about 200" its +-10%."""
    if q.tally:
        return q.value, q.value
    lo = q.low if q.low is not None else -math.inf
    hi = q.high if q.high is not None else math.inf
    if q.qualifier == "more_than":
        lo = max(lo, q.value + 1e-9)
    if q.qualifier == "less_than":
        hi = min(hi, q.value - 1e-9)
    return lo, hi


def bounds_after_rounding(q: Quantity) -> tuple[float, float]:
    """``bounds_as_worded`` widened for a round figure: "$43 million" stands for what rounds or is cut
    down to it ($42.5m up to, not including, $44m), so it does not exclude "$43,885,310". The widening
    is at most a tenth of the figure ("3,000" allows 2,850 to 3,300, not 3,500): a journalist's
    rounding, not a different estimate. A decimal allows half its last place either way ("2.25%":
    2.245% to 2.255%); a whole percent of ten or more half a unit ("41%" ~ "41.3%"), a smaller one
    none ("1%" is not "0.8%"). Counts below 1,000 and figures with their own last digit ("112") are exact."""
    lo, hi = bounds_as_worded(q)
    if q.qualifier != "exact" or q.tally or (q.low is not None and q.high is not None and q.low != q.high):
        return lo, hi
    v = abs(q.value)
    if not float(v).is_integer():
        decimals = len(f"{v:.6f}".rstrip("0").split(".")[1])
        half = 0.5 * 10 ** -decimals
        return q.value - half, q.value + half - 1e-9
    if kind_of(q) in ("percent", "measure") and v < 1000:
        return (q.value - 0.5, q.value + 0.5 - 1e-9) if v >= 10 else (lo, hi)
    zeros = len(str(int(v))) - len(str(int(v)).rstrip("0"))
    if zeros < 2 or v < 1000:
        return lo, hi
    tolerance = min(10.0 ** zeros, v / 10)
    return q.value - tolerance / 2, q.value + tolerance * (1 - 1e-9)  # up to, not including


def comparable_range(q: Quantity) -> bool:
    """A stated range narrow enough to be one figure's uncertainty ("10% to 15%"); "up $2.80 to
    $51.15" read as one range is a change and a level, not one measure."""
    if q.low is None or q.high is None or q.low == q.high or q.qualifier != "exact":
        return True
    return q.low > 0 and q.high / q.low <= 3


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def within(inner: tuple[float, float], outer: tuple[float, float]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def complements(a: Quantity, b: Quantity) -> bool:
    """Two shares of one whole that add up to it: "a 23% cut" and "77% payable"."""
    return kind_of(a) == kind_of(b) == "percent" and abs(a.value + b.value - 100) <= 1 and a.value != b.value


def quantity_words(c: Claim, unit: str | None = None) -> str:
    """How the claim words its number, for a reader: "about 200 people", "$43 million", "41%"."""
    q = c.quantity
    assert q is not None
    if q.tally:
        return "–".join(number_text(v) for v in q.tally)
    lead = {"approx": "about ", "at_least": "at least ", "more_than": "more than ", "at_most": "at most ",
            "less_than": "fewer than ", "exact": ""}.get(q.qualifier, "")
    unit = unit or q.unit or ""
    if unit_key(q) == "%":
        return f"{lead}{number_text(q.value)}%"
    if q.kind == "money" and unit:
        sign = _CURRENCY_SIGNS.get(unit.upper())
        return f"{lead}{sign}{number_text(q.value)}" if sign else f"{lead}{number_text(q.value)} {unit}"
    if q.low is not None and q.high is not None and q.low != q.high and q.qualifier == "exact":
        return f"{number_text(q.low)}–{number_text(q.high)} {unit}".strip()
    return f"{lead}{number_text(q.value)} {unit}".strip()


_CURRENCY_SIGNS = {"USD": "$", "GBP": "£", "EUR": "€", "JPY": "¥"}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def number_text(v: float) -> str:
    """"43 million" for 43,000,000 and "2.5 billion", else digits with thousands commas."""
    for size, word in _SCALES:
        if abs(v) >= size and round(v / size, 2) * size == v:
            return f"{number_text(v / size)} {word}"
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.2f}".rstrip("0").rstrip(".")


# Outcomes a count of people is given for, each word to its outcome: a number followed by one of
# another outcome than its claim's event counts that one ("Ten people were killed and at least 50
# injured": the 50 were injured). No -ing forms: "killed 12 people injuring 30" tells the 30's outcome.
OUTCOMES = {
    **dict.fromkeys(("killed", "kill", "dead", "died", "die", "deaths", "death", "perished"), "dead"),
    **dict.fromkeys(("injured", "injure", "wounded", "wound", "hurt", "injuries"), "hurt"),
    **dict.fromkeys(("missing",), "missing"),
    **dict.fromkeys(("arrested", "arrest", "detained", "detain", "held"), "held"),
    **dict.fromkeys(("displaced", "homeless", "evacuated", "evacuate"), "displaced"),
}
# Words between a number and the outcome it counts ("50 people were injured", "50 others hurt").
_BETWEEN = {"people", "persons", "others", "other", "more", "were", "was", "are", "have", "had", "been", "being",
            "reported", "also", "seriously", "critically", "badly", "slightly", "later"}
_TOKEN = re.compile(SPLIT_THOUSANDS.pattern + r"|[a-z]+|\d[\d,.]*", re.I)  # "31, 000" is one number


def number_misread(c: Claim, text: str) -> bool:
    """The claim's figure is not what its words give for its event: a figure the words after it give
    for another outcome ("ten were killed and at least 50 injured" read as 50 killed). Such a figure
    is never compared with another report's (``text``: the claim's article, "" when unknown)."""
    q = c.quantity
    if q is None:
        return False
    own = OUTCOMES.get(c.predicate.split(":")[0].lower())
    if own is None or not text:
        return False
    ends = [m.end() for m in _TOKEN.finditer(c.text) if number_value(m.group()) == q.value]
    if not ends:
        return False
    after = re.split(r"[,;:.!?]", text[c.start + ends[-1]: c.start + ends[-1] + 60], maxsplit=1)[0]  # its own clause
    for word in _TOKEN.findall(after.lower())[:4]:
        if word in _BETWEEN or word == (q.unit or "").lower():
            continue
        return OUTCOMES.get(word, own) != own
    return False
