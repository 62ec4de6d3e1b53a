"""Writers: ``dossier.json`` (the contract) and the human-readable reports rendered from it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..records import Dossier
from .html import report_html
from .json_dossier import dossier_json, load_dossier, write_dossier
from .markdown import report_markdown
from .publish import REPORT_FILES, published, staging
from .view import report_view, timeline_dicts

__all__ = ["dossier_json", "load_dossier", "write_dossier", "write_outputs", "write_reports", "report_html",
           "report_markdown"]
Progress = Callable[[str, int, int | None], None]


def write_outputs(dossier: Dossier, outdir: str | Path, *, reports: bool = True,
                  progress: Progress | None = None) -> list[Path]:
    """``dossier.json`` and, with ``reports``, every report, moved into ``outdir`` together (dossier first in
    the list returned); on any failure ``outdir`` keeps the previous run's files and no temporary one."""
    with staging(outdir) as stage:
        files = [write_dossier(dossier, stage)] + (_rendered(dossier, stage, progress) if reports else [])
        return published(files, outdir, superseded=() if reports else REPORT_FILES)


def write_reports(dossier: Dossier, outdir: str | Path, progress: Progress | None = None) -> list[Path]:
    """Render every report of ``dossier`` into ``outdir`` (all moved in together); returns the files written."""
    with staging(outdir) as stage:
        return published(_rendered(dossier, stage, progress), outdir)


def _rendered(dossier: Dossier, outdir: Path, progress: Progress | None) -> list[Path]:
    # Loaded here: networkx, pyarrow and matplotlib, which the web app (`consilience serve`) does without.
    from .provenance import write_provenance
    from .tables import write_tables
    from .timeline_chart import timeline_png, timeline_svg

    out = outdir
    data = dossier.to_dict()  # tables and provenance read the JSON form, exactly what `consilience report` reads back
    view = report_view(dossier)
    entries = timeline_dicts(view.timeline)
    svg = timeline_svg(entries)  # drawn once: its own file and the picture inside report.html
    steps: list[Callable[[], list[Path]]] = [
        lambda: [_write(out / "report.html", report_html(dossier, svg, view=view).encode("utf-8"))],
        lambda: [_write(out / "report.md", report_markdown(dossier).encode("utf-8"))],
        lambda: write_tables(data, out),
        lambda: write_provenance(data, out),
        lambda: [_write(out / "timeline.svg", svg), _write(out / "timeline.png", timeline_png(entries))],
    ]
    written: list[Path] = []
    for i, step in enumerate(steps):
        written += step()
        if progress:
            progress("report", i + 1, len(steps))
    return written


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)  # inside the staging folder: moved into place with the others
    return path
