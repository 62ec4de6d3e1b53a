"""Article -> Claims: one claim per event mention. The steps, per article:

1. split into sentences (rule-based, cheap) and keep those that can hold a claim;
2. parse the kept sentences in one ``nlp.pipe`` batch across all articles;
3. per sentence, in reading order: the names it mentions (for "he", "the company" later on);
   its time expressions; its speech acts and who they attribute what to;
4. per event trigger (a verb or event noun, ``triggers``): its event class, arguments resolved to
   the entities they mean, negation, modality, time, place and attribution; each number
   (``quantities``) belongs to the event of its clause and makes that claim a quantity claim;
5. each claim spans its own clause or phrase (``spans``) and records its trigger's offsets;
   ``article.text[start:end] == claim.text`` always.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..lexicon.events import EventLexicon, event_lexicon
from ..lexicon.gazetteer import Gazetteer, gazetteer
from ..records import Article, Attribution, Claim, Quantity, Span
from ..timex import Anchor, anchor_of, durations, mentions
from ..workers import stop_now, worker_pool
from .arguments import arguments_of
from .attribution import (
    ISSUED,
    Memory,
    attribution_at,
    attribution_with_verb,
    attributions_of,
    continues_quote,
    saying_nouns,
    unmarked_end_of_quote,
)
from .entities import Entities, quote_state
from .modality import RAISING, hearsay_passive, modality_of
from .names import actor_name, argument_name
from .parse import load_resources, one_blas_thread, parsed, sentence_cased, sentence_spans, worth_parsing
from .places import place_of
from .quantities import Found, quantities_in
from .spans import char_span, clause_tokens
from .syntax import doc_text, phrase
from .timing import TimeAt, time_of, times_in, when_of
from .triggers import Trigger, negated_in_its_phrase, triggers_in

SUPPORTED_LANGUAGES = ("en",)
PARALLEL_MIN_ARTICLES = 40  # below this, starting worker processes costs more than it saves
BATCH_ARTICLES = 48  # about 900 sentences of news: one full parse batch (parse.PARSE_BATCH)
# Predicates a number carries itself, whatever verb it hangs on ("the death toll rose to 131" counts deaths).
_MEASURE_PREDICATES = {"killed", "casualties"}


def claims_of(articles: Sequence[Article], *, n_process: int = 1,
              progress: Callable[[int, int], None] | None = None) -> tuple[list[Claim], list[str]]:
    """Claims of every article in ``articles``, and notes on the articles that were skipped.

    With ``n_process`` > 1, batches of whole articles go to worker processes, each parsing and
    extracting on its own: only articles and claims cross between processes, never parses.
    """
    notes = [f"article {a.id} ({a.source}) is in '{a.language}', not English: no claims extracted"
             for a in articles if a.language not in SUPPORTED_LANGUAGES]
    todo = [a for a in articles if a.language in SUPPORTED_LANGUAGES]
    batches = [todo[i:i + BATCH_ARTICLES] for i in range(0, len(todo), BATCH_ARTICLES)]
    claims: list[Claim] = []
    if n_process <= 1 or len(todo) < PARALLEL_MIN_ARTICLES:
        results: Iterable[list[Claim]] = map(claims_of_batch, batches)
        pool = None
    else:
        load_resources()  # once here; forked workers share it
        pool = worker_pool(n_process)
        results = pool.map(claims_of_batch, batches)
    try:
        for n, found in enumerate(results, 1):
            claims.extend(found)
            if progress:
                progress(min(n * BATCH_ARTICLES, len(todo)), len(todo))
    except BaseException:
        if pool is not None:
            stop_now(pool)  # an interrupt ends the workers now, not after their batches
        raise
    if pool is not None:
        pool.shutdown()
    return claims, notes


@dataclass
class Reading:
    """What one article has said so far, as its sentences are read in order."""

    memory: Memory
    entities: Entities
    last_attribution: Attribution | None = None
    quote_open: bool = False  # the sentence read last ended inside a quotation
    ids: set[str] = field(default_factory=set)


def claims_of_batch(articles: Sequence[Article]) -> list[Claim]:
    """Claims of English ``articles``: candidate sentences parsed in one ``nlp.pipe`` batch."""
    gaz, lex = gazetteer(), event_lexicon()
    jobs = [(a, s, a.text[s:e]) for a in articles for s, e in sentence_spans(a.text) if worth_parsing(a.text[s:e])]
    claims: list[Claim] = []
    readings: dict[str, Reading] = {}
    with one_blas_thread():
        texts = [sentence_cased(j[2], lex.is_verb) for j in jobs]
        for (article, start, original), doc in zip(jobs, parsed(texts), strict=True):
            if doc_text(doc) != original:
                doc.user_data["original"] = original
            reading = readings.setdefault(article.id, Reading(Memory(), Entities(lex)))
            claims.extend(sentence_claims(article, start, doc, gaz, lex, reading, anchor_of(article.published)))
    return claims


@dataclass(frozen=True)
class Sentence:
    """One parsed sentence of an article, with what all its claims share."""

    article: Article
    start: int
    doc: Doc
    times: list[TimeAt]
    reading: Reading
    gaz: Gazetteer
    lex: EventLexicon


def sentence_claims(article: Article, start: int, doc: Doc, gaz: Gazetteer, lex: EventLexicon, reading: Reading,
                    anchor: Anchor | None) -> list[Claim]:
    """The claims of one parsed sentence of ``article`` (at ``start`` in its text), read in order."""
    text = doc_text(doc)
    doc.user_data["quote_open"] = reading.quote_open and not _opens_paragraph(article.text, start)
    doc.user_data["spaced_end"] = article.text[start + len(text):start + len(text) + 1] == " "
    reading.entities.read(doc)
    found = mentions(text)
    excluded = [(m.start, m.end) for m in found] + [(s, e) for s, e, _, _ in durations(text)]
    s = Sentence(article, start, doc, times_in(doc, found, anchor, gaz), reading, gaz, lex)
    said, said_by = attribution_with_verb(doc, gaz, reading.memory, article.outlet, reading.entities.name_of)
    if unmarked_end_of_quote(doc, said_by):
        doc.user_data["quote_open"] = False
        reading.quote_open = False  # its speaker is not carried into this sentence
    if said is not None:
        reading.entities.quote_speaker = said.source  # "'I will not resign,' the governor said": I is the governor
    triggers = [tr for tr in triggers_in(doc, gaz, lex) if not _told_by(tr, said, said_by)]
    speech = {tr.token.i: attribution_at(tr.token, gaz, reading.memory, article.outlet, reading.entities.name_of)
              for tr in triggers if tr.speech}
    speech |= saying_nouns(doc, gaz, reading.memory, article.outlet, reading.entities.name_of)
    attributed = attributions_of(doc, triggers, speech, said, said_by, reading.last_attribution)
    out = _claims_of_triggers(s, triggers, quantities_in(doc, gaz, excluded), attributed, said)
    _read_on(reading, doc, said)
    return [c for c in out if _new_id(c, reading)]


def _opens_paragraph(text: str, start: int) -> bool:
    """The sentence at ``start`` begins a paragraph: a quotation that goes on into it opens again
    with a mark of its own, so an unclosed one before it has ended."""
    before = text[max(0, start - 200):start].rstrip(" \t")
    return not before or before.endswith("\n")


def _told_by(tr: Trigger, said: Attribution | None, said_by: Token | None) -> bool:
    """A speech verb in the passive with no agent, in a sentence whose speaker is named by another
    ('"... shareholders are advised that no deal was reached," Absa said'): the same statement,
    told from the hearer's side; the named speech act is its claim."""
    t = tr.token
    return tr.speech and said is not None and said_by is not None and said_by.i != t.i \
        and any(c.dep_ == "auxpass" for c in t.children) and not any(c.dep_ == "agent" for c in t.children)


def _claims_of_triggers(s: Sentence, triggers: list[Trigger], numbers: list[Found],
                        attributed: dict[int, Attribution | None], said: Attribution | None) -> list[Claim]:
    """A claim per number (of the event it measures) and per event no number already states."""
    by_token = {tr.token.i: tr for tr in triggers}
    out: list[Claim] = []
    measured: set[int] = set()
    for q in numbers:
        if _conversion(q):
            continue  # "$30.2m (£15.5m)": the same amount in another currency
        trigger = _event_of(q, by_token)
        if trigger is None and q.quantity.kind == "count" and q.quantity.unit is None and not _sized(q.token):
            continue  # "to join the five in the chamber", "2+2=5": a number of nothing, in no event
        if trigger is not None and not trigger.negated:
            measured.add(trigger.token.i)
        if q.unit_token is not None:
            measured.add(q.unit_token.i)  # "100 deaths": the count is the event
        out.append(_quantity_claim(s, q, trigger, attributed.get(trigger.token.i if trigger else -1, said)))
    for tr in triggers:
        if tr.token.i not in measured and not _restates(tr, by_token):
            out.append(_event_claim(s, tr, attributed.get(tr.token.i), by_token))
    return out


def _read_on(reading: Reading, doc: Doc, said: Attribution | None) -> None:
    """What the next sentence inherits: whether a quotation is still open, and whose it is."""
    if said is not None:
        reading.last_attribution = said
    elif not (reading.quote_open or continues_quote(doc)):
        reading.last_attribution = None  # a quotation that goes on keeps its speaker; anything else ends it
    reading.quote_open = quote_state(doc, len(doc))


def _conversion(q: Found) -> bool:
    """A sum in brackets right after another sum: a conversion of it, not a second figure."""
    doc, t = q.token.doc, q.token
    start = t.i
    while start > 0 and doc[start - 1].text in ("£", "$", "€", "¥", "US$") or (start > 0 and doc[start - 1].like_num):
        start -= 1
    return q.quantity.kind == "money" and start > 0 and doc[start - 1].text == "(" and start > 1 \
        and (doc[start - 2].like_num or doc[start - 2].lower_ in ("m", "bn", "million", "billion", "k"))


def _event_of(q: Found, by_token: dict[int, Trigger]) -> Trigger | None:
    """The event a number measures: the nearest trigger above it in its own clause (not a speech verb
    above the clause: in "officials said 14 died", 14 measures the dying). A number that describes
    the one thing that acts ("Primer, a $7,000 tale, won") measures no event."""
    if _describes_the_subject(q, by_token) or _sized(q.token):
        return None
    for anc in [q.token, *q.token.ancestors]:
        tr = by_token.get(anc.i)
        if tr is not None and tr.noun and q.unit_token is not None and anc.i == q.unit_token.i \
                and anc.dep_ in ("dobj", "nsubjpass") and anc.head.i in by_token:
            tr = by_token[anc.head.i]  # "cut 500 jobs", "500 jobs will go": the cutting, counted
        if tr is not None:
            return None if tr.speech else tr
        if anc.dep_ in ("ccomp", "advcl", "relcl", "conj", "parataxis") and anc.pos_ in ("VERB", "AUX"):
            return None
        if anc.dep_ == "xcomp" and anc.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in anc.children):
            return None  # "tried to join the five": a number of what was only aimed at measures no attempt
    return None


def _sized(number: Token) -> bool:
    """"a place in the 32-strong squad": a number joined by a hyphen to a word that describes a noun
    after a preposition gives that thing's size, not an amount of the event."""
    doc = number.doc
    after = doc[number.i + 1] if number.i + 1 < len(doc) else None
    if after is None or after.text not in ("-", "–") or number.whitespace_ or after.whitespace_:
        return False
    word = doc[after.i + 1] if after.i + 1 < len(doc) else None
    return word is not None and word.dep_ in ("amod", "compound") and word.head.pos_ in ("NOUN", "PROPN") \
        and word.lower_ not in _TIME_WORDS and word.head.dep_ == "pobj"  # "arrested a 40-strong gang" counts arrests


_TIME_WORDS = {"year", "month", "week", "day", "hour", "minute", "second", "decade"}  # "a 10-year sentence"


def _describes_the_subject(q: Found, by_token: dict[int, Trigger]) -> bool:
    """The number is said before a singular noun of the subject that acts ("a $7,000 tale won", "the
    12-member jury convicted"): a property of that thing, not an amount of its event. Not a share
    or a sum itself ("40% of voters backed"), nor what is acted on ("a $10bn package was approved")."""
    number = q.token
    noun = next((a for a in number.ancestors if a.pos_ in ("NOUN", "PROPN")), None)
    while noun is not None and noun.dep_ in ("compound", "amod", "nmod") and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head  # "the 12-member jury": the jury
    if noun is None or noun.i in by_token or noun.tag_ not in ("NN", "NNP") or noun.i < number.i:
        return False
    if noun.text == "%" or (q.unit_token is not None and noun.i == q.unit_token.i):
        return False
    while noun.dep_ == "appos":
        noun = noun.head
    return noun.dep_ == "nsubj"


def _restates(tr: Trigger, by_token: dict[int, Trigger]) -> bool:
    """An event noun inside a verb's clause of the same class: "a powerful earthquake struck", "have
    not engaged in combat": one event, not two."""
    if not tr.noun:
        return False
    for anc in tr.token.ancestors:
        other = by_token.get(anc.i)
        if other is not None and other.predicate == tr.predicate:
            return True
        if anc.pos_ in ("VERB", "AUX"):
            return False
    return False


def _governing_verb(t: Token, by_token: dict[int, Trigger]) -> Token | None:
    """The verb an event noun is an argument of, when that verb states no event itself: "made an
    incursion", "there has been no combat activity", "seen in combat". The noun's claim is then
    that verb's clause, which holds its time and place."""
    head = t.head.head if t.dep_ == "pobj" and t.head.dep_ == "prep" else t.head
    if t.dep_ not in ("dobj", "attr", "pobj", "nsubj", "nsubjpass", "oprd") or head.i == t.i:
        return None
    if head.pos_ not in ("VERB", "AUX") or head.i in by_token:
        return None
    return head


def _quantity_claim(s: Sentence, q: Found, trigger: Trigger | None, attribution: Attribution | None) -> Claim:
    predicate = q.predicate if q.predicate in _MEASURE_PREDICATES or q.predicate in s.gaz.states.values() \
        else trigger.predicate if trigger is not None else _direction(q, s) or q.predicate or "count"
    share = q.unit_token is not None and (q.unit_token.pos_ == "PRON" or q.unit_token.lower_ in _SHARE_WORDS)
    if share:  # "1,404 of them", "329 others": part of a figure given before; counted, not compared
        predicate = "count"
    anchor = trigger.token if trigger is not None else q.token
    args = arguments_of(trigger.token, noun=trigger.noun) if trigger is not None else None
    container = args is not None and args.subject is not None and args.subject.lemma_.lower() in _CONTAINERS
    subject, subject_text = _named(None if container else args.subject if args else None, s,
                                   attribution.source if attribution else None)
    if container and q.quantity.unit and q.quantity.kind == "count":
        subject, subject_text = q.quantity.unit, None  # "the death toll rose to 131": 131 deaths
    obj, obj_text = _object_named(args.object if args else None, s, subject)
    if args is None and q.unit_token is not None and q.unit_token.pos_ in ("NOUN", "PROPN"):
        subject, subject_text = actor_name(q.unit_token, s.gaz), phrase(q.unit_token)  # "31 climbers were missing"
    if share:
        subject = subject_text = None
    head = _raised(_clause_head(anchor))
    first, last = clause_tokens(head, speech=head.i != _clause_head(anchor).i, noun=bool(trigger and trigger.noun))
    first = min(first, q.token, key=lambda t: t.i)
    last = max(last, q.token, key=lambda t: t.i)
    kind = "event" if trigger is not None else "quantity"  # a number of an event is that event, measured
    return _claim(s, first, last, kind, predicate, clause=head, trigger=trigger, number=q.token, quantity=q.quantity,
                  subject=subject, subject_text=subject_text, object=obj, object_text=obj_text,
                  negated=False, attribution=attribution, modality=modality_of(anchor, attributed=attribution is not None))


def _raised(t: Token) -> Token:
    """The clause a hedging verb wraps around ``t``'s: "Since mid-January, it appears that the troops
    have not fought", "the deal is said to be worth $5m" are one claim each, hedge included."""
    while (t.dep_ == "ccomp" and t.head.lemma_.lower() in RAISING) or \
            (t.dep_ == "xcomp" and hearsay_passive(t.head, forecasts=True)):
        t = t.head
    return t


_DIRECTIONS = {"up": "rise", "higher": "rise", "down": "fall", "lower": "fall", "off": "fall"}
_DIRECTION_HOPS = 4  # number -> "%" -> "up"; number -> "euros" -> "from" -> "up"


def _direction(q: Found, s: Sentence) -> str | None:
    """"(up 8.1%)", "down 3%", "10bn euros, up 8.1% from 9.26bn euros": a change with no verb, the
    class of rising or falling (the word is found above the number, below any verb)."""
    word = None
    for anc in list(q.token.ancestors)[:_DIRECTION_HOPS]:
        if anc.pos_ in ("VERB", "AUX") or (anc.dep_ == "prep" and anc.lower_ in ("from", "since")):
            break  # "up 6.5% from 3.76bn": the figure it rose from is no rise
        if anc.lower_ in _DIRECTIONS and anc.pos_ in ("ADV", "ADP", "ADJ"):
            word = _DIRECTIONS[anc.lower_]
            break
    if word is None:
        return None
    sense = s.lex.best_sense(word, {})
    return sense.predicate if sense is not None else None


def _clause_head(t: Token) -> Token:
    """The verb whose clause ``t`` stands in (``t`` itself for a verb or an event noun); a copula
    under another verb gives that verb's clause ("estimate the figure to be at least 1,000")."""
    if t.pos_ in ("VERB", "AUX", "NOUN"):
        return t
    verb = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), t)
    if verb.lemma_ == "be" and verb.dep_ in ("xcomp", "ccomp") and verb.head.pos_ == "VERB":
        return verb.head
    return verb


_SHARE_WORDS = {"them", "whom", "which", "those"}
# Nouns that hold a count rather than act: "the death toll rose to 131" is about deaths, not a toll.
_CONTAINERS = {"toll", "number", "figure", "total", "count", "tally", "estimate", "death", "casualty"}


def _event_claim(s: Sentence, tr: Trigger, attribution: Attribution | None, by_token: dict[int, Trigger]) -> Claim:
    args = arguments_of(tr.token, noun=tr.noun)
    subject, subject_text = _named(args.subject, s, attribution.source if attribution else None)
    obj, obj_text = _object_named(args.object, s, subject)
    verb = _governing_verb(tr.token, by_token) if tr.noun else None
    if verb is not None and args.subject is None:  # "troops have not been seen in combat": the troops fought
        governing = arguments_of(verb, noun=False)
        actor = governing.subject or governing.object
        inside = tr.token.dep_ != "pobj" or tr.token.head.lower_ in ("in", "into", "during")  # "seen in combat"
        if actor is not None and actor.lemma_.lower() in ISSUED:
            actor = None  # "the survey recorded a price rise": the survey tells of the rise, nothing rose of it
        if inside and actor is not None and actor.i != tr.token.i and tr.token not in actor.subtree:
            subject, subject_text = _named(actor, s)
    if tr.noun and subject is None:
        subject, subject_text = _named(_measure_changed(tr.token, s.lex), s)
    head = _raised(verb if verb is not None else tr.token)
    first, last = clause_tokens(head, speech=tr.speech or head.i != (verb or tr.token).i, noun=tr.noun and verb is None)
    return _claim(s, first, last, "event", tr.predicate, clause=head, trigger=tr, number=None, quantity=None,
                  subject=subject, subject_text=subject_text,
                  object=obj, object_text=obj_text, attribution=attribution,
                  negated=tr.negated and (verb is not None or not tr.noun or negated_in_its_phrase(tr.token)),
                  modality=modality_of(tr.token, attributed=attribution is not None), speech=tr.speech)


def _named(t: Token | None, s: Sentence, speaker: str | None = None) -> tuple[str | None, str | None]:
    return argument_name(t, s.reading.entities, s.gaz, speaker)


def _measure_changed(t: Token, lex: EventLexicon) -> Token | None:
    """What a noun of change is a change in: "a rise in unemployment", "a price rise" (a common
    noun, not a place: "a rise in London" says where)."""
    senses = lex.noun_senses(t.lemma_.lower())
    if not senses or lex.class_file(senses[0].name) != "verb.change":
        return None
    inside = next((g for c in t.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children
                   if g.dep_ == "pobj"), None)
    compound = next((c for c in t.children if c.dep_ == "compound" and c.pos_ == "NOUN"), None)
    measure = inside or compound
    return measure if measure is not None and measure.pos_ == "NOUN" and not measure.ent_type_ else None


def _object_named(t: Token | None, s: Sentence, subject: str | None) -> tuple[str | None, str | None]:
    """The object's name; a description never means the subject of its own event ("Microsoft
    bought the software maker" is not Microsoft buying itself): it keeps its own words then."""
    obj, obj_text = _named(t, s)
    if t is not None and obj is not None and obj == subject and t.pos_ != "PROPN" and not t.ent_type_ \
            and t.lower_ not in _REFLEXIVE:
        return actor_name(t, s.gaz), obj_text
    return obj, obj_text


_REFLEXIVE = {"himself", "herself", "itself", "themselves"}


def _claim(s: Sentence, first: Token, last: Token, kind: str, predicate: str, *, clause: Token, trigger: Trigger | None,
           number: Token | None, quantity: Quantity | None, attribution: Attribution | None, negated: bool,
           subject: str | None, subject_text: str | None, object: str | None, object_text: str | None,
           modality: str, speech: bool = False) -> Claim:
    lo, hi = char_span(first, last)
    anchor = trigger.token if trigger is not None else number
    assert anchor is not None
    times = [t for t in s.times if t.speech] if trigger is not None and trigger.speech else \
        [t for t in s.times if t.speech or _dates(t.token, anchor)]  # the day it was said dates a count as of then
    own = [t for t in times if number is not None and _dates_number(t.token, number)]
    times = own or times  # "9.5% in 2004, above 2003's 9.1%": 9.1% is 2003's
    when = when_of(anchor, times)  # a speech act is dated only by the time of its saying
    at = time_of(anchor, times) if when is not None else None
    if at is not None and _reaches(s, clause, lo, hi, at):
        # the claim holds the time it is about: "Since mid-January, it appears ... have not fought"
        before = s.doc[at.token.i - 1] if at.token.i > 0 else None
        start = before.idx if before is not None and before.dep_ == "prep" and at.token.head.i == before.i else at.mention.start
        lo, hi = min(lo, start), max(hi, at.mention.end)  # "In December", not "December"
    begin, end = s.start + lo, s.start + hi
    span = None
    if trigger is not None:
        t0, t1 = char_span(*sorted((trigger.token, trigger.last), key=lambda t: t.i))
        begin, end = min(begin, s.start + t0), max(end, s.start + t1)
        span = Span(s.start + t0, s.start + t1, s.article.text[s.start + t0 : s.start + t1])
    key = f"{s.article.id}:{s.start + anchor.idx}:{kind}:{predicate}:{s.start + number.idx if number is not None else ''}"
    cid = hashlib.sha1(key.encode()).hexdigest()[:16]
    where_exclude = f"{attribution.text if attribution else ''} {subject or ''}"
    return Claim(id=cid, article=s.article.id, start=begin, end=end, text=s.article.text[begin:end], kind=kind,  # type: ignore[arg-type]
                 predicate=predicate, subject=subject, negated=negated, quantity=quantity,
                 when=when, where=place_of(s.doc, anchor, where_exclude), attribution=attribution,
                 modality=modality, trigger=span, subject_text=subject_text, object=object, object_text=object_text,
                 speech=speech)  # type: ignore[arg-type]


def _reaches(s: Sentence, clause: Token, lo: int, hi: int, at: TimeAt) -> bool:
    """Whether a claim's span stretches to its time expression: one inside its own clause, or one
    of a speech verb over it with nothing but that verb between ("In December, the agency reported
    that ..."). Not over another verb's words ("checks into rehab to begin a stint, lawyer says
    May 2"): the span would then hold that event too, and a reader of the claim takes it for this one's."""
    if clause.left_edge.i <= at.token.i <= clause.right_edge.i:
        return True
    gap = [t for t in s.doc if (at.mention.end <= t.idx < lo) or (hi <= t.idx and t.idx + len(t) <= at.mention.start)]
    return not any(t.pos_ == "VERB" and t.lemma_.lower() not in s.gaz.speech_verbs for t in gap)


def _dates_number(time: Token, number: Token) -> bool:
    """A time expression inside the number's own phrase ("2003's 9.1%", "the 2004 total of 300")."""
    noun = {number.i, number.head.i}
    for anc in [time, *time.ancestors]:
        if anc.i in noun and anc.i != time.i:
            return True
        if anc.pos_ in ("VERB", "AUX"):
            return False
    return False


def _dates(time: Token, anchor: Token) -> bool:
    """Whether a time expression can date the event at ``anchor``: the verb it hangs on is that
    event's, one above it, or one inside it that names no other event ("since mid-January, it
    appears that they have not fought"). A time in another clause ("which accounted for 46% in
    2004") dates that clause's event."""
    verb = next((a for a in time.ancestors if a.pos_ in ("VERB", "AUX")), None)
    path = [a for a in time.ancestors if verb is None or a.i != verb.i and verb in a.ancestors]
    described = next((a for a in path if a.dep_ == "appos"), None)
    if described is not None and anchor not in described.subtree:
        return False  # "Viotti, director since 2002, conducted at La Scala": the role's time, not the act's
    if _names_a_thing(time) and anchor not in time.head.subtree:
        return False  # "expect the 2010 target to be dropped": the target's year, not the dropping's
    if verb is None or verb.i == anchor.i:
        return True
    if verb in anchor.ancestors:
        return not _own_clause_below(anchor, verb, time)
    if verb not in anchor.subtree:
        return False
    if _aim_or_hedge(verb):
        return True
    return verb.dep_ not in _OWN_CLAUSES  # "the referendum, expected in 2006": its own event


# Clauses whose verb is an event with a time of its own ("after slumping during 2001", "as the
# country battled", "which was built in 1990", "found in 2004 that prices had risen").
_OWN_CLAUSES = frozenset({"relcl", "conj", "ccomp", "acl", "advcl", "pcomp"})
_OWN_CLAUSES_BELOW = _OWN_CLAUSES - {"conj"}


def _aim_or_hedge(verb: Token) -> bool:
    """"it appears", or an aim ("sent to fight ... last November"): no event with a time of its own."""
    return verb.dep_ == "advcl" and (verb.lemma_.lower() in RAISING or any(c.dep_ == "aux" and c.lower_ == "to"
                                                                            for c in verb.children))


def _own_clause_below(anchor: Token, verb: Token, time: Token) -> bool:
    """Whether ``anchor`` sits in a clause of its own under ``verb`` (a time on ``verb`` then dates
    ``verb``'s event only: "picked up in 2004 after slumping", "fell in May as the firm battled");
    events coordinated with ``verb`` share its time ("was charged on Monday and released"), and so
    does a clause said of the time itself ("since September 2022, when it reported 5,937 deaths")."""
    node = anchor
    while node.i != verb.i and node.head.i != node.i:
        if node.dep_ in _OWN_CLAUSES_BELOW and node.pos_ in ("VERB", "AUX") and not _aim_or_hedge(node) \
                and node.head.lemma_.lower() not in RAISING \
                and node.head not in time.subtree:  # "since January, it appears that they have not fought"
            return True
        if node.dep_ == "conj" and _present(node) and _past(node.head):
            return True  # "was finished in 2019 and protects 900 homes": what it does now has no such date
        node = node.head
    return False


def _present(verb: Token) -> bool:
    """A verb in the simple present, with no auxiliary ("creates", "run")."""
    return verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _past(verb: Token) -> bool:
    """A verb in a past tense ("started", "was started", "had left")."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return verb.tag_ == "VBD" or verb.tag_ == "VBN" and bool(auxes & {"was", "were", "had"})


def _names_a_thing(time: Token) -> bool:
    """A year or date written before a noun that is no time itself ("the 2010 target", "its 2005
    budget", "the March 3 meeting"): it tells which thing, dated or not; the event the noun takes
    part in has no time from it."""
    head = time.head
    return time.dep_ in ("nummod", "compound", "amod", "nmod") and time.i < head.i and head.pos_ in ("NOUN", "PROPN") \
        and head.ent_type_ not in ("DATE", "TIME")


def _new_id(c: Claim, reading: Reading) -> bool:
    """Ids are unique: a second claim with the same id (the same trigger, kind, predicate and
    number) would be the same claim twice."""
    if c.id in reading.ids:
        return False
    reading.ids.add(c.id)
    return True
