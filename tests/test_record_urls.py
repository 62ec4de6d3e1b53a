"""A JSON Lines record keeps the identifier its dataset gives it (gold is keyed by it), never an active URL."""

from __future__ import annotations

import pytest

from consilience.ingest.urls import record_url


@pytest.mark.parametrize(("value", "kept"), [("https://news.example/a", "https://news.example/a"),
                                             ("ecbplus:1_1ecb.xml", "ecbplus:1_1ecb.xml"),
                                             ("urn:isbn:0451450523", "urn:isbn:0451450523"),
                                             ("javascript:alert(1)", None), ("JavaScript:alert(1)", None),
                                             ("data:text/html,x", None), ("file:///etc/passwd", None),
                                             ("no scheme here", None), ("", None), (None, None)])
def test_record_urls(value: str | None, kept: str | None) -> None:
    assert record_url(value) == kept
