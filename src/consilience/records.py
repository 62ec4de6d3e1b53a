"""The plain records that cross stages. Their ``to_dict()`` *is* the dossier spec.

Data flows one way: ``paths -> RawDocument -> Article -> Claim* -> Story* -> Dossier``.
Every record is frozen; stages build new records rather than mutate old ones.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

DOSSIER_FORMAT = "consilience.dossier/1"


@dataclass(frozen=True)
class RawDocument:
    """One input document as read, before cleaning.

    ``kind`` is ``text`` or ``html``; ``body`` is already decoded to ``str``.
    ``meta`` holds what the container said about it (JSONL fields, feed entry, WARC headers).
    """

    source: str
    kind: str
    body: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    encoding: str | None = None


@dataclass(frozen=True)
class Failure:
    """An input that could not be processed: which one, at which stage, and why."""

    source: str
    stage: str
    code: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Flag:
    code: str
    detail: str
    evidence: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Published:
    """Publication date: ``date`` when known to the day, else a range with its basis."""

    date: str | None = None
    earliest: str | None = None
    latest: str | None = None
    basis: str = "unknown"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Article:
    id: str
    source: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: Published = field(default_factory=Published)
    language: str = "und"
    removed: tuple[str, ...] = ()
    flags: tuple[Flag, ...] = ()
    duplicate_of: str | None = None

    def short_name(self, limit: int = 48) -> str:
        """How a reader finds this article when no outlet is known: its title, else its file name,
        quoted and shortened."""
        name = self.title or self.source.replace("\\", "/").rsplit("/", 1)[-1]
        name = name if len(name) <= limit else name[: limit - 1].rstrip() + "…"
        return f"“{name}”"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "outlet": self.outlet,
            "title": self.title,
            "author": self.author,
            "published": self.published.to_dict(),
            "language": self.language,
            "text": self.text,
            "removed": list(self.removed),
            "flags": [f.to_dict() for f in self.flags],
            "duplicate_of": self.duplicate_of,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        return cls(
            id=d["id"],
            source=d["source"],
            text=d["text"],
            url=d.get("url"),
            outlet=d.get("outlet"),
            title=d.get("title"),
            author=d.get("author"),
            published=Published(**d.get("published") or {}),
            language=d.get("language") or "und",
            removed=tuple(d.get("removed") or ()),
            flags=tuple(Flag(**f) for f in d.get("flags") or ()),
            duplicate_of=d.get("duplicate_of"),
        )


@dataclass(frozen=True)
class Quantity:
    """A number as stated. ``kind``: ``count`` (of people or things: ``unit`` names them), ``money``
    (``unit`` a currency code), ``percent``, ``share`` ("one in three": ``value`` 1/3), ``tally`` (a
    vote or score, "234-193": every number in ``tally``, ``value`` the first) or ``measure`` (km,
    tonnes, magnitude). ``measure``: what the number is of, beyond its unit ("salary" in "a $16,450
    salary"), when the sentence says."""

    value: float
    low: float | None
    high: float | None
    unit: str | None
    qualifier: str
    kind: str = "count"
    tally: tuple[float, ...] = ()
    measure: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "low": self.low, "high": self.high, "unit": self.unit,
                "qualifier": self.qualifier, "kind": self.kind, "tally": list(self.tally), "measure": self.measure}


@dataclass(frozen=True)
class When:
    """The time a claim is about. ``end`` is None for an open interval ("since X")."""

    start: str | None
    end: str | None
    text: str
    precision: str = "day"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Attribution:
    source: str
    via: tuple[str, ...]
    text: str
    sources: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "via": list(self.via), "text": self.text,
                "sources": list(self.sources or (self.source,))}


@dataclass(frozen=True)
class Span:
    """Where a word or phrase stands in an article's ``text``: ``text[start:end] == self.text``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Claim:
    """One event or quantity stated in one article. ``start``/``end`` span its own clause or phrase;
    ``trigger`` is the word that names the event ("resigned", "the indictment"). ``subject`` and
    ``object`` are canonical (the named entity a pronoun or "the company" refers to);
    ``subject_text``/``object_text`` are as written."""

    id: str
    article: str
    start: int
    end: int
    text: str
    kind: str
    predicate: str
    subject: str | None = None
    negated: bool = False
    quantity: Quantity | None = None
    when: When | None = None
    where: str | None = None
    attribution: Attribution | None = None
    modality: str = "asserted"
    trigger: Span | None = None
    subject_text: str | None = None
    object: str | None = None
    object_text: str | None = None

    def __post_init__(self) -> None:
        if self.end - self.start != len(self.text):
            raise ValueError(f"claim {self.id}: offsets {self.start}:{self.end} do not span its text")
        t = self.trigger
        if t is not None and not (self.start <= t.start <= t.end <= self.end
                                  and self.text[t.start - self.start:t.end - self.start] == t.text):
            raise ValueError(f"claim {self.id}: trigger {t.start}:{t.end} is not inside its text")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article": self.article,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "subject": self.subject,
            "predicate": self.predicate,
            "negated": self.negated,
            "quantity": self.quantity.to_dict() if self.quantity else None,
            "when": self.when.to_dict() if self.when else None,
            "where": self.where,
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "modality": self.modality,
            "trigger": self.trigger.to_dict() if self.trigger else None,
            "subject_text": self.subject_text,
            "object": self.object,
            "object_text": self.object_text,
        }


@dataclass(frozen=True)
class Fact:
    id: str
    statement: str
    claims: tuple[str, ...]
    sources: tuple[str, ...]
    outlets: tuple[str, ...]
    status: str
    when: When | None = None
    weight: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "statement": self.statement,
            "claims": list(self.claims),
            "sources": list(self.sources),
            "outlets": list(self.outlets),
            "status": self.status,
            "when": self.when.to_dict() if self.when else None,
            "weight": round(self.weight, 3),
        }


@dataclass(frozen=True)
class Relation:
    kind: str
    from_: str
    to: str
    explanation: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "from": self.from_, "to": self.to, "explanation": self.explanation}


@dataclass(frozen=True)
class TimelineEntry:
    start: str
    end: str | None
    label: str
    facts: tuple[str, ...]
    precision: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "label": self.label,
                "facts": list(self.facts), "precision": self.precision}


@dataclass(frozen=True)
class Sentence:
    text: str
    claims: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "claims": list(self.claims)}


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    articles: tuple[str, ...]
    facts: tuple[Fact, ...] = ()
    relations: tuple[Relation, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    summary: tuple[Sentence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "articles": list(self.articles),
            "facts": [f.to_dict() for f in self.facts],
            "relations": [r.to_dict() for r in self.relations],
            "timeline": [t.to_dict() for t in self.timeline],
            "summary": [s.to_dict() for s in self.summary],
        }


@dataclass(frozen=True)
class Dossier:
    articles: tuple[Article, ...]
    claims: tuple[Claim, ...] = ()
    stories: tuple[Story, ...] = ()
    failures: tuple[Failure, ...] = ()
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": DOSSIER_FORMAT,
            "articles": [a.to_dict() for a in self.articles],
            "claims": [c.to_dict() for c in self.claims],
            "stories": [s.to_dict() for s in self.stories],
            "failures": [f.to_dict() for f in self.failures],
            "notes": list(self.notes),
        }
