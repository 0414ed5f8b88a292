"""The XML exports of commenting systems, read as a stream: WordPress WXR and Disqus.

`defusedxml` parses them: it refuses entity declarations and external references, so
an export cannot expand itself into gigabytes or read files off the machine. Each
article's element is cleared once read, so memory stays flat on large exports. An export
cut off midway yields every comment read before the cut, then a `ParseError` naming the
line where it stopped.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from moderation.errors import ParseError
from moderation.parse.common import LEAD_CHARS, fragment_text, parse_date, utc_stamp
from moderation.records import Article, Comment, ParsedPage

WXR_STATUS = {"1": "approved", "approve": "approved", "0": "pending", "hold": "pending", "spam": "spam", "trash": "trash",
              "post-trashed": "trash"}  # fmt: skip
"""WordPress's `comment_approved` values onto `exports.STATUSES`."""


def _events(path: Path) -> Iterator[tuple[str, Any]]:
    """(event, element) pairs of `path`, with errors as `ParseError`s that name the file."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse
    from xml.etree.ElementTree import ParseError as XmlError

    try:
        yield from iterparse(str(path), events=("start", "end"))
    except DefusedXmlException as error:
        raise ParseError(f"{path}: refused: the export declares XML entities or external references ({type(error).__name__})") from None
    except XmlError as error:
        line = error.position[0] if getattr(error, "position", None) else "?"
        raise ParseError(f"{path}: the XML stops being well-formed at line {line} ({error}); the comments before it were read") from None


def _name(tag: str) -> str:
    """`prefix:local` for the namespaces these exports use, whatever their exact URIs
    (WXR 1.0 to 1.2 use http and https forms)."""
    if not tag.startswith("{"):
        return tag
    uri, local = tag[1:].split("}", 1)
    for marker, prefix in (("export/1.2/excerpt", "excerpt"), ("export/1.1/excerpt", "excerpt"), ("export/1.0/excerpt", "excerpt"),
                           ("wordpress.org/export", "wp"), ("purl.org/rss/1.0/modules/content", "content"),
                           ("purl.org/dc/elements", "dc"), ("disqus.com/disqus-internals", "dsq"), ("disqus.com", "")):  # fmt: skip
        if marker in uri:
            return f"{prefix}:{local}" if prefix else local
    return local


def _child_text(element: Any, name: str) -> str | None:
    for child in element:
        if _name(child.tag) == name:
            return (child.text or "").strip() or None
    return None


def _lead(body: str | None) -> str | None:
    text = fragment_text(body)
    return text[:LEAD_CHARS] or None


def read_wxr(path: Path) -> Iterator[ParsedPage]:
    """Each item (post or page) that has comments, with every `wp:comment` of it."""
    site = None
    open_elements: list[Any] = []
    for event, element in _events(path):
        name = _name(element.tag)
        if event == "start":
            open_elements.append(element)
            continue
        open_elements.pop()
        depth = len(open_elements)
        if name == "title" and depth == 2 and site is None:  # rss > channel > title
            site = (element.text or "").strip() or None
        if name != "item":
            continue
        comments = [child for child in element if _name(child.tag) == "wp:comment"]
        if comments:
            yield _wxr_page(element, comments, site, path)
        open_elements[-1].remove(element)  # memory stays flat: nothing read stays in the tree


def _wxr_page(item: Any, comment_elements: list[Any], site: str | None, path: Path) -> ParsedPage:
    creator = _child_text(item, "dc:creator")
    article = Article(
        url=_child_text(item, "link"), site_name=site, title=_child_text(item, "title"),
        authors=(creator,) if creator else (), published=utc_stamp(_child_text(item, "wp:post_date_gmt")) or parse_date(_child_text(item, "pubDate")),
        summary=fragment_text(_child_text(item, "excerpt:encoded")) or None, text=_lead(_child_text(item, "content:encoded")),
        source=str(path),
    )  # fmt: skip
    comments = []
    for position, element in enumerate(comment_elements):
        comment_id = _child_text(element, "wp:comment_id") or f"{_child_text(item, 'wp:post_id')}-{position}"
        parent = _child_text(element, "wp:comment_parent")
        approved = (_child_text(element, "wp:comment_approved") or "").lower()
        comments.append(Comment(
            id=comment_id, text=fragment_text(_child_text(element, "wp:comment_content")),
            author=_child_text(element, "wp:comment_author"), posted_at=utc_stamp(_child_text(element, "wp:comment_date_gmt")),
            parent_id=parent if parent and parent != "0" else None, position=position,
            status=WXR_STATUS.get(approved, "pending"), article=article,
        ))  # fmt: skip
    return ParsedPage(article=article, comments=tuple(comments), format="wxr")


def read_disqus(path: Path) -> Iterator[ParsedPage]:
    """Each post as it streams, with its thread's article (threads come first in a
    Disqus export; a post whose thread is missing gets an article that names only the
    thread's id)."""
    threads: dict[str, Article] = {}
    positions: dict[str, int] = {}
    open_elements: list[Any] = []
    for event, element in _events(path):
        if event == "start":
            open_elements.append(element)
            continue
        open_elements.pop()
        name = _name(element.tag)
        if len(open_elements) != 1:
            continue
        if name not in ("thread", "post"):
            open_elements[0].remove(element)
            continue
        key = _dsq_id(element)
        if name == "thread":
            threads[key] = Article(url=_child_text(element, "link"), title=_child_text(element, "title"),
                                   published=parse_date(_child_text(element, "createdAt")),
                                   text=_lead(_child_text(element, "message")), source=str(path))  # fmt: skip
        else:
            thread = next((_dsq_id(child) for child in element if _name(child.tag) == "thread"), "")
            parent = next((_dsq_id(child) for child in element if _name(child.tag) == "parent"), None)
            article = threads.get(thread) or Article(url=None, title=None, source=f"{path}#thread-{thread}")
            position = positions.get(thread, 0)
            positions[thread] = position + 1
            comment = Comment(id=key, text=fragment_text(_child_text(element, "message")), author=_disqus_author(element),
                              posted_at=parse_date(_child_text(element, "createdAt")), parent_id=parent or None,
                              position=position, status=_disqus_status(element), article=article)  # fmt: skip
            yield ParsedPage(article=article, comments=(comment,), format="disqus")
        open_elements[0].remove(element)


def _dsq_id(element: Any) -> str:
    for attribute, value in element.attrib.items():
        if _name(attribute) == "dsq:id":
            return str(value)
    return ""


def _disqus_author(post: Any) -> str | None:
    for child in post:
        if _name(child.tag) == "author":
            return _child_text(child, "name") or _child_text(child, "username")
    return None


def _disqus_status(post: Any) -> str:
    if (_child_text(post, "isSpam") or "").lower() == "true":
        return "spam"
    if (_child_text(post, "isDeleted") or "").lower() == "true":
        return "trash"
    return "approved"
