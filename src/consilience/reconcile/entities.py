"""Names of one entity across a story's articles: "Boehner" = "Speaker John A. Boehner of Ohio" =
"the speaker" (pure functions over strings and texts).

1. A name is reduced to its core: titles before it ("Speaker", "Sen.", "President"), what follows
   it ("of Ohio", "(R-Ohio)", ", a Republican") and middle initials are taken off.
2. Two full names that differ only in a first name one of which is the other's nickname ("Bernie
   Ebbers", "Bernard Ebbers": the ``nicknames`` dataset of English given names) are one name, the
   formal one, when the story has no other full name for the nickname to stand for ("Ed Smith"
   beside "Edward Smith" and "Edwin Smith" joins neither).
3. A surname alone joins the one full name of the story that ends in it ("Boehner" -> "John
   Boehner"); when two full names share it ("George Bush", "Jeb Bush"), it joins neither.
4. A role ("the speaker", "the president") joins the one person the story's texts give that title
   ("Speaker John A. Boehner", "House Speaker John Boehner").
5. A pronoun or relative word ("I", "he", "who", "which") names nobody: it is never an entity.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache

from nicknames import NickNamer

from ..lexicon.gazetteer import gazetteer

PRONOUNS = {"i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it", "its", "they",
            "them", "their", "who", "whom", "whose", "which", "that", "this", "these", "those", "one", "someone",
            "somebody", "anyone", "anybody", "everyone", "everybody", "nobody", "none", "what", "whoever", "there",
            "here", "himself", "herself", "itself", "themselves", "ourselves", "myself", "yourself", "many", "most",
            "some", "several", "few", "all", "both", "each", "either", "neither", "others", "interviewed"}

# Words of a title or office written before a person's name; also what a role alone is called
# ("the speaker"). Lower case, without the final full stop.
TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "president", "vice", "prime", "minister",
          "speaker", "senator", "sen", "rep", "representative", "congressman", "congresswoman", "gov", "governor",
          "secretary", "chancellor", "king", "queen", "prince", "princess", "judge", "justice", "chief", "general",
          "gen", "col", "colonel", "lt", "lieutenant", "sgt", "sergeant", "captain", "capt", "mayor", "pope", "rev",
          "reverend", "professor", "prof", "chairman", "chairwoman", "chair", "ceo", "director", "spokesman",
          "spokeswoman", "spokesperson", "attorney", "detective", "inspector", "commissioner", "ambassador",
          "premier", "coach", "manager", "officer", "superintendent", "sheriff", "leader", "whip",
          "treasurer", "admiral", "adm", "marshal", "boss", "executive", "founder", "actor", "actress", "singer",
          "star", "constable", "trooper", "commander", "deputy", "agent"}
# Words that qualify a title ("House Speaker", "Senate Majority Leader", "former President").
_TITLE_QUALIFIERS = {"house", "senate", "majority", "minority", "former", "deputy", "acting", "foreign", "defense",
                     "defence", "interior", "finance", "health", "home", "state", "attorney", "u.s", "us", "uk",
                     "the", "then", "assistant", "associate", "senior", "top", "police", "fire", "republican",
                     "democratic", "democrat", "labour", "conservative", "party", "opposition", "shadow", "chief",
                     "executive", "national", "general", "county", "district", "white", "press"}
_AFTER_NAME = re.compile(r"\s*(?:,.*|\(.*|\bfrom\s+[A-Z].*|\b[RDI]-[A-Z][\w.]*.*)$")
_OF_PLACE = re.compile(r"\s*\bof\s+[A-Z].*$")
_COUNTING = {"the", "a", "an", "at", "least", "most", "more", "than", "some", "around", "about", "nearly", "almost",
             "over", "up", "to", "fewer", "less", "roughly", "approximately", "estimated", "another", "only", "just",
             "all", "dozens", "hundreds", "thousands", "millions", "of", "other", "those", "these"}
_NUMBER = re.compile(r"[\d.,]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand",
                     re.I)
# Words that count people, whatever the outlet's word: "112 victims" and "131 deaths" count people.
PEOPLE_WORDS = {"people", "person", "persons", "individuals", "victim", "victims", "resident", "residents",
                "civilian", "civilians", "death", "deaths", "dead", "fatality", "fatalities", "body", "bodies", "lives"}
# A clock time or zone left in front of a name by a page's byline ("5:55p Wladimir Klitschko",
# "PM EDT Wladimir Klitschko"): no part of the name.
_CLOCK = {"am", "pm", "a.m", "p.m", "gmt", "utc", "bst", "cet", "cest", "edt", "est", "cdt", "cst", "mdt", "mst",
          "pdt", "pst", "et", "pt", "ist", "jst", "aest"}
_INITIAL = re.compile(r"^[A-Z]\.?$")
_NAME_WORD = r"(?:[A-Z][a-z'’-]+|[A-Z]\.|Mc[A-Z][a-z]+|O'[A-Z][a-z]+)"
_TITLED = re.compile(r"\b((?:[A-Z][a-z]+\.?\s+){0,3})(" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){1,3})")


# Names are compared pairwise across a story's claims (``coref.clustered``): the string functions
# below are pure, so each name is worked out once per process. Bounded, so a long run does not grow.
_NAMES_CACHED = 1 << 16


@lru_cache(maxsize=_NAMES_CACHED)
def names_nobody(name: str | None) -> bool:
    """True for what names nobody: empty, a pronoun or relative word ("I", "who", "which"), or only
    a number ("20%", "the $325m": the figure, not whose it is), or a clock time ("GMT")."""
    if not name or not name.strip():
        return True
    words = re.findall(r"[\w'’]+", name.lower())
    return not words or all(w in PRONOUNS or w in _COUNTING or w in _CLOCK or any(ch.isdigit() for ch in w)
                            for w in words)


def core_words(name: str) -> list[str]:
    """The name without titles, what follows it and middle initials: "Speaker John A. Boehner of Ohio"
    -> ["john", "boehner"]."""
    return list(_core_words(name))


@lru_cache(maxsize=_NAMES_CACHED)
def _core_words(name: str) -> tuple[str, ...]:
    name = _office_holder(name.strip()) or without_tail(name.strip())
    words = [w.strip(".,:;'’\"") for w in name.split()]
    words = [w for w in words if w]
    while len(words) > 1 and (words[0].lower() in _COUNTING or _NUMBER.fullmatch(words[0]) or clock_word(words[0])):
        words = words[1:]  # "at least 112 people" counts people
    words = words[_title_length(words):]
    if words and words[-1].lower() in ("jr", "sr", "ii", "iii"):
        words = words[:-1]
    keep = [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and _INITIAL.match(w + "."))]
    return tuple(w.lower().removesuffix("'s").removesuffix("’s") for w in keep)


def without_tail(name: str) -> str:
    """The name without what follows it: a clause (", a Republican", "(R-Ohio)", "from Texas"), and
    "of" a place after a person or title ("Boehner of Ohio"), but not the "of" that names a body
    ("the Bank of England", "University of Texas"): cut, two banks were one."""
    name = _AFTER_NAME.sub("", name)
    m = _OF_PLACE.search(name)
    if m is None:
        return name
    head = name[:m.start()].split()
    return name if head and head[-1].lower().strip(".,") in _ORG_WORDS else name[:m.start()]


def _office_holder(name: str) -> str | None:
    """The person's name in "Secretary of State Colin Powell", "Mayor of London Boris Johnson": a title
    "of" an office, then two capitalised words. Cut after "of" as a place ("Boehner of Ohio"), such a
    name kept only its title, and two secretaries were one person."""
    m = _OFFICE.match(name)
    if m is None or not all(w.lower().rstrip(".") in TITLES | _TITLE_QUALIFIERS for w in m.group(1).split()):
        return None
    return m.group(2)


# A title, "of" an office of capitalised words (and "the", "for"), then a first name and a surname.
_OFFICE = re.compile(r"^((?:[A-Za-z.]+\s+)*?[A-Z][a-z.]*)\s+of\s+(?:(?:the|for|[A-Z][\w&'’-]*)\s+)+?"
                     r"([A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+)$")


def clock_word(word: str) -> bool:
    """A clock time or time zone ("5:55p", "GMT+01:0", "EDT") before a name."""
    return word.lower().rstrip(".") in _CLOCK or (any(ch.isdigit() for ch in word) and ":" in word)


def bare(name: str) -> str:
    """The name as written without the count in front of it: "At least 112 people" -> "people"."""
    words = name.split()
    while len(words) > 1 and (words[0].lower() in _COUNTING or _NUMBER.fullmatch(words[0])):
        words = words[1:]
    return " ".join(words)


def _title_length(words: list[str]) -> int:
    """How many leading words are a title ("House Speaker", "Sen.", "former President"): qualifiers
    followed by title words, with a name still after them."""
    n = end = 0
    while n < len(words) - 1 and words[n].lower().rstrip(".") in TITLES | _TITLE_QUALIFIERS:
        if words[n].lower().rstrip(".") in TITLES:
            end = n + 1
        n += 1
    return end


def role_of(name: str) -> str | None:
    """"the speaker" -> "speaker", "the House speaker" -> "speaker"; None for anything else."""
    words = [w.lower().strip(".,") for w in name.split()]
    if words and words[0] in ("the", "a"):
        words = words[1:]
    if not words or words[-1] not in TITLES:
        return None
    return words[-1] if all(w in TITLES | _TITLE_QUALIFIERS for w in words) else None


# Last words that make a capitalised name an organisation or a work, not a person.
_ORG_WORDS = {"agency", "service", "ministry", "department", "office", "council", "committee", "commission", "party",
              "police", "court", "government", "university", "college", "school", "bank", "company", "corporation",
              "corp", "inc", "ltd", "group", "club", "union", "association", "times", "post", "news", "journal",
              "herald", "press", "tribune", "telegraph", "guardian", "network", "board", "authority", "institute",
              "foundation", "house", "senate", "congress", "parliament", "army", "navy", "force", "forces", "command",
              "staff", "bureau", "organisation", "organization", "fund", "center", "centre", "hospital", "team",
              "federation", "league", "states", "nations", "kingdom", "republic", "administration", "campaign"}


def is_person_like(words: list[str], original: str) -> bool:
    """One to four capitalised words, not an acronym, not ending in an organisation's word: how
    people are written in news ("Boehner", "John A. Boehner")."""
    caps = [w for w in original.split() if w[:1].isupper()]
    if not 1 <= len(words) <= 4 or len(caps) < len(words) or words[-1] in _ORG_WORDS:
        return False
    return not any(w.strip(".,").isupper() and len(w.strip(".,")) > 1 for w in original.split())


def titled_people(texts: Iterable[str]) -> dict[str, set[str]]:
    """role -> the surnames written right after that title in ``texts`` ("Speaker John A. Boehner")."""
    out: dict[str, set[str]] = defaultdict(set)
    for text in texts:
        for m in _TITLED.finditer(text):
            titles = [w.lower().rstrip(".") for w in m.group(1).split()]
            if not titles or titles[-1] not in TITLES:
                continue
            surname = core_words(m.group(2))[-1]
            out[titles[-1]].add(surname)
    return out


def entity_names(names: Iterable[str], texts: Iterable[str] = ()) -> dict[str, str]:
    """name -> the name to count it under, for the person names and roles of one story. Names that
    join nothing are left out (they stand for themselves); pronouns map to ""."""
    names, texts = sorted(set(names)), list(texts)
    out: dict[str, str] = {n: "" for n in names if names_nobody(n)}
    known = gazetteer()
    people = [n for n in names if n not in out and known.kind_of(n) in (None, "person")  # the gazetteer's bodies stay whole
              and is_person_like(core_words(n), without_tail(n))]
    cores = {" ".join(core_words(n)) for n in people if len(core_words(n)) >= 2}
    formal = {**initialled_cores(cores, texts), **formal_cores(cores), **respelt_cores(cores, texts),
              **middle_named_cores(cores, texts)}
    full: dict[str, set[str]] = defaultdict(set)  # surname -> full cores
    for n in people:
        core = core_words(n)
        if len(core) >= 2:
            full[core[-1]].add(formal.get(" ".join(core), " ".join(core)))
    display = _display_names(people)
    for n in people:
        core = core_words(n)
        fulls = full.get(core[-1], set()) if core else set()
        if len(core) == 1 and not fulls:
            fulls = _respelt(core[0], full)
        if len(core) == 1 and len(fulls) == 1:
            out[n] = display[next(iter(fulls))]
        elif len(core) >= 2:
            joined = " ".join(core)
            out[n] = display[formal.get(joined, joined)]
    roles = titled_people(texts)
    for n in names:
        role = role_of(n)
        surnames = roles.get(role or "", set())
        if role and len(surnames) == 1:
            surname = next(iter(surnames))
            fulls = full.get(surname, set())
            out[n] = display[next(iter(fulls))] if len(fulls) == 1 else surname.title()
    return out


def one_typo(a: str, b: str) -> bool:
    """Two different spellings of a surname of five letters or more that one slip makes one from the
    other (a letter added or dropped, two swapped, or one changed in a name of seven letters or more),
    the first letter kept: "Heffner", "Hefner". Outlets misspell names; two people of one story rarely
    differ so; a changed letter in a shorter name is often another name ("Smith", "Smyth")."""
    if a == b or min(len(a), len(b)) < 5 or a[0] != b[0] or abs(len(a) - len(b)) > 1:
        return False
    if len(a) != len(b):
        short, long_ = sorted((a, b), key=len)
        return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return (len(diff) == 1 and len(a) >= 7) or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                              and a[diff[1]] == b[diff[0]])


def _respelt(surname: str, full: dict[str, set[str]]) -> set[str]:
    """The full names of the one surname of the story that ``surname`` misspells, else nothing."""
    found = [s for s in sorted(full) if one_typo(surname, s)]
    return full[found[0]] if len(found) == 1 else set()


def respelt_cores(cores: Iterable[str], texts: Sequence[str]) -> dict[str, str]:
    """full core -> the spelling it stands for: "hugh heffner" -> "hugh hefner", one first name and a
    surname one slip apart, the spelling the texts use most (then the first in order) kept."""
    by_first: dict[str, list[str]] = defaultdict(list)
    for core in sorted(set(cores)):
        first, _, rest = core.partition(" ")
        if rest and " " not in rest:
            by_first[first].append(rest)
    out = {}
    for first, surnames in by_first.items():
        for s in surnames:
            others = [o for o in surnames if one_typo(s, o)]
            if len(others) != 1:
                continue
            uses = {x: sum(t.lower().count(x) for t in texts) for x in (s, others[0])}
            keep = max(sorted(uses), key=lambda x: uses[x])
            if keep != s:
                out[f"{first} {s}"] = f"{first} {keep}"
    return out


@lru_cache(maxsize=1)
def _nicknamer() -> NickNamer:
    return NickNamer()


def nickname_of(short: str, formal: str) -> bool:
    """``short`` is a nickname of the given name ``formal`` ("bernie", "bernard"; "bill", "william")."""
    return short != formal and short in _nicknamer().nicknames_of(formal)


def initialled_cores(cores: Iterable[str], texts: Sequence[str] = ()) -> dict[str, str]:
    """core with an initial for the given name -> the one full core of the story it stands for: "j pickell"
    -> "robert pickell" when the initial is the first name's or the texts write it as the middle one
    ("Robert J. Pickell"). Nothing when two full cores fit."""
    split = {c: c.split() for c in sorted(set(cores))}
    out = {}
    for short, ws in split.items():
        if len(ws) != 2 or len(ws[0]) != 1:
            continue
        fits = [c for c, wl in split.items() if c != short and len(wl) >= 2 and wl[-1] == ws[-1]
                and len(wl[0]) > 1 and _initial_of(ws[0], wl[0], ws[-1], texts)]
        if len(fits) == 1:
            out[short] = fits[0]
    return out


def _initial_of(initial: str, first: str, surname: str, texts: Sequence[str]) -> bool:
    """``initial`` is the first name's, or the middle initial the texts write between it and the surname."""
    return first.startswith(initial) or any(
        re.search(rf"\b{re.escape(first)}\s+{re.escape(initial)}\.?\s+{re.escape(surname)}\b", t, re.I) for t in texts)


def formal_cores(cores: Iterable[str]) -> dict[str, str]:
    """full core -> the core it stands for: "bernie ebbers" -> "bernard ebbers" when the story has that
    name and no other it could be short for ("ed smith" beside "edward smith" and "edwin smith" stays)."""
    by_rest: dict[str, list[str]] = defaultdict(list)
    for core in sorted(set(cores)):
        first, _, rest = core.partition(" ")
        by_rest[rest].append(first)
    out = {}
    for rest, firsts in by_rest.items():
        for short in firsts:
            longer = [f for f in firsts if nickname_of(short, f) and not nickname_of(f, short)]
            if len(longer) == 1:
                out[f"{short} {rest}"] = f"{longer[0]} {rest}"
    return out


def middle_named_cores(cores: Iterable[str], texts: Sequence[str] = ()) -> dict[str, str]:
    """core without a middle name -> the one core of the story with it, when an article writes both
    ("Mark Jay Heller", later "Mark Heller"): "mark heller" -> "mark jay heller". "Mary Lee" beside
    "Mary Ann Lee" and "Mary Jo Lee" joins neither; "George Bush" joins "George Walker Bush" only where
    one article names him both ways (a story about father and son may name only the son in full)."""
    longer: dict[tuple[str, str], list[str]] = defaultdict(list)
    for core in sorted(set(cores)):
        words = core.split()
        if len(words) >= 3:
            longer[words[0], words[-1]].append(core)
    lowered = [" ".join(t.lower().split()) for t in texts]
    out = {}
    for core in sorted(set(cores)):
        words = core.split()
        found = longer.get((words[0], words[-1]), []) if len(words) == 2 else []
        if len(found) == 1 and any(core in t and found[0] in t for t in lowered):
            out[core] = found[0]
    return out


def _display_names(people: list[str]) -> dict[str, str]:
    """full core -> how to print it: the shortest written form with that core ("John Boehner")."""
    forms: dict[str, list[str]] = defaultdict(list)
    for n in people:
        core = core_words(n)
        if len(core) >= 2:
            forms[" ".join(core)].append(n)
    return {core: " ".join(w if w[:1].isupper() else w.title() for w in _written(core, ws)) for core, ws in forms.items()}


def _written(core: str, written: list[str]) -> list[str]:
    """The core's words as the reports capitalise them."""
    seen = {w.strip(".,").lower().removesuffix("'s"): w.strip(".,").removesuffix("'s") for n in written for w in n.split()}
    return [seen.get(w, w) for w in core.split()]


@lru_cache(maxsize=_NAMES_CACHED)
def same_entity(a: str | None, b: str | None) -> bool:
    """Both named, and the same: equal cores, or one core's words a tail of the other's ("Boehner",
    "John Boehner"; "troops", "North Korean troops")."""
    if names_nobody(a) or names_nobody(b):
        return False
    ca, cb = _core_words(a or ""), _core_words(b or "")
    if not ca or not cb:
        return False
    ca, cb = ([("people" if w in PEOPLE_WORDS else w) for w in c] for c in (ca, cb))
    short, long_ = (ca, cb) if len(ca) <= len(cb) else (cb, ca)
    if len(short) >= 2 and len(short) == len(long_) and short[1:] == long_[1:]:
        return short[0] == long_[0] or nickname_of(short[0], long_[0]) or nickname_of(long_[0], short[0])
    if long_[len(short):len(short) + 1] == ["of"] and long_[:len(short)] == short:
        return True  # "the Bank", "the Bank of England": a body's short name within a story
    if len(short) == 1 and PREPOSITIONS.intersection(long_[:-1]):
        return False  # "villages" is not "the buildings in seven villages", nor "Lagos" "the police in Lagos"
    return long_[len(long_) - len(short):] == short


PREPOSITIONS = frozenset({"of", "in", "at", "on", "for", "from", "with", "by", "near", "to"})
