"""The briefing: corroborated facts first, then single-source ones, then updates and contradictions.

Every sentence is built from the claims it cites, so its numbers and dates are theirs. Facts too
vague to check (no actor, number or time) are left to the facts table.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Article, Claim, Fact, Relation, Sentence
from .compare import is_vague
from .facts import representative

MAX_CORROBORATED = 8
MAX_SINGLE_SOURCE = 6
MAX_RELATIONS = 6


def briefing(facts: Sequence[Fact], relations: Sequence[Relation], claims: dict[str, Claim],
             articles: dict[str, Article] | None = None) -> list[Sentence]:
    names = _outlet_names(articles or {})
    by_id = {f.id: f for f in facts}
    ranked = sorted((f for f in facts if _checkable(f, claims)),
                    key=lambda f: (-len(f.sources), -f.weight, f.statement, f.id))
    out = [_fact_sentence(f, names) for f in ranked if f.status == "corroborated"][:MAX_CORROBORATED]
    singles = [f for f in ranked if f.status in ("single_source", "superseded", "contested")]
    out += [_fact_sentence(f, names) for f in singles[:MAX_SINGLE_SOURCE]]
    shown = [r for r in relations if r.kind in ("updates", "contradicts")
             and _checkable(by_id[r.from_], claims) and _checkable(by_id[r.to], claims)]
    for r in sorted(shown, key=lambda r: (r.kind != "updates", r.from_, r.to))[:MAX_RELATIONS]:
        a, b = by_id[r.from_], by_id[r.to]
        cited = {c for f in (a, b) for c in _cited(f, claims)}
        out.append(Sentence(text=_relation_text(r, a, b, names), claims=tuple(sorted(cited))))
    return out


def _cited(f: Fact, claims: dict[str, Claim], most: int = 3) -> list[str]:
    """The claim the fact's statement was written from, then others, at most ``most``."""
    lead = representative([claims[i] for i in f.claims if i in claims]).id
    return [lead, *[i for i in f.claims if i != lead][: most - 1]]


def _checkable(f: Fact, claims: dict[str, Claim]) -> bool:
    """A fact a reader can check: some claim of it names an actor or a counted number, and a time or number."""
    return any(not is_vague(c) and (c.subject or _counted(c)) and (c.when or c.quantity)
               for c in (claims[i] for i in f.claims if i in claims))


def _counted(c: Claim) -> bool:
    """A number that says what it counts: a unit, or a specific measure ("killed"), not a bare "112"."""
    return c.quantity is not None and (c.quantity.unit is not None or c.predicate != "count")


def _outlet_names(articles: dict[str, Article]) -> dict[str, str]:
    """'article <id>' (an article with no known outlet) -> its title, quoted and shortened."""
    return {f"article {a.id}": a.short_name() for a in articles.values()}


def _names(values: Sequence[str], names: dict[str, str]) -> str:
    return ", ".join(dict.fromkeys(names.get(v, v) for v in values))


def _fact_sentence(f: Fact, names: dict[str, str]) -> Sentence:
    sources, outlets = _names(f.sources, names), _names(f.outlets, names)
    if f.status == "corroborated":
        text = f"{_cap(f.statement)}: {_count(len(f.sources))} independent sources ({sources}), reported by {outlets}."
    else:
        note = {"contested": " (contested, see below)", "superseded": " (later updated, see below)"}.get(f.status, "")
        who = f"one source, {sources}" if len(f.sources) == 1 else f"sources {sources}"
        text = f"{_cap(f.statement)}{note}: {who}, reported by {outlets}."
    return Sentence(text=text, claims=f.claims)


def _relation_text(r: Relation, a: Fact, b: Fact, names: dict[str, str]) -> str:
    if r.kind == "updates":
        return (f"Update: {_names(b.sources, names)} reported that {b.statement}; later, "
                f"{_names(a.sources, names)} reported that {a.statement}. {r.explanation}")
    return f"Contradiction: {r.explanation}"


_SMALL = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _count(n: int) -> str:
    return _SMALL[n] if n < len(_SMALL) else str(n)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]
