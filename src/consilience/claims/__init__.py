"""Claims: Article -> Claims (quantities, events, attribution, modality; spaCy stays inside)."""

from typing import TYPE_CHECKING

from ..lazy import lazy_attributes

if TYPE_CHECKING:  # imported on first use (below); keys.extractor_version follows this import all the same
    from .extract import claims_of

# The extractor's release: raise it when its output changes on purpose. Stored claims are reused
# while it (and a digest of the claim stage's code, keys.extractor_version) is unchanged.
EXTRACTOR_VERSION = "2"

__all__ = ["EXTRACTOR_VERSION", "claims_of"]

# spaCy loads with the extractor: a module that only reads the claim stage's pure helpers
# (``claims.numbers``) does not load it.
__getattr__ = lazy_attributes(__name__, {"claims_of": ".extract"})
