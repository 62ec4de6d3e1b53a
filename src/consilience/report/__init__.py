"""Writers: ``dossier.json`` (the contract) and the human-readable reports rendered from it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from ..lazy import lazy_attributes
from ..records import Dossier
from .html import report_html
from .json_dossier import dossier_json, load_dossier, write_dossier
from .markdown import report_markdown
from .publish import REPORT_FILES, published, staging
from .view import ReportView, report_view, timeline_dicts

__all__ = ["dossier_json", "load_dossier", "write_dossier", "write_outputs", "write_reports", "report_html",
           "report_markdown"]
Progress = Callable[[str, int, int | None], None]


def write_outputs(dossier: Dossier | None, outdir: str | Path, *, reports: bool = True,
                  progress: Progress | None = None, pieces: Iterable[str] | None = None) -> list[Path]:
    """``dossier.json`` and, with ``reports``, every report, moved into ``outdir`` together (dossier first in
    the list returned); on any failure ``outdir`` keeps the previous run's files and no temporary one.
    ``pieces``: the text of ``dossier.json`` when put together already (the store's ``dossier_pieces``);
    ``dossier`` may then be None when there are no reports."""
    with staging(outdir) as stage:
        first = write_dossier(dossier, stage, pieces=pieces)
        files = [first] + (_rendered(dossier, stage, progress) if reports and dossier is not None else [])
        return published(files, outdir, superseded=() if reports else REPORT_FILES)


def write_reports(dossier: Dossier, outdir: str | Path, progress: Progress | None = None) -> list[Path]:
    """Render every report of ``dossier`` into ``outdir`` (all moved in together); returns the files written."""
    with staging(outdir) as stage:
        return published(_rendered(dossier, stage, progress), outdir)


def _rendered(dossier: Dossier, outdir: Path, progress: Progress | None) -> list[Path]:
    from . import write_provenance, write_tables  # loaded on first use, below

    data = dossier.to_dict()  # tables and provenance read the JSON form, exactly what `consilience report` reads back
    return rendered_steps([*page_steps(dossier, report_view(dossier), outdir),
                           lambda: write_tables(data, outdir), lambda: write_provenance(data, outdir)], progress)


Pictures = Callable[[list[dict[str, str | None]]], tuple[bytes, bytes]]


def page_steps(dossier: Dossier, view: ReportView, out: Path, *,
               pictures: Pictures | None = None) -> list[Callable[[], list[Path]]]:
    """Writing report.html, report.md and the timeline pictures of ``view`` (of ``dossier``);
    ``pictures``: the SVG and PNG of the timeline's entries, when not drawn here."""
    svg, png = (pictures or timeline_pictures)(timeline_dicts(view.timeline))  # the SVG is inside report.html too
    return [
        lambda: [_write(out / "report.html", report_html(dossier, svg, view=view).encode("utf-8"))],
        lambda: [_write(out / "report.md", report_markdown(dossier, view=view).encode("utf-8"))],
        lambda: [_write(out / "timeline.svg", svg), _write(out / "timeline.png", png)],
    ]


def timeline_pictures(entries: list[dict[str, str | None]]) -> tuple[bytes, bytes]:
    """The timeline drawn as SVG and as PNG."""
    from . import timeline_drawings  # loaded on first use, below

    return timeline_drawings(entries)


def rendered_steps(steps: list[Callable[[], list[Path]]], progress: Progress | None) -> list[Path]:
    """The files ``steps`` write, in order, each step reported to ``progress`` ("report", done, total)."""
    written: list[Path] = []
    for i, step in enumerate(steps):
        written += step()
        if progress:
            progress("report", i + 1, len(steps))
    return written


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)  # inside the staging folder: moved into place with the others
    return path


# Loaded on first use (PEP 562): networkx, pyarrow and matplotlib, which the web app (`consilience
# serve`) does without. Module attributes all the same, so a test can replace one.
_LAZY = {"write_provenance": ".provenance", "write_tables": ".tables", "timeline_png": ".timeline_chart",
         "timeline_svg": ".timeline_chart", "timeline_drawings": ".timeline_chart"}


__getattr__ = lazy_attributes(__name__, _LAZY)
