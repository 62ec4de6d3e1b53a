"""The store interface: the few methods the pipeline needs, so other backends can follow."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from ..records import Article


class Store(Protocol):
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` are stored already."""

    def put_articles(self, articles: Sequence[Article]) -> int:
        """Store ``articles`` in one transaction; return how many were new."""

    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        """Stored articles (all when ``ids`` is None), ordered by source then id."""

    def close(self) -> None: ...
