"""Ingest: paths, archives and stdin -> RawDocument (one module per format).

Nothing here raises for a bad input: it becomes a ``Failure`` and reading goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .archive import read_path
from .base import Item

__all__ = ["read_inputs"]


def read_inputs(paths: Iterable[str]) -> Iterator[Item]:
    for path in paths:
        yield from read_path(path)
