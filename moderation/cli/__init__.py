"""The `moderation` command: a thin skin over the library.

Every command calls one library function; these modules only turn arguments into calls,
results into stdout, and typed errors into one line on stderr with the exit code that
`moderation.errors` documents. Heavy imports happen inside the commands so that
`--help` starts fast. One module per group of commands; `app` holds what they share.
"""

from __future__ import annotations

from moderation.cli import desk, hook, pages, scoring, training
from moderation.cli.app import app

__all__ = ["app", "desk", "hook", "main", "pages", "scoring", "training"]


def main() -> None:
    """Console-script entry point. A bare `moderation` prints the help and exits 0."""
    import sys

    if len(sys.argv) == 1:
        sys.argv.append("--help")
    app()
