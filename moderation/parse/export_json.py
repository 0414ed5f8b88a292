"""The JSON exports of commenting systems: WordPress's REST API and Coral Talk's GraphQL API.

Both are read whole (`deepjson` decodes any nesting without recursion; `MAX_JSON_BYTES`
bounds the memory): an API answers a page of comments at a time, so an export is a list of such
pages or one large answer, and the shape tells which system wrote it:

- WordPress (`/wp/v2/comments`): a list of objects with `post`, `content.rendered` and
  `status`; a list of posts (`/wp/v2/posts`: `title.rendered`, `content.rendered`) given as
  another input gives those comments their articles.
- Coral: `{"data": ...}` holding comment nodes (`body`, `createdAt`, `status`, `author`,
  `story`, `parent`), under `edges[].node` or `nodes[]`, at any depth.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from moderation.errors import ParseError
from moderation.parse.common import LEAD_CHARS, fragment_text, parse_date, utc_stamp
from moderation.records import Article, Comment, ParsedPage

MAX_JSON_BYTES = 512 * 1024 * 1024
"""A JSON export is decoded whole; larger ones are refused (split it, or export as XML)."""
WORDPRESS_STATUS = {"approved": "approved", "approve": "approved", "1": "approved", "hold": "pending", "unapproved": "pending",
                    "0": "pending", "spam": "spam", "trash": "trash"}  # fmt: skip
CORAL_STATUS = {"APPROVED": "approved", "NONE": "approved", "PREMOD": "pending", "SYSTEM_WITHHELD": "pending",
                "REJECTED": "trash"}  # fmt: skip
"""Coral's NONE is a comment published without a moderator's review (post-moderation)."""


def load(path: Path) -> Any:
    """The decoded export (`deepjson`: nesting of any depth, without recursion)."""
    from moderation.parse import deepjson
    from moderation.parse.decode import decode

    if path.stat().st_size > MAX_JSON_BYTES:
        raise ParseError(f"{path}: a JSON export over {MAX_JSON_BYTES // 2**20} MB; split it, or export XML (read as a stream)")
    try:
        return deepjson.loads(decode(path.read_bytes()))
    except ValueError as error:
        raise ParseError(f"{path}: not JSON ({str(error).splitlines()[0]}); an export cut off midway?") from None


def shape_of(data: Any) -> str | None:
    """"wp-comments", "wp-posts", "coral", or None for JSON no reader knows."""
    if isinstance(data, list) and data and all(isinstance(item, dict) for item in data):
        first = data[0]
        if "post" in first and isinstance(first.get("content"), dict):
            return "wp-comments"
        if isinstance(first.get("title"), dict) and isinstance(first.get("content"), dict):
            return "wp-posts"
    if isinstance(data, dict | list) and next(_coral_nodes(data), None) is not None:
        return "coral"
    return None


def wordpress_posts(path: Path) -> dict[str, Article]:
    """The articles of a `/wp/v2/posts` answer, by post id ({} for any other file)."""
    data = load(path)
    if shape_of(data) != "wp-posts":
        return {}
    return {str(post.get("id")): Article(
        url=post.get("link"), title=fragment_text(_rendered(post.get("title"))) or None,
        published=utc_stamp(post.get("date_gmt")) or parse_date(post.get("date")),
        summary=fragment_text(_rendered(post.get("excerpt"))) or None,
        text=fragment_text(_rendered(post.get("content")))[:LEAD_CHARS] or None, source=str(path),
    ) for post in data}  # fmt: skip


def read_json_export(path: Path, posts: dict[str, Any]) -> Iterator[ParsedPage]:
    data = load(path)
    shape = shape_of(data)
    if shape == "wp-comments":
        yield from _wordpress(data, posts, path)
    elif shape == "coral":
        yield from _coral(data, path)
    elif shape != "wp-posts":  # posts alone hold no comments: they serve the comments' file
        raise ParseError(f"{path}: JSON of a shape no reader knows (WordPress REST comments or posts, Coral GraphQL comments)")


def _rendered(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("rendered") or value.get("raw")
    return value if isinstance(value, str) else ""


def _string(value: Any) -> str | None:
    return None if value is None or value == "" or isinstance(value, bool | dict | list) else str(value)


def _wordpress(comments: list[dict[str, Any]], posts: dict[str, Article], path: Path) -> Iterator[ParsedPage]:
    by_post: dict[str, list[dict[str, Any]]] = {}
    for comment in comments:
        by_post.setdefault(str(comment.get("post")), []).append(comment)
    for post, items in by_post.items():
        article = posts.get(post) or Article(source=f"{path}#post-{post}")
        records = tuple(Comment(
            id=str(item.get("id")), text=fragment_text(_rendered(item.get("content"))), author=_string(item.get("author_name")),
            posted_at=utc_stamp(item.get("date_gmt")) or parse_date(item.get("date") if isinstance(item.get("date"), str) else None),
            parent_id=_string(item.get("parent")) if item.get("parent") not in (0, "0", None) else None, position=position,
            status=WORDPRESS_STATUS.get(str(item.get("status", "approved")).lower(), "pending"), article=article,
        ) for position, item in enumerate(items))  # fmt: skip
        yield ParsedPage(article=article, comments=records, format="wp-rest")


def _coral_nodes(data: Any) -> Iterator[tuple[dict[str, Any], dict[str, Any] | None]]:
    """(comment node, the story that holds it, if any), walking the answer with a stack."""
    stack: list[tuple[Any, dict[str, Any] | None]] = [(data, None)]
    while stack:
        value, story = stack.pop()
        if isinstance(value, dict):
            if isinstance(value.get("body"), str) and ("createdAt" in value or "status" in value):
                yield value, story
                continue
            holder = value if "url" in value and isinstance(value.get("comments"), dict) else story
            stack.extend((child, holder) for child in reversed(list(value.values())) if isinstance(child, dict | list))
        elif isinstance(value, list):
            stack.extend((child, story) for child in reversed(value) if isinstance(child, dict | list))


def _coral(data: Any, path: Path) -> Iterator[ParsedPage]:
    articles: dict[str, Article] = {}
    positions: dict[str, int] = {}
    for node, holder in _coral_nodes(data):
        story = node.get("story") if isinstance(node.get("story"), dict) else holder or {}
        key = str(story.get("id") or story.get("url") or "")
        if key not in articles:
            metadata = story.get("metadata") if isinstance(story.get("metadata"), dict) else {}
            articles[key] = Article(url=_string(story.get("url")), title=_string(metadata.get("title")),
                                    authors=tuple(a for a in [_string(metadata.get("author"))] if a),
                                    published=parse_date(_string(metadata.get("publishedAt"))), source=str(path))  # fmt: skip
        author = node.get("author") if isinstance(node.get("author"), dict) else {}
        parent = node.get("parent") if isinstance(node.get("parent"), dict) else {}
        position = positions.get(key, 0)
        positions[key] = position + 1
        comment = Comment(id=str(node.get("id")), text=fragment_text(node.get("body")), author=_string(author.get("username")),
                          posted_at=parse_date(_string(node.get("createdAt"))), parent_id=_string(parent.get("id")),
                          position=position, status=CORAL_STATUS.get(str(node.get("status")), "pending"),
                          article=articles[key])  # fmt: skip
        yield ParsedPage(article=articles[key], comments=(comment,), format="coral")
