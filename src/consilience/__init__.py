"""consilience: what many news reports, taken together, actually establish.

    >>> from consilience import analyze, open_store
    >>> dossier = analyze(["examples/kursk"], store=open_store("consilience.db"))

The names below load on first use (PEP 562): ``import consilience`` and ``consilience --help``
stay fast, and spaCy, scikit-learn and the report writers load only when a stage needs them.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

from .lazy import lazy_attributes

__version__ = "0.1.0"

_WHERE = {
    "ConsilienceError": ".errors", "InputError": ".errors", "StoreError": ".errors",
    "analyze": ".pipeline", "dossier_of": ".pipeline", "ingest": ".pipeline",
    "Article": ".records", "Claim": ".records", "Dossier": ".records", "Failure": ".records", "Flag": ".records",
    "Published": ".records", "Story": ".records",
    "load_dossier": ".report.json_dossier", "write_dossier": ".report.json_dossier",
    "open_store": ".store",
}
__all__ = [
    "Article", "Claim", "ConsilienceError", "Dossier", "Failure", "Flag", "InputError", "Published",
    "StoreError", "Story", "analyze", "dossier_of", "ingest", "load_dossier", "open_store", "write_dossier",
]

if TYPE_CHECKING:
    from .errors import ConsilienceError, InputError, StoreError
    from .pipeline import analyze, dossier_of, ingest
    from .records import Article, Claim, Dossier, Failure, Flag, Published, Story
    from .report.json_dossier import load_dossier, write_dossier
    from .store import open_store


__getattr__ = lazy_attributes(__name__, _WHERE)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """``consilience.ingest`` is both the function and a subpackage: loading the subpackage makes the
    import system bind its module to this name, which would hide the function (an eager import used to
    rebind it). A property on the module's class answers first and keeps the function."""

    @property
    def ingest(self) -> Any:
        from .pipeline import ingest

        return ingest

    @ingest.setter
    def ingest(self, module: Any) -> None:
        pass  # the subpackage stays reachable as sys.modules["consilience.ingest"]


sys.modules[__name__].__class__ = _Package
