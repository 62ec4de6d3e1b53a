"""Bytes -> text, with the checks every reader shares: empty, binary, too large, encoding."""

from __future__ import annotations

from collections.abc import Iterator

from charset_normalizer import from_bytes

from ..errors import BinaryInput, EmptyInput, MalformedInput, TooLarge

MAX_BYTES = 50 * 1024 * 1024
# A text file has almost no control bytes; 1% of C0 controls, or 0.1% of NULs, means a binary file
# (real pages do carry a stray NUL or two, which are dropped).
NUL_SHARE = 0.001
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def checked_size(size: int, source: str) -> None:
    if size > MAX_BYTES:
        raise TooLarge(f"{source}: {size / 1e6:.0f} MB is over the {MAX_BYTES // 2**20} MB limit; "
                       "split the file or pass its records as JSON Lines")


def decoded_text(data: bytes, source: str, *, declared: str | None = None) -> tuple[str, str]:
    """The text of ``data`` and the encoding used; raise an InputError when it is not text."""
    checked_size(len(data), source)
    if not data.strip():
        raise EmptyInput(f"{source}: the file is empty; check that the download finished")
    sample = data[:65536]
    if sample.count(b"\x00") > NUL_SHARE * len(sample) and not _looks_utf16(sample) or _control_share(sample) > 0.01:
        raise BinaryInput(f"{source}: binary data, not text; pass text, HTML, JSONL, WARC, feeds or archives")
    for enc in _candidates(data, declared):  # lazily: charset detection runs only when UTF-8 fails
        try:
            text = data.decode(enc)
            return (text.replace("\x00", "") if not enc.startswith("utf-16") else text), enc
        except (UnicodeDecodeError, LookupError):
            continue
    raise MalformedInput(f"{source}: the bytes match no known text encoding; re-save the file as UTF-8")


def _looks_utf16(sample: bytes) -> bool:
    return sample[:2] in (b"\xff\xfe", b"\xfe\xff")


def _control_share(sample: bytes) -> float:
    return (len(sample) - len(sample.translate(None, _CONTROL))) / max(len(sample), 1)


def _candidates(data: bytes, declared: str | None) -> Iterator[str]:
    yield "utf-8-sig"
    if declared:
        yield declared
    best = from_bytes(data[:200_000]).best()
    if best is not None:
        yield best.encoding
