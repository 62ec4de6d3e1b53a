"""When a claim is about: the time expression attached to its trigger, else the time it was said."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..records import When
from ..timex import Anchor, Mention, resolved
from .gazetteer import Gazetteer
from .syntax import tree_distance


def when_of(doc: Doc, trigger: Token, found: list[Mention], anchor: Anchor | None, gaz: Gazetteer) -> When | None:
    scored = []
    for m in found:
        interval = resolved(m, anchor)
        if interval is None:
            continue
        token = _token_at(doc, m.start)
        if token is None:
            continue
        speech = _is_speech_time(token, gaz)
        scored.append((speech, tree_distance(token, trigger), abs(token.i - trigger.i), m, interval))
    if not scored:
        return None
    speech, _, _, m, iv = min(scored, key=lambda s: (s[0], s[1], s[2]))
    return When(start=iv.start.isoformat(), end=iv.end.isoformat() if iv.end else None, text=m.text,
                precision=iv.precision)


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
