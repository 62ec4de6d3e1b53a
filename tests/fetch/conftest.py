"""Fetch tests never leave the machine.

* Pages, feeds and sitemaps come from a threaded HTTP server on 127.0.0.1 started here, and the
  fetcher may reach it only with ``allow_private=True`` (the ``--allow-private`` switch).
* Addresses beyond loopback appear only as injected resolver answers; the dialler tests inject
  connects to the local server whatever "public" IP the guard let through, and refuses any other.
* A safety net under all of it: while these tests run, ``socket.connect`` itself refuses every
  address outside 127.0.0.0/8 and ::1, so a broken guard still cannot send a packet anywhere.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator

import pytest
from fetch_helpers import Dialler
from pytest_httpserver import HTTPServer

from consilience.fetch import FetchSettings

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def loopback_only(address: object) -> bool:
    """True for addresses a test may connect to: Unix sockets, 127.0.0.0/8, ::1."""
    if isinstance(address, str | bytes):
        return True  # AF_UNIX path
    host = str(address[0]) if isinstance(address, tuple) else ""  # type: ignore[index]
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def _guarded_connect(self: socket.socket, address: object) -> None:
    if not loopback_only(address):
        raise AssertionError(f"a test tried to connect to {address!r}, beyond loopback")
    return _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: object) -> int:
    if not loopback_only(address):
        raise AssertionError(f"a test tried to connect to {address!r}, beyond loopback")
    return _real_connect_ex(self, address)


@pytest.fixture(autouse=True)
def no_packet_beyond_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded_connect_ex)


@pytest.fixture(scope="session")
def local_server() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()


@pytest.fixture
def server(local_server: HTTPServer) -> Iterator[HTTPServer]:
    local_server.clear()
    local_server.no_handler_status_code = 404  # so robots.txt is "missing" (allow all) unless a test serves one
    yield local_server
    local_server.clear()


@pytest.fixture
def fast() -> FetchSettings:
    """Settings for tests: loopback allowed explicitly, no politeness delay, short waits."""
    return FetchSettings(allow_private=True, robots=False, delay=0.0, timeout=5.0, connect_timeout=2.0, backoff=0.05,
                         max_retry_wait=3.0, retries=2)


@pytest.fixture
def dialler(server: HTTPServer) -> Dialler:
    return Dialler(server.port)
