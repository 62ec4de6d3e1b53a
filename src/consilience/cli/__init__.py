"""The command line: thin commands over the API; the only place that prints."""

from .main import app

__all__ = ["app"]
