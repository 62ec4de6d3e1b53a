"""Claims: Article -> Claims (quantities, events, attribution, modality; spaCy stays inside)."""

from .extract import claims_of

# The extractor's release: raise it when its output changes on purpose. Stored claims are reused
# while it (and a digest of the claim stage's code, keys.extractor_version) is unchanged.
EXTRACTOR_VERSION = "2"

__all__ = ["EXTRACTOR_VERSION", "claims_of"]
