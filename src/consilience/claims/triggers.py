"""Event triggers in a parsed sentence: each verb or event noun that states something happened.

A trigger's predicate is its event class, so different outlets' words meet ("stepped down",
"resigned" -> ``resigned``). In order:
1. a phrase of the predicate table ("take into custody", "in combat");
2. the predicate table's verbs and nouns (the user's corrections), a verb with ``needs_context``
   only beside one of its context words ("launched a missile strike", not "launched a phone");
3. the WordNet event lexicon, the sense chosen by the trigger's arguments (``lexicon.events``):
   "fired the coach" is a dismissal, "the quake struck" is no attack;
4. a verb WordNet lacks keeps its own lemma.
Thinking, feeling and being are not events ("believed", "seemed"), nor are auxiliaries,
adjectival participles ("the injured man"), questions, or a noun used generically ("trade is
vital"): an event noun needs a determiner, possessor, argument or date that makes it one event.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..lexicon.events import EventLexicon, NounSense, Sense
from ..lexicon.gazetteer import Gazetteer
from ..lexicon.saying import Said, says
from .arguments import PLAN_NOUNS
from .modality import hearsay_passive
from .syntax import phrase_words

_NEGATORS = {"not", "n't", "no", "never", "neither", "nor", "none", "without"}
# Verbs that say nothing happened by themselves: the event is their complement or object.
_LIGHT = {"be", "have", "do", "get", "become", "seem", "appear", "let", "make", "keep", "go", "come", "begin", "start",
          "continue", "want", "need", "use", "help", "say", "expect", "tend"}  # "say" is a speech verb: handled as one
_PARTICLES = {"prt"}
_REFLEXIVE = {"himself", "herself", "itself", "themselves", "myself", "ourselves", "yourself"}
_NOUN_SPECIFIERS = {"det", "poss", "nummod", "compound", "amod", "prep", "npadvmod"}
# Noun supersenses of arguments: what a named entity or pronoun is, when WordNet has no entry.
NER_SUPERSENSE = {"PERSON": "noun.person", "ORG": "noun.group", "NORP": "noun.group", "GPE": "noun.location",
                  "LOC": "noun.location", "FAC": "noun.artifact", "PRODUCT": "noun.artifact", "EVENT": "noun.event",
                  "WORK_OF_ART": "noun.communication", "LAW": "noun.communication", "MONEY": "noun.possession"}
_PERSON_PRONOUNS = {"i", "you", "he", "she", "we", "they", "him", "her", "us", "them", "me", "who", "whom"}


@dataclass(frozen=True)
class Trigger:
    token: Token       # the verb or noun naming the event
    last: Token        # the last token of its words ("stepped down": "down")
    predicate: str
    negated: bool
    speech: bool       # a speech act: what its clause complement says is attributed to its subject
    noun: bool


def triggers_in(doc: Doc, gaz: Gazetteer, lex: EventLexicon) -> list[Trigger]:
    if doc_is_question(doc):
        return []
    out = []
    for t in doc:
        if t.lower_ == "according" or _citing(t):
            found = None  # "according to X", "..., citing X": who is the source, no event of their own
        elif t.pos_ == "VERB":
            found = _verb_trigger(t, gaz, lex)
        elif t.pos_ == "NOUN":
            found = _noun_trigger(t, gaz, lex)
        elif t.pos_ == "ADJ":
            found = _state_trigger(t, gaz)
        else:
            found = None
        if found is not None and not in_condition(t) and not _purpose(t) and not _evaluated(t) and not _unreal(t) \
                and not _only_wanted(t) and not _habitual(t):
            out.append(found)
    return [tr for tr in out if not _supports(tr, out)]


# Passives that tell what a thing is for ("the vouchers are designed to let pensioners choose").
_MADE_FOR = frozenset({"design", "intend", "mean", "aim", "tailor", "gear"})


def _made_for(t: Token) -> bool:
    """"is designed to", "are meant to", "is aimed at": the purpose of a thing, not an act anyone did."""
    if t.lemma_.lower() not in _MADE_FOR or not any(c.dep_ == "auxpass" for c in t.children):
        return False
    if any(c.dep_ == "agent" for c in t.children):
        return False
    return any(c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) for c in t.children) \
        or any(c.dep_ == "prep" and c.lower_ == "at" for c in t.children) and t.lemma_.lower() == "aim"


def _citing(t: Token) -> bool:
    """A participle "citing" or "quoting" beside a clause ("cut its forecast, citing weak demand"): it
    names the source or the reason of that clause's event."""
    return t.tag_ == "VBG" and t.dep_ in ("advcl", "xcomp", "conj") and t.lemma_.lower() in ("cite", "quote")


# Modals that say what is possible or right, not what happened or will ("gamers can create a
# clan", "the monarchy should symbolise"): ability, habit and norms. "Could not" stays: a refusal.
_UNREAL_MODALS = frozenset({"can", "should"})


# Adverbs of frequency: what they modify is a habit or a general truth, not one event ("we always
# say it was a surprise", "sites rarely use advertising"). "Never" is not here: "he has never
# lost a final" is a claim, negated.
_HABITUAL = frozenset({"always", "usually", "often", "sometimes", "generally", "typically", "normally", "rarely",
                       "seldom", "frequently", "regularly", "routinely", "habitually", "occasionally", "commonly"})


def _habitual(t: Token) -> bool:
    """A verb (or the verbs coordinated after it, or what it says), or the verb an event noun
    belongs to, under an adverb of frequency."""
    node = t if t.pos_ in ("VERB", "AUX") else next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), t)
    for _ in range(4):
        if any(c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in node.children):
            return True
        if node.dep_ not in ("conj", "ccomp") or node.head.pos_ not in ("VERB", "AUX"):
            return False
        node = node.head  # what a habit of saying says is no one event either
    return False


def _unreal(t: Token) -> bool:
    """A verb (or the verbs coordinated with it) under "can" or "should", not negated; or under
    "would" or "could" in a relative clause or a clause of "how" or "what" ("suppliers who would
    compete", "how easily consumers would find it"): a hypothesis, not a forecast anyone made."""
    verb = t.head if t.dep_ == "conj" and t.head.pos_ in ("VERB", "AUX") else t
    if t.pos_ != "VERB":
        return False
    modals = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if modals & _UNREAL_MODALS and not any(c.dep_ == "neg" for c in verb.children):
        return True
    return bool(modals & {"would", "could", "might"}) and (verb.dep_ == "relcl" or _asks(verb))


def _asks(verb: Token) -> bool:
    """A clause that is an indirect question: a wh-word opens it ("how easy they would find it")."""
    return verb.doc[min(x.i for x in verb.subtree)].lower_ in ("how", "what", "whether", "why", "which")


# Verbs whose object event need not ever happen: what is sought, proposed, put off or turned down
# ("may seek a shareholder vote", "dismissed a permanent move", "exploring the use of biometrics").
# That event is part of the verb's own claim, not a claim of its own.
_IRREALIS = frozenset({"seek", "want", "dismiss", "reject", "explore", "consider", "study", "postpone", "delay",
                       "propose", "plan", "demand", "request", "block", "prevent", "avoid", "oppose", "await",
                       "fear", "threaten", "promise", "offer", "urge", "rule_out", "put_off", "call_for", "push_for",
                       "press_for", "ask_for", "hope_for", "wait_for", "veto", "contemplate", "envisage", "discuss"})


def _only_wanted(t: Token) -> bool:
    """An event noun that is what a verb of seeking, proposing, delaying or refusing is about."""
    if t.pos_ != "NOUN":
        return False
    head = t.head
    if t.dep_ == "pobj" and head.dep_ == "prep":
        words = f"{head.head.lemma_.lower()}_{head.lower_}"  # "called for a vote"
    elif t.dep_ == "dobj":
        prt = next((c.lower_ for c in head.children if c.dep_ == "prt"), None)
        words = f"{head.lemma_.lower()}_{prt}" if prt else head.lemma_.lower()
    else:
        return False
    return words in _IRREALIS or (t.dep_ == "dobj" and head.lemma_.lower() in _IRREALIS)


# Heads whose infinitive is an aim, not an event or a plan: "tried to join", "needs to cope with".
# "Hopes to" and "seeks to" are plans ("hopes to sign Ruiz by Friday"): speculative claims.
_AIM_HEADS = {"try", "attempt", "want", "wish", "like", "love", "need", "go", "help", "strive", "struggle"}


def _purpose(t: Token) -> bool:
    """An infinitive of purpose or aim ("to cope with demand", "the process to decide", "tried to
    join"): what someone meant to do, not what was done or planned."""
    if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "so" for c in t.children) \
            and any(c.dep_ == "aux" and c.lower_ in ("could", "can", "would", "might", "may") for c in t.children):
        return True  # "extended his curfew so he could play the gig"
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
        return False
    if t.dep_ == "acl" and t.head.lemma_.lower() in PLAN_NOUNS:
        return False  # "plans to close two plants", "their decision to publish": a plan or a decision, told
    return t.dep_ in ("advcl", "acl", "relcl") or (t.dep_ == "xcomp" and t.head.lemma_.lower() in _AIM_HEADS)


def _evaluated(t: Token) -> bool:
    """An event noun that a sentence only judges ("Mr Conte's statements have been wildly
    contradictory"): the claim is the opinion, not the event."""
    if t.pos_ != "NOUN" or t.dep_ not in ("nsubj", "nsubjpass"):
        return False
    head = t.head
    return head.lemma_ == "be" and any(c.dep_ == "acomp" for c in head.children)


# Verbs that report an event their object names: "recorded a price rise", "posted a loss", "saw a rise".
_REPORTING_SUPPORT = {"record", "post", "see", "register", "experience", "enjoy", "show", "report", "suffer", "make",
                      "hold", "take", "give", "conduct", "stage", "undergo", "mount"}


def _supports(tr: Trigger, found: list[Trigger]) -> bool:
    """A verb whose object is an event with a claim of its own, when the verb only carries it."""
    if tr.noun or tr.speech or tr.token.lemma_.lower() not in _REPORTING_SUPPORT:
        return False
    return any(o.noun and o.token.head.i == tr.token.i and o.token.dep_ in ("dobj", "attr") for o in found)


_CONDITIONS = {"if", "unless", "whether", "when"}


def in_condition(t: Token) -> bool:
    """Inside a condition, nothing is stated: "if it wants to rebuild the business", "only when
    property is protected would inventors prosper"."""
    for node in [t, *t.ancestors]:
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS - {"when"} for c in node.children):
            return True
        when = next((c for c in node.children if c.lower_ == "when"), None)
        if node.dep_ == "advcl" and when is not None and any(
                c.dep_ == "advmod" and c.lower_ == "only" for c in [*node.children, *when.children]):
            return True  # "only when property is protected", with "only" on the clause or on "when"
        if node.dep_ in ("ROOT",):
            break
    return False


def _state_trigger(t: Token, gaz: Gazetteer) -> Trigger | None:
    """A state said of someone: "was found dead", "remain missing", "Williams Dead"."""
    if t.lower_ not in gaz.states or t.dep_ not in ("acomp", "oprd", "ROOT", "xcomp", "conj"):
        return None
    return Trigger(t, t, gaz.states[t.lower_], is_negated(t, gaz), False, noun=False)


def doc_is_question(doc: Doc) -> bool:
    last = next((t for t in reversed(doc) if not t.is_space and t.text not in ('"', "”", "’", "'", ")")), None)
    return last is not None and last.text == "?"


def _verb_trigger(t: Token, gaz: Gazetteer, lex: EventLexicon) -> Trigger | None:
    if t.dep_ in ("amod", "aux", "auxpass") or t.tag_ == "VBG" and t.dep_ in ("amod", "compound"):
        return None
    if hearsay_passive(t, forecasts=True) or _made_for(t):
        return None  # "is said to have resigned", "is forecast to grow": hearsay or a forecast, no one's act
    lemma = t.lemma_.lower()
    words, last = _multiword(t, lex)
    said = _said(t)
    speech = said is not None and says(lemma, said=said, rare_senses=False, gaz=gaz, lex=lex)
    predicate, phrase_end = _phrase(t, gaz)
    if predicate is not None:
        last = phrase_end
    else:
        predicate = _overridden(t, words, gaz)
    if predicate is None:
        if lemma in _LIGHT and not speech and words == lemma:
            return None
        sense = lex.best_sense(words, argument_types(t, lex))
        if sense is not None and sense.lexname in PHYSICAL and _abstract_target(t, lex):
            sense = _figurative(words, t, lex)  # "attacked the press", "struck the right balance"
            if sense is None:
                return None
        if sense is not None:
            speech = said is not None and says(lemma, said=said, sense=sense, rare_senses=False, gaz=gaz, lex=lex)
            if not (sense.is_event or speech or lemma in gaz.eventive_verbs or _acts_on_something(t, words, sense, lex)):
                return None
            predicate = sense.predicate
        elif lex.is_verb(lemma) or (t.dep_ in _NOMINAL and lex.supersense(lemma) is not None):
            return None  # no event sense; or a noun the tagger took for a verb ("handed out statuettes")
        else:
            predicate = t.lemma_.lower()
    if lemma in gaz.hazard_verbs and _hazard(t, gaz):
        predicate = "occurred"  # "a powerful earthquake struck": nobody attacked
    moved = _moved_by(t, lex) if lemma in _CLOSING_VERBS else None
    return Trigger(t, last, moved or predicate, is_negated(t, gaz), speech, noun=False)


# Verbs that end a session or a period at a level: "shares closed 3% higher", "Elan finished down $18.90".
_CLOSING_VERBS = {"finish", "close", "end", "open", "start", "trade"}
_MOVES = {"up": "rise", "higher": "rise", "down": "fall", "lower": "fall"}


def _moved_by(verb: Token, lex: EventLexicon) -> str | None:
    """The rise or the fall a closing verb tells with a direction that carries an amount ("finished down
    $18.90", "closed 2% higher"): the class of that change, not of finishing (None without an amount)."""
    for c in verb.children:
        if c.dep_ in ("advmod", "prt", "acomp", "advcl") and c.lower_ in _MOVES \
                and any(x.like_num for x in c.subtree if x.i != c.i):
            sense = lex.best_sense(_MOVES[c.lower_], argument_types(verb, lex))
            return sense.predicate if sense is not None else None
    return None


# Where a noun stands: a word WordNet knows only as a noun, found there, is no verb.
_NOMINAL = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "compound", "dative"})
PHYSICAL = frozenset({"verb.contact", "verb.competition", "verb.body"})
# What a blow, a capture or an attack cannot land on: ideas, states, qualities ("an attack on
# democracy", "strike the right balance"): the verb is figurative there.
ABSTRACT = frozenset({"noun.cognition", "noun.attribute", "noun.state", "noun.feeling", "noun.relation", "noun.motive"})


def _target(t: Token) -> Token | None:
    """What a verb or event noun acts on: its object, or the noun after "on"/"against"."""
    obj = next((c for c in t.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is not None:
        return obj
    prep = next((c for c in t.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "upon")), None)
    return next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None


def _abstract_target(t: Token, lex: EventLexicon) -> bool:
    target = _target(t)
    return target is not None and not target.ent_type_ and supersense_of(target, lex) in ABSTRACT


def _figurative(words: str, t: Token, lex: EventLexicon) -> Sense | None:
    """The best sense of a verb that is not a physical act, for a figurative use; None when it has none."""
    spoken = tuple(s for s in lex.senses(words) if s.is_speech and lex.takes_someone(s))
    return lex.best_of(spoken, argument_types(t, lex))  # "attacked the press" in words; else no event


def _phrase(t: Token, gaz: Gazetteer) -> tuple[str | None, Token]:
    """A phrase of the predicate table that starts at this verb ("taken into custody" -> arrested)."""
    obj = next((c for c in t.children if c.dep_ == "dobj"), None)
    starts = [t.i + 1] + ([obj.right_edge.i + 1] if obj is not None else [])  # "took the suspect into custody"
    for phrase, predicate in gaz.phrases.items():
        first, *rest = phrase.split()
        if not rest or (t.lower_ != first and t.lemma_.lower() != first):
            continue
        for start in starts:
            following = t.doc[start : start + len(rest)]
            if len(following) == len(rest) and all(w.lower_ == r or w.lemma_.lower() == r
                                                   for w, r in zip(following, rest, strict=True)):
                return predicate, following[-1]
    return None, t


def _acts_on_something(t: Token, words: str, sense: Sense, lex: EventLexicon) -> bool:
    """A verb whose chosen sense is one of knowing or perceiving, but which has senses of doing too and
    here takes a thing or a place, not a clause ("checked herself into a clinic", not "believed it")."""
    if sense.lexname not in ("verb.cognition", "verb.perception"):
        return False
    if not any(s.is_event for s in (*lex.senses(words)[:3], *lex.senses(t.lemma_)[:3])):
        return False
    return any(c.dep_ in ("dobj", "prep", "dative", "prt") for c in t.children)


def _multiword(t: Token, lex: EventLexicon) -> tuple[str, Token]:
    """The WordNet lemma of a verb with its particle, preposition or object noun: "step_down",
    "call_for", "open_fire", "take_place"."""
    lemma = t.lemma_.lower()
    for child in t.children:
        between = t.doc[t.i + 1 : child.i]
        adjacent = all(b.lower_ in _REFLEXIVE for b in between)  # "checked herself into"
        particle = child.dep_ in _PARTICLES or (child.dep_ in ("advmod", "prep") and child.i > t.i and adjacent)
        if particle and lex.is_verb(f"{lemma}_{child.lower_}"):
            return f"{lemma}_{child.lower_}", max(child, t, key=lambda x: x.i)
        if _object_of_its_verb(child, lex):
            return f"{lemma}_{child.lemma_.lower()}", max(child, t, key=lambda x: x.i)
    return lemma, t


def _overridden(t: Token, words: str, gaz: Gazetteer) -> str | None:
    """The predicate table's entry for this verb, when its context words (if any) are in its phrase."""
    for key in (words.replace("_", " "), t.lemma_.lower()):
        if key in gaz.verbs:
            if key == "pull" and not _pulled_away(t):
                return None  # "pulled the trigger": only "pull out / back / from" withdraws
            return gaz.verb_predicate(key, phrase_words(t))
    return None


def _pulled_away(t: Token) -> bool:
    return any((c.dep_ == "prt" and c.lower_ in ("out", "back", "away")) or (c.dep_ == "prep" and c.lower_ in ("from", "out"))
               for c in t.children)


def _said(t: Token) -> Said | None:
    """What a verb has that it could have said: a clause, only an infinitive ("agreed to buy"), or nothing."""
    content = _content_children(t)
    if not content:
        return None
    return "clause" if any(c.dep_ != "xcomp" for c in content) else "infinitive"


def _content_children(t: Token) -> list[Token]:
    """What a speech verb says: its clause complement, or the sentence it is a parenthesis to, or
    a clause the parser hung on the hearer ("told Channel 9's Evening Report programme the
    court had cut the sentence": the programme's "clause" is what was told)."""
    return [c for c in t.children if c.dep_ in ("ccomp", "parataxis", "xcomp") and c.pos_ in ("VERB", "AUX")] or \
        ([t.head] if t.dep_ in ("parataxis",) and t.head.pos_ in ("VERB", "AUX") else []) or \
        [g for c in t.children if c.dep_ in ("ccomp", "dative") and c.pos_ in ("NOUN", "PROPN")
         for g in c.children if g.dep_ == "ccomp" and g.pos_ in ("VERB", "AUX")]


def _hazard(t: Token, gaz: Gazetteer) -> bool:
    """The trigger's subject (or, for a noun trigger, the noun itself) is a natural or accidental hazard."""
    heads = [t] if t.pos_ in ("NOUN", "PROPN") else [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(h.lemma_.lower() in gaz.hazards for h in heads)


def argument_types(t: Token, lex: EventLexicon) -> dict[str, str]:
    """role ("subj", "obj", "pobj") -> the noun supersense of the argument, for choosing a sense.
    A subject that can act (a person or group) says little about the sense, since almost every
    sense has one; only a subject that cannot ("the quake struck", "the car hit a tree") counts."""
    out = {}
    for child in t.children:
        role = {"nsubj": "subj", "dobj": "obj", "nsubjpass": "obj", "attr": "obj"}.get(child.dep_)
        target = child
        if child.dep_ == "prep":
            target = next((g for g in child.children if g.dep_ == "pobj"), child)
            role = "pobj" if target is not child else None
        if child.dep_ == "agent":
            target = next((g for g in child.children if g.dep_ == "pobj"), child)
            role = "subj"
        if role and role not in out:
            sense = supersense_of(target, lex)
            if sense and not (role == "subj" and sense in _AGENTS):
                out[role] = sense
    return out


_AGENTS = frozenset({"noun.person", "noun.group"})


def supersense_of(t: Token, lex: EventLexicon) -> str | None:
    if t.ent_type_ in NER_SUPERSENSE:
        return NER_SUPERSENSE[t.ent_type_]
    if t.lower_ in _PERSON_PRONOUNS:
        return "noun.person"
    return lex.supersense(t.lemma_)


def _noun_trigger(t: Token, gaz: Gazetteer, lex: EventLexicon) -> Trigger | None:
    lemma = t.lemma_.lower()
    if t.ent_type_ and t.ent_type_ not in ("EVENT", "DATE"):
        return None  # "the Defence Ministry", "Operation Storm": a name, not an event mention
    if _in_a_phrase_of_manner(t, lex) or _classifies(t) or _object_of_its_verb(t, lex):
        return None
    if t.dep_ == "compound" or gaz.actor_group(t.lower_) is not None:
        return None  # "death toll", "murder charges": a modifier of another noun; "forces" are actors
    compound = next((c.lemma_.lower() for c in t.children if c.dep_ == "compound"), None)
    if compound and f"{compound} {lemma}" in gaz.phrases:
        predicate = gaz.phrases[f"{compound} {lemma}"]  # "combat activity"
    elif lemma in gaz.nouns:
        predicate = gaz.nouns[lemma]
    else:
        senses = [s for s in lex.noun_senses(lemma) if s.from_verb or s.lexname != "noun.act"]
        if lex.names_a_body(lemma) and not _acts_on_something_named(t):
            return None  # "the Bush administration said", "the management": who acted, not an act
        if not senses or not (_specific(t) or (_happening(senses[0], lex) and _determined(t))
                              or _acting(t, senses[0]) or _when_of_another(t, lex) or _engaged_in(t, senses[0])):
            return None  # an act noun no verb names ("effort", "policy") is an idea, not an event
        if lex.class_file(senses[0].name) in PHYSICAL and _abstract_target(t, lex):
            return None  # "an attack on democracy": a figure of speech
        predicate = _noun_predicate(senses[0])
    return Trigger(t, t, predicate, is_negated(t, gaz), False, noun=True)


# Prepositions that name what an act is done to or on ("the administration of the vaccine",
# "management of the economy", "opposition to the war"); "in" and "for" as often place or date it.
_OBJECT_PREPOSITIONS = frozenset({"of", "to", "against", "on", "over", "into", "toward", "towards"})


def _acts_on_something_named(t: Token) -> bool:
    """A noun that is an act only beside what the act is of or on: a preposition of its object, or
    a "that" clause saying what it is. "Of" a person names whose body it is ("the administration of
    Bill Clinton"), not what the act was done to ("the administration of justice")."""
    return any((c.dep_ == "prep" and c.lower_ in _OBJECT_PREPOSITIONS and not _of_someone(c))
               or (c.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children))
               for c in t.children)


def _of_someone(prep: Token) -> bool:
    return prep.lower_ == "of" and any(g.dep_ == "pobj" and g.ent_type_ == "PERSON" for g in prep.children)


def _object_of_its_verb(t: Token, lex: EventLexicon) -> bool:
    """A bare object that makes one WordNet verb with its verb ("took charge", "take part"): the
    verb's trigger names that event (``_multiword``); the noun alone would be another one."""
    return t.dep_ == "dobj" and t.head.pos_ == "VERB" and not any(c.dep_ in ("det", "poss") for c in t.children) \
        and lex.is_verb(f"{t.head.lemma_.lower()}_{t.lemma_.lower()}")


def _in_a_phrase_of_manner(t: Token, lex: EventLexicon) -> bool:
    """A noun inside a fixed adverbial: "in support of", "in favour of", "in charge of" (no
    article, an "of" after it; "in talks with" is still talks), or a noun of time said as when ("for the first time",
    "at the time", "this time")."""
    prep = t.head if t.dep_ == "pobj" else None
    if prep is not None and prep.lower_ == "in" and not any(c.dep_ in ("det", "poss") for c in t.children) \
            and any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
        return True
    when = t.dep_ == "npadvmod" or (prep is not None and prep.lower_ in ("for", "at", "by", "in", "on"))
    return when and (lex.supersense(t.lemma_) == "noun.time" or t.lemma_.lower() in _OCCASIONS)


# Nouns WordNet files as events in their sense of "an instance" ("the first time", "on one occasion").
_OCCASIONS = frozenset({"time", "occasion"})


def _classifies(t: Token) -> bool:
    """A noun that says what its subject became ("the book has become a publishing phenomenon"):
    a description, not an event. After "be" it is often the event itself ("it was her decision",
    "the film was a huge success"), so that stays."""
    return t.dep_ == "attr" and t.head.lemma_ == "become"


def _noun_predicate(sense: NounSense) -> str:
    """The predicate of the verb class the noun is named after ("resignation", "the murder" ->
    "resigned", "murdered"), else the noun itself ("earthquake")."""
    return sense.predicate


def _specific(t: Token) -> bool:
    """One event, told with what pins it down: whose it is ("his resignation", "Iran's
    application"), what it is of ("the launch of its model"), when ("a rise in December"), how
    many ("11 nominations"), what it says ("accusations that ..."), or a light verb doing it ("had
    surgery", "made an offer"). Not a noun with only an article or adjective ("the agreement",
    "strong demand", "the housing market"): that names a thing or an idea as often as an event."""
    for c in t.children:
        if c.dep_ in ("poss", "nummod") or (c.dep_ == "prep" and c.lower_ == "of"):
            return True
        if c.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            return True
        if c.dep_ in ("prep", "npadvmod") and any(g.ent_type_ in ("DATE", "TIME") for g in c.subtree):
            return True
    head = t.head
    return t.dep_ in ("dobj", "attr") and head.lemma_.lower() in _SUPPORT_VERBS


# Kinds of event a noun with only an article already pins down ("the shooting", "the fire", "the
# vote"), unlike "the agreement", "the survey" or "the market", which as often name a thing or an idea.
HAPPENING_FILES = frozenset({"verb.contact", "verb.competition", "verb.motion", "verb.change", "verb.body",
                             "verb.weather", "verb.social"})


def _happening(sense: NounSense, lex: EventLexicon) -> bool:
    return sense.lexname in ("noun.event", "noun.phenomenon") or lex.class_file(sense.name) in HAPPENING_FILES


# Verbs that say nothing happened by themselves: a noun that is their subject acts in no event.
_STATIVE_HEADS = frozenset({"be", "seem", "remain", "become", "appear", "have", "mean", "need", "matter"})


def _acting(t: Token, sense: NounSense) -> bool:
    """A bare singular noun of a happening by nature (an event or process, not an act: "fire",
    "explosion") that acts on something ("fire destroyed the building", "damaged by fire"): the
    verb's event tells that this one took place, so it is no idea. Not the subject of a verb with no
    object ("air travel increased"): a measure that changed, not a cause; nor a plural ("changes to
    the rules depressed figures"), as often a kind as some occurrences; nor under a modal ("any
    move could pose a risk"); nor a word of a name ("Lions Gate entertainment")."""
    head = t.head
    if t.dep_ == "pobj" and head.dep_ == "agent":
        head = head.head
    elif t.dep_ != "nsubj" or not any(c.dep_ == "dobj" for c in head.children):
        return False
    if sense.lexname not in ("noun.event", "noun.phenomenon", "noun.process") or t.tag_ != "NN":
        return False
    if any(c.dep_ in ("compound", "amod", "poss") for c in t.children) or any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children):
        return False
    return head.pos_ == "VERB" and head.lemma_.lower() not in _STATIVE_HEADS


# Prepositions of time that take an event as readily as a date ("during a transfer", "after the
# hearing", "following the disclosure"): what they place another event against took place.
_TIME_PREPOSITIONS = frozenset({"during", "after", "before", "following", "amid", "amidst", "until"})


def _when_of_another(t: Token, lex: EventLexicon) -> bool:
    """An event noun with a determiner, a possessor or in the plural that dates another event:
    "shot during a transfer", "resigned after the vote", "after losses to Wales". Not a bare
    singular ("after work") nor a time of day or of a match ("at half-time", "until night-time")."""
    if t.dep_ != "pobj" or t.head.lower_ not in _TIME_PREPOSITIONS or t.head.head.pos_ not in ("VERB", "AUX"):
        return False
    if lex.supersense(t.lemma_) == "noun.time" or t.lemma_.lower().endswith("time"):
        return False
    return t.tag_ == "NNS" or any(c.dep_ in ("det", "poss") for c in t.children)


def _engaged_in(t: Token, sense: NounSense) -> bool:
    """Plural talks someone is in: "is in negotiations", "remain in consultations" (several
    meetings, one process going on); not other acts ("engaged in dirty tricks") nor a manner ("in
    support of", see ``_in_a_phrase_of_manner``)."""
    head = t.head
    return t.dep_ == "pobj" and head.lower_ == "in" and t.tag_ == "NNS" and sense.lexname == "noun.communication" \
        and head.head.pos_ in ("VERB", "AUX") and head.head.lemma_.lower() in ("be", "remain", "stay", "lock", "engage")


def _determined(t: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "a", "an", "this", "that", "last", "latest") for c in t.children)


# Verbs that only carry the event their object names: "made an offer", "had surgery", "held talks".
_SUPPORT_VERBS = {"make", "have", "hold", "take", "give", "conduct", "carry", "stage", "undergo", "suffer", "launch",
                  "mount", "announce", "order", "call", "begin", "start", "complete", "finish", "face"}


_NEGATING_HEADS = {"fail", "refuse", "decline", "deny"}  # "failed to win", "refused to resign"
# Clauses a negation above does not reach into: "the man, who was not armed, fled"; "after he did
# not pay, the firm sued".
_NEGATION_STOPS = {"advcl", "relcl", "appos", "parataxis"}


def _not_only(word: Token) -> bool:
    """"not only ... but": an addition, no negation ("not only repulsed an attack but caught the crew")."""
    after = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return word.lower_ == "not" and after is not None and after.lower_ in ("only", "just", "merely")


def negated_in_its_phrase(t: Token) -> bool:
    """An event noun negated by its own words ("no arrests", "without a fight"), not by the clause
    it stands in: "no one was hurt in the fire" negates the hurting; the fire took place."""
    if t.dep_ == "pobj" and t.head.lower_ == "without":
        return True
    return any(c.dep_ in ("neg", "det", "preconj", "advmod") and c.lower_ in _NEGATORS for c in t.children)


def is_negated(t: Token, gaz: Gazetteer) -> bool:
    """Negated by its own words ("did not fight", "no combat"), by a verb of stopping above it
    ("stopped fighting"), a negating head ("failed to win"), or a negated noun it depends on
    ("no indications that troops have fought"); a speech verb above ends the search ("denied that"
    is the denial's, not a negation of what was denied)."""
    below = t
    for node in [t, *t.ancestors]:
        if node is not t and t.pos_ == "NOUN" and node.pos_ in ("VERB", "AUX") and t.dep_ in ("nsubj", "nsubjpass"):
            return False  # "his time there had not done him any damage": the time was not negated
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in _NEGATING_HEADS:
            return True
        if node is not t and node.pos_ == "VERB" and node.lemma_.lower() in gaz.speech_verbs:
            return False
        if node is not t and node.lemma_.lower() in gaz.stopping_verbs and not _stopped_someone_to(node, below) \
                and not (below.dep_ == "conj" and below.head.i == node.i):
            return True  # "avoiding a test and then faking a crash": the faking is no avoided act
        for child in node.children:
            if child.dep_ in ("neg", "det", "preconj", "advmod") and child.lower_ in _NEGATORS and not _not_only(child) \
                    and not _quoted_apart(node, child):
                return True
            if child.dep_ in ("nsubj", "nsubjpass") and any(g.lower_ in ("neither", "no", "none") for g in child.children):
                return True
            if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in ("none", "nobody", "neither"):
                return True
        if node.dep_ in _NEGATION_STOPS or (node.dep_ == "pcomp" and node.head.lower_ != "without"):
            break  # "she was not used to it, after receiving her Oscar": the receiving stands
        below = node
    return False


# Marks that open or close a quotation: single ones too, for a quote within a quote.
def _quoted_apart(verb: Token, word: Token) -> bool:
    """The negator comes after the verb, past a quotation mark that opens between them: the "not" is
    the words quoted ("he told me 'absolutely not'"), and the telling took place. A scare-quoted verb
    keeps its negation ("did not 'cover up' the leak"), and a possessive's apostrophe opens nothing."""
    return word.i > verb.i and any(_opens_quote(t) for t in verb.doc[verb.i + 1 : word.i])


def _opens_quote(t: Token) -> bool:
    """A mark that opens a quotation: by its shape, or a straight one after a space and against a word."""
    if t.text in ("“", "‘", "«", "``"):
        return True
    return t.text in ('"', "'") and (t.i == 0 or bool(t.doc[t.i - 1].whitespace_)) and not t.whitespace_


def _stopped_someone_to(verb: Token, below: Token) -> bool:
    """A verb of stopping with someone it stopped and an infinitive beside it ("stopped Thompson in
    the sixth round to retain his titles", also parsed as "stops [Thompson to retain]"): the
    infinitive is what the stopping was for, not what stopped ("ceased to trade" still is)."""
    if below.dep_ not in ("xcomp", "advcl", "ccomp") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in below.children):
        return False
    return any(c.dep_ == "dobj" for c in verb.children) or any(c.dep_ == "nsubj" for c in below.children)
