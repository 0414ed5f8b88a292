"""`moderation parse`: pages to records."""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum
from typing import Annotated, Optional

import typer

from moderation.cli.app import app, errors_to_exit, progress_line, say


class PageFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    json = "json"

@app.command()
def parse(
    pages: Annotated[list[str], typer.Argument(help="Page files (HTML or text dumps), directories to walk, or - for stdin.")],
    output: Annotated[Optional[str], typer.Option("-o", "--output", help="Write here (atomically) instead of stdout.")] = None,
    fmt: Annotated[Optional[PageFormat], typer.Option("--format", "-f", help="Output format (default: from -o's extension, else jsonl).")] = None,
    articles: Annotated[bool, typer.Option("--articles", help="One record per page instead of one per comment.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing output file.")] = False,
) -> None:
    """Extract reader comments and article metadata from saved pages.

    Prints one record per comment, carrying its article's fields (prefixed article_);
    with --articles, one record per page. A page that cannot be read is reported on
    stderr and the others are still written; the exit code is then 65 (66 if the
    failures were missing files only).

    Examples:

    \b
    moderation parse seeds/
    moderation parse seeds/ --articles -o articles.csv
    """
    from moderation.parse import PageResult, expand_inputs, iter_pages

    failures: list[int] = []
    pages_read = comments_found = 0
    sources = expand_inputs(pages)

    def records() -> Iterator[dict]:
        with progress_line(len(sources), "files") as advance:
            previous = None
            for result in iter_pages(sources):
                if result.source != previous:
                    advance(1 if previous is not None else 0)
                    previous = result.source
                yield from _records_of(result)
            advance(1 if previous is not None else 0)

    def _records_of(result: PageResult) -> Iterator[dict]:
        nonlocal pages_read, comments_found
        if result.page is None:
            say(f"error: {result.error}")
            failures.append(result.exit_code)
            return
        page = result.page
        pages_read += 1
        comments_found += len(page.comments)
        if articles:
            record = page.article.to_dict()
            record["comment_count"] = len(page.comments)
            yield record
        else:
            for comment in page.comments:
                yield comment.to_dict()

    with errors_to_exit():
        from moderation.io.output import emit, output_format

        emit(records(), output, output_format(output, fmt.value if fmt else None, tuple(item.value for item in PageFormat)), force=force)
    say(f"{pages_read} page(s) read, {comments_found} comment(s), {len(failures)} failed")
    if failures:
        missing_only = all(code == 66 for code in failures)
        raise typer.Exit(66 if missing_only and not pages_read else 65)
