"""moderation: local, explainable reader-comment moderation and stance classification.

The public API is small and imports nothing heavy until it is used:

- `parse_page(data)` / `parse_file(path)`: a page (HTML or a text dump) to its article and comments.
- `load_model(directory=None)`: the checked model bundle (default: models/default), whose
  `predict(frame)` gives calibrated probabilities and labels per task and
  `predict_explained(frame)` also the features behind them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from moderation import _moved

__version__ = "0.1.0"
__all__ = ["parse_page", "parse_file", "load_model", "__version__"]

_moved.install()

if TYPE_CHECKING:
    from moderation.learn.bundle import load as load_model
    from moderation.parse import parse_file, parse_page


def __getattr__(name: str) -> Any:
    if name in ("parse_page", "parse_file"):
        from moderation import parse

        return getattr(parse, name)
    if name == "load_model":
        from moderation.learn.bundle import load

        return load
    raise AttributeError(f"module 'moderation' has no attribute {name!r}")
