"""``consilience analyze | ingest | articles``."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..errors import ConsilienceError
from ..pipeline import analyze as run_analyze
from ..pipeline import ingest as run_ingest
from ..records import Failure
from ..report import load_dossier, write_dossier, write_reports
from ..store import open_store

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Read many news reports about the same events and say what they establish together.")
err = Console(stderr=True)
out = Console()

DEFAULT_WORKERS = min(os.cpu_count() or 1, 4)
DbOption = Annotated[Path, typer.Option("--db", help="SQLite store of ingested articles.")]
WorkersOption = Annotated[int, typer.Option("--workers", "-j", min=1,
                                            help="Processes for extraction and parsing (default: CPU count, max 4).")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary; errors only.")]
PathsArg = Annotated[list[str], typer.Argument(help="Files, folders, archives, or - for stdin.")]


@contextmanager
def _progress(quiet: bool) -> Iterator:  # type: ignore[type-arg]
    if quiet:
        yield lambda stage, done, total: None
        return
    bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn(), console=err, transient=True)
    tasks: dict[str, int] = {}

    def report(stage: str, done: int, total: int | None) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=total)
        bar.update(tasks[stage], completed=done, total=total)

    with bar:
        yield report


def _report_failures(failures: tuple[Failure, ...] | list[Failure], quiet: bool) -> None:
    if not failures:
        return
    table = Table(title=f"{len(failures)} input(s) failed", title_style="bold red")
    for col in ("source", "stage", "reason"):
        table.add_column(col, overflow="fold")
    for f in failures:
        table.add_row(f.source, f.stage, f"{f.code}: {f.message}")
    err.print(table)


OutOption = Annotated[Path, typer.Option("-o", "--out", help="Folder for dossier.json and the reports.")]


@app.command()
def analyze(paths: PathsArg, outdir: OutOption = Path("out"), db: DbOption = Path("consilience.db"),
            quiet: QuietOption = False, workers: WorkersOption = DEFAULT_WORKERS,
            reports: Annotated[bool, typer.Option("--reports/--no-reports",
                                                  help="Also write report.html, report.md, CSV/Parquet, "
                                                       "provenance graph and timeline pictures.")] = True) -> None:
    """Ingest PATHS, run every stage, and write OUTDIR/dossier.json and the reports."""
    store = _store(db)
    with _progress(quiet) as progress:
        dossier = run_analyze(paths, store=store, progress=progress, workers=workers)
        path = write_dossier(dossier, outdir)
        if reports:
            write_reports(load_dossier(path), outdir, progress=progress)
    store.close()
    if not quiet:
        err.print(f"{len(dossier.articles)} articles, {len(dossier.claims)} claims, "
                  f"{len(dossier.stories)} stories -> {path}" + (f" and {outdir / 'report.html'}" if reports else ""))
    _report_failures(dossier.failures, quiet)
    raise typer.Exit(1 if dossier.failures else 0)


@app.command()
def ingest(paths: PathsArg, db: DbOption = Path("consilience.db"), quiet: QuietOption = False,
           workers: WorkersOption = DEFAULT_WORKERS) -> None:
    """Read, clean and store PATHS without analysing them."""
    store = _store(db)
    with _progress(quiet) as progress:
        result = run_ingest(paths, store=store, progress=progress, workers=workers)
    store.close()
    if not quiet:
        err.print(f"{len(result.ids)} articles read, {result.added} new, stored in {db}")
    _report_failures(result.failures, quiet)
    raise typer.Exit(1 if result.failures else 0)


@app.command()
def report(dossier: Annotated[Path, typer.Argument(help="A dossier.json written by `consilience analyze`.")],
           outdir: OutOption = Path("out"), quiet: QuietOption = False) -> None:
    """Re-render the reports of a saved DOSSIER into OUTDIR, without re-analysing."""
    try:
        data = load_dossier(dossier)
    except (OSError, ValueError) as e:
        err.print(f"[red]error:[/red] {e}", soft_wrap=True)
        raise typer.Exit(2) from e
    with _progress(quiet) as progress:
        written = write_reports(data, outdir, progress=progress)
    if not quiet:
        err.print(f"{len(written)} files -> {outdir}")


@app.command()
def articles(db: DbOption = Path("consilience.db")) -> None:
    """List the stored articles."""
    store = _store(db)
    table = Table()
    for col in ("id", "published", "outlet", "title", "source"):
        table.add_column(col, overflow="fold")
    for a in store.articles():
        table.add_row(a.id, a.published.date or (f"{a.published.earliest or '?'}..{a.published.latest or '?'}"),
                      a.outlet or "", (a.title or a.text[:60]), a.source)
    store.close()
    out.print(table)


def _store(db: Path):  # type: ignore[no-untyped-def]
    try:
        return open_store(db)
    except ConsilienceError as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2) from e


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    app()
