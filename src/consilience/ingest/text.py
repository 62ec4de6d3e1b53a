"""Plain text and Markdown: the whole file is one article."""

from __future__ import annotations

from collections.abc import Iterator

from ..records import RawDocument
from .base import Item
from .decode import decoded_text


def read_text(source: str, data: bytes) -> Iterator[Item]:
    body, enc = decoded_text(data, source)
    yield RawDocument(source=source, kind="text", body=body, encoding=enc)
