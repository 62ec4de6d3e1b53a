"""Stopword lists per language, from spaCy's language data (no model needed)."""

from __future__ import annotations

import importlib
from functools import lru_cache


@lru_cache(maxsize=32)
def stopwords(lang: str) -> frozenset[str]:
    """spaCy's stop words for ``lang``; empty when spaCy has none (the cleaner then uses shape only)."""
    try:
        module = importlib.import_module(f"spacy.lang.{lang}.stop_words")
    except (ImportError, ValueError):
        return frozenset()
    return frozenset(w.lower() for w in getattr(module, "STOP_WORDS", ()))
