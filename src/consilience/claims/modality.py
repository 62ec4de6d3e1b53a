"""asserted / reported / speculative."""

from __future__ import annotations

from spacy.tokens import Doc

_SPECULATIVE_LEMMAS = {"may", "might", "could", "likely", "possibly", "perhaps", "appear", "seem", "seemingly",
                       "apparently", "speculate", "speculation", "probably", "reportedly", "allegedly", "suspect",
                       "expect", "unconfirmed", "presumably", "believe"}


def modality_of(doc: Doc, *, attributed: bool) -> str:
    if any(t.lemma_.lower() in _SPECULATIVE_LEMMAS or t.lower_ in _SPECULATIVE_LEMMAS for t in doc):
        return "speculative"
    return "reported" if attributed else "asserted"
