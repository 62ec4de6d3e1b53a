"""The store's schema: numbered migrations, each run once, in order, inside one transaction.

The store holds the whole analysis, so SQL (``sqlite3``, Datasette, sqlite-utils) sees what the
dossier says. Every table that holds a record keeps it whole in ``record`` (its ``to_dict()`` JSON:
the contract, read back with ``from_dict``) beside plain columns for querying; lists are JSON arrays
(Datasette's ``_facet_array`` and SQLite's ``json_each`` read them) or join tables where a web view
looks them up.

articles       one row per stored document, keyed by content hash. ``record`` is the Article as
               ingested (input of the analysis); the other columns are the article as analysed:
               ``published``/``earliest``/``latest``/``basis`` (dated from its story when it gives no
               date), ``duplicate_of``, ``story``. ``signature`` (MinHash of its text), ``marks``
               (its time expressions, JSON) and ``terms`` (its words and names counted, for the
               story grouping) are computed once per article, in the workers.
flags          article, n -> code, detail, evidence: reliability flags of the analysed article.
extractions    article -> ``key`` (hash of what the extractor reads: id, language, publication
               date) and ``extractor`` (claims.EXTRACTOR_VERSION and a digest of the code and word
               lists): the article's claims are current while both match. ``note`` says why an
               article got none (not English).
claims         article, n -> the claim (columns for its kind, predicate, subject, number, time,
               place, source, modality; ``record`` whole). ``id`` is indexed.
stories        id -> title, ``key`` (hash of every input of its reconciliation: a story whose key is
               unchanged is not recomputed), first/last publication day of its articles, counts,
               ``outlets``/``sources``/``flags`` (JSON arrays), ``briefing`` (its summary sentences,
               for search), ``record`` (the Story whole).
facts          story, n -> id, statement, status, weight, time, ``sources``/``outlets`` (JSON arrays).
fact_claims    fact -> claim (every claim belongs to one fact); ``story`` for deletes.
fact_sources   fact -> source (independent primary source), with its story: stories and facts of a source.
relations      story, n -> kind, from_fact, to_fact, explanation.
timeline       story, n -> start, end, label, precision, facts (JSON array).
sources        (view) each primary source: how many facts, stories and claims name it.
runs           one row per analysis: when, inputs, articles, new articles, claims extracted, stories
               recomputed and reused, failures, the dossier's sha256.
failures       run -> the inputs that could not be read (source, stage, code, message).
state          key -> value: memoised results that are not per-row (the story grouping).
report_parts   output, part -> key, body (text, or Arrow's bytes): a piece of a report file
               rendered from one article or story (its rows of claims.csv, say), reused while
               ``key`` (what it was rendered from, and the renderer's version) holds;
               ``report/parts.py``.
stories_fts, claims_fts, articles_fts
               FTS5 over story titles and briefings, claim texts and article titles (external content,
               kept in step by triggers; Datasette shows a search box for each).
"""

from __future__ import annotations

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
    # 2: the whole analysis
    """
    ALTER TABLE articles ADD COLUMN url TEXT;
    ALTER TABLE articles ADD COLUMN outlet TEXT;
    ALTER TABLE articles ADD COLUMN title TEXT;
    ALTER TABLE articles ADD COLUMN language TEXT;
    ALTER TABLE articles ADD COLUMN published TEXT;
    ALTER TABLE articles ADD COLUMN earliest TEXT;
    ALTER TABLE articles ADD COLUMN latest TEXT;
    ALTER TABLE articles ADD COLUMN basis TEXT;
    ALTER TABLE articles ADD COLUMN duplicate_of TEXT;
    ALTER TABLE articles ADD COLUMN story TEXT;
    ALTER TABLE articles ADD COLUMN signature BLOB;
    ALTER TABLE articles ADD COLUMN marks TEXT;
    UPDATE articles SET url = json_extract(record, '$.url'), outlet = json_extract(record, '$.outlet'),
        title = json_extract(record, '$.title'), language = json_extract(record, '$.language'),
        published = json_extract(record, '$.published.date'),
        earliest = json_extract(record, '$.published.earliest'),
        latest = json_extract(record, '$.published.latest'), basis = json_extract(record, '$.published.basis');
    CREATE INDEX articles_story ON articles(story);
    CREATE INDEX articles_outlet ON articles(outlet, story);
    CREATE INDEX articles_published ON articles(published);

    CREATE TABLE flags (
        article TEXT NOT NULL REFERENCES articles(id),
        n INTEGER NOT NULL,
        code TEXT NOT NULL,
        detail TEXT NOT NULL,
        evidence TEXT NOT NULL,
        PRIMARY KEY (article, n)
    );
    CREATE INDEX flags_code ON flags(code, article);

    CREATE TABLE extractions (
        article TEXT PRIMARY KEY REFERENCES articles(id),
        key TEXT NOT NULL,
        extractor TEXT NOT NULL,
        claims INTEGER NOT NULL,
        note TEXT
    );

    CREATE TABLE claims (
        article TEXT NOT NULL REFERENCES articles(id),
        n INTEGER NOT NULL,
        id TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        predicate TEXT NOT NULL,
        subject TEXT,
        object TEXT,
        negated INTEGER NOT NULL,
        value REAL,
        low REAL,
        high REAL,
        unit TEXT,
        qualifier TEXT,
        when_start TEXT,
        when_end TEXT,
        when_precision TEXT,
        place TEXT,
        source TEXT,
        via TEXT,
        modality TEXT NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (article, n)
    );
    CREATE INDEX claims_id ON claims(id);
    CREATE INDEX claims_source ON claims(source);
    CREATE INDEX claims_predicate ON claims(predicate);

    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        key TEXT NOT NULL,
        first_day TEXT,
        last_day TEXT,
        n_articles INTEGER NOT NULL,
        n_outlets INTEGER NOT NULL,
        n_facts INTEGER NOT NULL,
        n_sources INTEGER NOT NULL,
        outlets TEXT NOT NULL,
        sources TEXT NOT NULL,
        flags TEXT NOT NULL,
        briefing TEXT NOT NULL,
        record TEXT NOT NULL
    );
    CREATE INDEX stories_last_day ON stories(last_day);
    CREATE INDEX stories_first_day ON stories(first_day);
    CREATE INDEX stories_n_outlets ON stories(n_outlets);

    CREATE TABLE facts (
        story TEXT NOT NULL REFERENCES stories(id),
        n INTEGER NOT NULL,
        id TEXT NOT NULL,
        statement TEXT NOT NULL,
        status TEXT NOT NULL,
        weight REAL NOT NULL,
        when_start TEXT,
        when_end TEXT,
        when_precision TEXT,
        n_sources INTEGER NOT NULL,
        sources TEXT NOT NULL,
        outlets TEXT NOT NULL,
        PRIMARY KEY (story, n)
    );
    CREATE INDEX facts_id ON facts(id);
    CREATE INDEX facts_status ON facts(status);

    CREATE TABLE fact_claims (
        fact TEXT NOT NULL,
        claim TEXT NOT NULL,
        story TEXT NOT NULL,
        PRIMARY KEY (fact, claim)
    );
    CREATE INDEX fact_claims_claim ON fact_claims(claim);
    CREATE INDEX fact_claims_story ON fact_claims(story);

    CREATE TABLE fact_sources (
        fact TEXT NOT NULL,
        source TEXT NOT NULL,
        story TEXT NOT NULL,
        PRIMARY KEY (fact, source)
    );
    CREATE INDEX fact_sources_source ON fact_sources(source, story);
    CREATE INDEX fact_sources_story ON fact_sources(story);

    CREATE TABLE relations (
        story TEXT NOT NULL REFERENCES stories(id),
        n INTEGER NOT NULL,
        kind TEXT NOT NULL,
        from_fact TEXT NOT NULL,
        to_fact TEXT NOT NULL,
        explanation TEXT NOT NULL,
        PRIMARY KEY (story, n)
    );
    CREATE INDEX relations_kind ON relations(kind);

    CREATE TABLE timeline (
        story TEXT NOT NULL REFERENCES stories(id),
        n INTEGER NOT NULL,
        start TEXT NOT NULL,
        "end" TEXT,
        label TEXT NOT NULL,
        precision TEXT NOT NULL,
        facts TEXT NOT NULL,
        PRIMARY KEY (story, n)
    );
    CREATE INDEX timeline_start ON timeline(start);

    CREATE VIEW sources AS
        SELECT source AS name, count(DISTINCT fact) AS facts, count(DISTINCT story) AS stories
        FROM fact_sources GROUP BY source;

    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started TEXT NOT NULL,
        seconds REAL,
        inputs TEXT NOT NULL,
        articles INTEGER,
        added INTEGER,
        extracted INTEGER,
        stories INTEGER,
        recomputed INTEGER,
        failures INTEGER,
        analysis TEXT,
        dossier TEXT
    );

    CREATE TABLE failures (
        run INTEGER NOT NULL REFERENCES runs(id),
        source TEXT NOT NULL,
        stage TEXT NOT NULL,
        code TEXT NOT NULL,
        message TEXT NOT NULL
    );
    CREATE INDEX failures_run ON failures(run);

    CREATE TABLE state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );

    CREATE VIRTUAL TABLE stories_fts USING fts5(title, briefing, content="stories", content_rowid="rowid");
    CREATE TRIGGER stories_ai AFTER INSERT ON stories BEGIN
        INSERT INTO stories_fts(rowid, title, briefing) VALUES (new.rowid, new.title, new.briefing);
    END;
    CREATE TRIGGER stories_ad AFTER DELETE ON stories BEGIN
        INSERT INTO stories_fts(stories_fts, rowid, title, briefing) VALUES ('delete', old.rowid, old.title, old.briefing);
    END;
    CREATE TRIGGER stories_au AFTER UPDATE ON stories BEGIN
        INSERT INTO stories_fts(stories_fts, rowid, title, briefing) VALUES ('delete', old.rowid, old.title, old.briefing);
        INSERT INTO stories_fts(rowid, title, briefing) VALUES (new.rowid, new.title, new.briefing);
    END;

    CREATE VIRTUAL TABLE claims_fts USING fts5(text, content="claims", content_rowid="rowid");
    CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN
        INSERT INTO claims_fts(rowid, text) VALUES (new.rowid, new.text);
    END;
    CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN
        INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    END;
    CREATE TRIGGER claims_au AFTER UPDATE ON claims BEGIN
        INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
        INSERT INTO claims_fts(rowid, text) VALUES (new.rowid, new.text);
    END;

    CREATE VIRTUAL TABLE articles_fts USING fts5(title, content="articles", content_rowid="rowid");
    INSERT INTO articles_fts(rowid, title) SELECT rowid, title FROM articles;
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title) VALUES (new.rowid, new.title);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title) VALUES ('delete', old.rowid, old.title);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE OF title ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title) VALUES ('delete', old.rowid, old.title);
        INSERT INTO articles_fts(rowid, title) VALUES (new.rowid, new.title);
    END;
    """,    # 3: the reports' parts, each under the key of what it was rendered from
    """
    CREATE TABLE report_parts (
        output TEXT NOT NULL,
        part TEXT NOT NULL,
        key TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (output, part)
    );
    """,
    # 4: the Parquet rows are stored as Arrow now (``claims.arrow``, ``facts.arrow``)
    """
    DELETE FROM report_parts WHERE output IN ('claims.rows', 'facts.rows');
    """,
    # 5: each article's terms, counted once for the story grouping
    """
    ALTER TABLE articles ADD COLUMN terms TEXT;
    """,
)
