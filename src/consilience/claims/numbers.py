"""Numbers as written -> values: digits, words ("three", "a dozen"), scales ("1.5 million"),
vague plurals ("hundreds of", "tens of thousands"), and the qualifier words around them."""

from __future__ import annotations

import re

WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "hundred": 100,
    "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "k": 1000, "m": 1_000_000, "bn": 1_000_000_000}
# "hundreds of" = 200..999, "tens of thousands" = 20,000..99,999, "dozens of" = 24..99
VAGUE = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2000, 9999),
         "millions": (2_000_000, 9_999_999), "billions": (2e9, 9.99e9)}
TENS_OF = {"thousands": (20_000, 99_999), "millions": (20_000_000, 99_999_999)}

QUALIFIERS = [
    ("more_than", r"more than|over|exceeded|exceeds|exceed|exceeding|upwards of|in excess of|above|greater than|surpassed|topped"),
    ("at_least", r"at least|no fewer than|no less than|a minimum of|minimum of"),
    ("at_most", r"at most|up to|no more than|a maximum of|as many as|maximum of"),
    ("less_than", r"less than|fewer than|under|below|nearly|almost|just under|short of"),
    ("approx", r"about|around|approximately|some|roughly|an estimated|estimated|nearly|approx\.?|circa|close to|some\s+\d"),
]
_QUALIFIER_RE = [(name, re.compile(r"(?:^|\b)(?:" + words + r")\s*$", re.I)) for name, words in QUALIFIERS]


def number_value(text: str) -> float | None:
    """11,000 -> 11000; "1.5 million" -> 1.5e6; "three" -> 3; "a dozen" -> 12; None when not a number."""
    t = text.lower().replace(",", "").replace("$", "").replace("€", "").replace("£", "").strip()
    t = re.sub(r"^(?:a|an)\s+", "", t)
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(hundred|thousand|million|billion|trillion|k|m|bn)?", t)
    if m:
        return float(m.group(1)) * SCALES.get(m.group(2) or "", 1)
    total, current = 0.0, 0.0
    parts = [p for p in re.split(r"[\s-]+", t) if p and p != "and"]
    if not parts:
        return None
    for part in parts:
        if part not in WORDS:
            return None
        v = WORDS[part]
        if v in (100,):
            current = (current or 1) * v
        elif v >= 1000:
            total += (current or 1) * v
            current = 0
        else:
            current += v
    return total + current


def qualifier_before(prefix: str) -> str:
    """The qualifier that ends ``prefix`` (the words just before a number), else ``exact``."""
    tail = prefix[-40:].rstrip(" $€£¥")  # "over $2.5 million": the qualifier comes before the currency sign
    for name, rx in _QUALIFIER_RE:
        if rx.search(tail):
            return name
    return "exact"


def bounds(value: float, qualifier: str) -> tuple[float | None, float | None]:
    """low/high the wording allows; approx is taken as +-10%."""
    if qualifier == "exact":
        return value, value
    if qualifier == "approx":
        return round(value * 0.9, 6), round(value * 1.1, 6)
    if qualifier in ("at_least", "more_than"):
        return value, None
    return None, value
