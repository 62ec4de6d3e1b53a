"""Directories (recursive, sorted), zip and tar archives, gzip files and ``-`` for stdin."""

from __future__ import annotations

import gzip
import sys
import tarfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, MalformedInput
from .base import Item, failure
from .decode import checked_size
from .dispatch import read_bytes

ARCHIVES = (".zip", ".tar.gz", ".tgz", ".tar")


def read_path(path: str) -> Iterator[Item]:
    """Every document under ``path``; anything unreadable becomes a Failure, never an exception."""
    if path == "-":
        yield from _guarded("-", lambda: read_bytes("-", sys.stdin.buffer.read()))
        return
    p = Path(path)
    if p.is_dir():
        for child in sorted(c for c in p.rglob("*") if c.is_file() and not c.name.startswith(".")):
            yield from read_path(str(child))
        return
    if not p.exists():
        yield failure(path, FileNotFoundError(f"{path}: no such file or directory; check the path"))
        return
    yield from _guarded(path, lambda: _read_file(p, path))


def _guarded(source: str, make: object) -> Iterator[Item]:
    try:
        yield from make()  # type: ignore[operator]
    except (InputError, OSError, ValueError, EOFError, tarfile.TarError, zipfile.BadZipFile) as e:
        yield failure(source, e)


def _read_file(p: Path, name: str) -> Iterator[Item]:
    checked_size(p.stat().st_size, name)
    lower = name.lower()
    if lower.endswith(".zip"):
        yield from _zip_members(p, name)
    elif lower.endswith((".tar.gz", ".tgz", ".tar")):
        yield from _tar_members(p, name)
    elif lower.endswith(".gz") and not lower.endswith(".warc.gz"):
        yield from read_bytes(name[:-3], _gunzipped(p, name))
    else:
        yield from read_bytes(name, p.read_bytes())


def _gunzipped(p: Path, name: str) -> bytes:
    try:
        return gzip.decompress(p.read_bytes())
    except (OSError, EOFError) as e:
        raise MalformedInput(f"{name}: truncated or corrupt gzip ({e}); download it again") from e


def _zip_members(p: Path, name: str) -> Iterator[Item]:
    with zipfile.ZipFile(p) as zf:
        for info in sorted(zf.infolist(), key=lambda i: i.filename):
            if info.is_dir():
                continue
            where = f"{name}!{info.filename}"
            yield from _guarded(where, lambda where=where, info=info: _member(where, info.file_size, lambda: zf.read(info)))


def _tar_members(p: Path, name: str) -> Iterator[Item]:
    with tarfile.open(p) as tf:
        for info in sorted(tf.getmembers(), key=lambda i: i.name):
            if not info.isfile():
                continue
            where = f"{name}!{info.name}"
            yield from _guarded(where, lambda where=where, info=info: _member(where, info.size, lambda: _tar_read(tf, info)))


def _tar_read(tf: tarfile.TarFile, info: tarfile.TarInfo) -> bytes:
    f = tf.extractfile(info)
    if f is None:
        raise MalformedInput(f"{info.name}: unreadable archive member")
    return f.read()


def _member(where: str, size: int, read: object) -> Iterator[Item]:
    checked_size(size, where)
    yield from read_bytes(where, read())  # type: ignore[operator]
