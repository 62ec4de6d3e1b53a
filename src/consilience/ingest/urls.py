"""URLs from inputs: kept only when they are web addresses (http or https)."""

from __future__ import annotations

from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")


def web_url(value: str | None) -> str | None:
    """``value`` when it is an http(s) URL with a host, else None (``javascript:``, ``data:``, ``file:`` ...)."""
    if not value:
        return None
    cleaned = "".join(ch for ch in value.strip() if ch >= " " and ch != "\x7f")  # browsers drop these too
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return None
    return cleaned if parts.scheme.lower() in WEB_SCHEMES and parts.netloc else None


# Schemes that run or load something in a browser or on this machine: never kept.
ACTIVE_SCHEMES = ("javascript", "vbscript", "data", "file", "blob", "about", "filesystem", "jar")


def record_url(value: str | None) -> str | None:
    """A JSON Lines record's ``url``: a web address, else the identifier a dataset gives its records
    ("ecbplus:1_1ecb.xml", "urn:isbn:…": what evaluation gold is keyed by) when its scheme can neither
    run nor load anything. Reports link only http(s) addresses."""
    web = web_url(value)
    if web or not value:
        return web
    cleaned = "".join(ch for ch in value.strip() if ch > " " and ch != "\x7f")
    scheme = cleaned.split(":", 1)[0].lower() if ":" in cleaned else ""
    return cleaned if scheme.isalpha() and scheme not in ACTIVE_SCHEMES else None
