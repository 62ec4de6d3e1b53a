"""SQLite store: WAL mode, one writer, ``BEGIN IMMEDIATE``, numbered migrations, content-hash ids.

The schema and what each table holds: ``store/schema.py``. Crash safety: every write is one
transaction, so an ingest or analysis killed at any point leaves whole batches, whole articles'
claims and whole stories, or none; re-running completes the rest.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..jsontext import indented, string_list
from ..records import Article, Claim, Failure, Published, Story
from .base import Extraction, Prepared, StoredStory
from .schema import MIGRATIONS

CHUNK = 500  # ids per `IN (...)` query: under SQLite's variable limit on every build


class SQLiteStore:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._read: dict[str, tuple[str, Story]] = {}
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            # A page cache of up to 64 MB (SQLite's default: 2 MB): a first analysis inserts its stories'
            # ~75,000 fact-claim rows (BBC News) in hash order, into three indexes; the default cache
            # misses on most of them. put_stories of BBC News: 6.1-6.5 s -> 3.1-4.3 s (busy machine).
            self._db.execute("PRAGMA cache_size=-65536")
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
            try:  # executescript would commit an open transaction first, so the script carries its own
                self._db.executescript(f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {n};\nCOMMIT;")
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed whole, or rolled back whole."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:  # SQLite rolls back by itself on some errors (a full disk): the real error is kept
                self._db.execute("ROLLBACK")
            raise

    def _rows(self, sql: str, ids: Sequence[str]) -> Iterator[tuple[Any, ...]]:
        """``sql`` (with ``{marks}`` for the ``IN`` list) over ``ids``, in chunks."""
        wanted = list(dict.fromkeys(ids))
        for i in range(0, len(wanted), CHUNK):
            chunk = wanted[i : i + CHUNK]
            yield from self._db.execute(sql.format(marks=",".join("?" * len(chunk))), chunk)

    # -- articles as ingested ------------------------------------------------------------------

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        return {r[0] for r in self._rows("SELECT id FROM articles WHERE id IN ({marks})", list(ids))}

    def put_articles(self, articles: Sequence[Article], prepared: Mapping[str, Prepared] | None = None) -> int:
        prepared = prepared or {}
        with self._writing() as db:
            cur = db.executemany(
                "INSERT OR IGNORE INTO articles(id, source, record, url, outlet, title, language, published, "
                "earliest, latest, basis, signature, marks, terms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(a.id, a.source, json.dumps(a.to_dict(), ensure_ascii=False), a.url, a.outlet, a.title, a.language,
                  *_published_columns(a.published), *_prepared_columns(prepared.get(a.id))) for a in articles],
            )
            return max(cur.rowcount, 0)  # rows this statement inserted (not the search index's)

    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        """Stored articles as ingested (all when ``ids`` is None), ordered by source then id."""
        if ids is None:
            rows = self._db.execute("SELECT record FROM articles ORDER BY source, id").fetchall()
        else:
            rows = list(self._rows("SELECT record FROM articles WHERE id IN ({marks})", ids))
        found = [Article.from_dict(json.loads(r[0])) for r in rows]
        return sorted(found, key=lambda a: (a.source, a.id))

    def ids(self) -> list[str]:
        """Every stored article's id, sorted."""
        return [r[0] for r in self._db.execute("SELECT id FROM articles ORDER BY id")]

    def counts(self) -> tuple[int, int, int]:
        """How many articles, claims and stories the store holds."""
        return tuple(self._db.execute(  # type: ignore[return-value]
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM claims), (SELECT count(*) FROM stories)"
        ).fetchone())

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def prepared(self) -> dict[str, Prepared]:
        """What was computed once per article for the cross-article steps (articles missing here need it)."""
        rows = self._db.execute("SELECT id, signature, marks FROM articles WHERE signature IS NOT NULL")
        return {i: Prepared(signature=bytes(sig), marks=marks) for i, sig, marks in rows}

    def put_prepared(self, prepared: Mapping[str, Prepared]) -> None:
        with self._writing() as db:
            db.executemany("UPDATE articles SET signature = ?, marks = ?, terms = ? WHERE id = ?",
                           [(*_prepared_columns(p), i) for i, p in prepared.items()])

    def terms(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT id, terms FROM articles WHERE terms IS NOT NULL"))

    def put_terms(self, terms: Mapping[str, str]) -> None:
        with self._writing() as db:
            db.executemany("UPDATE articles SET terms = ? WHERE id = ?", [(t, i) for i, t in terms.items()])

    # -- the analysed articles -----------------------------------------------------------------

    def analysed_articles(self) -> list[Article]:
        """Every article as the last analysis left it (dated, flagged, marked as a copy)."""
        flags: dict[str, list[dict[str, str]]] = {}
        for art, code, detail, evidence in self._db.execute(
                "SELECT article, code, detail, evidence FROM flags ORDER BY article, n"):
            flags.setdefault(art, []).append({"code": code, "detail": detail, "evidence": evidence})
        out = []
        for record, pub, earliest, latest, basis, dup in self._db.execute(
                "SELECT record, published, earliest, latest, basis, duplicate_of FROM articles ORDER BY source, id"):
            d = json.loads(record)
            d["published"] = {"date": pub, "earliest": earliest, "latest": latest, "basis": basis or "unknown"}
            d["flags"], d["duplicate_of"] = flags.get(d["id"], []), dup
            out.append(Article.from_dict(d))
        return out

    def put_analysed_articles(self, articles: Sequence[Article], story_of: Mapping[str, str]) -> None:
        """Write what the analysis changed about ``articles``: date, copy, story and flags."""
        with self._writing() as db:
            db.executemany(
                "UPDATE articles SET published = ?, earliest = ?, latest = ?, basis = ?, duplicate_of = ?, story = ? "
                "WHERE id = ?",
                [(*_published_columns(a.published), a.duplicate_of, story_of.get(a.id), a.id) for a in articles])
            ids = [(a.id,) for a in articles]
            db.executemany("DELETE FROM flags WHERE article = ?", ids)
            db.executemany("INSERT INTO flags(article, n, code, detail, evidence) VALUES (?, ?, ?, ?, ?)",
                           [(a.id, n, f.code, f.detail, f.evidence) for a in articles for n, f in enumerate(a.flags)])

    def analysed_state(self) -> dict[str, tuple[Any, ...]]:
        """article id -> what ``put_analysed_articles`` last wrote, to write only what changed."""
        flags: dict[str, list[tuple[str, str, str]]] = {}
        for art, code, detail, evidence in self._db.execute(
                "SELECT article, code, detail, evidence FROM flags ORDER BY article, n"):
            flags.setdefault(art, []).append((code, detail, evidence))
        return {i: (pub, earliest, latest, basis, dup, story, tuple(flags.get(i, ())))
                for i, pub, earliest, latest, basis, dup, story in self._db.execute(
                    "SELECT id, published, earliest, latest, basis, duplicate_of, story FROM articles")}

    # -- claims ----------------------------------------------------------------------------------

    def extractions(self) -> dict[str, Extraction]:
        return {a: Extraction(key=k, extractor=x, note=note)
                for a, k, x, note in self._db.execute("SELECT article, key, extractor, note FROM extractions")}

    def put_claims(self, extracted: Mapping[str, tuple[Extraction, Sequence[Claim]]],
                   fragments: Mapping[str, Sequence[str]] | None = None) -> None:
        """Replace the claims of each article in ``extracted`` with its new ones, in one transaction.
        ``fragments``: their ``record`` text when made already (``fragment``), by article."""
        made = fragments or {}
        with self._writing() as db:
            ids = [(a,) for a in extracted]
            db.executemany("DELETE FROM claims WHERE article = ?", ids)
            db.executemany(
                "INSERT OR REPLACE INTO extractions(article, key, extractor, claims, note) VALUES (?, ?, ?, ?, ?)",
                [(a, x.key, x.extractor, len(cs), x.note) for a, (x, cs) in extracted.items()])
            db.executemany(
                'INSERT INTO claims(article, n, id, start, "end", text, kind, predicate, subject, object, negated, '
                "value, low, high, unit, qualifier, when_start, when_end, when_precision, place, source, via, "
                "modality, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(a, n, *_claim_columns(c), made[a][n] if a in made else fragment(c.to_dict()))
                 for a, (_, cs) in extracted.items() for n, c in enumerate(cs)])

    def claims(self) -> list[Claim]:
        """Every stored claim, by article id then position."""
        return [Claim.from_dict(json.loads(r[0]))
                for r in self._db.execute("SELECT record FROM claims ORDER BY article, n")]

    def claims_of(self, article_ids: Sequence[str]) -> list[Claim]:
        rows = self._rows("SELECT article, n, record FROM claims WHERE article IN ({marks})", article_ids)
        return [Claim.from_dict(json.loads(r[2])) for r in sorted(rows, key=lambda r: (r[0], r[1]))]

    def dossier_pieces(self, failures: Sequence[Failure] = (), notes: Sequence[str] = (), *,
                       articles: Sequence[Article] | None = None) -> Iterator[str]:
        """The text of the store's ``dossier.json``, in pieces (joined, it is ``dossier_json`` of
        ``dossier_from``): stored claims and stories as they were stored, nothing encoded twice.
        ``articles``: ``analysed_articles()``, when read already."""
        articles = self.analysed_articles() if articles is None else articles
        yield '{\n "format": "consilience.dossier/1",\n'
        yield from _listed((fragment(a.to_dict()) for a in articles), "articles")
        yield from _listed((_as_fragment(r[0]) for r in self._db.execute("SELECT record FROM claims ORDER BY article, n")),
                           "claims")
        first = dict(self._db.execute("SELECT story, min(id) FROM articles WHERE story IS NOT NULL GROUP BY story"))
        stories = sorted(self._db.execute("SELECT id, record FROM stories"), key=lambda r: (first.get(r[0], ""), r[0]))
        yield from _listed((_as_fragment(r[1]) for r in stories), "stories")
        yield from _listed((fragment(f.to_dict()) for f in failures), "failures")
        yield from _listed((json.dumps(n, ensure_ascii=False) for n in (*self.notes(articles), *notes)), "notes", last=True)
        yield "}\n"

    def notes(self, articles: Sequence[Article]) -> list[str]:
        """Why articles have no claims (not English), in the order of ``articles``."""
        found = dict(self._db.execute("SELECT article, note FROM extractions WHERE note IS NOT NULL").fetchall())
        return [found[a.id] for a in articles if a.id in found]

    # -- stories -----------------------------------------------------------------------------------

    def story_keys(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT id, key FROM stories").fetchall())

    def stories(self) -> list[Story]:
        """Every stored story, ordered by its first article id."""
        found = [self._story(i, key, record) for i, key, record in self._db.execute("SELECT id, key, record FROM stories")]
        return sorted(found, key=lambda s: (s.articles[:1], s.id))

    def _story(self, story_id: str, key: str, record: str) -> Story:
        """A stored story's record, read once per key in this process (``_read``: id -> key, record)."""
        known = self._read.get(story_id)
        if known is None or known[0] != key:
            known = self._read[story_id] = (key, Story.from_dict(json.loads(record)))
        return known[1]

    def put_stories(self, stories: Sequence[StoredStory], *, drop: Iterable[str] = ()) -> None:
        """Write ``stories`` (replacing any of the same id) and delete the stories ``drop`` names."""
        with self._writing() as db:
            gone = [(i,) for i in {*drop, *(s.story.id for s in stories)}]
            for table in ("facts", "fact_claims", "fact_sources", "relations", "timeline"):
                db.executemany(f"DELETE FROM {table} WHERE story = ?", gone)
            db.executemany("DELETE FROM stories WHERE id = ?", gone)
            for s in stories:
                _insert_story(db, s)

    def story_keys_in_order(self) -> list[tuple[str, str]]:
        """Every story's id and key, in the dossier's order of stories (by first article id)."""
        first = dict(self._db.execute("SELECT story, min(id) FROM articles WHERE story IS NOT NULL GROUP BY story"))
        return sorted(self._db.execute("SELECT id, key FROM stories"), key=lambda r: (first.get(r[0], ""), r[0]))

    def stories_by_id(self, ids: Sequence[str]) -> list[Story]:
        """The stories ``ids`` (those stored), in that order."""
        found = {i: self._story(i, key, record)
                 for i, key, record in self._rows("SELECT id, key, record FROM stories WHERE id IN ({marks})", ids)}
        return [found[i] for i in ids if i in found]

    def story_counts(self, kinds: Sequence[str]) -> list[tuple[str, str, tuple[str, ...], int, int, int]]:
        """Every story's id, title, article ids, facts, corroborated facts and relations of ``kinds``,
        in the dossier's order of stories (by first article id), read without reading any story's record."""
        members: dict[str, list[str]] = {}
        for story, art in self._db.execute("SELECT story, id FROM articles WHERE story IS NOT NULL ORDER BY id"):
            members.setdefault(story, []).append(art)
        marks = ",".join("?" * len(kinds))
        rows = self._db.execute(
            "SELECT s.id, s.title, s.n_facts, "
            "(SELECT count(*) FROM facts f WHERE f.story = s.id AND f.status = 'corroborated'), "
            f"(SELECT count(*) FROM relations r WHERE r.story = s.id AND r.kind IN ({marks})) FROM stories s",
            list(kinds)).fetchall()
        out = [(i, title, tuple(members.get(i, ())), n_facts, n_corr, n_rel) for i, title, n_facts, n_corr, n_rel in rows]
        return sorted(out, key=lambda r: (r[2][:1], r[0]))

    def story_records(self, ids: Sequence[str]) -> dict[str, str]:
        """Story id -> its stored record (JSON text)."""
        return dict(self._rows("SELECT id, record FROM stories WHERE id IN ({marks})", ids))  # type: ignore[arg-type]

    def claim_records(self, article_ids: Sequence[str]) -> dict[str, list[str]]:
        """Article id -> its claims' stored records (JSON text), in order."""
        out: dict[str, list[str]] = {}
        rows = self._rows("SELECT article, n, record FROM claims WHERE article IN ({marks})", article_ids)
        for art, _, record in sorted(rows, key=lambda r: (r[0], r[1])):
            out.setdefault(art, []).append(record)
        return out

    def claims_by_id(self, ids: Sequence[str]) -> list[Claim]:
        """The claims of ``ids`` (those stored), in the dossier's order (by article id, then position)."""
        rows = self._rows("SELECT article, n, record FROM claims WHERE id IN ({marks})", ids)
        return [Claim.from_dict(json.loads(r[2])) for r in sorted(rows, key=lambda r: (r[0], r[1]))]

    def claim_articles_of(self, ids: Sequence[str]) -> dict[str, str]:
        """Claim id -> its article's id, for the claims of ``ids`` that are stored."""
        return dict(self._rows("SELECT id, article FROM claims WHERE id IN ({marks})", ids))  # type: ignore[arg-type]

    # -- the reports' parts ---------------------------------------------------------------------------

    def part_keys(self, output: str) -> dict[str, str]:
        """Part -> key of the stored parts of ``output``."""
        return dict(self._db.execute("SELECT part, key FROM report_parts WHERE output = ?", (output,)).fetchall())

    def parts(self, output: str) -> dict[str, Any]:
        """Part -> body of the stored parts of ``output``."""
        return dict(self._db.execute("SELECT part, body FROM report_parts WHERE output = ?", (output,)).fetchall())

    def put_parts(self, parts: Mapping[str, Mapping[str, tuple[str, str | bytes]]], *, keep: Iterable[str] = (),
                  keep_by_output: Mapping[str, Iterable[str]] | None = None) -> None:
        """Store ``parts`` (output -> part -> key, body) in one transaction; of each output, drop the
        parts not in ``keep`` (or in ``keep_by_output[output]``)."""
        kept = set(keep)
        by_output = {name: set(ids) for name, ids in (keep_by_output or {}).items()}
        with self._writing() as db:
            for output, made in parts.items():
                wanted = by_output.get(output, kept)
                gone = [(output, p) for p, in db.execute("SELECT part FROM report_parts WHERE output = ?", (output,))
                        if p not in wanted]
                db.executemany("DELETE FROM report_parts WHERE output = ? AND part = ?", gone)
                db.executemany("INSERT OR REPLACE INTO report_parts(output, part, key, body) VALUES (?, ?, ?, ?)",
                               [(output, p, k, b) for p, (k, b) in made.items()])

    # -- state, runs --------------------------------------------------------------------------------

    def state(self, key: str) -> Any:
        row = self._db.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def put_state(self, key: str, value: Any) -> None:
        with self._writing() as db:
            db.execute("INSERT OR REPLACE INTO state(key, value) VALUES (?, ?)", (key, json.dumps(value)))

    def put_run(self, run: Mapping[str, Any], failures: Sequence[Failure]) -> int:
        """Record one analysis and its failures; returns the run's number."""
        with self._writing() as db:
            cur = db.execute(
                "INSERT INTO runs(started, seconds, inputs, articles, added, extracted, stories, recomputed, failures, "
                "analysis, dossier) VALUES (:started, :seconds, :inputs, :articles, :added, :extracted, :stories, "
                ":recomputed, :failures, :analysis, :dossier)", {**run, "inputs": json.dumps(run["inputs"])})
            number = int(cur.lastrowid or 0)
            db.executemany("INSERT INTO failures(run, source, stage, code, message) VALUES (?, ?, ?, ?, ?)",
                           [(number, f.source, f.stage, f.code, f.message) for f in failures])
            return number

    def put_run_dossier(self, run: int, sha256: str | None) -> None:
        """The sha256 of the ``dossier.json`` written after ``run``."""
        with self._writing() as db:
            db.execute("UPDATE runs SET dossier = ? WHERE id = ?", (sha256, run))

    def last_run(self) -> dict[str, Any] | None:
        cur = self._db.execute("SELECT * FROM runs ORDER BY id DESC LIMIT 1")
        row = cur.fetchone()
        return dict(zip([c[0] for c in cur.description], row, strict=True)) if row else None

    def close(self) -> None:
        self._db.close()


def open_store(path: str | Path) -> SQLiteStore:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return SQLiteStore(path)


def fragment(record: Mapping[str, Any]) -> str:
    """A record's ``to_dict()`` as ``dossier.json`` prints it (indented by one space a level): stored
    as ``record``, so the dossier is put together from the stored texts instead of encoded again."""
    return indented(record)  # json.dumps(record, ensure_ascii=False, indent=1), faster


def _as_fragment(text: str) -> str:
    """A stored record in ``fragment`` form (a store written before it held compact JSON)."""
    return text if text.startswith("{\n") else fragment(json.loads(text))


def _listed(items: Iterable[str], key: str, last: bool = False) -> Iterator[str]:
    """``"key": [...]`` at the dossier's first level, from fragments of its items."""
    first = True
    for item in items:
        yield (f' "{key}": [\n  ' if first else ",\n  ") + item.replace("\n", "\n  ")
        first = False
    yield (f' "{key}": []' if first else "\n ]") + ("\n" if last else ",\n")


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _published_columns(p: Published) -> tuple[str | None, str | None, str | None, str]:
    return _iso(p.date), _iso(p.earliest), _iso(p.latest), p.basis


def _prepared_columns(p: Prepared | None) -> tuple[bytes | None, str | None, str | None]:
    return (p.signature, p.marks, p.terms) if p else (None, None, None)


def _claim_columns(c: Claim) -> tuple[Any, ...]:
    q, w, a = c.quantity, c.when, c.attribution
    return (c.id, c.start, c.end, c.text, c.kind, c.predicate, c.subject, c.object, int(c.negated),
            q.value if q else None, q.low if q else None, q.high if q else None, q.unit if q else None,
            q.qualifier if q else None, _iso(w.start) if w else None, _iso(w.end) if w else None,
            w.precision if w else None, c.where, a.source if a else None,
            json.dumps(list(a.via), ensure_ascii=False) if a else None, c.modality)


def _insert_story(db: sqlite3.Connection, stored: StoredStory) -> None:
    s = stored.story
    sources = sorted({src for f in s.facts for src in f.sources})
    outlets = sorted({o for f in s.facts for o in f.outlets})
    db.execute(
        "INSERT INTO stories(id, title, key, first_day, last_day, n_articles, n_outlets, n_facts, n_sources, outlets, "
        "sources, flags, briefing, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (s.id, s.title, stored.key, stored.first_day, stored.last_day, len(s.articles), len(outlets), len(s.facts),
         len(sources), string_list(outlets), string_list(sources), string_list(stored.flags), " ".join(x.text for x in s.summary),
         stored.record or fragment(s.to_dict())))
    db.executemany(
        "INSERT INTO facts(story, n, id, statement, status, weight, when_start, when_end, when_precision, n_sources, "
        "sources, outlets) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(s.id, n, f.id, f.statement, f.status, round(f.weight, 3), _iso(f.when.start) if f.when else None,
          _iso(f.when.end) if f.when else None, f.when.precision if f.when else None, len(f.sources),
          string_list(f.sources), string_list(f.outlets)) for n, f in enumerate(s.facts)])
    db.executemany("INSERT OR IGNORE INTO fact_claims(fact, claim, story) VALUES (?, ?, ?)",
                   [(f.id, c, s.id) for f in s.facts for c in f.claims])
    db.executemany("INSERT OR IGNORE INTO fact_sources(fact, source, story) VALUES (?, ?, ?)",
                   [(f.id, src, s.id) for f in s.facts for src in f.sources])
    db.executemany("INSERT INTO relations(story, n, kind, from_fact, to_fact, explanation) VALUES (?, ?, ?, ?, ?, ?)",
                   [(s.id, n, r.kind, r.from_, r.to, r.explanation) for n, r in enumerate(s.relations)])
    db.executemany('INSERT INTO timeline(story, n, start, "end", label, precision, facts) VALUES (?, ?, ?, ?, ?, ?, ?)',
                   [(s.id, n, t.start.isoformat(), _iso(t.end), t.label, t.precision, string_list(t.facts))
                    for n, t in enumerate(s.timeline)])
