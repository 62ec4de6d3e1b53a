"""Hypothesis fuzzing of every reader and of the cleaner: whatever the bytes, a reader yields documents or
raises an ``InputError`` (which becomes a Failure), ``read_inputs`` never raises, and the cleaner never
crashes and gives the same answer twice.

Each test has a fixed budget: ``MAX_EXAMPLES`` examples of at most a few KB, each under ``DEADLINE``;
runs are derandomized so that CI sees the same examples every time (raise the budget locally with
``CONSILIENCE_FUZZ_EXAMPLES=2000`` to search harder).
"""

from __future__ import annotations

import gzip
import io
import json
import os
import tarfile
import zipfile
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from consilience.errors import InputError
from consilience.ingest import read_inputs
from consilience.ingest.feed import read_feed
from consilience.ingest.html import read_html
from consilience.ingest.jsonl import read_json, read_jsonl
from consilience.ingest.text import read_text
from consilience.ingest.warc import read_warc
from consilience.records import Failure, RawDocument, Skipped

MAX_EXAMPLES = int(os.environ.get("CONSILIENCE_FUZZ_EXAMPLES", "120"))
DEADLINE = timedelta(seconds=3)
FUZZ = settings(max_examples=MAX_EXAMPLES, deadline=DEADLINE, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

TAGS = ["<p>", "</p>", "<div>", "</div>", "<script>", "</script>", "<html>", "<body>", "<meta charset='utf-16'>",
        "<!--", "-->", "<![CDATA[", "]]>", "<title>", "&amp;", "&#0;", "&#xD800;", "<a href='javascript:x'>", "\x00",
        "\ufeff", "\u202e", "<", ">", "&"]
words = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
markup = st.lists(st.one_of(st.sampled_from(TAGS), words), max_size=60).map("".join)
encodings = st.sampled_from(["utf-8", "utf-16", "utf-16-le", "latin-1", "cp1251", "euc-kr", "utf-8-sig"])


def _encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


def _mutated(data: bytes, cut: int, flips: list[int]) -> bytes:
    """``data`` cut at ``cut`` (a fraction in 0..1000 of its length) with a few bytes flipped."""
    out = bytearray(data[: max(1, len(data) * cut // 1000)])
    for i in flips:
        if out:
            out[i % len(out)] ^= 0xFF
    return bytes(out)


def _items(reader: Callable[[str, bytes], Iterator[RawDocument | Failure]], name: str, data: bytes) -> list[object]:
    try:
        items = list(reader(name, data))
    except InputError:
        return []
    assert all(isinstance(i, RawDocument | Failure) for i in items)
    for i in items:
        if isinstance(i, RawDocument):
            assert isinstance(i.body, str) and i.body.strip()
            assert i.url is None or i.url.startswith(("http://", "https://"))
    return items


@FUZZ
@given(raw=st.binary(max_size=4096))
def test_every_reader_takes_any_bytes(raw: bytes) -> None:
    for reader, name in ((read_text, "a.txt"), (read_html, "a.html"), (read_jsonl, "a.jsonl"), (read_json, "a.json"),
                         (read_feed, "a.rss"), (read_warc, "a.warc")):
        _items(reader, name, raw)


@FUZZ
@given(text=st.one_of(markup, words), encoding=encodings)
def test_text_and_html_readers_take_any_text_in_any_encoding(text: str, encoding: str) -> None:
    data = _encoded(text, encoding)
    _items(read_text, "a.txt", data)
    _items(read_html, "a.html", data)


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | words,
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(words, inner, max_size=4),
                           max_leaves=12)
records = st.dictionaries(st.sampled_from(["text", "html", "maintext", "raw_text", "url", "source", "title",
                                           "published", "date_publish", "authors", "author", "outlet", "format"]),
                          json_values | words, max_size=6)


@FUZZ
@given(recs=st.lists(records | json_values, max_size=5), junk=st.lists(words, max_size=3))
def test_json_readers_take_any_records_and_junk_lines(recs: list[object], junk: list[str]) -> None:
    lines = [json.dumps(r) for r in recs] + junk
    data = "\n".join(lines).encode("utf-8")
    items = _items(read_jsonl, "a.jsonl", data)
    assert len(items) <= len([line for line in data.split(b"\n") if line.strip()])
    _items(read_json, "a.json", json.dumps(recs).encode("utf-8"))


@FUZZ
@given(title=words, summary=st.one_of(markup, words), link=words, date=words, cut=st.integers(1, 1000))
def test_feed_reader_takes_any_entry_and_any_cut(title: str, summary: str, link: str, date: str, cut: int) -> None:
    def esc(s: str) -> str:
        return s.replace("&", "&amp;").replace("<", "&lt;")

    feed = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{esc(title)}</title><item><title>{esc(title)}'
            f"</title><link>{esc(link)}</link><pubDate>{esc(date)}</pubDate><description>{esc(summary)}"
            "</description></item></channel></rss>").encode("utf-8", errors="replace")
    _items(read_feed, "a.rss", feed)
    _items(read_feed, "a.rss", feed[: max(1, len(feed) * cut // 1000)])


def _warc(pages: list[bytes], gz: bool) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for i, page in enumerate(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record(f"https://a.example/{i}", "response",
                                                      payload=io.BytesIO(page), http_headers=headers))
    return buf.getvalue()


@FUZZ
@given(pages=st.lists(markup.map(lambda s: s.encode("utf-8", errors="replace")), min_size=1, max_size=3),
       gz=st.booleans(), cut=st.integers(1, 1000), flips=st.lists(st.integers(0, 10**6), max_size=3))
def test_warc_reader_takes_cut_and_corrupted_files(pages: list[bytes], gz: bool, cut: int, flips: list[int]) -> None:
    _items(read_warc, "a.warc.gz" if gz else "a.warc", _mutated(_warc(pages, gz), cut, flips))


def _archive(kind: str, members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    if kind == "zip":
        with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name, data in members.items():
                zf.writestr(name, data)
    elif kind == "gz":
        return gzip.compress(b"".join(members.values()))
    else:
        with tarfile.open(fileobj=buf, mode="w:gz" if kind == "tar.gz" else "w") as tf:
            for name, data in members.items():
                info = tarfile.TarInfo(name)
                info.size = len(data)
                tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


member_names = st.sampled_from(["a.txt", "b.html", "c.jsonl", "d.zip", "e.txt.gz", "../up.txt", "/abs.txt", ".h.txt"])


@FUZZ
@given(kind=st.sampled_from(["zip", "tar", "tar.gz", "gz"]),
       members=st.dictionaries(member_names, st.one_of(markup, words).map(lambda s: s.encode("utf-8", "replace")),
                               min_size=1, max_size=3),
       cut=st.integers(1, 1000), flips=st.lists(st.integers(0, 10**6), max_size=3))
def test_read_inputs_never_raises_on_cut_or_corrupted_archives(tmp_path_factory, kind: str, members: dict[str, bytes],  # type: ignore[no-untyped-def]
                                                               cut: int, flips: list[int]) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / f"bundle.{'txt.gz' if kind == 'gz' else kind}"
    path.write_bytes(_mutated(_archive(kind, members), cut, flips))
    items = list(read_inputs([str(path)]))
    assert all(isinstance(i, RawDocument | Failure | Skipped) for i in items)
    assert all(Path(i.source).is_relative_to(folder) or i.source.startswith(str(path)) for i in items)


@FUZZ
@given(text=st.one_of(markup, st.lists(words, max_size=30).map("\n".join)), light=st.booleans(),
       title=st.none() | words)
def test_cleaner_never_crashes_and_is_deterministic(text: str, light: bool, title: str | None) -> None:
    from consilience.clean.stopwords import stopwords
    from consilience.clean.text import cleaned_text

    first = cleaned_text(text, stop=stopwords("en"), title=title, light=light)
    assert first == cleaned_text(text, stop=stopwords("en"), title=title, light=light)
    assert isinstance(first.text, str)


@FUZZ
@given(html=markup)
def test_page_extraction_never_crashes(html: str) -> None:
    from consilience.clean.html import page_of

    try:
        page = page_of(html)
    except InputError:
        return
    assert isinstance(page.text, str)
