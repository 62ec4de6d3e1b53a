"""``consilience ingest``: read, clean and store without analysing."""

from __future__ import annotations

from pathlib import Path

import typer

from ..pipeline import ingest as run_ingest
from .common import (
    DEFAULT_WORKERS,
    DbOption,
    PathsArg,
    QuietOption,
    WorkersOption,
    app,
    err,
    progress_display,
    report_failures,
    store_at,
)


@app.command()
def ingest(paths: PathsArg, db: DbOption = Path("consilience.db"), quiet: QuietOption = False,
           workers: WorkersOption = DEFAULT_WORKERS) -> None:
    """Read, clean and store PATHS without analysing them."""
    store = store_at(db)
    with progress_display(quiet) as progress:
        result = run_ingest(paths, store=store, progress=progress, workers=workers)
    store.close()
    if not quiet:
        err.print(f"{len(result.ids)} articles read, {result.added} new, stored in {db}")
    report_failures(result.failures, quiet)
    raise typer.Exit(1 if result.failures else 0)
