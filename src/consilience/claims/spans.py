"""Where a claim stands in its sentence: its own clause or phrase, not the whole sentence.

A verb's claim is its subtree without the clauses that state other events (coordinated verbs,
adverbial and relative clauses, what a non-speech verb's clause complement says); a speech verb's
claim keeps what was said ("X said that Y" is the statement that X said it). An event noun's claim
is its noun phrase. The span is the run from the first kept token to the last, so it is one piece
of the article's text (``article.text[start:end]``).
"""

from __future__ import annotations

from spacy.tokens import Token

_OTHER_CLAUSES = frozenset({"conj", "cc", "advcl", "parataxis", "relcl", "preconj"})
_NOUN_DROPS = frozenset({"relcl", "acl", "appos", "conj", "cc", "advcl"})
_EDGE = frozenset({"punct", "cc", "mark"})


def clause_tokens(t: Token, *, speech: bool, noun: bool) -> tuple[Token, Token]:
    """(first, last) token of the claim of trigger ``t``."""
    drops = _NOUN_DROPS if noun else (_OTHER_CLAUSES if speech else _OTHER_CLAUSES | {"ccomp"})
    keep = _kept(t, drops)
    if speech:  # "Reuters reported, citing the ministry": who it cites is part of the report
        keep = sorted(keep + [x for c in t.children if c.dep_ == "advcl" and c.lemma_.lower() in ("cite", "quote")
                              for x in c.subtree], key=lambda x: x.i)
    while len(keep) > 1 and keep[0].dep_ in _EDGE and keep[0].i != t.i:
        keep = keep[1:]
    while len(keep) > 1 and (keep[-1].dep_ in _EDGE | {"prep"} or keep[-1].is_space) and keep[-1].i != t.i:
        keep = keep[:-1]
    return keep[0], keep[-1]


def _kept(t: Token, drops: frozenset[str]) -> list[Token]:
    out = [t]
    stack = list(t.children)
    while stack:
        c = stack.pop()
        if c.dep_ in drops:
            continue
        out.append(c)
        stack.extend(c.children)
    return sorted(out, key=lambda x: x.i)


def char_span(first: Token, last: Token) -> tuple[int, int]:
    """Character offsets of ``first``..``last`` inside their doc's text."""
    return first.idx, last.idx + len(last.text)
