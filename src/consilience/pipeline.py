"""analyze(): the numbered sequence of stages, over everything the store holds.

 1. read      paths, archives, stdin -> RawDocument | Failure             (ingest/)
 2. clean     RawDocument -> Article (text, removed, outlet, date)         (clean/, meta/)   workers
 3. prepare   Article -> its MinHash, its time expressions, its claims     (flags/, claims/) workers
              (a few new articles: their claims in a forked process while steps 5-7 run here)
 4. store     new Articles and what was prepared of them, by content hash  (store/)
 5. dedupe    near-duplicate flags, from the stored MinHashes              (flags/)
 6. stories   articles grouped by story; undated ones dated from it        (reconcile/, meta/)
 7. flags     date flags, from the stored time expressions                 (flags/)
 8. claims    again only for articles whose date step 6 changed            (claims/)         workers
 9. reconcile facts, sources, relations, timeline, briefing: per story     (reconcile/)      workers
              (the stories whose claims are current start before step 8, and run beside it)
10. dossier   read back from the store                                     (store/)
11. outputs   dossier.json, reports: from parts stored per article and story (report/parts.py)
              (a part is rendered again only when its article or story changed)

Incremental: every result is stored under a key of its inputs and of the code that made it
(``keys.py``), and a step redoes only what a key says changed: claims per article, stories per
story, and nothing at all when no article is new. So the same articles give the same dossier,
byte for byte, whether analysed at once or in steps. Steps 5, 6 and 7 run over every article each
time; each is linear or n log n in their number.

Bad input becomes a Failure and the run goes on. Progress reaches the caller through
``progress(stage, done, total)``; the library never prints. Stages import their libraries (spaCy,
scikit-learn) when they run, so a re-run with nothing new does not load them.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from . import keys
from .errors import InputError
from .ingest import ReadOptions, UrlReader, read_inputs
from .ingest.base import failure
from .ingest.limits import DEFAULT as DEFAULT_READ
from .ingest.limits import article_within_limits
from .meta.article import article_from, document_id
from .records import Article, Claim, Dossier, Failure, RawDocument, Skipped, Story
from .store.base import Extraction, Prepared, Store, StoredStory
from .store.sqlite import SQLiteStore, fragment
from .workers import stopping, worker_pool

log = logging.getLogger(__name__)
Progress = Callable[[str, int, "int | None"], None]
CHUNK = 48  # documents per task sent to a worker: enough sentences (about 900 of news) to fill a parse batch
# Below this many documents to clean and parse, starting worker processes (fork, models warming up)
# costs more than it saves: bench/pipeline.py's "20 new articles" run, ~2x faster in this process.
PARALLEL_MIN = 40
STORY_CHUNK = 16  # stories per task sent to a worker
# Reconciling loads no model, so a pool (forked, ~0.1 s) pays off sooner: from this many stories.
# bench/pipeline.py's "20 new articles" run reconciles ~25 stories, a few of them large.
STORIES_PARALLEL_MIN = 4


def _silent(stage: str, done: int, total: int | None) -> None:
    return None


@dataclass(frozen=True)
class IngestResult:
    ids: tuple[str, ...]
    added: int
    failures: tuple[Failure, ...]
    skipped: tuple[Skipped, ...] = ()
    # The claims still being extracted in a forked process (``ingest(alongside=...)``): the call
    # that waits for them and stores them.
    pending: Callable[[], None] | None = None


@dataclass(frozen=True)
class Update:
    """What one analysis did. ``analysis`` keys the store's analysis: equal keys, equal dossiers."""

    analysis: str
    articles: int
    extracted: int = 0
    stories: int = 0
    recomputed: int = 0
    failures: tuple[Failure, ...] = ()
    added: int = 0
    inputs: tuple[str, ...] = field(default=())
    skipped: tuple[Skipped, ...] = ()
    run: int | None = None  # its number in the store's ``runs``

    @property
    def changed(self) -> bool:
        return self.extracted > 0 or self.recomputed > 0 or self.added > 0


def analyze(paths: Iterable[str], *, store: Store, progress: Progress = _silent, workers: int = 1,
            read_urls: UrlReader | None = None, read_options: ReadOptions = DEFAULT_READ) -> Dossier:
    """Ingest ``paths``, bring the store's analysis up to date, and return the dossier of every
    article the store holds (the failures and the inputs left out are this run's)."""
    update = updated(paths, store=store, progress=progress, workers=workers, read_urls=read_urls,
                     read_options=read_options)
    dossier = dossier_from(store, failures=update.failures)
    return replace(dossier, notes=(*dossier.notes, *(s.note() for s in update.skipped)))


def updated(paths: Iterable[str], *, store: Store, progress: Progress = _silent, workers: int = 1,
            read_urls: UrlReader | None = None, read_options: ReadOptions = DEFAULT_READ) -> Update:
    """Ingest ``paths`` and bring the store's analysis up to date; record the run in the store."""
    started, t0 = datetime.now(UTC).isoformat(timespec="seconds"), time.perf_counter()
    paths = list(paths)
    with ExitStack() as alongside:  # the claims of a few new articles, extracted while steps 5-7 run
        result = ingest(paths, store=store, progress=progress, workers=workers, extract=True, read_urls=read_urls,
                        read_options=read_options, alongside=alongside)
        update = reanalysed(store, progress=progress, workers=workers, pending=result.pending)
    update = Update(**{**update.__dict__, "added": result.added, "failures": result.failures, "inputs": tuple(paths),
                       "skipped": result.skipped})
    run = store.put_run({"started": started, "seconds": round(time.perf_counter() - t0, 3), "inputs": paths,
                   "articles": update.articles, "added": update.added, "extracted": update.extracted,
                   "stories": update.stories, "recomputed": update.recomputed, "failures": len(update.failures),
                   "analysis": update.analysis, "dossier": None}, update.failures)
    return replace(update, run=run)


def dossier_of(articles: Sequence[Article], *, failures: Sequence[Failure] = (),
               progress: Progress = _silent, workers: int = 1) -> Dossier:
    """Stages 3-10 over ``articles`` in a store of their own, in memory: the dossier ``analyze`` gives."""
    store = SQLiteStore(":memory:")
    store.put_articles(articles)
    reanalysed(store, progress=progress, workers=workers)
    dossier = dossier_from(store, failures=failures)
    store.close()
    return dossier


def dossier_from(store: Store, *, failures: Sequence[Failure] = ()) -> Dossier:
    """The store's analysis as a dossier (step 10)."""
    articles = store.analysed_articles()
    return Dossier(articles=tuple(articles), claims=tuple(store.claims()), stories=tuple(store.stories()),
                   failures=tuple(failures), notes=tuple(store.notes(articles)))


@dataclass(frozen=True)
class Written:
    """What ``published`` left in the output folder; ``rewritten`` is False when it held the
    store's analysis already and was left as it was."""

    files: tuple[Path, ...]
    articles: int
    claims: int
    stories: int
    notes: tuple[str, ...]
    rewritten: bool


def published(store: Store, update: Update, outdir: Path, *, reports: bool = True,
              progress: Progress = _silent) -> Written:
    """``dossier.json`` (and with ``reports``, the reports) of the store's analysis, moved into
    ``outdir`` together, unless the files there are, byte for byte, what this analysis and these
    failures wrote before with the same writers (``report.parts.writers_version``)."""
    from .report.parts import writers_version, written_from_store  # noqa: PLC0415 - see the module docstring

    key = keys.digest(update.analysis, [f.to_dict() for f in update.failures], [s.note() for s in update.skipped],
                      reports, writers_version())
    memo_key = f"outputs:{outdir.resolve()}"
    memo = store.state(memo_key)
    if memo and memo["key"] == key and all(_sha256(outdir / name) == sha for name, sha in memo["files"].items()):
        return Written(tuple(outdir / name for name in memo["files"]), *memo["counts"], tuple(memo["notes"]), False)
    notes = [s.note() for s in update.skipped]
    files = written_from_store(store, outdir, failures=update.failures, notes=notes, reports=reports, progress=progress)
    counts, notes = list(store.counts()), [*store.notes(store.analysed_articles()), *notes]
    digests = {str(f.relative_to(outdir)): _sha256(f) for f in files}
    store.put_state(memo_key, {"key": key, "files": digests, "counts": counts, "notes": notes})
    if update.run is not None:
        store.put_run_dossier(update.run, digests["dossier.json"])
    return Written(tuple(files), *counts, tuple(notes), True)


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


# -- steps 1-4 -----------------------------------------------------------------------------------

def ingest(paths: Iterable[str], *, store: Store, progress: Progress = _silent, batch_size: int = 96,
           workers: int = 1, extract: bool = False, read_urls: UrlReader | None = None,
           read_options: ReadOptions = DEFAULT_READ, alongside: ExitStack | None = None) -> IngestResult:
    """Read, clean, prepare and store every document under ``paths``; stored ones are not redone.

    Documents go in batches: one store lookup per batch, cleaning and preparing (and with
    ``extract``, the claims) spread over ``workers`` processes, one transaction per batch (so a
    killed run keeps whole batches). The next batch is read and handed out while the workers
    finish the one before, so they never wait for the store. URLs among ``paths`` are fetched by
    ``read_urls`` (default: ``consilience.fetch``).

    With ``alongside`` (and ``workers`` > 1), the claims of the few new articles cleaned in this
    process (under ``PARALLEL_MIN``, no pool started) are extracted in one forked process, which
    loads spaCy itself, while the caller goes on (near-duplicates and stories need no claims);
    ``IngestResult.pending`` waits for them and stores them. The process ends with ``alongside``.
    """
    ids: list[str] = []
    failures: list[Failure] = []
    skipped: list[Skipped] = []
    submitted: set[str] = set()
    in_flight: deque[tuple[int, Iterable[list[NewArticle]]]] = deque()
    added = seen = 0
    extractor = keys.extractor_version() if extract else None  # read from source: loads no model
    deferred: list[Article] = []  # cleaned here, their claims extracted alongside
    defer = extractor is not None and alongside is not None and workers > 1
    side: ProcessPoolExecutor | None = None  # the process that extracts them, started at the first new document
    new = 0
    for step in ("prepare", "terms"):
        if store.state(step) is None:  # a new store: what is prepared below is current (else steps 5 and 6 check)
            store.put_state(step, _versions()[step])

    def store_oldest() -> None:
        nonlocal added
        n, outcomes = in_flight.popleft()
        done = [o for chunk in outcomes for o in chunk]
        failures.extend(o for o in done if isinstance(o, Failure))
        ready = [o for o in done if isinstance(o, NewArticle)]
        added += store.put_articles([o.article for o in ready], {o.article.id: o.prepared for o in ready})
        deferred.extend(o.article for o in ready if o.claims is None and extractor is not None)
        extracted = {o.article.id: o.claims for o in ready if o.claims is not None}
        if extracted:
            store.put_claims(extracted, {o.article.id: o.fragments for o in ready if o.fragments is not None})
        progress("ingest", n, None)

    with _mapper(workers, load=_load_extraction if extract else _load_cleaning) as map_each:
        for batch in _batches(read_inputs(paths, _store_left_out(read_options, store), read_urls=read_urls), batch_size):
            docs = [(document_id(d), d) for d in batch if isinstance(d, RawDocument)]
            failures.extend(f for f in batch if isinstance(f, Failure))
            skipped.extend(f for f in batch if isinstance(f, Skipped))
            known = store.known_ids([i for i, _ in docs if i not in submitted])
            todo: dict[str, RawDocument] = {}
            for art_id, doc in docs:
                ids.append(art_id)
                if art_id not in known and art_id not in submitted:
                    todo.setdefault(art_id, doc)
            submitted.update(todo)
            seen += len(batch)
            items = [(i, d, extractor) for i, d in todo.items()]
            new += len(items)
            if defer and alongside is not None and items and side is None and new < PARALLEL_MIN:  # cleaned here
                side = _side_extractor(alongside)
            chunks = [items[k:k + CHUNK] for k in range(0, len(items), CHUNK)]
            here = partial(_prepared_chunk, read_options, extract=False) if defer else None
            in_flight.append((seen, map_each(partial(_prepared_chunk, read_options), chunks, size=len(items),
                                             here=here)))
            if len(in_flight) > 1:
                store_oldest()
        while in_flight:
            store_oldest()
    pending = _claims_alongside(store, deferred, str(extractor), side, alongside) \
        if deferred and alongside else None
    stored = store.known_ids(ids)
    return IngestResult(tuple(i for i in dict.fromkeys(ids) if i in stored), added, tuple(failures), tuple(skipped),
                        pending)


def _side_extractor(alongside: ExitStack) -> ProcessPoolExecutor:
    """One forked process, loading the claim stage's model now (while the few new documents are
    cleaned here), to extract their claims alongside (``_claims_alongside``); it ends with ``alongside``."""
    pool = alongside.enter_context(stopping(worker_pool(1)))
    pool.submit(_claim_stage_loaded)
    return pool


def _claim_stage_loaded() -> None:
    """The claim stage's model and word lists, loaded in the forked process only: spaCy is not
    imported here for a few new articles (a second of CPU)."""
    from .claims.parse import load_resources  # noqa: PLC0415

    load_resources()


def _claims_alongside(store: Store, articles: list[Article], extractor: str, pool: ProcessPoolExecutor | None,
                      alongside: ExitStack) -> Callable[[], None]:
    """Start extracting the claims of ``articles`` in a forked process (``pool``'s, else a new one);
    return the call that waits for them and stores them (the store has one writer: this process)."""
    pool = pool or _side_extractor(alongside)
    future = pool.submit(_extracted_with_fragments, articles, extractor)

    def store_them() -> None:
        found, fragments = future.result()
        store.put_claims(found, fragments)

    return store_them


def _extracted_with_fragments(articles: list[Article], extractor: str) -> tuple[
        dict[str, tuple[Extraction, list[Claim]]], dict[str, list[str]]]:
    """Claims of ``articles`` and their stored text (``fragment``), made in a worker."""
    found = extracted(articles, extractor)
    return found, {i: [fragment(c.to_dict()) for c in claims] for i, (_, claims) in found.items()}


@dataclass(frozen=True)
class NewArticle:
    """One new article and what the workers computed of it (claims only when asked to extract)."""

    article: Article
    prepared: Prepared
    claims: tuple[Extraction, list[Claim]] | None = None
    fragments: list[str] | None = None  # the claims' stored text (store.sqlite.fragment)


def _prepared_chunk(options: ReadOptions, items: list[tuple[str, RawDocument, str | None]], *,
                    extract: bool = True) -> list[NewArticle | Failure]:
    """Steps 2-3 for a few documents, in a worker: their claims are parsed in one batch (with
    ``extract=False``, left to the caller)."""
    out: list[NewArticle | Failure] = []
    for art_id, doc, _ in items:
        try:
            article = article_within_limits(article_from(doc, art_id), options)
        except InputError as e:
            out.append(failure(doc.source, e, stage="clean"))
            continue
        out.append(NewArticle(article, prepared_of(article)))
    extractor = items[0][2] if items and extract else None
    if extractor is None:
        return out
    found = extracted([o.article for o in out if isinstance(o, NewArticle)], extractor)
    return [NewArticle(o.article, o.prepared, found[o.article.id], [fragment(c.to_dict()) for c in found[o.article.id][1]])
            if isinstance(o, NewArticle) else o for o in out]


def prepared_of(article: Article) -> Prepared:
    """What the cross-article steps need of one article, computed once (step 3)."""
    from .flags.dates import date_marks  # noqa: PLC0415 - see the module docstring
    from .flags.near_duplicate import signature_bytes  # noqa: PLC0415
    from .reconcile.stories import article_terms  # noqa: PLC0415

    return Prepared(signature=signature_bytes(article.text), marks=date_marks(article).to_json(),
                    terms=article_terms(article))


def extracted(articles: Sequence[Article], extractor: str, *, workers: int = 1,
              progress: Progress = _silent) -> dict[str, tuple[Extraction, list[Claim]]]:
    """Each article's claims under the key of what the extractor read of it (steps 3 and 8)."""
    from .claims import claims_of  # noqa: PLC0415

    out: dict[str, tuple[Extraction, list[Claim]]] = {}
    english = [a for a in articles if a.language == "en"]
    for a in articles:
        if a.language != "en":  # no parse: the extractor only notes why it has nothing to say
            _, notes = claims_of([a])
            out[a.id] = (Extraction(keys.extraction_key(a), extractor, notes[0] if notes else None), [])
    claims, _ = claims_of(english, n_process=workers, progress=lambda d, t: progress("claims", d, t))
    by_article: dict[str, list[Claim]] = {a.id: [] for a in english}
    for c in claims:
        by_article[c.article].append(c)
    for a in english:
        found = sorted(by_article[a.id], key=lambda c: (c.start, c.kind, c.predicate, c.id))
        out[a.id] = (Extraction(keys.extraction_key(a), extractor), found)
    return out


def _store_left_out(options: ReadOptions, store: Store) -> ReadOptions:
    """``options`` with the store's own files among the outputs that are never read as input."""
    path = getattr(store, "path", None)
    if not path:
        return options
    db = Path(path)
    files = (db, *(db.with_name(db.name + suffix) for suffix in ("-wal", "-shm", "-journal")))
    return replace(options, outputs=(*options.outputs, *files))


# A batch also ends at this many characters of document bodies: 64 documents of up to 50 MB each
# would otherwise be held at once (twice, with the batch in flight), several GB.
BATCH_CHARS = 32_000_000


def _batches(items: Iterable[RawDocument | Failure | Skipped], size: int) -> Iterator[list[RawDocument | Failure | Skipped]]:
    batch: list[RawDocument | Failure | Skipped] = []
    chars = 0
    for item in items:
        batch.append(item)
        chars += len(item.body) if isinstance(item, RawDocument) else 0
        if len(batch) >= size or chars >= BATCH_CHARS:
            yield batch
            batch = []
            chars = 0
    if batch:
        yield batch


@contextmanager
def _mapper(workers: int, *, load: Callable[[], None] | None = None,
            parallel_min: int | None = None) -> Iterator[Callable[..., Iterable[Any]]]:
    """``map`` in this process, or over a pool of ``workers`` processes (order kept). The pool is
    started (after ``load``: models loaded once, for the forked workers to share) only when the work
    seen so far reaches ``parallel_min`` items (``PARALLEL_MIN``): a few new articles are done here,
    sooner than a pool would start."""
    least = PARALLEL_MIN if parallel_min is None else parallel_min
    if workers <= 1:
        yield lambda fn, items, size=None, here=None: map(fn, items)
        return
    with ExitStack() as stack:
        pools: list[ProcessPoolExecutor] = []
        seen = 0

        def map_each(fn: Callable[..., Any], items: list[Any], *, size: int | None = None,
                     here: Callable[..., Any] | None = None) -> Iterable[Any]:
            """``here``: what to map instead of ``fn`` when the items are done in this process."""
            nonlocal seen
            seen += len(items) if size is None else size
            if not pools and seen < least:
                return map(here or fn, items)
            if not pools:
                if load is not None:
                    load()
                # Objects made so far leave the collector's view, so the forked workers' collections do
                # not write to (and so copy) every page they share with this process.
                gc.freeze()
                stack.callback(gc.unfreeze)
                pools.append(stack.enter_context(stopping(worker_pool(workers))))
            return pools[0].map(fn, items)

        yield map_each


def _load_cleaning() -> None:
    from .flags import dates, near_duplicate  # noqa: F401, PLC0415 - step 3 in the workers (datasketch: 0.7 s of imports each)
    from .meta.article import load_resources  # noqa: PLC0415
    from .reconcile import stories  # noqa: F401, PLC0415 - and scikit-learn's, for the terms

    load_resources()


def _load_extraction() -> None:
    from .claims.parse import load_resources  # noqa: PLC0415

    _load_cleaning()
    load_resources()


# -- steps 5-9 -----------------------------------------------------------------------------------

def reanalysed(store: Store, *, progress: Progress = _silent, workers: int = 1,
               pending: Callable[[], None] | None = None) -> Update:
    """Bring the store's analysis of every article it holds up to date (steps 5-9); redo only
    what the keys say changed, and nothing when the articles and the code are as last time.
    ``pending``: claims still being extracted (``IngestResult.pending``), stored before step 8."""
    from .flags.dates import DateMarks, with_date_flags  # noqa: PLC0415
    from .flags.near_duplicate import signature_from, with_duplicates_marked  # noqa: PLC0415
    from .meta.infer_date import dated_from_story  # noqa: PLC0415

    versions = _versions()
    ids = store.ids()
    analysis = keys.digest(versions, ids)
    if store.state("analysis") == analysis:
        if pending:
            pending()
        return Update(analysis, len(ids), stories=len(store.story_keys()))
    articles = store.articles()
    prepared = _all_prepared(store, articles, versions["prepare"], workers)
    articles = with_duplicates_marked(articles, {i: signature_from(p.signature) for i, p in prepared.items()})
    progress("dedupe", len(articles), len(articles))
    groups = _groups(store, articles, versions, workers)
    articles = dated_from_story(articles, groups)
    progress("stories", len(groups), len(groups))
    articles = with_date_flags(articles, groups, {i: DateMarks.from_json(p.marks) for i, p in prepared.items()})

    def claims_up_to_date() -> frozenset[str]:
        if pending:
            pending()
        return _claims_up_to_date(store, articles, versions["extractor"], workers, progress)

    recomputed, new = _stories_up_to_date(store, articles, groups, versions, claims_up_to_date, progress, workers)
    _write_analysed(store, articles, groups)
    store.put_state("analysis", analysis)
    return Update(analysis, len(articles), extracted=len(new), stories=len(groups), recomputed=recomputed)


def _versions() -> dict[str, str]:
    return {"prepare": keys.version("consilience.flags.near_duplicate", "consilience.flags.dates",
                                    libraries=("datasketch", "numpy")),
            "groups": keys.version("consilience.reconcile.stories", libraries=("scikit-learn", "scipy", "numpy")),
            "terms": keys.version("consilience.reconcile.stories", libraries=("scikit-learn",)),
            "dates": keys.version("consilience.meta.infer_date", "consilience.flags"),
            "extractor": keys.extractor_version(),
            "reconcile": keys.version("consilience.reconcile", libraries=("scikit-learn", "scipy", "numpy"))}


def _all_prepared(store: Store, articles: Sequence[Article], version: str, workers: int) -> dict[str, Prepared]:
    """Every article's prepared data: stored ones, and (for articles stored without it, or by other
    code) computed now, in the workers."""
    prepared = store.prepared() if store.state("prepare") == version else {}
    missing = [a for a in articles if a.id not in prepared]
    if missing:
        with _mapper(workers) as map_each:
            made = dict(zip([a.id for a in missing], map_each(prepared_of, missing), strict=True))
        store.put_prepared(made)
        store.put_state("prepare", version)
        prepared.update(made)
    return prepared


def _groups(store: Store, articles: Sequence[Article], versions: Mapping[str, str], workers: int) -> list[list[str]]:
    """Story groups, memoised: they depend only on which articles there are (ids hash their content).
    Grouped again from the articles' stored terms (counted once each, when stored): a few new
    articles change every weight, but no other article's text is read again."""
    from .reconcile import story_groups  # noqa: PLC0415

    key = keys.digest(versions["groups"], sorted(a.id for a in articles))
    memo = store.state("groups")
    if memo and memo.get("key") == key:
        return [list(g) for g in memo["groups"]]
    groups = story_groups(articles, _all_terms(store, articles, versions["terms"], workers))
    store.put_state("groups", {"key": key, "groups": groups})
    return groups


def _all_terms(store: Store, articles: Sequence[Article], version: str, workers: int) -> dict[str, str]:
    """Every article's terms: stored ones, and (for articles stored without them, or by other code)
    counted now, in the workers."""
    from .reconcile.stories import article_terms  # noqa: PLC0415

    terms = store.terms() if store.state("terms") == version else {}
    missing = [a for a in articles if a.id not in terms]
    if missing:
        with _mapper(workers, load=_load_cleaning) as map_each:
            made = dict(zip([a.id for a in missing], map_each(article_terms, missing), strict=True))
        store.put_terms(made)
        store.put_state("terms", version)
        terms.update(made)
    return terms


def _stale(store: Store, articles: Sequence[Article], extractor: str) -> list[Article]:
    """The articles whose stored claims are missing, or were extracted from another reading or by other code."""
    stored = store.extractions()
    return [a for a in articles if (x := stored.get(a.id)) is None
            or (x.key, x.extractor) != (keys.extraction_key(a), extractor)]


def _claims_up_to_date(store: Store, articles: Sequence[Article], extractor: str, workers: int,
                       progress: Progress) -> frozenset[str]:
    """Step 8: extract the claims of the articles whose stored claims are missing or stale; return their ids."""
    stale = _stale(store, articles, extractor)
    if stale:
        store.put_claims(extracted(stale, extractor, workers=workers, progress=progress))
    progress("claims", len(articles), len(articles))  # most were extracted while ingesting
    return frozenset(a.id for a in stale)


def _stories_up_to_date(store: Store, articles: Sequence[Article], groups: Sequence[Sequence[str]],
                        versions: dict[str, str], claims_up_to_date: Callable[[], frozenset[str]],
                        progress: Progress, workers: int) -> tuple[int, frozenset[str]]:
    """Steps 7 and 9: reconcile the stories whose inputs changed, each from its own articles and
    claims alone (so in the workers, a few stories a task), and drop the stories that no longer
    exist. A story's key needs no claims (an article's claims are keyed by what the extractor
    reads of it), so the stories whose claims are all current go to the workers first, and
    ``claims_up_to_date`` (step 8, and the claims still being extracted alongside) runs while they
    are reconciled; the other stories follow. Returns how many stories were reconciled and the
    articles step 8 extracted."""
    from .reconcile.stories import story_id  # noqa: PLC0415

    by_id = {a.id: a for a in articles}
    stored = store.story_keys()
    # the extractor's version too: claims extracted anew by another spaCy or model are new inputs to their stories
    extraction = {a.id: keys.digest(keys.extraction_key(a), versions["extractor"]) for a in articles}
    wanted = {story_id(g): (g, keys.story_key(g, by_id, extraction, versions["reconcile"])) for g in groups}
    todo = [(g, key) for sid, (g, key) in wanted.items() if stored.get(sid) != key]
    waiting = {a.id for a in _stale(store, [by_id[i] for g, _ in todo for i in g], versions["extractor"])}
    ready = [(g, key) for g, key in todo if not waiting.intersection(g)]
    later = [(g, key) for g, key in todo if waiting.intersection(g)]
    # Small tasks when there are few stories, so that every worker gets some; a few large stories take most of the time.
    size = max(1, min(STORY_CHUNK, -(-len(todo) // (4 * max(workers, 1)))))
    done: list[StoredStory] = []
    with _mapper(workers, load=_load_reconcile, parallel_min=STORIES_PARALLEL_MIN) as map_each:
        first = map_each(_reconciled, _story_tasks(store, ready, by_id, size), size=len(todo)) if ready else ()
        new = claims_up_to_date()
        then = map_each(_reconciled, _story_tasks(store, later, by_id, size), size=0 if ready else len(todo))
        results = (s for wave in (first, then) for chunk in wave for s in chunk)
        for n, ((story, text), (group, key)) in enumerate(zip(results, [*ready, *later], strict=True), 1):
            done.append(_stored(story, key, [by_id[i] for i in group], text))
            progress("reconcile", n, len(todo))
            if len(done) >= 200:  # bounded memory, and a killed run keeps whole stories
                store.put_stories(done)
                done = []
    store.put_stories(done, drop=[sid for sid in stored if sid not in wanted])
    return len(todo), new


def _story_tasks(store: Store, todo: Sequence[tuple[Sequence[str], str]], by_id: Mapping[str, Article],
                 size: int) -> list[list[tuple[Sequence[str], list[Article], list[str]]]]:
    """``todo``'s stories with their articles and the stored text of their claims, ``size`` stories a
    task. The claims are read in the workers (``_reconciled``): this process, which also writes every
    story, is the one that bounds the step."""
    claims = store.claim_records([i for g, _ in todo for i in g])
    return [[(g, [by_id[i] for i in g], [c for i in g for c in claims.get(i, ())]) for g, _ in todo[k:k + size]]
            for k in range(0, len(todo), size)]


def _reconciled(task: list[tuple[Sequence[str], list[Article], list[str]]]) -> list[tuple[Story, str]]:
    """Stories, each with the text it is stored as: both made in the worker, from the stored text of
    their claims."""
    from .reconcile import stories_of  # noqa: PLC0415

    stories = [stories_of(members, [Claim.from_dict(json.loads(c)) for c in claims], [group])[0]
               for group, members, claims in task]
    return [(s, fragment(s.to_dict())) for s in stories]


def _load_reconcile() -> None:
    import consilience.reconcile  # noqa: F401, PLC0415 - imported once, before the workers fork


def _stored(story: Story, key: str, members: Sequence[Article], text: str | None = None) -> StoredStory:
    lows = [d for a in members if (d := a.published.date or a.published.earliest)]
    highs = [d for a in members if (d := a.published.date or a.published.latest)]
    return StoredStory(story, key, first_day=min(lows).isoformat() if lows else None,
                       last_day=max(highs).isoformat() if highs else None,
                       flags=tuple(sorted({f.code for a in members for f in a.flags})), record=text)


def _write_analysed(store: Store, articles: Sequence[Article], groups: Sequence[Sequence[str]]) -> None:
    """Write the articles whose date, flags, copy or story changed since the last analysis."""
    from .reconcile.stories import story_id  # noqa: PLC0415

    story_of = {i: story_id(g) for g in groups for i in g}
    before = store.analysed_state()
    changed = [a for a in articles if before.get(a.id) != _state_row(a, story_of.get(a.id))]
    if changed:
        store.put_analysed_articles(changed, story_of)


def _state_row(a: Article, story: str | None) -> tuple[Any, ...]:
    p = a.published.to_dict()
    return (p["date"], p["earliest"], p["latest"], p["basis"], a.duplicate_of, story,
            tuple((f.code, f.detail, f.evidence) for f in a.flags))
