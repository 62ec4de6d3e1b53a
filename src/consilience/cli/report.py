"""``consilience report``: re-render the reports of a saved dossier."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..report import load_dossier, write_reports
from .common import OutOption, QuietOption, app, err, progress_display


@app.command()
def report(dossier: Annotated[Path, typer.Argument(help="A dossier.json written by `consilience analyze`.")],
           outdir: OutOption = Path("out"), quiet: QuietOption = False) -> None:
    """Re-render the reports of a saved DOSSIER into OUTDIR, without re-analysing."""
    try:
        data = load_dossier(dossier)
    except (OSError, ValueError) as e:
        err.print(f"[red]error:[/red] {e}", soft_wrap=True)
        raise typer.Exit(2) from e
    with progress_display(quiet) as progress:
        written = write_reports(data, outdir, progress=progress)
    if not quiet:
        err.print(f"{len(written)} files -> {outdir}")
