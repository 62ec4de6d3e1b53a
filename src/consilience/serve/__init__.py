"""``consilience serve``: a web app and JSON API over the store (Datasette with consilience's pages)."""

from .app import make_app

__all__ = ["make_app"]
