"""asserted / reported / speculative."""

from __future__ import annotations

from spacy.tokens import Doc

_SPECULATIVE_LEMMAS = {"may", "might", "could", "likely", "possibly", "perhaps", "appear", "seem", "seemingly",
                       "apparently", "speculate", "speculation", "probably", "reportedly", "allegedly", "suspect",
                       "expect", "unconfirmed", "presumably", "believe"}


# Plans and forecasts are not yet facts: "will release", "are to be freed", "is due to", "plans to".
_FUTURE_WORDS = {"will", "shall", "'ll", "plan", "plans", "planned", "scheduled", "intend", "intends"}
_FUTURE_PHRASES = ("is to be", "are to be", "is to ", "are to ", "due to take", "is due to", "are due to",
                   "set to ", "expected to", "would ")


def modality_of(doc: Doc, *, attributed: bool) -> str:
    """Speculative when hedged ("may", "appears", "reportedly") or about the future ("will", "is to");
    reported when attributed; else asserted."""
    if any(t.lemma_.lower() in _SPECULATIVE_LEMMAS or t.lower_ in _SPECULATIVE_LEMMAS for t in doc):
        return "speculative"
    if any(t.lower_ in _FUTURE_WORDS and t.tag_ in ("MD", "VBZ", "VBP", "VBN", "VBD") for t in doc) or \
            any(p in doc.text.lower() for p in _FUTURE_PHRASES):
        return "speculative"
    return "reported" if attributed else "asserted"
