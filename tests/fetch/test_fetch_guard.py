"""The SSRF guard: every case here is judged from injected answers; nothing is dialled beyond loopback."""

from __future__ import annotations

import socket

import pytest
from fetch_helpers import PUBLIC_IP, Dialler, public_guard, resolver_of
from pytest_httpserver import HTTPServer

from consilience.errors import Refused
from consilience.fetch import Crawl, Fetcher, FetchSettings, Guard
from consilience.fetch.guard import carried_ipv4, ip_literal, refusal

FORBIDDEN = [  # (address as a resolver or a URL might give it, reason fragment), refused even with allow_private
    ("169.254.169.254", "metadata"), ("169.254.170.2", "metadata"), ("fd00:ec2::254", "metadata"),
    ("100.100.100.200", "metadata"), ("168.63.129.16", "metadata"), ("::ffff:169.254.169.254", "metadata"),
    ("::ffff:a9fe:a9fe", "metadata"), ("64:ff9b::a9fe:a9fe", "metadata"), ("2002:a9fe:a9fe::1", "metadata"),
    ("169.254.1.1", "link-local"), ("fe80::1", "link-local"), ("fe80::1%eth0", "link-local"),
    ("224.0.0.1", "multicast"), ("239.255.255.250", "multicast"), ("ff02::1", "multicast"),
    ("0.0.0.0", "unspecified"), ("::", "unspecified"), ("255.255.255.255", "broadcast"),
    ("240.0.0.1", "reserved"), ("192.0.2.1", "non-routable"), ("2001:db8::1", "non-routable"),
    ("198.18.0.1", "non-routable"),
]
PRIVATE = [  # refused by default, allowed with allow_private (intranet use)
    ("127.0.0.1", "loopback"), ("127.8.9.10", "loopback"), ("::1", "loopback"), ("::ffff:127.0.0.1", "loopback"),
    ("::ffff:7f00:1", "loopback"), ("2002:7f00:1::", "loopback"), ("10.0.0.5", "private"), ("172.16.3.4", "private"),
    ("192.168.1.1", "private"), ("::ffff:192.168.1.1", "private"), ("fd12:3456::1", "private"),
    ("100.64.0.1", "private"),
]
SPELLINGS = [  # numeric host spellings the C library accepts, and what they mean
    ("2130706433", "127.0.0.1"), ("0177.0.0.1", "127.0.0.1"), ("0x7f.1", "127.0.0.1"), ("0x7f000001", "127.0.0.1"),
    ("127.1", "127.0.0.1"), ("017700000001", "127.0.0.1"), ("2852039166", "169.254.169.254"),
    ("0251.0376.0251.0376", "169.254.169.254"), ("0xa9.0xfe.0xa9.0xfe", "169.254.169.254"), ("[::1]", "::1"),
    ("012.0.0.1", "10.0.0.1"),
]


@pytest.mark.parametrize(("address", "why"), FORBIDDEN)
@pytest.mark.parametrize("allow_private", [False, True])
def test_forbidden_addresses_are_refused_even_with_allow_private(address: str, why: str, allow_private: bool) -> None:
    ip = ip_literal(address)
    assert ip is not None
    reason = refusal(ip, allow_private=allow_private)
    assert reason is not None and why in reason


@pytest.mark.parametrize(("address", "why"), PRIVATE)
def test_loopback_and_private_are_refused_unless_allowed(address: str, why: str) -> None:
    ip = ip_literal(address)
    assert ip is not None
    reason = refusal(ip, allow_private=False)
    assert reason is not None and why in reason
    assert refusal(ip, allow_private=True) is None


@pytest.mark.parametrize(("spelling", "meaning"), SPELLINGS)
def test_decimal_octal_and_hex_spellings_are_read_as_the_c_library_reads_them(spelling: str, meaning: str) -> None:
    assert str(ip_literal(spelling)) == meaning
    guard = Guard(resolver=_no_dns)
    with pytest.raises(Refused):
        guard.addresses(spelling, 80)


def test_names_and_public_addresses_pass() -> None:
    assert ip_literal("example.org") is None and ip_literal("deadbeef.cafe") is None
    assert ip_literal("127.0.0.1.evil.example") is None
    assert refusal(ip_literal("93.184.215.14"), allow_private=False) is None  # type: ignore[arg-type]
    assert refusal(ip_literal("2606:4700::1111"), allow_private=False) is None  # type: ignore[arg-type]
    assert str(carried_ipv4(ip_literal("::ffff:8.8.8.8"))) == "8.8.8.8"  # type: ignore[arg-type]


@pytest.mark.parametrize("answers", [["10.0.0.7"], ["169.254.169.254"], [PUBLIC_IP, "127.0.0.1"],
                                     ["::ffff:10.1.1.1"], ["not-an-ip"]])
def test_one_forbidden_dns_answer_refuses_the_host(answers: list[str]) -> None:
    guard = Guard(resolver=resolver_of({"news.example": answers}))
    with pytest.raises(Refused, match="news.example resolves to"):
        guard.addresses("news.example", 443)


def test_metadata_host_name_is_refused_with_allow_private() -> None:
    guard = Guard(allow_private=True, resolver=resolver_of({"metadata.google.internal": ["169.254.169.254"]}))
    with pytest.raises(Refused, match="cloud-metadata"):
        guard.addresses("metadata.google.internal", 80)


def _no_dns(host: str, port: int) -> list[str]:
    raise AssertionError(f"{host} is an IP literal and must not reach the resolver")


# Through the whole fetcher: the address checked is the address dialled.

def test_fetch_goes_through_the_guard_on_every_connection(server: HTTPServer, dialler: Dialler) -> None:
    server.expect_request("/a").respond_with_data("<html><body>a</body></html>", content_type="text/html")
    calls: list[str] = []

    def counting(host: str, port: int) -> list[str]:
        calls.append(host)
        return [PUBLIC_IP]

    settings = FetchSettings(robots=False, delay=0)
    with Fetcher(settings, guard=Guard(resolver=counting, dialer=dialler)) as f:
        assert f.get(f"http://news.example:{server.port}/a").body.startswith(b"<html>")
    assert calls == ["news.example"] and dialler.calls == [PUBLIC_IP]


def test_dns_answer_that_changes_after_a_first_check_is_refused(server: HTTPServer, dialler: Dialler) -> None:
    server.expect_request("/a").respond_with_data("<html><body>a</body></html>", content_type="text/html")
    answers = iter([[PUBLIC_IP], ["169.254.169.254"], ["127.0.0.1"]])
    guard = Guard(resolver=lambda host, port: next(answers), dialer=dialler)
    settings = FetchSettings(robots=False, delay=0)
    url = f"http://rebind.example:{server.port}/a"
    with Fetcher(settings, guard=guard) as f:
        assert f.get(url).status == 200
    for _ in range(2):  # a new client makes a new connection, so the name is resolved (and checked) again
        with Fetcher(settings, guard=guard) as f, pytest.raises(Refused, match="rebind.example resolves to"):
            f.get(url)
    assert dialler.calls == [PUBLIC_IP]


@pytest.mark.parametrize(("location", "answers"), [
    ("http://10.1.2.3/x", {}),
    ("http://intranet.example/x", {"intranet.example": ["192.168.0.10"]}),
    ("http://169.254.169.254/latest/meta-data/", {}),
    ("http://[::ffff:127.0.0.1]/x", {}),
    ("http://2130706433/x", {}),
    ("file:///etc/passwd", {}),
    ("gopher://news.example/x", {}),
])
def test_redirect_to_a_forbidden_address_is_refused(server: HTTPServer, dialler: Dialler, location: str,
                                                    answers: dict[str, list[str]]) -> None:
    server.expect_request("/start").respond_with_data("", status=302, headers={"Location": location})
    guard = public_guard(dialler, {"news.example": [PUBLIC_IP], **answers})
    with Crawl(FetchSettings(robots=False, delay=0), guard=guard) as crawl:
        items = list(crawl([f"http://news.example:{server.port}/start"]))
    assert len(items) == 1 and items[0].code == "refused", items
    assert set(dialler.calls) == {PUBLIC_IP}


def test_the_local_server_is_refused_without_allow_private(server: HTTPServer) -> None:
    server.expect_request("/a").respond_with_data("<html><body>a</body></html>", content_type="text/html")
    url = server.url_for("/a")
    with Crawl(FetchSettings(robots=False)) as crawl:
        refused = list(crawl([url]))
    assert [f.code for f in refused] == ["refused"] and "loopback" in refused[0].message
    assert "--allow-private" in refused[0].message
    assert server.log == []  # nothing reached the server
    with Crawl(FetchSettings(robots=False, allow_private=True)) as crawl:
        allowed = list(crawl([url]))
    assert allowed[0].url == url and "a" in allowed[0].body


def test_localhost_by_name_is_refused_without_allow_private(server: HTTPServer) -> None:
    with Crawl(FetchSettings(robots=False)) as crawl:
        items = list(crawl([f"http://localhost:{server.port}/a"]))
    assert items[0].code == "refused" and server.log == []


def test_the_safety_net_refuses_addresses_beyond_loopback() -> None:
    from conftest import loopback_only

    assert socket.socket.connect is not _unpatched_connect()
    assert loopback_only(("127.0.0.1", 80)) and loopback_only(("::1", 80, 0, 0))
    assert not loopback_only(("10.0.0.1", 80)) and not loopback_only(("93.184.215.14", 443))
    assert not loopback_only(("example.org", 80))


def _unpatched_connect() -> object:
    import _socket

    return _socket.socket.connect


def test_the_client_offers_http2_and_connects_only_through_the_guard() -> None:
    import h2  # noqa: F401  (HTTP/2 needs it; httpx[http2] pins it)
    import httpx

    from consilience.fetch.guard import GuardedBackend

    with Fetcher(FetchSettings()) as f:
        pool = f._client._transport._pool  # type: ignore[attr-defined]
        assert isinstance(pool._network_backend, GuardedBackend) and pool._network_backend.guard is f.guard
        assert pool._http2 is True
        assert not f._client._mounts  # no proxy from the environment: a proxy would dial for us, unguarded
    assert isinstance(f._client, httpx.Client)


def test_public_api() -> None:
    import consilience.fetch as fetch

    assert sorted(fetch.__all__) == sorted([
        "USER_AGENT", "Crawl", "FetchSettings", "FetchState", "Fetched", "Fetcher", "Guard", "PollCounts",
        "canonical_url", "looks_like_url", "read_urls", "refusal", "urls_in"])
