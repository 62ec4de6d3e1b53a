"""``analyze URL…``, ``fetch`` and ``watch`` against the local server."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner

from consilience.cli import app
from consilience.cli.watch import seconds_of

STORY = ("<html><head><title>{t}</title><meta property='article:published_time' content='2025-02-0{d}'></head><body>"
         "<article><h1>{t}</h1><p>GENEVA, Feb {d} (Wire) - The health agency said on Monday that 40 people were "
         "taken to hospital after the storm in {place}, the regional governor told reporters.</p>"
         "<p>Officials said roads to the valley remained closed and that crews would work through the night "
         "to restore power to about 12,000 homes.</p></article></body></html>")


def serve_story(server: HTTPServer, path: str, title: str, day: int, place: str = "Valais") -> None:
    server.expect_request(path).respond_with_data(STORY.format(t=title, d=day, place=place), content_type="text/html")


def feed_of(server: HTTPServer, paths: list[str]) -> str:
    items = "".join(f"<item><title>{p}</title><link>{server.url_for(p)}</link></item>" for p in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>{items}</channel></rss>'


def run(*args: str) -> object:
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_analyze_mixes_urls_and_paths(server: HTTPServer, fixtures: Path, tmp_path: Path) -> None:
    serve_story(server, "/storm", "Storm closes valley roads", 3)
    out = tmp_path / "out"
    result = run("analyze", server.url_for("/storm"), str(fixtures / "wildfire.txt"), "--allow-private",
                 "-o", str(out), "--db", str(tmp_path / "s.db"), "-q", "--no-reports")
    assert result.exit_code == 0, result.output
    dossier = json.loads((out / "dossier.json").read_text())
    sources = {a["source"]: a for a in dossier["articles"]}
    assert server.url_for("/storm") in sources and str(fixtures / "wildfire.txt") in sources
    assert sources[server.url_for("/storm")]["url"] == server.url_for("/storm")


def test_analyze_without_allow_private_refuses_the_local_server_and_goes_on(server: HTTPServer, fixtures: Path,
                                                                            tmp_path: Path) -> None:
    serve_story(server, "/storm", "Storm", 3)
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# a list\n{server.url_for('/storm')}\n\n{fixtures / 'wildfire.txt'}\n")
    out = tmp_path / "out"
    result = run("analyze", "--urls", str(urls), "-o", str(out), "--db", str(tmp_path / "s.db"), "-q", "--no-reports")
    assert result.exit_code == 1
    dossier = json.loads((out / "dossier.json").read_text())
    assert [(f["source"], f["stage"], f["code"]) for f in dossier["failures"]] == [(server.url_for("/storm"), "fetch", "refused")]
    assert len(dossier["articles"]) == 1 and server.log == []


def test_fetch_is_incremental(server: HTTPServer, tmp_path: Path) -> None:
    serve_story(server, "/a", "A", 3)
    serve_story(server, "/b", "B", 4, place="Ticino")
    server.expect_request("/feed").respond_with_data(feed_of(server, ["/a", "/b"]), content_type="application/rss+xml")
    db = str(tmp_path / "s.db")
    first = run("fetch", server.url_for("/feed"), "--db", db, "--allow-private", "--delay", "0", "-j", "1")
    assert first.exit_code == 0, first.output
    assert "2 pages fetched" in first.output and "2 new articles" in first.output
    server.clear_log()
    again = run("fetch", server.url_for("/feed"), "--db", db, "--allow-private", "--delay", "0", "-j", "1")
    assert "0 pages fetched, 2 already stored" in again.output
    assert [r.path for r, _ in server.log if r.path != "/robots.txt"] == ["/feed"]
    articles = run("articles", "--db", db)
    assert articles.exit_code == 0


def test_watch_polls_and_rewrites_only_when_something_is_new(server: HTTPServer, tmp_path: Path) -> None:
    serve_story(server, "/a", "A", 3)
    pages = ["/a"]
    server.expect_request("/feed").respond_with_handler(
        lambda request: __import__("werkzeug").Response(feed_of(server, pages), content_type="application/rss+xml"))
    sources = tmp_path / "sources.txt"
    sources.write_text(server.url_for("/feed") + "\n")
    out, db = tmp_path / "out", str(tmp_path / "s.db")
    args = ("watch", str(sources), "--every", "0.1s", "--polls", "2", "--db", db, "-o", str(out), "--allow-private",
            "--delay", "0", "--no-reports", "-j", "1")
    result = run(*args)
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if " poll " in line]
    assert len(lines) == 2
    assert "poll 1: 1 new" in lines[0] and "1 articles -> dossier rewritten" in lines[0]
    assert "poll 2: 0 new" in lines[1] and "1 already stored" in lines[1] and "outputs unchanged" in lines[1]
    serve_story(server, "/b", "B", 4, place="Ticino")
    pages.append("/b")
    result = run(*args)
    lines = [line for line in result.output.splitlines() if " poll " in line]
    assert "poll 1: 1 new" in lines[0] and "1 already stored" in lines[0] and "2 articles" in lines[0]
    assert len(json.loads((out / "dossier.json").read_text())["articles"]) == 2


def test_watch_stops_cleanly_on_sigterm(server: HTTPServer, tmp_path: Path) -> None:
    serve_story(server, "/a", "A", 3)
    server.expect_request("/feed").respond_with_data(feed_of(server, ["/a"]), content_type="application/rss+xml")
    sources = tmp_path / "sources.txt"
    sources.write_text(server.url_for("/feed") + "\n")
    out = tmp_path / "out"
    timer = threading.Timer(1.0, lambda: os.kill(os.getpid(), signal.SIGTERM))
    timer.start()
    start = time.monotonic()
    try:
        result = run("watch", str(sources), "--every", "60s", "--db", str(tmp_path / "s.db"), "-o", str(out),
                     "--allow-private", "--delay", "0", "--no-reports", "-j", "1")
    finally:
        timer.cancel()
    assert time.monotonic() - start < 30
    assert result.exit_code == 0 and "SIGTERM" in result.output
    assert len(json.loads((out / "dossier.json").read_text())["articles"]) == 1
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


@pytest.mark.parametrize(("every", "seconds"), [("15m", 900), ("30s", 30), ("1h", 3600), ("2", 2), ("0.5s", 0.5)])
def test_intervals(every: str, seconds: float) -> None:
    assert seconds_of(every) == seconds


def test_bad_interval_is_a_usage_error(tmp_path: Path) -> None:
    sources = tmp_path / "s.txt"
    sources.write_text("")
    result = CliRunner().invoke(app, ["watch", str(sources), "--every", "soon", "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 2 and "30s, 15m" in result.output
