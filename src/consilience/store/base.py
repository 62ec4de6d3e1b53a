"""The store interface: the few methods the pipeline needs, so other backends can follow.

A store keeps the articles as ingested and the last analysis of them (``store/schema.py``), with
the keys that say which parts of that analysis are still current.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from ..records import Article, Claim, Failure, Story


@dataclass(frozen=True)
class Prepared:
    """What one article gives the cross-article steps, computed once when it is stored:
    ``signature`` its MinHash (near-duplicates), ``marks`` its time expressions as JSON (date flags),
    ``terms`` its words and names counted (story grouping: ``reconcile.stories.article_terms``)."""

    signature: bytes
    marks: str
    terms: str | None = None


@dataclass(frozen=True)
class Extraction:
    """Whose claims are stored: ``key`` hashes what the extractor read of the article, ``extractor``
    names the extractor's version; ``note`` says why an article has none."""

    key: str
    extractor: str
    note: str | None = None


@dataclass(frozen=True)
class StoredStory:
    """A story with ``key`` (a hash of every input of its reconciliation) and what a list of
    stories shows of it: its articles' first and last publication day and their flag codes."""

    story: Story
    key: str
    first_day: str | None = None
    last_day: str | None = None
    flags: tuple[str, ...] = ()
    record: str | None = None  # the story's ``fragment``, when made already (in a worker)


class Store(Protocol):
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` are stored already."""

    def put_articles(self, articles: Sequence[Article], prepared: Mapping[str, Prepared] | None = None) -> int:
        """Store ``articles`` (with what was prepared of them) in one transaction; return how many were new."""

    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        """Stored articles as ingested (all when ``ids`` is None), ordered by source then id."""

    def ids(self) -> list[str]:
        """Every stored article's id, sorted."""

    def prepared(self) -> dict[str, Prepared]: ...

    def put_prepared(self, prepared: Mapping[str, Prepared]) -> None: ...

    def terms(self) -> dict[str, str]:
        """Every article's stored terms (``Prepared.terms``; articles missing here need them)."""

    def put_terms(self, terms: Mapping[str, str]) -> None: ...

    def analysed_articles(self) -> list[Article]: ...

    def analysed_state(self) -> dict[str, tuple[Any, ...]]: ...

    def put_analysed_articles(self, articles: Sequence[Article], story_of: Mapping[str, str]) -> None: ...

    def extractions(self) -> dict[str, Extraction]: ...

    def put_claims(self, extracted: Mapping[str, tuple[Extraction, Sequence[Claim]]],
                   fragments: Mapping[str, Sequence[str]] | None = None) -> None: ...

    def dossier_pieces(self, failures: Sequence[Failure] = (), notes: Sequence[str] = (), *,
                       articles: Sequence[Article] | None = None) -> Iterator[str]: ...

    def counts(self) -> tuple[int, int, int]: ...

    def claim_records(self, article_ids: Sequence[str]) -> dict[str, list[str]]: ...

    def claims_by_id(self, ids: Sequence[str]) -> list[Claim]: ...

    def story_keys_in_order(self) -> list[tuple[str, str]]:
        """Every story's id and key, in the dossier's order of stories."""

    def story_records(self, ids: Sequence[str]) -> dict[str, str]: ...

    def stories_by_id(self, ids: Sequence[str]) -> list[Story]: ...

    def story_counts(self, kinds: Sequence[str]) -> list[tuple[str, str, tuple[str, ...], int, int, int]]:
        """Every story's id, title, article ids, facts, corroborated facts and relations of ``kinds``,
        in the dossier's order of stories."""

    def claim_articles_of(self, ids: Sequence[str]) -> dict[str, str]: ...

    def part_keys(self, output: str) -> dict[str, str]:
        """The reports' stored parts of ``output`` (``report/parts.py``): part -> key."""

    def parts(self, output: str) -> dict[str, Any]:
        """Part -> body."""

    def put_parts(self, parts: Mapping[str, Mapping[str, tuple[str, str | bytes]]], *, keep: Iterable[str] = (),
                  keep_by_output: Mapping[str, Iterable[str]] | None = None) -> None: ...

    def notes(self, articles: Sequence[Article]) -> list[str]: ...

    def claims(self) -> list[Claim]: ...

    def claims_of(self, article_ids: Sequence[str]) -> list[Claim]: ...

    def story_keys(self) -> dict[str, str]: ...

    def stories(self) -> list[Story]: ...

    def put_stories(self, stories: Sequence[StoredStory], *, drop: Iterable[str] = ()) -> None: ...

    def state(self, key: str) -> Any: ...

    def put_state(self, key: str, value: Any) -> None: ...

    def put_run(self, run: Mapping[str, Any], failures: Sequence[Failure]) -> int: ...

    def put_run_dossier(self, run: int, sha256: str | None) -> None: ...

    def close(self) -> None: ...
