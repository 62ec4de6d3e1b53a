"""One name per source within a story: "the country's forensic service", "forensic service" and
"Chile's forensic service" are one source, named by the most specific form the reports use.

Names the gazetteer knows are already canonical; this joins the ones it does not, by their head
after a possessive ("Chile's", "the country's") or an article is taken off.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

_LEAD = re.compile(r"^(?:the\s+)?(?:[\w.-]+(?:\s[\w.-]+)?['’]s\s+|its\s+|their\s+)?", re.I)
_VAGUE_OWNERS = re.compile(r"^(?:the\s+)?(?:country|nation|state|city|region|government)['’]s\s", re.I)


def source_key(name: str) -> str:
    return _LEAD.sub("", name).strip().lower()


def source_aliases(names: Iterable[str]) -> dict[str, str]:
    """name -> the name to count it under (itself when nothing else matches)."""
    groups: dict[str, set[str]] = defaultdict(set)
    for n in set(names):
        key = source_key(n)
        if len(key.split()) >= 2:  # "military" alone is too generic to join "Ukraine's military" and others
            groups[key].add(n)
    out = {}
    for members in groups.values():
        owned = sorted((m for m in members if not _VAGUE_OWNERS.match(m)), key=lambda m: (-len(m), m))
        owners = {_LEAD.match(m).group().lower() for m in owned if _LEAD.match(m).group().strip()}  # type: ignore[union-attr]
        if len(owners) > 1:
            continue  # "Chile's forensic service" and "Peru's forensic service" are two
        best = owned[0] if owned else sorted(members)[0]
        for m in members:
            out[m] = best
    return out
