"""RawDocument -> Article: clean, then outlet, language, date and the per-article flags."""

from __future__ import annotations

import hashlib
import logging

from ..clean.dateline import dateline_in
from ..clean.script import dominant_script, words_of
from ..clean.stopwords import stopwords
from ..clean.text import Cleaned, cleaned_text
from ..errors import EmptyInput
from ..flags.placeholder import placeholder_flags
from ..ingest.urls import web_url
from ..lexicon.gazetteer import gazetteer
from ..records import Article, Published, RawDocument
from .language import language_of, load_model
from .outlet import outlet_of
from .printed_date import declared_day, printed_date, url_day

log = logging.getLogger(__name__)


def document_id(doc: RawDocument) -> str:
    """Content hash: the same body read from any path or container is the same article."""
    return hashlib.sha256(f"{doc.kind}\n{doc.body}".encode()).hexdigest()[:16]


def article_from(doc: RawDocument, article_id: str | None = None) -> Article:
    """Clean ``doc`` and read its metadata; raise EmptyInput when no body text is left.
    ``article_id``: ``document_id(doc)`` when the caller has it already (it hashes the whole body)."""
    url, title, outlet, author, declared = doc.url, doc.title, doc.outlet, doc.author, doc.published
    raw, hint = doc.body, None
    if doc.kind == "html":
        from ..clean.html import page_of  # noqa: PLC0415 - trafilatura (a quarter second) loads with the first page

        page = page_of(doc.body, url=url)
        raw, meta = page.text, page.meta
        url, title = url or web_url(meta.url), title or meta.title
        outlet, author, declared = outlet or meta.outlet, author or meta.author, declared or meta.published
        hint = meta.language
    lang, script = language_of(raw, hint), dominant_script(raw) or "LATIN"
    cleaned = cleaned_text(raw, stop=_stop_words(lang, script), title=title, light=doc.kind == "html", script=script)
    if not cleaned.text.strip() and _is_brief(raw, script):
        cleaned = Cleaned(text=raw.strip(), removed=(), title=cleaned.title, author=cleaned.author,
                          header=cleaned.header)
    if not cleaned.text.strip():
        raise EmptyInput(f"{doc.source}: no article text left after cleaning; is it a list or index page?")
    language = lang if lang != "und" else language_of(cleaned.text)
    log.debug("%s: language %s, script %s, %d lines removed", doc.source, language, script, len(cleaned.removed))
    return Article(
        id=article_id or document_id(doc), source=doc.source, text=cleaned.text, url=url,
        outlet=outlet_of(declared=outlet, url=url, removed=cleaned.removed) or _agency(cleaned.removed),
        title=cleaned.title, author=author or cleaned.author,
        published=published_of(declared or _url_or_dateline_day(url, cleaned.removed), cleaned, language),
        language=language, removed=cleaned.removed,
        flags=tuple(placeholder_flags(doc.body if doc.kind == "text" else cleaned.text)),
    )


def load_resources() -> None:
    """Load what ``article_from`` reads (language model, source gazetteer, English stop words, the
    HTML cleaner) once, so that worker processes forked afterwards share it instead of each
    loading its own."""
    from ..clean import html  # noqa: F401, PLC0415 - the HTML cleaner too, for the workers to share

    load_model()
    gazetteer()
    stopwords("en")


def _stop_words(lang: str, script: str) -> frozenset[str]:
    """The article's language's stop words; for text too short to tell its language, English ones
    when it is written in Latin letters, none otherwise (the cleaner then judges by shape)."""
    if lang != "und":
        return stopwords(lang)
    return stopwords("en") if script == "LATIN" else frozenset()


def _agency(removed: tuple[str, ...]) -> str | None:
    """The wire agency of a dateline ("Santiago (AFP) -"), by its canonical name."""
    dateline = dateline_in(removed)
    return gazetteer().source_name(dateline.agency) if dateline else None


def _url_or_dateline_day(url: str | None, removed: tuple[str, ...]) -> str | None:
    """The day in the URL's path ("/2013/05/02/"), else the dateline's when it prints the year
    ("SEOUL, Feb. 4, 2025 (Yonhap) --")."""
    dateline = dateline_in(removed)
    day = url_day(url) or (dateline.filed(None) if dateline else None)
    return day.isoformat() if day else None


BRIEF_MAX_CHARS = 400


def _is_brief(raw: str, script: str) -> bool:
    """A news brief of a line or two ("Coach fired. Successor named."): kept whole rather than
    cleaned away, when it has words enough to be a sentence."""
    text = raw.strip()
    return 0 < len(text) <= BRIEF_MAX_CHARS and text.count("\n") <= 2 and len(words_of(text, script)) >= 5


def published_of(declared: str | None, cleaned: Cleaned, language: str = "en") -> Published:
    day = declared_day(declared, language)
    if day:
        return Published(date=day, earliest=day, latest=day, basis="metadata")
    printed = printed_date(cleaned.header, language)
    if printed:
        return Published(date=printed, earliest=printed, latest=printed, basis="text")
    return Published()
