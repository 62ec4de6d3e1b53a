"""Response bodies read under a byte cap and a deadline, decompressed without ever exceeding the cap.

httpx's own decoders inflate a whole network chunk at once, so a 64 KiB gzip bomb chunk becomes
up to 64 MiB in memory before any cap can look at it. Here every decompressor is asked for at
most the room left under the cap, so memory stays bounded by the cap whatever the ratio.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Iterable

import brotli

from ..errors import FetchError, FetchTimeout, TooLarge


class _Zlib:
    def __init__(self, wbits: int) -> None:
        self._d = zlib.decompressobj(wbits)
        self._raw_fallback = wbits == zlib.MAX_WBITS  # 'deflate' is sent both with and without a zlib header

    def feed(self, data: bytes, room: int) -> bytes:
        try:
            out = self._d.decompress(self._d.unconsumed_tail + data, room)
        except zlib.error:
            if not self._raw_fallback:
                raise
            self._raw_fallback = False
            self._d = zlib.decompressobj(-zlib.MAX_WBITS)
            out = self._d.decompress(data, room)
        self._raw_fallback = False
        return out

    def pending(self) -> bool:
        return bool(self._d.unconsumed_tail)


class _Brotli:
    def __init__(self) -> None:
        self._d = brotli.Decompressor()

    def feed(self, data: bytes, room: int) -> bytes:
        return bytes(self._d.process(data, output_buffer_limit=room))

    def pending(self) -> bool:
        return not self._d.can_accept_more_data()


class _Identity:
    def feed(self, data: bytes, room: int) -> bytes:
        return data

    def pending(self) -> bool:
        return False


_DECODERS = {"gzip": lambda: _Zlib(16 + zlib.MAX_WBITS), "x-gzip": lambda: _Zlib(16 + zlib.MAX_WBITS),
             "deflate": lambda: _Zlib(zlib.MAX_WBITS), "br": _Brotli, "identity": _Identity}
ACCEPT_ENCODING = "gzip, deflate, br"


def decoders_for(content_encoding: str | None, url: str) -> list[_Zlib | _Brotli | _Identity]:
    """The decoders to apply, in order, for a Content-Encoding header (encodings are listed as applied)."""
    names = [n.strip().lower() for n in (content_encoding or "").split(",") if n.strip()]
    unknown = [n for n in names if n not in _DECODERS]
    if unknown:
        raise FetchError(f"{url}: the server sent an encoding consilience cannot read ({', '.join(unknown)}); "
                         "report the site to the consilience maintainers")
    return [_DECODERS[n]() for n in reversed(names)]


def bounded_body(chunks: Iterable[bytes], *, content_encoding: str | None, max_bytes: int, deadline: float,
                 url: str) -> bytes:
    """The decoded body; raise TooLarge past ``max_bytes`` decoded bytes, FetchTimeout past ``deadline``."""
    decoders = decoders_for(content_encoding, url)
    out = bytearray()
    try:
        for chunk in chunks:
            _check_time(deadline, url)
            out += _decoded(chunk, decoders, room=max_bytes - len(out) + 1)
            if len(out) > max_bytes or any(d.pending() for d in decoders):
                raise _too_large(url, max_bytes)
    except (zlib.error, brotli.error) as e:
        raise FetchError(f"{url}: the compressed body is corrupt ({e}); try again later") from e
    return bytes(out)


def _decoded(chunk: bytes, decoders: list[_Zlib | _Brotli | _Identity], *, room: int) -> bytes:
    for d in decoders:
        chunk = d.feed(chunk, room)
    return chunk


def _check_time(deadline: float, url: str) -> None:
    if time.monotonic() > deadline:
        raise FetchTimeout(f"{url}: the page did not arrive within the time limit; try again later or raise --timeout")


def _too_large(url: str, max_bytes: int) -> TooLarge:
    return TooLarge(f"{url}: the body is over the {max_bytes / 2**20:g} MiB limit and was cut there; "
                    "raise --max-bytes if this page is real")
