"""Language of the body text (py3langid: a small, fast langid.py model shipped in the package)."""

from __future__ import annotations

import py3langid


def language_of(text: str) -> str:
    """ISO 639-1 code of ``text``; ``und`` when there is too little text to tell."""
    sample = text[:5000]
    if sum(c.isalpha() for c in sample) < 20:
        return "und"
    lang, _ = py3langid.classify(sample)
    return str(lang)
