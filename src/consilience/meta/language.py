"""Language of the body text (py3langid: a small, fast langid.py model shipped in the package)."""

from __future__ import annotations

import re

import py3langid

_LETTERS = re.compile(r"[^\W\d_]")


SAMPLE_CHARS = 600


def _sample(text: str) -> str:
    """Up to SAMPLE_CHARS from the body: past a short header when the text is long enough."""
    if len(text) <= SAMPLE_CHARS:
        return text
    start = text.find("\n", min(200, len(text) - SAMPLE_CHARS))
    start = start if 0 <= start <= len(text) - SAMPLE_CHARS else 0
    return text[start:start + SAMPLE_CHARS]


def language_of(text: str) -> str:
    """ISO 639-1 code of ``text``; ``und`` when there is too little text to tell."""
    sample = _sample(text)
    if len(_LETTERS.findall(sample)) < 20:
        return "und"
    lang, _ = py3langid.classify(sample)
    return str(lang)
