"""robots.txt, read with the standard library's parser and fetched through the guarded client.

Follows RFC 9309: a robots.txt that is missing (4xx) allows everything; one that cannot be read
(5xx, 429, network error) forbids the whole site for now; rules are cached for a day at most.
"""

from __future__ import annotations

import logging
import threading
import time
import urllib.robotparser
from collections.abc import Callable
from urllib.parse import urlsplit

from ..errors import FetchError, Refused, RobotsDisallowed

log = logging.getLogger(__name__)
TTL = 24 * 3600.0  # RFC 9309 §2.4: a cached robots.txt should not be used for more than 24 hours
MAX_ROBOTS_BYTES = 500 * 1024  # RFC 9309 §2.5: parse at least the first 500 KiB
MAX_CRAWL_DELAY = 60.0  # a Crawl-delay longer than this is honoured at this value (and logged)

RobotsGetter = Callable[[str], "tuple[int, bytes]"]
"""``robots_url -> (status, body)``; raises FetchError when the site cannot be reached."""


class _Rules:
    def __init__(self, parser: urllib.robotparser.RobotFileParser | None, *, allow_all: bool, reason: str = "") -> None:
        self.parser, self.allow_all, self.reason, self.read_at = parser, allow_all, reason, time.monotonic()


class Robots:
    def __init__(self, get: RobotsGetter, *, agent: str) -> None:
        self._get = get
        self._agent = agent
        self._rules: dict[str, _Rules] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def check(self, url: str) -> float:
        """The site's Crawl-delay for us (0 when none); raise RobotsDisallowed when ``url`` is forbidden."""
        rules = self._rules_for(_origin(url))
        if rules.reason:
            raise RobotsDisallowed(f"{url}: {rules.reason}")
        if rules.allow_all or rules.parser is None:
            return 0.0
        if not rules.parser.can_fetch(self._agent, url):
            raise RobotsDisallowed(f"{url}: the site's robots.txt does not allow {self._agent} to fetch it; "
                                   "ask the site, or pass --ignore-robots only if you have its permission")
        delay = float(rules.parser.crawl_delay(self._agent) or 0)
        if delay > MAX_CRAWL_DELAY:
            log.warning("%s asks for a %g s crawl delay; using %g s", _origin(url), delay, MAX_CRAWL_DELAY)
        return min(delay, MAX_CRAWL_DELAY)

    def _rules_for(self, origin: str) -> _Rules:
        with self._lock:
            lock = self._locks.setdefault(origin, threading.Lock())
        with lock:  # one fetch of robots.txt per site, however many threads want it
            rules = self._rules.get(origin)
            if rules is None or time.monotonic() - rules.read_at > TTL:
                rules = self._rules[origin] = self._read(origin)
            return rules

    def _read(self, origin: str) -> _Rules:
        try:
            status, body = self._get(origin + "/robots.txt")
        except Refused:
            raise  # the site itself is refused: say so, not that its robots.txt was unreadable
        except FetchError as e:
            return _Rules(None, allow_all=False, reason=f"its robots.txt could not be read ({e}); try again later")
        if 400 <= status < 500 and status != 429:
            return _Rules(None, allow_all=True)
        if status >= 300:
            return _Rules(None, allow_all=False,
                          reason=f"its robots.txt answered {status}, so the site is treated as closed; try again later")
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace").splitlines())
        return _Rules(parser, allow_all=False)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
