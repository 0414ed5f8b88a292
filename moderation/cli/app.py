"""The `moderation` Typer app, and what every command shares: people-talk on stderr,
and library errors turned into one line and their exit code."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
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


@contextlib.contextmanager
def progress_line(total: int | None, unit: str) -> Iterator[Callable[[int], None]]:
    """A progress line on stderr while a person watches (a terminal): how many `unit`s
    are done (of `total`, when known), the rate, and the time left. Redrawn when work is
    reported done, never by a thread (`score --jobs` forks its workers inside the loop,
    and a thread holding stderr's lock at that moment would leave it held in them)."""
    if not sys.stderr.isatty():
        yield lambda done: None
        return
    import time

    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    started = time.perf_counter()
    columns = [TextColumn("{task.completed:,}" + (f" of ~{total:,}" if total else "") + f" {unit}, {{task.fields[rate]}} {unit}/s"),
               TimeElapsedColumn()]  # fmt: skip
    if total:
        columns[1:1] = [BarColumn(), TimeRemainingColumn()]
    with Progress(*columns, console=Console(stderr=True), transient=True, auto_refresh=False) as progress:
        task = progress.add_task(unit, total=total, rate="-")
        progress.refresh()

        def advance(done: int) -> None:
            finished = progress.tasks[0].completed + done
            progress.update(task, completed=finished, rate=f"{finished / max(time.perf_counter() - started, 1e-6):,.0f}")
            progress.refresh()

        yield advance
