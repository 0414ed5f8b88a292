"""Pages to records: `parse_page` reads one page, `iter_pages` walks the inputs a user names.

The format is sniffed, not taken from the file name: saved pages come as .html, .htm,
.txt, .php or no extension at all. Owns decoding (`decode`), HTML pages (`html`, which
reads them through `html_structured`, `html_article`, `html_policy`, `html_schemaorg`,
`html_structure` and `html_comment`, on the element tree of `tree`, `deeptree` (with
`htmltokens`) and `lengths`), browser text dumps (`text`, with `text_section` and
`text_comments`), what both share (`common`), and the exports of commenting systems
(`exports`, with `export_xml` and `export_json`).

May import: `moderation.errors`, `moderation.records`; nothing above them in the flow.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from moderation.errors import InputMissingError, ParseError
from moderation.parse.decode import decode, is_html
from moderation.records import Article, ParsedPage

EXPORT_SUFFIXES = {".xml", ".json"}
"""Files a directory walk reads when their content is a commenting system's export."""
PAGE_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx", ".txt", ".text", ""}
MAX_PAGE_BYTES = 64 * 1024 * 1024
"""Pages larger than this are refused rather than risk exhausting memory."""


class PageTruncatedWarning(UserWarning):
    """Part of a page could not be read, so comments in it may be missing."""


@dataclass(frozen=True)
class PageResult:
    """One input page: its parse, or the error that stopped it (never both)."""

    source: str
    page: ParsedPage | None = None
    error: str | None = None
    exit_code: int = 0


def parse_page(data: bytes | str, source: str | None = None, url: str | None = None) -> ParsedPage:
    """Parse one page from its bytes (or already decoded text)."""
    from moderation.parse.html import parse_html
    from moderation.parse.text import parse_text

    if isinstance(data, bytes):
        if len(data) > MAX_PAGE_BYTES:
            raise ParseError(f"page is {len(data) // 2**20} MB, over the {MAX_PAGE_BYTES // 2**20} MB limit")
        text = decode(data)
    else:
        text = data
    if not text.strip():
        raise ParseError("empty page")
    if is_html(text):
        return parse_html(text, source=source, url=url)
    return parse_text(text, source=source)


def parse_file(path: str | Path) -> ParsedPage:
    """Parse the page saved at `path` ("-" reads standard input)."""
    if str(path) == "-":
        return parse_page(sys.stdin.buffer.read(), source="-")
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise InputMissingError(f"{path}: no such file") from error
    except IsADirectoryError as error:
        raise InputMissingError(f"{path}: is a directory") from error
    except OSError as error:
        raise ParseError(f"{path}: {error.strerror or error}") from error
    return parse_page(data, source=str(path))


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Files named directly, plus the page files under each named directory, sorted.

    A directory with no pages stays in the list as itself, so that reading it reports
    the problem in its place instead of silently producing nothing.
    """
    from moderation.parse.exports import sniff

    paths: list[str] = []
    for name in inputs:
        path = Path(name)
        if name != "-" and path.is_dir():
            found = sorted(
                str(child)
                for child in path.rglob("*")
                if child.is_file() and not child.name.startswith(".")
                and (child.suffix.lower() in PAGE_SUFFIXES or (child.suffix.lower() in EXPORT_SUFFIXES and sniff(child)))
            )
            paths.extend(found or [name])
        else:
            paths.append(name)
    return paths


def iter_pages(inputs: Iterable[str]) -> Iterator[PageResult]:
    """Parse every page the inputs name; a page that fails is reported in place, not fatal.

    A commenting system's export (`exports.sniff`) gives one result per article it holds
    (per comment for the ones read as a stream); WordPress REST posts among the inputs
    give the REST comments their articles. An export that breaks midway gives what was
    read, then its error."""
    from moderation.parse.exports import might_hold_posts, read_export, sniff

    sources = expand_inputs(inputs)
    kinds = {source: sniff(source) for source in sources if source != "-" and Path(source).is_file()}
    posts: dict[str, object] = {}
    post_files: set[str] = set()
    for source, kind in kinds.items():
        if kind == "json" and might_hold_posts(source):  # only these are read here; comments once, below
            from moderation.parse.export_json import wordpress_posts

            try:
                found = wordpress_posts(Path(source))
            except ParseError:
                continue  # reported when the file itself is read below
            posts.update(found)
            if found:
                post_files.add(source)
    for source in sources:
        if source != "-" and Path(source).is_dir():
            yield PageResult(source=source, error=f"{source}: directory holds no pages", exit_code=InputMissingError.exit_code)
            continue
        try:
            if kinds.get(source):
                read = 0
                pages = iter(()) if source in post_files else read_export(source, kinds[source], posts)  # posts: read above
                for page in pages:
                    read += 1
                    yield PageResult(source=source, page=page)
                if not read:
                    yield PageResult(source=source, page=ParsedPage(article=Article(source=source), format=kinds[source]))
            else:
                yield PageResult(source=source, page=parse_file(source))
        except (ParseError, InputMissingError) as error:
            message = str(error) if str(error).startswith(source) else f"{source}: {error}"
            yield PageResult(source=source, error=message, exit_code=error.exit_code)
