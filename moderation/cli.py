"""The `moderation` command: a thin skin over the library.

Every command calls one library function; this module only turns arguments into calls,
results into stdout, and typed errors into one line on stderr with the exit code that
`moderation.errors` documents. Heavy imports happen inside the commands so that
`--help` starts fast.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from moderation.errors import ModerationError

app = typer.Typer(
    name="moderation",
    help="Local, explainable reader-comment moderation: parse pages, train, evaluate, score.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class PageFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    json = "json"


def say(message: str) -> None:
    """People-talk goes to stderr, so stdout stays data only."""
    typer.echo(message, err=True)


@contextlib.contextmanager
def errors_to_exit() -> Iterator[None]:
    """Turn a library error into one line on stderr and its documented exit code."""
    try:
        yield
    except ModerationError as error:
        say(f"error: {error}")
        raise typer.Exit(error.exit_code) from None
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as Unix tools do.
        sys.stderr.close()
        raise typer.Exit(0) from None


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


@app.command()
def parse(
    pages: Annotated[list[str], typer.Argument(help="Page files (HTML or text dumps), directories to walk, or - for stdin.")],
    output: Annotated[Optional[str], typer.Option("-o", "--output", help="Write here (atomically) instead of stdout.")] = None,
    fmt: Annotated[PageFormat, typer.Option("--format", "-f", help="Output format.")] = PageFormat.jsonl,
    articles: Annotated[bool, typer.Option("--articles", help="One record per page instead of one per comment.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing output file.")] = False,
) -> None:
    """Extract reader comments and article metadata from saved pages.

    Prints one record per comment, carrying its article's fields (prefixed article_);
    with --articles, one record per page. A page that cannot be read is reported on
    stderr and the others are still written; the exit code is then 65 (66 if the
    failures were missing files only).
    """
    from moderation.parse import iter_pages

    failures: list[int] = []
    pages_read = comments_found = 0

    def records() -> Iterator[dict]:
        nonlocal pages_read, comments_found
        for result in iter_pages(pages):
            if result.page is None:
                say(f"error: {result.error}")
                failures.append(result.exit_code)
                continue
            pages_read += 1
            comments_found += len(result.page.comments)
            if articles:
                record = result.page.article.to_dict()
                record["comment_count"] = len(result.page.comments)
                yield record
            else:
                for comment in result.page.comments:
                    yield comment.to_dict()

    with errors_to_exit():
        from moderation.output import emit

        emit(records(), output, fmt.value, force=force)
    say(f"{pages_read} page(s) read, {comments_found} comment(s), {len(failures)} failed")
    if failures:
        missing_only = all(code == 66 for code in failures)
        raise typer.Exit(66 if missing_only and not pages_read else 65)


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
