"""WARC and WARC.gz files: every HTTP response record holding HTML is an article."""

from __future__ import annotations

import io
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import MalformedInput
from .base import Item, failure
from .html import read_html


def read_warc(source: str, data: bytes) -> Iterator[Item]:
    n = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type != "response":
                continue
            n += 1
            where = f"{source}#{n}"
            ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            if "html" not in ctype.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            try:
                yield from read_html(where, record.content_stream().read(), url=url)
            except Exception as e:  # noqa: BLE001 - one broken record must not stop the file
                yield failure(where, e)
    except (ArchiveLoadFailed, OSError, ValueError, EOFError, AttributeError, KeyError) as e:
        # warcio raises AttributeError/KeyError on records missing required headers
        yield failure(f"{source}#{n + 1}", MalformedInput(
            f"{source}: broken WARC record after record {n}: {e}; the records before it were read"))
