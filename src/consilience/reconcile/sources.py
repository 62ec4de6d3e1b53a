"""Sources are entities: one name per speaker within a story, and how many are independent.

A source is a canonical speaker (a person, a body, a document, or an outlet asserting on its own
authority). People join across their name variants and titles (``entities.py``); pronouns and
relative words are never sources; an outlet that quotes someone is a channel (``via``), not a
source. Independent sources are the speakers whose chains do not pass through one another.

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
from collections.abc import Iterable, Sequence

from ..records import Article, Claim
from .entities import core_words, entity_names, names_nobody, same_entity

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


def _abbreviated(name: str, named: list[str]) -> str | None:
    """The one name in ``named`` that the acronym ``name`` ("NADMO", "the NIS") abbreviates."""
    acronym = _LEAD.sub("", name).strip()
    if not re.fullmatch(r"[A-Z][A-Z&]{1,7}", acronym):
        return None
    found = {full for full in named if _abbreviates(acronym.lower(), _words(full))}
    return found.pop() if len(found) == 1 else None


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
                     "media", "statement", "diplomat", "officer", "member", "lawmaker", "investigator"}


def speaker_names(claims: Sequence[Claim], articles: dict[str, Article]) -> dict[str, str]:
    """raw speaker name -> the name to count it under, for one story's claims ("" for a pronoun)."""
    raw = sorted({s for c in claims if c.attribution for s in (c.attribution.sources or (c.attribution.source,))})
    texts = [articles[a].text for a in sorted({c.article for c in claims}) if a in articles]
    people = entity_names(raw, texts)
    orgs = source_aliases(n for n in raw if n not in people)
    names = {**orgs, **people}
    names = {**names, **_spoken_for(raw, names)}
    first: dict[str, str] = {}  # "Alaska governor" = "Alaska Governor": one name, however capitalised
    for n in raw:
        first.setdefault(names.get(n, n).lower(), names.get(n, n))
    return {n: first[names.get(n, n).lower()] for n in raw}


_SPOKESPEOPLE = re.compile(r"\s+(?:spokesman|spokeswoman|spokesperson|spokespeople|press office|statement)$", re.I)


def _spoken_for(raw: Sequence[str], names: dict[str, str]) -> dict[str, str]:
    """A body's spokesperson is the body ("Bat spokeswoman" = "Bat"); a short name joins the one
    longer name of the story it ends ("Police" = "Greater Manchester Police")."""
    out: dict[str, str] = {}
    for n in raw:
        base = _SPOKESPEOPLE.sub("", n).strip()
        if base != n and base:
            out[n] = names.get(base, base)
            continue
        if n in names and names[n] != n:
            continue
        longer = {names.get(m, m) for m in raw if m != n and len(m) > len(n) and same_entity(m, n)
                  and not names_nobody(m)}
        if len(longer) == 1 and not names_nobody(n):
            out[n] = longer.pop()
    return out


def outlet_name(a: Article, articles: dict[str, Article]) -> str:
    """The outlet behind an article: a copy (near-duplicate) counts as its original's."""
    original = articles.get(a.duplicate_of or "", a)
    return original.outlet or f"article {original.id}"


def speakers(c: Claim, articles: dict[str, Article], names: dict[str, str]) -> list[tuple[str, tuple[str, ...]]]:
    """Who a claim rests on, each with the chain it reached the reader through (intermediaries,
    then the outlet). Unattributed: the outlet itself, on its own authority, with no chain."""
    outlet = outlet_name(articles[c.article], articles)
    if c.attribution is None:
        return [(outlet, ())]
    chain = tuple(dict.fromkeys([*(names.get(v, v) for v in c.attribution.via if not names_nobody(v)), outlet]))
    out = []
    for raw in c.attribution.sources or (c.attribution.source,):
        name = names.get(raw, raw)
        if names_nobody(name):
            name = f"an unnamed source ({outlet})"
        elif _generic(name):
            name = f"{name} ({outlet})"
        out.append((name, tuple(x for x in chain if x != name)))
    return out


def _generic(name: str) -> bool:
    words = core_words(name)
    return len(words) == 1 and words[0].removesuffix("s") in _GENERIC_SPEAKERS


def independent_sources(claims: Sequence[Claim], articles: dict[str, Article], names: dict[str, str]) -> list[str]:
    """One name per group of speakers whose chains pass through one another: an outlet's own word
    and the agency it quotes elsewhere are one group. A named speaker names its group before an outlet."""
    said = [s for c in claims for s in speakers(c, articles, names)]
    who = sorted({name for name, _ in said})
    parent = {n: n for n in who}

    def root(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for name, chain in said:
        for link in chain:
            if link in parent:
                parent[root(link)] = root(name)
    outlets = {outlet_name(articles[c.article], articles) for c in claims}
    groups: dict[str, list[str]] = defaultdict(list)
    for n in who:
        groups[root(n)].append(n)
    return sorted(min(g, key=lambda n: (n in outlets, n.startswith("an unnamed"), n)) for g in groups.values())
