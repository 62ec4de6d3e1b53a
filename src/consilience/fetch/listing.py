"""Feeds and sitemaps -> the pages they list (newest first), with what the listing says about each.

A fetched body is a listing when it is an RSS/RDF/Atom feed, a sitemap (``urlset``, including
Google News sitemaps) or a sitemap index; anything else is a page. Entity declarations are refused
before any XML parser sees the body: no feed or sitemap needs them, and they are how an entity
("billion laughs") bomb is built.
"""

from __future__ import annotations

import re
import time
import zlib
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urljoin
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
import feedparser
from defusedxml import DefusedXmlException

from ..errors import MalformedInput, Refused, TooLarge

Kind = Literal["feed", "sitemap", "sitemapindex", "page"]
_ENTITY = re.compile(rb"<!ENTITY", re.I)
_HEAD_TAG = re.compile(rb"<(?![?!])([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")
_SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@dataclass(frozen=True)
class Target:
    """A page a listing points to, and what the listing says about it."""

    url: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD, only from a publication date (never a sitemap's lastmod)
    outlet: str | None = None
    author: str | None = None
    newest: str = ""  # publication or modification date, for ordering newest first


@dataclass(frozen=True)
class Listing:
    kind: Kind
    targets: tuple[Target, ...]  # pages (feed, sitemap) or child sitemaps (sitemapindex)


def kind_of(body: bytes, content_type: str = "") -> Kind:
    """What a fetched body is, from its first element's name (the content type is too often wrong)."""
    head = unzipped(body, limit=64 * 1024)[:4096] if body[:2] == b"\x1f\x8b" else body[:4096]
    for m in _HEAD_TAG.finditer(head):
        name = m.group(2).decode("ascii").lower()
        if name in ("rss", "feed", "rdf"):
            return "feed"
        if name in ("urlset", "sitemapindex"):
            return "sitemap" if name == "urlset" else "sitemapindex"
        return "page"
    return "page"


def listing_of(body: bytes, *, source: str, max_bytes: int) -> Listing:
    """The pages (or child sitemaps) a feed or sitemap lists, newest first."""
    data = unzipped(body, limit=max_bytes, source=source) if body[:2] == b"\x1f\x8b" else body
    if _ENTITY.search(data):
        raise Refused(f"{source}: the document declares XML entities, which no feed or sitemap needs and an "
                      "entity bomb uses; consilience does not expand them")
    kind = kind_of(data)
    targets = _feed_targets(data, source) if kind == "feed" else _sitemap_targets(data, source)
    return Listing(kind, newest_first(targets))


def newest_first(targets: list[Target]) -> tuple[Target, ...]:
    """Dated targets newest first, then undated ones in listing order; a URL listed twice counts once."""
    unique = list({t.url: t for t in reversed(targets)}.values())[::-1]
    dated = sorted((t for t in unique if t.newest), key=lambda t: t.newest, reverse=True)
    return tuple(dated + [t for t in unique if not t.newest])


def unzipped(data: bytes, *, limit: int, source: str = "") -> bytes:
    """A gzip body (``sitemap.xml.gz``) inflated under ``limit`` bytes."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, limit + 1)
    except zlib.error as e:
        raise MalformedInput(f"{source}: corrupt gzip data ({e}); try again later") from e
    if len(out) > limit and source:
        raise TooLarge(f"{source}: over {limit / 2**20:g} MiB once inflated; raise --max-bytes if it is real")
    return out[:limit]


def _feed_targets(data: bytes, source: str) -> list[Target]:
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries and parsed.get("bozo"):
        raise MalformedInput(f"{source}: not a readable feed ({parsed.get('bozo_exception')}); check the URL")
    return [t for t in (_entry_target(e, source) for e in parsed.entries) if t is not None]


def _entry_target(entry: feedparser.FeedParserDict, source: str) -> Target | None:
    link = entry.get("link") or next((lk.get("href") for lk in entry.get("links", []) if lk.get("href")), None)
    if not link:
        return None
    published = _day(entry.get("published_parsed"))
    newest = published or _day(entry.get("updated_parsed")) or ""
    return Target(url=_absolute(link, source), title=entry.get("title") or None, published=published,
                  author=entry.get("author") or None, newest=newest)


def _sitemap_targets(data: bytes, source: str) -> list[Target]:
    try:
        root = SafeET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as e:
        raise Refused(f"{source}: the sitemap uses XML features consilience refuses ({e})") from e
    except ParseError as e:
        raise MalformedInput(f"{source}: not a well-formed sitemap ({e}); check the URL") from e
    return [t for t in (_sitemap_target(el, source) for el in root if _local(el.tag) in ("url", "sitemap")) if t]


def _sitemap_target(el: Element, source: str) -> Target | None:
    loc = (el.findtext(f"{_SM}loc") or el.findtext("loc") or "").strip()
    if not loc:
        return None
    lastmod = (el.findtext(f"{_SM}lastmod") or el.findtext("lastmod") or "").strip()[:10]
    news = el.find(f"{_NEWS}news")
    if news is None:
        return Target(url=_absolute(loc, source), newest=lastmod)
    published = (news.findtext(f"{_NEWS}publication_date") or "").strip()[:10] or None
    return Target(url=_absolute(loc, source), title=(news.findtext(f"{_NEWS}title") or "").strip() or None,
                  published=published, outlet=(news.findtext(f"{_NEWS}publication/{_NEWS}name") or "").strip() or None,
                  newest=published or lastmod)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _day(parsed: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def _absolute(link: str, source: str) -> str:
    return urljoin(source, link.strip())
