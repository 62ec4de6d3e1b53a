"""Plain text -> clean body + what was removed.

The cascade, per line (a line is a paragraph in plain-text news):
1. *Shape rules* that need no context: section markers ("[LEAD]"), breadcrumbs ("Home > World"),
   counters ("Views: 12", "(0/250)"), timestamp lines, lines in another script than the article's own,
   bylines, and lines repeated earlier in the page (captions and headlines printed twice).
2. *Content rules* (jusText): long lines dense in stopwords are text; very short lines without
   sentence punctuation are boilerplate; lines dense in interface words (comment, log in, share)
   or addressed to the reader ("we need your help", outside quotes) are boilerplate.
3. *Context*: undecided short lines take the class of their neighbours, so a salutation inside
   a donation appeal goes with the appeal and a speaker's name inside a report stays.
Every removed line is returned in ``removed``; nothing is dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dateline import split_dateline
from .features import LineFeatures, line_features
from .page import (
    FURNITURE_COST,
    FURNITURE_WORD_SHARE,
    UNDECIDED_COST,
    before_comments,
    body_span,
    furniture_reason,
    is_wall,
)
from .script import SPACELESS, dominant_script

GOOD, BAD, SHORT = "good", "bad", "short"

_MARKER = re.compile(r"^\s*[\[(【][A-Z0-9 /&_-]{2,30}[\])】]\s*$")
_TRAILING_MARKER = re.compile(r"\s*\[[A-Z][A-Z0-9 /&_-]{2,30}\]\s*$")
_CRUMB_SEP = re.compile(r"\s(?:>|›|»|/|\|)\s")
_COUNTER = re.compile(r"^[^\W\d_][\w ]{0,24}:\s*[\d.,]+\s*[KkMm]?$|\(\s*\d+\s*/\s*\d+\s*\S{0,3}\s*\)")
_DATE_TIME = re.compile(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}:\d{2}(?::\d{2})?")
# A name after "By": capitalised words (particles allowed), no digits ("By early 2005 the net ..." is a sentence).
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|de|van|von|der|da|al|bin|and|&|our|staff|correspondents?|reporters?)"
_BYLINE = re.compile(r"^(?:[Bb]y|BY|[Ww]ritten by|[Rr]eporter)\s+" + _NAME_WORD + r"(?:[ ,]+" + _NAME_WORD + r"){0,7}"
                     r"\.?(?:\s*[|,–—-]\s*[\w .'-]{0,40})?(?:\s*\[.*\])?$")
COUNTER_MAX_WORDS = 8  # "Views: 1,024", "(0/250)": a counter is a line of its own, not a score inside a report
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\[email\s*protected\]", re.I)

# Calibrated on hand-written fixtures in tests/clean and re-measured by bench/extraction.py.
LONG_LINE_WORDS = 8        # jusText's "length_high" is ~200 chars; news paragraphs are shorter
MIN_STOP_DENSITY = 0.25    # jusText uses 0.30-0.32; lowered for headline-style English
# Where a language's stop list fits its words poorly (Korean particles cling to their nouns: its
# prose runs at 5-20% stop words), the floor is this share of the article's own prose density.
# Calibrated on tests/fixtures/languages; English, German, Russian prose stays above MIN_STOP_DENSITY.
OWN_DENSITY_SHARE = 0.5
SHORT_LINE_WORDS = 3       # at most this many words and no sentence end: boilerplate
ADDRESSEE_SHARE = 0.06     # first/second person outside quotes: appeals, not reports
# ... unless this share of the article's own prose lines is written so (calibrated on the development
# pages of bench/plaintext.py; a news report with a donation appeal has one or two such lines in ten).
OWN_VOICE_SHARE = 0.3
OWN_VOICE_MIN_LINES = 3


@dataclass(frozen=True)
class Cleaned:
    text: str
    removed: tuple[str, ...]
    title: str | None
    author: str | None
    header: tuple[str, ...]


def cleaned_text(raw: str, *, stop: frozenset[str], title: str | None = None, light: bool = False,
                 script: str | None = None) -> Cleaned:
    """``stop``: the article's language's stop words; ``script``: its writing system (found from
    ``raw`` when not given). ``light``: for text a main-content extractor already chose (HTML): only
    shape, interface, appeal and repeat rules apply; short lines are kept."""
    lines = [ln.strip() for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [ln for ln in lines if ln]
    header = tuple(lines[:4])
    script = script or dominant_script(raw) or "LATIN"
    if script in SPACELESS:
        stop = frozenset()  # stop words cannot be counted in text without spaces: shape rules only
    if title is None:
        title = headline(lines, stop, script)
    features = [line_features(_without_trailing_marker(ln)[0], stop, script) for ln in lines]  # "... [YONHAP]"
    labels = first_labels(lines, features, has_stopwords=bool(stop), light=light,
                          min_density=stop_density_floor(features, has_stopwords=bool(stop)),
                          own_voice=addresses_its_reader(features))
    labels = repeated_lines_marked(lines, labels, title)
    span = (0, len(lines)) if light else article_span(lines, body_weights(features, labels))
    if title is None and span[0] > 0:
        title = headline_before(lines, span[0], stop, script)
    if span[0] > len(header):  # a pasted page: its byline and date stand above the article, below the menus
        header = tuple(lines[max(span[0] - HEADLINE_REACH, len(header)):span[0]]) + header
    labels = context_resolved(labels)
    labels = [lab if span[0] <= i < span[1] or lab[0] != GOOD else (BAD, "outside") for i, lab in enumerate(labels)]
    kept, removed, author = [], [], None
    for line, (label, reason) in zip(lines, labels, strict=False):
        if label == GOOD:
            body, marker = _without_trailing_marker(line)
            if not kept:
                dateline, body = split_dateline(body)
                if dateline:
                    removed.append(dateline.text)
            kept.append(body)
            if marker:
                removed.append(marker)
        else:
            removed.append(line)
            if reason == "byline" and author is None:
                author = byline_author(line)
    return Cleaned("\n\n".join(kept), tuple(removed), title, author, header)


def article_span(lines: list[str], weights: list[float]) -> tuple[int, int]:
    """The lines of the article's run: before the readers' comments, the heaviest run between walls."""
    end = before_comments(lines, weights)
    return body_span(weights[:end], [is_wall(ln) for ln in lines[:end]])


def body_weights(features: list[LineFeatures], labels: list[tuple[str, str]]) -> list[float]:
    """Each line's weight in the article's run (``page.body_span``), from its own label: prose adds
    its words, an undecided line costs a little, furniture costs more the longer it is."""
    return [f.words if label == GOOD else SENTENCE_WEIGHT * f.words if reason == "sentence"
            else -UNDECIDED_COST if label == SHORT or reason in _WEAK_REASONS
            else -(FURNITURE_COST + FURNITURE_WORD_SHARE * f.words)
            for f, (label, reason) in zip(features, labels, strict=True)]


SENTENCE_WEIGHT = 0.5  # a full sentence thin in stop words (a lede of names) is half-sure prose
_WEAK_REASONS = frozenset({"short", "context", "title", "repeated", "marker", "timestamp", "byline", "undecided"})


def addresses_its_reader(features: list[LineFeatures]) -> bool:
    """Whether the article's own prose speaks to its reader (a blog, a how-to, a column: "you'll
    feel", "my approach"): then first and second person mark no appeal in it."""
    prose = [f for f in features if f.words >= LONG_LINE_WORDS and f.ends_sentence]
    addressed = sum(_is_appeal(f) for f in prose)
    return addressed >= OWN_VOICE_MIN_LINES and addressed >= OWN_VOICE_SHARE * len(prose)


def headline_before(lines: list[str], start: int, stop: frozenset[str], script: str | None) -> str | None:
    """In a pasted page the headline stands just above its article, past the byline, the date and the
    share buttons: the nearest headline-shaped line within ``HEADLINE_REACH`` lines before ``start``."""
    for i in range(start - 1, max(start - HEADLINE_REACH, 0) - 1, -1):
        line = lines[i]
        if shape_reason(line) or _DATE_TIME.search(line) or _PRINTED_DATE.search(line):
            continue
        f = line_features(line, stop, script)
        if HEADLINE_MIN_WORDS <= f.words <= 20 and not f.ends_sentence and f.interface_hits == 0:
            return line
    return None


HEADLINE_REACH = 8
HEADLINE_MIN_WORDS = 4
_PRINTED_DATE = re.compile(r"\b\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}\b|\b[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}\b")


def first_labels(lines: list[str], features: list[LineFeatures], *, has_stopwords: bool, light: bool,
                 min_density: float, own_voice: bool = False) -> list[tuple[str, str]]:
    """Each line's label from its own shape and content, before its neighbours are looked at."""
    out = []
    for line, f in zip(lines, features, strict=True):
        if light and line.count(" ") >= LIGHT_APPEAL_MAX_WORDS:
            out.append((GOOD, "extractor"))  # in extracted HTML a long line is the extractor's prose
            continue
        shape = shape_reason(line)
        label = (BAD, shape) if shape else content_label(f, has_stopwords=has_stopwords, min_density=min_density,
                                                          own_voice=own_voice)
        out.append((GOOD, "extractor") if light and _extractor_keeps(line, label[1]) else label)
    return out


def headline(lines: list[str], stop: frozenset[str], script: str | None = "LATIN") -> str | None:
    """The first line, after breadcrumbs and bylines, when it has a headline's shape: short and not a sentence."""
    for line in lines[:3]:
        if shape_reason(line):
            continue  # a breadcrumb or a byline is not the headline
        f = line_features(line, stop, script)
        if 3 <= f.words <= 20 and not f.ends_sentence and not _DATE_TIME.search(line):
            return line
        if f.words > 2 or f.ends_sentence:
            break  # a section label of a word or two ("News", "Новини > Суспільство") may come first
    return None


def stop_density_floor(features: list[LineFeatures], *, has_stopwords: bool) -> float:
    """The stop-word density a long line needs to count as text: ``MIN_STOP_DENSITY``, or less when
    the article's own sentences (long, ending with a full stop) run below it."""
    if not has_stopwords:
        return MIN_STOP_DENSITY
    prose = sorted(f.stop_density for f in features if f.words >= LONG_LINE_WORDS and f.ends_sentence)
    if not prose:
        return MIN_STOP_DENSITY
    median = prose[len(prose) // 2]
    return MIN_STOP_DENSITY if median >= MIN_STOP_DENSITY else OWN_DENSITY_SHARE * median


def line_label(line: str, stop: frozenset[str], script: str | None = "LATIN", *,
               min_density: float = MIN_STOP_DENSITY) -> tuple[str, str]:
    shape = shape_reason(line)
    if shape:
        return BAD, shape
    return content_label(line_features(line, stop, script), has_stopwords=bool(stop), min_density=min_density)


def shape_reason(line: str) -> str | None:
    if _MARKER.match(line):
        return "marker"
    furniture = furniture_reason(line)
    if furniture:
        return furniture
    if _BYLINE.match(line) or (_EMAIL.search(line) and len(line.split()) <= 8):
        return "byline"
    if _COUNTER.search(line) and len(line.split()) <= COUNTER_MAX_WORDS:
        return "counter"
    if len(_CRUMB_SEP.findall(line)) >= 2 and len(line.split()) <= 12 and not line.rstrip().endswith("."):
        return "breadcrumb"
    stamps = _DATE_TIME.findall(line)
    if stamps and sum(map(len, stamps)) >= 0.25 * len(line.replace(" ", "")):
        return "timestamp"
    return None


LIGHT_APPEAL_MAX_WORDS = 20  # in extracted HTML, longer first/second-person lines are blog prose, not appeals


def _extractor_keeps(line: str, reason: str) -> bool:
    """Rules the main-content extractor already settled: short lines, other scripts, long 'you' prose."""
    if reason in ("short", "undecided", "script"):
        return True
    return reason == "appeal" and len(line.split()) > LIGHT_APPEAL_MAX_WORDS


def _is_appeal(f: LineFeatures) -> bool:
    return f.addressee_hits >= 2 and f.addressee_share >= ADDRESSEE_SHARE


def content_label(f: LineFeatures, *, has_stopwords: bool, min_density: float = MIN_STOP_DENSITY,
                  own_voice: bool = False) -> tuple[str, str]:
    if f.script_share < 0.5 and f.words > 0:
        return BAD, "script"  # another script than the article's: a language menu, a foreign teaser
    if f.interface_hits >= 2 and f.interface_hits >= 0.15 * f.words:
        return BAD, "interface"
    if _is_appeal(f) and (not own_voice or f.support_hits):
        return BAD, "appeal"
    if f.words <= SHORT_LINE_WORDS and not f.ends_sentence:
        return BAD, "short"
    if f.interface_hits and f.words <= 6:
        return BAD, "interface"
    dense = f.stop_density >= min_density or not has_stopwords
    if f.words >= LONG_LINE_WORDS and dense and (f.ends_sentence or f.inner_sentences):
        return GOOD, "text"  # without a full stop a line is a headline: of this story (kept beside text) or another
    if f.words >= LONG_LINE_WORDS and f.ends_sentence:
        return SHORT, "sentence"  # a full sentence dense with names: good beside any good text
    return SHORT, "undecided"


def repeated_lines_marked(lines: list[str], labels: list[tuple[str, str]],
                          title: str | None) -> list[tuple[str, str]]:
    seen = {_norm(title)} if title else set()
    out = []
    for i, (line, label) in enumerate(zip(lines, labels, strict=False)):
        key = _norm(line)
        if key in seen:
            out.append((BAD, "repeated"))
        elif i == 0 and title and line == title:
            out.append((BAD, "title"))
        else:
            out.append(label)
        if label[0] != BAD or key == _norm(title or ""):
            seen.add(key)
    return out


def context_resolved(labels: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Undecided lines join their neighbours: good only when the text on both sides is good."""
    decided = [lab for lab, _ in labels]
    out = []
    for i, (label, reason) in enumerate(labels):
        if label != SHORT:
            out.append((label, reason))
            continue
        before = _nearest(decided, i, -1)
        after = _nearest(decided, i, +1)
        good = before == GOOD and after in (GOOD, None) or before is None and after == GOOD
        good = good or reason == "sentence" and GOOD in (before, after)
        out.append((GOOD, "context") if good else (BAD, "context"))
    return out


def byline_author(line: str) -> str | None:
    name = _EMAIL.sub("", line)
    name = re.sub(r"^(?:by|written by|reporter)\s+", "", name.strip(), flags=re.I)
    name = re.sub(r"[\[\]()]", "", name).strip(" ,;")
    return name.title() if name else None


def _nearest(decided: list[str], i: int, step: int) -> str | None:
    j = i + step
    while 0 <= j < len(decided):
        if decided[j] != SHORT:
            return decided[j]
        j += step
    return None


def _without_trailing_marker(line: str) -> tuple[str, str | None]:
    m = _TRAILING_MARKER.search(line)
    if not m or m.start() == 0:
        return line, None
    return line[: m.start()], m.group().strip()


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s.lower()).strip()
