"""HTML -> main text and page metadata in one trafilatura pass (one parse of the page)."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

# htmldate without its "extensive" search: that path runs dateparser over every date-like string and
# loads its language data (half the ingest time on multilingual pages) for few extra dates.
DATE_PARAMS = {"original_date": True, "extensive_search": False}


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
    doc = trafilatura.bare_extraction(html, url=url, include_comments=False, include_tables=True,
                                      deduplicate=False, favor_precision=False, with_metadata=True,
                                      date_extraction_params=dict(DATE_PARAMS))
    if doc is None:
        return Page("", PageMeta(None, None, None, None, url, None))
    meta = PageMeta(title=doc.title, outlet=doc.sitename, author=doc.author, published=doc.date,
                    url=doc.url or url, language=getattr(doc, "language", None))
    return Page(doc.text or "", meta)
