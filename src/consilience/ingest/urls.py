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
