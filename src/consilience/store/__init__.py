"""Store: where articles live between runs. SQLite by default; others implement ``Store``."""

from .base import Store
from .sqlite import SQLiteStore, open_store

__all__ = ["SQLiteStore", "Store", "open_store"]
