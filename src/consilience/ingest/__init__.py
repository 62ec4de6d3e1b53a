"""Ingest: paths, archives and stdin -> RawDocument (one module per format).

Nothing here raises for a bad input: it becomes a ``Failure`` and reading goes on. Entries left out
on purpose (hidden, excluded, the run's own output, links out of a folder) become ``Skipped``.
Every read is bounded by ``ReadOptions`` (``limits.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from itertools import groupby
from typing import TYPE_CHECKING

from .limits import DEFAULT, ReadOptions

if TYPE_CHECKING:
    from ..records import Skipped
    from .base import Item

__all__ = ["ReadOptions", "UrlReader", "looks_like_url", "read_inputs"]

UrlReader = Callable[[list[str]], Iterator["Item"]]
"""``urls -> documents and failures``: how URL arguments are read (``consilience.fetch.Crawl``)."""
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


def read_inputs(paths: Iterable[str], options: ReadOptions = DEFAULT, *,
                read_urls: UrlReader | None = None) -> Iterator[Item | Skipped]:
    """Every document of ``paths``; runs of ``scheme://`` arguments go to ``read_urls`` together (so they
    are fetched concurrently), by default ``consilience.fetch.read_urls`` with its default settings."""
    from .archive import read_path  # the readers (lxml, warcio, feedparser ...) load when something is read

    for is_url, group in groupby(paths, key=looks_like_url):
        if is_url:
            yield from (read_urls or _fetched)(list(group))
        else:
            for path in group:
                yield from (unread_if_too_long(item, options) for item in read_path(path, options))


# Cleaning takes away boilerplate lines, never half of a text this long: a plain text over twice the
# article limit is refused before cleaning (which takes ~5 s per million characters for nothing).
RAW_TEXT_SLACK = 2


def unread_if_too_long(item: Item | Skipped, options: ReadOptions) -> Item | Skipped:
    from ..errors import TooLarge
    from ..records import RawDocument
    from .base import failure

    if not isinstance(item, RawDocument) or item.kind != "text" or len(item.body) <= RAW_TEXT_SLACK * options.max_article_chars:
        return item
    return failure(item.source, TooLarge(
        f"{item.source}: {len(item.body):,} characters of text, over the {options.max_article_chars:,} limit for one "
        "article; split it, or raise --max-article-chars"))


def looks_like_url(arg: str) -> bool:
    return bool(_URL.match(arg))


def _fetched(urls: list[str]) -> Iterator[Item]:
    from ..fetch import read_urls  # httpx and the fetcher load only when a URL is given

    yield from read_urls(urls)
