"""JSON Lines: one article per line with ``text`` or ``html`` and optional metadata.

A broken line becomes a Failure named ``FILE#N``; the other lines are read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..errors import MalformedInput
from ..records import RawDocument
from .base import Item, failure
from .decode import decoded_text


def read_jsonl(source: str, data: bytes) -> Iterator[Item]:
    body, _ = decoded_text(data, source)
    for n, line in enumerate(body.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}#{n}"
        try:
            yield record_document(where, json.loads(line))
        except (ValueError, MalformedInput) as e:
            yield failure(where, MalformedInput(f"{where}: {e}; each line must be a JSON object "
                                                 "with a 'text' or 'html' field"))


def record_document(where: str, rec: object) -> RawDocument:
    if not isinstance(rec, dict):
        raise MalformedInput("not a JSON object")
    kind = "html" if rec.get("html") else "text"
    body = rec.get("html") or rec.get("text")
    if not isinstance(body, str) or not body.strip():
        raise MalformedInput("no 'text' or 'html'")
    return RawDocument(source=where, kind=kind, body=body, url=_str(rec.get("url")),
                       title=_str(rec.get("title")), published=_str(rec.get("published")),
                       outlet=_str(rec.get("outlet")), author=_str(rec.get("author")))


def _str(v: object) -> str | None:
    return v if isinstance(v, str) and v.strip() else None
