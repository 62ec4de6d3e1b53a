"""``consilience ingest``: read, clean and store without analysing."""

from __future__ import annotations

from pathlib import Path

import typer

from .common import (
    DEFAULT_WORKERS,
    DbOption,
    JsonOption,
    PathsArg,
    QuietOption,
    VerboseOption,
    WorkersOption,
    app,
    checked_inputs,
    configure_logging,
    err,
    exit_code_for,
    failing_run,
    failures_json,
    print_json,
    progress_display,
    report_failures,
    writable_store,
)


@app.command()
def ingest(paths: PathsArg, db: DbOption = Path("consilience.db"), quiet: QuietOption = False,
           verbose: VerboseOption = 0, json_summary: JsonOption = False,
           workers: WorkersOption = DEFAULT_WORKERS) -> None:
    """Read, clean and store PATHS without analysing them."""
    configure_logging(verbose, quiet)
    paths = checked_inputs(paths)
    store = writable_store(db)
    with failing_run(verbose), progress_display(quiet) as progress:
        from ..pipeline import ingest as run_ingest

        result = run_ingest(paths, store=store, progress=progress, workers=workers)
    store.close()
    code = exit_code_for(result.failures)
    if json_summary:
        print_json({"store": str(db), "articles": len(result.ids), "new": result.added,
                    "failures": failures_json(result.failures), "exit_code": code})
    elif not quiet:
        err.print(f"{len(result.ids)} articles read, {result.added} new, stored in {db}", soft_wrap=True)
    report_failures(result.failures, quiet)
    raise typer.Exit(code)
