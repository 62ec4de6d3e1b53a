"""SQLite store: WAL mode, one writer, ``BEGIN IMMEDIATE``, numbered migrations, content-hash ids.

Crash safety: an article is one row written inside a transaction, so an ingest killed at any
point leaves whole articles or none; re-running skips the stored ones and completes the rest.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import StoreError
from ..records import Article

MIGRATIONS: tuple[str, ...] = (
    # 1: articles as JSON records keyed by content hash
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        record TEXT NOT NULL
    );
    CREATE INDEX articles_source ON articles(source);
    """,
)


class SQLiteStore:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: cannot open the database ({e}); "
                             "pass another file with --db or remove this one") from e

    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        version = self.schema_version()
        if version > len(MIGRATIONS):
            raise StoreError(f"{self.path}: schema version {version} is newer than this consilience "
                             f"knows ({len(MIGRATIONS)}); upgrade consilience")
        for n, script in enumerate(MIGRATIONS[version:], start=version + 1):
            self._db.execute("BEGIN IMMEDIATE")
            for statement in filter(str.strip, script.split(";")):
                self._db.execute(statement)
            self._db.execute(f"PRAGMA user_version = {n}")
            self._db.execute("COMMIT")

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        wanted = list(ids)
        found: set[str] = set()
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self._db.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk))
        return found

    def put_articles(self, articles: Sequence[Article]) -> int:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            before = self._db.total_changes
            self._db.executemany(
                "INSERT OR IGNORE INTO articles(id, source, record) VALUES (?, ?, ?)",
                [(a.id, a.source, json.dumps(a.to_dict(), ensure_ascii=False)) for a in articles],
            )
            added = self._db.total_changes - before
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        return added

    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        if ids is None:
            rows = self._db.execute("SELECT record FROM articles ORDER BY source, id").fetchall()
        else:
            rows = []
            wanted = list(dict.fromkeys(ids))
            for i in range(0, len(wanted), 500):
                chunk = wanted[i : i + 500]
                marks = ",".join("?" * len(chunk))
                rows += self._db.execute(f"SELECT record FROM articles WHERE id IN ({marks})", chunk).fetchall()
        found = [Article.from_dict(json.loads(r[0])) for r in rows]
        return sorted(found, key=lambda a: (a.source, a.id))

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def close(self) -> None:
        self._db.close()


def open_store(path: str | Path) -> SQLiteStore:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return SQLiteStore(path)
