"""``consilience <command>``: each command lives in a module of its own; this one wires them to the app."""

from __future__ import annotations

import logging

from . import analyze, articles, fetch, ingest, report, watch  # noqa: F401  (each registers its command on ``app``)
from .common import app

__all__ = ["app", "main"]


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    app()
