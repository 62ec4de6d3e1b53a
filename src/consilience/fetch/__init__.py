"""Live sources: article URLs, RSS/Atom feeds, sitemaps (news sitemaps and indexes included),
fetched politely and safely.

    >>> from consilience import ingest, open_store
    >>> from consilience.fetch import Crawl
    >>> with Crawl() as crawl:
    ...     ingest(["https://example.org/feed.xml"], store=open_store("c.db"), read_urls=crawl)

Modules: ``guard`` (which addresses may be dialled), ``client`` (the bounded, polite fetcher),
``body`` (capped decompression), ``robots``, ``hosts`` (per-host limits), ``listing`` (feeds and
sitemaps), ``page`` (a response -> RawDocument), ``crawl`` (URLs -> documents, in order),
``state`` (what an incremental crawl remembers), ``urls`` (canonical URLs).
"""

from .client import USER_AGENT, Fetched, Fetcher, FetchSettings
from .crawl import Crawl, PollCounts, read_urls
from .guard import Guard, refusal
from .state import FetchState
from .urls import canonical_url, looks_like_url, urls_in

__all__ = [
    "USER_AGENT", "Crawl", "FetchSettings", "FetchState", "Fetched", "Fetcher", "Guard", "PollCounts",
    "canonical_url", "looks_like_url", "read_urls", "refusal", "urls_in",
]
