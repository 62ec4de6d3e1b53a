"""HTML -> main text (trafilatura) and page metadata (the page's own tags, htmldate), one parse.

Metadata comes from the standard tags publishers fill (Open Graph, ``<meta name=author>``,
``<html lang>``, ``<title>``) and htmldate's fast search. trafilatura's own metadata pass reads the
same tags but also categories, licences and images we do not use, at twice the cost of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura
from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.utils import load_html

# htmldate without its "extensive" search: that path runs dateparser over every date-like string and
# loads its language data (half the ingest time on multilingual pages) for few extra dates.
# trafilatura without its fallback extractors (readability, jusText): measured with bench/extraction.py
# (F1 0.961 vs 0.960 with them) and bench/extraction_multilingual.py (0.913 vs 0.917), at 1.25x the speed.
FAST = True
DATE_PARAMS = {"original_date": True, "extensive_search": False}
_TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,40}$")


@dataclass(frozen=True)
class PageMeta:
    title: str | None
    outlet: str | None
    author: str | None
    published: str | None
    url: str | None
    language: str | None


@dataclass(frozen=True)
class Page:
    text: str
    meta: PageMeta


def page_of(html: str, *, url: str | None = None) -> Page:
    """The page's main text (paragraphs separated by newlines, '' when none) and its metadata."""
    tree = load_html(html)
    if tree is None:
        return Page("", PageMeta(None, None, None, None, url, None))
    meta = page_meta(tree, url)
    doc = trafilatura.bare_extraction(tree, url=url, include_comments=False, include_tables=True,
                                      deduplicate=False, favor_precision=False, with_metadata=False, fast=FAST)
    return Page((doc.text if doc is not None else "") or "", meta)


def page_meta(tree: HtmlElement, url: str | None) -> PageMeta:
    tags = _head_tags(tree)
    canonical = tags.get("link:canonical") or tags.get("og:url")
    title = tags.get("og:title") or tags.get("twitter:title")
    if not title:
        raw = tags.get("title") or _text_of(tree.find(".//h1"))
        title = _TITLE_SUFFIX.sub("", raw) if raw else None
    author = tags.get("author") or tags.get("article:author")
    if author and author.startswith("http"):
        author = None
    return PageMeta(
        title=title,
        outlet=tags.get("og:site_name") or tags.get("application-name"),
        author=author,
        published=_date(tree, url),
        url=(canonical if canonical and canonical.startswith("http") else None) or url,
        language=(tree.get("lang") or "").split("-")[0].lower() or None,
    )


def _head_tags(tree: HtmlElement) -> dict[str, str]:
    """One pass over <meta>, <link rel=canonical> and <title>: the first non-empty value of each."""
    out: dict[str, str] = {}
    for el in tree.iter("meta", "link", "title"):
        if el.tag == "title":
            key, value = "title", _text_of(el)
        elif el.tag == "link":
            key, value = ("link:canonical", el.get("href")) if el.get("rel") == "canonical" else ("", None)
        else:
            key, value = (el.get("property") or el.get("name") or "").lower(), el.get("content")
        value = " ".join(value.split()) if value else None
        if key and value and key not in out:
            out[key] = value
    return out


def _text_of(el: HtmlElement | None) -> str | None:
    if el is None:
        return None
    return " ".join(el.text_content().split()) or None


def _date(tree: HtmlElement, url: str | None) -> str | None:
    try:
        return find_date(tree, url=url, **DATE_PARAMS)
    except (ValueError, TypeError):
        return None
