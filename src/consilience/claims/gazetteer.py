"""The shipped gazetteers (sources and their aliases, predicate table), extendable by the user."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

_LEAD = re.compile(r"^(?:the|a|an|anonymous|unnamed|senior|some)\s+", re.I)
_POSSESSIVE = re.compile(r"[’']s?$")


def _shipped(name: str) -> dict[str, Any]:
    return dict(json.loads(resources.files("consilience.data").joinpath(name).read_text(encoding="utf-8")))


def _user(env: str) -> dict[str, Any]:
    path = os.environ.get(env)
    if not path:
        return {}
    with open(path, encoding="utf-8") as f:
        return dict(json.load(f))


@dataclass(frozen=True)
class Gazetteer:
    canonical: dict[str, str]
    kinds: dict[str, str]
    verbs: dict[str, str]
    nouns: dict[str, str]
    phrases: dict[str, str]
    quantity_nouns: dict[str, str]
    stopping_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    hazards: frozenset[str] = frozenset()

    def source_name(self, text: str) -> str:
        """The canonical name for a source as written: "the NIS" -> "National Intelligence Service"."""
        key = _key(text)
        if key in self.canonical:
            return self.canonical[key]
        stripped = _key(_LEAD.sub("", text.strip()))
        if stripped in self.canonical:
            return self.canonical[stripped]
        return _LEAD.sub("", text.strip()).strip(" ,.") or text

    def kind_of(self, canonical: str) -> str | None:
        return self.kinds.get(canonical)


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip(" ,.").lower()


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    sources = {**_shipped("sources.json"), **_user("CONSILIENCE_SOURCES")}
    preds = _shipped("predicates.json")
    for key, value in _user("CONSILIENCE_PREDICATES").items():
        preds[key] = {**preds.get(key, {}), **value} if isinstance(value, dict) else value
    canonical: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for name, entry in sources.items():
        if name.startswith("_"):
            continue
        kinds[name] = entry.get("kind", "other")
        for alias in [name, *entry.get("aliases", [])]:
            canonical[_key(alias)] = name
    return Gazetteer(
        canonical=canonical, kinds=kinds, verbs=preds["verbs"], nouns=preds["nouns"], phrases=preds["phrases"],
        quantity_nouns=preds["quantity_nouns"], stopping_verbs=frozenset(preds["stopping_verbs"]),
        speech_verbs=frozenset(preds["speech_verbs"]), hazards=frozenset(preds.get("hazards", ())),
    )
