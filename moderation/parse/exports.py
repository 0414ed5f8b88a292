"""Comments where newsrooms keep them: the exports of commenting systems, told apart by
their content (never by file name) and read into the same records as pages.

- WordPress WXR (`export_xml`): each `wp:comment` of each item, the item as the article.
- Disqus XML export (`export_xml`): `thread` elements are articles, `post` elements comments.
- WordPress REST API JSON (`export_json`): `/wp/v2/comments`, with `/wp/v2/posts` beside it
  when given, so the comments get their articles.
- Coral Talk (`export_json`): comments as its GraphQL API returns them.

Every comment has a `status` from one vocabulary (`STATUSES`), so a moderator can score
only what still waits (`score --status pending`). XML is read as a stream (memory stays
flat on exports of hundreds of megabytes) by a parser that refuses entity declarations
(an "XML bomb" is one clear error, not an exhausted machine).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from moderation.records import ParsedPage

STATUSES = ("approved", "pending", "spam", "trash")
"""A comment's moderation status, whatever system it came from (docs/parsing.md maps each
system's own values onto these)."""

EXPORT_FORMATS = ("wxr", "disqus", "wp-rest", "coral")
SNIFF_BYTES = 64 * 1024


def sniff(path: str | Path) -> str | None:
    """Which export a file holds ("wxr", "disqus", "json"), or None for anything else (a
    page, a table). JSON exports are told apart once read (`export_json.read_json_export`)."""
    try:
        with Path(path).open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except OSError:
        return None
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"<"):
        if b"<rss" in head and b"wordpress.org/export" in head:
            return "wxr"
        if b"<disqus" in head:
            return "disqus"
        return None
    if start.startswith((b"[", b"{")):
        if b'"rendered"' in head and (b'"post"' in head or b'"author_name"' in head or b'"type"' in head):
            return "json"
        if b'"body"' in head and (b'"story"' in head or b'"edges"' in head or b'"nodes"' in head):
            return "json"
    return None


def might_hold_posts(path: str | Path) -> bool:
    """Whether a JSON export may be WordPress REST posts (titles rendered as HTML), the
    only kind read ahead of the others to give REST comments their articles."""
    with Path(path).open("rb") as stream:
        head = stream.read(SNIFF_BYTES)
    return b'"title"' in head and b'"rendered"' in head


def read_export(path: str | Path, kind: str, posts: dict[str, object] | None = None) -> Iterator[ParsedPage]:
    """The articles of an export, each with its comments (a Disqus export: each comment
    as it streams, with its thread's article). `posts` are WordPress REST posts by id,
    read from another input (`export_json.wordpress_posts`)."""
    if kind in ("wxr", "disqus"):
        from moderation.parse.export_xml import read_disqus, read_wxr

        yield from (read_wxr if kind == "wxr" else read_disqus)(Path(path))
    else:
        from moderation.parse.export_json import read_json_export

        yield from read_json_export(Path(path), posts or {})
