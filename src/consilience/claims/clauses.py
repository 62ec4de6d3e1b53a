"""Which clause a token belongs to when the parse hangs it elsewhere."""

from __future__ import annotations

from spacy.tokens import Token


def continued_clause(t: Token) -> Token | None:
    """The reported clause a result participle goes on from when the parser hung the participle on
    the speech verb: "prices may have fallen, thus flattering the figures, analysts said"
    (flattering continues "may have fallen"); None otherwise."""
    if t.dep_ != "advcl" or t.tag_ != "VBG" or any(c.dep_ == "mark" for c in t.children):
        return None
    return next((c for c in t.head.children if c.dep_ == "ccomp" and c.i < t.i and c.pos_ in ("VERB", "AUX")), None)
