"""Packaging: `pip install .` gets everything the code imports, with compatible ranges, and the lock pins each."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
_NAME = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)")


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> dict[str, str]:
    return {_norm(_NAME.match(d).group(1)): d for d in PROJECT["dependencies"]}  # type: ignore[union-attr]


def _imported_top_modules() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "src" / "consilience").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"consilience"}


def test_every_imported_library_is_declared() -> None:
    owners = packages_distributions()
    declared = _declared()
    missing = {m: owners.get(m) for m in _imported_top_modules()
               if not any(_norm(d) in declared for d in owners.get(m, [m]))}
    assert not missing, f"imported but not in pyproject.toml dependencies: {missing}"


def test_lxml_html_clean_is_declared_for_trafilatura() -> None:
    # trafilatura imports lxml.html.clean, which lxml ships separately since 5.2: without it the CLI crashes.
    assert "lxml-html-clean" in _declared()


def test_ranges_are_compatible_and_the_lock_pins_each() -> None:
    lock = {_norm(line.split("==")[0]): line.split("==")[1]
            for line in (ROOT / "requirements.lock").read_text().splitlines() if "==" in line}
    for name, spec in _declared().items():
        assert "==" not in spec and "<" in spec and ">=" in spec, f"{spec}: give a compatible range, not a pin"
        assert name in lock, f"{name} is declared but not pinned in requirements.lock"
        low = re.search(r">=\s*([\w.]+)", spec).group(1)  # type: ignore[union-attr]
        assert lock[name].startswith(low.rsplit(".0", 1)[0].split(".")[0]), f"{name}: lock {lock[name]} vs {spec}"


def test_any_current_python_3_from_3_11_installs() -> None:
    assert PROJECT["requires-python"] == ">=3.11"
