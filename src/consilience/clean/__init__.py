"""Clean: RawDocument -> clean text + what was removed."""
