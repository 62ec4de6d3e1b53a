"""Per-line features for boilerplate detection (the jusText / boilerpipe signals, for plain text).

Plain text has no markup, so link density is replaced by *interface-word density*: words that
name page furniture (comment, log in, share, subscribe, print) rather than report events.
Every feature is measured against the article's own script (``script``): words are counted the
way that script writes them, and ``script_share`` says how much of the line is in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .script import SPACED_WORD, SPACELESS, script_share, words_of

WORD = SPACED_WORD
# Words that name page furniture and calls to action, not news. General web vocabulary, the
# plain-text analogue of boilerpipe's link density; calibrated on bench/extraction.py pages.
INTERFACE = frozenset("""
comment comments commenting login log sign signup subscribe subscription subscribers newsletter
share tweet facebook twitter whatsapp telegram linkedin email print printable bookmark
donate donation donations advertisement advertising sponsored cookie cookies consent privacy
password account accounts register click tap related recommended menu navigation copyright
reserved icon reply replies views
""".split())
ADDRESSEE = frozenset("we us our ours you your yours i me my".split())
# Words of an appeal for money or sign-ups: with first or second person they make an appeal even in
# an article that speaks to its reader throughout.
SUPPORT = frozenset("""support supporting donate donation donations contribute contribution contributions subscribe
subscription membership member members sponsor patron fund funding""".split())
_INNER_END = re.compile(r"[a-z\d)][.!?…。！？؟।]['\"”’»)]*\s+['\"“‘«(]?[^\W\d_]", re.U)
SENTENCE_END = re.compile(r"[.!?…。！？؟।]['\"”’»)\]]*$")
_OPENERS = "“‘«„"
_CLOSERS = "”’»"
_QUOTE_MARK = re.compile('["' + _OPENERS + _CLOSERS + "]")
_PAIRED_QUOTE = re.compile(r"[\"“][^\"“”]*[\"”]|‘[^‘’]*’|«[^«»]*»")


@dataclass(frozen=True)
class LineFeatures:
    words: int
    stop_density: float
    interface_hits: int
    addressee_share: float
    addressee_hits: int
    ends_sentence: bool
    script_share: float
    inner_sentences: int = 0  # sentence ends inside the line: prose, even when its last one is cut
    support_hits: int = 0


def line_features(line: str, stop: frozenset[str], script: str | None = "LATIN") -> LineFeatures:
    found = WORD.findall(line)
    words = [w.lower() for w in (words_of(line, script) if script in SPACELESS else found)]
    # Quote marks pair in more than one way in copied text; first/second person counts as the
    # reader's only when no reading puts it inside a quote.
    outside = WORD.findall(outside_quotes(line)) if _QUOTE_MARK.search(line) else found
    addressee = _addressed(outside)
    if addressee >= 2 and outside is not found:  # only then can the reading decide (the appeal rule needs two)
        paired = WORD.findall(_PAIRED_QUOTE.sub(" ", line))
        if _addressed(paired) < addressee:
            outside, addressee = paired, _addressed(paired)
    n = max(len(words), 1)
    return LineFeatures(
        words=len(words),
        stop_density=sum(w in stop for w in words) / n,
        interface_hits=sum(w in INTERFACE for w in words),
        addressee_share=addressee / max(len(outside), 1),
        addressee_hits=addressee,
        ends_sentence=bool(SENTENCE_END.search(line.strip())),
        script_share=script_share("".join(found), script),
        inner_sentences=len(_INNER_END.findall(line)),
        support_hits=sum(w in SUPPORT for w in words),
    )


def _addressed(words: list[str]) -> int:
    return sum(w.lower() in ADDRESSEE for w in words if not (len(w) > 1 and w.isupper()))  # 'US' is no 'us'


def outside_quotes(line: str) -> str:
    """``line`` with quoted speech blanked out.

    A straight quote opens when it follows a space or the line start and precedes a word, and closes
    otherwise, so the newspaper convention of reopening a quote at each new quoted paragraph or
    sentence without closing the one before (``said: "My time ... best. "Private issues ... decision."``)
    stays quoted to its end. An apostrophe inside a word (don’t) neither opens nor closes.
    """
    out, inside, last = [], False, 0
    for m in _QUOTE_MARK.finditer(line):
        i, ch = m.start(), m.group()
        before = line[i - 1] if i else " "
        after = line[i + 1] if i + 1 < len(line) else " "
        if ch == '"':
            opens = (before.isspace() or before in "([{:—–-") and not after.isspace()
        elif ch in _OPENERS:
            if ch == "‘" and before.isalnum():
                continue
            opens = True
        else:
            if ch == "’" and before.isalnum() and after.isalnum():
                continue  # an apostrophe
            opens = False
        out.append(" " * (i - last) if inside else line[last:i])
        out.append(" ")
        inside, last = opens, i + 1
    out.append(" " * (len(line) - last) if inside else line[last:])
    return "".join(out)
