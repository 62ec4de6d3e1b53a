"""Feeds, sitemaps, news sitemaps and sitemap indexes: their pages are fetched, newest first."""

from __future__ import annotations

import gzip

import pytest
from pytest_httpserver import HTTPServer

from consilience.fetch import Crawl, FetchSettings, FetchState, canonical_url
from consilience.fetch.listing import kind_of, listing_of
from consilience.records import Failure, RawDocument


def page(title: str, text: str) -> str:
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{text}</p></article></body></html>"


def rss(base: str, items: list[tuple[str, str]]) -> str:
    entries = "".join(f"<item><title>{t}</title><link>{base}{path}</link><pubDate>{d}</pubDate>"
                      f"<description>summary only</description></item>" for path, t, d in
                      [(p, p.strip("/").title(), d) for p, d in items])
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{entries}</channel></rss>'


def serve_pages(server: HTTPServer, paths: list[str]) -> None:
    for p in paths:
        server.expect_request(p).respond_with_data(page(p, f"Full text of {p} with the whole story."),
                                                   content_type="text/html")


def test_feed_entries_pages_are_fetched_newest_first(server: HTTPServer, fast: FetchSettings) -> None:
    base = f"http://127.0.0.1:{server.port}"
    server.expect_request("/feed.xml").respond_with_data(rss(base, [
        ("/old", "Mon, 03 Feb 2025 10:00:00 GMT"), ("/new", "Wed, 05 Feb 2025 10:00:00 GMT"),
        ("/mid", "Tue, 04 Feb 2025 10:00:00 GMT")]), content_type="application/rss+xml")
    serve_pages(server, ["/old", "/new", "/mid"])
    with Crawl(fast) as crawl:
        docs = list(crawl([base + "/feed.xml"]))
    assert [d.source for d in docs] == [base + "/new", base + "/mid", base + "/old"]
    assert all(isinstance(d, RawDocument) and "Full text" in d.body and "summary only" not in d.body for d in docs)
    assert docs[0].published == "2025-02-05" and docs[0].title == "New"


def test_atom_feed_with_relative_links(server: HTTPServer, fast: FetchSettings) -> None:
    atom = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>'
            '<entry><title>One</title><link href="/one"/><updated>2025-02-03T10:00:00Z</updated></entry></feed>')
    server.expect_request("/atom").respond_with_data(atom, content_type="application/atom+xml")
    serve_pages(server, ["/one"])
    with Crawl(fast) as crawl:
        (doc,) = list(crawl([server.url_for("/atom")]))
    assert doc.source == server.url_for("/one") and doc.published is None  # 'updated' is no publication date


def test_news_sitemap_gives_title_date_and_outlet(server: HTTPServer, fast: FetchSettings) -> None:
    base = f"http://127.0.0.1:{server.port}"
    xml = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
           'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
           f'<url><loc>{base}/a</loc><news:news><news:publication><news:name>The Daily</news:name>'
           '<news:language>en</news:language></news:publication><news:publication_date>2025-02-04T08:00:00+00:00'
           '</news:publication_date><news:title>Talks resume</news:title></news:news></url>'
           f'<url><loc>{base}/b</loc><lastmod>2025-02-06</lastmod></url></urlset>')
    server.expect_request("/news-sitemap.xml").respond_with_data(xml, content_type="application/xml")
    serve_pages(server, ["/a", "/b"])
    with Crawl(fast) as crawl:
        docs = list(crawl([base + "/news-sitemap.xml"]))
    assert [d.source for d in docs] == [base + "/b", base + "/a"]
    assert (docs[1].title, docs[1].published, docs[1].outlet) == ("Talks resume", "2025-02-04", "The Daily")
    assert docs[0].published is None  # a lastmod says when the page changed, not when it was published


def test_sitemap_index_with_a_gzipped_child(server: HTTPServer, fast: FetchSettings) -> None:
    base = f"http://127.0.0.1:{server.port}"
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    index = (f'<?xml version="1.0"?><sitemapindex {ns}><sitemap><loc>{base}/s1.xml.gz</loc><lastmod>2025-02-01</lastmod>'
             f'</sitemap><sitemap><loc>{base}/s2.xml</loc></sitemap><sitemap><loc>{base}/missing.xml</loc></sitemap>'
             '</sitemapindex>')
    s1 = f'<urlset {ns}><url><loc>{base}/p1</loc><lastmod>2025-02-01</lastmod></url></urlset>'
    s2 = f'<urlset {ns}><url><loc>{base}/p2</loc><lastmod>2025-02-02</lastmod></url><url><loc>{base}/p3</loc></url></urlset>'
    server.expect_request("/sitemap.xml").respond_with_data(index, content_type="application/xml")
    server.expect_request("/s1.xml.gz").respond_with_data(gzip.compress(s1.encode()), content_type="application/x-gzip")
    server.expect_request("/s2.xml").respond_with_data(s2, content_type="application/xml")
    serve_pages(server, ["/p1", "/p2", "/p3"])
    with Crawl(fast) as crawl:
        items = list(crawl([base + "/sitemap.xml"]))
    assert [(type(i).__name__, i.source) for i in items] == [
        ("Failure", base + "/missing.xml"), ("RawDocument", base + "/p2"), ("RawDocument", base + "/p1"),
        ("RawDocument", base + "/p3")]


def test_max_per_source_takes_the_newest(server: HTTPServer, fast: FetchSettings) -> None:
    from dataclasses import replace

    base = f"http://127.0.0.1:{server.port}"
    server.expect_request("/feed").respond_with_data(rss(base, [(f"/p{i}", f"Mon, {i + 1:02d} Feb 2025 10:00:00 GMT")
                                                               for i in range(5)]), content_type="application/rss+xml")
    serve_pages(server, [f"/p{i}" for i in range(5)])
    with Crawl(replace(fast, max_per_source=2)) as crawl:
        docs = list(crawl([base + "/feed"]))
    assert [d.source for d in docs] == [base + "/p4", base + "/p3"]


BOMB = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;">]>'
        '<rss version="2.0"><channel><title>&lol4;</title><item><title>&lol4;</title><link>http://x.test/a</link>'
        '</item></channel></rss>')


@pytest.mark.parametrize("doc", [BOMB, BOMB.replace("<rss", "<urlset").replace("</rss>", "</urlset>"),
                                 BOMB.replace("<!ENTITY lol ", '<!ENTITY lol SYSTEM "file:///etc/passwd"><!ENTITY x ')])
def test_an_xml_entity_bomb_is_refused(server: HTTPServer, fast: FetchSettings, doc: str) -> None:
    server.expect_request("/bomb.xml").respond_with_data(doc, content_type="application/rss+xml")
    with Crawl(fast) as crawl:
        items = list(crawl([server.url_for("/bomb.xml")]))
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert items[0].code == "refused" and "entit" in items[0].message
    assert [r.path for r, _ in server.log] == ["/bomb.xml"]  # nothing it listed was fetched


@pytest.mark.parametrize(("body", "kind"), [
    (b'<?xml version="1.0"?>\n<!-- c --><rss version="2.0">', "feed"), (b"<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
    (b'<rdf:RDF xmlns:rdf="x">', "feed"), (b"<urlset>", "sitemap"), (b"<sitemapindex>", "sitemapindex"),
    (b"<!doctype html><html><body>rss</body></html>", "page"), (b"plain text", "page"),
    (gzip.compress(b"<urlset></urlset>"), "sitemap"),
])
def test_kind_of(body: bytes, kind: str) -> None:
    assert kind_of(body) == kind


def test_unreadable_listing_is_a_failure_and_the_run_goes_on(server: HTTPServer, fast: FetchSettings) -> None:
    server.expect_request("/broken").respond_with_data("<urlset><url><loc>http://x.test/a", content_type="application/xml")
    serve_pages(server, ["/ok"])
    with Crawl(fast) as crawl:
        items = list(crawl([server.url_for("/broken"), server.url_for("/ok"), "ftp://x.test/file", "http:///nohost"]))
    # one site after another in turn: 127.0.0.1, x.test, (no host), then 127.0.0.1 again
    assert [type(i).__name__ for i in items] == ["Failure", "Failure", "Failure", "RawDocument"]
    assert [i.code for i in items if isinstance(i, Failure)] == ["malformed", "refused", "refused"]
    with pytest.raises(Exception, match="well-formed"):
        listing_of(b"<urlset><url>", source="s", max_bytes=100)


def test_incremental_crawl_skips_known_pages_and_unchanged_feeds(server: HTTPServer, fast: FetchSettings, tmp_path) -> None:
    base = f"http://127.0.0.1:{server.port}"
    feed = rss(base, [("/a?utm_source=rss", "Mon, 03 Feb 2025 10:00:00 GMT"), ("/b", "Tue, 04 Feb 2025 10:00:00 GMT")])
    server.expect_request("/feed", headers={"If-None-Match": '"1"'}).respond_with_data("", status=304)
    server.expect_request("/feed").respond_with_data(feed, content_type="application/rss+xml", headers={"ETag": '"1"'})
    serve_pages(server, ["/a", "/b"])
    state = FetchState(tmp_path / "s.db")
    with Crawl(fast, state=state) as crawl:
        first = list(crawl([base + "/feed"]))
        counts = crawl.commit()
        second = list(crawl([base + "/feed"]))
        unchanged = crawl.commit()
    assert len(first) == 2 and (counts.new, counts.sources, counts.unchanged) == (2, 1, 0)
    assert second == [] and (unchanged.new, unchanged.unchanged) == (0, 1)
    assert state.known([canonical_url(base + "/a")]) == {canonical_url(base + "/a")}
    server.clear_log()
    state.record(sources={base + "/feed": (None, None)}, pages=[])  # forget the ETag: the feed is read again
    with Crawl(fast, state=state) as crawl:
        assert list(crawl([base + "/feed", base + "/b?fbclid=x"])) == []
        again = crawl.commit()
    assert (again.known, again.new) == (3, 0)
    assert [r.path for r, _ in server.log] == ["/feed"]


def test_uncommitted_pages_are_fetched_again(server: HTTPServer, fast: FetchSettings, tmp_path) -> None:
    serve_pages(server, ["/a"])
    state = FetchState(tmp_path / "s.db")
    with Crawl(fast, state=state) as crawl:
        assert len(list(crawl([server.url_for("/a")]))) == 1  # stopped before commit: nothing remembered
    with Crawl(fast, state=state) as crawl:
        assert len(list(crawl([server.url_for("/a")]))) == 1
        crawl.commit()
        assert list(crawl([server.url_for("/a")])) == []


@pytest.mark.parametrize(("a", "b"), [
    ("HTTP://News.Example.COM:80/a/b?utm_source=rss&utm_medium=x", "http://news.example.com/a/b"),
    ("https://news.example/a?id=3&fbclid=abc#comments", "https://news.example/a?id=3"),
    ("https://news.example/a?b=2&a=1", "https://news.example/a?a=1&b=2"),
    ("https://news.example", "https://news.example/"),
])
def test_canonical_urls(a: str, b: str) -> None:
    assert canonical_url(a) == canonical_url(b) == b


def test_different_pages_stay_different() -> None:
    assert canonical_url("https://news.example/a?id=3") != canonical_url("https://news.example/a?id=4")
    assert canonical_url("https://news.example/a") != canonical_url("http://news.example/a")


def test_sites_are_taken_in_turn_and_the_order_is_the_inputs() -> None:
    from consilience.fetch.crawl import by_host

    urls = ["http://a.test/1", "http://a.test/2", "http://a.test/3", "http://b.test/1", "http://c.test/1", "http://b.test/2"]
    assert by_host(urls, key=str) == ["http://a.test/1", "http://b.test/1", "http://c.test/1", "http://a.test/2",
                                      "http://b.test/2", "http://a.test/3"]
