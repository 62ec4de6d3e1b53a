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

from ..lazy import lazy_attributes

# Loaded on first use (PEP 562): httpx and the decompressors load only when something is fetched,
# so the command line and a local analysis do without them. Module attributes all the same.
_LAZY = {"USER_AGENT": ".settings", "FetchSettings": ".settings", "Fetched": ".client", "Fetcher": ".client",
         "Crawl": ".crawl", "PollCounts": ".crawl", "read_urls": ".crawl", "Guard": ".guard", "refusal": ".guard",
         "FetchState": ".state", "canonical_url": ".urls", "looks_like_url": ".urls", "urls_in": ".urls"}

__all__ = sorted(_LAZY)


__getattr__ = lazy_attributes(__name__, _LAZY)
