"""Names for the arguments of a claim: the named entity a word means, or the words themselves.

A pronoun or a description is resolved through what the article has named (``entities``); a
count's noun and an actor noun are written without their number or article, an actor noun as its
group's head ("Pyongyang's soldiers" -> "Pyongyang troops", per ``actors`` in the predicate table).
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Token

from ..lexicon.gazetteer import Gazetteer
from .entities import Entities, inside_quotes
from .syntax import phrase, phrase_span, written

_RELATIVE = ("who", "whom", "which", "that")
_THIRD_PERSON = frozenset({"he", "she", "it", "they"})


def argument_name(t: Token | None, entities: Entities, gaz: Gazetteer,
                  speaker: str | None = None) -> tuple[str | None, str | None]:
    """(canonical name, words as written) of an argument; a pronoun or description that does not
    clearly mean a named entity has no canonical name (never "he", "who" or "it"). Inside what a
    named speaker said, "he", "she", "it", "they" or "we" as a subject is that speaker ("the US
    said it could not approve", "Smith said he would resign") when the speaker is of their kind."""
    if t is None:
        return None, None
    words = phrase(t) or t.text
    if _nobody(t):
        return None, words  # "no one had pushed him": there is no one to name
    if t.text == "%" or t.pos_ == "NUM":
        return None, words  # "with 40% choosing": a share of people the sentence does not name
    if t.pos_ == "PRON" or t.lower_ in _RELATIVE:
        if speaker and t.dep_ in ("nsubj", "nsubjpass") and entities.fits(t, speaker) and not (
                t.lower_ in _THIRD_PERSON and inside_quotes(t)) and _plural_subject_above(t) is None:
            return speaker, words  # not in the speaker's own words: there "he" is somebody else ('"he died young"')
        above = _plural_subject_above(t) if t.pos_ == "PRON" else None
        if above is not None:
            return argument_name(above, entities, gaz)[0], words
        return entities.resolve(t), words
    if any(c.dep_ == "nummod" for c in t.children) or t.like_num:
        return actor_name(t, gaz), words  # "two men", "12 people": the count is the quantity's
    named = entities.name_of(t) or _owned(t, entities, gaz)
    if named is None and headline_fragment(t, entities):
        return None, words  # "Shock As Local Mayor Resigns": a headline's words parsed as one phrase
    return (named or actor_name(t, gaz)), words


def _plural_subject_above(t: Token) -> Token | None:
    """"the rules were unfair because they introduced curbs": a "they" subject of a clause that hangs
    on another clause whose subject is a plural noun before it means that noun, not the speaker."""
    if t.lower_ != "they" or t.dep_ != "nsubj" or t.head.dep_ not in ("advcl", "conj", "relcl"):
        return None
    subj = next((c for c in t.head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj if subj is not None and subj.i < t.i and subj.tag_ in ("NNS", "NNPS") \
        and subj.lower_ not in ("others", "ones") else None  # "three others ... as they tried": no name to give


def _nobody(t: Token) -> bool:
    """"no one", "nobody", "none", "nothing": an argument that names no one."""
    return t.lower_ in ("nobody", "none", "nothing", "noone") or (
        t.lower_ == "one" and any(c.lower_ == "no" for c in t.children))


def _owned(t: Token, entities: Entities, gaz: Gazetteer) -> str | None:
    """"whose brother", "his lawyer" -> "Ana Perez's brother", "John Marsh's lawyer": a noun owned by
    someone named only through a pronoun or a relative word, written with the owner's name."""
    poss = next((c for c in t.children if c.dep_ == "poss"), None)
    if gaz.actor_heads.get(t.lemma_.lower()):
        return None  # "its troops": an actor group, named as such (``actor_name``)
    if poss is None or poss.pos_ != "PRON" and poss.lower_ != "whose":
        return None
    if poss.lower_ == "whose":
        clause = next((a for a in t.ancestors if a.dep_ == "relcl"), None)
        proper = clause is not None and clause.head.pos_ == "PROPN"
        owner = (entities.name_of(clause.head) or phrase(clause.head)) if clause is not None and proper else None
    else:
        owner = entities.resolve(poss)
    if owner is None:
        return None
    kept = [w for w in phrase_span(t) if w.i != poss.i and w.i not in {d.i for d in poss.subtree}
            and not (w.dep_ == "det" and w.head.i == t.i)]
    rest = "".join(written(t.doc, w.idx, w.idx + len(w.text_with_ws)) for w in kept).strip()
    return f"{owner}'s {rest}" if rest else None


def headline_fragment(t: Token, entities: Entities) -> bool:
    """A phrase of a title-case headline that runs over its words: after its first word, a capitalised
    function word or verb that is in no name ("Shock As Local Mayor", "Dies Aged 91 Veteran"). A
    work's title can read so too ("The Lord Of The Rings Wins"): there the subject is left open."""
    if t.doc.user_data.get("original") is None:
        return False  # only a line read as a headline (``parse.sentence_cased`` re-cased it)
    span = phrase_span(t)
    for w in span[1:]:
        text = written(w.doc, w.idx, w.idx + len(w.text))  # as printed: the parse reads a headline lower-cased
        if w.ent_type_ or not text[:1].isupper() or text.isupper():
            continue
        low = w.lower_
        if low in STOP_WORDS or entities.lex.is_verb(low) and not entities.lex.noun_senses(low) \
                and entities.lex.supersense(low) is None:
            return True
    return False


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
