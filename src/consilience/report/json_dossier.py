"""dossier.json: deterministic bytes for the same input (sorted lists, fixed separators)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from ..jsontext import indented
from ..records import DOSSIER_FORMAT, Dossier


def dossier_json(dossier: Dossier) -> str:
    return indented(dossier.to_dict()) + "\n"


def write_dossier(dossier: Dossier | None, outdir: str | Path, *, pieces: Iterable[str] | None = None) -> Path:
    """``outdir/dossier.json`` of ``dossier``, or from ``pieces`` of its text when given (written as they come)."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "dossier.json"
    tmp = path.with_suffix(".json.tmp")
    if pieces is None:
        if dossier is None:
            raise ValueError("write_dossier needs a dossier or the pieces of its text")
        pieces = [dossier_json(dossier)]
    try:
        with tmp.open("w", encoding="utf-8") as f:
            f.writelines(pieces)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)  # a failed write (a full disk) leaves no .tmp behind
    return path


def load_dossier(path: str | Path) -> Dossier:
    """The ``Dossier`` a ``dossier.json`` holds; ``ValueError`` saying what is wrong when it holds none."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise ValueError(f"{path}: not JSON ({e}); pass a dossier.json written by consilience") from e
    if not isinstance(data, dict) or data.get("format") != DOSSIER_FORMAT:
        raise ValueError(f"{path}: not a {DOSSIER_FORMAT} document; pass a dossier.json written by consilience")
    try:
        return Dossier.from_dict(data)
    except ValueError as e:
        raise ValueError(f"{path}: {e}; pass a dossier.json written by consilience") from e
