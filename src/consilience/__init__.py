"""consilience: what many news reports, taken together, actually establish.

    >>> from consilience import analyze, open_store
    >>> dossier = analyze(["examples/kursk"], store=open_store("consilience.db"))
"""

from .errors import ConsilienceError, InputError, StoreError
from .pipeline import analyze, dossier_of, ingest
from .records import Article, Claim, Dossier, Failure, Flag, Published, Story
from .report.json_dossier import load_dossier, write_dossier
from .store import open_store

__all__ = [
    "Article", "Claim", "ConsilienceError", "Dossier", "Failure", "Flag", "InputError", "Published",
    "StoreError", "Story", "analyze", "dossier_of", "ingest", "load_dossier", "open_store", "write_dossier",
]
__version__ = "0.1.0"
