"""Report: dossier.json, and the human-readable renderings."""
