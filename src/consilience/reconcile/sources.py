"""Sources are entities: one name per speaker within a story, and how many are independent.

A source is a canonical speaker (a person, a body, a document, or an outlet asserting on its own
authority). People join across their name variants and titles (``entities.py``); pronouns and
relative words are never sources; an outlet that quotes someone, or reports what someone said (a
speech act: "the minister said"), is a channel (``via``), not a source. Independent sources are the
named speakers whose chains do not pass through one another; speakers who are only described
("officials", "a witness", "her publicist") count, as one, only when no one is named.

Organisations: one name per source within a story: "the country's forensic service", "forensic service" and
"Chile's forensic service" are one source, named by the most specific form the reports use.

Names the gazetteer knows are already canonical; this joins the ones it does not:
- by their head after a possessive ("Chile's", "the country's") or an article is taken off;
- an acronym to the one full name in the story it abbreviates ("NADMO": "National Disaster
  Management Organisation", each word giving the start of the acronym in turn);
- a description to the one full name in the story that has all its words and a generic head
  ("Ghana's disaster agency": the "National Disaster Management Organisation").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

from ..lexicon.events import event_lexicon
from ..lexicon.gazetteer import gazetteer
from ..lexicon.numbers import VAGUE, WORDS
from ..records import Article, Claim
from .compare import article_text, is_speech
from .entities import (
    PREPOSITIONS,
    PRONOUNS,
    TITLES,
    clock_word,
    core_words,
    entity_names,
    is_person_like,
    names_nobody,
    same_entity,
)
from .measure import singular

_LEAD = re.compile(r"^(?:the\s+)?(?:[\w.-]+(?:\s[\w.-]+)?['’]s\s+|its\s+|their\s+)?", re.I)
_VAGUE_OWNERS = re.compile(r"^(?:the\s+)?(?:country|nation|state|city|region|government)['’]s\s", re.I)


def source_key(name: str) -> str:
    return _LEAD.sub("", name).strip().lower()


def source_aliases(names: Iterable[str]) -> dict[str, str]:
    """name -> the name to count it under (itself when nothing else matches)."""
    names = list(names)
    groups: dict[str, set[str]] = defaultdict(set)
    for n in set(names):
        key = source_key(n)
        if len(key.split()) >= 2:  # "military" alone is too generic to join "Ukraine's military" and others
            groups[key].add(n)
    out = {}
    for members in groups.values():
        owned = sorted((m for m in members if not _VAGUE_OWNERS.match(m)), key=lambda m: (-len(m), m))
        owners = {_LEAD.match(m).group().lower() for m in owned if _LEAD.match(m).group().strip()}  # type: ignore[union-attr]
        if len(owners) > 1:
            continue  # "Chile's forensic service" and "Peru's forensic service" are two
        best = owned[0] if owned else sorted(members)[0]
        for m in members:
            out[m] = best
    named = sorted({out.get(n, n) for n in names if len(source_key(n).split()) >= 2})
    for n in sorted(set(names)):
        target = _abbreviated(n, named) or _described(n, named)
        if target is not None:
            current = out.get(n, n)  # n's group follows it to the full name
            out.update({m: target for m, best in out.items() if best == current})
            out[n] = target
    return out


_SKIPPED_WORDS = {"of", "for", "and", "the", "on", "in", "de", "du", "des", "la", "le", "el", "&"}
# Heads of a description that can stand for an organisation's full name.
_GENERIC_HEADS = {"agency", "organisation", "organization", "service", "office", "authority", "ministry",
                  "department", "body", "institute", "commission", "council", "administration", "unit", "centre",
                  "center", "directorate", "bureau"}
_HEAD_INITIALS = frozenset(h[0] for h in _GENERIC_HEADS)


def _abbreviated(name: str, named: list[str]) -> str | None:
    """The one name in ``named`` that the acronym ``name`` ("NADMO", "the NIS") abbreviates, maybe
    with a last letter for a generic head the name leaves out ("NYPD": "New York Police")."""
    acronym = _LEAD.sub("", name).strip()
    if not re.fullmatch(r"[A-Z][A-Z&]{1,7}", acronym):
        return None
    letters = acronym.lower()
    found = {full for full in named if _abbreviates(letters, _words(full))}
    if not found:
        found = {full for full in named if _without_head(letters, _words(full))}
    return found.pop() if len(found) == 1 else None


def _without_head(letters: str, words: list[str]) -> bool:
    """The acronym abbreviates the words and a generic head they leave out ("nypd")."""
    return (len(letters) >= 3 and letters[-1] in _HEAD_INITIALS and bool(words) and words[-1] not in _GENERIC_HEADS
            and _abbreviates(letters[:-1], words))


def _abbreviates(letters: str, words: list[str]) -> bool:
    """Each word, in order, gives a non-empty start of what is left of ``letters``; all letters are used."""
    if not words:
        return not letters
    head, rest = words[0], words[1:]
    return any(letters[:k] == head[:k] and _abbreviates(letters[k:], rest)
               for k in range(1, min(len(head), len(letters) - len(rest)) + 1))


def _described(name: str, named: list[str]) -> str | None:
    """The one full name in ``named`` holding every word of the description ``name`` but its generic head."""
    words = _words(name)
    if len(words) < 2 or words[-1] not in _GENERIC_HEADS:
        return None
    found = {full for full in named if full != name and len(_words(full)) > len(words) - 1
             and set(words[:-1]) <= set(_words(full))}
    return found.pop() if len(found) == 1 else None


def _words(name: str) -> list[str]:
    return [w for w in re.findall(r"[\w&]+", source_key(name)) if w not in _SKIPPED_WORDS]


# Speakers too generic to be the same one in two outlets ("officials said" in the BBC and in CNN):
# each is scoped to the outlet that quotes it.
_GENERIC_SPEAKERS = {"official", "source", "report", "analyst", "expert", "witness", "observer", "critic",
                     "resident", "aide", "insider", "spokesman", "spokeswoman", "spokesperson", "person", "people",
                     "media", "statement", "diplomat", "officer", "member", "lawmaker", "investigator", "authority",
                     "authoritie", "prosecutor", "detective", "neighbour", "neighbor", "friend", "relative", "rescuer",
                     "doctor", "spokesmen", "activist"}


class SpeakerNames(dict[str, str]):
    """raw speaker name -> the name to count it under, for one story's claims ("" for a pronoun);
    ``quoted``: article id -> the named speakers the article quotes, under those names."""

    quoted: dict[str, frozenset[str]]

    def __init__(self, names: dict[str, str], quoted: dict[str, frozenset[str]] | None = None) -> None:
        super().__init__(names)
        self.quoted = quoted or {}


def speaker_names(claims: Sequence[Claim], articles: dict[str, Article]) -> SpeakerNames:
    """raw speaker name -> the name to count it under, for one story's claims ("" for a pronoun),
    with the named speakers each article quotes (``quoted_in``)."""
    written = sorted({s for c in claims for s in undistributed(said_by(c), article_text(c, articles))})
    unclocked = {n: without_clock(n) for n in written}
    raw = sorted(set(unclocked.values()))
    texts = [articles[a].text for a in sorted({c.article for c in claims}) if a in articles]
    people = entity_names(raw, texts)
    orgs = source_aliases(n for n in raw if n not in people)
    names = {**orgs, **people}
    texts_of: dict[str, set[str]] = defaultdict(set)  # name -> the lower-cased texts of the articles it speaks in
    for c in claims:
        if c.article in articles:
            for n in undistributed(said_by(c), article_text(c, articles)):
                texts_of[unclocked[n]].add(articles[c.article].text.lower())
    names = {**names, **_named_after_description(raw, names)}
    names = {**names, **_spoken_for(raw, names, texts_of)}
    names = {**names, **_officers_of_the_force(raw, names, people, texts)}
    names = {**names, **common_words([n for n in raw if names.get(n, n) == n], texts)}
    outlets = sorted({outlet_name(articles[c.article], articles) for c in claims if c.article in articles})
    names = {**names, **outlets_named(raw, names, outlets)}
    first: dict[str, str] = {}  # "Alaska governor" = "Alaska Governor": one name, however capitalised or typed
    for n in raw:
        first.setdefault(_spelling(names.get(n, n)), names.get(n, n))
    counted = {n: first[_spelling(names.get(unclocked[n], unclocked[n]))] for n in written}
    return SpeakerNames(counted, quoted_in(claims, articles, counted))


_TYPED = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00a0": " "})


def _spelling(name: str) -> str:
    """A name as it is spelt, whatever its case, apostrophes or spaces: "Lindsay Lohan’s attorney" (a curly
    apostrophe, one outlet) and "Lindsay Lohan's attorney" (another) are one speaker."""
    return " ".join(name.translate(_TYPED).lower().split())


def quoted_in(claims: Sequence[Claim], articles: dict[str, Article], names: dict[str, str]) -> dict[str, frozenset[str]]:
    """article id -> the named speakers it quotes anywhere (through it, not as its own word)."""
    quoted: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        if c.article in articles and (c.attribution is not None or is_speech(c)):
            quoted[c.article].update(s.name for s in speakers(c, articles, names) if s.named and s.chain)
    return {a: frozenset(q) for a, q in sorted(quoted.items())}


# Kinds of noun that can speak (the most frequent sense's): people, bodies, and what is written or
# said (a report, a statement).
_SPEAKING_KINDS = {"noun.person", "noun.group", "noun.communication"}


def common_words(names: Sequence[str], texts: Sequence[str]) -> dict[str, str]:
    """name -> how to count a capitalised common word taken for a name: "Software", "Riot" (a
    headline word), "Mafia". The story's texts write it in lower case more often than as a name
    (capitalised after a word within a sentence, or before another capitalised word: "UK Coal",
    "Time Warner"), so its capital came from a sentence's or headline's start: it is a description,
    in lower case ("riot", "ministers"), counted only where no one is named; a collective noun
    ("Police", "Jury") stays one body."""
    out = {}
    for n in names:
        word = _LEAD.sub("", n).strip()
        if not _capitalised_word(word) or gazetteer().known_source(n) is not None:
            continue
        if _noun_kind(word.lower()) == "noun.group" and singular(word.lower()) == word.lower():
            continue  # "Police", "Jury": one body, however written
        lower = sum(len(re.findall(rf"\b{re.escape(word.lower())}\b", t)) for t in texts)
        named = rf"(?:(?<=[\w,;:] ){re.escape(word)}\b|\b{re.escape(word)}(?= [A-Z]))"
        if lower <= sum(len(re.findall(named, t)) for t in texts):
            continue
        out[n] = word.lower()
    return out


def _capitalised_word(word: str) -> bool:
    """One word with a capital and the rest in lower case ("Software"; not "IBM", "McCain")."""
    return bool(re.fullmatch(r"[A-Z][a-z-]+", word))


def outlets_named(raw: Sequence[str], names: dict[str, str], outlets: Sequence[str]) -> dict[str, str]:
    """name -> the story's outlet it names: its words run together or their initials are the
    outlet's domain ("The Hindu": thehindu.com; "RussiaToday", "Russia Today": rt.com). What an
    outlet says in its own pages and what others quote it saying is one source."""
    by_label = {_domain_label(o): o for o in outlets if "." in o and " " not in o}
    out = {}
    for n in raw:
        if not names.get(n, n)[:1].isupper():
            continue  # "defence" is no name of defence.pk
        words = _name_words(names.get(n, n))
        forms = {"".join(words), "the" + "".join(words)} if words else set()
        if len(words) >= 2:
            forms.add("".join(w[0] for w in words))
        first = _name_words(names.get(n, n).split()[0]) if names.get(n, n).split() else []
        if len(first) >= 2:  # "RussiaToday Brooklynites": a run-together name before other words
            forms |= {"".join(first), "".join(w[0] for w in first)}
        hits = sorted({by_label[f] for f in forms if f in by_label})
        if len(hits) == 1:
            out[n] = hits[0]
    return out


def _domain_label(outlet: str) -> str:
    return outlet.lower().removeprefix("www.").split(".")[0]


def _name_words(name: str) -> list[str]:
    """The name's words in lower case, run-together ones split at their capitals ("RussiaToday")."""
    words = re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+", name)
    words = [w.lower() for w in words]
    return words[1:] if words[:1] == ["the"] else words


def without_clock(name: str) -> str:
    """The name without a clock time or zone a page's dateline left in front of it ("10:46 AM Police"
    -> "Police")."""
    words = name.split()
    while len(words) > 1 and clock_word(words[0]):
        words = words[1:]
    return " ".join(words) if len(words) < len(name.split()) else name


def said_by(c: Claim, text: str | None = None) -> tuple[str, ...]:
    """Who a claim rests on, as written: a speech act's own speaker ("the minister said": the
    minister, whom the outlet only carries), else its attribution's speakers. With its article's
    ``text``: a speech act whose verb stands inside a quotation from someone else ('"Chelsea are
    saying clearly that ...", the expert said') is that someone's, not its subject's."""
    if is_speech(c) and not names_nobody(c.subject) and not _passive(c) \
            and not (text is not None and _quoted_verb(c, text)):
        if text is not None and c.attribution is not None and _reported_saying(c, text):
            return c.attribution.sources or (c.attribution.source,)
        return (c.subject or "",)
    if c.attribution is not None:
        return c.attribution.sources or (c.attribution.source,)
    return ()


def undistributed(names: tuple[str, ...], text: str) -> tuple[str, ...]:
    """Two speakers the claims made of one name by spreading its last word over its "and" ("World
    Travel Council", "Tourism Council" from "the World Travel and Tourism Council"; "Trade Hewitt",
    "Industry Secretary Patricia Hewitt"): the one name the text writes. Not when the first part is
    a name of its own ("the IMF and World Bank": "IMF Bank", "World Bank" are two)."""
    if len(names) != 2 or not text:
        return names
    first, second = (n.split() for n in names)
    if len(first) < 2 or not second or first[-1] != second[-1] or not first[-1][:1].isupper():
        return names  # "German and Danish governments" are two
    head = " ".join(first[:-1])
    if re.fullmatch(r"[A-Z][A-Z&.]+", head) or gazetteer().known_source(head) is not None:
        return names
    for joiner in (" and ", " & "):
        whole = f"{head}{joiner}{names[1]}"
        if whole in text:
            return (whole,)
    return names


def _reported_saying(c: Claim, text: str) -> bool:
    """The speech act is itself what another says, right after that one's verb ("It claims Mr Blair
    said ...", "he alleges that Mr Blair told ..."): the reporter is the source; the reported speaker
    only allegedly said it."""
    assert c.attribution is not None
    said = c.attribution.sources or (c.attribution.source,)
    if any(same_entity(s, c.subject) for s in said) or not c.attribution.text.split():
        return False
    verb = c.attribution.text.split()[-1].lower()
    before = re.sub(r"\s+that$", "", text[sentence_start(text, c.start):c.start].rstrip().lower())
    return before.endswith(verb) and verb.isalpha()


_BE = {"is", "are", "was", "were", "be", "been", "being", "'s", "’s", "get", "got", "gets", "getting"}


def _passive(c: Claim) -> bool:
    """The speech verb is passive ("members, who were asked to vote", "he was told"): its subject was
    spoken to, and is no speaker."""
    if c.trigger is None:
        return False
    before = c.text[:max(0, c.trigger.start - c.start)].lower().split()
    return bool(before) and before[-1] in _BE


def _quoted_verb(c: Claim, text: str) -> bool:
    """The speech verb stands inside a quotation, not right after one ('delivers, "said Ganis': the
    mark before the verb closes the quotation the verb introduces)."""
    pos = _verb_at(c)
    if c.trigger is not None and text[:pos].rstrip()[-1:] in ('"', "”"):
        return False
    return inside_quotation(text, pos)


def _verb_at(c: Claim) -> int:
    """Where the claim's event word stands: a speech act's span holds the words said ('"... aiming at
    the building," Pigeon said'), so its start is inside the quotation though the verb is not."""
    return c.trigger.start if c.trigger is not None else c.start


def inside_quotation(text: str, pos: int) -> bool:
    """``pos`` stands inside a quotation opened earlier in its paragraph (or by the marks it starts at):
    the last quotation mark before it opens one. A straight mark opens when it follows a space or
    the paragraph's start and a word follows it ('said: "We'), and closes otherwise ('job." Down').
    Counting marks was wrong in texts without paragraph breaks: one quotation that runs into the
    next paragraph unclosed, as news writes them, turned every later sentence into a quotation."""
    if pos < len(text) and text[pos] in '"“':
        return True  # a claim's span may begin with the quotation's opening mark
    begin = text.rfind("\n", 0, pos) + 1
    last = max(text.rfind(mark, begin, pos) for mark in '"“”')
    if last < 0:
        return False
    if text[last] != '"':
        return text[last] == "“"
    before, after = text[last - 1:last] if last > begin else "", text[last + 1:last + 2]
    return (not before or before.isspace() or before in "([—–-") and bool(after) and not after.isspace()


_WORDS = re.compile(r"[a-z0-9]+")


def carried_from_afar(c: Claim, text: str) -> bool:
    """The claim's attribution was made before the sentence before the claim's own, and nothing in
    these two sentences carries it on: not the attribution's words, not its speaker's name, no
    quotation opening the paragraph or the claim's sentence (a quote going on from before). A
    paragraph of news holds several speakers in turn: "The judges called it ..." three sentences
    before "Symmons Roberts also makes documentary films" is not said by the judges. Readers' comments printed under an
    article ("Well if you cannot get enough limelight ...") and the outlet's background are nobody's
    statement but their unnamed writers'; the last speaker the article named did not say them."""
    if c.attribution is None or is_speech(c) or not text:
        return False
    begin = text.rfind("\n", 0, c.start) + 1
    end = text.find("\n", c.end)
    paragraph = text[begin:end if end >= 0 else len(text)]
    if paragraph.lstrip()[:1] in ('"', "“", "‘", "'") or inside_quotation(text, c.start):
        return False
    begin = max(begin, sentence_start(text, sentence_start(text, c.start) - 1))
    end = end if end >= 0 else len(text)
    paragraph = text[begin:end]
    if text[sentence_start(text, c.start):].lstrip()[:1] in ('"', "“", "‘", "'"):
        return False  # a quotation going on from the sentence before
    said = set(_WORDS.findall(c.attribution.text.lower()))
    surnames = {core_words(n)[-1] for n in (c.attribution.source, *c.attribution.sources)
                if not names_nobody(n) and core_words(n)}
    here = set(_WORDS.findall(paragraph.lower()))
    before = _said_before(text, begin, said | surnames)
    if said & _REFERRING & here:
        return False  # "he argues" above, "Now he fears ..." here: the paragraph goes on about the speaker
    return not (said <= here or surnames & here) and (said <= before or bool(surnames & before))


_REFERRING = {"he", "she", "they"}


def _said_before(text: str, begin: int, words: set[str]) -> set[str]:
    """Those of ``words`` that the text has before ``begin``: read from where each word first ends,
    found once per article, not by reading the text before every claim (that grew with the square of
    an article's length)."""
    ends = _first_word_ends(text)
    if ends is None:  # lower-casing changed the text's length: offsets differ, so read it as it stands
        return words & set(_WORDS.findall(text[:begin].lower()))
    return {w for w in words if ends.get(w, begin + 1) <= begin}


@lru_cache(maxsize=64)
def _first_word_ends(text: str) -> dict[str, int] | None:
    """Where each word of the text (lower-cased) first ends; None when lower-casing changes its length."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return None
    ends: dict[str, int] = {}
    for m in _WORDS.finditer(lowered):
        ends.setdefault(m.group(), m.end())
    return ends
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘'A-Z0-9])")


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` begins (its paragraph's start at most): a full stop, question
    or exclamation mark, maybe a closing quotation mark, then space and a capital, digit or quotation."""
    begin = text.rfind("\n", 0, max(pos, 0)) + 1
    starts = [m.end() for m in _SENTENCE_END.finditer(text, begin, max(pos, begin))]
    return starts[-1] if starts else begin


_SPOKESPEOPLE = re.compile(r"\s+(?:spokesman|spokeswoman|spokesperson|spokespeople|press office|statement)$", re.I)
_SPOKESPEOPLE_OF = re.compile(r"^(?:an?\s+|the\s+)?(?:statement|spokesman|spokeswoman|spokesperson|spokespeople|"
                              r"press office|press release)\s+(?:from|for|of|by)\s+(?:the\s+)?", re.I)


def _spoken_for(raw: Sequence[str], names: dict[str, str],
                texts_of: dict[str, set[str]]) -> dict[str, str]:
    """A body's spokesperson is the body ("Bat spokeswoman" = "Bat"); a short name joins the one
    longer name of the story it ends ("Police" = "Greater Manchester Police") when an article that
    has the short name writes the long one (``texts_of``: name -> the lower-cased texts of its articles)."""
    out: dict[str, str] = {}
    for n in raw:
        base = _SPOKESPEOPLE_OF.sub("", _SPOKESPEOPLE.sub("", n)).strip()
        if base != n and base:
            out[n] = names.get(base, base)
            continue
        if n in names and names[n] != n:
            continue
        short = _COLLOQUIAL.get(" ".join(core_words(n)), n)
        longer = {names.get(m, m) for m in raw if m != n and len(m) > len(short) and same_entity(m, short)
                  and not names_nobody(m) and _proper(m)}
        if len(longer) == 1 and not names_nobody(n) and _named_beside(longer, n, names, texts_of):
            out[n] = longer.pop()
    return out


# Words that make a description someone else than the name after it ("a friend of X", "the row between
# X", "a lawyer for X", "the prosecutor who charged X"): only "by" may stand in one ("a study by X" is X's).
_NOT_ITSELF = (PREPOSITIONS - {"by"}) | {"and", "or", "who", "whom", "whose", "which", "that", "than", "as", "like",
                                         "against", "versus", "vs", "between", "among", "including", "about",
                                         "over", "into", "after", "before", "under", "behind", "without"}


def _named_after_description(raw: Sequence[str], names: dict[str, str]) -> dict[str, str]:
    """A speaker's name written after what it is ("celebrity website TMZ", "Lohan's lawyer Mark Heller",
    "a study by analysts Gartner") is that name, when the story's speakers have the name alone. The word
    before the name must be a lower-case noun of the description ("North Korea" is not "Korea"), and the
    description a plain noun phrase: no word that makes it someone else (``_NOT_ITSELF``) and no verb form in
    -ing or -ed ("the lawyer representing X", "an ally of ousted leader X" are not X)."""
    alone = {m for m in raw if _proper(m) and not names_nobody(m)}
    out: dict[str, str] = {}
    for n in raw:
        if names.get(n, n) != n:
            continue
        words = n.split()
        for k in range(1, len(words)):
            tail = " ".join(words[k:])
            head = words[k - 1].strip(",")
            if tail in alone and head.isalpha() and head.islower() and head not in ("a", "an", "the") \
                    and _plain_description(words[:k]):
                out[n] = names.get(tail, tail)
                break
    return out


def _plain_description(words: Sequence[str]) -> bool:
    bare = [w.strip(",.").lower() for w in words]
    return not (set(bare) & _NOT_ITSELF or any(w.endswith(("ing", "ed")) for w in bare))


def _named_beside(longer: set[str], short: str, names: dict[str, str], texts_of: dict[str, set[str]]) -> bool:
    """An article that has the short name in lower case ("police") also writes the long one
    ("Northumbria Police", or a name joined to it: "NYPD"): a story's other article naming one force does not tell which police this
    one meant ("police in Wiltshire"); left alone, it is a description, counted only where no one is
    named."""
    if not _LEAD.sub("", short).strip()[:1].islower():
        return True  # a capitalised "Police", "the Bank" is written as the name of a body
    target = next(iter(longer))
    forms = [m.lower() for m in (target, *(m for m, to in names.items() if to == target))]
    return any(f in t for t in texts_of.get(short, ()) for f in forms)


# Words for a body that its name does not hold ("Cops" for "New York Police").
_COLLOQUIAL = {"cops": "police", "cop": "police"}


# A police rank written with a name ("Police Constable Tim Fanning", "Det. Sgt. Jane Hill"): the officer
# speaks for the force. Army ranks ("Sgt.", "Lt.") count only beside the word "police".
_POLICE_RANKS = {"police", "constable", "const", "pc", "detective", "det", "inspector", "superintendent", "trooper"}
# Ranks and offices a report writes between "police" and an officer's name ("Troy police Lt. Gerry
# Scherlinck", "Police Commissioner Raymond W. Kelly", "homicide Capt. ..."), or whose name it follows with
# "of the ... Police" ("Lt. Gregg Hastings of the Oregon State Police").
_RANKS = r"(?:lt|lieutenant|capt|captain|sgt|sergeant|chief|commissioner|deputy|commander|cmdr|det|detective|const|" \
         r"constable|inspector|superintendent|supt|trooper|cpl|corporal|officer|spokesman|spokeswoman|spokesperson)"
_RANKED_BEFORE = re.compile(rf"(?:\b([A-Z][\w.]*)\s+)?\b(?i:police|pd|homicide)\s+(?i:(?:deputy|assistant|chief)\s+)?"
                            rf"(?i:{_RANKS})\.?\s+$")
_FORCE_AFTER = re.compile(r"^,?\s+(?:of|with|for)\s+the\s+((?:[A-Z][\w.]*\s+){0,3}Police)\b")
# An acronym of a police department ("NYPD", "LAPD's").
_PD = re.compile(r"^(?:the\s+)?([A-Z]{1,5}PD)(?:['’]s)?$")


def _officers_of_the_force(raw: Sequence[str], names: dict[str, str], people: dict[str, str],
                           texts: Sequence[str] = ()) -> dict[str, str]:
    """A police officer is the story's one police force ("Police Constable Tim Fanning" = "Tim
    Fanning" = "Vancouver Police"; "Troy police Lt. Gerry Scherlinck" = "Police"): one source, not two.
    An officer is named with a police rank, or written in the ``texts`` after "police" and a rank or
    before "of the ... Police". The force is the story's one force named in full; else "Police"
    written as a name, which the story's one department acronym ("NYPD", "NYPD's") is too; else that acronym.
    Nothing when the story names two forces ("Vancouver Police", "RCMP Police") or none."""
    force = _the_force(raw, names)
    if force is None:
        return {}
    officers = {people[n] for n in raw if n in people and people[n]
                and ({w.lower().strip(".") for w in n.split()} & _POLICE_RANKS or _ranked_in(n, texts, force))}
    out = {n: force for n in raw if n in people and names.get(n, n) in officers}
    if force == "Police" or _PD.match(force):
        out.update({n: force for n in raw if _PD.match(names.get(n, n))})
    return out


def _the_force(raw: Sequence[str], names: dict[str, str]) -> str | None:
    """The story's one police force: its one full name, else "Police" written as a name (which its one
    department's acronym is too: "NYPD"), else that acronym."""
    canon = {names.get(n, n) for n in raw}
    forces = {c for c in canon if len(c.split()) >= 2 and c.split()[-1].lower() == "police" and _proper(c)}
    if forces:
        return forces.pop() if len(forces) == 1 else None
    acronyms = {m.group(1) for m in map(_PD.match, canon) if m}
    if len(acronyms) > 1:
        return None
    return "Police" if "Police" in canon else (acronyms.pop() if acronyms else None)


def _ranked_in(name: str, texts: Sequence[str], force: str) -> bool:
    """A text writes the person's full name after "police" and a rank, or before "of the ... Police",
    and no other force's: "Woodburn police Sgt. Jason Tlusty" is no officer of the "Oregon State Police"
    (a force named in full must hold the word written before "police"; "Police" alone is any)."""
    if len(name.split()) < 2 or not name[:1].isupper():
        return False
    words = {w.lower() for w in force.split()}
    for t in texts:
        for m in re.finditer(rf"\b{re.escape(name)}\b", t):
            before = _RANKED_BEFORE.search(t[max(0, m.start() - 40):m.start()])
            after = _FORCE_AFTER.match(t[m.end():m.end() + 60])
            place = before.group(1) if before else None
            if before and (len(words) < 2 or place is None or place.lower() in words):
                return True
            if after and (len(words) < 2 or after.group(1) == force):
                return True
    return False


def _proper(name: str) -> bool:
    """Every word capitalised but the small ones ("Greater Manchester Police", "Bank of England"): a
    name, not a description holding one ("lending figures from the Bank of England")."""
    words = _LEAD.sub("", name).split()
    return bool(words) and all(w[:1].isupper() or w.lower() in _SKIPPED_WORDS for w in words)


def outlet_name(a: Article, articles: dict[str, Article]) -> str:
    """The outlet behind an article: a copy (near-duplicate) counts as its original's."""
    original = articles.get(a.duplicate_of or "", a)
    return original.outlet or f"article {original.id}"


class Speaker(NamedTuple):
    """Who a claim rests on (``name``), the chain it reached the reader through (intermediaries, then
    the outlet), and whether the speaker is named (a person, a body, an outlet) or only described
    ("officials", "a witness", "her publicist")."""

    name: str
    chain: tuple[str, ...]
    named: bool


def speakers(c: Claim, articles: dict[str, Article], names: dict[str, str]) -> list[Speaker]:
    """Who a claim rests on. Unattributed: the outlet itself, on its own authority, with no chain; a
    speech act: its speaker, through the outlet."""
    outlet = outlet_name(articles[c.article], articles)
    text = articles[c.article].text
    if carried_from_afar(c, text):
        return [Speaker(f"an unnamed source ({outlet})", (outlet,), False)]
    raw = undistributed(said_by(c, text), text)
    if not raw:
        return [Speaker(outlet, (), True)]
    via = c.attribution.via if c.attribution is not None else ()
    chain = tuple(dict.fromkeys([*(names.get(v, v) for v in via if not names_nobody(v)), outlet]))
    out = []
    for r in raw:
        name = _resolved_right(names.get(r, r), r, c)
        if names_nobody(name) or any(same_entity(v, name) for v in via) or _pronoun_for_the_named(c, name, text):
            out.append(Speaker(f"an unnamed source ({outlet})", chain, False))  # nobody, or the one told
        elif not _is_named(name):
            out.append(Speaker(f"{name} ({outlet})", chain, False))
        else:
            out.append(Speaker(name, tuple(x for x in chain if x != name), True))
    return out


_SPEAKING_PRONOUNS = {"he", "she"}


def _pronoun_for_the_named(c: Claim, name: str, text: str) -> bool:
    """The attribution names its speaker by a pronoun ("he added") and the claim's own words name the
    person it was resolved to as someone spoken about: by a possessive ("Gray's parents"), inside a
    quotation, or as the one something was done to ("when Orozco was taken into custody, he added").
    A speaker does not write himself so; the pronoun stands for someone else (the sergeant of the
    sentence before), and the person the claim is about is no source of it. A name as the subject of
    its own verb ("Ketsoyan left a statement, he said") may well be the pronoun's."""
    if c.attribution is None or (is_speech(c) and c.subject and not names_nobody(c.subject)):
        return False
    said = c.attribution.text.split()
    if not said or not {w.lower() for w in said} & _SPEAKING_PRONOUNS \
            or any(w[:1].isupper() and w.lower() not in _SPEAKING_PRONOUNS for w in said):
        return False
    core = core_words(name)
    if not core or not name[:1].isupper():
        return False
    for m in re.finditer(rf"\b{re.escape(core[-1])}\b", c.text, re.I):
        after = c.text[m.end():]
        if re.match(r"['’]s?\b", after) or re.match(r"\s+(?:was|were|is|are|been|being)\s+\w+(?:ed|en)\b", after) \
                or inside_quotation(text, c.start + m.start()):
            return True
    return False


def _resolved_right(name: str, raw: str, c: Claim) -> str:
    """The speaker, unless resolving the attribution's words to it failed: the words name their
    speaker with a noun ("The company announced", "according to the officers") and the name put for
    them is a common word that is not that noun ("software": "" for nobody), or one person or body
    for a plural noun ("Kimani Gray" for "the officers", "Mafia" for "the tobacco companies": the
    description as written)."""
    if c.attribution is None or (is_speech(c) and raw == c.subject):
        return name
    noun = _speaker_noun(c.attribution.text)
    if noun is None or noun[-1] in _WORDS.findall(name.lower()):
        return name
    if raw != name and raw.lower() == name:
        return ""
    plural = singular(noun[-1]) != noun[-1]
    people = plural and event_lexicon().supersense(singular(noun[-1])) == "noun.person"
    if (people and _one_person(name)) or (plural and _one_body(name)):
        return " ".join(noun)
    return name


def _one_body(name: str) -> bool:
    """One word that is no plural ("Mafia", "Microsoft"; not "Tories", "Democrats"): one body, which is
    never "the tobacco companies"."""
    words = _LEAD.sub("", name).split()
    return len(words) == 1 and not words[0].lower().endswith("s")


_ENDS_PHRASE = {"in", "at", "on", "of", "for", "from", "with", "by", "to", "who", "which", "that", "and", "or"}
# Speech verbs written before their speaker ("said the officer").
_INVERTED = {"said", "says", "added", "adds", "told", "explained", "wrote", "noted", "asked", "continued"}
def _one_person(name: str) -> bool:
    """A given name and a surname ("Kimani Gray"), the given name no common noun ("Strategy
    Analytics" is a firm: "strategy" is a word): one person, who is never "the officers"."""
    core = core_words(name)
    return len(core) >= 2 and is_person_like(core, name) and event_lexicon().supersense(core[0]) is None


_DETERMINERS = {"the", "a", "an", "according", "to", "some", "many", "several", "its", "their", "both", "all"}


def _counting_word(word: str) -> bool:
    """A determiner or a number before a speaker's noun ("the", "four", "12", "dozens of" aside):
    "four officers said" names the officers, whatever their number."""
    low = word.lower()
    return low in _DETERMINERS or low in WORDS or low in VAGUE or low.replace(",", "").isdigit()


def _speaker_noun(said: str) -> list[str] | None:
    """The words of the noun phrase an attribution names its speaker with ("The tobacco companies
    deny" -> ["tobacco", "companies"]), headed by a noun for people, a body or a text; None for a
    pronoun or a phrase holding a name ("It claims", "Mr Lee said", "Spurs director Frank Arnesen
    said"). The speech verb is the last word ("deny"), or the first when it comes first ("said the
    officer"); after "according to" the phrase ends before a preposition, relative word or
    participle ("the officers involved in ...")."""
    words = said.split()
    according = [w.lower() for w in words[:2]] == ["according", "to"]
    if len(words) < 2:
        return None
    if according:
        words = words[2:]
    else:
        words = words[1:] if words[0] in _INVERTED else words[:-1]
    while words and _counting_word(words[0]):
        vague = words[0].lower() in VAGUE or words[0].lower() == "dozen"
        words = words[2:] if vague and len(words) > 1 and words[1].lower() == "of" else words[1:]
    phrase: list[str] = []
    for n, w in enumerate(words):
        low = w.lower()
        if not low.isalpha() or low in PRONOUNS or (w[:1].isupper() and (n > 0 or low in TITLES)):
            return None
        if according and (low in _ENDS_PHRASE or low.endswith(("ed", "ing"))) and phrase:
            break
        phrase.append(low)
    head_ok = bool(phrase) and _speaking_noun(phrase[-1])
    return phrase if head_ok and not (words[0][:1].isupper() and len(phrase) > 1) else None


def _speaking_noun(word: str) -> bool:
    return _noun_kind(word) in _SPEAKING_KINDS


def _noun_kind(word: str) -> str | None:
    """The supersense of the noun's most frequent sense, as a singular or as written."""
    return event_lexicon().supersense(singular(word)) or event_lexicon().supersense(word)


# "Chile's forensic service", "Apple's chief executive": a body or office of a named owner is one
# speaker, whoever reports it ("the country's forensic service" is named so once joined to it).
_OWNED_BY_NAME = re.compile(r"^(?:the\s+)?[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)*['’]s\s+\w")


_DOMAIN = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+")


def _is_named(name: str) -> bool:
    """A proper name ("Surrey Police", "Jack Ketsoyan", "the NIS"), or a body the gazetteer knows; not a
    description ("officials", "officer at the scene", "her rep") nor a generic word however written
    ("Officials")."""
    words = core_words(name)
    if not words or (len(words) == 1 and words[0].removesuffix("s") in _GENERIC_SPEAKERS):
        return False
    if _DOMAIN.fullmatch(name):
        return True  # an outlet named by its domain ("rt.com")
    if gazetteer().known_source(name) is not None or _OWNED_BY_NAME.match(name):
        return True
    head = _LEAD.sub("", name).split()
    return bool(head) and head[-1][:1].isupper()


_LEADER = re.compile(r"\b([A-Z][\w-]*)\s+(?:[Pp]arty\s+)?(?:leader|chairman|chairwoman|spokesman|spokeswoman|"
                     r"spokesperson)\s+((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]+)")


def leaders(texts: Iterable[str]) -> set[tuple[str, str]]:
    """(the body's word, the surname) of each person the texts title as a body's leader or
    spokesperson ("Tory leader Michael Howard" -> ("tory", "howard"))."""
    return {(singular(m.group(1).lower()), core_words(m.group(2))[-1]) for text in texts for m in _LEADER.finditer(text)
            if core_words(m.group(2))}


def speaks_for(person: str, body: str, led: set[tuple[str, str]]) -> bool:
    """``person`` is titled the leader or spokesperson of ``body`` ("Michael Howard", "the Tories"): a
    party and the leader who speaks for it are one source, not two."""
    surname = core_words(person)[-1] if core_words(person) else ""
    words = {singular(w) for w in core_words(body)}
    return any(s == surname and b in words for b, s in led)


def copying_outlets(heard: Sequence[tuple[Claim, Speaker]], outlets: set[str],
                    sentence_words: Callable[[Claim], tuple[str, ...]]) -> list[tuple[str, str]]:
    """(outlet, speaker) for each outlet that tells the event on its own authority in the very words
    (``_alike``) of a sentence another report attributes to a named speaker: a wire copy or repost
    that dropped "the police chief said" carries the chief's word, and the outlet is his channel, not a second source. (An
    outlet that quotes the speaker in another claim is already one with him through its chain.)"""
    quoted = {(sentence_words(c), s.name) for c, s in heard if s.named and s.name not in outlets}
    own = {(s.name, sentence_words(c)) for c, s in heard if s.name in outlets and not s.chain}
    return sorted({(o, q) for o, mine in own for words, q in quoted if _alike(mine, words)})


# Words a sentence needs, and the share of the shorter of two that the longer must print in order
# (difflib's matching blocks over the words), before the two are taken for copies of one text (a wire story, a repost with "Warship
# Sukanya" for "INS Sukanya"), not two reporters who happened to write alike.
COPIED_WORDS = 8
COPIED_SHARE = 0.9
# A looser copy: a run of ``COPIED_RUN`` words printed unbroken in both, and ``EDITED_SHARE`` of the
# shorter in order. A repost of a navy's release and a paper quoting its spokesman share "the
# timely operation by ... resulted, once again, in foiling the pirates'" but not "attempt to attack"
# for "intention of attacking" (0.70-0.78 of the words, runs of 8-9); the pairs of ECB+ facts this
# joins beyond the 0.9 rule were read (fixed-seed samples): wire rewrites (AP, AFP, CP) and one
# quoted statement; the reporters of one event in the seed-15 audit shared at most 0.56.
COPIED_RUN = 8
EDITED_SHARE = 0.65


def echoed(heard: Sequence[tuple[Claim, Speaker]], outlets: set[str],
           sentence_words: Callable[[Claim], tuple[str, ...]]) -> list[tuple[Claim, Speaker]]:
    """``heard`` with the own word of each outlet that prints, in the very words (``_alike``), a
    sentence another article gives to a described speaker ('…, "the officer said'), and of each outlet
    printing one text with it (``copied_outlets``), put on that speaker, the outlet as its channel: a
    site reposting a navy's release without "the officer said" is no second source beside the
    officer, and no source at all in his place. Only speakers described by a noun that speaks for
    others (``_GENERIC_SPEAKERS``: "officer", "witnesses"); named speakers' words printed so are
    ``copying_outlets``."""
    described = [(c, s) for c, s in heard if not s.named and _generic_speaker(s.name)]
    if not described:
        return list(heard)
    echo: dict[str, str] = {}  # outlet -> the described speaker it prints
    for c, s in heard:
        if s.name in outlets and not s.chain:
            words = sentence_words(c)
            said = sorted(d.name for x, d in described if x.article != c.article and _alike(words, sentence_words(x)))
            if said:
                echo[s.name] = min(echo.get(s.name, said[0]), said[0])
    copies = copied_outlets(heard, outlets, sentence_words)
    while True:  # one text printed by several outlets: all of them print the speaker's words
        more = {b: echo[a] for pair in copies for a, b in (pair, pair[::-1]) if a in echo and b not in echo}
        if not more:
            break
        echo.update(more)
    return [(c, Speaker(echo[s.name], (s.name,), False) if s.name in echo and not s.chain else s) for c, s in heard]


def _generic_speaker(name: str) -> bool:
    """A described speaker whose head noun is one that speaks for others ("the officer (X)", "witnesses
    (X)"), not a described subject an attribution may have been read from wrongly ("23 pirates")."""
    words = name.split(" (")[0].lower().split()
    if not words or name.startswith("an unnamed"):
        return False  # a pronoun's or an attribution from afar: who it is was not found
    head = words[-1]
    return singular(head) in _GENERIC_SPEAKERS or (head.endswith("es") and head[:-2] in _GENERIC_SPEAKERS)


def copied_outlets(heard: Sequence[tuple[Claim, Speaker]], outlets: set[str],
                   sentence_words: Callable[[Claim], tuple[str, ...]],
                   own_words: Callable[[Claim], tuple[str, ...]] | None = None) -> list[list[str]]:
    """Pairs of outlets telling the event on their own authority in the same sentence, word for word
    but for a few: one wire story or one article reposted by several sites is one source, however
    many print it. With ``own_words`` (the claim's own sentence when one begins at it,
    ``_own_sentence_words_of``), that sentence is compared too: a wire sentence after a quote one outlet
    kept and the other cut ("... said Klitschko. Klitschko finished the fight ...") is still one text."""
    own: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for c, s in heard:
        if s.name in outlets and not s.chain:
            own[s.name].add(sentence_words(c))
            if own_words is not None:
                own[s.name].add(own_words(c))
    names = sorted(own)
    return [[a, b] for i, a in enumerate(names) for b in names[i + 1:]
            if any(_alike(x, y) for x in sorted(own[a]) for y in sorted(own[b]))]


# Text before a claim that ends a sentence: the claim opens the next one.
_ENDS_BEFORE = re.compile(r"[.!?][\"”’')]?\s+$")


def _own_sentence_words_of(articles: dict[str, Article],
                           sentence_words: Callable[[Claim], tuple[str, ...]]) -> Callable[[Claim], tuple[str, ...]]:
    """The words of the sentence a claim opens (``sentence_start`` finds the one before it when a sentence
    begins right at the claim); otherwise those of its sentence."""
    memo: dict[str, tuple[str, ...]] = {}

    def words(c: Claim) -> tuple[str, ...]:
        if c.id not in memo:
            text = articles[c.article].text
            if _ENDS_BEFORE.search(text[max(0, c.start - 4):c.start]) and text[c.start:c.start + 1].isupper():
                memo[c.id] = tuple(_WORDS.findall(text[c.start:_sentence_end(text, c)].lower()))
            else:
                memo[c.id] = sentence_words(c)
        return memo[c.id]

    return words


def _sentence_words_of(articles: dict[str, Article]) -> Callable[[Claim], tuple[str, ...]]:
    """The words of a claim's sentence, each claim's worked out once (both copy tests read them,
    ``copying_outlets`` once per quoted speaker)."""
    memo: dict[str, tuple[str, ...]] = {}

    def words(c: Claim) -> tuple[str, ...]:
        if c.id not in memo:
            memo[c.id] = tuple(_WORDS.findall(_sentence_of(articles[c.article].text, c).lower()))
        return memo[c.id]

    return words


def _alike(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two sentences of ``COPIED_WORDS`` or more, the shorter printed in the longer all but a few
    words (``COPIED_SHARE``): a copy that dropped "Captain Nambiar said" or changed "INS" for
    "Warship"; or edited, keeping a long run of the words (``COPIED_RUN``, ``EDITED_SHARE``)."""
    if min(len(a), len(b)) < COPIED_WORDS:
        return False
    if a == b:
        return True
    blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    same, run = sum(m.size for m in blocks), max(m.size for m in blocks)
    return same >= COPIED_SHARE * min(len(a), len(b)) or (run >= COPIED_RUN and same >= EDITED_SHARE * min(len(a), len(b)))


def _sentence_of(text: str, c: Claim) -> str:
    """The sentence (or run of sentences) holding the claim's span."""
    return text[sentence_start(text, c.start):_sentence_end(text, c)]


def _sentence_end(text: str, c: Claim) -> int:
    """Where the sentence holding the claim's end stops (its paragraph's end at most)."""
    m = _SENTENCE_END.search(text, c.end)
    stop = text.find("\n", c.end)
    return min(x for x in (m.start() + 1 if m else len(text), stop if stop >= 0 else len(text)))


def _attach(relied: dict[str, set[str]], parent: dict[str, str], root: Callable[[str], str]) -> None:
    """Each group of outlets joins one group of the speakers it relies on, the first by name: an
    outlet that quotes two speakers is one of their channels, never a bridge that makes the two one."""
    outlet_groups: dict[str, set[str]] = defaultdict(set)
    for outlet, speakers_ in relied.items():
        if outlet in parent:
            outlet_groups[root(outlet)].update(root(s) for s in speakers_ if s in parent)
    for group, speakers_ in sorted(outlet_groups.items()):
        others = sorted(speakers_ - {group})
        if others:
            parent[group] = others[0]


_REPORTED = re.compile(r"\breport(?:s|ed|ing)?\b", re.I)


def _relayed(c: Claim, text: str, reporter: str, others: set[str], names: dict[str, str]) -> set[str]:
    """The fact's other named speakers a reporter relays in the claim's sentence: the sentence names
    them before the claim and the reporter's verb, after it, is "reported" ("Harbour police named the
    driver as ..., the Coast Herald reported"): the paper is the police's channel, not a second source."""
    if c.attribution is None or not _REPORTED.search(c.attribution.text) or not text:
        return set()
    begin, end = sentence_start(text, c.start), _sentence_end(text, c)
    if c.attribution.text not in text[c.end:end]:
        return set()
    before = text[begin:c.start].lower()
    found = set()
    for other in sorted(others - {reporter}):
        forms = {other, *(r for r, to in names.items() if to == other)}
        if any(f.strip() and re.search(rf"\b{re.escape(f.strip().lower())}\b", before) for f in forms):
            found.add(other)
    return found


LEAD_SENTENCES = 3


def _speaks_for_others(described: str) -> bool:
    """A described speaker ("her publicist (X)", "officials (X)") headed by a noun for people, a body or
    a text (``_SPEAKING_KINDS``), not an unnamed one nor a finding ("opinion polls showing")."""
    words = described.split(" (")[0].lower().split()
    if not words or described.startswith("an unnamed"):
        return False
    return _generic_speaker(described) or _speaking_noun(words[-1])


def _lead_end(text: str) -> int:
    """Where the article's lead (its first ``LEAD_SENTENCES`` sentences, a headline with the first) ends."""
    ends = [m.end() for m in islice(_SENTENCE_END.finditer(text), LEAD_SENTENCES)]
    return ends[-1] if len(ends) == LEAD_SENTENCES else len(text)


def _told_on_their_word(heard: Sequence[tuple[Claim, Speaker]], outlets: set[str],
                        articles: dict[str, Article]) -> list[tuple[Claim, Speaker]]:
    """``heard`` with an outlet's own word put on the described speaker (``_speaks_for_others``) its
    article's lead (its first sentences, ``LEAD_SENTENCES``) gives the same fact to, when the article gives it to nobody named: a
    headline "Star dies at 91" over "she died in her sleep, according to her publicist" is the
    publicist's word, the outlet his channel, not a second source beside him. Only the lead: news
    names there whose word its account rests on; a remark quoted further down (a juror's, the
    defence's) is not what the whole report was written from. (An article quoting a named speaker
    anywhere is his channel already, ``quoted_in``.)"""
    described: dict[str, str] = {}  # article -> the first described speaker its lead gives the fact to
    named: set[str] = set()
    for c, s in heard:
        if s.name in outlets and not s.chain:
            continue
        if s.named:
            named.add(c.article)
        elif _speaks_for_others(s.name) and c.start < _lead_end(articles[c.article].text):
            described[c.article] = min(described.get(c.article, s.name), s.name)
    return [(c, Speaker(described[c.article], (s.name,), False))
            if s.name in outlets and not s.chain and c.article in described and c.article not in named else (c, s)
            for c, s in heard]


def independent_sources(claims: Sequence[Claim], articles: dict[str, Article], names: dict[str, str]) -> list[str]:
    """One name per group of speakers whose chains pass through one another (an outlet that prints a
    named speaker's words as its own is his channel, ``copying_outlets``): an outlet's own word
    and the agency it quotes elsewhere are one group, and so are a party and the person the reports
    title as its leader or spokesperson ("Tory leader Michael Howard", "the Tories"). A named speaker
    names its group before an outlet; outlets printing one sentence word for word are one group
    (``copied_outlets``). An outlet telling the event on its own authority in an article that quotes
    one of the fact's named speakers elsewhere (``SpeakerNames.quoted``) relies on that speaker: a
    report that cites the police for the arrest and writes "a woman was killed" is the police's
    channel, not a second source. Speakers who are only described ("officials", "a witness") add a source only when no
    one in the fact is named, and then one in all: they may be the named ones' people, and a
    reader cannot tell two of them apart."""
    outlets = {outlet_name(articles[c.article], articles) for c in claims}
    sentence_words = _sentence_words_of(articles)
    heard = echoed([(c, s) for c in claims for s in speakers(c, articles, names)], outlets, sentence_words)
    heard = _told_on_their_word(heard, outlets, articles)
    said = [s for _, s in heard]
    named = [s for s in said if s.named]
    if not named:
        return [min((s.name for s in said), key=lambda n: (n.startswith("an unnamed"), n))] if said else []
    who = sorted({s.name for s in named})
    parent = {n: n for n in who}

    def root(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    def join(a: str, b: str) -> None:
        parent[root(a)] = root(b)

    relied: dict[str, set[str]] = defaultdict(set)  # outlet -> the speakers it carries or relies on
    for s in named:
        for link in s.chain:
            if link in parent and link in outlets and s.name not in outlets:
                relied[link].add(s.name)
            elif link in parent:
                join(link, s.name)
    for a, b in copied_outlets(heard, outlets, sentence_words, _own_sentence_words_of(articles, sentence_words)):
        join(a, b)
    for a, b in copying_outlets(heard, outlets, sentence_words):
        relied[a].add(b)
    quoted = getattr(names, "quoted", {})
    named_others = set(who) - outlets
    for c, s in heard:
        if s.name in outlets and not s.chain:
            relied[s.name].update(quoted.get(c.article, frozenset()) & named_others)
    relayers = set()  # speakers who only report what others of the fact said: never the group's name
    for c, s in heard:
        if s.named and s.name not in outlets:
            relayed = _relayed(c, articles[c.article].text, s.name, named_others, names)
            if relayed:
                relied[s.name].update(relayed)
                relayers.add(s.name)
    if len({root(n) for n in who}) > 1:
        led = leaders([articles[a].text for a in sorted({c.article for c in claims})])
        for person in who:
            for body in who:
                if person != body and speaks_for(person, body, led):
                    join(body, person)
    _attach(relied, parent, root)
    groups: dict[str, list[str]] = defaultdict(list)
    for n in who:
        groups[root(n)].append(n)
    return sorted(min(g, key=lambda n: (n in outlets, n in relayers, n)) for g in groups.values())
