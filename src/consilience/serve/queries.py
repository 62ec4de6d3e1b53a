"""What the web app reads from the store: plain SQL over its tables (``store/schema.py``), records out.

Every function takes a read-only ``sqlite3.Connection`` and returns records or small tuples; none
knows about HTTP or Datasette, so each can be tested and timed alone. Each page costs a handful of
indexed lookups, never a scan of every article, so a page takes the same time on 2,000 articles as
on 100,000 (``bench/serve.py``).
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..records import Article, Claim, Story
from ..report.view import ClaimRef

# The sorts a list of stories offers: the SQL behind each name (names are what the URL says). Each
# follows one of the store's indexes (stories_last_day, stories_n_outlets; rowid breaks ties, newest
# stored first), so a page is read in index order and never sorts the whole table: on 28,636 stories
# a sort on two unindexed columns took 100-130 ms, these take under 1 ms. Undated stories come last
# (NULL sorts lowest).
SORTS = {
    "recent": "s.last_day DESC, s.rowid DESC",
    "outlets": "s.n_outlets DESC, s.rowid DESC",
}


# A search looks through titles and briefings completely, and through the newest CLAIM_MATCHES
# matching claims: each costs a row lookup (~20 us), so a word in most claims of a large store
# ("the" in 350,000 of 500,000) would otherwise take seconds; 5,000 keep a search under ~100 ms.
CLAIM_MATCHES = 5000


@dataclass(frozen=True)
class StoryFilter:
    """What a list of stories is narrowed to; every field empty means every story."""

    q: str = ""
    start: date | None = None
    end: date | None = None
    outlet: str = ""
    source: str = ""
    flag: str = ""
    sort: str = "recent"


@dataclass(frozen=True)
class StoryRow:
    id: str
    title: str
    first: str
    last: str
    n_articles: int
    n_outlets: int
    n_facts: int
    n_sources: int


@dataclass(frozen=True)
class FactRow:
    """One fact as a list shows it: where it stands and how widely it is carried."""

    id: str
    statement: str
    status: str
    story: str
    story_title: str
    n_sources: int
    outlets: tuple[str, ...]
    when_start: str


def fts_query(text: str) -> str:
    """User words as an FTS5 query that cannot be a syntax error: each word quoted, all required."""
    words = [w.replace('"', '""') for w in text.split()]
    return " ".join(f'"{w}"' for w in words if w.strip('"'))


def _rowids_of_ids(conn: sqlite3.Connection, ids: Iterable[str]) -> set[int]:
    out: set[int] = set()
    for chunk in _chunks(sorted(set(ids))):
        out.update(r[0] for r in conn.execute(
            f"SELECT rowid FROM stories WHERE id IN ({','.join('?' * len(chunk))})", chunk))
    return out


def _matching(conn: sqlite3.Connection, f: StoryFilter) -> set[int] | None:
    """The rowids of the stories every filter of ``f`` lets through (None: no filter).

    Each filter is one query that reads an index only (never the stories' rows, whose JSON record
    makes each a page or more), and the sets are intersected here. Asked as one SQL WHERE, SQLite
    read a row per candidate: a date range over 28,636 stories took 80-170 ms instead of 4-9.
    """
    sets: list[set[int]] = []
    if f.q and fts_query(f.q):
        q = fts_query(f.q)
        found = {r[0] for r in conn.execute("SELECT rowid FROM stories_fts WHERE stories_fts MATCH ?", (q,))}
        claimed = [r[0] for r in conn.execute(
            "SELECT a.story FROM (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rowid DESC LIMIT ?) m "
            "JOIN claims c ON c.rowid = m.rowid JOIN articles a ON a.id = c.article", (q, CLAIM_MATCHES))]
        sets.append(found | _rowids_of_ids(conn, (s for s in claimed if s)))
    if f.start:
        sets.append({r[0] for r in conn.execute("SELECT rowid FROM stories WHERE last_day >= ?",
                                                (f.start.isoformat(),))})
    if f.end:
        sets.append({r[0] for r in conn.execute("SELECT rowid FROM stories WHERE first_day <= ?",
                                                (f.end.isoformat(),))})
    for sql, value in (("SELECT DISTINCT story FROM articles WHERE outlet = ?", f.outlet),
                       ("SELECT DISTINCT story FROM fact_sources WHERE source = ?", f.source),
                       ("SELECT DISTINCT story FROM articles WHERE id IN (SELECT article FROM flags WHERE code = ?)",
                        f.flag)):
        if value:
            sets.append(_rowids_of_ids(conn, (r[0] for r in conn.execute(sql, (value,)) if r[0])))
    return set.intersection(*sets) if sets else None


def stories(conn: sqlite3.Connection, f: StoryFilter, *, limit: int, offset: int) -> tuple[list[StoryRow], int]:
    """One page of the stories ``f`` selects, in its order, and how many it selects in all.

    Unfiltered, the count and the page each read an index. Filtered, the matching rowids are found
    once (``_matching``), put in order by one scan of the sort's index, and the page is cut from them.
    """
    if not any((fts_query(f.q), f.start, f.end, f.outlet, f.source, f.flag)):
        total = int(conn.execute("SELECT count(*) FROM stories").fetchone()[0])
        rows = conn.execute(f"{_ROW} FROM stories s ORDER BY {SORTS[f.sort]} LIMIT ? OFFSET ?",
                            (limit, offset)).fetchall()
        return [StoryRow(*r) for r in rows[:limit]], total
    ordered = _ordered_matches(conn, f)
    page = ordered[offset:offset + limit]
    found = {r[0]: StoryRow(*r[1:]) for r in conn.execute(
        f"SELECT s.rowid, {_ROW[len('SELECT '):]} FROM stories s WHERE s.rowid IN ({','.join('?' * len(page))})",
        page)} if page else {}
    return [found[i] for i in page if i in found], len(ordered)


# Filtered lists kept, so the next page of a search does not search again. A key holds the
# store's file times: a write by `analyze` makes a new key, so nothing stale is ever shown.
KEPT_LISTS = 64
_kept: OrderedDict[tuple[Any, ...], list[int]] = OrderedDict()
_kept_lock = threading.Lock()


def _store_version(conn: sqlite3.Connection) -> tuple[int, ...]:
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    return tuple(os.stat(p).st_mtime_ns if os.path.exists(p) else 0 for p in (path, path + "-wal"))


def _ordered_matches(conn: sqlite3.Connection, f: StoryFilter) -> list[int]:
    """The rowids of the stories ``f`` selects, in its order (kept for the next pages)."""
    key = (conn.execute("PRAGMA database_list").fetchone()[2], _store_version(conn), f)
    with _kept_lock:
        if key in _kept:
            _kept.move_to_end(key)
            return _kept[key]
    ordered = _in_order(conn, _matching(conn, f) or set(), f.sort)
    with _kept_lock:
        _kept[key] = ordered
        while len(_kept) > KEPT_LISTS:
            _kept.popitem(last=False)
    return ordered


# Up to this many matches are put in order by reading their rows; more, by one scan of the sort's
# index (28,636 entries: ~15 ms), which costs the same however many match.
ORDER_BY_ROWS = 3000


def _in_order(conn: sqlite3.Connection, matched: set[int], sort: str) -> list[int]:
    if len(matched) <= ORDER_BY_ROWS:
        return [r[0] for r in conn.execute(
            f"SELECT s.rowid FROM stories s WHERE s.rowid IN (SELECT value FROM json_each(?)) ORDER BY {SORTS[sort]}",
            (json.dumps(sorted(matched)),))]
    return [r[0] for r in conn.execute(f"SELECT s.rowid FROM stories s ORDER BY {SORTS[sort]}") if r[0] in matched]


_ROW = ("SELECT s.id, s.title, coalesce(s.first_day, ''), coalesce(s.last_day, ''), s.n_articles, s.n_outlets, "
        "s.n_facts, s.n_sources")


def story(conn: sqlite3.Connection, story_id: str) -> Story | None:
    row = conn.execute("SELECT record FROM stories WHERE id = ?", (story_id,)).fetchone()
    return Story.from_dict(json.loads(row[0])) if row else None


def analysed_articles(conn: sqlite3.Connection, ids: Sequence[str]) -> list[Article]:
    """Articles as the analysis left them: the stored record, with the date, copy mark and flags the
    analysis gave it (columns and the ``flags`` table)."""
    out: list[Article] = []
    for chunk in _chunks(list(dict.fromkeys(ids))):
        marks = ",".join("?" * len(chunk))
        flags: dict[str, list[dict[str, str]]] = {}
        for art, code, detail, evidence in conn.execute(
                f"SELECT article, code, detail, evidence FROM flags WHERE article IN ({marks}) ORDER BY article, n",
                chunk):
            flags.setdefault(art, []).append({"code": code, "detail": detail, "evidence": evidence})
        for record, pub, earliest, latest, basis, dup in conn.execute(
                f"SELECT record, published, earliest, latest, basis, duplicate_of FROM articles WHERE id IN ({marks})",
                chunk):
            d = json.loads(record)
            if basis:  # analysed: the columns hold what the analysis decided
                d["published"] = {"date": pub, "earliest": earliest, "latest": latest, "basis": basis}
            d["flags"], d["duplicate_of"] = flags.get(d["id"], []), dup
            out.append(Article.from_dict(d))
    order = {i: n for n, i in enumerate(ids)}
    return sorted(out, key=lambda a: order[a.id])


def story_of_article(conn: sqlite3.Connection, article_id: str) -> str | None:
    row = conn.execute("SELECT story FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def claims_of_articles(conn: sqlite3.Connection, ids: Sequence[str]) -> list[Claim]:
    out: list[Claim] = []
    for chunk in _chunks(list(dict.fromkeys(ids))):
        marks = ",".join("?" * len(chunk))
        out += [Claim.from_dict(json.loads(r[0])) for r in conn.execute(
            f"SELECT record FROM claims WHERE article IN ({marks}) ORDER BY article, n", chunk)]
    return out


def claim_refs(conn: sqlite3.Connection, article_ids: Sequence[str]) -> list[ClaimRef]:
    """Which article holds each claim of ``article_ids``: all a page without article text needs of
    them (reading and parsing whole claims took most of a story page's time)."""
    out: list[ClaimRef] = []
    for chunk in _chunks(list(dict.fromkeys(article_ids))):
        out += [ClaimRef(i, a) for i, a in conn.execute(
            f"SELECT id, article FROM claims WHERE article IN ({','.join('?' * len(chunk))})", chunk)]
    return out


def claims_by_id(conn: sqlite3.Connection, ids: Sequence[str]) -> list[Claim]:
    out: list[Claim] = []
    for chunk in _chunks(list(dict.fromkeys(ids))):
        marks = ",".join("?" * len(chunk))
        out += [Claim.from_dict(json.loads(r[0])) for r in conn.execute(
            f"SELECT record FROM claims WHERE id IN ({marks}) ORDER BY article, n", chunk)]
    return out


def story_of_fact(conn: sqlite3.Connection, fact_id: str) -> str | None:
    row = conn.execute("SELECT story FROM facts WHERE id = ?", (fact_id,)).fetchone()
    return row[0] if row else None


def facts_of_source(conn: sqlite3.Connection, name: str, *, limit: int, offset: int) -> tuple[list[FactRow], int]:
    """The facts ``name`` is an independent source of, most widely carried first."""
    total = conn.execute("SELECT count(*) FROM fact_sources WHERE source = ?", (name,)).fetchone()[0]
    rows = conn.execute(
        "SELECT f.id, f.statement, f.status, f.story, s.title, f.n_sources, f.outlets, coalesce(f.when_start, '') "
        "FROM fact_sources fs JOIN facts f ON f.id = fs.fact JOIN stories s ON s.id = f.story "
        "WHERE fs.source = ? ORDER BY json_array_length(f.outlets) DESC, f.n_sources DESC, s.last_day DESC, f.id "
        "LIMIT ? OFFSET ?", (name, limit, offset)).fetchall()
    return [_fact_row(r) for r in rows], int(total)


def _fact_row(r: Sequence[Any]) -> FactRow:
    return FactRow(id=r[0], statement=r[1], status=r[2], story=r[3], story_title=r[4], n_sources=r[5],
                   outlets=tuple(json.loads(r[6])), when_start=r[7])


def carriers_of_source(conn: sqlite3.Connection, name: str, *, limit: int) -> list[tuple[str, int, int]]:
    """Who repeated ``name``: each outlet whose articles attribute claims to it, with how many claims
    and articles, most first; an outlet that is the source itself (what it states on its own
    authority) carries its own claims. Articles without an outlet count under their id."""
    return [(r[0], r[1], r[2]) for r in conn.execute(
        "SELECT coalesce(a.outlet, 'article ' || a.id), count(*), count(DISTINCT a.id) FROM claims c "
        "JOIN articles a ON a.id = c.article WHERE c.source = ? OR (c.source IS NULL AND a.outlet = ?) "
        "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?",
        (name, name, limit))]


def source_known(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM fact_sources WHERE source = ? UNION ALL SELECT 1 FROM claims WHERE source = ? "
                        "LIMIT 1", (name, name)).fetchone() is not None


@dataclass(frozen=True)
class ArticleRow:
    id: str
    title: str
    published: str
    story: str
    story_title: str
    source: str


def articles_of_outlet(conn: sqlite3.Connection, name: str, *, limit: int, offset: int) -> tuple[list[ArticleRow], int]:
    total = conn.execute("SELECT count(*) FROM articles WHERE outlet = ?", (name,)).fetchone()[0]
    rows = conn.execute(
        "SELECT a.id, coalesce(a.title, ''), coalesce(a.published, a.latest, a.earliest, ''), coalesce(a.story, ''), "
        "coalesce(s.title, ''), a.source FROM articles a LEFT JOIN stories s ON s.id = a.story WHERE a.outlet = ? "
        "ORDER BY a.published IS NULL, a.published DESC, a.id LIMIT ? OFFSET ?", (name, limit, offset)).fetchall()
    return [ArticleRow(*r) for r in rows], int(total)


def sources_quoted_by_outlet(conn: sqlite3.Connection, name: str, *, limit: int) -> list[tuple[str, int]]:
    """The sources an outlet's articles attribute claims to, most claims first (over its latest
    ``OUTLET_SAMPLE`` articles, so a page of a big outlet stays fast)."""
    return [(r[0], r[1]) for r in conn.execute(
        "SELECT c.source, count(*) FROM claims c WHERE c.source IS NOT NULL AND c.article IN "
        "(SELECT id FROM articles WHERE outlet = ? ORDER BY published DESC LIMIT ?) "
        "GROUP BY c.source ORDER BY 2 DESC, 1 LIMIT ?", (name, OUTLET_SAMPLE, limit))]


OUTLET_SAMPLE = 500


def facts_of_claims(conn: sqlite3.Connection, claim_ids: Iterable[str]) -> dict[str, str]:
    """claim id -> the fact it belongs to."""
    out: dict[str, str] = {}
    for chunk in _chunks(list(claim_ids)):
        marks = ",".join("?" * len(chunk))
        out.update(conn.execute(f"SELECT claim, fact FROM fact_claims WHERE claim IN ({marks})", chunk).fetchall())
    return out


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """How much the store holds (the head of the stories page); each count reads an index only."""
    row = conn.execute("SELECT (SELECT count(*) FROM stories), (SELECT count(*) FROM articles)").fetchone()
    return {"stories": int(row[0] or 0), "articles": int(row[1] or 0)}


def _chunks(ids: list[str], size: int = 500) -> Iterable[list[str]]:
    for i in range(0, len(ids), size):
        yield ids[i:i + size]
