"""Wire-story datelines: "VALPARAISO, Chile, Feb 7 (Reuters) - The death toll ...".

The dateline is metadata, not part of the report: it names the agency that wrote the copy and the
day it was filed (often without a year), and left in the sentence it reads to a parser as the
speaker ("Santiago said"). ``split_dateline`` takes it off the first paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..timex import Anchor, mentions, resolved

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATELINE = re.compile(
    r"^(?!(?:The|A|An|This|That|It|He|She|They|We)\b)(?P<place>[A-Z][\w'’.-]*(?:[ ,]+[A-Z][\w'’.-]*){0,4}?)"
    r"(?:,?\s+(?P<day>" + _MONTH + r"\s+\d{1,2}(?:,\s*(?:19|20)\d{2})?))?"
    r"\s*\((?P<agency>[A-Z][\w.&'-]*(?:\s[A-Z][\w.&'-]*){0,3})\)\s*(?:[-–—:]+|--)\s*"
)


@dataclass(frozen=True)
class Dateline:
    text: str
    place: str
    agency: str
    day: str | None  # "Feb 7", "Feb. 4, 2025": as printed

    def filed(self, anchor: Anchor | None) -> date | None:
        """The day it was filed: a printed year needs no anchor; "Feb 7" takes its year from one."""
        found = mentions(self.day) if self.day else []
        iv = resolved(found[0], anchor) if found else None
        return iv.start if iv is not None and iv.end == iv.start else None


def split_dateline(paragraph: str) -> tuple[Dateline | None, str]:
    """The dateline at the start of ``paragraph`` (or None) and the paragraph without it."""
    m = DATELINE.match(paragraph)
    if not m or len(paragraph) - m.end() < 20:
        return None, paragraph
    return Dateline(m.group().strip(), m["place"].strip(" ,"), m["agency"].strip(), m["day"]), paragraph[m.end():]


def dateline_in(removed: tuple[str, ...] | list[str]) -> Dateline | None:
    """The dateline among an article's removed pieces, as ``cleaned_text`` records it."""
    for piece in removed:
        m = DATELINE.fullmatch(piece)
        if m:
            return Dateline(piece, m["place"].strip(" ,"), m["agency"].strip(), m["day"])
    return None
