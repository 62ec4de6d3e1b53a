"""Claims: Article -> Claims (quantities, events, attribution, modality; spaCy stays inside)."""

from .extract import claims_of

__all__ = ["claims_of"]
