"""Text from articles made inert for each place a person reads it.

- ``without_bidi``: Unicode bidirectional controls (U+202E and kin) are removed from every
  human-facing output: they reorder what a reader sees ("txt.exe" shown as "exe.txt").
- ``spreadsheet_cell``: a CSV cell a spreadsheet would evaluate (starting with ``=``, ``+``, ``-``,
  ``@``, tab or CR: OWASP's list for CSV injection) gets a leading ``'``.
- ``markdown_text``: HTML and link, image, code and emphasis syntax in article text are escaped,
  so ``report.md`` shows them as written instead of rendering them.
- ``mathtext_free``: ``$`` and backslashes cannot start matplotlib mathtext in a chart label.
"""

from __future__ import annotations

import re

BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI = str.maketrans("", "", BIDI_CONTROLS)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_MARKDOWN = re.compile(r"([\\`*_\[\]<>&|])")
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


_BIDI_FOUND = re.compile(f"[{BIDI_CONTROLS}]")


def without_bidi(text: str) -> str:
    # Looked for first: str.translate with a table reads every character through a dict (~20 us for a
    # sentence), a search for the few it removes ~1 us, and news text rarely holds one.
    return text.translate(_BIDI) if _BIDI_FOUND.search(text) else text


def spreadsheet_cell(value: object) -> object:
    """``value`` as a CSV cell no spreadsheet evaluates (strings only; numbers stay numbers)."""
    if not isinstance(value, str):
        return value
    text = without_bidi(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def markdown_text(value: object) -> str:
    """``value`` as Markdown that renders as the same characters, with no markup, link or HTML."""
    return _MARKDOWN.sub(lambda m: _ENTITIES.get(m.group(1), "\\" + m.group(1)), without_bidi(str(value)))


def mathtext_free(label: str) -> str:
    """A chart label matplotlib draws as written (``$`` would start mathtext, a lone one raises)."""
    return without_bidi(label).replace("\\", "\\\\").replace("$", r"\$")


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """``text`` with the characters XML 1.0 cannot hold removed (a GraphML file with one is unreadable)."""
    return _NOT_XML.sub("", without_bidi(text))
