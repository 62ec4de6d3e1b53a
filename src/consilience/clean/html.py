"""HTML -> main text and page metadata, with trafilatura; then the plain-text cleaner."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from htmldate import find_date


@dataclass(frozen=True)
class PageMeta:
    title: str | None
    outlet: str | None
    author: str | None
    published: str | None
    url: str | None
    language: str | None


def main_text(html: str, *, url: str | None = None) -> str:
    """The page's main text, paragraphs separated by newlines ('' when none was found)."""
    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=False,
                               deduplicate=True, favor_precision=False)
    return text or ""


def page_meta(html: str, *, url: str | None = None) -> PageMeta:
    meta = trafilatura.extract_metadata(html, default_url=url)
    if meta is None:
        return PageMeta(None, None, None, _page_date(html, url), url, None)
    return PageMeta(
        title=meta.title, outlet=meta.sitename, author=meta.author,
        published=meta.date or _page_date(html, url), url=meta.url or url,
        language=getattr(meta, "language", None),
    )


def _page_date(html: str, url: str | None) -> str | None:
    try:
        return find_date(html, url=url, original_date=True, extensive_search=False)
    except (ValueError, TypeError):
        return None
