"""Each reader on real-looking files, and every bad-input case reported by name with a reason."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
import zipfile
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from consilience.ingest import ReadOptions, read_inputs
from consilience.records import Failure, RawDocument

PAGE = "<html><head><meta charset='{enc}'><title>T</title></head><body><article><p>{body}</p></article></body></html>"


def split(items):
    docs = [i for i in items if isinstance(i, RawDocument)]
    fails = [i for i in items if isinstance(i, Failure)]
    return docs, fails


def test_text_and_markdown(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A plain report about the harbour strike.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Title\n\nA markdown report.\n", encoding="utf-8")
    docs, fails = split(list(read_inputs([str(tmp_path)])))
    assert [d.kind for d in docs] == ["text", "text"] and not fails
    assert docs[0].source.endswith("a.txt")


@pytest.mark.parametrize("encoding,text", [("euc-kr", "북한군 병력이 러시아 쿠르스크 지역에서 전투에 참여하지 않았다고 국가정보원이 밝혔다."),
                                           ("windows-1251", "Северокорейские военные не участвуют в боях с середины января, сообщила разведка.")])
def test_html_in_legacy_encodings(tmp_path: Path, encoding: str, text: str) -> None:
    p = tmp_path / "page.html"
    p.write_bytes(PAGE.format(enc=encoding, body=text * 3).encode(encoding))
    docs, fails = split(list(read_inputs([str(p)])))
    assert not fails and text in docs[0].body


def test_jsonl_reads_good_lines_and_names_the_broken_one(tmp_path: Path) -> None:
    p = tmp_path / "feed.jsonl"
    lines = [json.dumps({"text": "First report.", "url": "https://x.example/1", "published": "2025-02-04"}),
             "{not json", json.dumps({"html": "<p>Second report.</p>", "outlet": "X"}), json.dumps({"title": "no body"})]
    p.write_text("\n".join(lines), encoding="utf-8")
    docs, fails = split(list(read_inputs([str(p)])))
    assert [d.source for d in docs] == [f"{p}#1", f"{p}#3"]
    assert docs[0].published == "2025-02-04" and docs[1].kind == "html"
    assert sorted(f.source for f in fails) == [f"{p}#2", f"{p}#4"]
    assert all(f.code == "malformed" for f in fails)


def _warc(records: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, payload in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers))
    return buf.getvalue()


def test_warc_gz_records(tmp_path: Path) -> None:
    p = tmp_path / "crawl.warc.gz"
    p.write_bytes(_warc([("https://a.example/1", PAGE.format(enc="utf-8", body="One").encode()),
                        ("https://a.example/2", PAGE.format(enc="utf-8", body="Two").encode())]))
    docs, fails = split(list(read_inputs([str(p)])))
    assert [d.url for d in docs] == ["https://a.example/1", "https://a.example/2"] and not fails


def test_warc_with_a_broken_record_keeps_the_ones_before(tmp_path: Path) -> None:
    good = _warc([("https://a.example/1", PAGE.format(enc="utf-8", body="One").encode())])
    p = tmp_path / "broken.warc.gz"
    p.write_bytes(good + gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999999\r\n\r\ntruncated"))
    docs, fails = split(list(read_inputs([str(p)])))
    assert len(docs) == 1 and len(fails) == 1 and "broken WARC record" in fails[0].message


def test_rss_feed_entries(tmp_path: Path) -> None:
    p = tmp_path / "news.rss"
    p.write_text("""<?xml version="1.0"?><rss version="2.0"><channel><title>Coastal Ledger</title>
    <item><title>Strike</title><link>https://c.example/strike</link><pubDate>Tue, 12 Mar 2024 08:00:00 GMT</pubDate>
    <description>&lt;p&gt;Ferry workers walked out.&lt;/p&gt;</description></item>
    <item><title>Bridge</title><link>https://c.example/bridge</link><description>Tolls rise.</description></item>
    </channel></rss>""", encoding="utf-8")
    docs, fails = split(list(read_inputs([str(p)])))
    assert [d.title for d in docs] == ["Strike", "Bridge"] and not fails
    assert docs[0].outlet == "Coastal Ledger" and docs[0].published == "2024-03-12"


def test_zip_and_tar_archives(tmp_path: Path) -> None:
    z = tmp_path / "bundle.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("a.txt", "First report in a zip.")
        zf.writestr("b.bin", b"\x00\x01\x02" * 100)
    t = tmp_path / "bundle.tar.gz"
    with tarfile.open(t, "w:gz") as tf:
        data = b"Report inside a tarball."
        info = tarfile.TarInfo("inner/c.txt")
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
    docs, fails = split(list(read_inputs([str(z), str(t)])))
    assert [d.source for d in docs] == [f"{z}!a.txt", f"{t}!inner/c.txt"]
    assert [f.source for f in fails] == [f"{z}!b.bin"]


@pytest.mark.parametrize("name,data,code", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n ", "empty"),
    ("image.txt", bytes(range(256)) * 40, "binary"),
    ("page.html", b"just words, no markup at all", "malformed"),
    ("odd.xyz", b"\x00\x00\x00", "unsupported_format"),
    ("feed.rss", b"<rss><channel><item><title>cut", "malformed"),
    ("trunc.txt.gz", gzip.compress(b"a full sentence here")[:12], "malformed"),
])
def test_bad_inputs_are_reported_and_the_rest_is_read(tmp_path: Path, name: str, data: bytes, code: str) -> None:
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text("A good report that must still be read.", encoding="utf-8")
    docs, fails = split(list(read_inputs([str(tmp_path)])))
    assert [d.source for d in docs] == [str(tmp_path / "good.txt")]
    assert len(fails) == 1 and fails[0].source.endswith(name.removesuffix(".gz") if code != "malformed" or not name.endswith(".gz") else name)
    assert fails[0].code == code and fails[0].message


def test_huge_file_is_refused_by_size(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("word " * 1000, encoding="utf-8")
    docs, fails = split(list(read_inputs([str(tmp_path / "big.txt")], ReadOptions(max_member_bytes=1000))))
    assert not docs and fails[0].code == "too_large" and "big.txt" in fails[0].message


def test_missing_path_is_a_failure() -> None:
    docs, fails = split(list(read_inputs(["/no/such/place.txt"])))
    assert not docs and "no such file" in fails[0].message


def test_a_one_line_news_brief_is_kept_whole(tmp_path: Path) -> None:
    from consilience import ingest, open_store

    lines = ['{"url": "u1", "text": "Harbour crane operator fired. Named Ana Ruiz head of operations."}',
             '{"url": "u2", "text": "Share Tweet"}']
    (tmp_path / "briefs.jsonl").write_text("\n".join(lines), encoding="utf-8")
    store = open_store(tmp_path / "s.db")
    result = ingest([str(tmp_path / "briefs.jsonl")], store=store)
    texts = [a.text for a in store.articles(result.ids)]
    assert texts == ["Harbour crane operator fired. Named Ana Ruiz head of operations."]
    assert [f.code for f in result.failures] == ["empty"]


def test_a_stray_nul_byte_does_not_make_a_page_binary() -> None:
    from consilience.ingest.decode import decoded_text

    page = b"<html><body><p>" + b"The ferry resumed service on Monday after repairs. " * 40 + b"\x00</p></body></html>"
    text, _ = decoded_text(page, "page.html")
    assert "\x00" not in text and "ferry resumed" in text
