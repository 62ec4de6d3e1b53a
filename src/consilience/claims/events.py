"""Events in a parsed sentence: normalized predicate, trigger token, negation, subject and place."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..lexicon.gazetteer import Gazetteer
from .syntax import phrase

_NEGATORS = {"not", "n't", "no", "never", "neither", "nor", "none", "without"}
_PLACES = {"GPE", "LOC", "FAC"}


@dataclass(frozen=True)
class Event:
    trigger: Token
    predicate: str
    negated: bool


def events_in(doc: Doc, gaz: Gazetteer) -> list[Event]:
    out: dict[tuple[str, bool], Event] = {}
    for t in doc:
        predicate = _predicate(t, gaz)
        if predicate is None or _is_background(t):
            continue
        if predicate == "attacked" and _hazard_subject(t, gaz):
            predicate = "occurred"  # "a powerful earthquake struck": nobody attacked
        ev = Event(t, predicate, is_negated(t, gaz))
        out.setdefault((predicate, ev.negated), ev)
    return list(out.values())


def _hazard_subject(t: Token, gaz: Gazetteer) -> bool:
    """The trigger's subject (or, for a noun trigger, the noun itself) is a natural or accidental hazard."""
    heads = [t] if t.pos_ in ("NOUN", "PROPN") else [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(h.lemma_.lower() in gaz.hazards for h in heads)


def _predicate(t: Token, gaz: Gazetteer) -> str | None:
    lemma = t.lemma_.lower()
    if t.pos_ == "VERB" and lemma in gaz.verbs:
        if lemma == "pull" and not _pulled_away(t):
            return None  # "pulled the trigger", "pulled a rabbit": only "pull out / back / from" withdraws
        context = gaz.needs_context.get(lemma)
        if context and not any(w.lemma_.lower() in context or w.lower_ in context for w in t.subtree):
            return None  # "engaged in combat" is fighting; "engaged with reporters" is not
        return gaz.verbs[lemma]
    if t.pos_ in ("NOUN", "PROPN") and lemma in gaz.nouns:
        return gaz.nouns[lemma]
    return None


def _pulled_away(t: Token) -> bool:
    return any((c.dep_ == "prt" and c.lower_ in ("out", "back", "away")) or (c.dep_ == "prep" and c.lower_ in ("from", "out"))
               for c in t.children)


def _is_background(t: Token) -> bool:
    """Reduced relatives ("troops deployed to Kursk") presuppose the event; they are not its report.
    Also when the parser took the participle for the main verb: "troops deployed to Kursk have not
    engaged ..." (a finite auxiliary right after the participle's phrase belongs to the real verb)."""
    if t.dep_ in ("acl", "amod") and t.tag_ in ("VBN", "VBG"):
        return True
    if t.tag_ in ("VBD", "VBN") and not any(c.dep_ in ("aux", "auxpass") for c in t.children):
        after = t.doc[t.right_edge.i + 1] if t.right_edge.i + 1 < len(t.doc) else None
        return after is not None and after.pos_ == "AUX" and after.head.i != t.i and after.i > t.i
    return False


def is_negated(t: Token, gaz: Gazetteer) -> bool:
    for node in [t, *t.ancestors]:
        if node is not t and node.pos_ == "VERB" and node.lemma_.lower() in gaz.speech_verbs:
            return False
        if node is not t and node.lemma_.lower() in gaz.stopping_verbs:
            return True
        for child in node.children:
            if child.dep_ in ("neg", "det", "preconj", "advmod") and child.lower_ in _NEGATORS:
                return True
            if child.dep_ in ("nsubj", "nsubjpass") and any(g.lower_ in ("neither", "no", "none") for g in child.children):
                return True
            if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in ("none", "nobody", "neither"):
                return True
    return False


def subject_of(trigger: Token, gaz: Gazetteer) -> str | None:
    """The canonical actor or patient: "North Korean troops", "Pyongyang"."""
    node = trigger
    for _ in range(4):
        subj = next((c for c in node.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if subj is not None and subj.pos_ != "PRON":
            return canonical_subject(subj, gaz)
        if node.dep_ in ("xcomp", "ccomp", "pobj", "prep", "compound", "dobj", "conj") and node.head.i != node.i:
            node = node.head
        else:
            break
    return None


def canonical_subject(head: Token, gaz: Gazetteer) -> str:
    """A noun phrase, with an actor noun written as its group's head ("Pyongyang's soldiers" ->
    "Pyongyang troops", per ``actors`` in the predicate table)."""
    kind = gaz.actor_heads.get(head.lemma_.lower())
    if kind:
        origin = [c for c in head.children if c.ent_type_ in ("NORP", "GPE") or c.dep_ == "poss" and c.ent_type_]
        if origin:
            return f"{phrase(origin[0]).replace(chr(8217) + 's', '').replace(chr(39) + 's', '')} {kind}".strip()
        return kind
    return phrase(head)


_LOCATIVE = {"in", "to", "into", "at", "near", "inside", "across", "on", "within", "toward", "towards"}


def place_of(doc: Doc, trigger: Token, exclude: str) -> str | None:
    """Where the event happened: a place after "in/to/at/near" under the trigger first, then any
    place under it, then any place in the sentence; never one inside ``exclude`` (source, actor)."""
    def rank(e) -> tuple[int, int]:  # type: ignore[no-untyped-def]
        under = trigger in [e.root, *e.root.ancestors][:6]
        locative = e.root.dep_ == "pobj" and e.root.head.lower_ in _LOCATIVE
        return (0 if under and locative else 1 if under else 2 if locative else 3, e.start)
    places = sorted((e for e in doc.ents if e.label_ in _PLACES and e.text not in exclude
                     and e.root.dep_ not in ("amod", "nsubj", "nsubjpass") and e.root.tag_ != "JJ"
                     and not e.text.endswith(("ian", "ese"))),
                    key=rank)  # "Ukrainian intelligence" is an adjective, "Pyongyang deployed" an actor: not places
    return places[0].text.removeprefix("the ") if places else None
