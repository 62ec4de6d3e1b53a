"""Template text left in an article: "[Insert URL here]", "Lorem ipsum", "[Your Name]"."""

from __future__ import annotations

import re

from ..records import Flag

_PLACEHOLDER = re.compile(
    r"\[(?:insert|add|enter|your|include|paste|link to|url of|title of)\b[^\]]{0,120}\]"
    r"|\blorem ipsum\b|\{\{\s*\w+\s*\}\}|\bTK TK\b|\bXX+ words\b",
    re.I,
)


# Every alternative above holds one of these: a text without any is not scanned by the regex.
_MARKS = ("[", "{{", "lorem", "tk tk", "words")


def placeholder_flags(text: str) -> list[Flag]:
    low = text.lower()
    if not any(mark in low for mark in _MARKS):
        return []
    hits = [m.group() for m in _PLACEHOLDER.finditer(text)]
    if not hits:
        return []
    detail = f"{len(hits)} piece(s) of template text left in the article"
    return [Flag(code="placeholder_text", detail=detail, evidence=" | ".join(dict.fromkeys(hits)))]
