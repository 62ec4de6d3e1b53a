"""What counts as a URL argument, and the canonical form that says two URLs are the same page."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from courlan import normalize_url, scrub_url

from ..ingest import looks_like_url

__all__ = ["canonical_url", "looks_like_url", "urls_in"]


def canonical_url(url: str) -> str:
    """The form under which a page is remembered: courlan's normalisation (lower-case host, default
    port dropped, query sorted, tracking parameters such as ``utm_*`` and ``fbclid`` removed) and no
    fragment. ``url`` itself is returned when courlan cannot read it."""
    try:
        normal = normalize_url(scrub_url(url.strip()))
    except (ValueError, AttributeError):
        return url.strip()
    parts = urlsplit(normal)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


def urls_in(text: str) -> list[str]:
    """Entries listed one per line; blank lines and lines starting with ``#`` are skipped."""
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
