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


class ConfigError(ModerationError):
    """A settings file (a site policy, training settings) names an unknown setting or
    gives one a value of the wrong type or out of range."""

    exit_code = 78  # EX_CONFIG


class UsageError(ModerationError):
    """Options that cannot go together."""

    exit_code = 2  # as for a mistyped option


class OutputError(ModerationError):
    """The output exists and --force was not given, or it cannot be written."""

    exit_code = 73  # EX_CANTCREAT


class PortInUseError(ModerationError):
    """`serve` cannot listen: the address is in use (another server, or this one already)."""

    exit_code = 75  # EX_TEMPFAIL: try again, or another port


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
    "port in use": PortInUseError.exit_code,
    "bad settings file": ConfigError.exit_code,
}


def translated(error: BaseException) -> ModerationError | None:
    """The typed error that a low-level exception escaping a command stands for, or None
    for a bug (which should keep its traceback).

    The library raises typed errors where it knows the cause; this catches what reaches
    the command line from below it (the standard library, pandas, Dask workers) so that
    the user still gets one line and a documented code: a file that will not decode,
    a path that is a directory, nesting too deep to decode.
    """
    if isinstance(error, ModerationError):
        return error
    if isinstance(error, UnicodeDecodeError):
        return DataError(f"input is not {error.encoding.upper()} (byte {error.start} of a block: {error.reason}); "
                         "re-save it as UTF-8")  # fmt: skip
    if isinstance(error, IsADirectoryError | NotADirectoryError | FileNotFoundError | PermissionError):
        what = {IsADirectoryError: "is a directory; a file is needed", NotADirectoryError: "a directory is needed",
                FileNotFoundError: "no such file or directory", PermissionError: "permission denied"}[type(error)]  # fmt: skip
        return InputMissingError(f"{error.filename}: {what}")
    if isinstance(error, RecursionError):
        return DataError("input nested too deeply to read")
    if type(error).__module__.startswith("pandas") and type(error).__name__ in ("EmptyDataError", "ParserError"):
        return DataError(f"cannot read the table: {str(error).splitlines()[0] if str(error) else type(error).__name__}")
    return None
