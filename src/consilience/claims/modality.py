"""asserted / reported / speculative, from the words of the sentence (one regex pass, no token walk)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .syntax import doc_text

# Hedges, in the forms they take: "may", "appears", "reportedly", "is believed", "speculated" ...
_HEDGES = (r"might|could|likely|possibly|perhaps|apparently|seemingly|probably|reportedly|allegedly|"
           r"unconfirmed|presumably|speculation|appear(?:s|ed|ing)?|seem(?:s|ed|ing)?|speculat(?:e|es|ed|ing)|"
           r"suspect(?:s|ed|ing)?|expect(?:s|ed|ing)?|believ(?:e|es|ed|ing)")
# Plans and forecasts are not yet facts: "will release", "are to be freed", "is due to", "plans to".
_FUTURE = (r"will|shall|\w+'ll|plans?\s+to|planned\s+to|scheduled|intends?\s+to|(?:is|are)\s+to\s+|"
           r"(?:is|are)\s+due\s+to|due\s+to\s+take|set\s+to\s|would")
_SPECULATIVE = re.compile(r"\b(?:" + _HEDGES + "|" + _FUTURE + r")\b", re.I)
_MAY = re.compile(r"\bmay\b")  # the verb, in lower case: "in May" is a month


def modality_of(doc: Doc, *, attributed: bool) -> str:
    """Speculative when hedged ("may", "appears", "reportedly") or about the future ("will", "is to");
    reported when attributed; else asserted."""
    if _SPECULATIVE.search(doc_text(doc)) or _MAY.search(doc_text(doc)):
        return "speculative"
    return "reported" if attributed else "asserted"
