"""Article -> Claims. The steps, per article:

1. split into sentences (rule-based, cheap) and keep those that can hold a claim;
2. parse the kept sentences in one ``nlp.pipe`` batch across all articles;
3. per sentence: time expressions (timex), attribution (carried forward through the article),
   modality, quantities, and events not already stated as a quantity;
4. each claim's text is its sentence; ``article.text[start:end] == claim.text`` always.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from functools import partial

from spacy.tokens import Doc

from ..lexicon.gazetteer import Gazetteer, gazetteer
from ..records import Article, Attribution, Claim
from ..timex import Anchor, anchor_of, durations, mentions
from ..workers import stop_now, worker_pool
from .attribution import Memory, attribution_of
from .events import canonical_subject, events_in, place_of, subject_of
from .modality import modality_of
from .parse import (
    is_candidate,
    load_resources,
    may_hold_candidates,
    one_blas_thread,
    parsed,
    sentence_filters,
    sentence_spans,
)
from .quantities import quantities_in
from .syntax import doc_text
from .timing import times_in, when_of

SUPPORTED_LANGUAGES = ("en",)


PARALLEL_MIN_ARTICLES = 40  # below this, starting worker processes costs more than it saves
BATCH_ARTICLES = 25


def claims_of(articles: Sequence[Article], *, n_process: int = 1,
              progress: Callable[[int, int], None] | None = None) -> tuple[list[Claim], list[str]]:
    """Claims of every article in ``articles``, and notes on the articles that were skipped.

    With ``n_process`` > 1, batches of whole articles go to worker processes, each parsing and
    extracting on its own: only articles and claims cross between processes, never parses.
    """
    notes = [f"article {a.id} ({a.source}) is in '{a.language}', not English: no claims extracted"
             for a in articles if a.language not in SUPPORTED_LANGUAGES]
    todo = [a for a in articles if a.language in SUPPORTED_LANGUAGES]
    batches = [todo[i:i + BATCH_ARTICLES] for i in range(0, len(todo), BATCH_ARTICLES)]
    claims: list[Claim] = []
    if n_process <= 1 or len(todo) < PARALLEL_MIN_ARTICLES:
        results: Iterable[list[Claim]] = map(claims_of_batch, batches)
        pool = None
    else:
        load_resources()  # once here; forked workers share it
        pool = worker_pool(n_process)
        results = pool.map(claims_of_batch, batches)
    try:
        for n, found in enumerate(results, 1):
            claims.extend(found)
            if progress:
                progress(min(n * BATCH_ARTICLES, len(todo)), len(todo))
    except BaseException:
        if pool is not None:
            stop_now(pool)  # an interrupt ends the workers now, not after their batches
        raise
    if pool is not None:
        pool.shutdown()
    return claims, notes


def claims_of_batch(articles: Sequence[Article]) -> list[Claim]:
    """Claims of English ``articles``: candidate sentences parsed in one ``nlp.pipe`` batch."""
    gaz = gazetteer()
    triggers, cues = sentence_filters()
    worth_splitting = partial(may_hold_candidates, triggers=triggers)
    jobs = [(a, s, a.text[s:e]) for a in articles for s, e in sentence_spans(a.text, worth_splitting)
            if is_candidate(a.text[s:e], triggers, cues)]
    claims: list[Claim] = []
    memories: dict[str, Memory] = {}
    with one_blas_thread():
        for (article, start, _), doc in zip(jobs, parsed([j[2] for j in jobs]), strict=True):
            memory = memories.setdefault(article.id, Memory())
            claims.extend(sentence_claims(article, start, doc, gaz, memory, anchor_of(article.published)))
    return claims


def sentence_claims(article: Article, start: int, doc: Doc, gaz: Gazetteer, memory: Memory,
                    anchor: Anchor | None) -> list[Claim]:
    text = doc_text(doc)
    found = mentions(text)
    excluded = [(m.start, m.end) for m in found] + [(s, e) for s, e, _, _ in durations(text)]
    attribution = attribution_of(doc, gaz, memory, article.outlet)
    modality = modality_of(doc, attributed=attribution is not None)
    where_exclude = attribution.text if attribution else ""
    times = times_in(doc, found, anchor, gaz)
    out: list[Claim] = []
    quantity_predicates = set()
    for q in quantities_in(doc, gaz, excluded):
        predicate = q.predicate or "count"
        share = q.unit_token is not None and (q.unit_token.pos_ == "PRON" or q.unit_token.lower_ in _SHARE_WORDS)
        if share:  # "1,404 of them", "329 others": part of a figure given before; counted, not compared
            predicate = "count"
        quantity_predicates.add(predicate)
        actor = subject_of(q.token, gaz)
        subject = None if share else (canonical_subject(q.unit_token, gaz) if q.unit_token is not None else actor)
        subject = _actor(subject, attribution, gaz)
        out.append(_claim(article, start, text, "quantity", predicate, subject=subject, negated=False,
                          quantity=q.quantity, when=when_of(q.token, times),
                          where=place_of(doc, q.token, f"{where_exclude} {actor or ''}"),
                          attribution=attribution, modality=modality))
    for ev in events_in(doc, gaz):
        if ev.predicate in quantity_predicates and not ev.negated:
            continue
        subject = _actor(subject_of(ev.trigger, gaz), attribution, gaz)
        out.append(_claim(article, start, text, "event", ev.predicate, subject=subject,
                          negated=ev.negated, quantity=None, when=when_of(ev.trigger, times),
                          where=place_of(doc, ev.trigger, f"{where_exclude} {subject or ''}"),
                          attribution=attribution, modality=modality))
    return out


_SHARE_WORDS = {"them", "whom", "which", "those"}


def _actor(subject: str | None, attribution: Attribution | None, gaz: Gazetteer) -> str | None:
    """The subject, unless it is the source speaking ("the NIS said ... troops have not fought")."""
    if subject is None or attribution is None:
        return subject
    if subject in attribution.text or gaz.source_name(subject) in (attribution.source, *attribution.sources):
        return None
    return subject


def _claim(article: Article, start: int, text: str, kind: str, predicate: str, *, attribution: Attribution | None,
           **fields: object) -> Claim:
    q = fields.get("quantity")
    key = f"{article.id}:{start}:{kind}:{predicate}:{fields.get('negated')}:{getattr(q, 'value', '')}"
    cid = hashlib.sha1(key.encode()).hexdigest()[:16]
    return Claim(id=cid, article=article.id, start=start, end=start + len(text), text=text, kind=kind,
                 predicate=predicate, attribution=attribution, **fields)  # type: ignore[arg-type]
