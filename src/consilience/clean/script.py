"""Writing systems: the script a text is written in, and how to count its words.

The cleaner judges a line against the article's own script: a Cyrillic line in a Russian report is
text, the same line in an English page is a language menu. No script is boilerplate by itself.
Scripts written without spaces between words (Chinese, Japanese, Thai, ...) count words by
characters instead of by spaces.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

_ASCII_LETTER = re.compile(r"[A-Za-z]")
_NON_ASCII_LETTER = re.compile(r"[^\W\d_A-Za-z]", re.U)
# Japanese mixes kanji with both kana, and Chinese text quotes Japanese names: one family.
_FAMILY = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "CJK": "CJK", "HALFWIDTH": "CJK", "IDEOGRAPHIC": "CJK",
           "FULLWIDTH": "LATIN"}
# Scripts whose words are not separated by spaces.
SPACELESS = frozenset({"CJK", "THAI", "LAO", "KHMER", "MYANMAR", "TIBETAN"})
# Average characters per word in spaceless scripts: Chinese words run 1.5-2 characters (Sinica corpus),
# Japanese and Thai longer; 2 keeps the cleaner's word thresholds (8 for a long line) near a
# sentence's length in every one of them.
CHARS_PER_WORD = 2
SPACED_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.U)


@lru_cache(maxsize=4096)
def script_of_char(ch: str) -> str:
    """The script of one letter by its Unicode name: 'LATIN', 'CYRILLIC', 'HANGUL', 'CJK', 'ARABIC', ..."""
    name = unicodedata.name(ch, "")
    first = name.split(" ", 1)[0] if name else "UNKNOWN"
    return _FAMILY.get(first, first)


def script_counts(text: str) -> Counter[str]:
    """Letters per script. ASCII letters are counted by one regex pass: most lines are all Latin."""
    counts = Counter(script_of_char(ch) for ch in _NON_ASCII_LETTER.findall(text))
    latin = len(_ASCII_LETTER.findall(text))
    if latin:
        counts["LATIN"] += latin
    return counts


def dominant_script(text: str) -> str | None:
    """The script most of ``text``'s letters are in; None when it has no letters."""
    counts = script_counts(text)
    return counts.most_common(1)[0][0] if counts else None


def script_share(text: str, script: str | None) -> float:
    """Share of ``text``'s letters written in ``script`` (1.0 when either is empty: nothing to contradict)."""
    if script is None or not text:
        return 1.0
    if text.isascii():  # most lines: no need to look letter by letter
        return 1.0 if script == "LATIN" or not _ASCII_LETTER.search(text) else 0.0
    counts = script_counts(text)
    total = sum(counts.values())
    return counts[script] / total if total else 1.0


def words_of(text: str, script: str | None) -> list[str]:
    """Words as the cleaner counts them: runs of letters between spaces; in a spaceless script each
    ``CHARS_PER_WORD`` letters of it count as one word (its other letters, a Latin name say, count as usual)."""
    words = SPACED_WORD.findall(text)
    if script not in SPACELESS:
        return words
    out: list[str] = []
    for w in words:
        own = sum(script_of_char(ch) == script for ch in w)
        if own:
            out.extend(w[i:i + CHARS_PER_WORD] for i in range(0, len(w), CHARS_PER_WORD))
        else:
            out.append(w)
    return out
