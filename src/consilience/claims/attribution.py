"""Who said it: "according to X", "X said", "X told Y", "citing X, Y reported", "X cited in Y",
pronouns and "the agency" carried forward to the last named source in the article."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..lexicon.events import event_lexicon
from ..lexicon.gazetteer import Gazetteer
from ..records import Attribution
from .clauses import continued_clause
from .entities import inside_quotes, plural_description, without_title
from .syntax import clause_subject, doc_text, named_noun, owner_phrase, phrase, set_off_after_a_noun
from .triggers import Trigger

_PRONOUNS = {"it", "they", "he", "she", "we"}
_RELATIVE = {"who", "whom", "which", "that"}
_GENERIC = {"agency", "ministry", "service", "spokesman", "spokeswoman", "spokesperson", "office", "official",
            "officials", "department", "military", "army", "government", "president", "leader", "committee"}
_SUBJECT_DEPS = ("nsubj", "nsubjpass")


@dataclass
class Memory:
    """What earlier sentences of the same article named: for "it" and "the agency"."""

    last: str | None = None
    by_kind: dict[str, str] = field(default_factory=dict)

    def remember(self, name: str, kind: str | None) -> None:
        self.last = name
        if kind:
            self.by_kind[kind] = name


def attribution_of(doc: Doc, gaz: Gazetteer, memory: Memory, outlet: str | None,
                   resolve: Resolver | None = None) -> Attribution | None:
    """Who the sentence says said its content: "according to X", else its speech verb nearest the root."""
    return attribution_with_verb(doc, gaz, memory, outlet, resolve)[0]


Resolver = Callable[[Token], "str | None"]


def attribution_with_verb(doc: Doc, gaz: Gazetteer, memory: Memory, outlet: str | None,
                          resolve: Resolver | None = None) -> tuple[Attribution | None, Token | None]:
    """The sentence's attribution and the speech verb it comes from (None for "according to")."""
    found = _according_to(doc)
    verb = None
    if found is None:
        verbs = [t for t in doc if t.lemma_.lower() in gaz.speech_verbs and t.pos_ in ("VERB", "AUX")
                 and not hedges_a_phrase(t) and t.dep_ != "acl"]  # "a poster showing": its own content only
        verbs.sort(key=lambda t: (len(list(t.ancestors)), t.i))
        for v in verbs:
            found = speech_source(v, gaz)
            if found is not None:
                verb = v
                break
    if found is None:
        return None, None
    return _attribution(found, gaz, memory, outlet, resolve), verb


# Nouns for what someone said, whose "that" clause is what they said ("Judge Pike's assertion that the
# assembly would improve transport"). Not "denial": what is denied is not what the speaker holds.
_SAYING_NOUNS = frozenset({"claim", "allegation", "assertion", "statement", "warning", "announcement", "admission",
                           "argument", "insistence", "prediction", "pledge", "promise", "suggestion", "accusation",
                           "charge", "remark", "comment", "view", "belief", "forecast"})


def saying_nouns(doc: Doc, gaz: Gazetteer, memory: Memory, outlet: str | None,
                 resolve: Resolver | None = None) -> dict[int, Attribution]:
    """token -> attribution for each noun of saying whose speaker is its possessor and which has a
    "that" clause of what was said ("Judge Pike's assertion that ...", "her warning that ...")."""
    out = {}
    for t in doc:
        if t.pos_ != "NOUN" or t.lemma_.lower() not in _SAYING_NOUNS or not _said_clause(t):
            continue
        owner = next((c for c in t.children if c.dep_ == "poss"), None)
        if owner is None or owner.pos_ not in ("PROPN", "PRON") and not owner.ent_type_:
            continue  # "the claim that": whose is not said; "the party's claim" is left to the verbs
        found = _attribution(([owner], [], f"{phrase(owner)} {t.text}"), gaz, memory, outlet, resolve)
        if found is not None:
            out[t.i] = found
    return out


def _said_clause(noun: Token) -> Token | None:
    """The clause "that ..." a noun of saying takes, if it has one."""
    return next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")
                 and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)


def hedges_a_phrase(verb: Token) -> bool:
    """"released what they say are full costings": a speech verb in a free relative (its clause
    opens with "what", and hangs on another verb) qualifies one phrase of that verb; it does not
    say whose the sentence is."""
    first = verb.left_edge
    return verb.dep_ != "ROOT" and first.i < verb.i and first.tag_ == "WP" and first.lower_ in ("what", "whatever")


def attribution_at(verb: Token, gaz: Gazetteer, memory: Memory, outlet: str | None,
                   resolve: Resolver | None = None) -> Attribution | None:
    """What speech verb ``verb`` attributes: its speaker as source, intermediaries and the outlet as ``via``."""
    found = speech_source(verb, gaz)
    return _attribution(found, gaz, memory, outlet, resolve) if found is not None else None


def _attribution(found: tuple[list[Token | str], list[str], str], gaz: Gazetteer, memory: Memory, outlet: str | None,
                 resolve: Resolver | None) -> Attribution | None:
    raw_sources, via, text = found
    sources = [_resolved(s, gaz, memory, resolve) for s in raw_sources]
    sources = list(dict.fromkeys(without_title(s, event_lexicon()) for s in sources if s))
    if not sources:
        return None
    via_names = [gaz.source_name(v) for v in via]
    if outlet and outlet not in via_names and outlet not in sources:
        via_names.append(outlet)
    for s in sources:
        memory.remember(s, gaz.kind_of(s))
    source = sources[0] if len(sources) == 1 else _joined(sources)
    return Attribution(source=source, via=tuple(via_names), text=text, sources=tuple(sources))


def _joined(sources: list[str]) -> str:
    return ", ".join(sources[:-1]) + " and " + sources[-1]


def _according_to(doc: Doc) -> tuple[list[Token | str], list[str], str] | None:
    if "according" not in doc_text(doc).lower():
        return None
    for t in doc:
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            objs = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
            if objs:
                name = phrase(objs[0])
                return _issued_by(objs[0], name), [], f"according to {name}"
    return None


def speech_source(verb: Token, gaz: Gazetteer) -> tuple[list[Token | str], list[str], str] | None:
    """(speakers, intermediaries, attributing words) of one speech verb, or None when it names no speaker
    ("Neither Moscow nor Pyongyang has confirmed" attributes nothing to them)."""
    if verb.lemma_.lower() not in gaz.speech_verbs or verb.pos_ not in ("VERB", "AUX"):
        return None
    if verb.lemma_.lower() in _OFTEN_NOT_SPEECH and not _says_something(verb):
        return None  # "the pound had added 0.5%", "police found the body", "Toyota recalled 1m cars"
    subj = (clause_subject(verb) or next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
            or _trailing_speaker(verb)
            or _name_before(verb) or _coordinated_speaker(verb) or _saying_noun(verb))
    if subj is None or verb.dep_ == "auxpass" or _denied(verb, subj):
        return None
    if subj.dep_ == "nsubjpass":
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is None:
            return None
        subj = next((c for c in agent.children if c.dep_ == "pobj"), subj)
    if cannot_speak(subj):
        return None  # "It blamed continuing uncertainties": no one speaks
    subj = _named_after_titles(_named_after_description(verb, subj))
    name, via = _source_and_cited(subj)
    via += _told(verb)
    citing = _citing(verb)
    if citing:
        via.insert(0, name)
        subj, name = citing, phrase(citing)
    return _issued_by(subj, name), via, f"{name} {verb.text}"


def _named_after_description(verb: Token, subj: Token) -> Token:
    """The name a described subject is given after a comma when the closing comma is missing
    ("The new head of the Law Society, Tom Reed QC warned": Tom Reed QC, whom the parser makes
    a second subject), else ``subj``."""
    later = [c for c in verb.children if c.dep_ == "nsubj" and c.i > subj.i and c.ent_type_ == "PERSON"]
    if subj.pos_ != "NOUN" or subj.ent_type_ == "PERSON" or len(later) != 1:
        return subj
    comma = later[0].left_edge.i - 1
    return later[0] if comma > subj.i and verb.doc[comma].text == "," else subj


def _named_after_titles(subj: Token) -> Token:
    """The person a run of joined titles names ("Acme chairman and chief executive Jane Porter"
    is one speaker, Jane Porter, not the chairman and her), else ``subj``. Only when the name
    itself carries a title before it: "the chairman and Jane Porter" are two speakers."""
    if subj.pos_ != "NOUN" or subj.ent_type_ == "PERSON":
        return subj
    for c in subj.children:
        titled = any(t.pos_ == "NOUN" and t.dep_ in ("compound", "amod") for t in c.lefts)
        if c.dep_ == "conj" and c.ent_type_ == "PERSON" and titled:
            return c
    return subj


# Speech verbs that as often do something else to a thing they take as object ("added 0.5%",
# "claimed the title", "recalled 1m cars", "found the body", "wrote a book"):
# speech only when something is said.
_OFTEN_NOT_SPEECH = frozenset({"add", "claim", "maintain", "observe", "order", "call", "find", "recall",
                               "note", "state", "cite", "quote", "write"})
_QUOTE_MARKS = frozenset('"“”«»')


def _says_something(verb: Token) -> bool:
    """The verb has what was said: a clause ("added that ...", "found it had"), a quotation in its
    sentence, or the statement it is a parenthesis to ("Prices, he added, will rise")."""
    has_object = any(c.dep_ in ("dobj", "nsubjpass") or c.dep_ == "npadvmod" and (
        c.like_num or any(g.dep_ == "nummod" for g in c.children)) for c in [*verb.children, *_conjoined(verb)])
    clauses = ("ccomp", "parataxis") if has_object else ("ccomp", "parataxis", "xcomp")  # "added 0.5% to break"
    if any(c.dep_ in clauses and c.pos_ in ("VERB", "AUX") for c in verb.children):
        return True
    if verb.dep_ in ("parataxis", "ccomp") or any(t.text in _QUOTE_MARKS for t in verb.doc):
        return True
    return not has_object and verb.dep_ not in ("ROOT", "relcl", "acl", "conj")  # "who wrote and directed the film"


def _conjoined(verb: Token) -> list[Token]:
    """The children of the verbs coordinated with ``verb``, which share its object ("wrote and
    directed the film")."""
    return [c for v in verb.conjuncts if v.pos_ in ("VERB", "AUX") for c in v.children]


# Kinds of thing (the noun supersense of a common noun) that say nothing: qualities, states and
# feelings ("continuing uncertainties", "the most common woes"). Only these: WordNet's first sense of
# many words for bodies is a thing ("bank": noun.object, "fund": noun.possession, "airline":
# noun.artifact), and those bodies speak. Words for bodies whose first sense is a quality are kept.
_MUTE = frozenset({"noun.attribute", "noun.state", "noun.feeling"})
_BODIES_NAMED_AS_QUALITIES = frozenset({"authority", "force", "majority", "minority", "power", "leadership",
                                        "management", "opposition", "security", "intelligence", "justice"})


def cannot_speak(speaker: Token) -> bool:
    """A common noun for a quality, state or feeling ("continuing uncertainties", "the most common
    woes"); a relative word when the noun its clause describes is one ("uncertainties that have
    shown"). A name, a pronoun, a number ("16% said") or a body ("the bank", "the force") can speak."""
    if speaker.lower_ in _RELATIVE:
        clause = next((a for a in speaker.ancestors if a.dep_ in ("relcl", "acl")), None)
        return clause is not None and clause.head.lower_ not in _RELATIVE and cannot_speak(clause.head)
    if speaker.pos_ != "NOUN" or speaker.ent_type_:
        return False
    lemma = speaker.lemma_.lower()
    return lemma not in _BODIES_NAMED_AS_QUALITIES and event_lexicon().supersense(lemma) in _MUTE


def _trailing_speaker(verb: Token) -> Token | None:
    """", the country's forensic service said on Monday." when the parser left the verb without a
    subject (it often hangs the speaker on the previous noun as an apposition): the noun phrase
    between the last comma and the verb."""
    doc = verb.doc
    chunk = next((c for c in doc.noun_chunks if c.end == verb.i), None)
    if chunk is None or chunk.start == 0 or doc[chunk.start - 1].text != ",":
        return None
    return chunk.root if chunk.root.pos_ in ("NOUN", "PROPN") else None


def _coordinated_speaker(verb: Token) -> Token | None:
    """"Smith welcomed the apology and said ...": a speech verb coordinated with an active verb
    before it has that verb's subject as its speaker."""
    head = verb.head
    if verb.dep_ != "conj" or head.pos_ not in ("VERB", "AUX") or any(c.dep_ == "auxpass" for c in head.children):
        return None
    return next((c for c in head.children if c.dep_ == "nsubj"), None)


def _saying_noun(verb: Token) -> Token | None:
    """"a report claiming he warned", "a statement saying the plant will close": a speech verb's
    participle on a noun has that noun as its speaker."""
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None


def _name_before(verb: Token) -> Token | None:
    """"NADMO said ..." parsed with the name as a modifier of the verb: a proper noun right before
    the speech verb and attached to it is its speaker."""
    if verb.i == 0:
        return None
    prev = verb.doc[verb.i - 1]
    return prev if prev.head.i == verb.i and prev.pos_ == "PROPN" and prev.dep_ in ("advmod", "npadvmod", "dep") else None


def _denied(verb: Token, subj: Token) -> bool:
    """"Neither Moscow nor Pyongyang has confirmed" attributes nothing to them."""
    return any(c.dep_ == "neg" for c in verb.children) or any(
        c.lower_ in ("neither", "no", "none") for c in [subj, *subj.children])


# What a body puts out rather than who it is: "figures from the Office for National Statistics"
# are the office's word, as "a report by the IMF" is the IMF's.
ISSUED = frozenset({"figure", "data", "statistic", "number", "report", "survey", "study", "research", "estimate",
                     "document", "record", "poll", "analysis", "forecast", "release", "filing", "table", "list",
                     "ranking"})


def _issued_by(speaker: Token, name: str) -> list[Token | str]:
    """The sources of ``speaker`` written ``name``: the body that issued it when it is a document
    or figures (by its words as written: a name the model tagged in part stays whole)."""
    issuer = _issuer(speaker)
    return _split_sources(speaker, name) if issuer is speaker else [phrase(issuer)]


def _issuer(speaker: Token) -> Token:
    """The named body behind a document or figures that speak ("figures from the Office of the
    Deputy Prime Minister", "a poll by Gallup"), else ``speaker``. "of" names an issuer only for
    figures and data ("figures of the central bank"): a poll or survey of Germans asks Germans. A
    place or a people is no issuer ("reports from Gaza")."""
    if speaker.lemma_.lower() not in ISSUED:
        return speaker
    preps = {p.lower_: p for p in speaker.children if p.dep_ == "prep" and p.lower_ in ("by", "from", "of")}
    agents = [a for c in speaker.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"]
    if agents and "by" not in preps:
        preps["by"] = agents[0]  # "a table drawn up by Le Figaro"
    ways = ("by", "from", "of") if speaker.lemma_.lower() in ("figure", "data", "statistic", "number") else ("by", "from")
    for way in ways:
        body = next((g for g in preps[way].children if g.dep_ == "pobj"), None) if way in preps else None
        if body is not None and body.ent_type_ not in ("GPE", "LOC", "NORP", "FAC") and (
                body.pos_ == "PROPN" or body.ent_type_ in ("ORG", "PERSON") or named_noun(body)):
            return body
    return speaker


def _source_and_cited(subj: Token) -> tuple[str, list[str]]:
    """"military sources cited in South Korean media" -> ("military sources", ["South Korean media"])."""
    for child in subj.children:
        if child.dep_ == "acl" and child.lemma_ in ("cite", "quote"):
            media = [g for p in child.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
            if media:
                return phrase(subj), [phrase(media[0])]
    return phrase(subj), []


def _told(verb: Token) -> list[str]:
    if verb.lemma_ != "tell":
        return []
    return [phrase(c) for c in verb.children if c.dep_ in ("dative", "dobj", "iobj") and c.pos_ in ("PROPN", "NOUN")][:1]


def _citing(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "advcl" and child.lemma_ == "cite":
            obj = next((c for c in child.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
    return None


def _split_sources(head: Token, name: str) -> list[Token | str]:
    """"Western, South Korean and Ukrainian intelligence agencies" -> three sources."""
    left = min(t.i for t in head.subtree)
    while left > 1 and head.doc[left - 1].text == "," and head.doc[left - 2].ent_type_ == "NORP":
        left -= 2
    before = [t for t in head.doc[left : head.i] if t.dep_ not in ("det", "poss", "case")]
    if not any(t.dep_ == "cc" or t.text == "," for t in before):
        return [head if _is_named_by(head, name) else name]
    modifiers, nouns = _coordinated(before)
    if len(modifiers) < 2 or not all(m[:1].isupper() for m in modifiers):  # "the 200m and 400m record holder": one
        return [head if _is_named_by(head, name) else name]
    tail = " ".join([*nouns, head.text])
    return [f"{m} {tail}" for m in modifiers]


def _refers_back(name: str) -> bool:
    """"the ministry", "the agency": a description that means the source of that kind named before."""
    words = name.lower().split()
    named = any(w[:1].isupper() for w in name.split()[1:])
    return bool(words) and words[0] == "the" and len(words) <= 3 and words[-1] in _GENERIC and not named


def _is_named_by(head: Token, name: str) -> bool:
    """Whether ``name`` is simply the phrase ``head`` heads, so the head token can stand for it (and
    a pronoun or an appositive name can be resolved through it)."""
    return name == phrase(head)


def _coordinated(tokens: list[Token]) -> tuple[list[str], list[str]]:
    """Split "French , German and Italian intelligence" into (["French", "German", "Italian"], ["intelligence"])."""
    groups: list[list[str]] = [[]]
    for t in tokens:
        if t.text == "," or t.dep_ == "cc":
            groups.append([])
        else:
            groups[-1].append(t.text)
    groups = [g for g in groups if g]
    if len(groups) < 2:
        return [], []
    last = groups[-1]
    shared = [w for w in last[1:] if w[:1].islower()]
    groups[-1] = [w for w in last if w not in shared]
    if any(len(g) > 3 for g in groups):
        return [], []
    return [" ".join(g) for g in groups], shared


def _resolved(speaker: Token | str, gaz: Gazetteer, memory: Memory, resolve: Resolver | None) -> str | None:
    """A speaker's canonical name. A pronoun or relative word is never a source by itself: "he" is
    the person the article last named, "who" the noun its clause describes, "it"/"they" the source
    named last; when nothing is there, no source."""
    if isinstance(speaker, Token):
        if speaker.lower_ in _RELATIVE:
            clause = next((a for a in speaker.ancestors if a.dep_ in ("relcl", "acl")), None)
            return _resolved(phrase(clause.head), gaz, memory, resolve) if clause is not None else None
        written = owner_phrase(speaker)  # "Mr Obi's claim that ...": Mr Obi, as when he said it
        known = gaz.known_source(written)  # "Britain's Ministry of Defence": the gazetteer's name
        if known:
            return known
        if speaker.pos_ == "PRON" and speaker.lower_ not in ("he", "she", "him", "her"):
            own = _subject_above(speaker)
            if own is not None:
                return _resolved(own, gaz, memory, resolve)
            if speaker.lower_ == "it" and memory.last and plural_description(memory.last):
                # "According to its accounts, the council's reserves fell. ..., it said": "it" is
                # not the figures; the body just named, if one clearly is
                named = resolve(speaker) if resolve is not None else None
                return gaz.source_name(named) if named else None
            return memory.last if speaker.lower_ in ("it", "they", "we") else None
        named = resolve(speaker) if resolve is not None else None
        if named:  # "the cross-party committee" after "the Joint Committee on Human Rights": that body,
            return _as_remembered(gaz.source_name(named), memory)  # not the last speaker quoted, whoever they were
        if speaker.pos_ == "PRON":
            return None
        speaker = written
    name = speaker
    lowered = name.lower().strip()
    if lowered in _PRONOUNS or lowered in _RELATIVE or lowered in ("i", "you", "me", "us", "them", "him", "her"):
        return memory.last if lowered in _PRONOUNS and lowered not in ("he", "she") else None
    words = lowered.split()
    if _refers_back(name):  # "the Interior Ministry" names one; "the spy agency" refers back
        kind = {"agency": "agency", "service": "agency"}.get(words[-1])
        return memory.by_kind.get(kind or "", None) or memory.last or gaz.source_name(name)
    return gaz.source_name(name)


def _as_remembered(name: str, memory: Memory) -> str:
    """``name`` as the source was written when it spoke before ("Ministry of Defence" is the "UK
    Ministry of Defence" that said so a sentence ago)."""
    whole = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)")  # "UN" is no part of "UNICEF"
    for source in (memory.last, *memory.by_kind.values()):
        if source and name != source and whole.search(source):
            return source
    return name


def _subject_above(pronoun: Token) -> Token | None:
    """"The Greens have released what they say are full costings": "it", "they" or "we" speaking in a
    clause below another verb means that verb's subject, named before it, not the source the article
    named last. Only a name or a noun, never another pronoun."""
    if pronoun.lower_ not in ("it", "they", "we"):
        return None
    for verb in list(pronoun.head.ancestors)[:3]:
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            fits = subj.i < pronoun.i and subj.pos_ in ("PROPN", "NOUN") and subj.lower_ not in _RELATIVE
            return subj if fits else None
    return None


def attributions_of(doc: Doc, triggers: Sequence[Trigger], speech: dict[int, Attribution | None], said: Attribution | None,
                  said_by: Token | None, carried: Attribution | None) -> dict[int, Attribution | None]:
    """trigger token -> who the article says said it: the nearest speech verb above it whose speaker
    is named; else the sentence's own attribution ("according to", a trailing "police said"); else,
    inside a quotation that goes on from the sentence before, that sentence's speaker. A speech
    act itself, and anything said of the speaker in their own noun phrase, is the outlet's, unless
    it stands inside the quotation: then it is what the speaker said."""
    out: dict[int, Attribution | None] = {}
    for tr in triggers:
        found = None  # a speech act itself is the outlet's report that its speaker spoke
        if _background(tr.token) or _in_according_to(tr.token):
            out[tr.token.i] = None  # "reports say Standard Life, which owns 1%, may ...": what it owns is background
            continue
        below = tr.token
        for anc in tr.token.ancestors:
            if tr.speech and anc.i in speech and _beside(below, anc) and not inside_quotes(tr.token):
                break  # "..., said Mr Ross, but the test revealed that": a speech act of its own
            if anc.i in speech and (below.dep_ in _CONTENT_DEPS or continued_clause(below) is not None
                                    or anc.pos_ == "NOUN" and below == _said_clause(anc)):
                if below.dep_ == "xcomp" and _describes_a_noun_below(tr.token, below):
                    break  # "asked to see questionnaires completed by jurors": the outlet's description
                if speech[anc.i] is not None:
                    found = speech[anc.i]  # what was said, not "she said, after receiving her Oscar"
                    break
                if any(c.dep_ == "nsubj" for c in anc.children):
                    break  # "a report claiming he warned that X": X is his word, and who he is is not clear
            below = anc
        quoted = inside_quotes(tr.token)  # a speech act in a quotation is the quoted speaker's ('"I told him," she said')
        if found is None and said is not None and (not tr.speech or quoted) and (said_by is None or (
                tr.token.i != said_by.i and not _in_subject(tr.token, said_by) and tr.token not in said_by.subtree
                and not _narrated_after_quote(tr.token, said_by) and not _frames(tr.token, said_by)
                and not _acts_beside(tr.token, said_by))):
            found = said
        if found is None and said is not None and said_by is not None and said_by.i not in speech and tr.noun \
                and tr.token.dep_ == "dobj" and tr.token.head.i == said_by.i:
            found = said  # "figures showed a sharp rise": the rise is what the figures tell
        if found is None and carried is not None and quoted:
            found = carried
        out[tr.token.i] = found
    return out


# How what was said hangs on its speech verb: its clause, its infinitive, or the verb it is a parenthesis to.
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "conj", "dobj"})


def _describes_a_noun_below(t: Token, asked: Token) -> bool:
    """``t`` is a participle said of a noun inside what someone asked or offered to do ("asked to see
    questionnaires completed by jurors"): a request reports no words of the asker about that noun."""
    for a in [t, *t.ancestors]:
        if a.i == asked.i:
            return False
        if a.dep_ == "acl" and a.tag_ == "VBN" and a.head.pos_ in ("NOUN", "PROPN"):
            return True
    return False


def _beside(verb: Token, speech_verb: Token) -> bool:
    """A verb coordinated with a speech verb that has a subject of its own ("Smith said so, but the
    test revealed"). Only for a speech verb: the parser hangs a second clause of what was said on
    the speech verb as often ("said PBS could lose money, and it could also deter stations": of the
    15 verbs so coordinated in 250 BBC articles, shuffled with seed 5, about half were content)."""
    return verb.dep_ == "conj" and verb.head.i == speech_verb.i and verb.pos_ in ("VERB", "AUX") \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _background(t: Token) -> bool:
    """Inside a non-restrictive relative clause or an apposition ("Standard Life, which owns a 1%
    stake"): what the outlet tells the reader about someone, not part of what is reported."""
    for a in [t, *t.ancestors]:
        if a.dep_ == "appos" or set_off_after_a_noun(a) is not None:
            return True  # "..., due to come into force next month, ...": said of the noun, by the outlet
        if a.dep_ == "relcl":
            first = min(x.i for x in a.subtree)
            return first > 0 and a.doc[first - 1].text == ","
    return False


def _in_according_to(t: Token) -> bool:
    """Inside the phrase that names the source ("according to a table drawn up by Le Figaro"): what
    the outlet says of the source, not what the source says."""
    return any(a.lower_ == "according" for a in t.ancestors)


def _frames(t: Token, verb: Token) -> bool:
    """The speech verb hangs below ``t`` in a clause of its own ("X set up an airline, while Branson
    has said he is keen to"; "cut jobs after the union said"): ``t`` is the outlet's, not what was
    said. "as Smith said" still reports Smith's word."""
    for a in [verb, *verb.ancestors]:
        if a.head.i == t.i:
            return a.dep_ in ("advcl", "relcl", "acl") and not any(c.lower_ == "as" and c.dep_ == "mark"
                                                                    for c in a.children)
        if a.head.i == a.i:
            return False
    return False


def _acts_beside(t: Token, verb: Token) -> bool:
    """"Smith welcomed the apology and said ...", "Jones played down his defeat and insisted ...":
    what the verbs coordinated before the speech verb tell is the speaker's act, told by the
    outlet, not part of what was said."""
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return first.i != verb.i and t in first.subtree and t not in verb.subtree


def _narrated_after_quote(t: Token, verb: Token) -> bool:
    """'"I am not used to this," she said, after receiving her Oscar': what follows the speech verb
    of a quotation, outside the quotation marks, is the outlet's own telling."""
    return t.i > verb.i and not inside_quotes(t) and any(x.text in _QUOTE_MARKS for x in t.doc[: verb.i])


def _in_subject(t: Token, verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and t in c.subtree for c in verb.children)


_FIRST_AND_SECOND = frozenset({"i", "me", "my", "we", "us", "our", "you", "your"})


def unmarked_end_of_quote(doc: Doc, said_by: Token | None) -> bool:
    """A sentence that starts inside a quotation left open before it, holds no quote mark of its
    own and no "I", "we" or "you", and names its own speaker as a speech verb's subject
    ('... when this happens. Meanwhile, club spokesman Tom Reilly said ...'): the closing mark is
    missing from the text, and this is the outlet telling again. A speaker quoting someone else
    within a quotation is told in the first person around it ("the coach told me")."""
    words = [t for t in doc if not t.is_space]
    if words and words[-1].text in _QUOTE_MARKS:
        words = words[:-1]  # 'apologise. "His': the next sentence's opening mark, left at this one's end
    if not doc.user_data.get("quote_open") or said_by is None or any(t.text in _QUOTE_MARKS for t in words):
        return False
    if any(t.lower_ in _FIRST_AND_SECOND for t in doc):
        return False
    speaker = next((c for c in said_by.children if c.dep_ == "nsubj"), None) or _coordinated_speaker(said_by)
    return speaker is not None and speaker.pos_ == "PROPN"


def continues_quote(doc: Doc) -> bool:
    """Whether the sentence opens with a quote mark: it may go on with the speaker before."""
    first = next((t for t in doc if not t.is_space), None)
    return first is not None and first.text in ('"', "“")
