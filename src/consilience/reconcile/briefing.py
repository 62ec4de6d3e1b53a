"""The briefing: corroborated facts first, then single-source ones, then updates and contradictions.

Every sentence is built from the claims it cites, so its numbers and dates are theirs.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Claim, Fact, Relation, Sentence

MAX_SINGLE_SOURCE = 6


def briefing(facts: Sequence[Fact], relations: Sequence[Relation], claims: dict[str, Claim]) -> list[Sentence]:
    by_id = {f.id: f for f in facts}
    ranked = sorted(facts, key=lambda f: (-len(f.sources), -f.weight, f.statement, f.id))
    out = [_fact_sentence(f) for f in ranked if f.status == "corroborated"]
    singles = [f for f in ranked if f.status in ("single_source", "superseded", "contested")
               and any(claims[c].quantity or claims[c].when for c in f.claims)]
    out += [_fact_sentence(f) for f in singles[:MAX_SINGLE_SOURCE]]
    for r in relations:
        if r.kind in ("updates", "contradicts"):
            a, b = by_id[r.from_], by_id[r.to]
            out.append(Sentence(text=_relation_text(r), claims=tuple(sorted(set(a.claims[:3] + b.claims[:3])))))
    return out


def _fact_sentence(f: Fact) -> Sentence:
    sources = ", ".join(f.sources)
    if f.status == "corroborated":
        text = f"{_cap(f.statement)} — corroborated by independent sources ({sources}); reported by {', '.join(f.outlets)}."
    else:
        text = f"{_cap(f.statement)} — single source: {sources}; reported by {', '.join(f.outlets)}."
    return Sentence(text=text, claims=f.claims)


def _relation_text(r: Relation) -> str:
    if r.kind == "updates":
        return f"Update: {r.explanation}"
    return f"Contradiction: {r.explanation}"


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]
