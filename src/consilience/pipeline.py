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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .claims import claims_of
from .errors import InputError
from .flags.dates import with_date_flags
from .flags.near_duplicate import with_duplicates_marked
from .ingest import read_inputs
from .ingest.base import failure
from .meta.article import article_from, document_id
from .meta.infer_date import dated_from_story
from .reconcile import stories_of, story_groups
from .records import Article, Dossier, Failure, RawDocument
from .store.base import Store

log = logging.getLogger(__name__)
Progress = Callable[[str, int, "int | None"], None]


def _silent(stage: str, done: int, total: int | None) -> None:
    return None


@dataclass(frozen=True)
class IngestResult:
    ids: tuple[str, ...]
    added: int
    failures: tuple[Failure, ...]


def ingest(paths: Iterable[str], *, store: Store, progress: Progress = _silent, batch_size: int = 50) -> IngestResult:
    """Read, clean and store every document under ``paths``; stored ones are not redone."""
    ids: list[str] = []
    failures: list[Failure] = []
    pending: list[Article] = []
    added = 0
    for n, item in enumerate(read_inputs(paths), start=1):
        if isinstance(item, Failure):
            failures.append(item)
            continue
        art_id = document_id(item)
        ids.append(art_id)
        if art_id in store.known_ids([art_id]) or any(p.id == art_id for p in pending):
            continue
        article = _article_or_failure(item, failures)
        if article is not None:
            pending.append(article)
        if len(pending) >= batch_size:
            added += store.put_articles(pending)
            pending = []
        progress("ingest", n, None)
    if pending:
        added += store.put_articles(pending)
    stored = store.known_ids(ids)
    return IngestResult(tuple(i for i in dict.fromkeys(ids) if i in stored), added, tuple(failures))


def _article_or_failure(doc: RawDocument, failures: list[Failure]) -> Article | None:
    try:
        return article_from(doc)
    except InputError as e:
        failures.append(failure(doc.source, e, stage="clean"))
        return None


def analyze(paths: Iterable[str], *, store: Store, progress: Progress = _silent) -> Dossier:
    """Ingest ``paths`` and run every stage over their articles."""
    result = ingest(paths, store=store, progress=progress)
    articles = store.articles(result.ids)
    return dossier_of(articles, failures=result.failures, progress=progress)


def dossier_of(articles: Sequence[Article], *, failures: Sequence[Failure] = (),
               progress: Progress = _silent) -> Dossier:
    """Stages 4-7 over stored articles."""
    articles = with_duplicates_marked(sorted(articles, key=lambda a: (a.source, a.id)))
    progress("dedupe", len(articles), len(articles))
    groups = story_groups(articles)
    articles = dated_from_story(articles, groups)
    progress("stories", len(groups), len(groups))
    claims, notes = claims_of(articles, progress=lambda d, t: progress("claims", d, t))
    claims.sort(key=lambda c: (c.article, c.start, c.kind, c.predicate, c.id))
    articles = with_date_flags(articles, groups)
    stories = stories_of(articles, claims, groups)
    progress("reconcile", len(stories), len(stories))
    return Dossier(articles=tuple(articles), claims=tuple(claims), stories=tuple(stories),
                   failures=tuple(failures), notes=tuple(notes))
