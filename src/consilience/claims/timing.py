"""When a claim is about: the time expression attached to its trigger, else the time it was said."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..lexicon.gazetteer import Gazetteer
from ..records import When
from ..timex import TENSED_KINDS, Anchor, Interval, Mention, resolved
from .syntax import tree_distance


@dataclass(frozen=True)
class TimeAt:
    """A time expression of a sentence, resolved, with the token it starts at."""

    token: Token
    mention: Mention
    interval: Interval
    speech: bool  # it dates the saying ("said on Monday"), not what was said


def times_in(doc: Doc, found: list[Mention], anchor: Anchor | None, gaz: Gazetteer) -> list[TimeAt]:
    """Each resolvable time expression of the sentence, once for all of its claims."""
    out = []
    for m in found:
        token = _token_at(doc, m.start)
        if token is None:
            continue
        interval = resolved(_with_tense(m, token), anchor)
        if interval is not None:
            out.append(TimeAt(token, m, interval, _is_speech_time(token, gaz)))
    return out


def when_of(trigger: Token, times: list[TimeAt]) -> When | None:
    """The time nearest ``trigger`` in the parse, preferring one that does not date the saying."""
    if not times:
        return None
    best = min(times, key=lambda t: (t.speech, tree_distance(t.token, trigger), abs(t.token.i - trigger.i)))
    iv = best.interval
    return When(start=iv.start, end=iv.end, text=best.mention.text, precision=iv.precision)


_FUTURE_AUX = {"will", "would", "'ll", "shall", "wo"}
_FUTURE_HEADS = {"expect", "plan", "schedule", "set", "due", "go", "intend", "aim", "hope", "prepare"}


def _with_tense(m: Mention, token: Token) -> Mention:
    """``m`` with the tense of the verb it hangs on, which the parse knows better than the words
    before it ("said they would appeal the ruling announced Wednesday": past; "would send 500
    soldiers on Tuesday": future). Left as it is when the parse shows no tense; "last" and "next"
    keep their own direction in the resolver."""
    if m.kind not in TENSED_KINDS:
        return m
    verb = next((t for t in [token, *token.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return m
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    future = bool(auxes & _FUTURE_AUX) or (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _FUTURE_HEADS)
    past = not future and (verb.tag_ == "VBD" or (verb.tag_ == "VBN" and bool(auxes & {"has", "have", "had", "was", "were"})))
    if future and m.parts.get("tense") != "future":
        return replace(m, parts={**m.parts, "tense": "future"})
    if past and m.parts.get("tense") == "future":
        return replace(m, parts={k: v for k, v in m.parts.items() if k != "tense"})
    return m


def _token_at(doc: Doc, char: int) -> Token | None:
    for t in doc:
        if t.idx <= char < t.idx + len(t.text) or t.idx >= char:
            return t
    return None


def _is_speech_time(token: Token, gaz: Gazetteer) -> bool:
    for anc in [token, *token.ancestors]:
        if anc.pos_ in ("VERB", "AUX"):
            return anc.lemma_.lower() in gaz.speech_verbs and anc.lemma_.lower() not in gaz.verbs
    return False
