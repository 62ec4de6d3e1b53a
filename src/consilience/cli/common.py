"""What every command shares: the Typer app, option types, the progress display and the failure table."""

from __future__ import annotations

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
from ..records import Failure
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
OutOption = Annotated[Path, typer.Option("-o", "--out", help="Folder for dossier.json and the reports.")]


@contextmanager
def progress_display(quiet: bool) -> Iterator:  # type: ignore[type-arg]
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


def report_failures(failures: tuple[Failure, ...] | list[Failure], quiet: bool) -> None:
    if not failures:
        return
    table = Table(title=f"{len(failures)} input(s) failed", title_style="bold red")
    for col in ("source", "stage", "reason"):
        table.add_column(col, overflow="fold")
    for f in failures:
        table.add_row(f.source, f.stage, f"{f.code}: {f.message}")
    err.print(table)


def store_at(db: Path):  # type: ignore[no-untyped-def]
    try:
        return open_store(db)
    except ConsilienceError as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2) from e
