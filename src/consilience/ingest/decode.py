"""Bytes -> text, with the checks every reader shares: empty, binary, too large, encoding."""

from __future__ import annotations

from collections.abc import Iterator

from charset_normalizer import from_bytes

from ..errors import BinaryInput, EmptyInput, MalformedInput

# A text file has almost no control bytes; 1% of C0 controls, or 0.1% of NULs, means a binary file
# (real pages do carry a stray NUL or two, which are dropped).
NUL_SHARE = 0.001
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
# UTF-16 without a byte order mark: in text of Latin letters every other byte is NUL (which byte
# says the order); in text of other scripts there are no NULs, and a strict decode that gives only
# printable characters is the test (random binary fails it within a few hundred bytes: an unpaired
# surrogate or a control character).
UTF16_NUL_SHARE = 0.3
PRINTABLE_SHARE = 0.98


def decoded_text(data: bytes, source: str, *, declared: str | None = None) -> tuple[str, str]:
    """The text of ``data`` and the encoding used; raise an InputError when it is not text.

    The size was checked by the caller, as the bytes arrived (``limits.capped_read``)."""
    if not data.strip(b" \t\r\n\x00"):
        raise EmptyInput(f"{source}: the file is empty; check that the download finished")
    sample = data[:65536]
    utf16 = utf16_encoding(sample)
    if utf16 is not None:
        return _utf16_text(data, utf16, source), utf16
    if sample.count(b"\x00") > NUL_SHARE * len(sample) or _control_share(sample) > 0.01:
        raise BinaryInput(f"{source}: binary data, not text; pass text, HTML, JSONL, WARC, feeds or archives")
    for enc in _candidates(data, declared):  # lazily: charset detection runs only when UTF-8 fails
        try:
            text = data.decode(enc).replace("\x00", "")
        except (UnicodeDecodeError, LookupError):
            continue
        if not text.strip():  # a byte order mark and nothing else
            raise EmptyInput(f"{source}: the file is empty; check that the download finished")
        return text, enc
    raise MalformedInput(f"{source}: the bytes match no known text encoding; re-save the file as UTF-8")


def utf16_encoding(sample: bytes) -> str | None:
    """``utf-16`` (with a byte order mark), ``utf-16-le``/``-be`` (without one), or None."""
    if sample[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    if len(sample) < 4 or len(sample) % 2 and len(sample) < 65536:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > UTF16_NUL_SHARE * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > UTF16_NUL_SHARE * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    if _control_share(sample) > 0.01 or sample.count(b"\x00") > NUL_SHARE * len(sample):
        for enc in ("utf-16-le", "utf-16-be"):
            if _printable_utf16(sample[: len(sample) // 2 * 2], enc):
                return enc
    return None


def _printable_utf16(sample: bytes, enc: str) -> bool:
    try:
        text = sample.decode(enc)
    except UnicodeDecodeError:
        return False
    good = sum(1 for ch in text if ch.isprintable() or ch in "\n\r\t")
    return good >= PRINTABLE_SHARE * len(text)


def _utf16_text(data: bytes, enc: str, source: str) -> str:
    try:
        text = data[: len(data) // 2 * 2].decode(enc)
    except UnicodeDecodeError as e:
        raise MalformedInput(f"{source}: UTF-16 text with broken characters ({e}); re-save the file as UTF-8") from e
    text = text.removeprefix("\ufeff").replace("\x00", "")
    if not text.strip():
        raise EmptyInput(f"{source}: the file is empty; check that the download finished")
    return text


def _control_share(sample: bytes) -> float:
    return (len(sample) - len(sample.translate(None, _CONTROL))) / max(len(sample), 1)


def _candidates(data: bytes, declared: str | None) -> Iterator[str]:
    yield "utf-8-sig"
    if declared:
        yield declared
    best = from_bytes(data[:200_000]).best()
    if best is not None:
        yield best.encoding
