"""The subject and object of an event trigger, from the parse, active or passive.

The subject is who did it (the agent of a passive: "was arrested by police" -> police), the
object what it was done to ("two men"); a passive that names no agent is about what it was done
to, which is then its subject ("two men were arrested": two men). A verb with no subject of its own takes it from where the
sentence gives it: the first verb of a coordination ("arrested two men and charged them"), the
controller of an infinitive ("urged Smith to resign": Smith; "plans to resign": the planner),
the noun a relative clause describes ("Tara Reid, who starred in ...": Tara Reid). An event noun
takes its possessor as subject ("his resignation") and its "of" phrase as object.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..lexicon.events import event_lexicon
from ..lexicon.saying import says
from .clauses import continued_clause
from .syntax import clause_subject, set_off_after_a_noun

_RELATIVE = {"who", "whom", "which", "that", "whose"}
# Verbs whose object, not subject, does what their infinitive says ("urged Smith to resign").
_OBJECT_CONTROL = {"urge", "ask", "tell", "order", "force", "allow", "persuade", "encourage", "invite", "require",
                   "call", "push", "press", "pressure", "help", "enable", "permit", "instruct", "direct", "warn",
                   "advise", "compel", "oblige", "authorize", "authorise", "lead", "cause", "expect"}
_MAX_HOPS = 4
# Nouns whose infinitive says what was planned, promised or decided: a claim, not an aim, done by
# who made the plan ("the firm announced plans to close", "their decision to publish").
PLAN_NOUNS = frozenset({"plan", "proposal", "decision", "promise", "pledge", "offer", "threat", "intention",
                        "commitment", "agreement", "deal", "vow"})


@dataclass(frozen=True)
class Arguments:
    subject: Token | None
    object: Token | None


def arguments_of(t: Token, *, noun: bool) -> Arguments:
    return _noun_arguments(t) if noun else _verb_arguments(t)


def _verb_arguments(t: Token) -> Arguments:
    if t.lower_ == "according":  # "according to her publicist": the publicist speaks
        to = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else t
        return Arguments(next((c for c in to.children if c.dep_ == "pobj"), None), None)
    subj, obj = _own(t)
    node = t
    for _ in range(_MAX_HOPS):
        if subj is not None:
            break
        inherited = _inherited(node)
        if inherited is None:
            break
        source, role = inherited
        if role == "relative":
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in node.children) or node.tag_ == "VBN" and node.dep_ == "acl"
            if passive:
                obj = obj or source
            else:
                subj = source
            break
        if role == "object":
            subj = source
            break
        head_subj, head_obj = _own(source)
        if head_obj is not None and _passive(source) and _done_by_the_patient(node) and not (
                node.dep_ == "xcomp" and (head_subj is not None or _agent(source))):  # "was sold by X to pay": X's aim
            head_subj = head_obj  # "the chief is said to have resigned", "was quoted saying", "was advised and said"
        if node.dep_ == "conj" and head_obj is not None and _passive(source) and obj is None:
            obj = head_obj  # "was arrested and charged": both were done to the same person
        subj = head_subj
        node = source
    if subj is None and obj is not None and _passive(t) and not any(c.dep_ == "agent" for c in t.children):
        subj, obj = obj, None  # "112 people have been killed": what the claim is about
    return Arguments(_not_relative(subj, t), _not_relative(obj, t))


def _done_by_the_patient(node: Token) -> bool:
    """Whether a verb that hangs on an agentless passive is done by that passive's subject: an
    infinitive ("is said to have resigned", "is forecast to grow"), "after fleeing", a participle
    with no comma before it ("was quoted saying", "was seen leaving"; ", prompting protests" is what
    the event did), or an active verb coordinated with it ("was advised to ... and said")."""
    if node.dep_ in ("xcomp", "pcomp"):
        return True
    if node.dep_ == "advcl":
        return node.tag_ == "VBG" and node.i > 0 and node.doc[node.i - 1].text != "," \
            and not any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in node.children)
    return node.dep_ == "conj" and node.tag_ in ("VBD", "VBZ", "VBP") and not _passive(node)


def _can_say(verb: Token) -> bool:
    """A verb of saying ("said", "warned"; "added" with what was added): only its subject can come
    after it, inverted, with what was said before it ("Costs rose, warned the board"). Not a verb
    with some rare sense of saying ("close") and no clause said."""
    clause = any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)
    return says(verb.lemma_, said="clause" if clause else None)


def _own(t: Token) -> tuple[Token | None, Token | None]:
    subj = obj = None
    for c in t.children:
        if c.dep_ == "nsubj" and subj is None:
            subj = c
        elif c.dep_ == "nsubjpass" and obj is None:
            obj = c
        elif c.dep_ in ("dobj", "dative") and obj is None:
            obj = c
        elif c.dep_ == "agent" and subj is None:
            subj = next((g for g in c.children if g.dep_ == "pobj" and not _means(g)), None)
    if subj is not None and subj.dep_ == "nsubj" and _can_say(t):
        subj = clause_subject(t) or subj  # "..., especially Ellis, said the survey": the survey
    if subj is None and t.lemma_.lower() in _PUBLISHED and _passive(t):
        subj = _published_in(t)  # "was quoted in the Herald": the Herald quoted him
    return subj, obj


_NOT_PUBLISHERS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "NORP", "EVENT"})
# Verbs of what a paper or broadcaster does with someone's words: "in" it names who did it.
_PUBLISHED = frozenset({"quote", "cite", "report", "interview", "publish", "print"})


def _published_in(t: Token) -> Token | None:
    """The named paper or broadcaster of "was quoted in the Herald", "was interviewed on BBC Radio"."""
    for prep in (c for c in t.children if c.dep_ == "prep" and c.lower_ in ("in", "on", "by")):
        body = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if body is not None and any(w.pos_ == "PROPN" and w.ent_type_ not in _NOT_PUBLISHERS
                                    for w in [body, *(c for c in body.children if c.dep_ == "compound")]):
            return body  # a name, not a place or a date ("was interviewed in London", "quoted in March")
    return None


# Kinds of thing a bare noun after "by" names when it says how something was done ("scanned by bar
# code", "sent by post", "paid by cheque", "made by hand"), not who did it ("checked by staff", "by
# police"; "destroyed by fire" keeps the fire, a phenomenon, as what did it).
_MEANS_KINDS = frozenset({"noun.artifact", "noun.communication", "noun.act", "noun.possession", "noun.body",
                          "noun.cognition"})


def _means(noun: Token) -> bool:
    """A singular common noun with no determiner, number or owner after "by", naming no one."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or noun.ent_type_:
        return False
    if any(c.dep_ in ("det", "poss", "nummod", "amod", "conj") for c in noun.children):
        return False
    return event_lexicon().supersense(noun.lemma_.lower()) in _MEANS_KINDS


def _agent(t: Token) -> bool:
    return any(c.dep_ == "agent" for c in t.children)


def _passive(t: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children)


def _inherited(t: Token) -> tuple[Token, str] | None:
    """Where a verb without a subject of its own gets one: (token, how)."""
    head = t.head
    if head.i == t.i or any(c.dep_ == "expl" for c in t.children):
        return None  # "there have been accusations": no one's act, whatever the clause before says
    if t.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        return head, "verb"
    described = set_off_after_a_noun(t)
    if described is not None:
        return described, "object"  # "ill-prepared for the Act, due to come into force": the Act comes
    if t.dep_ == "acomp" and head.pos_ in ("VERB", "AUX"):
        return head, "verb"  # "she would be able to return", "was slow to heal": who is able, slow
    if t.dep_ == "csubj" and t.tag_ == "VBG" and head.lemma_ == "be":
        attr = next((c for c in head.children if c.dep_ == "attr"), None)
        if attr is not None:
            return attr, "object"  # "Also capitalising on it were the Scissor Sisters"
    if t.dep_ == "xcomp":
        if head.lemma_.lower() in _OBJECT_CONTROL:
            obj = next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if obj is not None:
                return obj, "object"
        return head, "verb"
    if t.dep_ == "advcl" and t.tag_ in ("VBG", "VBN") and not any(
            c.dep_ in ("mark", "aux", "auxpass", "nsubj", "nsubjpass") for c in t.children):  # a finite clause has its own
        return continued_clause(t) or head, "verb"  # "..., killing 12 people": the main clause's subject did it
    if t.dep_ == "pcomp" and t.tag_ == "VBG" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return head.head, "verb"  # "was arrested after fleeing", "did not close after losing the contract"
    if t.dep_ == "acl" and head.lemma_.lower() in PLAN_NOUNS:
        poss = next((c for c in head.children if c.dep_ == "poss"), None)
        if poss is not None:
            return poss, "object"  # "their decision to publish": they published
        if _owned_elsewhere(head):
            return None  # "he pointed to international plans to invest": not his plan
        verb = head.head.head if head.dep_ == "pobj" else head.head
        return (verb, "verb") if verb.pos_ in ("VERB", "AUX") and verb.i != head.i else None
    if t.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return _named_by_apposition(head), "relative"
    return None


# Words before a plan that say whose it is, other than the clause subject's.
_OWNER_WORDS = frozenset({"international", "government", "federal", "national", "official", "global", "european",
                          "state", "council", "ministry", "eu", "un"})


def _owned_elsewhere(plan: Token) -> bool:
    """"international plans", "government proposals", "EU plans", "Labour's"...: a plan whose
    words name its owner, who is not then the subject of the clause it stands in."""
    return any(c.dep_ in ("amod", "compound") and (c.ent_type_ in ("NORP", "ORG", "GPE") or c.lower_ in _OWNER_WORDS)
               for c in plan.children)


def _named_by_apposition(noun: Token) -> Token:
    """The name a description is in apposition to ("The Aviator, a film biography that leads":
    The Aviator), else the description itself."""
    return noun.head if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" else noun


def _not_relative(arg: Token | None, trigger: Token) -> Token | None:
    """A relative word stands for the noun its clause describes ("who" -> "Tara Reid")."""
    if arg is None or arg.lower_ not in _RELATIVE:
        return arg
    clause = next((a for a in [trigger, *trigger.ancestors] if a.dep_ in ("relcl", "acl")), None)
    if clause is None or not (clause.head.pos_ in ("NOUN", "PROPN") or clause.head.lower_ == "old"):
        return None  # ("the 18-year-old, who has played": the parser calls "old" an adjective)
    return _named_by_apposition(clause.head)


def _noun_arguments(t: Token) -> Arguments:
    subj = next((c for c in t.children if c.dep_ == "poss"), None)
    if subj is None:
        subj = next((c for c in t.children if c.dep_ == "compound" and c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")), None)
    of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    return Arguments(subj, obj)
