"""Package names imported on first use, so ``python -m analysis --help`` starts without pandas,
papermill or nbformat."""
from __future__ import annotations

import importlib
import sys
from typing import Callable


def lazy_exports(package: str, homes: dict[str, str]) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """The module-level ``__getattr__`` and ``__dir__`` of ``package``, whose names ``homes`` maps to the
    module that defines each; a name is looked up in its module on each use (so a patched name is seen)."""

    def __getattr__(name: str):
        if name in homes:
            return getattr(importlib.import_module(homes[name]), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted(set(vars(sys.modules[package])) | set(homes))

    return __getattr__, __dir__
