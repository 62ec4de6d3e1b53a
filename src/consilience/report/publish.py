"""Outputs appear together or not at all: written into a hidden folder inside the output folder,
then moved into place (a rename on the same disk). A failure part way (a full disk, a crash in one
writer) leaves the previous run's files as they were and no temporary file behind.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

STAGING_PREFIX = ".consilience-staging-"
# Every file a run writes; a run without reports removes the old reports so that they are never
# read beside a dossier they do not belong to.
DOSSIER_FILE = "dossier.json"
REPORT_FILES = ("report.html", "report.md", "claims.csv", "claims.parquet", "facts.csv", "facts.parquet",
                "provenance.graphml", "provenance.json", "timeline.svg", "timeline.png")


@contextmanager
def staging(outdir: str | Path) -> Iterator[Path]:
    """A fresh hidden folder inside ``outdir`` to write into; removed on the way out, whatever happens."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob(STAGING_PREFIX + "*"):  # left by a run that was killed while writing
        shutil.rmtree(stale, ignore_errors=True)
    stage = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
    try:
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def published(files: list[Path], outdir: str | Path, *, superseded: tuple[str, ...] = ()) -> list[Path]:
    """Move ``files`` (in a staging folder) into ``outdir``; remove the ``superseded`` names this run did not write."""
    out = Path(outdir)
    names = {f.name for f in files}
    for name in superseded:
        if name not in names:
            (out / name).unlink(missing_ok=True)
    moved = []
    for f in files:
        os.replace(f, out / f.name)
        moved.append(out / f.name)
    return moved
