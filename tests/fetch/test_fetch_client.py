"""The fetcher against a local server: redirects, 304, retries, limits, bombs, encodings, robots.txt."""

from __future__ import annotations

import gzip
import time
import tracemalloc
import zlib
from collections.abc import Iterator

import brotli
import pytest
from fetch_helpers import ForkedServer
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from consilience.errors import FetchTimeout, HTTPStatusError, RobotsDisallowed, TooLarge
from consilience.fetch import Crawl, Fetcher, FetchSettings
from consilience.fetch.client import retry_after
from consilience.fetch.settings import USER_AGENT

PAGE = "<html><head><title>T</title></head><body><p>Ministers met on Monday.</p></body></html>"


def test_user_agent_names_the_project_and_redirects_are_followed(server: HTTPServer, fast: FetchSettings) -> None:
    server.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new"})
    server.expect_request("/new").respond_with_data(PAGE, content_type="text/html; charset=utf-8")
    with Fetcher(fast) as f:
        got = f.get(server.url_for("/old"))
    assert got.status == 200 and got.final_url == server.url_for("/new") and got.url == server.url_for("/old")
    agents = {req.headers["User-Agent"] for req, _ in server.log}
    assert agents == {USER_AGENT} and USER_AGENT.startswith("consilience/")
    assert "gzip" in server.log[-1][0].headers["Accept-Encoding"] and "br" in server.log[-1][0].headers["Accept-Encoding"]


def test_redirect_loops_stop_at_the_cap(server: HTTPServer, fast: FetchSettings) -> None:
    server.expect_request("/loop").respond_with_data("", status=302, headers={"Location": "/loop"})
    with Fetcher(fast) as f, pytest.raises(Exception, match="more than 5 redirects"):
        f.get(server.url_for("/loop"))
    assert len([r for r, _ in server.log if r.path == "/loop"]) == 6


def test_conditional_get_answers_304(server: HTTPServer, fast: FetchSettings) -> None:
    server.expect_request("/feed", headers={"If-None-Match": '"v1"'}).respond_with_data("", status=304)
    server.expect_request("/feed").respond_with_data("<rss/>", headers={"ETag": '"v1"', "Last-Modified": "Mon, 03 Feb 2025 10:00:00 GMT"})
    with Fetcher(fast) as f:
        first = f.get(server.url_for("/feed"))
        again = f.get(server.url_for("/feed"), etag=first.etag, last_modified=first.last_modified)
    assert first.etag == '"v1"' and first.last_modified and not first.not_modified
    assert again.not_modified and again.body == b""
    assert server.log[-1][0].headers["If-Modified-Since"] == "Mon, 03 Feb 2025 10:00:00 GMT"


def test_429_is_retried_after_retry_after(server: HTTPServer, fast: FetchSettings) -> None:
    server.expect_ordered_request("/busy").respond_with_data("slow down", status=429, headers={"Retry-After": "1"})
    server.expect_ordered_request("/busy").respond_with_data(PAGE, content_type="text/html")
    with Fetcher(fast) as f:
        start = time.monotonic()
        got = f.get(server.url_for("/busy"))
        waited = time.monotonic() - start
    assert got.status == 200 and 0.9 <= waited < 3.0


def test_503_without_retry_after_backs_off_then_gives_up(server: HTTPServer, fast: FetchSettings) -> None:
    server.expect_request("/down").respond_with_data("", status=503)
    with Fetcher(fast) as f, pytest.raises(HTTPStatusError, match="503"):
        f.get(server.url_for("/down"))
    assert len(server.log) == fast.retries + 1  # robots.txt is not asked: these settings skip it


def test_a_retry_after_longer_than_the_limit_gives_up_at_once(server: HTTPServer, fast: FetchSettings) -> None:
    server.expect_request("/later").respond_with_data("", status=429, headers={"Retry-After": "3600"})
    with Fetcher(fast) as f:
        start = time.monotonic()
        with pytest.raises(HTTPStatusError, match="429"):
            f.get(server.url_for("/later"))
    assert time.monotonic() - start < 1.0 and len(server.log) == 1


@pytest.mark.parametrize(("header", "low", "high"), [("5", 5, 5), ("", -1, -1), ("soon", -1, -1),
                                                     ("Wed, 21 Oct 2015 07:28:00 GMT", 0, 0)])
def test_retry_after_values(header: str, low: float, high: float) -> None:
    assert low <= retry_after(header) <= high


def test_a_slow_drip_is_cut_by_the_deadline(server: HTTPServer, fast: FetchSettings) -> None:
    def drip(request: Request) -> Response:
        def body() -> Iterator[bytes]:
            for _ in range(200):  # 20 s if nothing cut it
                time.sleep(0.1)
                yield b"<p>x</p>"
        return Response(body(), content_type="text/html")

    server.expect_request("/drip").respond_with_handler(drip)
    settings = FetchSettings(allow_private=True, robots=False, delay=0, timeout=1.0)
    with Fetcher(settings) as f:
        start = time.monotonic()
        with pytest.raises(FetchTimeout):
            f.get(server.url_for("/drip"))
    assert time.monotonic() - start < 3.0


def test_a_100_mb_body_is_cut_at_the_cap(server: HTTPServer, fast: FetchSettings) -> None:
    chunk = b"<p>" + b"x" * (2**20 - 7) + b"</p>\n"

    def huge(request: Request) -> Response:
        return Response((chunk for _ in range(100)), content_type="text/html")  # 100 MiB, no Content-Length

    server.expect_request("/huge").respond_with_handler(huge)
    with Fetcher(FetchSettings(allow_private=True, robots=False, delay=0, max_bytes=4 * 2**20)) as f:
        start = time.monotonic()
        with pytest.raises(TooLarge, match="4 MiB"):
            f.get(server.url_for("/huge"))
    assert time.monotonic() - start < 5.0


def test_a_declared_length_over_the_cap_is_refused_unread(server: HTTPServer, fast: FetchSettings) -> None:
    server.expect_request("/big").respond_with_data(b"x" * 2048, content_type="text/html")
    with Fetcher(FetchSettings(allow_private=True, robots=False, delay=0, max_bytes=1024)) as f, \
            pytest.raises(TooLarge, match="over the"):
        f.get(server.url_for("/big"))


def packed_zeros(encoding: str, size: int) -> bytes:
    zeros = b"\0" * size
    if encoding == "gzip":
        return gzip.compress(zeros, 9)
    return brotli.compress(zeros, quality=5) if encoding == "br" else zlib.compress(zeros, 9)


@pytest.mark.parametrize("encoding", ["gzip", "br", "deflate"])
def test_a_compression_bomb_is_cut_with_memory_bounded(encoding: str) -> None:
    packed = packed_zeros(encoding, 64 * 2**20)  # 64 MiB that compress to a few dozen KiB
    assert len(packed) < 2**20
    cap = 2**20
    with ForkedServer(packed, {"Content-Type": "text/html", "Content-Encoding": encoding}) as bomb, \
            Fetcher(FetchSettings(allow_private=True, robots=False, delay=0, max_bytes=cap)) as f:
        tracemalloc.start()
        try:
            with pytest.raises(TooLarge):
                f.get(f"http://127.0.0.1:{bomb.port}/bomb")
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert peak < 4 * cap, f"peak {peak / 2**20:.1f} MiB while inflating a bomb under a 1 MiB cap"


@pytest.mark.parametrize("encoding", ["gzip", "br", "deflate"])
def test_compressed_pages_are_inflated(server: HTTPServer, fast: FetchSettings, encoding: str) -> None:
    data = PAGE.encode() * 50
    packed = {"gzip": gzip.compress, "br": brotli.compress, "deflate": zlib.compress}[encoding](data)
    server.expect_request("/z").respond_with_data(packed, content_type="text/html", headers={"Content-Encoding": encoding})
    with Fetcher(fast) as f:
        assert f.get(server.url_for("/z")).body == data


@pytest.mark.parametrize(("text", "encoding", "where"), [
    ("Президент заявил во вторник", "windows-1251", "header"),
    ("東京で火曜日に会合が開かれた", "shift_jis", "meta"),
    ("Le ministre a déclaré mardi à Genève", "iso-8859-1", "meta"),
    ("Ο υπουργός δήλωσε την Τρίτη", "iso-8859-7", "header"),
])
def test_pages_in_other_encodings_are_decoded(server: HTTPServer, fast: FetchSettings, text: str, encoding: str,
                                              where: str) -> None:
    meta = f'<meta charset="{encoding}">' if where == "meta" else ""
    html = f"<html><head>{meta}<title>x</title></head><body><p>{text}</p></body></html>"
    ctype = f"text/html; charset={encoding}" if where == "header" else "text/html"
    server.expect_request("/enc").respond_with_data(html.encode(encoding), content_type=ctype)
    with Crawl(fast) as crawl:
        (doc,) = list(crawl([server.url_for("/enc")]))
    assert text in doc.body and doc.kind == "html" and doc.url == server.url_for("/enc")


def test_robots_txt_is_honoured(server: HTTPServer) -> None:
    server.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\n\nUser-agent: consilience\nDisallow: /no-bots/\nCrawl-delay: 1\n",
        content_type="text/plain")
    server.expect_request("/open").respond_with_data(PAGE, content_type="text/html")
    settings = FetchSettings(allow_private=True, delay=0)
    with Fetcher(settings) as f:
        assert f.get(server.url_for("/open")).status == 200
        with pytest.raises(RobotsDisallowed, match="robots.txt does not allow"):
            f.get(server.url_for("/no-bots/a"))
        start = time.monotonic()
        f.get(server.url_for("/open"))
        assert time.monotonic() - start >= 0.9  # Crawl-delay: 1 applies between starts
    assert [r.path for r, _ in server.log].count("/robots.txt") == 1
    assert not any(r.path.startswith("/no-bots") for r, _ in server.log)


@pytest.mark.parametrize(("status", "allowed"), [(404, True), (403, True), (500, False), (503, False)])
def test_robots_txt_missing_allows_and_unreachable_forbids(server: HTTPServer, status: int, allowed: bool) -> None:
    server.expect_request("/robots.txt").respond_with_data("", status=status)
    server.expect_request("/a").respond_with_data(PAGE, content_type="text/html")
    settings = FetchSettings(allow_private=True, delay=0, retries=0)
    with Fetcher(settings) as f:
        if allowed:
            assert f.get(server.url_for("/a")).status == 200
        else:
            with pytest.raises(RobotsDisallowed, match="try again later"):
                f.get(server.url_for("/a"))


def test_per_host_concurrency_is_bounded(server: HTTPServer) -> None:
    import threading

    active, peak, lock = [0], [0], threading.Lock()

    def slow(request: Request) -> Response:
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.1)
        with lock:
            active[0] -= 1
        return Response(PAGE, content_type="text/html")

    server.expect_request("/p").respond_with_handler(slow)
    urls = [server.url_for(f"/p?n={i}") for i in range(12)]
    with Crawl(FetchSettings(allow_private=True, robots=False, delay=0, per_host=3, concurrency=8)) as crawl:
        docs = list(crawl(urls))
    assert [d.source for d in docs] == urls and peak[0] == 3


def test_headers_dripped_a_byte_at_a_time_are_cut_by_the_deadline() -> None:
    import socket
    import threading

    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def drip_headers() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.recv(4096)
            for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 100:  # 20 s if nothing cut it
                if stop.wait(0.2):
                    return
                conn.sendall(bytes([byte]))

    thread = threading.Thread(target=drip_headers, daemon=True)
    thread.start()
    settings = FetchSettings(allow_private=True, robots=False, delay=0, timeout=1.0)
    try:
        with Fetcher(settings) as f:
            start = time.monotonic()
            with pytest.raises(FetchTimeout):
                f.get(f"http://127.0.0.1:{listener.getsockname()[1]}/")
            assert time.monotonic() - start < 2.5
    finally:
        stop.set()
        thread.join(timeout=5)
        listener.close()
