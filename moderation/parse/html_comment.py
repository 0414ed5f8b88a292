"""One comment item of an HTML page, read: its author, time and text.

Given an element that holds one comment (found by `html_structure`), this tells apart
the parts of it by their class names and ids (author, date, body, and the noise of
reply links and votes), reads the text without the replies nested inside, and judges
whether that text reads as a reader's comment rather than section furniture. Also owns
dropping a comment read twice, which every way of finding comments needs.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from moderation.parse.common import is_boilerplate, is_policy_line, normalize_space, parse_date, parse_timestamp
from moderation.parse.html_article import BY_PREFIX
from moderation.parse.tree import element_text
from moderation.records import Comment

_AUTHOR_PART = re.compile(r"(?:^|[-_])(?:author|fn|user(?:name)?|name|nick(?:name)?|commenter|poster|by|byline)(?:$|[-_])", re.I)
_DATE_PART = re.compile(r"(?:^|[-_])(?:date|time|timestamp|posted|published|meta|when|ago)(?:$|[-_])", re.I)
_BODY_PART = re.compile(
    r"(?:^|[-_])(?:content|text|body|message|entry|comment-?text|commenttext|commentbody|"
    r"comment_?content|dsq-comment-message|post-?body|post-?message)(?:$|[-_])|^(?:commenttext|commentbody|commentext|comment_text|comment_body|comment-text|comment-body|comment-content|comment_content)$",
    re.I,
)
_NOISE_PART = re.compile(r"reply|action|tool|vote|rating|like|flag|share|footer|report|permalink|edit", re.I)


def class_and_id(element: Any) -> tuple[list[str], str]:
    """An element's class names and id: what comment markup is recognised by."""
    tokens = (element.get("class") or "").split()
    return tokens, (element.get("id") or "").strip()


def read_item(item: Any, item_set: set[Any]) -> tuple[str | None, str | None, str]:
    """Author, time and text of one comment item, ignoring nested replies."""
    own, own_end = _own_elements(item, item_set)
    author = posted = None
    stamped = next((el for el in own if el.tag == "time" and el.get("datetime")), None)
    if stamped is not None:
        posted = parse_date(stamped.get("datetime"))
    body_parts: list[Any] = []
    last_part = -1
    skip: set[Any] = set()
    for position, element in enumerate(own):
        tokens, element_id = class_and_id(element)
        is_author = is_date = is_body = is_noise = False
        for mark in [*tokens, element_id] if element_id else tokens:
            kinds = _part_kinds(mark)
            is_author, is_date, is_body, is_noise = (
                is_author or kinds[0], is_date or kinds[1], is_body or kinds[2], is_noise or kinds[3]
            )
        if author is None and (element.tag == "cite" or is_author or element.get("itemprop") == "author"):
            name = normalize_space(element.text_content())
            name = BY_PREFIX.sub("", re.split(r"\s+(?:says|said|wrote)\b|:", name)[0]).strip()
            name = _clean_author(name)
            if name and len(name) <= 60 and len(name.split()) <= 6 and not name.lower().startswith("http"):
                author = name
        if posted is None and (element.tag == "time" or is_date):
            raw = element.get("datetime") or element.get("title") or normalize_space(element.text_content())
            if raw and len(raw) <= 120:
                posted = parse_timestamp(raw) or (normalize_space(raw) if re.search(r"\d", raw) else None)
        if is_body and not is_noise:
            # Parts come in document order, so a part holding this element is the last one.
            if not (body_parts and position < own_end[last_part]):
                body_parts.append(element)
                last_part = position
        if is_noise and not is_body:
            skip.add(element)
    if body_parts:
        text = "\n".join(_text_without(part, item_set, skip) for part in body_parts)
    else:
        text = _text_without(item, item_set, skip)
        if author:
            lines = text.splitlines()
            text = "\n".join(line for line in lines if normalize_space(line) != author)
    lines = [line for line in text.splitlines() if not is_boilerplate(line) and not is_policy_line(line)]
    author, posted, lines = _bylines_in_text(author, posted, lines)
    if author is None and skip:
        author, posted = _byline_in_footer(own, skip, item_set, posted)
    return author, posted, "\n".join(lines).strip()


def byline_beside(item: Any, item_set: set[Any]) -> tuple[str | None, str | None]:
    """The name and time from a byline just after an item, outside it (Movable Type's
    `<div id="c973096">` text, then `<p class="posted">Posted by: Jeff at November 9, 2012
    8:01 AM</p>`): the next two elements, stopping at another item."""
    following = item.getnext()
    for _ in range(2):
        if following is None or following in item_set:
            break
        if isinstance(following.tag, str) and (signed := _byline(following.text_content())):
            return signed
        following = following.getnext()
    return None, None


def _byline_in_footer(own: list[Any], skip: set[Any], item_set: set[Any], posted: str | None) -> tuple[str | None, str | None]:
    """The name and time from a footer the text was read without ("Posted by: Name |
    October 30, 2012 at 08:58 AM" in TypePad's `p.comment-footer`)."""
    for element in own:
        if element in skip and (signed := _byline(element_text(element, skip=(item_set,)))):
            return signed[0], posted or signed[1]
    return None, posted


def _byline(text: str) -> tuple[str, str | None] | None:
    """The name and time of a short block that is a byline alone (`text_comments.signature`)."""
    from moderation.parse.text_comments import signature

    text = normalize_space(text)
    signed = signature(text) if text and len(text) <= 200 else None
    return (signed.author, signed.posted_at) if signed else None


def _bylines_in_text(author: str | None, posted: str | None, lines: list[str]) -> tuple[str | None, str | None, list[str]]:
    """The name and time an old layout writes as plain lines of the comment rather than
    marks up: the time (and number) above the text ("1. December 27th, 2007 7:51 pm"), the
    byline under it ("Posted by Name, Place", "— Name")."""
    from moderation.parse.text_comments import is_time_line, signature

    if posted is None and len(lines) > 1 and is_time_line(lines[0]):
        posted = parse_timestamp(lines[0]) or lines[0]
        lines = lines[1:]
    if author is None and len(lines) > 1 and (signed := signature(lines[-1])):
        author, posted = signed.author, posted or signed.posted_at
        lines = lines[:-1]
    return author, posted, lines


@functools.lru_cache(maxsize=4096)
def _part_kinds(mark: str) -> tuple[bool, bool, bool, bool]:
    """Whether a class name or id marks an author, a date, a comment's body, or noise."""
    return (
        bool(_AUTHOR_PART.search(mark)),
        bool(_DATE_PART.search(mark)),
        bool(_BODY_PART.search(mark)),
        bool(_NOISE_PART.search(mark)),
    )


_AUTHOR_TAIL = re.compile(
    r"\s*(?:\||·|•|\s[-–—]\s|\bon\b|\bat\b|\bposted\b|\blog in\b|\breply\b|\d{1,4}[./:-]\d{1,2}|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)).*$",
    re.I,
)


def _clean_author(name: str) -> str:
    """The name alone from "Name | Posted at 12:45", "- Name", "Name 07.23.12 at 14:56"."""
    name = _AUTHOR_TAIL.sub("", name.strip(" -–—|·:"))
    return name.strip(" -–—|·:,")


def _own_elements(item: Any, item_set: set[Any]) -> tuple[list[Any], list[int]]:
    """The elements of `item` in document order, without the replies nested in it, and
    for each the position in that list where its own subtree ends."""
    own: list[Any] = []
    ends: list[int] = []
    stack: list[tuple[int, Any]] = [(-1, iter(item))]
    while stack:
        position, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if position >= 0:
                ends[position] = len(own)
            continue
        if child in item_set or not isinstance(child.tag, str):
            continue
        own.append(child)
        ends.append(0)
        stack.append((len(own) - 1, iter(child)))
    return own, ends


def _text_without(element: Any, item_set: set[Any], skip: set[Any]) -> str:
    """Text of `element` without its nested replies and action links (their tails stay)."""
    return element_text(element, skip=(item_set, skip))


def dt_header(item: Any) -> tuple[str | None, str | None]:
    """Author and time from the `<dt>` that heads a `<dd>` comment ("1. Name - date")."""
    header = item.getprevious()
    if item.tag != "dd" or header is None or header.tag != "dt":
        return None, None
    text = re.sub(r"^\s*#?\d+[.)]?\s*", "", normalize_space(header.text_content()))
    parts = re.split(r"\s+[-–—|·]\s+|\s+(?:said|says|wrote|on)\b", text, maxsplit=1)
    author = parts[0].strip() or None
    posted = parse_date(text) if len(parts) > 1 else None
    return author, posted


_FURNITURE = re.compile(
    r"\(required\)|fill in your details|you are commenting using|will not be published|"
    r"notify me of|log out|change\s*\)|most active discussions|your email|email address|"
    r"trackbacks?|pingbacks?|no trackbacks|comment rss|feed for this|captcha|loading\.\.\.",
    re.I,
)


def is_comment_text(text: str, link_share: float) -> bool:
    """Whether an item's text reads like a reader's comment, not section furniture."""
    text = normalize_space(text)
    if len(text) < 2 or is_boilerplate(text) or not any(ch.isalpha() for ch in text):
        return False
    if _FURNITURE.search(text):
        return False
    words = text.split()
    if link_share > 0.6:
        return False
    return not (len(words) <= 8 and re.search(r"comment|respon|discussion|thread|contribute", text, re.I))


def dedupe(comments: list[Comment]) -> list[Comment]:
    """Drop a comment whose text is wholly inside another (a wrapper read twice)."""
    seen: set[tuple[str | None, str]] = set()
    result: list[Comment] = []
    for comment in comments:
        key = (comment.author, comment.text)
        if key in seen:
            continue
        seen.add(key)
        result.append(comment)
    return result
