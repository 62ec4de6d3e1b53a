"""``report.md``: per story its main event, briefing with footnote citations, facts, relations and
timeline, for notes and wikis. Shows what ``report.html`` shows (``view.report_view``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..records import Claim, Dossier
from .safety import markdown_text
from .view import Citation, FactView, ReportView, StoryView, report_view


def _cell(text: object) -> str:
    """Article text as one table cell: escaped (no HTML, links or pipes) and on one line."""
    return markdown_text(text).replace("\n", " ")


def _names(values: tuple[str, ...]) -> str:
    return _cell("; ".join(values))


def _main_event(main: FactView | None) -> list[str]:
    if main is None:
        return []
    return [f"**Main event:** {_cell(main.statement)} — {main.status.replace('_', ' ')}; "
            f"{len(main.outlets)} outlet(s), {len(main.sources)} independent source(s).", ""]


def _story(s: StoryView) -> list[str]:
    lines = [f"## {_cell(s.title)}", "", f"{s.period} · {s.n_articles} article(s), {s.n_outlets} outlet(s), "
             f"{s.n_facts} fact(s)", "", *_main_event(s.main), "### Briefing", ""]
    for sentence in s.summary:
        lines.append(f"- {_cell(sentence.text)}{''.join(f'[^{c.number}]' for c in sentence.citations)}")
    lines += ["", "### Facts", "", "| Statement | Status | Sources | Outlets | When |", "|---|---|---|---|---|"]
    for f in s.facts:
        lines.append(f"| {_cell(f.statement)} | {f.status} | {_names(f.sources)} | {_names(f.outlets)} | "
                     f"{_cell(f.when)} |")
    if s.facts_more:
        lines += ["", f"{s.facts_more} more fact(s), less widely reported (in dossier.json)."]
    if s.relations:
        lines += ["", "### Updates, contradictions and refinements", ""]
        for r in s.relations:
            first = r.first.statement if r.first else r.first_id
            second = r.second.statement if r.second else r.second_id
            lines.append(f"- **{r.kind}**: {_cell(second)} → {_cell(first)}. {_cell(r.explanation)}")
    if s.timeline:
        lines += ["", "### Timeline", "", "| From | To | Precision | What |", "|---|---|---|---|"]
        for e in s.timeline:
            lines.append(f"| {e.start} | {e.end or 'open'} | {e.precision} | {_cell(e.label)} |")
    return [*lines, ""]


def story_markdown(s: StoryView) -> str:
    """One story's section of the file (``page_markdown`` puts the sections in, in order)."""
    return "\n".join(_story(s))


def flag_lines(stories: Sequence[StoryView]) -> list[str]:
    """The lines of 'Reliability flags' the articles of ``stories`` give."""
    return [f"- {_cell(a.label)}: **{fl.code}** — {_cell(fl.detail)} (evidence: {_cell(fl.evidence)})"
            for s in stories for a in s.articles for fl in a.flags]


def source_lines(cited: Iterable[Citation], claims: Mapping[str, Claim]) -> list[str]:
    """The lines of 'Sources cited' of the citations ``cited`` (``claims``: by id, each one cited)."""
    return [f"[^{c.number}]: {_cell(c.label)}: “{_cell(' '.join(claims[c.claim].text.split()))}”" for c in cited]


def report_markdown(dossier: Dossier, *, view: ReportView | None = None) -> str:
    """The whole file; ``view``: what it shows, when the caller has it already (``report_view``)."""
    view = view or report_view(dossier)
    claims = {c.id: c for c in dossier.claims}
    return page_markdown(view, [story_markdown(s) for s in view.stories], flags=flag_lines(view.stories),
                         sources=source_lines(view.citations.values(), claims))


def page_markdown(view: ReportView, sections: Sequence[str], *, flags: Sequence[str], sources: Sequence[str]) -> str:
    """The file of ``view`` with ``sections`` (``story_markdown`` of each of ``view.stories``, in
    order) and the lines of flags and of sources cited of those stories (``flag_lines``, ``source_lines``)."""
    n_stories = len(view.stories) + len(view.index_only)
    lines = [f"# {_cell(view.title)}", "",
             f"{view.n_articles} article(s), {view.n_claims} claim(s), {n_stories} story(ies).", ""]
    for note in view.notes:
        lines.append(f"> Note: {_cell(note)}")
    for f in view.failures:
        lines.append(f"> Not read: {_cell(f.source)} ({f.stage}): {f.code} — {_cell(f.message)}")
    lines += sections
    if view.index_only:
        lines += [f"{len(view.index_only)} smaller stories are in dossier.json only: "
                  + "; ".join(_cell(s.title) for s in view.index_only), ""]
    if flags:
        lines += ["## Reliability flags", "", *flags, ""]
    if sources:
        lines += ["## Sources cited", "", *sources, ""]
    return "\n".join(lines)
