"""The plain records that cross stages. Their ``to_dict()`` *is* the dossier spec; ``from_dict()`` reads it back.

Data flows one way: ``paths -> RawDocument -> Article -> Claim* -> Story* -> Dossier``.
Every record is frozen; stages build new records rather than mutate old ones.

The contract holds both ways: ``Record.from_dict(r.to_dict()).to_dict() == r.to_dict()`` for every
record, a closed vocabulary (kinds, statuses, modalities, precisions, bases, qualifiers, flag codes)
is a ``Literal`` checked when a record is built, and dates are ``datetime.date`` inside and ISO
``YYYY-MM-DD`` strings only in JSON. A value outside its vocabulary raises ``ValueError`` naming
the field and the valid values, so a new word is added here (and in ``docs/dossier.md``) on purpose.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal, get_args

DOSSIER_FORMAT = "consilience.dossier/1"
Date = date  # the annotation ``Published.date`` cannot use, since its own field is named ``date``

DocumentKind = Literal["text", "html"]
Basis = Literal["metadata", "text", "inferred", "unknown"]
FlagCode = Literal["placeholder_text", "date_inconsistency", "near_duplicate", "machine_generated_suspected"]
QuantityKind = Literal["count", "money", "percent", "share", "tally", "measure"]
Qualifier = Literal["exact", "approx", "at_least", "more_than", "at_most", "less_than"]
# Narrowest first: the order the timeline and fact selection rank precisions in.
Precision = Literal["day", "week", "part_of_month", "month", "part_of_year", "year"]
ClaimKind = Literal["quantity", "event", "statement"]
Modality = Literal["asserted", "reported", "speculative"]
FactStatus = Literal["corroborated", "single_source", "contested", "superseded", "speculative"]
RelationKind = Literal["contradicts", "updates", "refines", "compatible"]

PRECISIONS: tuple[Precision, ...] = get_args(Precision)
FACT_STATUSES: tuple[FactStatus, ...] = get_args(FactStatus)
RELATION_KINDS: tuple[RelationKind, ...] = get_args(RelationKind)


def _check(record: object, name: str, vocabulary: Any) -> None:
    """Raise when ``record.name`` is not one of the ``Literal`` ``vocabulary``'s values."""
    value = getattr(record, name)
    valid = get_args(vocabulary)
    if value not in valid:
        raise ValueError(f"{type(record).__name__}.{name} is {value!r}; valid values: {', '.join(valid)}. "
                         "Use one of them, or add the new one to consilience.records and docs/dossier.md")


def _check_dates(record: object, *names: str) -> None:
    """Raise when a date field holds anything but a ``datetime.date`` (an ISO string belongs in JSON only)."""
    for name in names:
        value = getattr(record, name)
        if value is not None and not isinstance(value, date):
            raise TypeError(f"{type(record).__name__}.{name} is {value!r}; pass a datetime.date "
                            "(date.fromisoformat(...) for an ISO string)")


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _day(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


@dataclass(frozen=True)
class RawDocument:
    """One input document as read, before cleaning.

    ``kind`` is ``text`` or ``html``; ``body`` is already decoded to ``str``.
    ``meta`` holds what the container said about it (JSONL fields, feed entry, WARC headers).
    """

    source: str
    kind: DocumentKind
    body: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    encoding: str | None = None

    def __post_init__(self) -> None:
        _check(self, "kind", DocumentKind)


@dataclass(frozen=True)
class Failure:
    """An input that could not be processed: which one, at which stage, and why."""

    source: str
    stage: str
    code: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Failure:
        return cls(source=d["source"], stage=d["stage"], code=d["code"], message=d["message"])


@dataclass(frozen=True)
class Skipped:
    """An input left out on purpose (hidden, excluded, the run's own output, a link out of the folder), and why."""

    source: str
    reason: str

    def note(self) -> str:
        return f"not read: {self.source}: {self.reason}"


@dataclass(frozen=True)
class Flag:
    code: FlagCode
    detail: str
    evidence: str

    def __post_init__(self) -> None:
        _check(self, "code", FlagCode)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Flag:
        return cls(code=d["code"], detail=d["detail"], evidence=d["evidence"])


@dataclass(frozen=True)
class Published:
    """Publication date: ``date`` when known to the day, else a range with its basis."""

    date: Date | None = None
    earliest: Date | None = None
    latest: Date | None = None
    basis: Basis = "unknown"

    def __post_init__(self) -> None:
        _check(self, "basis", Basis)
        _check_dates(self, "date", "earliest", "latest")

    def to_dict(self) -> dict[str, Any]:
        return {"date": _iso(self.date), "earliest": _iso(self.earliest), "latest": _iso(self.latest),
                "basis": self.basis}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Published:
        return cls(date=_day(d.get("date")), earliest=_day(d.get("earliest")), latest=_day(d.get("latest")),
                   basis=d.get("basis") or "unknown")


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
            published=Published.from_dict(d.get("published") or {}),
            language=d.get("language") or "und",
            removed=tuple(d.get("removed") or ()),
            flags=tuple(Flag.from_dict(f) for f in d.get("flags") or ()),
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
    qualifier: Qualifier
    kind: QuantityKind = "count"
    tally: tuple[float, ...] = ()
    measure: str | None = None

    def __post_init__(self) -> None:
        _check(self, "qualifier", Qualifier)
        _check(self, "kind", QuantityKind)

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "low": self.low, "high": self.high, "unit": self.unit,
                "qualifier": self.qualifier, "kind": self.kind, "tally": list(self.tally), "measure": self.measure}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quantity:
        return cls(value=d["value"], low=d.get("low"), high=d.get("high"), unit=d.get("unit"),
                   qualifier=d.get("qualifier") or "exact", kind=d.get("kind") or "count",
                   tally=tuple(d.get("tally") or ()), measure=d.get("measure"))


@dataclass(frozen=True)
class When:
    """The time a claim is about. ``end`` is None for an open interval ("since X")."""

    start: date | None
    end: date | None
    text: str
    precision: Precision = "day"

    def __post_init__(self) -> None:
        _check(self, "precision", Precision)
        _check_dates(self, "start", "end")

    def to_dict(self) -> dict[str, Any]:
        return {"start": _iso(self.start), "end": _iso(self.end), "text": self.text, "precision": self.precision}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> When:
        return cls(start=_day(d.get("start")), end=_day(d.get("end")), text=d["text"],
                   precision=d.get("precision") or "day")


@dataclass(frozen=True)
class Attribution:
    source: str
    via: tuple[str, ...]
    text: str
    sources: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "via": list(self.via), "text": self.text,
                "sources": list(self.sources or (self.source,))}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Attribution:
        return cls(source=d["source"], via=tuple(d.get("via") or ()), text=d["text"],
                   sources=tuple(d.get("sources") or ()))


@dataclass(frozen=True)
class Span:
    """Where a word or phrase stands in an article's ``text``: ``text[start:end] == self.text``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(start=d["start"], end=d["end"], text=d["text"])


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
    kind: ClaimKind
    predicate: str
    subject: str | None = None
    negated: bool = False
    quantity: Quantity | None = None
    when: When | None = None
    where: str | None = None
    attribution: Attribution | None = None
    modality: Modality = "asserted"
    trigger: Span | None = None
    subject_text: str | None = None
    object: str | None = None
    object_text: str | None = None
    speech: bool = False  # a speech act ("said", "denied", "urged"): its subject is the speaker

    def __post_init__(self) -> None:
        if self.end - self.start != len(self.text):
            raise ValueError(f"claim {self.id}: offsets {self.start}:{self.end} do not span its text")
        t = self.trigger
        if t is not None and not (self.start <= t.start <= t.end <= self.end
                                  and self.text[t.start - self.start:t.end - self.start] == t.text):
            raise ValueError(f"claim {self.id}: trigger {t.start}:{t.end} is not inside its text")
        _check(self, "kind", ClaimKind)
        _check(self, "modality", Modality)

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
            "speech": self.speech,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Claim:
        q, w, a, t = d.get("quantity"), d.get("when"), d.get("attribution"), d.get("trigger")
        return cls(
            id=d["id"], article=d["article"], start=d["start"], end=d["end"], text=d["text"], kind=d["kind"],
            predicate=d["predicate"], subject=d.get("subject"), negated=bool(d.get("negated")),
            quantity=Quantity.from_dict(q) if q else None,
            when=When.from_dict(w) if w else None,
            where=d.get("where"),
            attribution=Attribution.from_dict(a) if a else None,
            modality=d.get("modality") or "asserted",
            trigger=Span.from_dict(t) if t else None,
            subject_text=d.get("subject_text"), object=d.get("object"), object_text=d.get("object_text"),
            speech=bool(d.get("speech", False)),
        )


@dataclass(frozen=True)
class Fact:
    id: str
    statement: str
    claims: tuple[str, ...]
    sources: tuple[str, ...]
    outlets: tuple[str, ...]
    status: FactStatus
    when: When | None = None
    weight: float = 1.0

    def __post_init__(self) -> None:
        _check(self, "status", FactStatus)

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

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Fact:
        w = d.get("when")
        return cls(id=d["id"], statement=d["statement"], claims=tuple(d["claims"]), sources=tuple(d["sources"]),
                   outlets=tuple(d.get("outlets") or ()), status=d["status"],
                   when=When.from_dict(w) if w else None, weight=d.get("weight", 1.0))


@dataclass(frozen=True)
class Relation:
    """How fact ``from_`` bears on fact ``to``; ``claims`` are the two claims (one of each fact, in
    that order) the relation rests on, and ``explanation`` says why they measure the same thing."""

    kind: RelationKind
    from_: str
    to: str
    explanation: str
    claims: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _check(self, "kind", RelationKind)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "from": self.from_, "to": self.to, "explanation": self.explanation,
                "claims": list(self.claims)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Relation:
        return cls(kind=d["kind"], from_=d["from"], to=d["to"], explanation=d["explanation"],
                   claims=tuple(d.get("claims") or ()))


@dataclass(frozen=True)
class TimelineEntry:
    start: date
    end: date | None
    label: str
    facts: tuple[str, ...]
    precision: Precision

    def __post_init__(self) -> None:
        _check(self, "precision", Precision)
        _check_dates(self, "start", "end")

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start.isoformat(), "end": _iso(self.end), "label": self.label,
                "facts": list(self.facts), "precision": self.precision}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TimelineEntry:
        return cls(start=date.fromisoformat(d["start"]), end=_day(d.get("end")), label=d["label"],
                   facts=tuple(d["facts"]), precision=d.get("precision") or "day")


@dataclass(frozen=True)
class Sentence:
    text: str
    claims: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "claims": list(self.claims)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Sentence:
        return cls(text=d["text"], claims=tuple(d["claims"]))


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    articles: tuple[str, ...]
    facts: tuple[Fact, ...] = ()
    relations: tuple[Relation, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    summary: tuple[Sentence, ...] = ()
    summary_dropped: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "articles": list(self.articles),
            "facts": [f.to_dict() for f in self.facts],
            "relations": [r.to_dict() for r in self.relations],
            "timeline": [t.to_dict() for t in self.timeline],
            "summary": [s.to_dict() for s in self.summary],
            "summary_dropped": self.summary_dropped,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Story:
        return cls(id=d["id"], title=d["title"], articles=tuple(d["articles"]),
                   facts=tuple(Fact.from_dict(f) for f in d.get("facts") or ()),
                   relations=tuple(Relation.from_dict(r) for r in d.get("relations") or ()),
                   timeline=tuple(TimelineEntry.from_dict(t) for t in d.get("timeline") or ()),
                   summary=tuple(Sentence.from_dict(s) for s in d.get("summary") or ()),
                   summary_dropped=d.get("summary_dropped") or 0)


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

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Dossier:
        """The dossier a ``to_dict()`` (or a saved ``dossier.json``) describes.

        Raises ``ValueError`` naming the first bad record when ``d`` is not a dossier of this format.
        """
        if d.get("format") != DOSSIER_FORMAT:
            raise ValueError(f"format is {d.get('format')!r}, not {DOSSIER_FORMAT!r}")
        return cls(articles=tuple(_each(Article, d, "articles")), claims=tuple(_each(Claim, d, "claims")),
                   stories=tuple(_each(Story, d, "stories")), failures=tuple(_each(Failure, d, "failures")),
                   notes=tuple(d.get("notes") or ()))


def _each(record: Any, d: dict[str, Any], key: str) -> list[Any]:
    """``record.from_dict`` over ``d[key]``; a bad entry raises ``ValueError`` saying which one and why."""
    out = []
    for i, item in enumerate(d.get(key) or ()):
        try:
            out.append(record.from_dict(item))
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            what = f"missing field {e}" if isinstance(e, KeyError) else str(e)
            raise ValueError(f"{key}[{i}] is not a {record.__name__}: {what}") from e
    return out
