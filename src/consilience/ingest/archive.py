"""Paths, folders, stdin, and the containers read as streams: zip, tar, gzip, WARC and JSON Lines.

Every container is read as a stream with the limits of ``ReadOptions`` checked as bytes arrive
(``limits.capped_read``): a member over a limit is a Failure and the members after it are still
read; an archive over its total limit stops with a Failure and keeps what was read before. A cut
archive keeps the members before the cut and says where it broke. Archives inside archives are
read down to ``max_depth``.
"""

from __future__ import annotations

import gzip
import io
import sys
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

import stream_unzip

from ..errors import InputError, MalformedInput
from ..records import Skipped
from .base import Item, failure
from .dispatch import read_bytes
from .jsonl import read_jsonl_stream
from .limits import (
    CHUNK,
    DEFAULT,
    ArchiveExhausted,
    Budget,
    CountingReader,
    ReadOptions,
    capped_read,
    checked_member_size,
)
from .walk import files_under, skip_reason
from .warc import read_warc_stream

ZIP = (".zip",)
TAR = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
WARC = (".warc", ".warc.gz")
JSONL = (".jsonl", ".ndjson")
ARCHIVES = ZIP + TAR
CONTAINERS = ZIP + TAR + WARC + JSONL + (".gz",)
_READ_ERRORS = (InputError, OSError, ValueError, EOFError, tarfile.TarError, zipfile.BadZipFile, zlib.error)


def read_path(path: str, options: ReadOptions = DEFAULT) -> Iterator[Item | Skipped]:
    """Every document under ``path``; anything unreadable becomes a Failure, never an exception."""
    if path == "-":
        yield from _guarded("-", lambda: _read_stdin(options))
        return
    p = Path(path)
    reason = skip_reason(p, options) if p.exists() else None
    if reason:
        yield Skipped(source=path, reason=reason)
    elif p.is_dir():
        for entry in files_under(p, options):
            yield from read_path(str(entry), options) if isinstance(entry, Path) else (entry,)
    elif not p.exists():
        yield failure(path, FileNotFoundError(f"{path}: no such file or directory; check the path"))
    else:
        yield from _guarded(path, lambda: _read_file(p, path, options))


def _guarded(source: str, make: Callable[[], Iterator[Item]]) -> Iterator[Item]:
    try:
        yield from make()
    except ArchiveExhausted:
        raise  # the whole archive stops; ``read_container`` reports it
    except _READ_ERRORS as e:
        yield failure(source, _explained(source, e))


def _explained(source: str, e: Exception) -> Exception:
    if isinstance(e, InputError):
        return e
    if isinstance(e, PermissionError):
        return InputError(f"{source}: permission denied; check the file's permissions")
    if isinstance(e, EOFError | zlib.error | gzip.BadGzipFile):
        return MalformedInput(f"{source}: truncated or corrupt compressed data ({e}); download it again")
    return e


def _read_stdin(options: ReadOptions) -> Iterator[Item]:
    data = capped_read(sys.stdin.buffer, "-", None, options)
    yield from read_bytes("-", data)


def _read_file(p: Path, name: str, options: ReadOptions) -> Iterator[Item]:
    lower = name.lower()
    if not lower.endswith(CONTAINERS):
        checked_member_size(p.stat().st_size, name, options)
        yield from read_bytes(name, p.read_bytes())
        return
    with p.open("rb") as f:
        budget = Budget(name, options, compressed_size=p.stat().st_size if _compressed(lower) else None)
        yield from read_container(name, f, budget, depth=1)


def _compressed(lower: str) -> bool:
    return lower.endswith((".zip", ".gz", ".tgz", ".bz2", ".tbz2", ".xz", ".txz"))


def read_container(name: str, stream: BinaryIO, budget: Budget, *, depth: int) -> Iterator[Item]:
    """The documents in the container ``stream`` named ``name``, within ``budget``."""
    lower = name.lower()
    options = budget.options
    try:
        if lower.endswith(ZIP):
            yield from _zip_members(name, stream, budget, depth)
        elif lower.endswith(TAR):
            yield from _tar_members(name, stream, budget, depth)
        elif lower.endswith(WARC):
            yield from read_warc_stream(name, stream, budget)
        elif lower.endswith(JSONL):
            yield from read_jsonl_stream(name, stream, options)
        else:  # .gz of anything else: the name without .gz says what is inside
            yield from _gunzipped(name, stream, budget, depth)
    except ArchiveExhausted as e:
        yield failure(name, e)


def _gunzipped(name: str, stream: BinaryIO, budget: Budget, depth: int) -> Iterator[Item]:
    inner = name[:-3]
    counted = CountingReader(stream)
    unzipped = gzip.GzipFile(fileobj=counted, mode="rb")  # type: ignore[arg-type]
    if inner.lower().endswith(JSONL + (".warc",)):
        yield from read_container(inner, unzipped, budget, depth=depth)  # type: ignore[arg-type]
        return
    try:
        data = capped_read(unzipped, name, budget, budget.options, compressed=counted.position)  # type: ignore[arg-type]
    except (EOFError, zlib.error, gzip.BadGzipFile) as e:
        raise MalformedInput(f"{name}: truncated or corrupt gzip ({e}); download it again") from e
    yield from _member(inner, data, budget, depth)


def _member(where: str, data: bytes, budget: Budget, depth: int) -> Iterator[Item]:
    """One member's documents: read as a file, or as an archive when it is one and not too deep."""
    if not where.lower().endswith(CONTAINERS) or where.lower().endswith(JSONL):
        yield from _guarded(where, lambda: read_bytes(where, data))
        return
    if depth >= budget.options.max_depth:
        yield failure(where, MalformedInput(
            f"{where}: an archive nested {depth + 1} deep is not read (the limit is {budget.options.max_depth}); "
            "unpack it first or raise --max-depth"))
        return
    yield from read_container(where, io.BytesIO(data), budget, depth=depth + 1)


def _zip_members(name: str, stream: BinaryIO, budget: Budget, depth: int) -> Iterator[Item]:
    try:
        zf = zipfile.ZipFile(stream)
    except zipfile.BadZipFile:
        stream.seek(0)
        yield from _zip_members_streamed(name, stream, budget, depth)
        return
    with zf:
        for info in sorted(zf.infolist(), key=lambda i: i.filename):
            if info.is_dir():
                continue
            budget.count_member()
            where = f"{name}!{info.filename}"
            yield from _guarded(where, lambda where=where, info=info: _zip_member(zf, info, where, budget, depth))


def _zip_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, where: str, budget: Budget, depth: int) -> Iterator[Item]:
    options = budget.options
    checked_member_size(info.file_size, where, options)
    if info.file_size > options.max_ratio * max(info.compress_size, 1) and info.file_size > 4 * 1024 * 1024:
        raise MalformedInput(f"{where}: would expand {info.file_size // max(info.compress_size, 1)}x (a "
                             f"decompression bomb?); the limit is {options.max_ratio}x (raise --max-ratio if you trust it)")
    with zf.open(info) as member:
        data = capped_read(member, where, budget, options)  # type: ignore[arg-type]
    yield from _member(where, data, budget, depth)


def _zip_members_streamed(name: str, stream: BinaryIO, budget: Budget, depth: int) -> Iterator[Item]:
    """A zip without its central directory (cut short): its members read one by one from the start."""
    n = 0
    chunks = iter(lambda: stream.read(65536), b"")
    try:
        for raw_name, _size, content in stream_unzip.stream_unzip(chunks):
            member = raw_name.decode("utf-8", "replace")
            where = f"{name}!{member}"
            data = b"".join(_capped_chunks(content, where, budget))
            if member.endswith("/"):
                continue
            budget.count_member()
            n += 1
            yield from _member(where, data, budget, depth)
    except (stream_unzip.UnzipError, zlib.error, ValueError) as e:
        yield failure(name, MalformedInput(
            f"{name}: a broken or cut zip ({type(e).__name__}); the {n} member(s) before the break were read, "
            "download it again for the rest"))


def _capped_chunks(content: Iterator[bytes], where: str, budget: Budget) -> Iterator[bytes]:
    """Chunks of one streamed zip member, refused past the member limit (the rest is drained, not kept)."""
    n = 0
    over = False
    for chunk in content:
        n += len(chunk)
        budget.spend(len(chunk))
        over = over or n > budget.options.max_member_bytes
        if not over:
            yield chunk
    if over:
        checked_member_size(n, where, budget.options)


def _tar_members(name: str, stream: BinaryIO, budget: Budget, depth: int) -> Iterator[Item]:
    n = 0
    try:
        with tarfile.open(fileobj=stream, mode="r|*") as tf:  # a stream: stored order, no seeking back
            for info in tf:
                if not info.isfile():
                    continue
                budget.count_member()
                n += 1
                where = f"{name}!{info.name}"
                yield from _guarded(where, lambda where=where, info=info: _tar_member(tf, info, where, budget, depth))
            if _tar_is_cut(tf, stream, budget):
                raise tarfile.ReadError("it ends without the end-of-archive mark")
    except (tarfile.ReadError, EOFError, zlib.error, gzip.BadGzipFile, OSError) as e:
        yield failure(name, MalformedInput(
            f"{name}: a broken or cut tar archive ({e}); the {n} member(s) before the break were read, "
            "download it again for the rest"))


def _tar_is_cut(tf: tarfile.TarFile, stream: BinaryIO, budget: Budget) -> bool:
    """tarfile takes a file cut at a member boundary for a complete one; this tells them apart."""
    inner = tf.fileobj
    decompressor = getattr(inner, "cmp", None)
    if decompressor is not None:  # compressed: its stream must reach its own end mark
        while chunk := inner.read(CHUNK):  # type: ignore[union-attr]
            budget.spend(len(chunk), kept=False)  # what follows the end mark counts too (a bomb may hide there)
        return not getattr(decompressor, "eof", True)
    if not stream.seekable():
        return False
    size = stream.seek(0, io.SEEK_END)
    return size < tf.offset + 2 * tarfile.BLOCKSIZE  # a complete tar ends with two zero blocks


def _tar_member(tf: tarfile.TarFile, info: tarfile.TarInfo, where: str, budget: Budget, depth: int) -> Iterator[Item]:
    f = tf.extractfile(info)
    if f is None:
        raise MalformedInput(f"{where}: unreadable archive member")
    if info.size > budget.options.max_member_bytes:
        # The next member is reached only by reading through this one: done here in big steps
        # (tarfile's own skip goes 10 KB at a time and copies its buffer each time: a minute for 400 MB).
        while chunk := f.read(CHUNK):
            budget.spend(len(chunk), kept=False)
        checked_member_size(info.size, where, budget.options)
    data = capped_read(f, where, budget, budget.options)  # type: ignore[arg-type]
    yield from _member(where, data, budget, depth)
