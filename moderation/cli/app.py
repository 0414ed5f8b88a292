"""The `moderation` Typer app, and what every command shares: people-talk on stderr,
and library errors turned into one line and their exit code."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import Annotated

import typer

from moderation.errors import translated

app = typer.Typer(
    name="moderation",
    help="Local, explainable reader-comment moderation: parse pages, train, evaluate, score.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

def say(message: str) -> None:
    """People-talk goes to stderr, so stdout stays data only."""
    typer.echo(message, err=True)


@contextlib.contextmanager
def errors_to_exit() -> Iterator[None]:
    """Turn a library error into one line on stderr and its documented exit code."""
    try:
        yield
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as Unix tools do.
        sys.stderr.close()
        raise typer.Exit(0) from None
    except Exception as error:
        typed = translated(error)
        if typed is None:
            raise
        say(f"error: {typed}")
        raise typer.Exit(typed.exit_code) from None


def _version(value: bool) -> None:
    if value:
        from moderation import __version__

        typer.echo(f"moderation {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")] = False,
) -> None:
    """Local, explainable reader-comment moderation: parse pages, train, evaluate, score."""
