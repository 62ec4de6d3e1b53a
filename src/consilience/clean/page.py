"""Whole pages pasted as plain text: where the article is among the page's furniture.

A page copied from a browser holds the article as one run of prose, with menus, lists of other
headlines, teasers, share and subscribe prompts, cookie notes and footers around it (and sometimes
inside it: "Read more: ...", "SEE MORE: ..."). After each line has its own label, ``body_span``
finds the article's run: the contiguous lines whose prose outweighs the furniture between them
most (the maximum-sum run of Finn et al.'s Body Text Extraction, over lines instead of tags). A
section header that ends an article ("Comments", "Related stories", "More from ...") is a wall the
run does not cross. ``furniture_reason`` names the lines that are furniture by their words alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Lines a page prints around or inside an article that no report is made of. Each starts its line.
_FURNITURE = [
    ("teaser", re.compile(r"^(?:read (?:more|also|next|this)|see (?:more|also)|also read|related(?: (?:articles?|stories|"
                          r"posts?|content|coverage|news|links?|reading|topics))?|more (?:from|on|stories|news|about|like "
                          r"this)|recommended(?: for you| stories| reading)?|you (?:may|might) (?:also )?like|"
                          r"most (?:read|popular|viewed|shared)|trending(?: now| stories)?|watch(?: now)?|listen(?: now)?|"
                          r"further reading|top stories|latest (?:news|stories)|don'?t miss|popular (?:now|stories))"
                          r"\b\s*[:|»>–—-]", re.I)),
    ("copyright", re.compile(r"^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b", re.I)),
    ("external links", re.compile(r"^(?:external links?|we are not responsible for the content of external|"
                                  r"(?:the )?bbc is not responsible for the content of external)", re.I)),
    ("prompt", re.compile(r"^(?:share (?:this|on|via)|follow us|subscribe|sign up|download (?:the|our) app|get the app|"
                          r"click here|tap here|join (?:us|our)|like us on|(?:image|photo|picture|video) (?:credit|copyright)"
                          r"\b|image source|getty images?$|advertisement$|ad$|sponsored$|skip (?:to|ad)\b)", re.I)),
]
# Section headers after which a page's article does not go on (a line of a few words of its own).
_WALL = re.compile(r"^(?:\d+\s+)?(?:(?:comments?|responses?|replies|thoughts on)\s+(?:to|on)\b.*|comments?|leave a (?:comment|reply)|join the (?:discussion|conversation)|"
                   r"related(?: articles| stories| posts| content| coverage)?|more (?:from|stories|news|on)\b.*|"
                   r"recommended(?: for you| stories)?|you (?:may|might) (?:also )?like|most (?:read|popular|viewed)|"
                   r"trending(?: now)?|read next|about the authors?|(?:share|share this(?: article| story)?)|"
                   r"tags?|topics|filed under|a (?:message|note) from\b.*|dear readers?,?)\s*:?$", re.I)
WALL_MAX_WORDS = 12
_COMMENTS = re.compile(r"^(?:\d+\s+)?(?:(?:comments?|responses?|replies|thoughts on)\s+(?:to|on)\b.*|comments?"
                       r"(?:\s*\(\d+\))?|leave a (?:comment|reply)|join the (?:discussion|conversation)|"
                       r"(?:show|view|load) comments|discussion)\s*:?$", re.I)
ARTICLE_MIN_WORDS = 50

# Line weights for the run (calibrated on the development pages of bench/plaintext.py): a line of
# prose adds its words; a line of furniture costs FURNITURE_COST plus a share of its words, so one
# caption or ad label inside an article does not split it but a menu of twenty items does.
FURNITURE_COST = 3.0
FURNITURE_WORD_SHARE = 0.5
UNDECIDED_COST = 1.0


_CUT_OFF = re.compile(r"(?:\.\.\.|…)\s*$")
# A summary cut off with an ellipsis is another story's teaser; a long paragraph ending so is prose.
CUT_OFF_MAX_WORDS = 50


def furniture_reason(line: str) -> str | None:
    for reason, pattern in _FURNITURE:
        if pattern.search(line):
            return reason
    if _CUT_OFF.search(line) and len(line.split()) <= CUT_OFF_MAX_WORDS:
        return "teaser"
    return None


def is_wall(line: str) -> bool:
    return len(line.split()) <= WALL_MAX_WORDS and _WALL.match(line.strip(" #*-|")) is not None


def body_span(weights: Sequence[float], walls: Sequence[bool]) -> tuple[int, int]:
    """``(start, end)`` of the heaviest run of ``weights`` that crosses no wall; (0, 0) when no run
    adds anything. (Taking the first run of at least 40% of the heaviest instead, since an article
    comes before its comments, scored lower on the development pages: 0.863 against 0.867.)"""
    runs = [_heaviest_run(weights, lo, hi) for lo, hi in _between_walls(walls)]
    weight, span = max(runs, key=lambda run: run[0])
    return span if weight > 0 else (0, 0)


def before_comments(lines: Sequence[str], weights: Sequence[float]) -> int:
    """Where the readers' comments begin ("34 responses to ...", "Leave a reply"), when an article of
    at least ``ARTICLE_MIN_WORDS`` comes before them; else the end. Comments are prose too, and a
    long thread outweighs the article it answers."""
    for i, line in enumerate(lines):
        if len(line.split()) <= WALL_MAX_WORDS and _COMMENTS.match(line.strip(" #*-|")):
            return i if sum(w for w in weights[:i] if w > 0) >= ARTICLE_MIN_WORDS else len(lines)
    return len(lines)


def _between_walls(walls: Sequence[bool]) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for i, wall in enumerate(walls):
        if wall:
            bounds.append((start, i))
            start = i + 1
    return [*bounds, (start, len(walls))]


def _heaviest_run(weights: Sequence[float], lo: int, hi: int) -> tuple[float, tuple[int, int]]:
    """Maximum-sum contiguous run of ``weights[lo:hi]`` (Kadane)."""
    best, best_span, total, start = 0.0, (lo, lo), 0.0, lo
    for i in range(lo, hi):
        if total <= 0:
            total, start = 0.0, i
        total += weights[i]
        if total > best:
            best, best_span = total, (start, i + 1)
    return best, best_span
