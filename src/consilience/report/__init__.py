"""Writers: ``dossier.json`` (the contract) and the human-readable reports rendered from it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..records import Dossier
from .html import report_html
from .json_dossier import dossier_json, load_dossier, write_dossier
from .markdown import report_markdown
from .provenance import write_provenance
from .tables import write_tables
from .timeline_chart import timeline_png, timeline_svg
from .view import report_view, timeline_dicts

__all__ = ["dossier_json", "load_dossier", "write_dossier", "write_reports", "report_html", "report_markdown"]


def write_reports(dossier: Dossier, outdir: str | Path,
                  progress: Callable[[str, int, int | None], None] | None = None) -> list[Path]:
    """Render every report of ``dossier`` into ``outdir``; returns the files written."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
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
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return path
