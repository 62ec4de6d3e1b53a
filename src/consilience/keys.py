"""What makes a stored result current: keys over a step's inputs and the code that computes it.

A stored result is reused only while its key matches, so an incremental analysis gives the bytes
a fresh one would. Each key hashes
- the inputs the step reads (an article's content hash, language and publication date; a story's
  articles as analysed and their claims' keys), and
- a *version* of the step: a digest of the source of every consilience module it imports
  (followed through the package, so an edit anywhere a step can reach invalidates its results),
  the shipped word lists, the user's lists (``CONSILIENCE_SOURCES``, ``CONSILIENCE_PREDICATES``)
  and the versions of the libraries and model whose output it keeps; for claims also
  ``claims.EXTRACTOR_VERSION``, which names a release of the extractor.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from importlib import metadata
from pathlib import Path

from .records import Article

PACKAGE = Path(__file__).parent
USER_LISTS = ("CONSILIENCE_SOURCES", "CONSILIENCE_PREDICATES")


def digest(*parts: object) -> str:
    """A short, stable hash of ``parts`` (JSON-encoded)."""
    text = json.dumps(parts, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def extraction_key(a: Article) -> str:
    """What the claim extractor reads of an article besides its text (which its id hashes)."""
    return digest(a.id, a.language, a.published.to_dict())


def analysed_state(a: Article) -> tuple[object, ...]:
    """What the analysis adds to a stored article (date from its story, flags, copy of)."""
    return (a.published.to_dict(), a.duplicate_of, [f.to_dict() for f in a.flags])


def story_key(group: Sequence[str], articles: Mapping[str, Article], extraction: Mapping[str, str],
              version: str) -> str:
    """Every input of one story's reconciliation: its articles as analysed and their claims' keys."""
    return digest(version, [(i, analysed_state(articles[i]), extraction.get(i)) for i in group])


@cache
def version(*modules: str, libraries: tuple[str, ...] = ()) -> str:
    """A digest of the code of ``modules`` (and of every consilience module they import), the word
    lists, and the installed versions of ``libraries``."""
    files = sorted({f for m in modules for f in _closure(m)})
    code = [(str(f.relative_to(PACKAGE)), hashlib.sha256(f.read_bytes()).hexdigest()) for f in files]
    data = [(p.name, hashlib.sha256(p.read_bytes()).hexdigest()) for p in sorted((PACKAGE / "data").glob("*.json"))]
    return digest(code, data, _user_lists(), [(lib, _installed(lib)) for lib in libraries])


def extractor_version() -> str:
    """``claims.EXTRACTOR_VERSION`` and the claim stage's ``version``, spaCy and its model included.
    Both constants are read from the source: checking that stored claims are current loads no model."""
    release = constant("consilience.claims", "EXTRACTOR_VERSION")
    model = constant("consilience.claims.parse", "MODEL")
    return f"{release}+" + version("consilience.claims", libraries=("spacy", str(model), "numpy"))


@cache
def constant(module: str, name: str) -> object:
    """The literal a module's top level assigns to ``name``, read without importing the module."""
    path = _source(module)
    tree = ast.parse(path.read_bytes()) if path else ast.Module(body=[], type_ignores=[])
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise LookupError(f"{module} assigns no literal to {name}; keys.py reads it from there")


def _user_lists() -> list[tuple[str, str | None]]:
    out = []
    for env in USER_LISTS:
        path = os.environ.get(env)
        out.append((env, hashlib.sha256(Path(path).read_bytes()).hexdigest() if path and Path(path).is_file() else None))
    return out


def _installed(library: str) -> str | None:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return None


def _closure(module: str) -> set[Path]:
    """The source files of ``module`` and of every consilience module it imports, transitively."""
    seen: set[str] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        if name in seen or _source(name) is None:
            continue
        seen.add(name)
        todo.extend(imported_modules(name))
    return {p for p in map(_source, seen) if p is not None}


@cache
def _source(module: str) -> Path | None:
    parts = module.split(".")[1:]
    base = PACKAGE.joinpath(*parts)
    for candidate in (base / "__init__.py", base.with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


@cache
def imported_modules(module: str) -> tuple[str, ...]:
    """The consilience modules ``module`` imports (at any depth of its code), as absolute names;
    a package is also taken to import its own ``__init__``'s parents."""
    path = _source(module)
    if path is None:
        return ()
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: list[str] = []
    for node in _statements(ast.parse(path.read_bytes()).body):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node.module, node.level, package)
            found.append(base)
            found += [f"{base}.{a.name}" for a in node.names]  # `from . import x`: x may be a module
    parents = {".".join(m.split(".")[:k]) for m in found for k in range(2, m.count(".") + 1)}
    return tuple(sorted(m for m in {*found, *parents} if m.startswith("consilience.") and _source(m) is not None))


# Where a statement holds other statements: imports are statements, so no expression is walked
# (``ast.walk`` over every node took about 1 s of each run, most of the time spent checking keys).
_BLOCKS = ("body", "orelse", "finalbody", "handlers", "cases")


def _statements(body: list[ast.stmt]) -> Iterator[ast.AST]:
    """Every statement in ``body`` and in the blocks nested in it (functions, classes, if, try, with...)."""
    todo: list[ast.AST] = list(reversed(body))
    while todo:
        node = todo.pop()
        yield node
        for block in _BLOCKS:
            todo.extend(reversed(getattr(node, block, None) or ()))


def _absolute(name: str | None, level: int, package: str) -> str:
    if level == 0:
        return name or ""
    base = package.split(".")
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, name] if name else base)


def every_module() -> Iterable[str]:
    """Every module of the package, by name."""
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        yield ".".join(parts)
