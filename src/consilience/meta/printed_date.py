"""Publication dates as publishers print them.

- ``url_day``: the date in the article's URL path ("/2013/05/02/").
- ``declared_day``: a metadata field (JSON Lines ``published``, a feed's date): ISO 8601, RFC 822
  ("Tue, 04 Feb 2025 10:00:00 GMT"), or a written date with its year ("Feb 4, 2025", "6. Februar 2023").
- ``printed_date``: the first full date in the page's header lines ("date 2025-02-05", "Posted 5 Feb
  2025"); in another language than English, dates as that language prints them ("6. Februar 2023",
  "4 февраля 2025 года", "2025년 2월 4일"), read by dateparser's multilingual search.

A date is taken only when it has day, month and year; "yesterday" or "02/04/2025" (day or month
first?) are no publication date, so the article stays undated rather than wrongly dated.
"""

from __future__ import annotations

import logging
import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from htmldate.extractors import extract_url_date
from htmldate.utils import Extractor

log = logging.getLogger(__name__)
# A fixed upper limit keeps the result independent of the day the analysis runs.
_URL_OPTIONS = Extractor(extensive=False, max=datetime(2099, 12, 31), min=datetime(1995, 1, 1), original=True,
                         format="%Y-%m-%d")

_ISO = re.compile(r"(?<!\d)(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?!\d)")
_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_DMY = re.compile(r"\b(\d{1,2})\s+([A-Z][a-z]{2,8})\.?,?\s+(\d{4})\b")
_MDY = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),?\s+(\d{4})\b")
_YEAR = re.compile(r"(?<!\d)(?:1[89]|2\d)\d{2}(?!\d)")
_AMBIGUOUS_NUMERIC = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*\d{2,4}\b")
# dateparser without its relative parser: "3 days ago" or "yesterday" is no printed date.
_DATEPARSER = {"PARSERS": ["timestamp", "custom-formats", "absolute-time"], "RETURN_AS_TIMEZONE_AWARE": False,
               "REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True}


def declared_day(value: str | None, language: str = "en") -> date | None:
    """The day a metadata date names, as written (its own time zone, not converted); written dates
    are read in English and in ``language`` (the article's)."""
    if not value or not value.strip():
        return None
    text = value.strip()
    day = _iso_day(text) or _rfc822_day(text) or _named_date(text) or _dateparser_day(text, language)
    if day is not None:
        return day
    log.debug("published %r: not a date with day, month and year; left undated", value)
    return None


def url_day(url: str | None) -> date | None:
    """The day a URL's path names ("/2013/05/02/", "/2010-09-10/"), by htmldate's own URL rule."""
    if not url:
        return None
    found = extract_url_date(url, _URL_OPTIONS)
    return date.fromisoformat(found) if found else None


def printed_date(lines: tuple[str, ...] | list[str], language: str = "en") -> date | None:
    """The first full date printed as the page's own date in ``lines`` (header lines, or lines
    removed as metadata), within their first ``HEADER_CHARS`` characters.

    A date inside a sentence is a reference, not the page's date: "Since Jan. 20, 2017, the agency
    has ..." says nothing of when the report was written. A date counts when it starts its line or
    segment, follows a capitalised word (the end of a headline or a byline), or follows a
    publication cue ("Published", "Updated", "posted in Local News on").
    """
    head = _head(lines)
    for line in head:
        for start, end, found in _dates_in(line):
            if _printed_here(line, start, end):
                return found
    if language in ("en", "und"):
        return None
    for line in head:
        if len(line.split()) <= SHORT_DATE_LINE_WORDS:
            found = _searched_date(line, language)
            if found:
                return found
    return None


# How far down a page its own date is looked for: a headline, a standfirst and a byline line fit
# in 600 characters (ECB+ pages flattened to one line print it within the first 520).
HEADER_CHARS = 600
# In another language (no list of its prepositions here), only a date line of its own counts:
# "Veröffentlicht am 6. Februar 2023, 14:05 Uhr", "4 февраля 2025, 10:15".
SHORT_DATE_LINE_WORDS = 12
_CUES = frozenset("published posted updated modified date dated filed released edited created".split())
# Words that put a date inside a sentence: "born on April 22, 1923", "since Jan. 20, 2017".
_LINKING = frozenset("""on since by until till before after from of in to between and or through as at during than
the a an this that its his her their was were is be been""".split())
_TIME = r"\d{1,2}\s*[:.]\s*\d{2}(?:\s*[ap]\.?\s*m\.?|\s*[AP]M|[ap])?"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?"
# What may stand between a page's date and the word before it: a weekday, a clock time, a zone.
_SKIPPED = re.compile(r"(?:" + _WEEKDAY + r"|" + _TIME + r"|\b(?:GMT|UTC|[ECMP][SD]?T|CES?T|BST|HKT)\b|[\s,])*$")
_SEGMENT_END = re.compile(r"(?:[.!?|:;•–—()\[\]'\"”’]|\s-)\s*$")
_SEGMENT_START = re.compile(r"\s*(?:$|[|•–—(\[]|-\s|,?\s*" + _TIME + r"|[A-Z\"“‘'])")
_LAST_TOKEN = re.compile(r"([^\W_][\w'’-]*)\W*$", re.U)
_WORDS = re.compile(r"[^\W\d_][\w'’-]*", re.U)
_CLOCK_AFTER = re.compile(r",?\s*" + _TIME)
CUE_WORDS_BACK = 8  # "posted in Hit and Run Accidents on Friday, September 20, 2013"


def _head(lines: tuple[str, ...] | list[str]) -> list[str]:
    out, left = [], HEADER_CHARS
    for line in lines:
        if left <= 0:
            break
        out.append(line[:left])
        left -= len(line)
    return out


def _dates_in(line: str) -> list[tuple[int, int, date]]:
    """Every full date in ``line`` (ISO, day-month-year, month-day-year) with its span, in order."""
    found: list[tuple[int, int, date]] = []
    for m in _ISO.finditer(line):
        day = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if day:
            found.append((m.start(), m.end(), day))
    for m in _DMY.finditer(line):
        day = _safe(int(m.group(3)), m.group(2), int(m.group(1)))
        if day:
            found.append((m.start(), m.end(), day))
    for m in _MDY.finditer(line):
        day = _safe(int(m.group(3)), m.group(1), int(m.group(2)))
        if day:
            found.append((m.start(), m.end(), day))
    return sorted(found, key=lambda f: f[0])


def _printed_here(line: str, start: int, end: int) -> bool:
    """Whether the date at ``line[start:end]`` is the page's own, not a reference inside a sentence.

    Printed: after a publication cue or before a clock time; at the start of the line or of a segment ("... in 2005. April
    04, 2007 A jury"); after a capitalised word (a headline's or byline's end). After a word that
    links it into a sentence ("born on", "since", "the"): a reference. After any other word (a
    headline ending in lower case), printed only when what follows starts anew: the line's end, a
    separator, a clock time or a capitalised word ("rehab center May 2, 2013 | 5:03pm").
    """
    before = line[:start]
    if {w.lower() for w in _WORDS.findall(before)[-CUE_WORDS_BACK:]} & _CUES or _CLOCK_AFTER.match(line, end):
        return True  # a cue before, or a clock time right after: a time stamp ("on Jul 7 2012, 5:55p")
    trimmed = before[: _SKIPPED.search(before).start()]  # type: ignore[union-attr]  # the pattern matches ''
    if not trimmed.strip() or _SEGMENT_END.search(trimmed):
        return True
    last = _LAST_TOKEN.search(trimmed)
    word = last.group(1) if last else ""
    if word.lower() in _LINKING:
        return False
    if word[:1].isupper():
        return True
    return bool(_SEGMENT_START.match(line, end))


def _iso_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _rfc822_day(text: str) -> date | None:
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _dateparser_day(text: str, language: str) -> date | None:
    if not _YEAR.search(text) or _ambiguous(text):
        return None
    import dateparser  # 0.6 s to import: only for dates the fast readers above cannot read

    # Named languages only: without them dateparser tries each of its 200 locales (seconds per date).
    languages = list(dict.fromkeys(lang for lang in (language, "en") if lang != "und"))
    try:
        parsed = dateparser.parse(text, languages=languages, settings=_DATEPARSER)
    except (ValueError, TypeError, OverflowError):
        return None
    return parsed.date() if parsed else None


def _ambiguous(text: str) -> bool:
    """"02/04/2025": 2 April or February 4 depends on the country; 13/04 or 04/04 are not ambiguous."""
    m = _AMBIGUOUS_NUMERIC.match(text)
    return bool(m) and int(m.group(1)) <= 12 and int(m.group(2)) <= 12 and m.group(1) != m.group(2)


def _searched_date(line: str, language: str) -> date | None:
    """A full date written the way ``language`` writes dates, found anywhere in ``line``."""
    if not _YEAR.search(line):
        return None
    from dateparser.search import search_dates

    try:
        found: list[tuple[str, datetime]] | None = search_dates(line, languages=[language],
                                                                settings=_search_settings())
    except (ValueError, TypeError, OverflowError, KeyError) as e:  # a language dateparser does not know
        log.debug("no date search in %r: %s", language, e)
        return None
    for text, when in found or []:
        if _YEAR.search(text) and not _ambiguous(text):
            return when.date()
    return None


def _search_settings() -> dict[str, Any]:
    settings = dict(_DATEPARSER)
    settings.pop("STRICT_PARSING")  # search_dates finds the date inside a longer line
    return settings


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _named_date(line: str) -> date | None:
    for m in _DMY.finditer(line):
        found = _safe(int(m.group(3)), m.group(2), int(m.group(1)))
        if found:
            return found
    for m in _MDY.finditer(line):
        found = _safe(int(m.group(3)), m.group(1), int(m.group(2)))
        if found:
            return found
    return None


def _safe(year: int, month_name: str, day: int) -> date | None:
    month = _MONTHS.get(month_name[:3].lower())
    if not month:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None
