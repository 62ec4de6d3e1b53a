"""``report.html``: one self-contained file (CSS, JS and the timeline inlined; no network requests).

Every string from an article is untrusted and goes through Jinja2's autoescape; the page's
Content-Security-Policy also forbids loading anything, so even a mistake cannot reach the network.
"""

from __future__ import annotations

import base64
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from .timeline_chart import timeline_entries, timeline_svg
from .view import (
    Dossier,
    article_label,
    articles_by_id,
    citations,
    claims_by_article,
    claims_by_id,
    fact_rows,
    outlet_labels,
    report_title,
    segments,
    when_text,
)

STATUSES = ("corroborated", "single_source", "contested", "superseded", "speculative")


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("consilience.report", "templates"),
                      autoescape=select_autoescape(["html", "j2"], default=True),
                      undefined=StrictUndefined, trim_blocks=False, lstrip_blocks=False)
    env.globals["when_text"] = when_text
    return env


def _published_text(article: dict[str, Any]) -> str:
    pub = article.get("published") or {}
    if pub.get("date"):
        return f"{pub['date']} ({pub.get('basis')})"
    if pub.get("earliest") or pub.get("latest"):
        return f"between {pub.get('earliest') or '?'} and {pub.get('latest') or '?'} ({pub.get('basis')})"
    return "unknown"


def report_html(dossier: Dossier, svg: bytes | None = None) -> str:
    """The whole page as one string; ``svg``: the timeline picture when the caller has drawn it."""
    articles = articles_by_id(dossier)
    claims = claims_by_id(dossier)
    per_article = claims_by_article(dossier)
    labels = outlet_labels(dossier)
    stories = [dict(s, fact_rows=fact_rows(s, labels), facts_by_id={f["id"]: f for f in s.get("facts", [])})
               for s in dossier.get("stories", [])]
    numbered = citations(stories, claims, articles)
    article_views = [dict(a, label=article_label(a), published_text=_published_text(a),
                          segments=segments(a.get("text", ""), per_article.get(a["id"], [])))
                     for a in dossier.get("articles", [])]
    entries = timeline_entries(dossier)
    picture = base64.b64encode(svg if svg is not None else timeline_svg(entries)).decode("ascii")
    template = _environment().get_template("report.html.j2")
    return template.render(
        title=report_title(dossier), stories=stories, citations=_Lookup(numbered), statuses=STATUSES,
        articles=article_views, timeline=entries, timeline_svg=picture,
        n_articles=len(articles), n_claims=len(claims), notes=dossier.get("notes", []),
        failures=dossier.get("failures", []))


class _Lookup(dict):  # type: ignore[type-arg]
    """A dict whose missing keys read as None in the template (a cited claim may be absent)."""

    def __missing__(self, key: str) -> None:
        return None
