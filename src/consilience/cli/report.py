"""``consilience report``: re-render the reports of a saved dossier (reads no store, creates none)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import (
    OutOption,
    QuietOption,
    VerboseOption,
    app,
    checked_outdir,
    configure_logging,
    err,
    failing_run,
    progress_display,
    usage_error,
)

DossierArg = Annotated[Path, typer.Argument(help="A dossier.json written by `consilience analyze`.")]


@app.command()
def report(dossier: DossierArg, outdir: OutOption = Path("out"), quiet: QuietOption = False,
           verbose: VerboseOption = 0) -> None:
    """Re-render the reports of a saved DOSSIER into OUTDIR, without re-analysing."""
    configure_logging(verbose, quiet)
    if not dossier.is_file():
        usage_error(f"{dossier}: {'is a folder' if dossier.is_dir() else 'does not exist'}; "
                    "pass the dossier.json that `consilience analyze` wrote")
    checked_outdir(outdir)
    from ..report import load_dossier, write_reports

    try:
        data = load_dossier(dossier)
    except (OSError, ValueError) as e:
        usage_error(str(e))
    with failing_run(verbose), progress_display(quiet) as progress:
        written = write_reports(data, outdir, progress=progress)
    if not quiet:
        err.print(f"{len(written)} files -> {outdir}", soft_wrap=True)
