"""A fetched page -> RawDocument (kind ``html``, ``url`` set), so the rest of the pipeline cannot tell
it from a saved file. The charset comes from the Content-Type header, else the page's own
``<meta charset>``, else detection (``ingest.decode``)."""

from __future__ import annotations

from ..errors import UnsupportedFormat
from ..ingest.decode import decoded_text
from ..ingest.html import declared_charset
from ..records import RawDocument
from .client import Fetched
from .listing import Target

# Content types read as pages; an empty or missing type is sniffed like a saved file would be.
_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml", "")


def document_of(fetched: Fetched, target: Target | None = None) -> RawDocument:
    """The page as a RawDocument; raise an InputError when it is no readable text (a PDF, an image)."""
    ctype = fetched.content_type.split(";", 1)[0].strip().lower()
    if ctype not in _PAGE_TYPES:
        raise UnsupportedFormat(f"{fetched.url}: the server sent {ctype}, not a web page; "
                                "download it and pass the file if it holds text")
    body, encoding = decoded_text(fetched.body, fetched.url, declared=fetched.charset or declared_charset(fetched.body))
    kind = "text" if ctype == "text/plain" or "<" not in body else "html"
    t = target or Target(url=fetched.url)
    return RawDocument(source=fetched.url, kind=kind, body=body, url=fetched.final_url, title=t.title,
                       published=t.published, outlet=t.outlet, author=t.author, encoding=encoding)
