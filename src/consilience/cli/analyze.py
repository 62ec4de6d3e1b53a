"""``consilience analyze``: ingest, run every stage, write the dossier and the reports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..fetch import Crawl
from ..pipeline import analyze as run_analyze
from ..report import write_dossier, write_reports
from .common import (
    DEFAULT_WORKERS,
    DbOption,
    OutOption,
    QuietOption,
    WorkersOption,
    app,
    err,
    progress_display,
    report_failures,
    store_at,
)
from .fetch import AllowPrivateOption, InputsArg, UrlsFileOption, inputs_of, settings_of


@app.command()
def analyze(paths: InputsArg = None, outdir: OutOption = Path("out"), db: DbOption = Path("consilience.db"),
            quiet: QuietOption = False, workers: WorkersOption = DEFAULT_WORKERS,
            reports: Annotated[bool, typer.Option("--reports/--no-reports",
                                                  help="Also write report.html, report.md, CSV/Parquet, "
                                                       "provenance graph and timeline pictures.")] = True,
            urls_file: UrlsFileOption = None, allow_private: AllowPrivateOption = False) -> None:
    """Ingest PATHS (files, folders, archives, article URLs, feeds, sitemaps), run every stage, and write
    OUTDIR/dossier.json and the reports."""
    inputs = inputs_of(paths, urls_file)
    store = store_at(db)
    with progress_display(quiet) as progress, Crawl(settings_of(allow_private=allow_private)) as crawl:
        dossier = run_analyze(inputs, store=store, progress=progress, workers=workers, read_urls=crawl)
        path = write_dossier(dossier, outdir)
        if reports:
            write_reports(dossier, outdir, progress=progress)
    store.close()
    if not quiet:
        err.print(f"{len(dossier.articles)} articles, {len(dossier.claims)} claims, "
                  f"{len(dossier.stories)} stories -> {path}" + (f" and {outdir / 'report.html'}" if reports else ""))
    report_failures(dossier.failures, quiet)
    raise typer.Exit(1 if dossier.failures else 0)
