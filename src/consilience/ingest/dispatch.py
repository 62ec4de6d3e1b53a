"""Which reader a file needs: by its name, else by its first bytes."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import UnsupportedFormat
from .base import Item, Reader
from .feed import read_feed
from .html import read_html
from .jsonl import read_json, read_jsonl
from .text import read_text
from .warc import read_warc

READERS: dict[str, Reader] = {
    ".txt": read_text, ".md": read_text, ".text": read_text,
    ".html": read_html, ".htm": read_html, ".xhtml": read_html,
    ".jsonl": read_jsonl, ".ndjson": read_jsonl, ".json": read_json,
    ".warc": read_warc, ".warc.gz": read_warc,
    ".rss": read_feed, ".atom": read_feed, ".xml": read_feed,
}
SUPPORTED = ", ".join(sorted(READERS)) + ", .zip, .tar, .tar.gz, .tgz, .tar.bz2, .tar.xz, .gz"


def reader_for(name: str, head: bytes) -> Reader:
    lower = name.lower()
    for suffix in sorted(READERS, key=len, reverse=True):
        if lower.endswith(suffix):
            return READERS[suffix]
    sniffed = sniffed_reader(head)
    if sniffed is None:
        raise UnsupportedFormat(f"{name}: unknown file type; supported: {SUPPORTED}")
    return sniffed


def sniffed_reader(head: bytes) -> Reader | None:
    start = head.lstrip()[:512].lower()
    if start.startswith(b"warc/"):
        return read_warc
    if start.startswith(b"{"):
        return read_jsonl
    if start.startswith(b"[") and start[1:].lstrip().startswith(b"{"):  # a JSON list of objects, not "[core]"
        return read_json
    if b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start:
        return read_feed
    if start.startswith(b"<!doctype html") or b"<html" in start:
        return read_html
    if start and b"\x00" not in start:
        return read_text
    return None


def read_bytes(name: str, data: bytes) -> Iterator[Item]:
    yield from reader_for(name, data[:1024])(name, data)
