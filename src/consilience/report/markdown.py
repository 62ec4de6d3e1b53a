"""``report.md``: the briefing with footnote citations, facts, relations and timeline, for notes and wikis."""

from __future__ import annotations

from .view import (
    Dossier,
    article_label,
    articles_by_id,
    citations,
    claims_by_id,
    outlet_labels,
    report_title,
    when_text,
)


def _cell(text: object) -> str:
    """Table cells may not hold pipes or newlines."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def report_markdown(dossier: Dossier) -> str:
    articles = articles_by_id(dossier)
    claims = claims_by_id(dossier)
    stories = dossier.get("stories", [])
    cites = citations(stories, claims, articles)
    labels = outlet_labels(dossier)

    def names(values: list[str]) -> str:
        return _cell("; ".join(labels.get(v, v) for v in values))

    lines = [f"# {report_title(dossier)}", "",
             f"{len(articles)} article(s), {len(claims)} claim(s), {len(stories)} story(ies).", ""]
    for note in dossier.get("notes", []):
        lines.append(f"> Note: {note}")
    for f in dossier.get("failures", []):
        lines.append(f"> Not read: `{f['source']}` ({f['stage']}): {f['code']} — {f['message']}")
    for s in stories:
        facts = {f["id"]: f for f in s.get("facts", [])}
        lines += [f"## {s['title']}", "", "### Briefing", ""]
        for sentence in s.get("summary", []):
            marks = "".join(f"[^{cites[c].number}]" for c in sentence["claims"] if c in cites)
            lines.append(f"- {sentence['text']}{marks}")
        lines += ["", "### Facts", "", "| Statement | Status | Sources | Outlets | When |", "|---|---|---|---|---|"]
        for f in s.get("facts", []):
            lines.append(f"| {_cell(f['statement'])} | {f['status']} | {names(f['sources'])} | "
                         f"{names(f['outlets'])} | {_cell(when_text(f.get('when')))} |")
        rel = [r for r in s.get("relations", []) if r["kind"] != "compatible"]
        if rel:
            lines += ["", "### Updates, contradictions and refinements", ""]
            for r in rel:
                a, b = facts.get(r["from"], {}).get("statement", r["from"]), facts.get(r["to"], {}).get("statement", r["to"])
                lines.append(f"- **{r['kind']}**: {a} → {b}. {r['explanation']}")
        if s.get("timeline"):
            lines += ["", "### Timeline", "", "| From | To | Precision | What |", "|---|---|---|---|"]
            for e in s["timeline"]:
                lines.append(f"| {e['start']} | {e.get('end') or 'open'} | {e['precision']} | {_cell(e['label'])} |")
        lines.append("")
    flagged = [a for a in articles.values() if a.get("flags")]
    if flagged:
        lines += ["## Reliability flags", ""]
        for a in flagged:
            for fl in a["flags"]:
                lines.append(f"- {article_label(a)}: **{fl['code']}** — {fl['detail']} (evidence: {fl['evidence']})")
        lines.append("")
    if cites:
        lines += ["## Sources cited", ""]
        for c in cites.values():
            quote = " ".join(claims[c.claim]["text"].split())
            lines.append(f"[^{c.number}]: {c.label}: “{quote}”")
        lines.append("")
    return "\n".join(lines)
