"""The polite, bounded fetcher: one URL in, one ``Fetched`` (or a FetchError) out.

``Fetcher.get`` goes through these steps:

1. the URL must be http(s), with a host;
2. robots.txt of its site must allow it (and its Crawl-delay slows that host down);
3. the host's gate is taken: at most ``per_host`` requests at once, ``delay`` seconds between starts;
4. the request goes out over httpx (HTTP/2 where the server offers it) through the SSRF guard,
   which checks the address actually connected to;
5. the body is read under a byte cap and a deadline, and decompressed under the same cap;
6. redirects are followed by hand (each hop repeats steps 1-5), at most ``max_redirects``;
7. 429 and 503 are retried after Retry-After (or a doubling backoff), at most ``retries`` times,
   and the wait holds back the whole host.
"""

from __future__ import annotations

import email.utils
import logging
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from ..errors import FetchError, FetchTimeout, HTTPStatusError, InputError, Refused, TooLarge
from .body import ACCEPT_ENCODING, bounded_body
from .guard import REQUEST_DEADLINE, Guard, GuardedBackend
from .hosts import HostGates
from .robots import Robots
from .settings import DEFAULT_SETTINGS, FetchSettings

log = logging.getLogger(__name__)

ROBOTS_AGENT = "consilience"
REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRIED = frozenset({429, 503})


@dataclass(frozen=True)
class Fetched:
    """One final response (after redirects): the decoded body and what the headers said about it."""

    url: str
    final_url: str
    status: int
    content_type: str
    charset: str | None
    body: bytes
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304




class _Retry(Exception):
    def __init__(self, wait: float, status: int) -> None:
        self.wait, self.status = wait, status


class Fetcher:
    """Thread-safe: one client, one set of host gates and one robots cache shared by all threads."""

    def __init__(self, settings: FetchSettings = DEFAULT_SETTINGS, *, guard: Guard | None = None) -> None:
        self.settings = settings
        self.guard = guard or Guard(allow_private=settings.allow_private)
        self.stop = threading.Event()
        self._gates = HostGates(concurrency=settings.per_host, delay=settings.delay, stop=self.stop)
        self._robots = Robots(self._robots_txt, agent=ROBOTS_AGENT)
        self._client = httpx.Client(transport=_guarded_transport(self.guard, settings), trust_env=False,
                                    follow_redirects=False, headers=self._headers(),
                                    timeout=httpx.Timeout(min(settings.timeout, 10.0), connect=settings.connect_timeout))

    def _headers(self) -> dict[str, str]:
        return {"User-Agent": self.settings.user_agent, "Accept-Encoding": ACCEPT_ENCODING,
                "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                          "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.stop.set()
        self._client.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """The response to ``url`` after redirects; raise a FetchError (an InputError) when there is none."""
        conditional = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v}
        current = url
        for _hop in range(self.settings.max_redirects + 1):
            checked_url(current)
            if self.settings.robots:
                self._gates[_host(current)].slow_down(self._robots.check(current))
            fetched = self._with_retries(current, conditional)
            if fetched.status not in REDIRECTS:
                return _final(fetched, url)
            current = urljoin(current, fetched.final_url)
        raise FetchError(f"{url}: more than {self.settings.max_redirects} redirects; open it in a browser to see where it leads")

    def _with_retries(self, url: str, headers: dict[str, str], *, error_status_raises: bool = True) -> Fetched:
        gate = self._gates[_host(url)]
        for attempt in range(self.settings.retries + 1):
            try:
                with gate.slot():
                    if self.stop.is_set():
                        raise FetchError(f"{url}: the crawl was stopped before this page; run again to fetch it")
                    return self._once(url, headers, error_status_raises)
            except _Retry as r:
                wait = r.wait if r.wait >= 0 else self.settings.backoff * 2**attempt
                if attempt == self.settings.retries or wait > self.settings.max_retry_wait:
                    raise HTTPStatusError(f"{url}: the server answered {r.status} (busy or rate-limited) "
                                          f"{attempt + 1} time(s); try again later") from None
                log.info("%s answered %s; retrying in %.1f s", url, r.status, wait)
                gate.pause(wait)
        raise AssertionError("unreachable")

    def _once(self, url: str, headers: dict[str, str], error_status_raises: bool) -> Fetched:
        deadline = time.monotonic() + self.settings.timeout
        token = REQUEST_DEADLINE.set(deadline)
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                return self._read(url, response, deadline, error_status_raises)
        except InputError:
            raise
        except httpx.TimeoutException as e:
            raise FetchTimeout(f"{url}: no answer within the time limit ({type(e).__name__}); try again later") from e
        except (httpx.HTTPError, httpcore.ProtocolError, OSError) as e:
            raise FetchError(f"{url}: {_network_reason(e)}; check the address and your connection") from e
        finally:
            REQUEST_DEADLINE.reset(token)

    def _read(self, url: str, response: httpx.Response, deadline: float, error_status_raises: bool) -> Fetched:
        status = response.status_code
        if status in RETRIED:
            raise _Retry(retry_after(response.headers.get("Retry-After")), status)
        if status in REDIRECTS:
            location = response.headers.get("Location")
            if not location:
                raise FetchError(f"{url}: a redirect ({status}) without a Location; the site is misconfigured")
            return Fetched(url, location, status, "", None, b"")
        if status == 304:
            return Fetched(url, url, 304, "", None, b"", response.headers.get("ETag"), response.headers.get("Last-Modified"))
        if status >= 400 and error_status_raises:
            raise HTTPStatusError(f"{url}: the server answered {status} {response.reason_phrase}; check the address")
        declared = int(response.headers.get("Content-Length") or 0)
        if declared > self.settings.max_bytes:
            raise TooLarge(f"{url}: {declared / 2**20:.0f} MiB is over the {self.settings.max_bytes / 2**20:g} MiB limit; "
                           "raise --max-bytes if this page is real")
        body = bounded_body(response.iter_raw(), content_encoding=response.headers.get("Content-Encoding"),
                            max_bytes=self.settings.max_bytes, deadline=deadline, url=url)
        return Fetched(url, str(response.url), status, response.headers.get("Content-Type", ""),
                       response.charset_encoding, body, response.headers.get("ETag"),
                       response.headers.get("Last-Modified"))

    def _robots_txt(self, robots_url: str) -> tuple[int, bytes]:
        """Status and body of a site's robots.txt, redirects followed; error statuses are answers here."""
        current = robots_url
        for _hop in range(self.settings.max_redirects + 1):
            fetched = self._with_retries(checked_url(current), {}, error_status_raises=False)
            if fetched.status not in REDIRECTS:
                return fetched.status, fetched.body
            current = urljoin(current, fetched.final_url)
        return 500, b""


def checked_url(url: str) -> str:
    """``url`` when it is an http(s) URL with a host; raise Refused otherwise."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise Refused(f"{url}: only http and https URLs are fetched, not {parts.scheme or 'a bare path'}:")
    if not parts.hostname:
        raise Refused(f"{url}: the URL has no host; check it")
    return url


def retry_after(value: str | None) -> float:
    """Seconds a Retry-After header asks for (a number or an HTTP date); -1 when it says nothing usable."""
    if not value:
        return -1.0
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return -1.0
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _final(fetched: Fetched, requested: str) -> Fetched:
    return Fetched(requested, fetched.final_url, fetched.status, fetched.content_type, fetched.charset,
                   fetched.body, fetched.etag, fetched.last_modified)


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _network_reason(e: BaseException) -> str:
    return str(e) or type(e).__name__


def _guarded_transport(guard: Guard, settings: FetchSettings) -> httpx.HTTPTransport:
    """httpx's transport with its connection pool rebuilt on the guarded network backend.

    httpx offers no public way to pass httpcore a network backend; ``tests/fetch`` checks that every
    connection goes through the guard, so an httpx upgrade that moved ``_pool`` fails there.
    """
    transport = httpx.HTTPTransport(http2=True, trust_env=False)
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False), max_connections=settings.concurrency * 2,
        max_keepalive_connections=settings.concurrency, keepalive_expiry=5.0, http1=True, http2=True,
        network_backend=GuardedBackend(guard))
    return transport
