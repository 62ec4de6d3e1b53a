"""RSS and Atom files: each entry is an article; its full content when present, else its summary.

A summary is a sentence or two with little or no markup: it is passed on as plain text (the page
extractor would find no article in it and drop it), so the cleaner keeps it as a news brief.
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Iterator

import feedparser
import lxml.etree
import lxml.html

from ..errors import MalformedInput
from ..records import RawDocument
from .base import Item, failure
from .urls import web_url


def read_feed(source: str, data: bytes) -> Iterator[Item]:
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = parsed.get("bozo_exception") or "no entries"
        raise MalformedInput(f"{source}: not a readable RSS/Atom feed ({reason}); check the file is complete")
    outlet = parsed.feed.get("title")
    for n, entry in enumerate(parsed.entries, start=1):
        kind, body = _entry_body(entry)
        if not body.strip():
            continue
        yield RawDocument(source=f"{source}#{n}", kind=kind, body=body, url=web_url(entry.get("link")),
                          title=entry.get("title"), published=_entry_date(entry),
                          outlet=outlet, author=entry.get("author"))
    if parsed.get("bozo") and "xml" in type(parsed.get("bozo_exception")).__module__.lower():
        yield failure(source, MalformedInput(
            f"{source}: the feed is not well-formed XML ({parsed['bozo_exception']}); the entries before the "
            "error were read, check the file is complete"))


def _entry_body(entry: feedparser.FeedParserDict) -> tuple[str, str]:
    """(kind, body): the full content as HTML when the feed carries it, else the summary as text."""
    contents = entry.get("content") or []
    if contents:
        return "html", "\n".join(c.get("value", "") for c in contents)
    return "text", _plain(str(entry.get("summary") or ""))


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_TAG = re.compile(r"<[^>]*>")


def _plain(fragment: str) -> str:
    """The text of an HTML fragment, one line per block element."""
    fragment = _NOT_XML.sub("", fragment)
    if "<" not in fragment or not fragment.strip():
        return html.unescape(fragment).strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return html.unescape(_TAG.sub(" ", fragment)).strip()
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3", "h4", "blockquote"):
        block.tail = "\n" + (block.tail or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())


def _entry_date(entry: feedparser.FeedParserDict) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None
