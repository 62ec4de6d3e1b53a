"""``consilience analyze``: ingest, run every stage, write the dossier and the reports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..pipeline import analyze as run_analyze
from ..report import write_dossier, write_reports
from .common import (
    DEFAULT_WORKERS,
    DbOption,
    OutOption,
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
def analyze(paths: PathsArg, outdir: OutOption = Path("out"), db: DbOption = Path("consilience.db"),
            quiet: QuietOption = False, workers: WorkersOption = DEFAULT_WORKERS,
            reports: Annotated[bool, typer.Option("--reports/--no-reports",
                                                  help="Also write report.html, report.md, CSV/Parquet, "
                                                       "provenance graph and timeline pictures.")] = True) -> None:
    """Ingest PATHS, run every stage, and write OUTDIR/dossier.json and the reports."""
    store = store_at(db)
    with progress_display(quiet) as progress:
        dossier = run_analyze(paths, store=store, progress=progress, workers=workers)
        path = write_dossier(dossier, outdir)
        if reports:
            write_reports(dossier, outdir, progress=progress)
    store.close()
    if not quiet:
        err.print(f"{len(dossier.articles)} articles, {len(dossier.claims)} claims, "
                  f"{len(dossier.stories)} stories -> {path}" + (f" and {outdir / 'report.html'}" if reports else ""))
    report_failures(dossier.failures, quiet)
    raise typer.Exit(1 if dossier.failures else 0)
