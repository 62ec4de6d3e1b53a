"""Hostile and unlucky inputs: bombs, cut archives, nesting, odd encodings, odd JSON, and the folder walk.

Bombs are made here, as streams (a few hundred KB on disk, hundreds of MB expanded), and read in a
subprocess whose address space is capped: a reader that held a whole member in memory would fail.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
import tarfile
import textwrap
import zipfile
import zlib
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from consilience.ingest import ReadOptions, read_inputs
from consilience.ingest.limits import MB
from consilience.records import Failure, RawDocument, Skipped

BOMB_MB = 300  # expanded size of each bomb; the reading process may use at most HEADROOM_MB above its start
HEADROOM_MB = 200
ZEROS = bytes(MB)
GOOD = "The council approved the harbour budget on Monday after a long debate."


def split(items):
    items = list(items)
    docs = [i for i in items if isinstance(i, RawDocument)]
    fails = [i for i in items if isinstance(i, Failure)]
    skips = [i for i in items if isinstance(i, Skipped)]
    return docs, fails, skips


def _gzip_stream(out: io.BufferedWriter, mb: int) -> None:
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9) as gz:
        for _ in range(mb):
            gz.write(ZEROS)


def _warc_record(url: str, payload: bytes | None = None, zeros_mb: int = 0) -> bytes:
    """One gzipped WARC response record; ``zeros_mb``: a body of that many MB of zeros, streamed."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
    body: io.RawIOBase | io.BytesIO
    if zeros_mb:
        body = _ZeroStream(zeros_mb * MB)  # type: ignore[assignment]
        length = zeros_mb * MB
    else:
        body, length = io.BytesIO(payload or b""), len(payload or b"")
    writer.write_record(writer.create_warc_record(url, "response", payload=body, length=length, http_headers=headers))
    return buf.getvalue()


class _ZeroStream(io.RawIOBase):
    def __init__(self, n: int) -> None:
        self.left = n

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[no-untyped-def]
        k = min(len(b), self.left)
        b[:k] = bytes(k)
        self.left -= k
        return k


def _page(body: str) -> bytes:
    return f"<html><head><title>T</title></head><body><article><p>{body}</p></article></body></html>".encode()


@pytest.fixture(scope="module")
def bombs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("bombs")
    with (d / "bomb.txt.gz").open("wb") as f:
        _gzip_stream(f, BOMB_MB)
    with zipfile.ZipFile(d / "bomb.zip", "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a-good.txt", GOOD)
        with zf.open("b-bomb.txt", "w", force_zip64=True) as member:
            for _ in range(BOMB_MB):
                member.write(ZEROS)
        zf.writestr("c-good.txt", GOOD + " Again.")
    with tarfile.open(d / "bomb.tar.gz", "w:gz") as tf:
        for name, size in (("a-good.txt", 0), ("b-bomb.txt", BOMB_MB * MB), ("c-good.txt", 0)):
            info = tarfile.TarInfo(name)
            info.size = size or len(GOOD.encode())
            tf.addfile(info, _ZeroStream(size) if size else io.BytesIO(GOOD.encode()))  # type: ignore[arg-type]
    (d / "bomb.warc.gz").write_bytes(_warc_record("https://a.example/1", _page(GOOD))
                                     + _warc_record("https://a.example/bomb", zeros_mb=BOMB_MB)
                                     + _warc_record("https://a.example/3", _page(GOOD + " Three.")))
    return d


READ_IN_A_CAPPED_PROCESS = textwrap.dedent("""
    import json, resource, sys
    from consilience.ingest import read_inputs
    import charset_normalizer, feedparser, warcio, stream_unzip  # loaded before the cap is measured
    vm = int(next(line for line in open("/proc/self/status") if line.startswith("VmSize")).split()[1]) * 1024
    cap = vm + int(sys.argv[1]) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    out = {path: [(type(i).__name__, getattr(i, "code", "")) for i in read_inputs([path])] for path in sys.argv[2:]}
    peak = int(next(line for line in open("/proc/self/status") if line.startswith("VmPeak")).split()[1]) * 1024
    print(json.dumps({"items": out, "over_start_mb": (peak - vm) / 2**20}))
""")
BOMBS = ("bomb.txt.gz", "bomb.zip", "bomb.tar.gz", "bomb.warc.gz")


def test_bombs_are_refused_within_bounded_memory_and_their_neighbours_are_read(bombs: Path) -> None:
    """One process reads all four bombs with its address space capped at HEADROOM_MB above its start."""
    run = subprocess.run([sys.executable, "-c", READ_IN_A_CAPPED_PROCESS, str(HEADROOM_MB),
                          *(str(bombs / name) for name in BOMBS)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(run.stdout)
    assert result["over_start_mb"] < HEADROOM_MB
    for name in BOMBS:
        items = result["items"][str(bombs / name)]
        assert ["Failure", "too_large"] in items, (name, items)
        if name != "bomb.txt.gz":  # the members beside the bomb are still read
            assert [k for k, _ in items].count("RawDocument") == 2, (name, items)


def test_archive_total_and_member_count_limits_stop_the_archive_but_keep_what_was_read(tmp_path: Path) -> None:
    z = tmp_path / "many.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for i in range(5):
            zf.writestr(f"{i}.txt", f"{GOOD} Number {i}.")
    docs, fails, _ = split(read_inputs([str(z)], ReadOptions(max_members=3)))
    assert len(docs) == 3 and len(fails) == 1 and "more than 3 members" in fails[0].message
    docs, fails, _ = split(read_inputs([str(z)], ReadOptions(max_total_bytes=150)))
    assert 0 < len(docs) < 5 and "total limit" in fails[0].message


def test_a_highly_compressible_member_under_the_ratio_floor_is_read(tmp_path: Path) -> None:
    page = "<html><body>" + "<div>\n</div>" * 100_000 + f"<article><p>{GOOD}</p></article></body></html>"
    p = tmp_path / "page.html.gz"
    p.write_bytes(gzip.compress(page.encode()))
    docs, fails, _ = split(read_inputs([str(p)]))
    assert not fails and len(docs) == 1 and docs[0].source == str(tmp_path / "page.html")


def _zip_bytes(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_a_cut_zip_keeps_the_members_before_the_cut(tmp_path: Path) -> None:
    data = _zip_bytes({f"{i}.txt": f"{GOOD} Report {i}.".encode() * 20 for i in range(5)})
    cut = data.index(b"PK\x03\x04", data.index(b"3.txt")) - 20  # inside member 3
    p = tmp_path / "cut.zip"
    p.write_bytes(data[:cut])
    docs, fails, _ = split(read_inputs([str(p)]))
    assert [d.source for d in docs] == [f"{p}!{i}.txt" for i in range(3)]
    assert len(fails) == 1 and "cut zip" in fails[0].message and "3 member(s)" in fails[0].message


@pytest.mark.parametrize("mode,suffix", [("w:gz", ".tar.gz"), ("w", ".tar")])
def test_a_cut_tar_keeps_the_members_before_the_cut(tmp_path: Path, mode: str, suffix: str) -> None:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=mode) as tf:
        for i in range(5):
            data = (f"{GOOD} Report {i}. " * 30).encode()
            info = tarfile.TarInfo(f"{i}.txt")
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    data = buf.getvalue()
    p = tmp_path / f"cut{suffix}"
    p.write_bytes(data[: len(data) * 2 // 3] if suffix == ".tar.gz" else data[: data.index(b"3.txt") + 700])
    docs, fails, _ = split(read_inputs([str(p)]))
    assert 1 <= len(docs) < 5 and [d.source for d in docs] == [f"{p}!{i}.txt" for i in range(len(docs))]
    assert fails and "cut tar" in fails[-1].message


@pytest.mark.parametrize("gz", [True, False])
def test_a_cut_warc_keeps_the_records_before_and_says_so(tmp_path: Path, gz: bool) -> None:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for i in range(5):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record(f"https://a.example/{i}", "response",
                                                      payload=io.BytesIO(_page(f"{GOOD} Report {i}. " * 40)),
                                                      http_headers=headers))
    data = buf.getvalue()
    p = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    p.write_bytes(data[: len(data) * 2 // 3])
    docs, fails, _ = split(read_inputs([str(p)]))
    assert 1 <= len(docs) < 5 and len(fails) == 1
    assert "cut" in fails[0].message and f"after record {len(docs)}" in fails[0].message


def test_archives_inside_archives_are_read_down_to_the_depth_limit(tmp_path: Path) -> None:
    inner = _zip_bytes({"inner.txt": GOOD.encode()})
    middle = _zip_bytes({"inner.zip": inner, "m.txt": (GOOD + " Middle.").encode()})
    p = tmp_path / "outer.zip"
    p.write_bytes(_zip_bytes({"middle.zip": middle, "gz/note.txt.gz": gzip.compress((GOOD + " Gz.").encode())}))
    docs, fails, _ = split(read_inputs([str(p)], ReadOptions(max_depth=3)))
    assert sorted(d.source for d in docs) == sorted([f"{p}!gz/note.txt", f"{p}!middle.zip!inner.zip!inner.txt",
                                                     f"{p}!middle.zip!m.txt"]) and not fails
    docs, fails, _ = split(read_inputs([str(p)], ReadOptions(max_depth=2)))
    assert len(docs) == 2 and len(fails) == 1 and "nested 3 deep" in fails[0].message


def test_a_jsonl_line_over_the_limit_is_refused_and_the_next_lines_are_read(tmp_path: Path) -> None:
    p = tmp_path / "feed.jsonl"
    lines = [json.dumps({"text": GOOD}), json.dumps({"text": "x " * 5000}), json.dumps({"text": GOOD + " Later."})]
    p.write_text("\n".join(lines), encoding="utf-8")
    docs, fails, _ = split(read_inputs([str(p)], ReadOptions(max_member_bytes=2000)))
    assert [d.source for d in docs] == [f"{p}#1", f"{p}#3"]
    assert [f.source for f in fails] == [f"{p}#2"] and fails[0].code == "too_large"


def test_a_gzipped_jsonl_is_streamed(tmp_path: Path) -> None:
    p = tmp_path / "feed.jsonl.gz"
    p.write_bytes(gzip.compress("\n".join(json.dumps({"text": f"{GOOD} {i}"}) for i in range(3)).encode()))
    docs, fails, _ = split(read_inputs([str(p)]))
    assert [d.source for d in docs] == [f"{tmp_path / 'feed.jsonl'}#{i}" for i in (1, 2, 3)] and not fails


TEXTS = {"latin": "Die Regierung hat am Montag den Haushalt beschlossen. The council met on Monday.",
         "cjk": "北京市政府周一宣布，新的地铁线路将于明年开通。东京电力公司表示，停电已经恢复。",
         "hangul": "국가정보원은 북한군이 1월 중순부터 전투에 참여하지 않았다고 밝혔다."}


@pytest.mark.parametrize("script", sorted(TEXTS))
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8"])
def test_utf16_with_and_without_bom_and_cjk_text_are_read(tmp_path: Path, script: str, encoding: str) -> None:
    text = (TEXTS[script] + "\n") * 20
    p = tmp_path / "note.txt"
    p.write_bytes(text.encode(encoding))
    docs, fails, _ = split(read_inputs([str(p)]))
    assert not fails, fails
    assert docs[0].body.lstrip("\ufeff") == text


def test_binary_is_still_binary(tmp_path: Path) -> None:
    import random

    p = tmp_path / "noise.txt"
    p.write_bytes(random.Random(7).randbytes(20_000))
    _, fails, _ = split(read_inputs([str(p)]))
    assert [f.code for f in fails] == ["binary"]


def test_json_shapes_other_tools_write(tmp_path: Path) -> None:
    import trafilatura

    page = ("<html><head><title>Harbour budget passes</title><meta name='author' content='Ana Ruiz'>"
            "<meta property='og:site_name' content='Coastal Ledger'></head><body><article><h1>Harbour budget passes</h1>"
            + "".join(f"<p>{GOOD} Paragraph {i} says more about the vote and its cost.</p>" for i in range(6))
            + "</article></body></html>")
    extracted = trafilatura.extract(page, output_format="json", with_metadata=True, url="https://ledger.example/a")
    (tmp_path / "trafilatura.json").write_text(extracted, encoding="utf-8")
    news_please = {"authors": ["Ana Ruiz", "Ben Ode"], "date_publish": "2025-02-04 10:00:00", "description": "x",
                   "language": "en", "maintext": GOOD, "source_domain": "ledger.example", "title": "Budget",
                   "url": "https://ledger.example/b"}
    (tmp_path / "news-please.json").write_text(json.dumps(news_please), encoding="utf-8")
    (tmp_path / "mixed.jsonl").write_text("\n".join([json.dumps({"html": 7, "text": GOOD}),
                                                     json.dumps({"text": GOOD, "url": "javascript:alert(1)"})]))
    (tmp_path / "list.json").write_text(json.dumps([{"text": GOOD + " One."}, {"text": GOOD + " Two."}]))
    docs, fails, _ = split(read_inputs([str(tmp_path)]))
    assert not fails, fails
    by_name = {Path(d.source).name: d for d in docs}
    assert set(by_name) == {"trafilatura.json", "news-please.json", "mixed.jsonl#1", "mixed.jsonl#2",
                            "list.json#1", "list.json#2"}
    tr = by_name["trafilatura.json"]
    assert GOOD in tr.body and tr.title == "Harbour budget passes" and tr.url == "https://ledger.example/a"
    assert tr.author == "Ana Ruiz" and tr.outlet == "Coastal Ledger"
    npl = by_name["news-please.json"]
    assert npl.body == GOOD and npl.author == "Ana Ruiz; Ben Ode" and npl.published == "2025-02-04 10:00:00"
    assert npl.outlet == "ledger.example" and npl.url == "https://ledger.example/b"
    assert by_name["mixed.jsonl#1"].kind == "text" and by_name["mixed.jsonl#2"].url is None


def test_a_dossier_is_not_an_article(tmp_path: Path) -> None:
    (tmp_path / "old.json").write_text(json.dumps({"format": "consilience.dossier/1", "articles": []}))
    _, fails, _ = split(read_inputs([str(tmp_path / "old.json")]))
    assert fails[0].code == "unsupported_format" and "consilience report" in fails[0].message


def test_short_rss_summaries_are_kept_as_briefs(tmp_path: Path) -> None:
    from consilience import ingest, open_store

    p = tmp_path / "news.rss"
    p.write_text("""<?xml version="1.0"?><rss version="2.0"><channel><title>Coastal Ledger</title>
    <item><title>Ferry strike</title><link>https://c.example/strike</link>
    <description>&lt;p&gt;Ferry workers walked out on Tuesday over pay. Services resume on Friday, the union said.&lt;/p&gt;</description></item>
    <item><title>Bridge tolls</title><link>javascript:alert(1)</link>
    <description>Bridge tolls rise by 10% in March. The council approved the rise on Monday.</description></item>
    </channel></rss>""", encoding="utf-8")
    store = open_store(tmp_path / "s.db")
    result = ingest([str(p)], store=store)
    texts = sorted(a.text for a in store.articles(result.ids))
    assert texts == ["Bridge tolls rise by 10% in March. The council approved the rise on Monday.",
                     "Ferry workers walked out on Tuesday over pay. Services resume on Friday, the union said."]
    assert not result.failures
    assert all(a.url in (None, "https://c.example/strike") for a in store.articles(result.ids))


def test_walk_skips_hidden_links_out_specials_and_own_output_and_lists_each(tmp_path: Path) -> None:
    root, outside = tmp_path / "in", tmp_path / "outside"
    (root / "sub").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.txt").write_text("A secret outside the folder that must not be read.")
    (root / "a.txt").write_text(GOOD)
    (root / "sub" / "b.txt").write_text(GOOD + " Sub.")
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("[core] a config file, not news.")
    (root / ".hidden.txt").write_text(GOOD + " Hidden.")
    (root / "link-out.txt").symlink_to(outside / "secret.txt")
    (root / "link-in.txt").symlink_to(root / "sub" / "b.txt")
    (root / "loop").symlink_to(root)
    (root / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(root / "pipe.txt")
    (root / "out").mkdir()
    (root / "out" / "report.md").write_text("# A report written by an earlier run.")
    (root / "store.db").write_bytes(b"SQLite format 3\x00")
    (root / "old-run").mkdir()
    (root / "old-run" / "dossier.json").write_text('{\n "format": "consilience.dossier/1",\n "articles": []}')
    (root / "old-run" / "report.html").write_text("<html><body><p>old report</p></body></html>")
    (root / "drafts").mkdir()
    (root / "drafts" / "draft.txt").write_text(GOOD + " Draft.")
    options = ReadOptions(outputs=(root / "out", root / "store.db"), exclude=("drafts",))
    docs, fails, skips = split(read_inputs([str(root)], options))
    assert sorted(Path(d.source).relative_to(root).as_posix() for d in docs) == ["a.txt", "link-in.txt", "sub/b.txt"]
    assert [(Path(f.source).name, f.code) for f in fails] == [("dangling.txt", "dangling_link")]
    reasons = {Path(s.source).name: s.reason for s in skips}
    assert set(reasons) == {".git", ".hidden.txt", "link-out.txt", "loop", "pipe.txt", "out", "store.db", "old-run",
                            "drafts"}
    assert "--follow-symlinks" in reasons["link-out.txt"] and "--include-hidden" in reasons[".git"]
    assert "own output" in reasons["out"] and "own output" in reasons["store.db"] and "--exclude" in reasons["drafts"]
    docs, _, skips = split(read_inputs([str(root)], ReadOptions(include_hidden=True, follow_symlinks=True,
                                                                outputs=options.outputs)))
    names = {Path(d.source).name for d in docs}
    assert {"config", ".hidden.txt", "link-out.txt", "draft.txt"} <= names


def test_a_folder_that_cannot_be_listed_is_a_failure_and_the_walk_goes_on(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "locked").mkdir()
    (tmp_path / "z.txt").write_text(GOOD)
    real = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    docs, fails, _ = split(read_inputs([str(tmp_path)]))
    assert [Path(d.source).name for d in docs] == ["z.txt"]
    assert fails[0].code == "unreadable" and "Permission denied" in fails[0].message


def test_deflate_garbage_in_a_zip_member_is_that_member_only(tmp_path: Path) -> None:
    data = bytearray(_zip_bytes({"a.txt": (GOOD * 30).encode(), "b.txt": (GOOD + " B.").encode() * 30}))
    start = data.index(b"a.txt") + 5
    data[start + 10:start + 40] = zlib.compress(b"junk")[:30]
    p = tmp_path / "bad.zip"
    p.write_bytes(bytes(data))
    docs, fails, _ = split(read_inputs([str(p)]))
    assert [d.source for d in docs] == [f"{p}!b.txt"] and [f.source for f in fails] == [f"{p}!a.txt"]


def test_a_second_run_does_not_read_its_own_output_or_store(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from consilience.cli import app

    (tmp_path / "a.txt").write_text("The harbour council approved a budget of 40 million euros on Monday, "
                                    "the mayor said. Work on the new quay starts in May.", encoding="utf-8")
    args = ["analyze", str(tmp_path), "-o", str(tmp_path / "out"), "--db", str(tmp_path / "s.db"), "-q", "-j", "1"]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.output
    second = CliRunner().invoke(app, args)
    assert second.exit_code == 0, second.output
    dossier = json.loads((tmp_path / "out" / "dossier.json").read_text(encoding="utf-8"))
    assert [a["source"] for a in dossier["articles"]] == [str(tmp_path / "a.txt")] and dossier["failures"] == []
    assert any("own output" in n for n in dossier["notes"])


def test_an_article_over_the_limit_is_refused_and_a_long_paragraph_is_broken_at_sentence_ends(tmp_path: Path) -> None:
    from consilience import ingest, open_store

    sentence = "The council said on Monday that the harbour budget would rise by 4% next year. "
    (tmp_path / "long.txt").write_text(sentence * 1500, encoding="utf-8")  # one paragraph of ~120,000 characters
    (tmp_path / "huge.txt").write_text(sentence * 5000, encoding="utf-8")
    store = open_store(tmp_path / "s.db")
    result = ingest([str(tmp_path)], store=store,
                    read_options=ReadOptions(max_article_chars=200_000, max_paragraph_chars=20_000))
    assert [(Path(f.source).name, f.code) for f in result.failures] == [("huge.txt", "too_large")]
    (article,) = store.articles(result.ids)
    raw = (tmp_path / "long.txt").read_text(encoding="utf-8").strip()
    assert len(article.text) == len(raw) and article.text.replace("\n", " ") == raw  # offsets unchanged
    assert max(len(p) for p in article.text.split("\n")) <= 20_000
    assert all(p.endswith(".") for p in article.text.split("\n"))  # broken at sentence ends


def test_broken_paragraphs_keep_length_and_refuse_text_without_spaces() -> None:
    from consilience.errors import TooLarge
    from consilience.ingest.limits import broken_paragraphs

    text = "short line\n" + "word " * 10_000 + "\nend."
    out = broken_paragraphs(text, 1000, "x")
    assert len(out) == len(text) and max(map(len, out.split("\n"))) <= 1000
    with pytest.raises(TooLarge):
        broken_paragraphs("x" * 5000, 1000, "x")


def test_ingest_batches_end_at_a_character_budget(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from consilience import pipeline

    docs = [RawDocument(source=f"{i}.txt", kind="text", body="x" * 400) for i in range(10)]
    monkeypatch.setattr(pipeline, "BATCH_CHARS", 1000)
    assert [len(b) for b in pipeline._batches(docs, 64)] == [3, 3, 3, 1]


def test_a_billion_laughs_feed_is_not_expanded(tmp_path: Path) -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol;" if i == 1 else f"&lol{i - 1};") * 10}">' for i in range(1, 10))
    p = tmp_path / "laughs.rss"
    p.write_text(f'<?xml version="1.0"?><!DOCTYPE rss [{entities}]><rss version="2.0"><channel><title>t</title>'
                 "<item><title>&lol9;</title><description>Tolls rise by 10% in March, the council said on Monday."
                 "</description></item></channel></rss>", encoding="utf-8")
    items = list(read_inputs([str(p)]))
    assert all(len(getattr(i, "title", None) or "") < 1000 and len(getattr(i, "body", "")) < 1000 for i in items)
