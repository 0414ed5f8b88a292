"""The records every step passes along: small frozen dataclasses with fixed JSON keys.

The keys are part of the public contract (docs/commands.md, "Records"): downstream tools read
`parse` output by these names, so a field is renamed only with a changelog entry.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class CommentPolicy:
    """What a page says about its own comments ("Minimum 50 characters", "be respectful")."""

    min_chars: int | None = None
    max_chars: int | None = None
    moderated: bool | None = None
    guidelines: str | None = None

    def is_empty(self) -> bool:
        return all(value is None for value in asdict(self).values())


@dataclass(frozen=True)
class Article:
    """Metadata of the page a comment was posted under; every field may be unknown."""

    url: str | None = None
    site_name: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    modified: str | None = None
    dateline: str | None = None
    agency: str | None = None
    section: str | None = None
    summary: str | None = None
    key_points: tuple[str, ...] = ()
    read_time: str | None = None
    comment_policy: CommentPolicy = field(default_factory=CommentPolicy)
    source: str | None = None
    """Where the page was read from (a path or "-"), so a record can be traced back."""
    text: str | None = None
    """The start of the article's own text (its lead, up to 1,000 characters), when the
    source holds it (a commenting system's export); stance reads it after the title."""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping: tuples become lists, the policy a nested object."""
        data = asdict(self)
        data["authors"] = list(self.authors)
        data["key_points"] = list(self.key_points)
        return data


@dataclass(frozen=True)
class Comment:
    """One reader comment. `parent_id` names the comment it replies to, if any."""

    id: str
    text: str
    author: str | None = None
    posted_at: str | None = None
    parent_id: str | None = None
    position: int = 0
    status: str | None = None
    """Moderation status in a commenting system's export (`parse.exports.STATUSES`); None
    on pages, where every comment shown is published."""
    article: Article = field(default_factory=Article, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """Flat record: the comment's own keys, then the article's keys prefixed `article_`."""
        record: dict[str, Any] = {
            "id": self.id,
            "author": self.author,
            "text": self.text,
            "posted_at": self.posted_at,
            "parent_id": self.parent_id,
            "position": self.position,
            "status": self.status,
        }
        for key, value in self.article.to_dict().items():
            record[f"article_{key}"] = value
        return record


@dataclass(frozen=True)
class ParsedPage:
    """What the parser returns for one page."""

    article: Article
    comments: tuple[Comment, ...] = ()
    format: str = "html"
    """Which parser read the page: "html" or "text"."""


ARTICLE_KEYS: tuple[str, ...] = tuple(Article().to_dict())
COMMENT_KEYS: tuple[str, ...] = tuple(Comment(id="", text="").to_dict())
