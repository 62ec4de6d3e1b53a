"""run(): the numbered sequence of stages.

1. read      paths, archives, stdin -> RawDocument | Failure        (ingest/)
2. clean     RawDocument -> Article (text, removed, outlet, date)   (clean/, meta/)
3. store     new Articles written once, by content hash             (store/)
4. dedupe    near-duplicate flags                                   (flags/)
5. stories   articles grouped by story; undated articles dated from their story (reconcile/, meta/)
6. claims    Article -> Claims                                      (claims/)
7. reconcile facts, sources, relations, timeline, briefing          (reconcile/)

Bad input becomes a Failure and the run goes on. Progress reaches the caller through
``progress(stage, done, total)``; the library never prints.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from .claims import claims_of
from .errors import InputError
from .flags.dates import with_date_flags
from .flags.near_duplicate import with_duplicates_marked
from .ingest import ReadOptions, UrlReader, read_inputs
from .ingest.base import failure
from .ingest.limits import DEFAULT as DEFAULT_READ
from .ingest.limits import article_within_limits
from .meta.article import article_from, document_id, load_resources
from .meta.infer_date import dated_from_story
from .reconcile import stories_of, story_groups
from .records import Article, Dossier, Failure, RawDocument, Skipped
from .store.base import Store
from .workers import stopping, worker_pool

log = logging.getLogger(__name__)
Progress = Callable[[str, int, "int | None"], None]


def _silent(stage: str, done: int, total: int | None) -> None:
    return None


@dataclass(frozen=True)
class IngestResult:
    ids: tuple[str, ...]
    added: int
    failures: tuple[Failure, ...]
    skipped: tuple[Skipped, ...] = ()


def ingest(paths: Iterable[str], *, store: Store, progress: Progress = _silent, batch_size: int = 64,
           workers: int = 1, read_urls: UrlReader | None = None,
           read_options: ReadOptions = DEFAULT_READ) -> IngestResult:
    """Read, clean and store every document under ``paths``; stored ones are not redone.

    Documents go in batches: one store lookup per batch, extraction and cleaning spread over
    ``workers`` processes, one transaction per batch (so a killed run keeps whole batches). The
    next batch is read and handed out while the workers finish the one before, so they never wait
    for the store. URLs among ``paths`` are fetched by ``read_urls`` (default: ``consilience.fetch``).
    """
    ids: list[str] = []
    failures: list[Failure] = []
    skipped: list[Skipped] = []
    submitted: set[str] = set()
    in_flight: deque[tuple[int, Iterable[Article | Failure]]] = deque()
    added = seen = 0

    def store_oldest() -> None:
        nonlocal added
        n, outcomes = in_flight.popleft()
        done = list(outcomes)
        failures.extend(o for o in done if isinstance(o, Failure))
        added += store.put_articles([o for o in done if isinstance(o, Article)])
        progress("ingest", n, None)

    with _mapper(workers) as map_each:
        for batch in _batches(read_inputs(paths, read_options, read_urls=read_urls), batch_size):
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
            in_flight.append((seen, map_each(partial(_article_or_failure, read_options), list(todo.items()))))
            if len(in_flight) > 1:
                store_oldest()
        while in_flight:
            store_oldest()
    stored = store.known_ids(ids)
    return IngestResult(tuple(i for i in dict.fromkeys(ids) if i in stored), added, tuple(failures), tuple(skipped))


def _batches(items: Iterable[RawDocument | Failure | Skipped], size: int) -> Iterator[list[RawDocument | Failure | Skipped]]:
    batch: list[RawDocument | Failure | Skipped] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@contextmanager
def _mapper(workers: int) -> Iterator[Callable[..., Iterable[Any]]]:
    """``map`` in this process, or over a pool of ``workers`` processes (order kept)."""
    if workers <= 1:
        yield map
        return
    load_resources()  # once here; the forked workers share it
    with stopping(worker_pool(workers)) as pool:
        yield lambda fn, items: pool.map(fn, items, chunksize=max(1, len(items) // (4 * workers)))


def _article_or_failure(options: ReadOptions, item: tuple[str, RawDocument]) -> Article | Failure:
    art_id, doc = item
    try:
        return article_within_limits(article_from(doc, art_id), options)
    except InputError as e:
        return failure(doc.source, e, stage="clean")


def analyze(paths: Iterable[str], *, store: Store, progress: Progress = _silent, workers: int = 1,
            read_urls: UrlReader | None = None, read_options: ReadOptions = DEFAULT_READ) -> Dossier:
    """Ingest ``paths`` and run every stage over their articles, on ``workers`` processes where it pays."""
    result = ingest(paths, store=store, progress=progress, workers=workers, read_urls=read_urls,
                    read_options=read_options)
    articles = store.articles(result.ids)
    dossier = dossier_of(articles, failures=result.failures, progress=progress, workers=workers)
    return replace(dossier, notes=(*dossier.notes, *(s.note() for s in result.skipped)))


def dossier_of(articles: Sequence[Article], *, failures: Sequence[Failure] = (),
               progress: Progress = _silent, workers: int = 1) -> Dossier:
    """Stages 4-7 over stored articles."""
    articles = with_duplicates_marked(sorted(articles, key=lambda a: (a.source, a.id)))
    progress("dedupe", len(articles), len(articles))
    groups = story_groups(articles)
    articles = dated_from_story(articles, groups)
    progress("stories", len(groups), len(groups))
    claims, notes = claims_of(articles, n_process=workers, progress=lambda d, t: progress("claims", d, t))
    claims.sort(key=lambda c: (c.article, c.start, c.kind, c.predicate, c.id))
    articles = with_date_flags(articles, groups)
    stories = stories_of(articles, claims, groups)
    progress("reconcile", len(stories), len(stories))
    return Dossier(articles=tuple(articles), claims=tuple(claims), stories=tuple(stories),
                   failures=tuple(failures), notes=tuple(notes))
