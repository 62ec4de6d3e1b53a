"""The shipped gazetteers (sources and their aliases, predicate table), extendable by the user."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

_LEAD = re.compile(r"^(?:the|a|an|anonymous|unnamed|senior|some)\s+", re.I)
POSSESSIVE = re.compile(r"[’']s?$")


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
    actor_groups: tuple[frozenset[str], ...] = ()  # nouns (singular) for one kind of actor each
    actor_heads: dict[str, str] = field(default_factory=dict)  # "soldier" -> "troops"
    needs_context: dict[str, frozenset[str]] = field(default_factory=dict)  # "engage" -> {"combat", ...}
    states: dict[str, str] = field(default_factory=dict)  # "missing" -> "missing", "homeless" -> "displaced"
    eventive_verbs: frozenset[str] = frozenset()  # thinking or being that news reports as an event ("decided")
    hazard_verbs: frozenset[str] = frozenset()  # "strike", "hit": with a hazard as subject the event occurred

    def source_name(self, text: str) -> str:
        """The canonical name for a source as written: "the NIS" -> "National Intelligence Service"."""
        key = _key(text)
        if key in self.canonical:
            return self.canonical[key]
        stripped = _key(_LEAD.sub("", text.strip()))
        if stripped in self.canonical:
            return self.canonical[stripped]
        return _LEAD.sub("", text.strip()).strip(" ,.") or text

    def known_source(self, text: str) -> str | None:
        """The canonical name when the gazetteer knows ``text`` as a source, else None."""
        for key in (_key(text), _key(_LEAD.sub("", text.strip()))):
            if key in self.canonical:
                return self.canonical[key]
        return None

    def verb_predicate(self, lemma: str, context: Iterable[str]) -> str | None:
        """The predicate table's entry for verb ``lemma``, if it has one and any of its context words
        (``needs_context``) is among ``context`` (the lemmas and forms of the verb's phrase):
        "lost their lives" -> "casualties", "lost 12 of 14 games" -> None."""
        predicate = self.verbs.get(lemma)
        needed = self.needs_context.get(lemma)
        if predicate is None or (needed and not needed.intersection(context)):
            return None
        return predicate

    def kind_of(self, canonical: str) -> str | None:
        return self.kinds.get(canonical)

    def actor_group(self, word: str) -> int | None:
        """Which actor group ``word`` (any inflected form: "soldiers") belongs to, if any."""
        return self._actor_forms.get(word.lower())

    @cached_property
    def _actor_forms(self) -> dict[str, int]:
        return {form: i for i, group in enumerate(self.actor_groups) for noun in group for form in inflections(noun)}


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip(" ,.").lower()


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    sources = {**_shipped("sources.json"), **_user("CONSILIENCE_SOURCES")}
    preds = _shipped("predicates.json")
    for key, value in _user("CONSILIENCE_PREDICATES").items():
        preds[key] = _merged(preds.get(key), value)
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
        actor_groups=tuple(frozenset(g["nouns"]) | frozenset(g.get("heads", {}).values()) for g in preds.get("actors", ())),
        actor_heads={noun: head for g in preds.get("actors", ()) for noun, head in g.get("heads", {}).items()},
        needs_context={verb: frozenset(words) for verb, words in preds.get("needs_context", {}).items()},
        states=dict(preds.get("states", {})),
        eventive_verbs=frozenset(preds.get("eventive_verbs", ())), hazard_verbs=frozenset(preds.get("hazard_verbs", ())),
    )


def _merged(shipped: Any, user: Any) -> Any:
    """A user's table entry over the shipped one: tables merge (the user's keys win), lists extend."""
    if isinstance(shipped, dict) and isinstance(user, dict):
        return {**shipped, **user}
    if isinstance(shipped, list) and isinstance(user, list):
        return shipped + [item for item in user if item not in shipped]
    return user


def inflections(lemma: str) -> set[str]:
    """Regular English forms of a verb or noun, for matching: -s/-es, -ed/-d, -ing, y -> ie, final
    consonant doubled (both ways, since stress decides it), and the irregular past of ``past_tense``."""
    out = {lemma, lemma + "ing", third_person(lemma), past_tense(lemma)}
    if not _consonant_y(lemma):
        out |= {lemma + "s", lemma + "es", lemma + "ed"}
    if lemma.endswith("e"):
        out |= {lemma + "d", lemma[:-1] + "ing"}
    if len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    if lemma.endswith("ie"):
        out.add(lemma[:-2] + "ying")
    return out


def third_person(verb: str) -> str:
    """The verb's -s form, or a noun's plural: "says", "testifies", "stresses", "reaches"."""
    if _consonant_y(verb):
        return verb[:-1] + "ies"
    return verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "z")) else "s")


def past_tense(verb: str) -> str:
    """The verb's past form: "said", "testified", "announced", "admitted", "warned". A final
    consonant is doubled after one short vowel in a word of one syllable ("banned"); for longer
    words stress decides, so those are listed ("admitted", but "visited")."""
    if verb in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[verb]
    if verb.endswith("e"):
        return verb + "d"
    if _consonant_y(verb):
        return verb[:-1] + "ied"
    vowels = [i for i, ch in enumerate(verb) if ch in "aeiou"]
    if len(vowels) == 1 and vowels[0] == len(verb) - 2 and verb[-1] not in "wxy" and len(verb) >= 3:
        return verb + verb[-1] + "ed"
    return verb + "ed"


# Past forms no rule makes: irregular verbs that report, announce or tell of events, and verbs
# stressed on a final short syllable. Extend when a user's speech verb needs it.
_IRREGULAR_PAST = {"say": "said", "tell": "told", "write": "wrote", "find": "found", "forecast": "forecast",
                   "speak": "spoke", "think": "thought", "hear": "heard", "see": "saw", "give": "gave",
                   "admit": "admitted", "commit": "committed", "submit": "submitted", "omit": "omitted",
                   "regret": "regretted", "refer": "referred", "prefer": "preferred", "occur": "occurred",
                   "confer": "conferred", "deter": "deterred", "compel": "compelled", "rebut": "rebutted"}


def _consonant_y(word: str) -> bool:
    return word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou"
