"""What a crawl remembers between runs, in the article store's SQLite file: each source's
validators (ETag, Last-Modified) for conditional GET, and the canonical URLs already stored.

The tables sit beside the store's own and are written in one ``BEGIN IMMEDIATE`` transaction per
poll, after the poll's articles are stored, so a run stopped half-way refetches what it had not
stored instead of skipping it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS fetch_sources (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, checked TEXT)",
    "CREATE TABLE IF NOT EXISTS fetch_pages (url TEXT PRIMARY KEY, stored TEXT NOT NULL)",
)


class FetchState:
    def __init__(self, path: str | Path) -> None:
        self._db = sqlite3.connect(str(path), isolation_level=None, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        for statement in _SCHEMA:
            self._db.execute(statement)

    def validators(self, url: str) -> tuple[str | None, str | None]:
        row = self._db.execute("SELECT etag, last_modified FROM fetch_sources WHERE url = ?", (url,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def known(self, urls: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(urls))
        found: set[str] = set()
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self._db.execute(f"SELECT url FROM fetch_pages WHERE url IN ({marks})", chunk))
        return found

    def record(self, *, sources: dict[str, tuple[str | None, str | None]], pages: Iterable[str]) -> None:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._db.executemany("INSERT OR REPLACE INTO fetch_sources VALUES (?, ?, ?, ?)",
                                 [(url, etag, lm, now) for url, (etag, lm) in sources.items()])
            self._db.executemany("INSERT OR IGNORE INTO fetch_pages VALUES (?, ?)", [(u, now) for u in pages])
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self._db.close()
