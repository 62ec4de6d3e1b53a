"""The briefing: the story's main event first, then what is disputed or changed, then details.

1. *Main event*: the fact carried by the most outlets, then the most independent sources, that a
   reader can check (a named actor and what happened); who did what, when, and who says so.
2. *Disputed or changed*: ``contradicts`` and ``updates`` relations, each with both figures, the
   day each is given for and who gives it.
3. *Details*: other corroborated facts, then single-source ones, most reported first.

Each sentence is drafted from facts with the words of the claims it cites (their event word, their
number and unit, their subject), then checked: every number, the subject and the event word must be
in the cited claims' text. A draft that fails is dropped and counted (``Story.summary_dropped``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Article, Claim, Fact, Relation, Sentence
from .entities import bare, core_words, names_nobody
from .facts import ranked_members, span_words
from .measure import number_text, quantity_words
from .sources import inside_quotation

MAX_CHANGES = 4
MAX_DETAILS = 6
# A claim longer than this is quoted only up to its event's clause; beyond it, it is not quoted.
MAX_QUOTE_CHARS = 240
# Fewer words than this are a fragment ("Jonathan Kaplan's decisions"), not a statement to quote.
MIN_QUOTE_WORDS = 5
# The rest of a claim's sentence is quoted with it when at most this long (an attribution, a relative
# clause); a longer rest is marked '…'.
MAX_TAIL_CHARS = 80
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


@dataclass(frozen=True)
class Draft:
    """A sentence before its support check: what it says (subject, event word, numbers) and the
    claims it cites."""

    text: str
    claims: tuple[str, ...]
    subject: str | None
    event: str | None
    numbers: tuple[float, ...]


def briefing(facts: Sequence[Fact], relations: Sequence[Relation], claims: dict[str, Claim],
             articles: dict[str, Article]) -> tuple[list[Sentence], int]:
    """The story's briefing sentences, and how many drafts failed the support check."""
    ranked = sorted((f for f in facts if _checkable(f, claims, articles)), key=lambda f: _reach(f, claims, articles))
    drafts: list[Draft] = []
    main = ranked[0] if ranked else None
    if main is not None:
        drafts.append(_fact_draft(main, claims, articles, lead="Main event"))
    by_id = {f.id: f for f in facts}
    shown = [r for r in relations if r.kind in ("contradicts", "updates") and len(r.claims) == 2
             and all(c in claims for c in r.claims)]
    for r in sorted(shown, key=lambda r: (r.kind != "contradicts", r.from_, r.to))[:MAX_CHANGES]:
        drafts.append(_relation_draft(r, by_id, claims, articles))
    changed = {i for r in shown for i in (r.from_, r.to)}
    details = [f for f in ranked[1:] if f.id not in changed]
    drafts += [_fact_draft(f, claims, articles, lead=None) for f in details[:MAX_DETAILS]]
    drafts = list({d.text: d for d in reversed(drafts)}.values())[::-1]  # one claim's words said once
    kept = [Sentence(text=d.text, claims=d.claims) for d in drafts if supported(d, claims)]
    return kept, len(drafts) - len(kept)


def _reach(f: Fact, claims: dict[str, Claim], articles: dict[str, Article]) -> tuple:  # type: ignore[type-arg]
    """Most outlets and sources first; among facts equal on those, the one its articles tell first
    (news puts its main event at the top: a review's aside or an obituary's detail comes later)."""
    lead = claims[f.claims[0]] if f.claims[0] in claims else None
    bare = lead is not None and lead.predicate == "count"  # a number with nothing naming what happened: last
    return (bare, -len(f.outlets), -len(f.sources), lead is not None and lead.kind != "event", -f.weight,
            _told_at(f, claims, articles), f.statement, f.id)


def _told_at(f: Fact, claims: dict[str, Claim], articles: dict[str, Article]) -> float:
    """How far into its article the fact is first told, as a share of the article's length (0 = its first words)."""
    shares = [c.start / max(len(articles[c.article].text), 1) for c in _members(f, claims) if c.article in articles]
    return round(min(shares), 6) if shares else 1.0


def _checkable(f: Fact, claims: dict[str, Claim], articles: dict[str, Article]) -> bool:
    """A fact a reader can check: a claim of it names its actor and its event, and is not a forecast."""
    return f.status != "speculative" and any(quotable(c, articles) and (c.trigger is not None or c.quantity is not None
                                                                        or c.kind == "event") for c in _members(f, claims))


def quotable(c: Claim, articles: dict[str, Article] | None = None) -> bool:
    """A claim whose words read as a statement on their own: a named actor, at least
    ``MIN_QUOTE_WORDS`` words, starting like a sentence, and naming its actor as written ("provided
    by councils", "the game progresses" are fragments, not statements; "It was followed by" leaves
    the reader to guess what "it" is). With ``articles``: not words inside a quotation whose speaker
    is unknown."""
    text = quoted(c)
    if not _named(c) or len(text.split()) < MIN_QUOTE_WORDS or not text[:1].isupper():
        return False
    if text.split()[0].strip('"“”‘’\'').lower() in _OPENING_PRONOUNS:
        return False  # "It was followed by", "They have been struck by": the reader cannot tell who
    article = (articles or {}).get(c.article)
    if article is not None and c.attribution is None and inside_quotation(article.text, c.start):
        return False  # someone's words whose speaker was not found: never the outlet's own
    written = (c.subject_text or "").lower()
    core = core_words(c.subject or "")
    shown = bool(written) and not names_nobody(written) and written in text.lower()  # "It was followed by" names no one
    return shown or (bool(core) and _mentions(text.lower(), c.subject or ""))


# Words a quote cannot open with: who or what they stand for is not in the quote ("I" and "we" are
# the speaker the sentence cites).
_OPENING_PRONOUNS = {"it", "its", "they", "their", "them", "he", "his", "him", "she", "her", "this", "these", "those",
                     "that"}


def _named(c: Claim) -> bool:
    return c.subject is not None and not names_nobody(c.subject) and bool(core_words(c.subject))


def _members(f: Fact, claims: dict[str, Claim]) -> list[Claim]:
    return ranked_members([claims[i] for i in f.claims if i in claims])


def _fact_draft(f: Fact, claims: dict[str, Claim], articles: dict[str, Article], *, lead: str | None) -> Draft:
    """'Main event, reported by 3 outlets (A, B, C) citing 2 independent sources (X, Y): "quote" (when).'"""
    members = [c for c in _members(f, claims) if quotable(c, articles)] or _members(f, claims)
    c = members[0]
    cited = tuple(dict.fromkeys([c.id, *(m.id for m in members if m.article != c.article)][:3]))
    quote = quoted(c, articles)
    when = ""
    if c.when and c.when.start and c.when.text.lower() not in quote.lower():
        when = f" ({span_words(c.when.start, c.when.end, c.when.precision)})"  # "on Tuesday": which Tuesday
    outlets = _names(f.outlets, articles)
    by = (f"reported by {_count(len(f.outlets), 'outlet')} ({outlets})" if len(f.outlets) > 1
          else f"reported by {outlets}")
    named = [x for x in f.sources if x not in f.outlets and _named_in_sentences(x, members, articles)]
    own = all(m.attribution is None for m in members)
    sources = _names(named, articles)
    who = (f"citing {_count(len(named), 'independent source')} ({sources})" if len(named) > 1
           else f"citing {sources}" if named else "on its own authority" if own else "citing a source it names")
    head = f"{lead}, {by}" if lead else _cap(by)
    numbers = _stated_numbers(c)
    return Draft(text=f"{head}, {who}: “{quote}”{when}.", claims=cited, subject=c.subject,
                 event=c.trigger.text if c.trigger else None, numbers=numbers)


def _relation_draft(r: Relation, facts: dict[str, Fact], claims: dict[str, Claim],
                    articles: dict[str, Article]) -> Draft:
    a, b = (claims[i] for i in r.claims)
    fa, fb = facts[r.from_], facts[r.to]
    if a.quantity is None or b.quantity is None:
        verb = "Changed" if r.kind == "updates" else "Disputed"
        text = f"{verb}: “{quoted(a)}” ({_said_by(fa, a, articles)}), against “{quoted(b)}” ({_said_by(fb, b, articles)})."
        return Draft(text=text, claims=r.claims, subject=None, event=None, numbers=())
    whom = bare(a.subject or "")
    what = f"{a.predicate.replace('_', ' ')}, {whom}" if whom else a.predicate.replace("_", " ")
    if r.kind == "updates":
        text = (f"Changed ({what}): {quantity_words(a)} ({_said_by(fa, a, articles)}) after "
                f"{quantity_words(b)} ({_said_by(fb, b, articles)}).")
    else:
        text = (f"Disputed ({what}): {quantity_words(a)} ({_said_by(fa, a, articles)}) against "
                f"{quantity_words(b)} ({_said_by(fb, b, articles)}), for the same day.")
    numbers = _stated_numbers(a) + _stated_numbers(b)
    return Draft(text=text, claims=r.claims, subject=a.subject, event=None, numbers=numbers)


def _said_by(f: Fact, c: Claim, articles: dict[str, Article]) -> str:
    """'per the forensic service, in Reuters, 7 Feb 2024'."""
    source = c.attribution.source if c.attribution and not names_nobody(c.attribution.source) else None
    outlet = _names([articles[c.article].outlet or f"article {c.article}"], articles) if c.article in articles else ""
    when = ""
    if c.when and c.when.start:
        when = ", " + span_words(c.when.start, c.when.end, c.when.precision)
    else:
        a = articles.get(c.article)
        day = a.published.date if a else None
        when = f", published {span_words(day, day, 'day')}" if day else ""
    return f"per {source}, in {outlet}{when}" if source else f"in {outlet}{when}"


def quoted(c: Claim, articles: dict[str, Article] | None = None) -> str:
    """The claim's own words, one line, at most ``MAX_QUOTE_CHARS`` (cut at a word, marked '…').
    With its article: the rest of its sentence when short (``MAX_TAIL_CHARS``: "is benefiting people"
    must not lose "who do not need it"), else '…' marks that the sentence goes on."""
    text = " ".join(c.text.split())
    article = (articles or {}).get(c.article)
    if article is not None:
        tail = _rest_of_sentence(article.text, c.end)
        text += tail if len(tail) <= MAX_TAIL_CHARS else " …"
    if len(text) <= MAX_QUOTE_CHARS:
        return text
    return text[:MAX_QUOTE_CHARS].rsplit(" ", 1)[0] + " …"


def _rest_of_sentence(text: str, end: int) -> str:
    """What follows ``end`` up to its sentence's end (its full stop dropped), on one line."""
    m = _SENTENCE_END.search(text, end)
    stop = m.start() if m else len(text)
    rest = " ".join(text[end:stop].split()).rstrip(".") if stop > end else ""
    return " " + rest if rest and text[end:end + 1].isspace() else rest


def _sentence_of(text: str, start: int, end: int) -> str:
    """The sentence around ``start``..``end`` (as a full stop, question mark or line break bound it)."""
    begin = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind("? ", 0, start)) + 1
    m = _SENTENCE_END.search(text, end)
    return text[begin:m.start() if m else len(text)]


def _named_in_sentences(source: str, members: Sequence[Claim], articles: dict[str, Article]) -> bool:
    """The source is named (its last core word) in the sentence of a claim it is given for: an
    attribution the reader can see ("…, the country's government said"), not one carried from afar."""
    core = core_words(source.split(" (")[0])
    if not core:
        return False
    word = re.compile(r"\b" + re.escape(core[-1]) + r"\b", re.I)
    for c in members:
        a = articles.get(c.article)
        said = c.attribution is not None and source in (c.attribution.source, *c.attribution.sources)
        if a is not None and (said or c.attribution is None) and word.search(_sentence_of(a.text, c.start, c.end)):
            return True
    return False


def _stated_numbers(c: Claim) -> tuple[float, ...]:
    q = c.quantity
    if q is None:
        return ()
    return tuple(q.tally) if q.tally else (q.value,)


# ---------------------------------------------------------------- the support check

_NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?")
_NUMBER_WORDS = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
                           r"fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|half|score)",
                           re.I)
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def supported(d: Draft, claims: dict[str, Claim]) -> bool:
    """Every number, the subject and the event word of the draft are in its cited claims' text."""
    cited = [claims[i] for i in d.claims if i in claims]
    if not cited:
        return False
    text = " ".join(c.text for c in cited).lower()
    if d.subject is not None and not _mentions(text, d.subject):
        return False
    if d.event is not None and d.event.lower() not in text:
        return False
    return all(_number_in(v, cited) for v in d.numbers)


def _mentions(text: str, name: str) -> bool:
    """The claim text names the subject: its last core word ("Boehner" for "John Boehner")."""
    core = core_words(name)
    return bool(core) and re.search(r"\b" + re.escape(core[-1]) + r"\b", text) is not None


def _number_in(value: float, cited: Sequence[Claim]) -> bool:
    """The value is written in a cited claim: as digits, as digits with a scale word ("43 million"),
    or it is the number the claim was read with (a number word: "two dozen" is 24)."""
    for c in cited:
        worded = _NUMBER_WORDS.search(c.text) is not None
        if worded and c.quantity is not None and value in (c.quantity.value, *c.quantity.tally):
            return True
        for m in _NUMBER.finditer(c.text):
            v = float(m.group().replace(",", ""))
            after = c.text[m.end():m.end() + 10].split()
            scale = _SCALE.get(after[0].lower(), 1) if after else 1
            if value in (v, v * scale):
                return True
    return False


def _names(values: Sequence[str], articles: dict[str, Article]) -> str:
    """Outlets as a reader knows them; an article with no outlet by its title."""
    short = {f"article {a.id}": a.short_name() for a in articles.values()}
    return ", ".join(dict.fromkeys(short.get(v, v) for v in values))


_SMALL = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _count(n: int, noun: str) -> str:
    word = _SMALL[n] if n < len(_SMALL) else number_text(n)
    return f"{word} {noun}{'' if n == 1 else 's'}"


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]
