"""Where modules of the flat layout (0.1, up to November 2026) live now.

Two kinds of caller still name the old paths: model files, whose pickles name the classes
they hold by module (`moderation.vectorize.FeatureSpace`, `moderation.scorer.HeadScorer`),
and code written against 0.1 (`from moderation.moderator import Moderator`). Both keep
working for one release: importing an old path gives a module that finds each name where
it lives now, with a `DeprecationWarning` (shown to developers, not to users; `make model`
writes the model files under the new names).
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
import types
import warnings
from collections.abc import Sequence
from typing import Any

MOVED: dict[str, tuple[str, ...]] = {
    "moderation.tokens": ("moderation.features.tokens",),
    "moderation.tables": ("moderation.features.tables",),
    "moderation.vectorize": (
        "moderation.features.space", "moderation.features.grams", "moderation.features.shape",
        "moderation.features.pair", "moderation.learn.heads",
    ),
    "moderation.heads": ("moderation.learn.heads",),
    "moderation.scorer": ("moderation.learn.scorer",),
    "moderation.stance": ("moderation.learn.stance",),
    "moderation.pooling": ("moderation.learn.pooling",),
    "moderation.train": ("moderation.learn.train",),
    "moderation.streaming": ("moderation.learn.streaming",),
    "moderation.evaluate": ("moderation.learn.evaluate",),
    "moderation.model": ("moderation.learn.bundle", "moderation.learn.card"),
    "moderation.policy": ("moderation.decide.policy",),
    "moderation.terms": ("moderation.decide.terms",),
    "moderation.moderator": ("moderation.decide.moderator",),
    "moderation.data": ("moderation.io.tables", "moderation.io.datasets"),
    "moderation.output": ("moderation.io.output",),
    "moderation.scoring": ("moderation.batch",),
}
"""Old module → the modules that hold its names now, searched in order."""


class _Forward(types.ModuleType):
    """An old module path: each attribute is looked up in the modules that hold it now."""

    def __init__(self, name: str, homes: tuple[str, ...]) -> None:
        super().__init__(name, f"Moved: now {', '.join(homes)}.")
        self.__homes = homes

    def __getattr__(self, attribute: str) -> Any:
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        for home in self.__homes:
            module = importlib.import_module(home)
            if hasattr(module, attribute):
                return getattr(module, attribute)
        raise AttributeError(f"module {self.__name__!r} (moved to {', '.join(self.__homes)}) has no attribute {attribute!r}")


class _Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, fullname: str, path: Sequence[str] | None, target: types.ModuleType | None = None) -> Any:
        if fullname not in MOVED:
            return None
        return importlib.util.spec_from_loader(fullname, self)

    def create_module(self, spec: Any) -> types.ModuleType:
        warnings.warn(f"{spec.name} moved to {MOVED[spec.name][0]}; the old path goes in the next release",
                      DeprecationWarning, stacklevel=3)  # fmt: skip
        return _Forward(spec.name, MOVED[spec.name])

    def exec_module(self, module: types.ModuleType) -> None:
        return None


def install() -> None:
    """Put the finder on `sys.meta_path` once: it answers only for the old paths."""
    if not any(isinstance(finder, _Finder) for finder in sys.meta_path):
        sys.meta_path.append(_Finder())
