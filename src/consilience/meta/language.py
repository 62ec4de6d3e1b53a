"""Language of the body text (py3langid: a small, fast langid.py model shipped in the package)."""

from __future__ import annotations

import re

import py3langid

from ..clean.stopwords import stopwords

_LETTERS = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+")


SAMPLE_CHARS = 600


def _sample(text: str) -> str:
    """Up to SAMPLE_CHARS from the body: past a short header when the text is long enough."""
    if len(text) <= SAMPLE_CHARS:
        return text
    start = text.find("\n", min(200, len(text) - SAMPLE_CHARS))
    start = start if 0 <= start <= len(text) - SAMPLE_CHARS else 0
    return text[start:start + SAMPLE_CHARS]


HINT_STOPWORD_SHARE = 0.3  # English prose runs at 40-50% stop words; German text at ~10% of English ones


def language_of(text: str, hint: str | None = None) -> str:
    """ISO 639-1 code of ``text``; ``und`` when there is too little text to tell.

    ``hint`` (a page's ``<html lang>``) is taken when the sample reads like it (enough of that
    language's stop words), which spares the classifier; a wrong template default is not.
    """
    sample = _sample(text)
    if len(_LETTERS.findall(sample)) < 20:
        return "und"
    if hint and _reads_like(sample, hint):
        return hint
    lang, _ = py3langid.classify(sample)
    return str(lang)


def load_model() -> None:
    """Load the classifier now (half a second), so worker processes forked later share it."""
    py3langid.classify("language")


def _reads_like(sample: str, lang: str) -> bool:
    stop = stopwords(lang)
    words = _WORD.findall(sample.lower())
    return bool(stop) and len(words) >= 30 and sum(w in stop for w in words) >= HINT_STOPWORD_SHARE * len(words)
