"""The briefing: the story's main event first, then what is disputed or changed, then details.

1. *Main event*: the fact carried by the most outlets, then the most independent sources, that a
   reader can check (a named actor and what happened); who did what, when, and who says so.
2. *Disputed or changed*: ``contradicts`` and ``updates`` relations, each with both figures, the
   day each is given for and who gives it.
3. *Details*: other corroborated facts, then single-source ones, most reported first.

Each sentence is drafted from facts with the words of the claims it cites (their event word, their
number and unit, their subject) and quotes only what their spans hold: a claim is one event, often one
clause of its article's sentence, so the quote is the claim's own span, joined with the spans of the
same article's claims that go on from it ("… and cut its debt to £160m", then cited too), and '…'
marks where the article's sentence goes on. A claim whose sentence governs it ("Reports that […]",
"our aim was to get […]", "If talks fail, […]") is not quoted: alone, it would read as done. Who says
it is told from the claims cited, never from the fact's others: "citing X" where a cited claim's
sentence gives it to X by X's whole name, "quoting a speaker" for words inside a quotation whose
speaker the sentence does not name, "on its own authority" where none gives it to anyone and no word of
saying or hearsay stands in it, and otherwise nothing (the outlet is named as the channel only); a quote goes on
only into the same speaker's words. Then each draft is checked: every number, the subject
and the event word must be in the cited claims' text, and every quoted word inside the cited claims'
spans in their article. A draft that fails is dropped and counted (``Story.summary_dropped``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..lexicon.gazetteer import gazetteer, past_tense, third_person
from ..records import Article, Claim, Fact, Relation, Sentence
from .entities import bare, core_words, names_nobody
from .facts import ranked_members, span_words
from .measure import number_text, quantity_words
from .sources import inside_quotation, sentence_start

MAX_CHANGES = 4
MAX_DETAILS = 6
# A claim longer than this is quoted only up to its event's clause; beyond it, it is not quoted.
MAX_QUOTE_CHARS = 240
# Fewer words than this are a fragment ("Jonathan Kaplan's decisions"), not a statement to quote.
MIN_QUOTE_WORDS = 5
# What may stand between two claims' spans that one quote joins: punctuation, or "and" (it adds
# nothing a reader could check: "[revenues fell to 5.4%] and [cut its debt to £160m]").
_JOINER = re.compile(r"[\s,;:—–\-\"'”’]*(?:\band\b)?[\s,;:—–\-\"'“‘]*")


@dataclass(frozen=True)
class Draft:
    """A sentence before its support check: what it says (subject, event word, numbers) and the
    claims it cites."""

    text: str
    claims: tuple[str, ...]
    subject: str | None
    event: str | None
    numbers: tuple[float, ...]
    quotes: tuple[str, ...] = ()  # the article words the text quotes ('…' where it leaves words out)
    open_end: bool = False  # the quote stops where its sentence goes on with words it needs (``_OPEN_END``)


def briefing(facts: Sequence[Fact], relations: Sequence[Relation], claims: dict[str, Claim],
             articles: dict[str, Article]) -> tuple[list[Sentence], int]:
    """The story's briefing sentences, and how many drafts failed the support check."""
    ranked = sorted((f for f in facts if _checkable(f, claims, articles)), key=lambda f: _reach(f, claims, articles))
    drafts: list[Draft] = []
    told = _claims_by_article(facts, claims)
    main = ranked[0] if ranked else None
    if main is not None:
        drafts.append(_fact_draft(main, claims, articles, told, lead="Main event"))
    by_id = {f.id: f for f in facts}
    shown = [r for r in relations if r.kind in ("contradicts", "updates") and len(r.claims) == 2
             and all(c in claims for c in r.claims)]
    for r in sorted(shown, key=lambda r: (r.kind != "contradicts", r.from_, r.to))[:MAX_CHANGES]:
        drafts.append(_relation_draft(r, by_id, claims, articles))
    changed = {i for r in shown for i in (r.from_, r.to)}
    details = [f for f in ranked[1:] if f.id not in changed]
    drafts += [_fact_draft(f, claims, articles, told, lead=None) for f in details[:MAX_DETAILS]]
    drafts = _unrepeated(list({d.text: d for d in reversed(drafts)}.values())[::-1], claims)
    kept = [Sentence(text=d.text, claims=d.claims) for d in drafts if supported(d, claims, articles)]
    return kept, len(drafts) - len(kept)


def _unrepeated(drafts: Sequence[Draft], claims: dict[str, Claim]) -> list[Draft]:
    """The drafts but those that would quote again what an earlier one quotes: every claim a draft
    cites lies, at least half of it, within a claim an earlier draft cites in the same article ("X
    closed 12,575 net cafes" as the main event, then "X closed 12,575 net cafes, the government
    said" as a detail). A draft citing anything new stays."""
    shown: dict[str, list[tuple[int, int]]] = {}
    out = []
    for d in drafts:
        cited = [claims[c] for c in d.claims if c in claims]
        if out and cited and all(_mostly_shown(c, shown.get(c.article, ())) for c in cited):
            continue
        out.append(d)
        for c in cited:
            shown.setdefault(c.article, []).append((c.start, c.end))
    return out


def _mostly_shown(c: Claim, spans: Sequence[tuple[int, int]]) -> bool:
    """Half the claim's span or more lies within one span shown before ("The storm" shown does not make
    "The storm killed 12 people" shown)."""
    return any(2 * (min(c.end, e) - max(c.start, s)) >= c.end - c.start > 0 for s, e in spans)


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
    if article is not None and _cuts_a_word(c, article.text):
        return False  # "[…qualify for the 5,000]m final": the number without its unit
    if article is not None and governed(c, article):
        return False  # "Reports that [Blair plans an election]": alone, the words would read as a fact
    written = (c.subject_text or "").lower()
    core = core_words(c.subject or "")
    shown = bool(written) and not names_nobody(written) and written in text.lower()  # "It was followed by" names no one
    return shown or (bool(core) and _mentions(text.lower(), c.subject or ""))


# Words a quote cannot open with: who or what they stand for is not in the quote ("I" and "we" are
# the speaker the sentence cites).
_OPENING_PRONOUNS = {"it", "its", "they", "their", "them", "he", "his", "him", "she", "her", "this", "these", "those",
                     "that"}


def _cuts_a_word(c: Claim, text: str) -> bool:
    """The claim's span starts or ends inside a word of its article."""
    if text[c.start:c.end] != c.text or not c.text:
        return False
    return ((c.start > 0 and text[c.start - 1].isalnum() and text[c.start].isalnum())
            or (c.end < len(text) and text[c.end - 1].isalnum() and text[c.end].isalnum()))


# What a quote may not stop right before, for the words quoted need it to say what they say: a condition
# ("… could not expect others to listen [if they isolated themselves]"), a restricting "who" ("He was
# the man [who …]"), or a per cent sign ("10.8[%]"). Not "or": mostly the last of a list ("about
# membership [or fundraising]"), whose loss the '…' marks.
_OPEN_END = re.compile(r"%|\s+(?:if|unless|who|whom)\b")


def governed(c: Claim, article: Article) -> bool:
    """The words before the claim in its sentence govern it, so that quoted alone it would tell as done
    what was reported, aimed at or supposed: "Reports that [Tony Blair is planning an election]", "our
    first aim was to get [Gavin settled]", "If talks fail, [the plant will close]". Not governed: the
    claim opens its sentence, or follows punctuation or a word that joins two clauses each of which
    stands on its own ("…, but [Rover cut 200 jobs]"), or follows the words of saying its attribution
    was read from ("Tories say [Labour ...]", "The court ruled that [...]")."""
    if article.text[c.start:c.end] != c.text:
        return False
    lead = article.text[sentence_start(article.text, min(c.start + 1, len(article.text))):c.start]
    if _CONDITION.search(lead):
        return True
    words = re.findall(r"[\w'’]+|[^\w\s]", lead)
    if not words or words[-1] in _CLAUSE_MARKS or words[-1].lower() in _CLAUSE_JOINERS:
        return False
    return c.attribution is None or _SAID_BEFORE.search(lead) is None


# What may stand right before a claim that starts inside its sentence for it to be quoted on its own:
# punctuation, or a word that joins two clauses each of which is told as it stands (not "or": an
# alternative; not "that", "to", "of": words that make the claim a part of something else).
_CLAUSE_MARKS = {",", ";", ":", "—", "–", "-", "(", '"', "“", "‘", "'"}
_CLAUSE_JOINERS = {"and", "but", "while", "whilst", "whereas", "after", "before", "as", "since", "although",
                   "though", "because", "when", "then", "so", "yet", "with", "once", "until", "meanwhile"}
# A claim in a sentence that sets a condition is not told as it stands ("If talks fail, the plant will close").
_CONDITION = re.compile(r"\b(?:if|unless|whether)\b", re.I)


def _named(c: Claim) -> bool:
    return c.subject is not None and not names_nobody(c.subject) and bool(core_words(c.subject))


def _members(f: Fact, claims: dict[str, Claim]) -> list[Claim]:
    return ranked_members([claims[i] for i in f.claims if i in claims])


def _claims_by_article(facts: Sequence[Fact], claims: dict[str, Claim]) -> dict[str, list[tuple[Claim, frozenset[str]]]]:
    """The story's claims (those of its facts), by article, in the order the article tells them, each
    with the outlets of its fact."""
    told: dict[str, list[tuple[Claim, frozenset[str]]]] = {}
    pairs = ((claims[i], frozenset(f.outlets)) for f in facts for i in f.claims if i in claims)
    for c, outlets in sorted(pairs, key=lambda p: (p[0].start, p[0].end, p[0].id)):
        told.setdefault(c.article, []).append((c, outlets))
    return told


def _fact_draft(f: Fact, claims: dict[str, Claim], articles: dict[str, Article],
                told: dict[str, list[tuple[Claim, frozenset[str]]]], *,
                lead: str | None) -> Draft:
    """'Main event, reported by 3 outlets (A, B, C) citing 2 independent sources (X, Y): "quote" (when).'"""
    members = [c for c in _members(f, claims) if quotable(c, articles)] or _members(f, claims)
    members.sort(key=lambda m: _mid_sentence(m, articles))  # a claim that opens its sentence reads whole
    c = members[0]
    # the quote goes on only into claims told at least as widely: "reported by three outlets" must not
    # stand before a clause that one of them alone reported
    # and only into words of the same speaker: "The owner mentions she might lay a new floor; [this will
    # improve the insulation]" goes on into the writer's own words (the outlet telling of a speech act,
    # "[Mr Mallon toured the region] [highlighting improvements]", is the outlet's words)
    along = [k for k, outlets in told.get(c.article, ()) if outlets >= set(f.outlets) and _same_voice(c, k)]
    quote, joined = quotation(c, articles.get(c.article), along)
    quoted_end = max(claims[i].end for i in joined)
    # other outlets' claims next, those that say whose word the fact is first (stable: otherwise as ranked)
    others = sorted((m for m in members if m.article != c.article), key=lambda m: m.attribution is None)
    cited = tuple(dict.fromkeys([*joined, *(m.id for m in others)][:len(joined) + 2]))
    shown = [claims[i] for i in cited]  # who says it is told from the claims cited, not the fact's others
    when = ""
    if c.when and c.when.start and c.when.text.lower() not in quote.lower():
        when = f" ({span_words(c.when.start, c.when.end, c.when.precision)})"  # "on Tuesday": which Tuesday
    outlets = _names(f.outlets, articles)
    by = (f"reported by {_count(len(f.outlets), 'outlet')} ({outlets})" if len(f.outlets) > 1
          else f"reported by {outlets}")
    named = [x for x in f.sources if x not in f.outlets and _named_in_sentences(x, shown, articles)]
    own = all(m.attribution is None and not m.speech for m in shown)
    sources = _names(named, articles)
    # an attribution whose source its sentence does not name may be misread ("His popular music show
    # [American Bandstand was first broadcast in 1952]"): then the outlet is named as the channel only
    who = (f", citing {_count(len(named), 'independent source')} ({sources})" if len(named) > 1
           else f", citing {sources}" if named
           else _authority(c, quote, quoted_end, articles) if own and set(f.sources) & set(f.outlets)
           else ", quoting a speaker" if _quoting(c, articles) else "")
    head = f"{lead}, {by}" if lead else _cap(by)
    numbers = _stated_numbers(c)
    article = articles.get(c.article)
    open_end = article is not None and _OPEN_END.match(article.text, quoted_end) is not None
    return Draft(text=f"{head}{who}: “{quote}”{when}.", claims=cited, subject=c.subject,
                 event=c.trigger.text if c.trigger else None, numbers=numbers, quotes=(quote,), open_end=open_end)


def _quoting(c: Claim, articles: dict[str, Article]) -> bool:
    """The claim has a speaker and its words stand inside a quotation in its article: the outlet is
    quoting someone, though its sentence does not name them ('"By selling software …, spammers are
    hiding spyware"' after a paragraph that ends '…," said Mike Newton.')."""
    a = articles.get(c.article)
    return c.attribution is not None and a is not None and inside_quotation(a.text, c.start)


def _same_voice(c: Claim, k: Claim) -> bool:
    """Whether a quote of ``c`` may go on into ``k``: both are told by the same source (a speech act
    is its speaker's, for what goes on from it), or ``k`` is the outlet's telling of a speech act."""
    return _speaker(k) == _speaker(c) or (_speaker(c) is None and k.speech and k.attribution is None)


def _speaker(c: Claim) -> str | None:
    """Whose words the claim's are: its attribution's source, a speech act's subject, or None (the outlet's)."""
    return c.attribution.source if c.attribution else c.subject if c.speech else None


def _mid_sentence(c: Claim, articles: dict[str, Article]) -> bool:
    """The claim's span starts after words of its sentence (its quote opens with '…')."""
    a = articles.get(c.article)
    return a is not None and _WORD.search(a.text, _sentence_bounds(a.text, c.start, c.end)[0], c.start) is not None


def _authority(c: Claim, quote: str, quoted_end: int, articles: dict[str, Article]) -> str:
    """', on its own authority', unless the claim's sentence, outside the quoted words, has a word of
    saying ("…, the state press has said", "according to", "The court ruled that …") that no
    attribution was read from, or the quote ends with one ("…, the ONS said", "it has been claimed")
    or says "according to" or "reportedly": then whose words these are is not known, and nothing is said of it."""
    if _TOLD_BY.search(quote) or _ACCORDING.search(quote) or _SAYS_AFTER.search(quote.rstrip(" …")) \
            or _HEARSAY.search(quote):
        return ""
    a = articles.get(c.article)
    if a is None or a.text[c.start:c.end] != c.text:
        return ", on its own authority"
    lo, hi = _sentence_bounds(a.text, c.start, c.end)
    if _SAYING.search(a.text, lo, c.start) or _SAYING.search(a.text, quoted_end, hi) \
            or _SAYS_AFTER.search(a.text[quoted_end:hi]):
        return ""
    return ", on its own authority"


def _saying_alternation() -> str:
    """The finite forms of the gazetteer's speech verbs that are seldom nouns (said, says, told,
    reported, not "report" or "reports"), "according to" and "ruled" (a court's ruling is its word)."""
    forms = {"according to", "ruled", "says", "tells"} | {past_tense(v) for v in gazetteer().speech_verbs}
    return "|".join(sorted(map(re.escape, forms), key=lambda w: (-len(w), w)))


def _speaking_words() -> re.Pattern[str]:
    """Every form of the gazetteer's speech verbs and of "think" and "believe", the nouns among them too
    ("show", "reports"): for places where only a verb can stand (right before the words said, or
    ending the sentence after them)."""
    forms = {"according to", "ruled", "rules", "think", "thinks", "thought", "believe", "believes", "believed"}
    for v in gazetteer().speech_verbs:
        forms |= {v, third_person(v)}
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, forms), key=lambda w: (-len(w), w))) + r"|"
                      + _SAYING_WORDS + r")\b", re.I)


_SAYING_WORDS = _saying_alternation()
_SAYING = re.compile(r"\b(?:" + _SAYING_WORDS + r")\b", re.I)
_SPEAKING = _speaking_words()
# The words of saying an attribution was read from, right before the words said ("Tories say [...]",
# "The tribunal decided that [...]", "according to the ONS, [...]").
_SAID_BEFORE = re.compile(_SPEAKING.pattern + r"(?:\s+that)?\s*$", re.I)
# The sentence ends with who says it, in the present too: "…, figures from the trade ministry show."
_SAYS_AFTER = re.compile(r",\s+(?:\S+\s+){0,8}?" + _SPEAKING.pattern
                         + r"(?:\s+(?:on|last|this|yesterday|today|earlier|later)\b(?:\s+\w+)?)?\W*$", re.I)
# A quote that ends its sentence with who says it: a comma, a few words, a word of saying, then at most
# when or where ("…, a committee of MPs has warned", "…, the Law Lords ruled on Tuesday", "it was
# claimed in court"). Not "…, called Emiew …" nor "…, have reported falling profits": an attribution
# ends the sentence with its verb.
_TOLD_BY = re.compile(r",\s+(?:\S+\s+){0,8}?(?:" + _SAYING_WORDS + r")"
                      r"(?:\s+(?:on|in|at|last|this|yesterday|today|earlier|later)\b(?:\s+\w+)?)?$", re.I)
_ACCORDING = re.compile(r"\baccording to\b", re.I)
# Words by which the outlet tells what it has from others, unnamed ("a revolver was reportedly found").
_HEARSAY = re.compile(r"\b(?:reportedly|allegedly|apparently|purportedly|supposedly|reputedly|(?:is|are|was|were) "
                      r"(?:not )?(?:believed|thought|understood|said|alleged|reported|rumou?red) to)\b", re.I)


def _relation_draft(r: Relation, facts: dict[str, Fact], claims: dict[str, Claim],
                    articles: dict[str, Article]) -> Draft:
    a, b = (claims[i] for i in r.claims)
    fa, fb = facts[r.from_], facts[r.to]
    if a.quantity is None or b.quantity is None:
        verb = "Changed" if r.kind == "updates" else "Disputed"
        text = f"{verb}: “{quoted(a)}” ({_said_by(fa, a, articles)}), against “{quoted(b)}” ({_said_by(fb, b, articles)})."
        return Draft(text=text, claims=r.claims, subject=None, event=None, numbers=(), quotes=(quoted(a), quoted(b)))
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


def quoted(c: Claim) -> str:
    """The claim's own words, one line, at most ``MAX_QUOTE_CHARS`` (cut at a word, marked '…')."""
    return _shortened(" ".join(c.text.split()))


def _shortened(text: str) -> str:
    if len(text) <= MAX_QUOTE_CHARS:
        return text
    return text[:MAX_QUOTE_CHARS].rsplit(" ", 1)[0].rstrip(",;:—–- ") + " …"


def quotation(c: Claim, article: Article | None, told: Sequence[Claim]) -> tuple[str, tuple[str, ...]]:
    """What the briefing quotes for ``c``, and the claims whose spans it quotes (``c`` first).

    The claim's span, joined with the spans of the article's claims in ``told`` that go on from it
    within its sentence (overlapping it, or next to it with only punctuation or "and" between), as
    long as the whole stays within ``MAX_QUOTE_CHARS``; '…' where the article's sentence goes on
    before or after the quoted words. Nothing the cited spans do not hold is quoted: a clause is one
    event, and "Seventy search warrants were executed in the US …" must not carry the rest of its
    sentence's countries on a citation of the US alone."""
    if article is None or article.text[c.start:c.end] != c.text:
        return quoted(c), (c.id,)
    lo, hi = _sentence_bounds(article.text, c.start, c.end)
    end, joined = c.end, [c.id]
    for k in told:  # in the order the article tells them: each may go on from the last one joined
        if k.id not in joined and c.start <= k.start and end < k.end <= hi and k.end - c.start <= MAX_QUOTE_CHARS \
                and (k.start < end or _JOINER.fullmatch(article.text, end, k.start) is not None):
            end = k.end
            joined.append(k.id)
    text = _shortened(" ".join(article.text[c.start:end].split()))
    if _WORD.search(article.text, lo, c.start):
        text = "… " + text
    if not text.endswith("…") and _WORD.search(article.text, end, hi):
        text = text.rstrip(",;:—–- ") + " …"
    return text, tuple(joined)


_WORD = re.compile(r"\w")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence around ``start``..``end`` begins and ends: a full stop, question or
    exclamation mark (maybe with a closing quotation mark) or a line break bound it."""
    m = _SENTENCE_STOP.search(text, end)
    # one past ``start``: a sentence that begins right at ``start`` is found only when the search sees its first letter
    return sentence_start(text, min(start + 1, len(text))), m.start() if m else len(text)


_SENTENCE_STOP = re.compile(r"[.!?][\"”’']?(?=\s|$)|\n")


def _sentence_of(text: str, start: int, end: int) -> str:
    """The sentence around ``start``..``end``."""
    begin, stop = _sentence_bounds(text, start, end)
    return text[begin:stop]


def _named_in_sentences(source: str, members: Sequence[Claim], articles: dict[str, Article]) -> bool:
    """The source is named (its last core word, as a whole name: not "old" of "27-year-old", not
    "Number" of "Number 10") in the sentence of a claim it is given for: an attribution the reader can see ("…, the country's government said"), not one carried from afar; or it is the
    speaker of a claim that is its speech act ("Wenger said he would stay"), when the speaker has a
    name (an outlet's "alerts" that "tell people" is no one it cites). A fact that rests on someone
    quoted elsewhere in the article ("Arsene Wenger has signed a new contract") does not make its
    sentence his saying."""
    core = core_words(source.split(" (")[0])
    if not core:
        return False
    word = re.compile(r"(?<![\w-])" + re.escape(core[-1]) + r"(?![\w-])(?!\s+\d)", re.I)
    for c in members:
        a = articles.get(c.article)
        said = c.attribution is not None and any(x == source or x.endswith(" " + source)  # "team spokesman Tim Mead"
                                                 for x in (c.attribution.source, *c.attribution.sources))
        speaking = (c.attribution is None and c.speech and not _GENERIC.search(source)
                    and any(word.search(x or "") for x in (c.subject, c.subject_text)))
        if a is not None and (said or speaking) and word.search(_sentence_of(a.text, c.start, c.end)):
            return True
    return False


# A generic speaker, scoped to the outlet that quotes it ("officials (Daily Bugle)").
_GENERIC = re.compile(r" \([^()]*\)$")


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


def supported(d: Draft, claims: dict[str, Claim], articles: dict[str, Article]) -> bool:
    """Every number, the subject and the event word of the draft are in its cited claims' text, every
    word it quotes lies inside the cited claims' spans in their article (``in_spans``), and the quote
    does not stop before words it needs (``Draft.open_end``)."""
    cited = [claims[i] for i in d.claims if i in claims]
    if not cited or d.open_end:
        return False
    text = " ".join(c.text for c in cited).lower()
    if d.subject is not None and not _mentions(text, d.subject):
        return False
    if d.event is not None and d.event.lower() not in text:
        return False
    if not all(q in d.text and in_spans(q, cited, articles) for q in d.quotes):
        return False
    return all(_number_in(v, cited) for v in d.numbers)


def in_spans(quote: str, cited: Sequence[Claim], articles: dict[str, Article]) -> bool:
    """Each piece of the quote (pieces split at '…') stands, word for word, in an article of the cited
    claims, every word of it inside those claims' spans ("and" may join two of them). A piece is
    looked for only between the first and the last cited span of an article: nowhere else can all of
    its words be inside them."""
    pieces = [p.split() for p in quote.split("…")]
    return all(_piece_in_spans(words, cited, articles) for words in pieces if words)


def _piece_in_spans(words: list[str], cited: Sequence[Claim], articles: dict[str, Article]) -> bool:
    for aid in dict.fromkeys(c.article for c in cited):
        article = articles.get(aid)
        spans = [(c.start, c.end) for c in cited if c.article == aid]
        if article is None:
            continue
        lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
        if any(_words_inside(article.text, start, end, spans) for start, end in _word_runs(article.text, words, lo, hi)):
            return True
    return False


def _word_runs(text: str, words: list[str], lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """Where ``words`` stand one after another in ``text[lo:hi]``, whitespace between them, by start:
    the matches a search for the words joined by ``\\s+`` finds from each start (``str.isspace`` is
    what ``\\s`` matches), without compiling a pattern for each quote (6% of reconciling BBC News)."""
    first, hi = words[0], min(hi, len(text))
    at = text.find(first, lo, hi)
    while at >= 0:
        end = _run_end(text, words, at + len(first), hi)
        if end is not None:
            yield at, end
        at = text.find(first, at + 1, hi)


def _run_end(text: str, words: list[str], end: int, hi: int) -> int | None:
    """Where ``words[1:]`` end when they follow, each after whitespace, from ``end`` (before ``hi``); None if not."""
    for w in words[1:]:
        gap = end
        while gap < hi and text[gap].isspace():
            gap += 1
        if gap == end or not text.startswith(w, gap, hi):
            return None
        end = gap + len(w)
    return end


def _words_inside(text: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    for m in re.finditer(r"\w+", text[start:end]):
        a, b = start + m.start(), start + m.end()
        if any(s <= a and b <= e for s, e in spans):
            continue
        if m.group().lower() == "and" and any(e <= a for _, e in spans) and any(s >= b for s, _ in spans):
            continue  # the joiner of two cited spans
        return False
    return True


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
