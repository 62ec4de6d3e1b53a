"""Walking a folder: which files are read, in which order, and every entry left out with its reason.

Rules, in the order they are checked for each entry (sorted by name, so runs are repeatable):
1. the run's own output folder and store are never read (``ReadOptions.outputs``), nor a folder
   holding a consilience ``dossier.json`` (an earlier run's output);
2. ``--exclude`` globs, matched against the path below the folder and against the name;
3. hidden entries (a name starting with ``.``) are skipped unless ``include_hidden``;
4. a symbolic link is followed only when its target stays inside the folder, unless
   ``follow_symlinks``; a dangling link is a failure; a folder is entered once even when links lead
   to it again;
5. only regular files are read (a FIFO would block the run forever; devices and sockets are no articles);
6. a folder that cannot be listed is a failure, and the walk goes on.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..records import Failure, Skipped
from .limits import ReadOptions

DOSSIER_MARK = b'"format": "consilience.dossier/'


class Unreadable(InputError):
    code = "unreadable"


class DanglingLink(InputError):
    code = "dangling_link"


def files_under(root: Path, options: ReadOptions) -> Iterator[Path | Failure | Skipped]:
    """Every regular file under ``root`` to read, and a Skipped or Failure for each entry left out."""
    base = root.resolve()
    yield from _walk(root, root, base, options, {base})


def skip_reason(path: Path, options: ReadOptions) -> str | None:
    """Why ``path`` (given by the user or met in a walk) must not be read, or None."""
    real = path.resolve()
    for out in options.outputs:
        target = out.resolve()
        if real == target or target in real.parents:
            return "the run's own output or store; it is never read as input"
    if path.is_dir() and _holds_dossier(path):
        return "a consilience output folder (holds a dossier.json); pass the dossier to `consilience report` instead"
    return None


def _walk(folder: Path, root: Path, base: Path, options: ReadOptions, seen: set[Path]) -> Iterator[Path | Failure | Skipped]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as e:
        yield Failure(source=str(folder), stage="read", code="unreadable",
                      message=f"{folder}: cannot list this folder ({e.strerror or e}); check its permissions")
        return
    for entry in entries:
        path = Path(entry.path)
        verdict = _verdict(path, entry, root, base, options)
        if verdict is not None:
            yield verdict
            continue
        if path.is_dir():
            real = path.resolve()
            if real in seen:
                yield Skipped(source=str(path), reason="a link to a folder already read")
                continue
            yield from _walk(path, root, base, options, seen | {real})
        elif stat.S_ISREG(path.stat().st_mode):
            yield path
        else:
            yield Skipped(source=str(path), reason="not a regular file (a pipe, socket or device)")


def _verdict(path: Path, entry: os.DirEntry[str], root: Path, base: Path, options: ReadOptions) -> Failure | Skipped | None:
    """A Skipped or Failure when ``entry`` is left out, None when it is read (or entered)."""
    reason = skip_reason(path, options)
    if reason:
        return Skipped(source=str(path), reason=reason)
    relative = path.relative_to(root).as_posix()
    for pattern in options.exclude:
        if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(entry.name, pattern):
            return Skipped(source=str(path), reason=f"excluded by --exclude {pattern}")
    if entry.name.startswith(".") and not options.include_hidden:
        return Skipped(source=str(path), reason="hidden; pass --include-hidden to read it")
    if entry.is_symlink():
        return _link_verdict(path, base, options)
    return None


def _link_verdict(path: Path, base: Path, options: ReadOptions) -> Failure | Skipped | None:
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError) as e:
        return Failure(source=str(path), stage="read", code=DanglingLink.code,
                       message=f"{path}: a link to something that does not exist ({e}); fix or remove the link")
    if options.follow_symlinks or target == base or base in target.parents:
        return None
    return Skipped(source=str(path), reason=f"a link out of the folder (to {target}); pass --follow-symlinks to read it")


def _holds_dossier(folder: Path) -> bool:
    try:
        with (folder / "dossier.json").open("rb") as f:
            return DOSSIER_MARK in f.read(256)
    except OSError:
        return False
