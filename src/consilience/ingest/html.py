"""HTML pages: decoded with the charset the page declares, else detected."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import MalformedInput
from ..records import RawDocument
from .base import Item
from .decode import decoded_text
from .urls import web_url

_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def read_html(source: str, data: bytes, *, url: str | None = None) -> Iterator[Item]:
    body, enc = decoded_text(data, source, declared=declared_charset(data))
    if "<" not in body:
        raise MalformedInput(f"{source}: no HTML markup found; rename it .txt if it is plain text")
    yield RawDocument(source=source, kind="html", body=body, url=web_url(url), encoding=enc)
