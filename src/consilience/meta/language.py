"""Language of the body text (py3langid: a small, fast langid.py model shipped in the package)."""

from __future__ import annotations

import re

import py3langid

_LETTERS = re.compile(r"[^\W\d_]")


def language_of(text: str) -> str:
    """ISO 639-1 code of ``text``; ``und`` when there is too little text to tell."""
    sample = text[:2000]
    if len(_LETTERS.findall(sample[:400])) < 20 and len(_LETTERS.findall(sample)) < 20:
        return "und"
    lang, _ = py3langid.classify(sample)
    return str(lang)
