"""Numbers as written: the words for them ("three", "two dozen", "half a million"), scales ("1.5
million", "$1.13bn"), vague plurals ("hundreds of", "tens of thousands"), the qualifier words around
them, the words that say what kind of amount a number is (currencies, units of measure, percentages,
tallies, ranks), and ``number_value``, what a number as written is worth. Pure data and functions
over strings: the claim stage reads amounts with them (``claims.quantities``), reconcile reads the
claims' wording with them; neither owns them."""

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
          "trillion": 1_000_000_000_000, "bn": 1_000_000_000, "mn": 1_000_000, "mln": 1_000_000, "tn": 1e12,
          "bln": 1_000_000_000}
# Letters after an amount of money that scale it ("£600m", "$10k", "$1.2b"); beside anything else
# they are units ("a 600m race", "a 10k run"), so they count only where ``number_value`` is told money.
MONEY_SCALES = {"k": 1000, "m": 1_000_000, "b": 1_000_000_000, "t": 1e12}
# "hundreds of" = 200..999, "tens of thousands" = 20,000..99,999, "dozens of" = 24..99
VAGUE = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2000, 9999),
         "millions": (2_000_000, 9_999_999), "billions": (2e9, 9.99e9)}
TENS_OF = {"thousands": (20_000, 99_999), "millions": (20_000_000, 99_999_999)}
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
             "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10}

QUALIFIERS = [
    ("more_than", r"more than|better than|over|exceeded|exceeds|exceed|exceeding|upwards of|in excess of|above|greater than|surpassed|topped"),
    ("at_least", r"at least|no fewer than|no less than|a minimum of|minimum of"),
    ("at_most", r"at most|up to|no more than|a maximum of|as many as|maximum of"),
    ("less_than", r"less than|fewer than|under|below|just under|short of"),
    ("approx", r"about|around|approximately|some|roughly|an estimated|estimated|nearly|almost|approx\.?|circa|close to|some\s+\d"),
]
# Currency signs and codes written before an amount, and currency words after it; each to its ISO code.
CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW",
                  "a$": "AUD", "c$": "CAD", "hk$": "HKD", "nz$": "NZD", "s$": "SGD", "r$": "BRL"}
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR", "eur": "EUR",
    "sterling": "GBP", "gbp": "GBP", "rs": "INR", "rs.": "INR", "rupee": "INR", "rupees": "INR", "inr": "INR",
    "yen": "JPY", "jpy": "JPY", "yuan": "CNY", "rmb": "CNY", "renminbi": "CNY", "cny": "CNY", "franc": "CHF",
    "francs": "CHF", "chf": "CHF", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "rub": "RUB",
    "peso": "MXN", "pesos": "MXN", "won": "KRW", "naira": "NGN", "rand": "ZAR", "shekel": "ILS", "shekels": "ILS",
    "hryvnia": "UAH", "hryvnias": "UAH", "lira": "TRY", "krona": "SEK", "kronor": "SEK", "krone": "NOK",
    "kroner": "NOK", "ringgit": "MYR", "baht": "THB", "dinar": "DZD", "dinars": "DZD", "riyal": "SAR",
    "riyals": "SAR", "dirham": "AED", "dirhams": "AED", "cedi": "GHS", "cedis": "GHS", "shilling": "KES",
    "shillings": "KES", "cents": "cents", "pence": "pence", "p": "pence",
}
# Units of measure, each to one spelling, so that outlets' different spellings meet ("kilometres",
# "km"). Pounds are weight here: money in pounds is written with "£" or "sterling".
MEASURE_UNITS = {
    **dict.fromkeys(("km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"), "km"),
    **dict.fromkeys(("m", "metre", "metres", "meter", "meters"), "m"),
    **dict.fromkeys(("cm", "centimetre", "centimetres", "centimeter", "centimeters"), "cm"),
    **dict.fromkeys(("mm", "millimetre", "millimetres", "millimeter", "millimeters"), "mm"),
    **dict.fromkeys(("mile", "miles", "mi"), "miles"), **dict.fromkeys(("foot", "feet", "ft"), "feet"),
    **dict.fromkeys(("inch", "inches", "in."), "inches"), **dict.fromkeys(("yard", "yards"), "yards"),
    **dict.fromkeys(("kg", "kgs", "kilogram", "kilograms", "kilo", "kilos"), "kg"),
    **dict.fromkeys(("g", "gram", "grams", "gramme", "grammes"), "g"),
    **dict.fromkeys(("tonne", "tonnes", "ton", "tons", "t"), "tonnes"),
    **dict.fromkeys(("lb", "lbs", "pound", "pounds"), "lb"), **dict.fromkeys(("ounce", "ounces", "oz"), "oz"),
    **dict.fromkeys(("litre", "litres", "liter", "liters", "l"), "litres"),
    **dict.fromkeys(("gallon", "gallons"), "gallons"), **dict.fromkeys(("barrel", "barrels", "bbl"), "barrels"),
    **dict.fromkeys(("hectare", "hectares", "ha"), "hectares"), **dict.fromkeys(("acre", "acres"), "acres"),
    **dict.fromkeys(("km2", "sq km", "square kilometres", "square kilometers"), "km2"),
    **dict.fromkeys(("square miles", "sq mi"), "square miles"),
    **dict.fromkeys(("mph",), "mph"), **dict.fromkeys(("km/h", "kph", "kmh"), "km/h"),
    **dict.fromkeys(("knot", "knots"), "knots"),
    **dict.fromkeys(("degree", "degrees", "°c", "°f", "celsius", "fahrenheit"), "degrees"),
    **dict.fromkeys(("mw", "megawatt", "megawatts"), "MW"), **dict.fromkeys(("gw", "gigawatt", "gigawatts"), "GW"),
    **dict.fromkeys(("kw", "kilowatt", "kilowatts"), "kW"), **dict.fromkeys(("kwh",), "kWh"),
    **dict.fromkeys(("mwh",), "MWh"), **dict.fromkeys(("gwh",), "GWh"),
    **dict.fromkeys(("gb", "gigabyte", "gigabytes"), "GB"), **dict.fromkeys(("mb", "megabyte", "megabytes"), "MB"),
    **dict.fromkeys(("tb", "terabyte", "terabytes"), "TB"), **dict.fromkeys(("magnitude",), "magnitude"),
    **dict.fromkeys(("bpd",), "barrels per day"), **dict.fromkeys(("mg", "milligram", "milligrams"), "mg"),
    **dict.fromkeys(("ml", "millilitre", "millilitres", "milliliter", "milliliters"), "ml"), "cl": "cl",
    **dict.fromkeys(("ghz", "gigahertz"), "GHz"), **dict.fromkeys(("mhz", "megahertz"), "MHz"),
    **dict.fromkeys(("cubic km", "cubic kilometres", "cubic kilometers", "km3"), "km3"),
    **dict.fromkeys(("cubic metres", "cubic meters", "m3"), "m3"), **dict.fromkeys(("square metres", "square meters", "m2"), "m2"),
    **dict.fromkeys(("square feet", "sq ft"), "square feet"),
}
# A country's name before "dollars" ("125 million Australian dollars").
DOLLAR_COUNTRIES = {"us": "USD", "u.s.": "USD", "american": "USD", "australian": "AUD", "canadian": "CAD",
                    "singapore": "SGD", "taiwan": "TWD", "zealand": "NZD", "kong": "HKD", "jamaican": "JMD"}
# Words before a number that make it a rank, not an amount ("the No. 2 Democrat", "world number three").
RANK_WORDS = {"no.", "no", "nr.", "number", "#", "num."}
# Words beside "234-193" or "3-1" that make it a tally (a vote, a ruling, a score), not a range.
TALLY_WORDS = {"vote", "votes", "voted", "voting", "ballot", "ruling", "decision", "verdict", "majority", "margin",
               "passed", "approved", "rejected", "defeated", "won", "win", "wins", "winning", "beat", "beats",
               "beaten", "lost", "lose", "loses", "losing", "loss", "defeat", "victory", "score", "scored",
               "scoreline", "draw", "drew", "tie", "tied", "lead", "led", "leads", "final", "match", "game",
               "series", "record", "split", "thrashing", "triumph", "edged", "routed", "upset", "aggregate"}


# A thousands group set off by a space ("more than 31, 000 dead", "$6, 000"): text run through a
# tokenizer writes every comma so. One number only where nothing says it is a list: 1-3 digits
# standing alone (not after a digit, a letter, a point, a hyphen or "7, ": "5-foot-8, 135 pounds",
# "Dh4, 275", "2, 4, 100"), then ", " and exactly three digits, then perhaps further groups of "000"
# ("1, 000, 000"), and then no digit, no decimal point, no further ", 5" ("147, 156, 166") and no
# "and 7" or "or 7" with a bare number ("scores of 3, 100 and 7"; "between 1, 000 and 2, 000" is
# read). Read in BBC News and ECB+ texts: 77 hits, all one number save a list of car models and a
# height and weight, which these conditions leave apart.
SPLIT_THOUSANDS = re.compile(r"(?<![\w.,-])(?<!\d, )\d{1,3}, \d{3}(?:, 000)*"
                             r"(?!\d|\.\d|,\s?\d|\s+(?:and|or|&)\s+\d{1,3}(?![\d,]))")


def number_value(text: str, *, money: bool = False) -> float | None:
    """11,000 -> 11000; "1.5 million" -> 1.5e6; "three" -> 3; "two dozen" -> 24; "a half-dozen" -> 6;
    "two thirds" -> 0.667; "1.13bn" -> 1.13e9 ("600m" -> 6e8 only when ``money``); "31, 000" -> 31000
    (``SPLIT_THOUSANDS``); None when not a number."""
    split = SPLIT_THOUSANDS.match(text)
    if split is not None:  # "31, 000": as if written "31,000"
        text = split.group().replace(", ", "") + text[split.end():]
    t = re.sub(r"[,$€£¥]", "", text.lower()).strip()
    m = re.fullmatch(r"(\d+(?:\.\d+)?|\.\d+)\s*([a-z]+)?\.?", t)
    if m:
        return _scaled(float(m.group(1)), m.group(2), money)
    return _words_value([p for p in re.split(r"[\s-]+", t) if p])


def _scaled(value: float, suffix: str | None, money: bool) -> float | None:
    if suffix is None:
        return value
    if suffix in SCALES or suffix in ("dozen", "dozens"):
        return value * (SCALES.get(suffix) or 12)
    if money and suffix in MONEY_SCALES:
        return value * MONEY_SCALES[suffix]
    return None


def _words_value(parts: list[str]) -> float | None:
    """Number words left to right: "two hundred and six", "twenty-one thousand", "half a dozen",
    "two and a half million", "three quarters", "twenty and three fifths"."""
    if parts[:1] in (["a"], ["an"]) and len(parts) > 1:
        parts = ["one", *parts[1:]] if parts[1] not in ("half",) else parts[1:]  # "a dozen", "a third", "a half-dozen"
    if not parts or parts[0] == "and" or parts[-1] == "and":
        return None
    total, current, before_and = 0.0, 0.0, 0.0
    for i, part in enumerate(parts):
        if part == "and":
            before_and = total + current  # a fraction after "and" divides only what follows it
            continue
        if part in ("a", "an") and 0 < i < len(parts) - 1:
            continue  # "half a dozen", "two and a half"
        if part == "dozens" and current:
            part = "dozen"  # "three dozens"
        if part in FRACTIONS and (i > 0 or part.startswith("half")):
            numerator = total + current - before_and
            current = _with_fraction(numerator, part, parts, i) + before_and - total
        elif re.fullmatch(r"\d+(?:\.\d+)?", part):
            current += float(part)
        elif part in WORDS:
            current, total = _with_word(current, total, part)
        else:
            return None
    return total + current


def _with_fraction(current: float, part: str, parts: list[str], i: int) -> float:
    """"half" alone or first is one half ("half a dozen" -> 0.5 then x12); after "and a" it is added
    ("two and a half"); after a count it divides ("two thirds")."""
    share = 1 / FRACTIONS[part]
    if i == 0 or parts[i - 1] in ("a", "an"):
        return current + share
    return (current or 1) * share if parts[i - 1] in WORDS or parts[i - 1][0].isdigit() else current + share


def _with_word(current: float, total: float, word: str) -> tuple[float, float]:
    v = WORDS[word]
    if word in ("dozen", "hundred"):  # "two dozen", "three hundred": multiply what came before
        return (current or 1) * v, total
    if v >= 1000:
        return 0.0, total + (current or 1) * v
    return current + v, total
