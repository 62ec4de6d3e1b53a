"""Options for what a run reads and how much (``analyze`` and ``ingest``), and the summary of an interrupted run.

The defaults and how they were chosen are in ``consilience.ingest.limits.ReadOptions``.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Annotated

import typer

from ..ingest.limits import DEFAULT, MB, ReadOptions
from ..records import Skipped
from .common import err

PANEL = "What is read, and limits"

MaxFileMb = Annotated[int, typer.Option("--max-file-mb", min=1, rich_help_panel=PANEL,
                                        help="Largest document, as read or expanded from an archive (MB).")]
MaxTotalMb = Annotated[int, typer.Option("--max-total-mb", min=1, rich_help_panel=PANEL,
                                         help="Most bytes expanded from one archive, WARC or compressed file (MB).")]
MaxRatio = Annotated[int, typer.Option("--max-ratio", min=1, rich_help_panel=PANEL,
                                       help="Most a compressed member may expand (expanded/compressed).")]
MaxMembers = Annotated[int, typer.Option("--max-members", min=1, rich_help_panel=PANEL,
                                         help="Most members read from one archive.")]
MaxDepth = Annotated[int, typer.Option("--max-depth", min=1, rich_help_panel=PANEL,
                                       help="Archives inside archives are read down to this depth.")]
MaxArticleChars = Annotated[int, typer.Option("--max-article-chars", min=1000, rich_help_panel=PANEL,
                                              help="Longest article text (characters, after cleaning).")]
MaxParagraphChars = Annotated[int, typer.Option("--max-paragraph-chars", min=1000, rich_help_panel=PANEL,
                                                help="Longer paragraphs are broken at sentence ends before parsing.")]
FollowSymlinks = Annotated[bool, typer.Option("--follow-symlinks", rich_help_panel=PANEL,
                                              help="Follow links that lead out of a folder given as input.")]
IncludeHidden = Annotated[bool, typer.Option("--include-hidden", rich_help_panel=PANEL,
                                             help="Read hidden files and folders (names starting with '.').")]
Exclude = Annotated[list[str] | None, typer.Option("--exclude", rich_help_panel=PANEL, metavar="GLOB",
                                                   help="Leave out files and folders matching GLOB (repeatable).")]


def read_options(*, max_file_mb: int, max_total_mb: int, max_ratio: int, max_members: int, max_depth: int,
                 max_article_chars: int, max_paragraph_chars: int, follow_symlinks: bool, include_hidden: bool,
                 exclude: list[str] | None, outputs: tuple[Path, ...]) -> ReadOptions:
    return ReadOptions(max_member_bytes=max_file_mb * MB, max_total_bytes=max_total_mb * MB, max_ratio=max_ratio,
                       max_members=max_members, max_depth=max_depth, max_article_chars=max_article_chars,
                       max_paragraph_chars=max_paragraph_chars, follow_symlinks=follow_symlinks,
                       include_hidden=include_hidden, exclude=tuple(exclude or ()), outputs=outputs)


def store_files(db: Path) -> tuple[Path, ...]:
    """The store and the files SQLite keeps beside it: never read as input."""
    return (db, *(db.with_name(db.name + suffix) for suffix in ("-wal", "-shm", "-journal")))


DEFAULTS = {"max_file_mb": DEFAULT.max_member_bytes // MB, "max_total_mb": DEFAULT.max_total_bytes // MB,
            "max_ratio": DEFAULT.max_ratio, "max_members": DEFAULT.max_members, "max_depth": DEFAULT.max_depth,
            "max_article_chars": DEFAULT.max_article_chars, "max_paragraph_chars": DEFAULT.max_paragraph_chars}


class Stopped(BaseException):
    """SIGTERM, turned into an exception so that the run stops the way Ctrl-C stops it."""


@contextmanager
def stop_on_sigterm() -> Iterator[None]:
    """Inside, SIGTERM raises ``Stopped`` (the previous handler is put back on the way out)."""
    def handler(signum: int, frame: FrameType | None) -> None:
        raise Stopped(signum)

    if threading.current_thread() is not threading.main_thread():  # only the main thread may set handlers
        yield
        return
    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


# Seconds an interrupted run may take to exit after its summary before it is ended outright.
EXIT_GRACE_S = 10.0


def interrupted(db: Path, stored: int) -> typer.Exit:
    """The one-line summary of a run stopped by Ctrl-C or SIGTERM; the exit to raise. Everything
    worth keeping is stored by then, so an exit that hangs (a worker pipe left half-written) is cut
    short after ``EXIT_GRACE_S``: a stopped run must stop."""
    err.print(f"interrupted: {stored} articles are in {db} (every batch finished before the stop is kept); "
              "run the same command again to go on", soft_wrap=True)
    timer = threading.Timer(EXIT_GRACE_S, _exit_now, args=(130,))
    timer.daemon = True
    timer.start()
    return typer.Exit(130)


def _exit_now(code: int) -> None:
    sys.stderr.flush()
    os._exit(code)


def report_skipped(skipped: tuple[Skipped, ...] | list[Skipped], quiet: bool, *, shown: int = 20) -> None:
    """One line per entry left out on purpose (the first ``shown``), so nothing is left out silently."""
    if quiet or not skipped:
        return
    err.print(f"{len(skipped)} entr{'y' if len(skipped) == 1 else 'ies'} not read on purpose:")
    for s in skipped[:shown]:
        err.print(f"  {s.source}: {s.reason}", soft_wrap=True, markup=False, highlight=False)
    if len(skipped) > shown:
        err.print(f"  ... and {len(skipped) - shown} more")
