"""Per-line features for boilerplate detection (the jusText / boilerpipe signals, for plain text).

Plain text has no markup, so link density is replaced by *interface-word density*: words that
name page furniture (comment, log in, share, subscribe, print) rather than report events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.U)
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|‘[^‘’]*’")
# Words that name page furniture and calls to action, not news. General web vocabulary, the
# plain-text analogue of boilerpipe's link density; calibrated on bench/extraction.py pages.
INTERFACE = frozenset("""
comment comments commenting login log sign signup subscribe subscription subscribers newsletter
share tweet facebook twitter whatsapp telegram linkedin email print printable bookmark
donate donation donations advertisement advertising sponsored cookie cookies consent privacy
password account accounts register click tap related recommended menu navigation copyright
reserved icon reply replies views
""".split())
ADDRESSEE = frozenset("we us our ours you your yours i me my".split())
SENTENCE_END = re.compile(r"[.!?…。]['\"”’)\]]*$")


@dataclass(frozen=True)
class LineFeatures:
    words: int
    stop_density: float
    interface_hits: int
    addressee_share: float
    addressee_hits: int
    ends_sentence: bool
    latin_share: float


_LETTER = re.compile(r"[^\W\d_]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


def line_features(line: str, stop: frozenset[str]) -> LineFeatures:
    words = [w.lower() for w in WORD.findall(line)]
    outside = [w.lower() for w in WORD.findall(_QUOTED.sub(" ", line))]
    n = max(len(words), 1)
    addressee = sum(w in ADDRESSEE for w in outside)
    letters = len(_LETTER.findall(line))
    latin = len(_LATIN_LETTER.findall(line)) / max(letters, 1)
    return LineFeatures(
        words=len(words),
        stop_density=sum(w in stop for w in words) / n,
        interface_hits=sum(w in INTERFACE for w in words),
        addressee_share=addressee / max(len(outside), 1),
        addressee_hits=addressee,
        ends_sentence=bool(SENTENCE_END.search(line.strip())),
        latin_share=latin,
    )
