"""Stopword lists per language, from spaCy's language data (no model needed)."""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache

_CODE = re.compile(r"[a-z]{2,3}")


@lru_cache(maxsize=64)
def stopwords(lang: str) -> frozenset[str]:
    """spaCy's stop words for ``lang``; empty when spaCy has none (the cleaner then uses shape only).

    Only ``spacy/lang/<lang>/stop_words.py`` is run, not the language package around it: importing
    ``spacy.lang.fr`` builds its tokenizer exceptions, 2-3 s that every worker process would pay.
    """
    if not _CODE.fullmatch(lang):
        return frozenset()
    spacy_spec = importlib.util.find_spec("spacy")
    roots = spacy_spec.submodule_search_locations if spacy_spec else None
    if not roots:
        return frozenset()
    for root in roots:
        spec = importlib.util.spec_from_file_location(f"_consilience_stop_{lang}", f"{root}/lang/{lang}/stop_words.py")
        if spec is None or spec.loader is None:
            continue
        module = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
        except (OSError, ImportError, SyntaxError):
            continue
        return frozenset(w.lower() for w in getattr(module, "STOP_WORDS", ()))
    return frozenset()
