"""JSON Lines and JSON files: one article per line or object, in the shapes tools write.

Recognised shapes (the first non-empty string field wins for the body):
- ours: ``text`` or ``html`` with ``url``, ``title``, ``published``, ``outlet``, ``author``;
- news-please: ``maintext``, ``date_publish``, ``source_domain``, ``authors`` (a list);
- trafilatura's JSON output: ``text`` (or ``raw_text``), ``date``, ``source`` (the URL),
  ``sitename`` / ``hostname`` / ``source-hostname``, ``author``.

A JSON Lines file is read line by line (a line over the member limit is a Failure, and the
lines after it are read); a broken line becomes a Failure named ``FILE#N``.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import MalformedInput, TooLarge, UnsupportedFormat
from ..records import RawDocument
from .base import Item, failure
from .decode import decoded_text
from .limits import CHUNK, DEFAULT, Budget, ReadOptions, too_large_message
from .urls import record_url

BODY_FIELDS = (("html", "html"), ("text", "text"), ("maintext", "text"), ("raw_text", "text"))
URL_FIELDS = ("url", "source", "link")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("published", "date_publish", "date", "pubDate", "datePublished")
OUTLET_FIELDS = ("outlet", "sitename", "source_domain", "source-hostname", "hostname")
AUTHOR_FIELDS = ("author", "authors")
DOSSIER_FORMAT_PREFIX = "consilience.dossier/"


def read_jsonl(source: str, data: bytes) -> Iterator[Item]:
    yield from read_jsonl_stream(source, io.BytesIO(data), DEFAULT)


def read_jsonl_stream(source: str, stream: BinaryIO, options: ReadOptions, budget: Budget | None = None) -> Iterator[Item]:
    limit = options.max_member_bytes
    n = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        n += 1
        if budget is not None:
            budget.spend(len(line))
        where = f"{source}#{n}"
        if len(line) > limit and not line.endswith(b"\n"):
            _drain_line(stream, budget)
            yield failure(where, TooLarge(too_large_message(where, len(line), options, partial=True)))
            continue
        if line.strip():
            yield _line_document(where, line)


def _drain_line(stream: BinaryIO, budget: Budget | None) -> None:
    while chunk := stream.readline(CHUNK):
        if budget is not None:
            budget.spend(len(chunk))
        if chunk.endswith(b"\n"):
            return


def _line_document(where: str, line: bytes) -> Item:
    try:
        text = line.decode("utf-8-sig") if line.isascii() or _is_utf8(line) else decoded_text(line, where)[0]
        return record_document(where, json.loads(text))
    except (ValueError, MalformedInput) as e:
        return failure(where, MalformedInput(f"{where}: {e}; each line must be a JSON object with a 'text', "
                                             "'html' or 'maintext' field"))
    except UnsupportedFormat as e:
        return failure(where, e)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def read_json(source: str, data: bytes) -> Iterator[Item]:
    """A ``.json`` file: one article object, a list of them, or JSON Lines under a .json name."""
    body, _ = decoded_text(data, source)
    try:
        parsed = json.loads(body)
    except json.JSONDecodeError as e:
        if e.msg == "Extra data":  # several objects, one per line
            yield from read_jsonl(source, data)
            return
        raise MalformedInput(f"{source}: not valid JSON ({e}); check the file is complete") from e
    records = parsed if isinstance(parsed, list) else [parsed]
    for n, rec in enumerate(records, start=1):
        where = source if len(records) == 1 and not isinstance(parsed, list) else f"{source}#{n}"
        try:
            yield record_document(where, rec)
        except (MalformedInput, UnsupportedFormat) as e:
            yield failure(where, e if isinstance(e, UnsupportedFormat) else MalformedInput(
                f"{where}: {e}; an article object needs a 'text', 'html' or 'maintext' field"))


def record_document(where: str, rec: object) -> RawDocument:
    if not isinstance(rec, dict):
        raise MalformedInput("not a JSON object")
    if str(rec.get("format", "")).startswith(DOSSIER_FORMAT_PREFIX):
        raise UnsupportedFormat(f"{where}: a consilience dossier, not an article; pass it to `consilience report`")
    kind, body = _body(rec)
    if body is None:
        raise MalformedInput("no 'text', 'html' or 'maintext' string")
    return RawDocument(source=where, kind=kind, body=body, url=record_url(_first(rec, URL_FIELDS)),
                       title=_first(rec, TITLE_FIELDS), published=_first(rec, DATE_FIELDS),
                       outlet=_first(rec, OUTLET_FIELDS), author=_first(rec, AUTHOR_FIELDS))


def _body(rec: dict[str, object]) -> tuple[str, str | None]:
    for name, kind in BODY_FIELDS:
        value = rec.get(name)
        if isinstance(value, str) and value.strip():
            return kind, value
    return "text", None


def _first(rec: dict[str, object], names: tuple[str, ...]) -> str | None:
    """The first of ``names`` holding a non-empty string (a list of strings is joined: news-please's authors)."""
    for name in names:
        value = rec.get(name)
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            value = "; ".join(v.strip() for v in value if v.strip())
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None
