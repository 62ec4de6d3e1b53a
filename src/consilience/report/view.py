"""What the human-readable reports show, computed once from a dossier dict.

Works on the JSON form (``load_dossier``) so that ``consilience report`` re-renders a saved dossier
exactly as ``analyze`` rendered it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..records import Article

Dossier = dict[str, Any]


@dataclass(frozen=True)
class Segment:
    """A run of article text and the claims that cover it; ``starts`` are claims opening here."""

    text: str
    claims: tuple[str, ...]
    starts: tuple[str, ...]


@dataclass(frozen=True)
class Citation:
    number: int
    claim: str
    article: str
    label: str


def article_label(article: dict[str, Any]) -> str:
    """Outlet and date when known, else the file it came from."""
    pub = article.get("published") or {}
    date = pub.get("date") or (
        f"{pub.get('earliest')}..{pub.get('latest')}" if pub.get("earliest") or pub.get("latest") else "undated")
    name = article.get("outlet") or article.get("title") or article.get("source") or article["id"]
    return f"{name} ({date})"


def articles_by_id(dossier: Dossier) -> dict[str, dict[str, Any]]:
    return {a["id"]: a for a in dossier.get("articles", [])}


def claims_by_id(dossier: Dossier) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for c in dossier.get("claims", [])}


def claims_by_article(dossier: Dossier) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for c in dossier.get("claims", []):
        out.setdefault(c["article"], []).append(c)
    return out


def segments(text: str, claims: list[dict[str, Any]]) -> list[Segment]:
    """Cut ``text`` at every claim boundary; each piece knows which claims cover it.

    Claims may nest or overlap (an event sentence and a quantity inside it), so pieces, not tags,
    carry the claim ids. One sweep over the sorted boundaries.
    """
    spans = [c for c in claims if 0 <= c["start"] < c["end"] <= len(text)]
    bounds = sorted({0, len(text), *(c["start"] for c in spans), *(c["end"] for c in spans)})
    opening: dict[int, list[str]] = {}
    closing: dict[int, list[str]] = {}
    for c in sorted(spans, key=lambda c: (c["start"], -c["end"], c["id"])):
        opening.setdefault(c["start"], []).append(c["id"])
        closing.setdefault(c["end"], []).append(c["id"])
    live: list[str] = []
    out: list[Segment] = []
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        gone = set(closing.get(lo, ()))
        live = [cid for cid in live if cid not in gone] + opening.get(lo, [])
        out.append(Segment(text=text[lo:hi], claims=tuple(live), starts=tuple(opening.get(lo, ()))))
    return out


def citations(stories: list[dict[str, Any]], claims: dict[str, dict[str, Any]],
              articles: dict[str, dict[str, Any]]) -> dict[str, Citation]:
    """Number each claim the briefings cite, in order of first citation across all stories."""
    out: dict[str, Citation] = {}
    for sentence in (x for story in stories for x in story.get("summary", [])):
        for cid in sentence["claims"]:
            if cid in out or cid not in claims:
                continue
            art = articles.get(claims[cid]["article"], {"id": claims[cid]["article"]})
            out[cid] = Citation(number=len(out) + 1, claim=cid, article=art["id"], label=article_label(art))
    return out


def when_text(when: dict[str, Any] | None) -> str:
    if not when:
        return ""
    start, end = when.get("start"), when.get("end")
    span = start if start == end else f"{start or '…'} – {end or 'open'}"
    return f"{span} ({when.get('precision')}; “{when.get('text')}”)"


def fact_rows(story: dict[str, Any], labels: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """One row per fact for tables: plain strings, sorted as the dossier sorts facts."""
    labels = labels or {}
    return [{
        "id": f["id"], "statement": f["statement"], "status": f["status"], "weight": f.get("weight", 1.0),
        "sources": [labels.get(x, x) for x in f.get("sources", [])],
        "outlets": [labels.get(x, x) for x in f.get("outlets", [])], "claims": f.get("claims", []),
        "story": story.get("title", ""),
        "when": f.get("when"), "when_sort": ((f.get("when") or {}).get("start") or ""),
    } for f in story.get("facts", [])]




def outlet_labels(dossier: Dossier) -> dict[str, str]:
    """'article <id>' (a source or outlet with no name) -> the article's title or file name, quoted."""
    return {f"article {a['id']}": Article.from_dict(a).short_name() for a in dossier.get("articles", [])}


def report_title(dossier: Dossier) -> str:
    stories = dossier.get("stories", [])
    if len(stories) == 1:
        return str(stories[0]["title"])
    return f"{len(stories)} stories from {len(dossier.get('articles', []))} articles"
