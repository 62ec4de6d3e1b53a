"""The reader interface: ``read(source, data) -> iterator of RawDocument or Failure``."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..records import Failure, RawDocument

Item = RawDocument | Failure
Reader = Callable[[str, bytes], Iterator[Item]]


def failure(source: str, error: Exception, *, stage: str = "ingest") -> Failure:
    code = getattr(error, "code", "unreadable")
    return Failure(source=source, stage=stage, code=code, message=str(error))
