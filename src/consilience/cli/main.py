"""``consilience <command>``: each command lives in a module of its own; this one wires them to the app.

The command modules import only Typer, Rich and ``cli/common.py`` at load time; the pipeline and the
report writers load inside the command that runs, so ``--help`` and ``--version`` answer at once.
"""

from __future__ import annotations

from . import analyze, articles, fetch, ingest, report, serve, watch  # noqa: F401  (each registers its command on ``app``)
from .common import app

__all__ = ["app", "main"]


def main() -> None:
    app()
