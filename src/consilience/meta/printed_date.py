"""A publication date printed in the page's header lines ("date 2025-02-05", "Posted 5 Feb 2025")."""

from __future__ import annotations

import re
from datetime import date

_ISO = re.compile(r"(?<!\d)(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?!\d)")
_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_DMY = re.compile(r"\b(\d{1,2})\s+([A-Z][a-z]{2,8})\.?,?\s+(\d{4})\b")
_MDY = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),?\s+(\d{4})\b")


def printed_date(lines: tuple[str, ...] | list[str]) -> date | None:
    """The first full date found in ``lines`` (header lines, or lines removed as metadata)."""
    for line in lines:
        found = _iso_date(line) or _named_date(line)
        if found:
            return found
    return None


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
