"""How the fetcher behaves (``FetchSettings``), apart from the fetcher itself: the command line
reads the defaults without loading httpx or the decompressors."""

from __future__ import annotations

import importlib.metadata
from dataclasses import dataclass

USER_AGENT = f"consilience/{importlib.metadata.version('consilience')} (news analysis; +https://pypi.org/project/consilience/)"


@dataclass(frozen=True)
class FetchSettings:
    """How the fetcher behaves. The defaults are polite to one site and bounded for the user.

    ``per_host`` and ``delay`` follow common crawler practice (Scrapy's AutoThrottle aims at one or
    two requests in flight per site); ``bench/fetch.py`` measures what raising them buys.
    """

    allow_private: bool = False
    per_host: int = 2             # requests in flight to one host
    delay: float = 0.25           # seconds between request starts on one host (robots Crawl-delay raises it)
    concurrency: int = 16         # requests in flight over all hosts
    timeout: float = 30.0         # seconds for a whole response, body included
    connect_timeout: float = 10.0
    max_bytes: int = 20 * 2**20   # decoded body; a news page is well under 5 MiB, a full sitemap up to 50 MB
    max_redirects: int = 5
    retries: int = 3              # extra tries after a 429 or 503
    backoff: float = 1.0          # first wait when no Retry-After is given; doubles each try
    max_retry_wait: float = 120.0  # a longer Retry-After gives up at once instead of waiting
    robots: bool = True
    user_agent: str = USER_AGENT
    max_per_source: int = 500     # pages taken from one feed or sitemap, newest first
    max_sitemaps: int = 20        # child sitemaps read from one sitemap index


DEFAULT_SETTINGS = FetchSettings()
