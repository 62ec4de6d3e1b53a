"""Words of saying: the one test of whether a verb tells something, and the forms the briefing looks for.

Every stage that asks "is this a verb of saying?" asks ``says``: the claim step (is a trigger a
speech act; may a subject come after its verb, inverted; is "would not reveal" a refusal to tell).
"""

from __future__ import annotations

from typing import Literal

from .events import EventLexicon, Sense, event_lexicon
from .gazetteer import Gazetteer, gazetteer

Said = Literal["clause", "infinitive"]


def says(lemma: str, *, said: Said | None = None, sense: Sense | None = None, rare_senses: bool = True,
         gaz: Gazetteer | None = None, lex: EventLexicon | None = None) -> bool:
    """Whether verb ``lemma`` is a verb of saying, given what it has (``said``: a clause, only an
    infinitive, or not asked):

    1. the gazetteer lists it (``speech_verbs``, which the user extends): "said", "added";
    2. its sense is one of communication ("warned", "announced") — ``sense`` when its arguments
       chose one, else WordNet's most frequent — and it has no infinitive alone: "agreed to buy",
       "refused to pay" commit to an act, they say nothing;
    3. with a clause said, any of its senses is one of communication ("recalled that ...",
       "estimated that ..."), unless ``rare_senses`` is off. The trigger step turns it off: there a
       speech act gives what it says to its subject, and "expect that", "fear that" (a rare sense
       of requiring, of telling a regret) would make a forecast or a worry someone's statement
       (bench/claims_precision.py --split all: with it on, 9 more claims, 6 of them no labelled
       claim, and predicate precision fell on heldout2; with it off, every figure as before)."""
    gaz, lex = gaz or gazetteer(), lex or event_lexicon()
    key = lemma.lower()
    if key in gaz.speech_verbs:
        return True
    senses = lex.senses(key)
    main = sense if sense is not None else (senses[0] if senses else None)
    if main is not None and main.is_speech and said != "infinitive":
        return True
    return rare_senses and said == "clause" and any(s.is_speech for s in senses)
