"""The outlet: from metadata, else the URL's host, else the text's own sign-off."""

from __future__ import annotations

import functools
import re
import warnings
from typing import Any
from urllib.parse import urlparse

# Self-references a site prints about itself: "A Message from X", "connect with the X",
# "© 2025 X", "Copyright X", "X. All rights reserved".
_NAME = r"((?:The\s+)?[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,5})"
_SELF_REFERENCES = [
    re.compile(r"\bA Message from " + _NAME),
    re.compile(r"\bconnect\s+with\s+the\s+" + _NAME),
    re.compile(r"(?:©|\(c\)|Copyright)\s*(?:\d{4}\s*)?" + _NAME),
    re.compile(r"\bsubscribe to " + _NAME),
]


def outlet_of(*, declared: str | None, url: str | None, removed: list[str] | tuple[str, ...]) -> str | None:
    if declared:
        return declared.strip()
    named = outlet_in_text(" ".join(removed))
    if named:
        return named
    return host_name(url)


def outlet_in_text(text: str) -> str | None:
    for pattern in _SELF_REFERENCES:
        m = pattern.search(text)
        if m:
            return m.group(1).strip(" .:")
    return None


def host_name(url: str | None) -> str | None:
    """The outlet a URL belongs to, keyed by its registered domain: edition.cnn.com and cnn.com are
    one outlet, news.bbc.co.uk is bbc.co.uk (the Public Suffix List snapshot tldextract ships;
    no download). A host with no registered domain (an address, "localhost") is kept as it is."""
    if not url or "://" not in url:
        return None
    host = urlparse(url).netloc.lower().split(":")[0]
    registered = _domains()(host).top_domain_under_public_suffix
    return registered or (host[4:] if host.startswith("www.") else host) or None


@functools.cache
def _domains() -> Any:
    """tldextract over its bundled list, imported on first use: it imports requests, whose optional
    SOCKS support warns at import when PySocks is absent (never used here: nothing is fetched)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import tldextract
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
