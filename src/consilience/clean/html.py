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
                                      deduplicate=False, favor_precision=False, with_metadata=False)
    return Page((doc.text if doc is not None else "") or "", meta)


def page_meta(tree: HtmlElement, url: str | None) -> PageMeta:
    canonical = _first(tree, "//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content")
    title = _first(tree, "//meta[@property='og:title']/@content", "//meta[@name='twitter:title']/@content")
    if not title:
        raw = _first(tree, "//title/text()") or _first(tree, "//h1//text()")
        title = _TITLE_SUFFIX.sub("", raw) if raw else None
    author = _first(tree, "//meta[@name='author']/@content", "//meta[@property='article:author']/@content",
                    "//*[@rel='author']//text()")
    if author and author.startswith("http"):
        author = None
    return PageMeta(
        title=title,
        outlet=_first(tree, "//meta[@property='og:site_name']/@content", "//meta[@name='application-name']/@content"),
        author=author,
        published=_date(tree, url),
        url=(canonical if canonical and canonical.startswith("http") else None) or url,
        language=(_first(tree, "/html/@lang") or "").split("-")[0].lower() or None,
    )


def _first(tree: HtmlElement, *xpaths: str) -> str | None:
    for xp in xpaths:
        for value in tree.xpath(xp):
            text = " ".join(str(value).split())
            if text:
                return text
    return None


def _date(tree: HtmlElement, url: str | None) -> str | None:
    try:
        return find_date(tree, url=url, **DATE_PARAMS)
    except (ValueError, TypeError):
        return None
