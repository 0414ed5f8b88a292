"""Typed errors raised by the library; `moderation.cli` turns each into one line and an exit code.

Exit codes follow BSD sysexits where one fits, so shell scripts can tell "your file is bad"
from "the file is missing" from "the model was refused". 0 to 4 are left for results
(the pre-publish `check` command uses 0 publish, 3 hold, 4 reject, 1 undecided).
"""

from __future__ import annotations


class ModerationError(Exception):
    """Base class: a problem with the user's input or files, never a bug in this package."""

    exit_code = 1


class InputMissingError(ModerationError):
    """A named input does not exist, or a directory holds no pages."""

    exit_code = 66  # EX_NOINPUT


class ParseError(ModerationError):
    """A page or a data file could not be read (binary, empty where content is needed...)."""

    exit_code = 65  # EX_DATAERR


class DataError(ParseError):
    """A training or scoring table is unusable: missing column, one class, bad encoding."""


class ModelError(ModerationError):
    """A model bundle is missing, truncated, tampered with or from another library version."""

    exit_code = 69  # EX_UNAVAILABLE


class UsageError(ModerationError):
    """Options that cannot go together."""

    exit_code = 2  # as for a mistyped option


class OutputError(ModerationError):
    """The output exists and --force was not given, or it cannot be written."""

    exit_code = 73  # EX_CANTCREAT


class WorkerError(ModerationError):
    """A worker process scoring in parallel died (killed, or out of memory)."""

    exit_code = 71  # EX_OSERR


EXIT_CODES: dict[str, int] = {
    "ok": 0,
    "usage": 2,
    "data": ParseError.exit_code,
    "missing input": InputMissingError.exit_code,
    "model refused": ModelError.exit_code,
    "cannot write output": OutputError.exit_code,
    "worker died": WorkerError.exit_code,
}
