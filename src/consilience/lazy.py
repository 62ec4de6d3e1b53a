"""Names a package loads on first use (PEP 562), so that importing it stays cheap."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any


def lazy_attributes(package: str, where: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package`` that imports each name in ``where`` (name -> its
    module, relative to the package) when first asked for, and keeps it as a module attribute, so
    a test can replace it like any other."""

    def __getattr__(name: str) -> Any:
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(where[name], package), name)
        vars(sys.modules[package])[name] = value  # the module's globals, as the name had been imported
        return value

    return __getattr__
