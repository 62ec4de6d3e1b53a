"""URLs -> RawDocuments and Failures: pages as they are, feeds and sitemaps expanded into their pages.

The order of the output depends on the input alone, never on timing or the concurrency settings
(the store keeps the first of two identical bodies, so order decides which URL an article keeps):
first the URLs given, then the pages their feeds and sitemaps list (each listing newest first),
each pass taking one site after another in turn so that all sites are fetched at once. Pages are
fetched ahead of the reader on a thread pool, at most ``2 * concurrency`` of them waiting at once,
so memory stays flat however long the list.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import zip_longest
from typing import TypeVar
from urllib.parse import urlsplit

from ..errors import InputError
from ..ingest.base import Item, failure
from ..records import Failure, RawDocument
from .client import Fetched, Fetcher
from .guard import Guard
from .listing import Listing, Target, kind_of, listing_of, newest_first
from .page import document_of
from .settings import DEFAULT_SETTINGS, FetchSettings
from .state import FetchState
from .urls import canonical_url

log = logging.getLogger(__name__)
T = TypeVar("T")
MAX_INDEX_DEPTH = 2  # a sitemap index may list indexes once more; deeper nesting is not followed


@dataclass(frozen=True)
class PollCounts:
    """One poll in numbers: what the watch log line says."""

    sources: int = 0     # feeds and sitemaps read
    unchanged: int = 0   # of those, answered 304 Not Modified
    new: int = 0         # pages fetched
    known: int = 0       # pages skipped: stored by an earlier run
    failed: int = 0


@dataclass(frozen=True)
class _Work:
    url: str
    target: Target | None = None  # None: a URL the user gave, which may be a page, a feed or a sitemap
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class _Done:
    items: list[Item] = field(default_factory=list)
    children: tuple[Target, ...] = ()
    source: tuple[str, str | None, str | None] | None = None  # a listing's URL and validators
    pages: tuple[str, ...] = ()  # canonical URLs of the page stored
    unchanged: bool = False


class Crawl:
    """A reusable URL reader for ``ingest(…, read_urls=crawl)``.

    With a ``state``, ``commit()`` (called once the articles are stored) remembers this run's
    listings and pages, and unless ``incremental=False`` the crawl uses what earlier runs
    remembered: listings are asked with conditional GET, pages already stored are skipped.
    """

    def __init__(self, settings: FetchSettings = DEFAULT_SETTINGS, *, state: FetchState | None = None,
                 incremental: bool = True, guard: Guard | None = None) -> None:
        self.settings = settings
        self.state = state
        self._skips = state is not None and incremental
        self.fetcher = Fetcher(settings, guard=guard)
        self._sources: dict[str, tuple[str | None, str | None]] = {}
        self._pages: list[str] = []
        self._counts: dict[str, int] = dict.fromkeys(("sources", "unchanged", "new", "known", "failed"), 0)

    def __enter__(self) -> Crawl:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.fetcher.close()

    def stop(self) -> None:
        """Fetch nothing more: pages already fetched are still handed out, the rest is left for next time."""
        self.fetcher.stop.set()

    @property
    def stopped(self) -> bool:
        return self.fetcher.stop.is_set()

    def commit(self) -> PollCounts:
        """Remember this run's listings and pages (call after their articles are stored); the counts since the last commit."""
        if self.state is not None:
            self.state.record(sources=self._sources, pages=self._pages)
        counts = PollCounts(**self._counts)
        self._sources, self._pages = {}, []
        self._counts = dict.fromkeys(self._counts, 0)
        return counts

    def __call__(self, urls: Iterable[str]) -> Iterator[Item]:
        """Two passes: the URLs given (pages come out, listings are read), then the pages the listings
        named. Each pass takes one site after another in turn, so every site's limits are used at once."""
        listed: list[Target] = []
        yield from self._in_order((self._input_work(u) for u in by_host(list(urls), key=str)), listed)
        yield from self._in_order((_Work(t.url, t) for t in by_host(self._unknown(listed), key=_url_of)), None)

    def _in_order(self, works: Iterable[_Work | None], listed: list[Target] | None) -> Iterator[Item]:
        """Fetch ``works`` on the pool, at most ``2 * concurrency`` ahead of the reader; results in order."""
        pending: deque[Future[_Done]] = deque()
        todo = (w for w in works if w is not None)
        with ThreadPoolExecutor(self.settings.concurrency, thread_name_prefix="consilience-fetch") as pool:
            try:
                while True:
                    while not self.stopped and len(pending) < 2 * self.settings.concurrency:
                        work = next(todo, None)
                        if work is None:
                            break
                        pending.append(pool.submit(self._run, work))
                    if not pending:
                        return
                    done = pending.popleft().result()  # what is in flight is handed out even when stopping
                    if listed is not None:
                        listed.extend(done.children)
                    yield from self._absorbed(done)
            finally:
                for future in pending:
                    future.cancel()

    def _input_work(self, url: str) -> _Work | None:
        if self._skips and self.state.known([canonical_url(url)]):  # type: ignore[union-attr]
            self._counts["known"] += 1
            return None
        etag, last_modified = self.state.validators(url) if self._skips else (None, None)  # type: ignore[union-attr]
        return _Work(url, None, etag, last_modified)

    def _unknown(self, targets: list[Target]) -> list[Target]:
        """``targets`` less the pages an earlier run stored, and less repeats (two listings naming one page)."""
        unique = list({canonical_url(t.url): t for t in reversed(targets)}.items())[::-1]
        known = self.state.known(c for c, _ in unique) if self._skips else set()  # type: ignore[union-attr]
        self._counts["known"] += len(known)
        return [t for c, t in unique if c not in known]

    def _absorbed(self, done: _Done) -> list[Item]:
        """The items of one finished fetch, counted; a listing's validators kept for ``commit``."""
        self._counts["failed"] += sum(isinstance(i, Failure) for i in done.items)
        self._counts["new"] += sum(isinstance(i, RawDocument) for i in done.items)
        self._counts["unchanged"] += done.unchanged
        self._pages.extend(done.pages)
        if done.source is not None or done.unchanged:
            self._counts["sources"] += 1
        if done.source is not None:
            url, etag, last_modified = done.source
            self._sources[url] = (etag, last_modified)
        return done.items

    def _run(self, work: _Work) -> _Done:
        if self.stopped:
            return _Done()
        try:
            fetched = self.fetcher.get(work.url, etag=work.etag, last_modified=work.last_modified)
            if fetched.not_modified:
                return _Done(unchanged=True)
            kind = "page" if work.target is not None else kind_of(fetched.body, fetched.content_type)
            if kind == "page":
                pages = tuple(dict.fromkeys((canonical_url(work.url), canonical_url(fetched.final_url))))
                return _Done(items=[document_of(fetched, work.target)], pages=pages)
            return self._listed(fetched, kind)
        except InputError as e:
            if self.stopped:
                return _Done()
            return _Done(items=[failure(work.url, e, stage="fetch")])

    def _listed(self, fetched: Fetched, kind: str) -> _Done:
        """A feed's or sitemap's pages, newest first and at most ``max_per_source``; an index's sitemaps are read here."""
        failures: list[Item] = []
        targets = self._pages_listed(fetched.url, listing_of(fetched.body, source=fetched.url,
                                                             max_bytes=self.settings.max_bytes), failures, depth=0)
        ranked = newest_first(targets)
        limit = self.settings.max_per_source
        if len(ranked) > limit:
            log.info("%s lists %d pages; taking the newest %d (raise --max-per-source for more)",
                     fetched.url, len(ranked), limit)
        return _Done(items=failures, children=ranked[:limit], source=(fetched.url, fetched.etag, fetched.last_modified))

    def _pages_listed(self, source: str, listing: Listing, failures: list[Item], *, depth: int) -> list[Target]:
        if listing.kind != "sitemapindex":
            return list(listing.targets)
        if depth >= MAX_INDEX_DEPTH:
            failures.append(failure(source, InputError(
                f"{source}: sitemap indexes nested deeper than {MAX_INDEX_DEPTH} levels are not followed; "
                "pass the inner sitemaps themselves")))
            return []
        pages: list[Target] = []
        for child in listing.targets[: self.settings.max_sitemaps]:
            try:
                fetched = self.fetcher.get(child.url)
                inner = listing_of(fetched.body, source=child.url, max_bytes=self.settings.max_bytes)
                pages += self._pages_listed(child.url, inner, failures, depth=depth + 1)
            except InputError as e:
                failures.append(failure(child.url, e, stage="fetch"))
        return pages


def by_host(items: list[T], *, key: Callable[[T], str]) -> list[T]:
    """``items`` taken one site at a time in turn (sites in order of first appearance, each site's
    items in their order): the same input always gives the same order, whatever the timing."""
    queues: dict[str, list[T]] = {}
    for item in items:
        queues.setdefault((urlsplit(key(item)).hostname or "").lower(), []).append(item)
    rounds = zip_longest(*queues.values())
    return [item for round_ in rounds for item in round_ if item is not None]


def _url_of(target: Target) -> str:
    return target.url


def read_urls(urls: Iterable[str], *, settings: FetchSettings = DEFAULT_SETTINGS, guard: Guard | None = None) -> Iterator[Item]:
    """Fetch ``urls`` (pages, feeds, sitemaps) once, without remembering anything."""
    with Crawl(settings, guard=guard) as crawl:
        yield from crawl(urls)

