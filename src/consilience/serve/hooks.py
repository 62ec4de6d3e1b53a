"""Datasette's plugin hooks for consilience's pages (registered by ``app.make_app``).

Datasette keeps one plugin registry per process, so each hook acts only on a Datasette that
``make_app`` made (it carries ``consilience = True``) and leaves any other alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from datasette import hookimpl

from .app import ROUTES, error_response, with_security_headers


def _ours(datasette: Any) -> bool:
    return bool(getattr(datasette, "consilience", False))


@hookimpl
def register_routes(datasette: Any) -> list[tuple[str, Any]] | None:
    return ROUTES if _ours(datasette) else None


@hookimpl
def asgi_wrapper(datasette: Any) -> Callable[[Any], Any] | None:
    return with_security_headers if _ours(datasette) else None


@hookimpl
def handle_exception(datasette: Any, request: Any, exception: Exception) -> Any:
    return error_response(request, exception) if _ours(datasette) else None
