"""When a claim is about: the time expression attached to its trigger, else the time it was said."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..lexicon.gazetteer import Gazetteer
from ..records import When
from ..timex import TENSED_KINDS, Anchor, Interval, Mention, resolved, with_ranges
from .syntax import doc_text, tree_distance


@dataclass(frozen=True)
class TimeAt:
    """A time expression of a sentence, resolved, with the token it starts at."""

    token: Token
    mention: Mention
    interval: Interval
    speech: bool  # it dates the saying ("said on Monday"), not what was said


def times_in(doc: Doc, found: list[Mention], anchor: Anchor | None, gaz: Gazetteer) -> list[TimeAt]:
    """Each resolvable time expression of the sentence, once for all of its claims; the two ends
    of a range ("between 2011 and 2014", "from June to July") are one."""
    out = []
    starts = [t.idx for t in doc]
    for m in with_ranges(doc_text(doc), found):
        token = _token_at(doc, starts, m.start)
        if token is None:
            continue
        interval = resolved(_with_tense(m, token), anchor)
        if interval is not None:
            out.append(TimeAt(token, m, interval, _is_speech_time(token, gaz)))
    return out


def time_of(trigger: Token, times: list[TimeAt]) -> TimeAt | None:
    """The time expression nearest ``trigger`` in the parse, preferring one that does not date the saying."""
    if not times:
        return None
    return min(times, key=lambda t: (t.speech, tree_distance(t.token, trigger), abs(t.token.i - trigger.i)))


def when_of(trigger: Token, times: list[TimeAt]) -> When | None:
    """The time ``trigger`` is about (``time_of``), as a record."""
    best = time_of(trigger, times)
    if best is None:
        return None
    iv = best.interval
    return When(start=iv.start, end=iv.end, text=best.mention.text, precision=iv.precision)


_FUTURE_AUX = {"will", "would", "'ll", "shall", "wo"}
# Verbs that put what hangs on them ahead: "expected to resume", "set to air", and as participles
# before a date, "a rally set for Wednesday", "talks scheduled for March", "a vote due on Friday".
_FUTURE_HEADS = {"expect", "plan", "schedule", "set", "due", "go", "intend", "aim", "hope", "prepare", "slate"}
_HAVE_BE = {"has", "have", "had", "was", "were"}


def _with_tense(m: Mention, token: Token) -> Mention:
    """``m`` with the tense of the verb it hangs on, which the parse knows better than the words
    before it ("said they would appeal the ruling announced Wednesday": past; "would send 500
    soldiers on Tuesday": future). Left as it is when the parse shows no tense; "last" and "next"
    keep their own direction in the resolver. A range takes the tense for both of its ends."""
    if m.ends is not None:
        first, last = m.ends
        return replace(m, ends=(_with_tense(first, token), _with_tense(last, token)))
    if m.kind not in TENSED_KINDS:
        return m
    tense = _tense_of(token)
    if tense is None or m.parts.get("tense") == tense:
        return m
    return replace(m, parts={**m.parts, "tense": tense})


def _tense_of(token: Token) -> str | None:
    """"future", "past" or None (the parse does not say) for the verb ``token`` hangs on."""
    verb = next((t for t in [token, *token.ancestors] if t.pos_ in ("VERB", "AUX", "ADJ") and t.dep_ != "amod"
                 and (t.pos_ != "ADJ" or t.lemma_.lower() == "due")), None)
    if verb is None:
        return None
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & _FUTURE_AUX or (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _FUTURE_HEADS):
        return "future"
    if verb.dep_ == "acl" and "to" in auxes:
        return "future"  # "a documentary to air Tuesday", "the talks to be held in March"
    if verb.lemma_.lower() in _FUTURE_HEADS and (verb.tag_ == "VBN" or verb.lemma_.lower() == "due") \
            and not auxes & _HAVE_BE:
        return "future"  # "a rally set for Wednesday", "scheduled for March", "due on Friday"
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and bool(auxes & _HAVE_BE)):
        return "past"
    return None


def _token_at(doc: Doc, starts: list[int], char: int) -> Token | None:
    """The token at ``char``, else the first after it (``starts``: each token's offset)."""
    i = bisect_right(starts, char) - 1
    if i >= 0 and char < starts[i] + len(doc[i].text):
        return doc[i]
    return doc[i + 1] if i + 1 < len(doc) else None


def _is_speech_time(token: Token, gaz: Gazetteer) -> bool:
    for anc in [token, *token.ancestors]:
        if anc.pos_ in ("VERB", "AUX"):
            return anc.lemma_.lower() in gaz.speech_verbs and anc.lemma_.lower() not in gaz.verbs
    return False
