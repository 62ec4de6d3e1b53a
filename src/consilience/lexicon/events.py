"""The event lexicon: which words name events, and which event class each sense belongs to.

Read from ``data/events.json.gz``, which ``tools/build_lexicon.py`` derives from WordNet 3.0 (see
its docstring for how classes, names, argument profiles and event nouns are made). Standard
library only at run time.

A verb's sense is chosen by its arguments (``best_sense``): each sense carries the noun
supersenses seen as its subject and object in WordNet's own example sentences and gloss, so "fired
the coach" (a person as object) is the dismissal and "fired shots" the shooting; with no evidence
the most frequent sense wins.
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

# Lexicographer files whose verbs state something that happened. Thinking, feeling, perceiving and
# being are not events a report can be checked on ("believed", "liked", "seemed"); a number still
# makes such a clause a quantity claim ("costs $5m").
NON_EVENT_VERB_FILES = frozenset({"verb.cognition", "verb.emotion", "verb.perception", "verb.stative"})
SPEECH_FILE = "verb.communication"
# Supersenses that stand in for each other when a sense's examples are few: a company acts like a
# person, a flood happens like an attack.
_COARSE = {"noun.person": "agent", "noun.group": "agent", "noun.act": "happening", "noun.event": "happening",
           "noun.phenomenon": "happening", "noun.process": "happening", "noun.artifact": "thing",
           "noun.object": "thing", "noun.possession": "thing", "noun.location": "place"}
# Weights of the evidence for a sense (set by hand on the sentences of tests/test_lexicon.py): an
# argument of the same supersense in the sense's examples counts most; an object of a supersense its
# gloss names less; a coarse match (person ~ group) in its examples least. Each sense starts from
# PRIOR_WEIGHT * ln(1 + times tagged), so one example match can overturn a sense tagged a few
# times more often, but not one tagged thirty times more ("fired shots" stays the shooting).
EXAMPLE_MATCH, GLOSS_MATCH, COARSE_MATCH, PRIOR_WEIGHT = 1.0, 0.4, 0.3, 0.3


@dataclass(frozen=True)
class Sense:
    """One WordNet sense of a word: its event class (``name``), the predicate a claim writes for it
    (the class name in the past tense: "resigned", "struck:attack"), its lexicographer file and how
    often it was tagged."""

    name: str
    predicate: str
    lexname: str
    count: int
    synset: str

    @property
    def is_event(self) -> bool:
        return self.lexname not in NON_EVENT_VERB_FILES

    @property
    def is_speech(self) -> bool:
        return self.lexname == SPEECH_FILE


@dataclass(frozen=True)
class NounSense:
    name: str
    predicate: str
    lexname: str
    count: int
    from_verb: bool  # WordNet derives it from a verb: an act noun that is no idea ("the murder", not "effort")


class EventLexicon:
    def __init__(self, data: Mapping[str, Any]) -> None:
        self._classes: dict[str, str] = data["classes"]
        self._class_files: dict[str, str] = data["class_files"]
        self._verbs: dict[str, list[list[Any]]] = data["verbs"]
        self._profiles: dict[str, dict[str, dict[str, int]]] = data["profiles"]
        self._nouns: dict[str, str] = data["nouns"]
        self._event_nouns: dict[str, list[list[Any]]] = data["event_nouns"]
        self._related: dict[str, list[str]] = data.get("related", {})
        self._bodies: frozenset[str] = frozenset(data.get("body_nouns", ()))
        self._class_of: dict[str, str] = {}
        for name, predicate in sorted(self._classes.items()):
            self._class_of.setdefault(predicate, name)
        # Senses made once per word: the claim step asks for a word's senses several times a
        # sentence, and making the frozen records each time was a twentieth of its time.
        self._senses: dict[str, tuple[Sense, ...]] = {}
        self._noun_senses: dict[str, tuple[NounSense, ...]] = {}

    def senses(self, lemma: str) -> tuple[Sense, ...]:
        """The verb's senses in WordNet's order (most frequent first); empty for a word WordNet lacks."""
        key = lemma.lower().replace(" ", "_")
        found = self._senses.get(key)
        if found is None and key in self._verbs:  # WordNet's verbs only: other words cannot fill it
            found = self._senses[key] = tuple(Sense(name, self._classes[name], lexname, count, synset)
                                              for name, lexname, count, synset in self._verbs[key])
        return found or ()

    def is_verb(self, lemma: str) -> bool:
        return lemma.lower().replace(" ", "_") in self._verbs

    def predicate_of(self, name: str) -> str | None:
        """The predicate (past tense) of an event class named ``name``, if there is such a class."""
        return self._classes.get(name)

    def related_predicates(self, predicate: str) -> frozenset[str]:
        """The predicates of the event classes WordNet relates to the class whose predicate is
        ``predicate`` (see ``tools/build_lexicon.py``, step 7): "escaped" -> {"fled", …}."""
        name = self._class_of.get(predicate)
        return frozenset(self._classes[r] for r in self._related.get(name or "", ()) if r in self._classes)

    def class_file(self, name: str) -> str | None:
        """The lexicographer file of an event class ("verb.competition" for "strike:attack")."""
        return self._class_files.get(name)

    def supersense(self, noun: str) -> str | None:
        """The lexicographer file of a noun's most frequent sense ("noun.person", "noun.artifact")."""
        return self._nouns.get(noun.lower().replace(" ", "_"))

    def noun_senses(self, lemma: str) -> tuple[NounSense, ...]:
        """The eventive senses of a noun whose most frequent sense is an act, event, phenomenon or process."""
        key = lemma.lower()
        found = self._noun_senses.get(key)
        if found is None and key in self._event_nouns:
            found = self._noun_senses[key] = tuple(NounSense(name, self._noun_predicate(name, bool(from_verb)), lexname,
                                                             count, bool(from_verb))
                                                   for name, lexname, count, from_verb in self._event_nouns[key])
        return found or ()

    def names_a_body(self, lemma: str) -> bool:
        """Whether an event noun also names a body of people in one of its three most frequent
        senses ("administration", "management", "leadership"; see ``tools/build_lexicon.py``, step 6)."""
        return lemma.lower() in self._bodies

    def _noun_predicate(self, name: str, from_verb: bool) -> str:
        """The predicate of the verb class a noun sense derives from ("death" -> "died"); a noun no verb
        names is its own event ("earthquake"), even when a verb class shares its spelling: "blaze"
        as a fire is no "blazed" (shone brightly)."""
        return self._classes.get(name, name) if from_verb else name

    def best_sense(self, lemma: str, arguments: Mapping[str, str]) -> Sense | None:
        """The sense of verb ``lemma`` that its arguments fit best.

        ``arguments``: role ("subj", "obj", "pobj") -> the argument's noun supersense. Each sense
        scores the evidence its WordNet examples and gloss give for those arguments, plus its share
        of tagged uses; ties go to the more frequent sense."""
        return self.best_of(self.senses(lemma), arguments)

    def best_of(self, senses: tuple[Sense, ...], arguments: Mapping[str, str]) -> Sense | None:
        if len(senses) <= 1:
            return senses[0] if senses else None
        scored = [(round(self._fit(s, arguments) + PRIOR_WEIGHT * math.log1p(s.count), 6), s.is_event, -rank, s)
                  for rank, s in enumerate(senses)]
        return max(scored, key=lambda x: (x[0], x[1], x[2]))[3]  # a tie goes to a sense of doing, then WordNet's order

    def takes_someone(self, sense: Sense) -> bool:
        """Whether the sense's examples act on people or what they say or think ("assail the
        critics"), not on things ("the clock struck midnight")."""
        seen = self._profiles.get(sense.synset, {}).get("obj", {})
        return bool(set(seen) & {"noun.person", "noun.group", "noun.communication", "noun.cognition"})

    def _fit(self, sense: Sense, arguments: Mapping[str, str]) -> float:
        profile = self._profiles.get(sense.synset, {})
        gloss = profile.get("gloss", {})
        score = 0.0
        for role, supersense in arguments.items():
            seen = profile.get(role, {})
            if supersense in seen:
                score += EXAMPLE_MATCH
            elif role == "obj" and supersense in gloss:
                score += GLOSS_MATCH
            elif _COARSE.get(supersense) and any(_COARSE.get(s) == _COARSE[supersense] for s in seen):
                score += COARSE_MATCH
        return score


@lru_cache(maxsize=1)
def event_lexicon() -> EventLexicon:
    raw = resources.files("consilience.data").joinpath("events.json.gz").read_bytes()
    return EventLexicon(json.loads(gzip.decompress(raw)))
