"""Per-host politeness: at most N requests at once to one host, and a minimum gap between starts."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class HostGate:
    """One host's limits. ``pause`` pushes the next start back (Retry-After applies to the whole host)."""

    def __init__(self, *, concurrency: int, delay: float, stop: threading.Event) -> None:
        self._slots = threading.BoundedSemaphore(concurrency)
        self._lock = threading.Lock()
        self._next_start = 0.0
        self._stop = stop
        self.delay = delay

    @contextmanager
    def slot(self) -> Iterator[None]:
        self._slots.acquire()
        try:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next_start)
                self._next_start = start + self.delay
            self._stop.wait(start - now)  # returns at once when the crawl is being stopped
            yield
        finally:
            self._slots.release()

    def pause(self, seconds: float) -> None:
        with self._lock:
            self._next_start = max(self._next_start, time.monotonic() + seconds)

    def slow_down(self, delay: float) -> None:
        with self._lock:
            self.delay = max(self.delay, delay)


class HostGates:
    def __init__(self, *, concurrency: int, delay: float, stop: threading.Event) -> None:
        self._gates: dict[str, HostGate] = {}
        self._lock = threading.Lock()
        self._make = lambda: HostGate(concurrency=concurrency, delay=delay, stop=stop)

    def __getitem__(self, host: str) -> HostGate:
        with self._lock:
            if host not in self._gates:
                self._gates[host] = self._make()
            return self._gates[host]
