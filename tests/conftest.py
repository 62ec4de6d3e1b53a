from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(__file__).parent.parent / "examples" / "kursk"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def examples() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def kursk_reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``consilience analyze examples/kursk`` once per session: the folder with dossier.json and reports."""
    from typer.testing import CliRunner

    from consilience.cli import app

    out = tmp_path_factory.mktemp("kursk")
    result = CliRunner().invoke(app, ["analyze", str(EXAMPLES), "-o", str(out), "--db", str(out / "s.db"), "-q"])
    assert result.exit_code == 0, result.output
    return out


EVIL = ('<script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2"> '
        '<a href="javascript:window.__pwned = 3">click</a> <svg onload="window.__pwned = 4"></svg>')


@pytest.fixture
def hostile_dossier() -> dict:
    """A dossier whose every string tries to run script or load something."""
    text = f"Officials said 40 buses were lost. {EVIL} The mayor said on Monday."
    start = text.index("40")
    return {
        "format": "consilience.dossier/1",
        "articles": [{"id": "a1", "source": f"feed{EVIL}.xml", "url": "javascript:alert(1)", "outlet": EVIL,
                      "title": EVIL, "author": None, "language": "en", "text": text, "removed": [EVIL],
                      "published": {"date": "2025-03-03", "earliest": None, "latest": None, "basis": "metadata"},
                      "flags": [{"code": "placeholder_text", "detail": EVIL, "evidence": EVIL}],
                      "duplicate_of": None}],
        "claims": [{"id": "c1", "article": "a1", "start": start, "end": len(text), "text": text[start:],
                    "kind": "quantity", "predicate": EVIL, "subject": EVIL, "negated": False,
                    "quantity": {"value": 40, "low": 40, "high": 40, "unit": EVIL, "qualifier": "exact"},
                    "when": {"start": "2025-03-03", "end": "2025-03-03", "text": EVIL, "precision": "day"},
                    "where": EVIL, "attribution": {"source": EVIL, "via": [EVIL], "text": EVIL, "sources": [EVIL]},
                    "modality": "reported"}],
        "stories": [{"id": "s1", "title": EVIL, "articles": ["a1"],
                     "facts": [{"id": "f1", "statement": EVIL, "claims": ["c1"], "sources": [EVIL], "outlets": [EVIL],
                                "status": "single_source", "when": None, "weight": 1.0}],
                     "relations": [{"kind": "updates", "from": "f1", "to": "f1", "explanation": EVIL}],
                     "timeline": [{"start": "2025-03-03", "end": "2025-03-03", "label": EVIL, "facts": ["f1"],
                                   "precision": "day"}],
                     "summary": [{"text": EVIL, "claims": ["c1"]}]}],
        "failures": [{"source": EVIL, "stage": "read", "code": "bad", "message": EVIL}],
        "notes": [EVIL],
    }
