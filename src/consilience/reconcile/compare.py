"""Comparisons of claims: time overlap and quantity intervals (pure functions)."""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from difflib import SequenceMatcher
from functools import lru_cache

from ..lexicon.events import event_lexicon
from ..lexicon.gazetteer import POSSESSIVE, gazetteer
from ..lexicon.numbers import VAGUE, WORDS
from ..records import Article, Claim, Quantity, When
from ..timex.recognize import MONTHS, WEEKDAYS
from .entities import PEOPLE_WORDS, PRONOUNS, TITLES, clock_word, core_words, is_person_like, names_nobody, same_entity
from .measure import kind_of, unit_key

FAR_FUTURE = date(9999, 12, 31)


def time_span(when: When | None) -> tuple[date, date] | None:
    if when is None or not when.start:
        return None
    return when.start, when.end or FAR_FUTURE


def times_compatible(a: When | None, b: When | None) -> bool:
    """Unknown time is compatible with any; known times must overlap."""
    sa, sb = time_span(a), time_span(b)
    if sa is None or sb is None:
        return True
    return sa[0] <= sb[1] and sb[0] <= sa[1]


def interval(q: Quantity) -> tuple[float, float]:
    lo = q.low if q.low is not None else -math.inf
    hi = q.high if q.high is not None else math.inf
    if q.qualifier == "more_than":
        lo = q.value + 1e-9
    if q.qualifier == "less_than":
        hi = q.value - 1e-9
    return lo, hi


def quantities_overlap(a: Quantity, b: Quantity) -> bool:
    la, ha = interval(a)
    lb, hb = interval(b)
    return la <= hb and lb <= ha


_FUNCTION_WORDS = {"the", "a", "an", "these", "those", "this", "that", "their", "its", "his", "her", "some", "all",
                   "of", "and", "or", "neither", "nor", "both", "other", "more", "many", "most", "several",
                   "in", "on", "at", "for", "to", "from", "with", "by", "into", "over", "about", "as", "first",
                   "big", "new", "last", "next", "part"}  # "increases in funds for schools" and "a battle for access" share nothing


def _content(text: str) -> set[str]:
    """Content words (plurals made singular), plus the actor group (``actors`` in the predicate table)
    of any that names one."""
    words = {_singular(w.strip(".,'’\"").lower()) for w in text.split()} - _FUNCTION_WORDS
    gaz = gazetteer()
    groups = {f"<actor {g}>" for g in map(gaz.actor_group, words) if g is not None}
    return {w for w in words if w} | groups


def subjects_compatible(a: str | None, b: str | None) -> bool:
    """Unknown subject fits any; known ones must share a content word or an actor class
    ("North Korean troops" ~ "these soldiers"; "Pyongyang" !~ "troops")."""
    if not a or not b:
        return True
    return bool(_content(a) & _content(b))


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


# Share of the smaller saying's content words the other must hold for two reports of a speech act
# to be one saying (set on BBC stories: one speaker's different statements share under a third of
# their words; one statement told twice, most).
SAME_SAYING = 0.5
_WORD = re.compile(r"[a-z0-9][a-z0-9'’-]*")


def same_saying(a: Claim, b: Claim) -> bool:
    """Two speech acts report one saying: beyond the speaker's name and the speech word, the words
    of what was said are mostly the same ("Microsoft said it would buy Sybari" is not "Microsoft
    said the toolkit would be available")."""
    wa, wb = said_words(a), said_words(b)
    if min(len(wa), len(wb)) < 2:
        return a.text.strip().lower() == b.text.strip().lower()
    return len(wa & wb) >= max(2, SAME_SAYING * min(len(wa), len(wb)))  # one shared word ("work") is chance


def head_noun(description: str) -> str:
    """The noun a description is about: its last word before a preposition or clause ("rise in child
    tax credit": "rise"; "free school meals for infants": "meal")."""
    words = _WORD.findall(description.lower())
    for k, w in enumerate(words):
        if w in _HEAD_ENDS and k:
            words = words[:k]
            break
    return _singular(words[-1]) if words else ""


_HEAD_ENDS = {"of", "for", "in", "to", "on", "at", "from", "with", "by", "that", "which", "who", "called", "named"}


def things_differ(a: str | None, b: str | None) -> bool:
    """Two descriptions of what was acted on that are about different nouns ("a rise in a credit", "a
    refund for pensioners"); a name and a description, or two names, are left to ``same_entity``."""
    if not a or not b or _named(a) or _named(b):
        return False
    ha, hb = head_noun(a), head_noun(b)
    if not (ha and hb) or SequenceMatcher(None, ha, hb).ratio() >= 0.75:
        return False  # one noun, or one spelt two ways ("tyres", "tires")
    # "life" and "a life sentence": one noun names the other thing
    return ha not in {_singular(w) for w in _WORD.findall(b.lower())} and \
        hb not in {_singular(w) for w in _WORD.findall(a.lower())}


def said_words(c: Claim) -> set[str]:
    """The claim's content words beyond its subject and event word, singular and without a possessive
    ("the men's 200m race" of the men's: {"200m"})."""
    skip = set(core_words(c.subject or "")) | set(c.trigger.text.lower().split() if c.trigger else ())
    words = {_said_form(w) for w in _WORD.findall(c.text.lower())}
    words = words - _FUNCTION_WORDS - skip - _SPEECH_FILLER
    return words - PRONOUNS - TITLES - _MODALS  # "I could give you", "could rehear", "the judge said": no shared content


@lru_cache(maxsize=1 << 16)
def _said_form(word: str) -> str:
    """A word singular and without a possessive; remembered, as ``said_words`` asks it of every word of every claim."""
    return _singular(POSSESSIVE.sub("", word))


_MODALS = {"could", "would", "should", "can", "may", "might", "must", "shall"}
_SPEECH_FILLER = {"said", "say", "says", "told", "tell", "tells", "added", "to", "in", "on", "at", "for", "with", "was",
                  "is", "be", "been", "had", "has", "have", "it", "he", "she", "they", "we", "i", "would", "will", "mr",
                  "mrs", "ms", "not", "by", "as", "from", "who", "which"}


def places_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return bool(_content(a) & _content(b))


# Days two reports of one event may differ by: a night event is dated the next day, a wire story
# by its dateline, time zones shift the date (ECB+ topics 1-15: many same-event pairs whose days
# differ are one day apart; allowing it gains 1.4 CoNLL F1 points there, bench/events_coref.py).
DAY_SLACK = timedelta(days=1)


def days_compatible(a: When | None, b: When | None) -> bool:
    """Unknown time fits any; known times must overlap, or be at most ``DAY_SLACK`` apart."""
    sa, sb = time_span(a), time_span(b)
    if sa is None or sb is None:
        return True
    return sa[0] - DAY_SLACK <= sb[1] and sb[0] - DAY_SLACK <= sa[1]


def actors_compatible(a: str | None, b: str | None) -> bool:
    """Unknown (or a pronoun) fits any, and so does a description of the right kind ("the actress"
    may be "Tara Reid", "troops" may not); two names must be one entity ("Boehner" ~ "John A.
    Boehner", "Barack Obama" !~ "Michelle Obama"). A description that marks itself as another one
    ("a second quake", "another man") is not the one without the mark ("the quake")."""
    if names_nobody(a) or names_nobody(b):
        return True
    if _others(a or "") != _others(b or ""):
        return False
    if same_entity(a, b):
        return True
    if _named(a or "") and _named(b or ""):
        return False
    if not _named(a or "") and not _named(b or ""):
        return descriptions_compatible(a or "", b or "")
    return not _kinds_clash(a or "", b or "")


# Words by which a report tells a second thing of a kind from the first ("a second quake jolted the
# area", "another man was arrested"); "new" and "former" are left out: "the new law" is often the
# law, "a former employee" the employee.
_OTHER_ONE = {"second", "third", "fourth", "fifth", "another", "other", "previous", "earlier", "later", "next",
              "separate", "different"}


def _others(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w in _OTHER_ONE)


# Words just before an event word by which a report marks it as not the one told before ("a second
# quake", "another attack", "the previous day's shooting"). Adverbs ("later", "earlier") are left out,
# as before a verb they mark no other event ("was later arrested"), and so are ordinals past "second"
# and "other", which more often belong to a name or count ("Fifth and Quebec", "the fifth successful
# operation", "the other arms were taken").
_OTHER_EVENT = {"second", "another", "previous", "separate"}
_WEEKDAY_OWNER = re.compile(rf"\b({'|'.join(WEEKDAYS)})(?: night| morning| evening)?['’]s\b")


def event_marks(c: Claim) -> tuple[frozenset[str], frozenset[str]]:
    """What the two words just before the claim's event word say of which event it is (nothing when a
    mark stands between, or for a speech act, whose words before the verb are what was said): marks of
    another one ("the previous day's shooting": {"previous"}), and a weekday owning it ("Friday night's
    88-72 loss": {"friday"})."""
    if c.trigger is None or c.speech:
        return frozenset(), frozenset()
    return _marks_before(c.text[: max(0, c.trigger.start - c.start)].lower())


@lru_cache(maxsize=65536)
def _marks_before(before: str) -> tuple[frozenset[str], frozenset[str]]:
    """``event_marks`` of the lower-cased words before an event word (per text, not per pair of claims)."""
    before = re.split(r"[,;:.!?\"“”()]", before)[-1]
    words = " ".join(before.split()[-2:])
    return (frozenset(w for w in _WORD.findall(words) if w in _OTHER_EVENT),
            frozenset(_WEEKDAY_OWNER.findall(" ".join(before.split()[-3:]))))


def marked_apart(a: Claim, b: Claim) -> bool:
    """One claim's event is marked as another one and the other's is not, or the two are owned by two
    weekdays ("Wednesday's home loss", "Friday night's 88-72 loss"): two events of one kind."""
    (oa, da), (ob, db) = event_marks(a), event_marks(b)
    return bool(oa) != bool(ob) or bool(da and db and da != db)


_MARKED = re.compile(rf"\b(?:{'|'.join(sorted(_OTHER_EVENT))})\s+([a-z0-9][a-z0-9,]*)")


def marks_another_event(c: Claim) -> bool:
    """The claim's words mark an event as one more of a kind ("killed in a second blast", "another 12
    were killed", "after a separate attack"): its figure is not a rival reading of another report's
    figure for the event, nor necessarily the same event. The mark must stand before an event noun or a
    number ("megabits a second", "one used by tax officials and another by the region" mark nothing)."""
    return _marks_another(c.text.lower())


@lru_cache(maxsize=65536)
def _marks_another(text: str) -> bool:
    """``marks_another_event`` of a claim's lower-cased text (per text, not per pair of claims)."""
    lex = event_lexicon()
    for word in _MARKED.findall(text):
        if word.replace(",", "").isdigit() or word in _NUMBER_WORDS or lex.noun_senses(word) \
                or lex.noun_senses(word.removesuffix("s")):
            return True
    return False


# Number words that count several ("another two", "a second dozen"); "one" marks a pronoun ("another one").
_NUMBER_WORDS = (WORDS.keys() | VAGUE) - {"zero", "one"}


def article_text(c: Claim, articles: dict[str, Article]) -> str:
    """The text of the article ``c`` is from ("" when it is not among ``articles``)."""
    article = articles.get(c.article)
    return article.text if article is not None else ""


def descriptions_compatible(a: str, b: str) -> bool:
    """Two descriptions may be one entity when they share a word ("youths", "some youths") or their
    heads are the same kind of thing ("the actress", "the party girl"), not
    otherwise ("a decision", "a new constitution")."""
    if subjects_compatible(a, b):
        return True
    ka, kb = description_kind(a), description_kind(b)
    return ka is not None and ka == kb


# Kinds of thing (the noun supersense of a description's head) that can describe a person: people
# are also written as stars and icons (noun.object, noun.communication); "troops", "the bomb" or
# "religion" are no person.
_PERSON_KINDS = {"noun.person", "noun.object", "noun.communication", None}


def _kinds_clash(a: str, b: str) -> bool:
    """One is a person's name and the other a description whose head names no person, nor shares a
    word with the name ("North Korean troops" may stand for "North Korea" sending them)."""
    name, other = (a, b) if _named(a) else (b, a)
    return _person_name(name) and description_kind(other) not in _PERSON_KINDS and not subjects_compatible(a, b)


def description_kind(text: str) -> str | None:
    """The noun supersense of a description's head word ("the notorious party girl" -> noun.person)."""
    core = core_words(text)
    if not core:
        return None
    head = core[-1]
    lex = event_lexicon()
    return lex.supersense(head) or (lex.supersense(head[:-1]) if head.endswith("s") else None)


def _person_name(text: str) -> bool:
    """Written as people are, and not a word WordNet knows as something else ("North Korea")."""
    return is_person_like(core_words(text), text) and description_kind(text) in (None, "noun.person")


def described(a: str | None, b: str | None) -> bool:
    """One is a person's full name and the other a description of a person ("Tara Reid", "the
    actress"). A single capitalised word may be a place or a body ("Turkmenistan"), so it is not enough."""
    if names_nobody(a) or names_nobody(b) or _named(a or "") == _named(b or ""):
        return False
    name, other = (a or "", b or "") if _named(a or "") else (b or "", a or "")
    return len(core_words(name)) >= 2 and _person_name(name) and description_kind(other) == "noun.person"


def _named(text: str) -> bool:
    """A proper name ("Barack Obama", "Acme"), not a description with a name in it ("North Korean troops")."""
    words = text.split()
    return bool(words) and words[-1][:1].isupper()


_SUFFIXES = ("ing", "ed", "es", "s", "e")


def event_words(c: Claim) -> set[str]:
    """What names a claim's event: its event class without the lexicon's sense mark ("shot:fire" ->
    "p:shot"), and its trigger word's crude stem ("checked into" -> "w:check"), so that two senses
    the lexicon chose apart for one word still meet. A bare count names nothing but its class."""
    words = {"p:" + c.predicate.split(":", 1)[0]}
    if c.trigger is not None and c.predicate != "count":
        first = c.trigger.text.lower().split()
        if first:
            words.add("w:" + _stem(first[0]))
    return words


def _stem(word: str) -> str:
    """The word without one of ``_SUFFIXES``, keeping three letters; a short past in "-ed" loses its
    "d" only ("died", "dies" and "die" meet on "die"; "used" and "use" on "use")."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    if word.endswith("ed") and len(word) == 4:
        return word[:-1]
    return word


# Particles of a phrasal verb by the direction they give it: "check in" and "check out", "take on"
# and "take off", "step up" and "step down" are opposite events of one verb.
_DIRECTION = {"in": "in", "into": "in", "on": "in", "onto": "in", "out": "out", "off": "out", "up": "up",
              "down": "down"}
_OPPOSITE = {("in", "out"), ("out", "in"), ("up", "down"), ("down", "up")}


def direction(c: Claim) -> str | None:
    """The direction the particle of the claim's trigger gives its verb ("checked herself into" -> "in",
    "checks out" -> "out"), None without one."""
    words = c.trigger.text.lower().split()[1:] if c.trigger is not None else []
    return next((_DIRECTION[w] for w in words if w in _DIRECTION), None)


def opposite_particles(a: Claim, b: Claim) -> bool:
    """One verb with particles of opposite direction: "checked into rehab" and "checked out of rehab"."""
    return (direction(a), direction(b)) in _OPPOSITE


def is_speech(c: Claim) -> bool:
    """A speech act ("said", "denied", "urged"): its fact is one speaker's saying."""
    return c.speech or c.kind == "statement"


def related_words(c: Claim) -> set[str]:
    """Event classes WordNet relates to the claim's (``EventLexicon.related_predicates``: a hypernym,
    a verb group, an entailment or a cause between their senses), as ``event_words`` keys."""
    if c.predicate == "count":
        return set()
    return {"p:" + p.split(":", 1)[0] for p in event_lexicon().related_predicates(c.predicate)}


def same_unit(a: Quantity, b: Quantity) -> bool:
    """One unit, or two words for one kind of actor (``actors`` in the predicate table: "11,000
    troops" and "about 11,000 soldiers"). A date or clock word taken for a unit ("dies at 91 June 6",
    "91 PDT") is no unit: it meets a number without one."""
    if _counted_key(a) == _counted_key(b):
        return True
    ga, gb = (gazetteer().actor_group((q.unit or "").strip()) for q in (a, b))
    return ga is not None and ga == gb


def _counted_key(q: Quantity) -> str:
    word = (q.unit or "").strip().lower().rstrip(".")
    dated = word in MONTHS or word in WEEKDAYS or clock_word(word) or bool(re.fullmatch(r"\d+(?:st|nd|rd|th)", word))
    return "" if dated else unit_key(q)


def one_count(a: Quantity, b: Quantity) -> bool:
    """The same number of people under two words ("23 pirates", "23 suspects", "23 of the raiders":
    WordNet's people). A number without its unit ("a further three are missing") is not known to
    count the same ("three people died")."""
    if a.value != b.value or a.kind != "count" or b.kind != "count" or not a.unit or not b.unit:
        return False
    lex = event_lexicon()
    kinds = {"noun.person" if u in PEOPLE_WORDS else lex.supersense(u) or lex.supersense(_singular(u))
             for u in (a.unit.lower(), b.unit.lower())}
    return kinds == {"noun.person"}


# Plurals that do not end in "s", and words for people that count one kind ("46 people", "one person").
_PLURALS = {"people": "person", "persons": "person", "individuals": "person", "men": "man", "women": "woman",
            "children": "child"}
_ONE = re.compile(r"\b(?:one|a|an|single|lone|sole)\s+(?:[a-z-]+\s+)?$")


def _counted_noun(word: str) -> tuple[str, bool]:
    """(the noun as one of a kind, whether the word is plural): "people" -> ("person", True)."""
    word = word.lower()
    if word in _PLURALS:
        return _PLURALS[word], True
    one = _singular(word)
    return one, one != word


def one_of_what_is_counted(a: Claim, b: Claim) -> bool:
    """``a`` names one of what ``b`` counts two or more of: "one person was arrested" and "46 people
    had been arrested", "killing a man" and "killing three men" are two events (or two tolls), though
    ``a`` carries no number (a one is not taken for a count)."""
    q = b.quantity
    if a.quantity is not None or q is None or q.kind != "count" or min(q.value, q.low or q.value) < 2:
        return False
    # what the number counts: its unit ("three men"), else the heads of ``b``'s arguments; never the
    # other argument of a counted one ("officers arrested three men" counts no officers)
    heads = [q.unit] if q.unit else [core_words(n)[-1] for n in (b.subject, b.object) if n and core_words(n)]
    counted = {noun for noun, plural in map(_counted_noun, filter(None, heads)) if plural}
    text = a.text.lower()
    for name in (a.subject, a.object):
        core = core_words(name or "")
        if not core:
            continue
        noun, plural = _counted_noun(core[-1])
        if plural or noun not in counted:
            continue
        at = [m.start() for m in re.finditer(rf"\b{re.escape(core[-1])}\b", text)]
        if any(_ONE.search(text[:i]) for i in at):
            return True
    return False


def quantities_agree(a: Quantity, b: Quantity) -> bool:
    """Two numbers one event can have: of one kind and unit, overlapping, and of one order of
    magnitude (10,000+ and 11,000 yes; 1,000+ and 11,000 no). Numbers of different measures (an age
    and a toll) are not known to agree, so they do not."""
    if kind_of(a) != kind_of(b) or not (same_unit(a, b) or one_count(a, b)):
        return False
    return quantities_overlap(a, b) and max(a.value, b.value) <= 1.5 * min(a.value, b.value)
