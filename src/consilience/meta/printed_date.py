"""Publication dates as publishers print them.

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

log = logging.getLogger(__name__)

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


def printed_date(lines: tuple[str, ...] | list[str], language: str = "en") -> date | None:
    """The first full date found in ``lines`` (header lines, or lines removed as metadata)."""
    for line in lines:
        found = _iso_date(line) or _named_date(line)
        if found:
            return found
    if language in ("en", "und"):
        return None
    for line in lines:
        found = _searched_date(line, language)
        if found:
            return found
    return None


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


def _iso_date(line: str) -> date | None:
    for y, m, d in _ISO.findall(line):
        try:
            return date(int(y), int(m), int(d))
        except ValueError:
            continue
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
