"""WARC and WARC.gz files: every HTTP response record holding HTML is an article.

Read as a stream: a .warc.gz is decompressed by ``gzip`` (which raises on a cut file, where warcio
stops silently), each record's declared length is checked before its body is read, and the body
is read with the member limit (a page sent gzip-encoded is expanded as it is read, within the limit).
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import InputError, MalformedInput
from .base import Item, failure
from .html import read_html
from .limits import CHUNK, DEFAULT, ArchiveExhausted, Budget, capped_read, checked_member_size


def read_warc(source: str, data: bytes) -> Iterator[Item]:
    """The bytes form, for a WARC found inside another archive or on stdin."""
    yield from read_warc_stream(source, io.BytesIO(data), Budget(source, DEFAULT, compressed_size=len(data)))


def read_warc_stream(source: str, raw: BinaryIO, budget: Budget) -> Iterator[Item]:
    stream: BinaryIO | _Gunzipped = raw
    if _is_gzip(raw):
        stream = _Gunzipped(gzip.GzipFile(fileobj=raw, mode="rb"))
    n = 0
    try:
        for record in ArchiveIterator(stream):
            budget.count_member()
            if record.rec_type != "response" or not _is_html(record):
                budget.spend(record.length or 0, kept=False)  # read through, never held
                n += record.rec_type == "response"
                continue
            yield from _response(f"{source}#{n + 1}", record, budget)
            n += 1
        if isinstance(stream, _Gunzipped) and stream.cut:
            raise EOFError("the compressed file ends before its end mark")
    except ArchiveExhausted:
        raise
    except (ArchiveLoadFailed, OSError, ValueError, EOFError, zlib.error, AttributeError, KeyError) as e:
        # warcio raises AttributeError/KeyError on records missing required headers
        reason = "a record is missing required headers" if isinstance(e, AttributeError | KeyError) else str(e)
        yield failure(f"{source}#{n + 1}", MalformedInput(
            f"{source}: broken WARC record, or the file is cut, after record {n} ({reason}); the records before "
            "it were read, download the file again for the rest"))


class _Gunzipped:
    """A gzip stream that gives every byte before a cut and then notes the cut (``GzipFile.read``
    raises at a cut and drops what it had decompressed in that call: the records before it)."""

    def __init__(self, gz: gzip.GzipFile) -> None:
        self.gz = gz
        self.cut = False

    def read(self, n: int = -1) -> bytes:
        parts: list[bytes] = []
        want = n if n >= 0 else 1 << 62
        try:
            while want > 0 and (chunk := self.gz.read1(min(want, CHUNK))):
                parts.append(chunk)
                want -= len(chunk)
        except (EOFError, zlib.error, gzip.BadGzipFile):
            self.cut = True
        return b"".join(parts)


def _is_gzip(raw: BinaryIO) -> bool:
    head = raw.peek(2)[:2] if hasattr(raw, "peek") else b""
    if not head and raw.seekable():
        pos = raw.tell()
        head = raw.read(2)
        raw.seek(pos)
    return head == b"\x1f\x8b"


def _is_html(record: object) -> bool:
    headers = record.http_headers  # type: ignore[attr-defined]
    return "html" in ((headers.get_header("Content-Type") or "") if headers else "").lower()


def _response(where: str, record: object, budget: Budget) -> Iterator[Item]:
    url = record.rec_headers.get_header("WARC-Target-URI")  # type: ignore[attr-defined]
    length = record.length or 0  # type: ignore[attr-defined]
    if length > budget.options.max_member_bytes:
        try:
            checked_member_size(length, where, budget.options)
        except InputError as e:
            yield failure(where, e)
        budget.spend(length, kept=False)  # warcio reads through it to reach the next record
        return
    try:
        body = capped_read(record.content_stream(), where, budget, budget.options)  # type: ignore[attr-defined]
        if getattr(record.raw_stream, "limit", 0):  # type: ignore[attr-defined]
            raise EOFError(f"{where} is cut short")  # not caught below: the file ends here
        yield from read_html(where, body, url=url)
    except ArchiveExhausted:
        raise
    except (InputError, ValueError, zlib.error, OSError) as e:  # one broken record must not stop the file
        yield failure(where, e)
