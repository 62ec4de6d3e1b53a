"""The outputs of a store's analysis, put together from parts rendered once.

1. ``dossier.json``: from the stored texts of the records (``Store.dossier_pieces``).
2. ``claims.csv``/``.parquet`` and the provenance graph: each article's rows and its piece of the
   graph; ``facts.csv``/``.parquet``: each story's rows. Every part is stored (``report_parts``)
   under a key of what it was rendered from and of the renderers' code (``keys.version``), so a
   run renders only the parts of the articles and stories that changed (those new articles
   touched) and puts each file together from its parts, in the order the whole-dossier writers
   use (``report.write_outputs``): the same bytes (``tests/test_incremental.py``).
3. ``report.html``, ``report.md`` and the timeline pictures show at most ``view.STORIES_SHOWN``
   stories: put together from each story's section, stored (``sections``) under a key of its
   story and of the renderers' code, so only the sections of the stories that changed are
   rendered again, from their records (the other stories' records and claims are not read); the
   index from the store's columns (``StoryCounts``). Were a section's citations not numberable
   (``sections.MARK_DIGITS``), the pages are rendered whole: from the store read in part (the
   stories with a section read whole; whole claims only where a page shows them; of the others,
   which article holds each).

Steps 1 and 2 run in a forked process while step 3 runs here (with reports; without, step 1 alone,
here), and the timeline's pictures, when their entries changed, are drawn in another from the
moment the rows of the stories shown are known, while the sections and pages render (the page
gets the SVG spliced in).
The forked processes read the store and return what they made; this process alone writes it.
"""

from __future__ import annotations

import base64
import gc
import json
import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from .. import keys
from ..records import Article, Dossier, Failure, Story
from ..store.base import Store
from ..workers import stopping, worker_pool
from .html import opened, page_html
from .markdown import page_markdown
from .publish import DOSSIER_FILE, REPORT_FILES, published, staging
from .view import (
    CLAIM_LINKS,
    REPORT_CAPS,
    SHOWN_RELATIONS,
    ClaimRef,
    ReportView,
    StoryCounts,
    fact_view,
    index_view,
    ranked_facts,
    report_view,
    shown_stories,
    timeline_across,
    timeline_dicts,
    viewed_facts,
)

log = logging.getLogger(__name__)
Progress = Callable[[str, int, int | None], None]
ARTICLE_OUTPUTS = ("claims.csv", "claims.arrow", "provenance")  # parts by article id
STORY_OUTPUTS = ("facts.csv", "facts.arrow")  # parts by story id


def writers_version() -> str:
    """The code, templates and libraries the output files are written by: after an upgrade that changes
    any of them, the files are written again even when the analysis they show is the same."""
    from . import sections  # noqa: PLC0415 - sections imports this package's view like the package does

    return keys.digest(keys.version("consilience.report", "consilience.report.parts",
                                    libraries=("jinja2", "markupsafe", "matplotlib", "networkx", "pyarrow")),
                       sections.version())


def written_from_store(store: Store, outdir: str | Path, *, failures: Sequence[Failure] = (),
                       notes: Sequence[str] = (), reports: bool = True, progress: Progress | None = None) -> list[Path]:
    """``dossier.json`` and, with ``reports``, every report of the store's analysis, moved into
    ``outdir`` together (dossier first in the list returned): what ``report.write_outputs`` writes
    of ``pipeline.dossier_from(store)`` with these failures and notes."""
    from . import rendered_steps  # noqa: PLC0415 - the package imports this module

    articles = store.analysed_articles()
    with staging(outdir) as stage, _frozen():
        if not reports:
            return published([_dossier_file(stage, failures, notes, store, articles)], outdir, superseded=REPORT_FILES)
        # dossier.json, the parts, the tables and the graph on the other core; the parts come back to be stored here.
        with _alongside(store, partial(_data_files, stage, failures, notes)) as data_files:
            files = rendered_steps([partial(_pages_of, store, articles, failures, notes, stage),
                                    partial(_stored_parts, store, data_files)], progress)
        return published(sorted(files, key=lambda f: f.name != DOSSIER_FILE), outdir)  # the dossier first


def _whole_pages(store: Store, articles: Sequence[Article], failures: Sequence[Failure], notes: Sequence[str],
                 stage: Path) -> list[Path]:
    """The pages rendered whole, from every story shown read whole (when a section cannot be kept: ``sections``)."""
    counts, shown = _shown(store, articles)
    by_id = {a.id: a for a in articles}
    # The timeline's pictures, when its entries changed, drawn on the other core while the pages render.
    with _pictures(store, timeline_dicts(timeline_across(shown, by_id))) as pictures:
        dossier, view = read_in_part(store, articles, failures, notes, counts=counts, shown=shown)
        return _pages(dossier, view, pictures, stage)


def _pages_of(store: Store, articles: Sequence[Article], failures: Sequence[Failure], notes: Sequence[str],
              stage: Path) -> list[Path]:
    """The pages, put together from sections where they can be (``_sectioned_pages``), else whole."""
    return (_sectioned_pages(store, articles, failures, notes, stage)
            or _whole_pages(store, articles, failures, notes, stage))


def _sectioned_pages(store: Store, articles: Sequence[Article], failures: Sequence[Failure], notes: Sequence[str],
                     stage: Path) -> list[Path] | None:
    """The pages put together from the stored sections of the stories shown, rendering only those
    whose story changed (``sections``); None when a section cannot be numbered (render them whole).
    The timeline's pictures, when its entries changed, are drawn on the other core meanwhile."""
    from . import sections as sec  # noqa: PLC0415

    counts = [StoryCounts(*row) for row in store.story_counts(SHOWN_RELATIONS)]
    shown = shown_stories(counts, articles)
    n_open, story_keys, version = opened(len(shown)), store.story_keys(), sec.version()
    wanted = {s.id: sec.section_key(version, story_keys[s.id], i < n_open) for i, s in enumerate(shown)}
    kept = sec.stored_sections(store, wanted)
    stale = store.stories_by_id([s.id for s in shown if s.id not in kept])
    log.info("pages: %d story sections kept, %d rendered", len(kept), len(stale))
    by_id = {a.id: a for a in articles}
    rows = {**{i: list(s.rows) for i, s in kept.items()}, **{s.id: sec.story_rows(s, by_id) for s in stale}}
    view = index_view(articles, counts, [r for s in shown for r in rows[s.id]],
                      sum(s.timeline for s in kept.values()) + sum(len(s.timeline) for s in stale),
                      n_claims=store.counts()[1], notes=(*store.notes(articles), *notes), failures=failures)
    with _pictures(store, timeline_dicts(view.timeline)) as pictures:
        made = sec.rendered(stale, {s.id for s in shown[:n_open]}, articles, store)
        if made is None:
            return None
        every = [({**kept, **made})[s.id] for s in shown]
        html, markdown, flags, sources = sec.joined(every)
        text = page_markdown(view, markdown, flags=flags, sources=sources)
        page = page_html(view, html, PLACEHOLDER)
        svg, png = pictures()
        page = _spliced(page, svg) or page_html(view, html, svg)
    if made:
        store.put_parts(sec.stored_form(made, wanted), keep=wanted)
    return [_write(stage / "report.html", page.encode("utf-8")), _write(stage / "report.md", text.encode("utf-8")),
            _write(stage / "timeline.svg", svg), _write(stage / "timeline.png", png)]


def _dossier_file(outdir: Path, failures: Sequence[Failure], notes: Sequence[str], store: Store,
                  articles: Sequence[Article] | None = None) -> Path:
    from . import write_dossier  # noqa: PLC0415

    return write_dossier(None, outdir, pieces=store.dossier_pieces(failures, notes, articles=articles))


@contextmanager
def _frozen() -> Iterator[None]:
    """What is read so far (every article, its text) out of the collector's view while the outputs
    are made: the forked processes below and this one no longer walk it at each full collection
    (nor, in a forked one, copy the pages it touches by walking). About 0.5 s CPU per process on
    BBC News' 2,092 articles; ``gc.freeze``, as ``pipeline._mapper`` does before its workers fork."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@dataclass(frozen=True)
class Made:
    """What a forked process made: the files it wrote and the parts to store (output -> part ->
    key, body), with the parts each output keeps (the others are dropped)."""

    files: list[Path]
    parts: dict[str, dict[str, tuple[str, str | bytes]]]
    keep: dict[str, list[str]]


def _stored_parts(store: Store, made: Callable[[], Made]) -> list[Path]:
    """The files a forked process wrote, once the parts it made are stored (by this process)."""
    result = made()
    store.put_parts(result.parts, keep_by_output=result.keep)
    return result.files


@contextmanager
def _alongside(store: Store, make: Callable[[Store], Made]) -> Iterator[Callable[[], Made]]:
    """``make(store)`` in a forked process (with a store of its own on the same file, only read)
    while the caller goes on: yields the call that waits for its result. In this process for a
    store in memory."""
    path = _file_of(store)
    if path is None:
        yield lambda: make(store)
        return
    with stopping(worker_pool(1)) as pool:
        future = pool.submit(_in_own_store, path, make)
        yield future.result


def _file_of(store: Store) -> str | None:
    """The store's file, or None for a store in memory (work is then done in this process)."""
    path = getattr(store, "path", None)
    return str(path) if path and path != ":memory:" else None


def _in_own_store(path: str, make: Callable[[Store], Made]) -> Made:
    from ..store.sqlite import SQLiteStore  # noqa: PLC0415

    store = SQLiteStore(path)
    try:
        return make(store)
    finally:
        store.close()


def _data_files(outdir: Path, failures: Sequence[Failure], notes: Sequence[str], store: Store) -> Made:
    """``dossier.json``, then the parts brought up to date and the tables and the provenance graph
    put together from them: the files, and the parts made, for the caller to store."""
    articles = store.analysed_articles()
    dossier = _dossier_file(outdir, failures, notes, store, articles)
    by_article, made_a = article_parts(store, articles)
    by_story, made_s = story_parts(store)
    parts = {**made_a, **made_s}
    keep = {**{name: by_article for name in made_a}, **{name: by_story for name in made_s}}  # parts of the rest are dropped
    files = [dossier, *_tables(store, by_article, by_story, parts, outdir), *_provenance(store, by_article, parts, outdir)]
    return Made(files, parts, keep)


def _shown(store: Store, articles: Sequence[Article]) -> tuple[list[StoryCounts], list[Story]]:
    """Every story's counts (the dossier's order), and the stories with a section, read whole."""
    counts = [StoryCounts(*row) for row in store.story_counts(SHOWN_RELATIONS)]
    return counts, store.stories_by_id([s.id for s in shown_stories(counts, articles)])


def read_in_part(store: Store, articles: Sequence[Article], failures: Sequence[Failure], notes: Sequence[str], *,
                 counts: Sequence[StoryCounts], shown: Sequence[Story]) -> tuple[Dossier, ReportView]:
    """The dossier the pages read and what they show, from the store read in part: of the stories with no section, their
    counts only (``StoryCounts``); of those shown, the records, and whole claims only where a page
    may show them (cited by the briefing, or linked from one of the facts shown:
    ``view.shown_claims`` picks from these); of the other claims of the facts it shows
    (``view.viewed_facts``), which article holds each (``ClaimRef``). ``counts`` and ``shown``: what
    ``_shown`` read."""
    stories = list(shown)
    viewed = {s.id: viewed_facts(s) for s in stories}
    refs = {i: ClaimRef(i, a) for i, a in
            store.claim_articles_of(sorted({c for facts in viewed.values() for f in facts for c in f.claims})).items()}
    whole: set[str] = set()
    for story in stories:
        whole.update(c for x in story.summary for c in x.claims)
        facts = [fact_view(f, {}, refs) for f in ranked_facts(story.facts)[:REPORT_CAPS.facts]]
        whole.update(c.id for f in facts for c in f.claims[:CLAIM_LINKS])
    dossier = Dossier(articles=tuple(articles), claims=tuple(store.claims_by_id(sorted(whole))),
                      stories=tuple(stories), failures=tuple(failures), notes=(*store.notes(articles), *notes))
    return dossier, report_view(dossier, refs=[r for i, r in refs.items() if i not in whole], counts=counts,
                                n_claims=store.counts()[1])


def _version() -> str:
    return keys.version("consilience.report.parts", "consilience.report.tables", "consilience.report.provenance",
                        libraries=("pyarrow", "networkx"))


Parts = dict[str, dict[str, tuple[str, str | bytes]]]  # output -> part -> (key, body)


def article_parts(store: Store, articles: Sequence[Article]) -> tuple[list[str], Parts]:
    """The parts of the articles whose key changed, rendered (to be stored with ``put_parts``, which
    drops those of articles gone): the article ids in the order of the dossier's claims (the parts
    kept), and the parts made."""
    from .provenance import article_provenance  # noqa: PLC0415
    from .tables import CLAIM_COLUMNS, claim_row, csv_text  # noqa: PLC0415

    version, extractions = _version(), store.extractions()
    wanted = {a.id: keys.digest(version, a.id, a.outlet, keys.analysed_state(a),
                                [(x.key, x.extractor) for x in [extractions.get(a.id)] if x]) for a in articles}
    stored = [store.part_keys(name) for name in ARTICLE_OUTPUTS]
    todo = [a for a in articles if any(k.get(a.id) != wanted[a.id] for k in stored)]
    made: Parts = {name: {} for name in ARTICLE_OUTPUTS}
    for k in range(0, len(todo), 200):  # a few MB of claims read at a time
        chunk = todo[k:k + 200]
        records = store.claim_records([a.id for a in chunk])
        for a in chunk:
            claims = [json.loads(r) for r in records.get(a.id, [])]
            rows = [claim_row(c, a.outlet) for c in claims]
            key = wanted[a.id]
            made["claims.csv"][a.id] = (key, csv_text(rows, CLAIM_COLUMNS, header=False))
            made["claims.arrow"][a.id] = (key, _arrow("claims", rows))
            made["provenance"][a.id] = (key, _json(article_provenance(a.to_dict(), claims)))
    return sorted(wanted), made


def story_parts(store: Store) -> tuple[list[str], Parts]:
    """The parts of the stories whose key changed, rendered: the story ids in the dossier's order
    (the parts kept), and the parts made."""
    from .tables import FACT_COLUMNS, csv_text, fact_rows  # noqa: PLC0415

    version = _version()
    ordered = store.story_keys_in_order()
    wanted = {i: keys.digest(version, k) for i, k in ordered}  # a story's key: every input of its record
    stored = [store.part_keys(name) for name in STORY_OUTPUTS]
    todo = [i for i in wanted if any(k.get(i) != wanted[i] for k in stored)]
    made: Parts = {name: {} for name in STORY_OUTPUTS}
    for k in range(0, len(todo), 200):
        chunk = todo[k:k + 200]
        for i, record in store.story_records(chunk).items():
            rows = fact_rows(json.loads(record))
            made["facts.csv"][i] = (wanted[i], csv_text(rows, FACT_COLUMNS, header=False))
            made["facts.arrow"][i] = (wanted[i], _arrow("facts", rows))
    return list(wanted), made


def _current(store: Store, output: str, order: Sequence[str], made: Parts) -> dict[str, Any]:
    """The bodies of ``output``'s parts in ``order``: made now, else stored."""
    new = made.get(output, {})
    stored = store.parts(output)
    return {i: new[i][1] if i in new else stored[i] for i in order}


def _tables(store: Store, by_article: list[str], by_story: list[str], made: Parts, outdir: Path) -> list[Path]:
    import pyarrow as pa  # noqa: PLC0415

    from .tables import CLAIM_COLUMNS, FACT_COLUMNS, SCHEMAS, csv_text, write_table  # noqa: PLC0415

    written = []
    for name, order, columns in (("claims", by_article, CLAIM_COLUMNS), ("facts", by_story, FACT_COLUMNS)):
        text, tables = _current(store, f"{name}.csv", order, made), _current(store, f"{name}.arrow", order, made)
        # One chunk, as ``pa.Table.from_pylist`` of every row makes it: the Parquet file's bytes follow the chunks.
        # No article or no story (inputs with nothing to claim): an empty table, as the whole writer makes it.
        table = (pa.concat_tables([pa.ipc.open_stream(tables[i]).read_all() for i in order]).combine_chunks()
                 if order else pa.Table.from_pylist([], schema=SCHEMAS[name]))
        written += write_table(outdir, name, csv_text([], columns) + "".join(text[i] for i in order), table)
    return written


def _arrow(name: str, rows: list[dict[str, Any]]) -> bytes:
    """``rows`` as an Arrow IPC stream of the table's schema."""
    import pyarrow as pa  # noqa: PLC0415

    from .tables import SCHEMAS  # noqa: PLC0415

    table = pa.Table.from_pylist(rows, schema=SCHEMAS[name])
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return bytes(sink.getvalue().to_pybytes())


def _pages(dossier: Dossier, view: ReportView, pictures: Callable[[], tuple[bytes, bytes]], out: Path) -> list[Path]:
    """report.html, report.md and the timeline pictures of ``view`` (of ``dossier``; ``pictures``
    waits for the SVG and PNG of its timeline): what ``report.page_steps`` writes."""
    from . import report_html, report_markdown  # noqa: PLC0415

    markdown = report_markdown(dossier, view=view)
    page = report_html(dossier, PLACEHOLDER, view=view)
    svg, png = pictures()
    page = _spliced(page, svg) or report_html(dossier, svg, view=view)
    return [_write(out / "report.html", page.encode("utf-8")), _write(out / "report.md", markdown.encode("utf-8")),
            _write(out / "timeline.svg", svg), _write(out / "timeline.png", png)]


# The timeline picture's stand-in while it is drawn: the page embeds the SVG as base64 in an <img>
# ``src`` attribute, where article text (escaped: no bare '"') cannot put the same characters.
PLACEHOLDER = b"<svg xmlns='http://www.w3.org/2000/svg'><!-- consilience: timeline drawn apart --></svg>"


def _embedded(svg: bytes) -> str:
    return f'src="data:image/svg+xml;base64,{base64.b64encode(svg).decode("ascii")}"'


def _spliced(page: str, svg: bytes) -> str | None:
    """``page`` with the timeline's SVG in place of ``PLACEHOLDER``; None unless it is there once."""
    marker = _embedded(PLACEHOLDER)
    return page.replace(marker, _embedded(svg)) if page.count(marker) == 1 else None


@contextmanager
def _pictures(store: Store, entries: list[dict[str, str | None]]) -> Iterator[Callable[[], tuple[bytes, bytes]]]:
    """The timeline's SVG and PNG: the stored ones while its entries (and the drawing code) are
    unchanged, else drawn in a forked process while the caller goes on (a store in memory: here).
    Yields the call that waits for them (and stores new ones)."""
    from . import timeline_pictures  # noqa: PLC0415

    key = keys.digest(keys.version("consilience.report.timeline_chart", libraries=("matplotlib",)), entries)
    stored = store.parts("timeline") if all(k == key for k in store.part_keys("timeline").values()) else {}
    if set(stored) == {"svg", "png"}:
        yield lambda: (stored["svg"], stored["png"])
        return

    def kept(pictures: tuple[bytes, bytes]) -> tuple[bytes, bytes]:
        svg, png = pictures
        store.put_parts({"timeline": {"svg": (key, svg), "png": (key, png)}}, keep=("svg", "png"))
        return svg, png

    if _file_of(store) is None:
        yield lambda: kept(timeline_pictures(entries))
        return
    with stopping(worker_pool(1)) as pool:
        future = pool.submit(timeline_pictures, entries)
        yield lambda: kept(future.result())


def _provenance(store: Store, by_article: list[str], made: Parts, outdir: Path) -> list[Path]:
    from .provenance import graph_of, write_graph  # noqa: PLC0415

    parts = _current(store, "provenance", by_article, made)
    return write_graph(graph_of(json.loads(parts[i]) for i in sorted(parts)), outdir)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)  # inside the staging folder: moved into place with the others
    return path


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
