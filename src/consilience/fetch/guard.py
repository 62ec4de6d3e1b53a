"""The SSRF guard: which addresses a fetch may connect to, checked on the address actually dialled.

The check lives in the network backend httpx connects through, not in front of it: the host is
resolved once, every answer is checked, and the socket is opened to the checked IP literal (TLS
still verifies the original host name). So a DNS answer that changes between a check and the
connect (rebinding), or a redirect to a forbidden address, meets the same check.

Forbidden always: cloud-metadata addresses, link-local, multicast, unspecified, broadcast and
reserved ranges, and every address that is not globally routable. ``allow_private`` lifts the ban
for loopback and private ranges only (intranet use), never for metadata addresses.

IPv4 written as a decimal, octal or hex number (``2130706433``, ``0177.0.0.1``, ``0x7f.1``) is read
the way the C library reads it, and IPv6 forms that carry an IPv4 address (IPv4-mapped, 6to4,
NAT64, IPv4-compatible) are judged by the IPv4 address they carry.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from collections.abc import Callable, Iterable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import httpcore
from httpcore._backends.sync import SyncStream

from ..errors import Refused

IP = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Sequence[str]]
"""``(host, port) -> IP addresses``: the system's resolver by default; tests inject answers."""
Dialer = Callable[[str, int, "float | None"], socket.socket]
"""``(ip, port, timeout) -> connected socket``: opens the connection to an already-checked IP."""

# Instance-metadata services: AWS/GCP/Azure/Oracle/DigitalOcean (169.254.169.254), AWS ECS task
# metadata (169.254.170.2), AWS IMDS over IPv6 (fd00:ec2::254), Alibaba (100.100.100.200), Azure's
# wire server (168.63.129.16, which is otherwise a public address).
METADATA: frozenset[IP] = frozenset(ipaddress.ip_address(a) for a in (
    "169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200", "168.63.129.16"))
_NUMERIC_V4 = re.compile(r"^(?:0x[0-9a-f]+|[0-9]+)(?:\.(?:0x[0-9a-f]+|[0-9]+)){0,3}$", re.I)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def ip_literal(host: str) -> IP | None:
    """``host`` as an IP address when it is one in any spelling the C library accepts, else None."""
    host = host.strip("[]").split("%", 1)[0]
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if _NUMERIC_V4.match(host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def carried_ipv4(ip: IP) -> IP:
    """The IPv4 address an IPv6 address carries (mapped, 6to4, NAT64, compatible), else ``ip``."""
    if isinstance(ip, ipaddress.IPv4Address):
        return ip
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if int(ip) >> 32 == 0 and int(ip) > 1:  # deprecated IPv4-compatible ::a.b.c.d
        return ipaddress.IPv4Address(int(ip))
    return ip


def refusal(ip: IP, *, allow_private: bool) -> str | None:
    """Why a fetch may not connect to ``ip`` (a short reason), or None when it may."""
    inner = carried_ipv4(ip)
    for addr in dict.fromkeys((ip, inner)):
        if addr in METADATA:
            return "a cloud-metadata address"
    if inner.is_unspecified:
        return "the unspecified address"
    if inner.is_multicast:
        return "a multicast address"
    if inner.is_link_local:
        return "a link-local address"
    if inner.is_loopback:
        return None if allow_private else "a loopback address"
    if isinstance(inner, ipaddress.IPv4Address) and inner == ipaddress.IPv4Address("255.255.255.255"):
        return "the broadcast address"
    if inner.is_reserved:
        return "a reserved address"
    if inner.is_private or not inner.is_global:
        return None if allow_private and _intranet(inner) else "a private or non-routable address"
    return None


def _intranet(ip: IP) -> bool:
    """Ranges an intranet uses: RFC 1918, carrier-grade NAT and IPv6 unique-local."""
    nets = ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7")
    return any(ip in ipaddress.ip_network(n) for n in nets)


def system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def system_dialer(ip: str, port: int, timeout: float | None) -> socket.socket:
    """Connect to ``ip`` (a literal, so nothing is resolved again) and confirm the peer is that IP."""
    sock = socket.create_connection((ip, port), timeout)
    peer = ipaddress.ip_address(sock.getpeername()[0].split("%", 1)[0])
    if peer != ipaddress.ip_address(ip):
        sock.close()
        raise OSError(f"connected to {peer}, not the checked address {ip}")
    return sock


@dataclass(frozen=True)
class Guard:
    """Resolves a host once, checks every answer, and dials only a checked address."""

    allow_private: bool = False
    resolver: Resolver = system_resolver
    dialer: Dialer = system_dialer

    def addresses(self, host: str, port: int) -> list[str]:
        """The checked addresses to dial for ``host``; raise Refused when any answer is forbidden.

        One forbidden answer refuses the host, even beside allowed ones: a name that resolves to
        both a public and an internal address is how rebinding attacks start.
        """
        literal = ip_literal(host)
        if literal is not None:
            answers = [str(literal)]
        else:
            try:
                answers = list(self.resolver(host, port))
            except OSError as e:
                raise httpcore.ConnectError(f"{host}: cannot resolve the host name ({e})") from e
        if not answers:
            raise httpcore.ConnectError(f"{host}: the host name has no address")
        for answer in answers:
            ip = ip_literal(answer)
            reason = "an unparseable address" if ip is None else refusal(ip, allow_private=self.allow_private)
            if reason:
                hint = "" if self.allow_private or "private" not in reason and "loopback" not in reason else \
                    " (pass --allow-private for an intranet address)"
                raise Refused(f"{host} resolves to {answer}, {reason}; consilience does not fetch from it{hint}")
        return answers

    def connect(self, host: str, port: int, timeout: float | None) -> socket.socket:
        last: OSError | None = None
        for ip in self.addresses(host, port):
            try:
                return self.dialer(ip, port, timeout)
            except OSError as e:
                last = e
        raise last or OSError(f"{host}: no address to connect to")


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's own sync backend, but every TCP connection goes through the guard."""

    def __init__(self, guard: Guard) -> None:
        self.guard = guard

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        try:
            sock = self.guard.connect(host, port, timeout)
        except TimeoutError as e:
            raise httpcore.ConnectTimeout(str(e)) from e
        except OSError as e:
            raise httpcore.ConnectError(str(e)) from e
        for option in socket_options or ():
            sock.setsockopt(*option)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return _DeadlineStream(sock)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        raise Refused(f"{path}: consilience does not fetch through Unix sockets")


REQUEST_DEADLINE: ContextVar[float | None] = ContextVar("consilience_request_deadline", default=None)
"""``time.monotonic()`` by which the request in hand on this thread must be complete (set by the fetcher)."""


class _DeadlineStream(SyncStream):
    """Each read waits no longer than the request's deadline. httpx's timeouts bound one read each,
    so a server dripping its headers a byte at a time would otherwise never time out."""

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return super().read(max_bytes, _within_deadline(timeout))

    def start_tls(self, ssl_context: object, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        stream = super().start_tls(ssl_context, server_hostname, _within_deadline(timeout))  # type: ignore[arg-type]
        return _DeadlineStream(stream._sock) if type(stream) is SyncStream else stream  # type: ignore[attr-defined]


def _within_deadline(timeout: float | None) -> float | None:
    deadline = REQUEST_DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the request's time limit passed")
    return left if timeout is None else min(timeout, left)
