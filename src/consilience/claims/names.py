"""Names for the arguments of a claim: the named entity a word means, or the words themselves.

A pronoun or a description is resolved through what the article has named (``entities``); a
count's noun and an actor noun are written without their number or article, an actor noun as its
group's head ("Pyongyang's soldiers" -> "Pyongyang troops", per ``actors`` in the predicate table).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon.gazetteer import Gazetteer
from .entities import Entities
from .syntax import phrase, phrase_span, written

_RELATIVE = ("who", "whom", "which", "that")


def argument_name(t: Token | None, entities: Entities, gaz: Gazetteer,
                  speaker: str | None = None) -> tuple[str | None, str | None]:
    """(canonical name, words as written) of an argument; a pronoun or description that does not
    clearly mean a named entity has no canonical name (never "he", "who" or "it"). Inside what a
    named speaker said, "he", "she", "it", "they" or "we" as a subject is that speaker ("the US
    said it could not approve", "Smith said he would resign") when the speaker is of their kind."""
    if t is None:
        return None, None
    words = phrase(t) or t.text
    if t.text == "%" or t.pos_ == "NUM":
        return None, words  # "with 40% choosing": a share of people the sentence does not name
    if t.pos_ == "PRON" or t.lower_ in _RELATIVE:
        if speaker and t.dep_ in ("nsubj", "nsubjpass") and entities.fits(t, speaker):
            return speaker, words
        return entities.resolve(t), words
    if any(c.dep_ == "nummod" for c in t.children) or t.like_num:
        return actor_name(t, gaz), words  # "two men", "12 people": the count is the quantity's
    return (entities.name_of(t) or actor_name(t, gaz)), words


def actor_name(head: Token, gaz: Gazetteer) -> str:
    """A noun phrase without its article or number, an actor noun written as its group's head."""
    kind = gaz.actor_heads.get(head.lemma_.lower())
    if kind:
        origin = [c for c in head.children if c.ent_type_ in ("NORP", "GPE") or c.dep_ == "poss" and c.ent_type_]
        if origin:
            return f"{phrase(origin[0]).replace(chr(8217) + 's', '').replace(chr(39) + 's', '')} {kind}".strip()
        return kind
    dropped = {d.i for c in head.children if c.dep_ in ("det", "nummod", "quantmod") for d in c.subtree}
    kept = [t for t in phrase_span(head) if t.i not in dropped]
    name = "".join(written(head.doc, t.idx, t.idx + len(t.text_with_ws)) for t in kept).strip()
    return name or head.text
