"""Our own CSS and JS (``report/templates``), shared by ``report.html`` and the web app, and the
Content-Security-Policy that lets exactly them run: matched by their SHA-256 hashes."""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from importlib.resources import files


@cache
def asset(name: str) -> str:
    """A file of ``report/templates`` (our CSS and JS), read once."""
    return files("consilience.report").joinpath("templates", name).read_text(encoding="utf-8")


def csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(*, base: str = "default-src 'none'; img-src data:") -> str:
    """Nothing may load, except our inline style and script (matched by hash) and data: images."""
    return f"{base}; style-src {csp_hash(asset('report.css'))}; script-src {csp_hash(asset('report.js'))}"
