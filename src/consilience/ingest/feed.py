"""RSS and Atom files: each entry is an article; its full content when present, else its summary."""

from __future__ import annotations

import time
from collections.abc import Iterator

import feedparser

from ..errors import MalformedInput
from ..records import RawDocument
from .base import Item, failure


def read_feed(source: str, data: bytes) -> Iterator[Item]:
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = parsed.get("bozo_exception") or "no entries"
        raise MalformedInput(f"{source}: not a readable RSS/Atom feed ({reason}); check the file is complete")
    outlet = parsed.feed.get("title")
    for n, entry in enumerate(parsed.entries, start=1):
        body = _entry_body(entry)
        if not body:
            continue
        yield RawDocument(source=f"{source}#{n}", kind="html", body=body, url=entry.get("link"),
                          title=entry.get("title"), published=_entry_date(entry),
                          outlet=outlet, author=entry.get("author"))
    if parsed.get("bozo") and "xml" in type(parsed.get("bozo_exception")).__module__.lower():
        yield failure(source, MalformedInput(
            f"{source}: the feed is not well-formed XML ({parsed['bozo_exception']}); the entries before the "
            "error were read, check the file is complete"))


def _entry_body(entry: feedparser.FeedParserDict) -> str:
    contents = entry.get("content") or []
    if contents:
        return "\n".join(c.get("value", "") for c in contents)
    return str(entry.get("summary") or "")


def _entry_date(entry: feedparser.FeedParserDict) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None
