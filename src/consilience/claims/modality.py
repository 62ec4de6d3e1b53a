"""asserted / reported / speculative, for one event of a sentence.

Speculative when the event's own clause hedges it or puts it in the future: a modal on its verb
("may have failed", "will release"), a simple present with a date of its own ("is released in
March"), a forecast as its source ("according to predictions"), a hedging adverb ("probably", "apparently"), a verb of
planning, expecting or trying above it ("plans to resign", "is expected to rule", "is to be
freed", "seems to have"), or a condition ("if the bill passes"). Else reported when a source is
named for it or it is hearsay ("reportedly", "allegedly"), else asserted. Other clauses of the sentence do not count: in "police said the
man, who may be armed, was arrested", the arrest is reported, not speculative.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon.saying import says
from .clauses import continued_clause

_MODALS = {"may", "might", "could", "would", "will", "shall", "'ll", "wo", "should", "must", "can", "ca"}
_FINITE = {"VBD", "VBZ"}  # a verb a modal cannot govern: after a modal comes the base form
_HEDGES = {"apparently", "possibly", "probably", "likely", "perhaps", "presumably", "seemingly", "maybe", "potentially"}
# Words that pass a report on without naming who made it: attributed, not a guess ("reportedly
# dispatched 11,000 soldiers" is somebody's report that they were dispatched).
_HEARSAY = {"reportedly", "allegedly", "supposedly", "purportedly", "according"}
# Heads of an infinitive that make it a plan, forecast, attempt or hypothesis ("plans to", "is due to").
_FUTURE_HEADS = {"plan", "expect", "forecast", "predict", "project", "tip", "tipped", "intend", "aim", "hope", "want", "seek", "try", "attempt", "prepare", "schedule",
                 "set", "due", "likely", "go", "propose", "threaten", "vow", "promise", "agree", "decide", "offer",
                 "wish", "appear", "seem", "be", "tend", "consider", "need", "have", "mean", "bound", "poised",
                 "unlikely", "ready", "eager", "keen", "willing", "intent", "urge", "ask", "call", "press", "push",
                 "encourage", "order", "invite", "demand", "pledge", "struggle", "design", "let", "allow"}
_FUTURE_VERBS = frozenset(_FUTURE_HEADS - {"be", "have"})  # heads whose that-clause is what is planned or hoped
_CONDITIONS = {"if", "unless", "whether"}
# Nouns whose infinitive is a plan not yet carried out ("plans to", "a pledge to"); "a decision to
# publish" tells what was done as often, and stays as its clause says.
_PLANNED = frozenset({"plan", "proposal", "promise", "pledge", "offer", "threat", "intention", "commitment",
                      "agreement", "deal", "vow"})
# Words that put a clause ahead of the one it hangs on: it is no surer than that one.
_AHEAD = {"before", "until", "till", "once"}
# Verbs that take a bare infinitive as a clause ("let them choose", "made him resign").
_CAUSATIVE = frozenset({"let", "make", "help", "have"})
# Verbs that only hedge the clause they take: "it appears that", "it seems".
RAISING = {"appear", "seem", "look"}


# Verbs whose simple present tells what lies ahead of their subject: "she faces Ana Ruiz in the
# first round", "the pair face a trial", "the winners await a draw".
_PROSPECTS = frozenset({"face", "await"})


def _ahead_of_now(verb: Token) -> bool:
    """"faces a trial", "awaits the verdict": the simple present of a verb of prospect, with an
    object; what was faced ("faced") or is being faced ("is facing a revolt") is told as it stands."""
    return verb.lemma_.lower() in _PROSPECTS and verb.tag_ in ("VBZ", "VBP") \
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) and any(c.dep_ == "dobj" for c in verb.children)


def _judged_of_another(verb: Token) -> bool:
    """"warned that the party could not win": "could not" said of someone other than the speaker,
    in what was said, is a judgement of what will be; "said it could not approve" (the speaker
    itself, told as a pronoun) is a refusal, stated."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return verb.dep_ == "ccomp" and subject is not None and subject.pos_ != "PRON"


def _refused(verb: Token, modal: Token) -> bool:
    """"could not approve", "would not reveal whether": a refusal, stated; not "could not win" said
    of another in what was said, nor "would not" on a verb other than one of telling ("would not
    survive" is a forecast)."""
    if not any(c.dep_ == "neg" for c in verb.children):
        return False
    if modal.lower_ in ("can", "could", "ca"):
        return not _judged_of_another(verb)
    return modal.lower_ == "would" and _telling(verb)  # "we won't be calling for" is an intention


def _telling(verb: Token) -> bool:
    return says(verb.lemma_)


def _be_to(be: Token) -> bool:
    """"are to go on trial", "is to be freed": "be" with an infinitive and nothing else it states
    ("what it was like to pay" is no plan)."""
    return not any(c.dep_ in ("acomp", "attr", "prep", "oprd", "expl") or (c.dep_ == "nsubj" and c.lower_ == "it")
                   for c in be.children)


# Nouns whose "for" names what is not done yet ("plans for", "calls for a ban", "a bid for the club");
# not "a deal for" or "an offer for", which tell what was agreed or offered as often.
_PLANS_FOR = frozenset({"plan", "proposal", "bid", "pledge", "promise", "call", "campaign",
                        # getting ready: "is preparing for an offensive", "braced for job cuts", "poised for a bid"
                        "prepare", "preparation", "brace", "gear", "poise", "poised", "ready"})


def _planned_for(t: Token) -> bool:
    """An event that a plan, proposal or bid is for ("unveiled plans for a memorial, funded through a
    coin", "a proposal for a bridge built by the army"), up to a clause with a subject of its own."""
    for a in (t, *t.ancestors):  # "the call for an inquiry into the blaze that destroyed 40 homes": its own subject
        if a.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in a.children):
            return False
        if a.dep_ == "prep" and a.lower_ == "for" and a.head.lemma_.lower() in _PLANS_FOR:
            return True
    return False


def _counted_in_a_plan(t: Token) -> bool:
    """A number in the subject of "be to" ("five managers are to go on trial"): as planned as the act."""
    if t.pos_ != "NUM" or t.dep_ not in ("nummod", "quantmod"):
        return False
    node = t.head
    while node.dep_ == "conj":
        node = node.head
    verb = node.head
    return node.dep_ in ("nsubj", "nsubjpass") and verb.lemma_ == "be" and _be_to(verb) and any(
        c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) for c in verb.children)


def _ahead_of(node: Token) -> bool:
    """"before being redeployed", "until the talks end": a clause set ahead of its head's."""
    if node.dep_ == "pcomp" and node.head.lower_ in _AHEAD:
        return True
    told_past = node.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in node.children)
    # "will defend the title before the race was moved": what it comes before is past, told as done
    return node.dep_ == "advcl" and not told_past and any(c.dep_ == "mark" and c.lower_ in _AHEAD
                                                          for c in node.children)


# Verbs whose "with"/"of" clause is what someone is blamed for, not yet shown: "charged with
# bribing", "accused of lying", "suspected of taking bribes", "indicted for fraud".
_ALLEGING = frozenset({"charge", "accuse", "suspect", "indict"})


def _alleged(node: Token) -> bool:
    """The act someone is charged with, accused or suspected of (and acts coordinated with it)."""
    while node.dep_ == "conj" and node.head.pos_ in ("VERB", "AUX"):
        node = node.head
    prep = node.head
    if node.dep_ not in ("pcomp", "pobj") or prep.lower_ not in ("with", "of", "for"):
        return False
    head = prep.head.head if prep.head.dep_ == "dobj" else prep.head  # "accused [the driver of ignoring]"
    return head.lemma_.lower() in _ALLEGING


def _means_of(node: Token) -> bool:
    """"would compete by offering discounts": the means is as sure as what it serves."""
    return node.dep_ == "pcomp" and node.head.lower_ in ("by", "through")


def modality_of(t: Token, *, attributed: bool) -> str:
    """The modality of the event whose trigger is ``t`` (an event noun or a number that is what a
    verb acts on, or states, is as sure as that verb: "will feature performances", "the saving
    would be more than £1,000"; a noun that is the subject is taken as given: "the attack could
    have been prevented")."""
    node = clause_verb(t)
    if scheduled(node) or _forecast_source(node) or _forecast_object(t, node) or _ahead_of_now(node) \
            or _planned_for(t) or _counted_in_a_plan(t):
        return "speculative"
    hearsay = False
    for _ in range(4):
        modal = next((c for c in node.children if c.dep_ in ("aux", "auxpass") and c.lower_ in _MODALS
                      and node.tag_ not in _FINITE), None)  # "May wrote": a name the tagger took for "may"
        if modal is not None and not _refused(node, modal):
            return "speculative"
        if any(c.dep_ in ("advmod", "npadvmod") and c.lower_ in _HEDGES for c in node.children):
            return "speculative"
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in node.children):
            return "speculative"
        if _alleged(node):
            hearsay = True  # "charged with bribing a referee": the charge's word, not the outlet's
            break
        if _ahead_of(node) or _means_of(node):
            node = node.head.head if node.head.dep_ == "prep" else node.head
            continue  # "might undergo training before being redeployed": as unsure as what it comes before
        if node.dep_ == "acl" and node.head.lemma_.lower() in _PLANNED and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            return "speculative"  # "plans to close two plants", "a pledge to cut taxes"
        if node.dep_ == "acomp" and node.head.pos_ in ("VERB", "AUX"):
            node = node.head
            continue  # "she would be able to return", "is keen to sign": as sure as the copula
        if _result_of(node):
            node = continued_clause(node) or node.head
            continue  # "may have depressed the figures, thus flattering December's": as unsure as its cause
        if node.dep_ not in ("xcomp", "ccomp") and not (node.dep_ == "conj" and node.head.pos_ in ("VERB", "AUX")):
            break
        if node.head.lemma_.lower() == "estimate" and _changes_ahead(node):
            return "speculative"  # "subsidies estimated to exceed 9bn euros": a forecast
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in _FUTURE_VERBS \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            return "speculative"  # "expect the deadline to be dropped", "urged the board to resign"
        if node.dep_ == "ccomp" and node.head.lemma_.lower() not in RAISING | _CAUSATIVE:
            break  # "designed to let pensioners choose": as sure as the letting
        hearsay = hearsay or any(c.dep_ in ("advmod", "npadvmod") and c.lower_ in _HEARSAY for c in node.children)
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in _FUTURE_HEADS and (
                node.head.lemma_.lower() != "be" or _be_to(node.head)):
            return "speculative"
        if node.dep_ == "xcomp" and hearsay_passive(node.head):
            hearsay = True  # "is said to have resigned": somebody's report, whose is not told
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in RAISING:
            return "speculative"  # "it appears that the troops have not fought"
        node = node.head
    if t.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in ("planned", "proposed", "expected", "possible",
                                                                   "potential", "alleged", "suspected", "likely")
                                for c in t.children):
        return "speculative"  # "the planned strike", "an alleged fraud"
    if attributed or hearsay or any(c.dep_ in ("advmod", "npadvmod") and c.lower_ in _HEARSAY for c in t.children):
        return "reported"
    return "asserted"


# Where an event noun or a number stands in the clause of the verb whose modality it shares.
_ARGUMENT_DEPS = frozenset({"dobj", "attr", "oprd", "pobj", "nummod", "quantmod", "npadvmod", "appos", "compound",
                            "prep", "amod", "advmod", "nmod", "acomp"})  # "could be worth $2bn": as sure as "be"


def clause_verb(t: Token) -> Token:
    """The verb whose clause an event noun or a number is part of, when it is what that verb acts
    on or states (not its subject); ``t`` itself otherwise."""
    if t.pos_ in ("VERB", "AUX"):
        return t
    node = t
    for _ in range(6):
        if node.dep_ not in _ARGUMENT_DEPS or node.head.i == node.i or node.lower_ in _PRESUPPOSING:
            return t
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return t


# Prepositions whose event is given, whatever the clause says of the rest ("after his arrest, he
# will be tried", "despite the dip in profits").
_PRESUPPOSING = frozenset({"after", "since", "despite", "following", "during", "amid", "amidst", "over", "because",
                           "due", "from", "like", "unlike", "as"})


# Verbs that, in the passive with an infinitive and no agent, pass on what unnamed others say or
# think ("is said to have resigned", "is reported to be", "is believed to hold"): hearsay.
HEARSAY_VERBS = frozenset({"say", "report", "allege", "rumour", "rumor", "believe", "think", "understand", "claim",
                           "suppose", "estimate", "fear", "suspect", "consider"})


# The same for a forecast ("output is forecast to grow", "is expected to rule"): speculative.
FORECAST_VERBS = frozenset({"forecast", "predict", "project", "expect", "tip"})


def _changes_ahead(infinitive: Token) -> bool:
    """"estimated to exceed", "to reach", "to cost": an estimate of what a thing will come to; not
    "estimated to be worth" (what it is) or "to have killed" (what it did), which are reports."""
    auxes = [c for c in infinitive.children if c.dep_ == "aux"]
    return infinitive.lemma_ != "be" and any(c.lower_ == "to" for c in auxes) and not any(c.lemma_ == "have" for c in auxes)


def hearsay_passive(verb: Token, *, forecasts: bool = False) -> bool:
    """"X is said to ...", "is reported to ...": an agentless passive of a verb of saying or believing
    that takes an infinitive (with ``forecasts``, "is forecast to", "is expected to" too)."""
    verbs = HEARSAY_VERBS | FORECAST_VERBS if forecasts else HEARSAY_VERBS
    return verb.lemma_.lower() in verbs and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) \
        and not any(c.dep_ == "agent" for c in verb.children) and any(c.dep_ == "xcomp" for c in verb.children)


def _result_of(t: Token) -> bool:
    """A participle clause with no conjunction that tells what the clause it hangs on brought about
    ("..., thus flattering the figures", "..., killing 12 people")."""
    return t.dep_ == "advcl" and t.tag_ == "VBG" and not any(c.dep_ == "mark" for c in t.children) \
        and t.i > (continued_clause(t) or t.head).i


# Words in a date that place it before the time of writing, or make it a habit, not a schedule.
_NOT_AHEAD = frozenset({"last", "ago", "yesterday", "earlier", "previous", "past", "since", "every", "each",
                        "annually", "recently", "already"})


def scheduled(verb: Token) -> bool:
    """A verb in the simple present with a date of its own ("the album is released in March", "the
    court sits on Monday"): news tells past events in the past tense, so this is a schedule, not a
    report. Not "is" itself, nor a date that is past, habitual or only a length ("every March", "last
    week", "in three years"). Calibrated on 250 BBC articles (shuffled with seed 5): 19 verbs taken at
    first, 10 of them wrongly (nouns and past forms the tagger read as present, habits, lengths of
    time); with the guards below, 9 taken, all schedules ("goes on sale in the US on Thursday")."""
    if verb.pos_ != "VERB" or verb.lemma_ == "be" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    simple = verb.tag_ in ("VBZ", "VBP") and not auxes and not (verb.tag_ == "VBP" and verb.lower_ in _SAME_IN_PAST)
    passive = verb.tag_ == "VBN" and len(auxes) == 1 and auxes[0].dep_ == "auxpass" and auxes[0].lemma_ == "be" \
        and auxes[0].tag_ in ("VBZ", "VBP")
    return (simple or passive) and any(_date_ahead(c) for c in verb.children)


# Verbs whose past is their present: "when they split in December" is past, whatever the tagger says.
_SAME_IN_PAST = frozenset({"split", "set", "put", "cut", "hit", "let", "quit", "cost", "spread", "shut", "hurt",
                           "bet", "bid", "cast", "broadcast", "forecast", "read", "upset", "beat", "burst", "thrust"})
# Words that make a date a point on the calendar: a number, a month or day, or one counted from now.
_CALENDAR = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                       "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                       "saturday", "sunday", "next", "tomorrow", "later", "coming", "weekend", "spring", "summer",
                       "autumn", "winter"})


def _date_ahead(child: Token) -> bool:
    """A date said of the verb: "on Monday", "in March", "next week" (a DATE entity, not a past or habitual one)."""
    if child.dep_ == "prep" and child.lower_ in ("on", "in", "at", "from", "by"):
        child = next((g for g in child.children if g.dep_ == "pobj"), child)
    elif child.dep_ not in ("npadvmod", "advmod"):
        return False
    if child.ent_type_ != "DATE":
        return False
    words = [w.lower_ for w in child.subtree]
    return not any(w in _NOT_AHEAD for w in words) and any(w in _CALENDAR or w.isdigit() for w in words)


def _forecast_object(t: Token, verb: Token) -> bool:
    """A number or noun that is the object of a forecast verb with an infinitive ("Toho expects 40
    million people to see it", "forecasts sales to reach $2bn"): it measures what is forecast."""
    if t.i == verb.i or verb.lemma_.lower() not in FORECAST_VERBS or not any(c.dep_ == "xcomp" for c in verb.children):
        return False
    below = next((a for a in [t, *t.ancestors] if a.head.i == verb.i), None)
    return below is not None and below.dep_ == "dobj"


# Sources that are themselves guesses about what will be ("according to some predictions").
_FORECASTS = frozenset({"prediction", "forecast", "projection"})


def _forecast_source(node: Token) -> bool:
    """What the clause of ``node`` (or a clause above it) says is "according to" a forecast."""
    for verb in [node, *node.ancestors][:4]:
        for c in verb.children:
            if c.lower_ == "according":
                to = next((g for g in c.children if g.lower_ == "to"), None)
                source = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
                if source is not None and source.lemma_.lower() in _FORECASTS:
                    return True
    return False
