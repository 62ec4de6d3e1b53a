"""Where an event happened: a place the parse puts under its trigger."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_PLACES = {"GPE", "LOC", "FAC"}
_LOCATIVE = {"in", "to", "into", "at", "near", "inside", "across", "on", "within", "toward", "towards"}


def place_of(doc: Doc, trigger: Token, exclude: str) -> str | None:
    """A place after "in/to/at/near" under the trigger first, then any place under it, then any place
    in the sentence; never one inside ``exclude`` (source, actor), never an adjective ("Ukrainian
    intelligence") or an actor ("Pyongyang deployed")."""
    def rank(e: Span) -> tuple[int, int]:
        under = trigger in [e.root, *e.root.ancestors][:6]
        locative = e.root.dep_ == "pobj" and e.root.head.lower_ in _LOCATIVE
        return (0 if under and locative else 1 if under else 2 if locative else 3, e.start)
    places = sorted((e for e in doc.ents if e.label_ in _PLACES and e.text not in exclude
                     and e.root.dep_ not in ("amod", "nsubj", "nsubjpass") and e.root.tag_ != "JJ"
                     and not e.text.endswith(("ian", "ese"))), key=rank)
    return places[0].text.removeprefix("the ") if places else None
