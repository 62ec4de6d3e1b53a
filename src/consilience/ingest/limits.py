"""How much reading may cost: the limits every reader checks as bytes arrive, and the walk's rules.

Every decompression and archive read goes through ``capped_read`` with a ``Budget``: a member is
refused as soon as it passes ``max_member_bytes`` or expands more than ``max_ratio`` times, and an
archive stops once everything expanded from it passes ``max_total_bytes``. Nothing is held in
memory beyond one member (at most ``max_member_bytes``) and one read chunk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, Protocol

from ..errors import TooLarge
from ..records import Article

MB = 1024 * 1024
CHUNK = 1 * MB
# A member must expand past this before its ratio is judged: a small file of repeated markup can
# expand 50-100x and is harmless; a bomb is refused after at most this many bytes.
RATIO_FLOOR = 4 * MB


@dataclass(frozen=True)
class ReadOptions:
    """Limits on reading and the folder walk's rules (``consilience analyze --help`` lists them as options).

    Defaults, and how they were chosen:
    - ``max_member_bytes`` 50 MB: one document (a file, an archive member, a WARC record, a JSON
      Lines line) as read or expanded. The largest page in 2,225 BBC and 520 ECB+ articles is
      under 1 MB; 50 MB keeps even a page of inlined images.
    - ``max_total_bytes`` 1 GB: everything expanded from one archive, WARC or compressed file.
    - ``max_ratio`` 100: expanded/compressed. News text and HTML gzip 3-10x (BBC JSON Lines: 2.8x,
      the seed pages 4-6x); zip and gzip bombs expand 1,000x and more.
    - ``max_members`` 100,000 per archive; ``max_depth`` 2: an archive inside an archive is read,
      one inside that is not.
    - ``max_article_chars`` 1,000,000: the cleaned text of one article (spaCy's own ``max_length``);
      a longer one is reported and skipped. Paragraphs over ``max_paragraph_chars`` (20,000) are
      broken at sentence ends before parsing.
    """

    max_member_bytes: int = 50 * MB
    max_total_bytes: int = 1024 * MB
    max_ratio: int = 100
    max_members: int = 100_000
    max_depth: int = 2
    max_article_chars: int = 1_000_000
    max_paragraph_chars: int = 20_000
    follow_symlinks: bool = False
    include_hidden: bool = False
    exclude: tuple[str, ...] = ()
    outputs: tuple[Path, ...] = ()


DEFAULT = ReadOptions()


class Budget:
    """What one archive (and the archives inside it) has expanded so far: bytes and members."""

    def __init__(self, source: str, options: ReadOptions, compressed_size: int | None = None) -> None:
        self.source, self.options, self.compressed_size = source, options, compressed_size
        self.expanded = 0
        self.kept = 0
        self.members = 0

    def spend(self, n: int, *, kept: bool = True) -> None:
        """Count ``n`` expanded bytes; ``kept``: held in memory (judged by the ratio too), else only read through."""
        self.expanded += n
        self.kept += n if kept else 0
        limit = self.options.max_total_bytes
        if self.expanded > limit:
            raise ArchiveExhausted(f"{self.source}: expands past the {limit // MB} MB total limit; the rest of it "
                                   "was not read (raise --max-total-mb if you trust the file)")
        if self.compressed_size and self.kept > RATIO_FLOOR and self.kept > self.options.max_ratio * self.compressed_size:
            raise ArchiveExhausted(f"{self.source}: expands more than {self.options.max_ratio}x (a decompression "
                                   "bomb?); the rest of it was not read (raise --max-ratio if you trust the file)")

    def count_member(self) -> None:
        self.members += 1
        if self.members > self.options.max_members:
            raise ArchiveExhausted(f"{self.source}: more than {self.options.max_members} members; the rest were "
                                   "not read (raise --max-members, or split the archive)")


class ArchiveExhausted(TooLarge):
    """The whole archive is over a limit: stop reading it (the members read so far are kept)."""


class Position(Protocol):
    def __call__(self) -> int: ...


def capped_read(stream: BinaryIO, where: str, budget: Budget | None, options: ReadOptions,
                *, compressed: Position | None = None) -> bytes:
    """All of ``stream``, refused as soon as it passes the member limit or expands too much.

    ``compressed``: how many compressed bytes have been consumed so far, for the ratio check.
    """
    chunks: list[bytes] = []
    n = 0
    while chunk := stream.read(CHUNK):
        n += len(chunk)
        if budget is not None:
            budget.spend(len(chunk))
        if n > options.max_member_bytes:
            raise TooLarge(too_large_message(where, n, options, partial=True))
        if compressed is not None and n > RATIO_FLOOR and n > options.max_ratio * max(compressed(), 1):
            raise TooLarge(f"{where}: expands more than {options.max_ratio}x (a decompression bomb?); refused "
                           "after reading a few MB (raise --max-ratio if you trust the file)")
        chunks.append(chunk)
    return b"".join(chunks)


def too_large_message(where: str, size: int, options: ReadOptions, *, partial: bool = False) -> str:
    over = "over" if partial else f"{size / MB:.0f} MB, over"
    return (f"{where}: {over} the {options.max_member_bytes // MB} MB limit for one document; split it, pass its "
            "records as JSON Lines, or raise --max-file-mb")


def checked_member_size(size: int | None, where: str, options: ReadOptions) -> None:
    """Refuse a member by the size its container declares, before reading a byte of it."""
    if size is not None and size > options.max_member_bytes:
        raise TooLarge(too_large_message(where, size, options))


class CountingReader:
    """A read-only file wrapper that counts the bytes read through it (the compressed side of a ratio)."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.count = 0

    def read(self, n: int = -1) -> bytes:
        data = self.raw.read(n)
        self.count += len(data)
        return data

    def readinto(self, b: bytearray) -> int:
        n = self.raw.readinto(b)  # type: ignore[attr-defined]
        self.count += n or 0
        return n or 0

    def readable(self) -> bool:
        return True

    def position(self) -> int:
        return self.count

    def __getattr__(self, name: str) -> object:
        return getattr(self.raw, name)


# Where a long paragraph may be broken: after a sentence's closing mark and its closing quotes or
# brackets, at the space before the next sentence.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*(\s)")
_SPACE = re.compile(r"\s")


def article_within_limits(article: Article, options: ReadOptions) -> Article:
    """``article`` with no paragraph longer than the parser takes; refused when its text is over the limit.

    A paragraph over ``max_paragraph_chars`` is broken at sentence ends (else at a space) by turning
    that one space into a line break: the text keeps its length, so every offset stays valid.
    """
    if len(article.text) > options.max_article_chars:
        raise TooLarge(f"{article.source}: {len(article.text):,} characters of text, over the "
                       f"{options.max_article_chars:,} limit for one article; split it, or raise --max-article-chars")
    text = broken_paragraphs(article.text, options.max_paragraph_chars, article.source)
    return article if text == article.text else replace(article, text=text)


def broken_paragraphs(text: str, max_chars: int, source: str) -> str:
    """``text`` with a line break put in every ``max_chars`` characters of a longer paragraph (one pass)."""
    if len(text) <= max_chars or max(map(len, text.split("\n"))) <= max_chars:
        return text
    out = list(text)
    start = 0
    for line in text.split("\n"):
        pos, end = start, start + len(line)
        while end - pos > max_chars:
            cut = _break_at(text, pos, pos + max_chars)
            if cut is None:
                raise TooLarge(f"{source}: {max_chars:,} characters without a space; not text an article holds "
                               "(raise --max-paragraph-chars if it is)")
            out[cut] = "\n"
            pos = cut + 1
        start = end + 1
    return "".join(out)


def _break_at(text: str, lo: int, hi: int) -> int | None:
    """The last sentence-end space in ``text[lo:hi]``, else the last space, else None (one scan)."""
    last = None
    for m in _SENTENCE_END.finditer(text, lo, hi):
        last = m.start(1)
    if last is not None and last > lo:
        return last
    for m in _SPACE.finditer(text, lo, hi):
        last = m.start()
    return last if last is not None and last > lo else None
