"""Plain-text dumps of pages (what a browser's "select all, copy" or innerText gives).

A dump has no markup, so comments are found by their shape: a section header ("Reader
Comments", "14 comments", "3 thoughts on ..."), then blocks that open with a header line
(an avatar initial over a name, "Name · 3 hours ago", "1" then "Name 07.15.12 at 11:59",
"by Name on ...", "Name said:") and run until the next header or the comment form, or
blocks that end in a byline ("Posted by: Name | date", "— Name").

This module reads the article's metadata from the lines above the comments (headline,
byline, dates, dateline, key points); `text_section` finds where the comments are and
`text_comments` splits them into comments.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from moderation.parse.common import (
    MONTHS,
    clean_text,
    find_agency,
    is_boilerplate,
    normalize_space,
    parse_date,
    policy_from_lines,
)
from moderation.parse.text_comments import TIME, split_comments
from moderation.parse.text_section import find_comment_section
from moderation.records import Article, ParsedPage

_BULLET = re.compile(r"^\s*(?:[•●▪◦·*‣⁃-]|\d{1,2}[.)])\s+(.+)$")
_KEY_POINTS = re.compile(r"^\s*(?:key points|key takeaways|highlights|at a glance|in brief|summary|what you need to know)\b", re.I)
_READ_TIME = re.compile(r"\b(\d{1,3})\s*(?:-\s*)?min(?:ute)?s?\.?\s+read\b", re.I)
_DATELINE = re.compile(
    rf"^([A-Z][A-Za-z.'’ -]{{1,40}}?),\s*(?:(?:{MONTHS})\.?\s+\d{{1,2}}(?:,?\s*\d{{4}})?|"
    rf"\d{{1,2}}\s+(?:{MONTHS})\.?(?:\s+\d{{4}})?)\s*(?:\(\w+\))?\s*[:–—-]?\s*$",
    re.I,
)
_DATELINE_LEAD = re.compile(r"^([A-Z][A-Z.'’ -]{2,30}?)(?:,\s*[A-Za-z .]{2,30})?\s*\(\w[\w .-]*\)\s*[-–—:]")
_MODIFIED = re.compile(r"(?:last modified|last updated|updated|modified)\s*(?:on|:)?\s*:?\s*(.{6,60})", re.I)
_PUBLISHED = re.compile(r"(?:published|posted|post published|first published)\s*(?:on|:)?\s*:?\s*(.{6,60})", re.I)
_AUTHOR = re.compile(r"^(?:by|written by|post author|author|words by)\s*:?\s+(.{2,80})$", re.I)
_SECTION = re.compile(r"^(?:category|categories|section|filed under|posted in)\s*:\s*(.{2,60})$", re.I)
_VIEWING_PREFIX = re.compile(r"^(?:you are currently viewing|you are viewing|now reading)\s*:?\s*", re.I)
_DOMAIN = re.compile(r"\b([A-Za-z][A-Za-z0-9-]{1,40}\.(?:com|net|org|news|co\.uk|co\.in|in|io|info|tv))\b")
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?([A-Z][^.|©]{1,60})", re.I)


def parse_text(text: str, source: str | None = None) -> ParsedPage:
    """Parse a plain-text page dump into its article and reader comments."""
    lines = [normalize_space(line) for line in clean_text_keep_blanks(text)]
    nonblank = [line for line in lines if line]
    start, end, comment_lines = find_comment_section(lines)
    body = nonblank if start is None else [line for line in lines[:start] if line]
    tail = [line for line in lines[start:] if line] if start is not None else nonblank[-40:]
    article = Article(
        source=source,
        title=_title(nonblank),
        site_name=_site_name(nonblank),
        authors=_authors(body[:40]),
        published=_first_date(_PUBLISHED, body[:60]),
        modified=_first_date(_MODIFIED, body[:60]),
        dateline=_dateline(body),
        agency=find_agency(body),
        section=_first_match(_SECTION, body[:60]),
        summary=_summary(body),
        key_points=_key_points(body),
        read_time=_read_time(body[:60]),
        comment_policy=policy_from_lines(tail),
    )
    comments = split_comments(comment_lines, article) if comment_lines else []
    return ParsedPage(article=article, comments=tuple(comments), format="text")


def clean_text_keep_blanks(text: str) -> list[str]:
    """Lines with control characters removed but blank lines kept: blanks separate blocks."""
    return [clean_text(line) for line in text.splitlines()]


def _title(lines: list[str]) -> str | None:
    """The headline: the line above the byline when there is one, else the first title-like line."""
    for index, line in enumerate(lines[1:40], start=1):
        if _AUTHOR.match(line) and 3 <= len(lines[index - 1].split()) <= 30:
            return _VIEWING_PREFIX.sub("", lines[index - 1])
    for line in lines[:80]:
        candidate = _VIEWING_PREFIX.sub("", line)
        words = candidate.split()
        if 3 <= len(words) <= 30 and not is_boilerplate(candidate) and not TIME.fullmatch(candidate):
            return candidate
    return lines[0] if lines else None


def _site_name(lines: list[str]) -> str | None:
    for line in reversed(lines):
        match = _COPYRIGHT.search(line)
        if match:
            return match.group(1).strip(" ,-–")
    domains = Counter(match.group(1) for line in lines for match in _DOMAIN.finditer(line))
    return domains.most_common(1)[0][0] if domains else None


def _authors(lines: list[str]) -> tuple[str, ...]:
    for line in lines:
        match = _AUTHOR.match(line)
        if match:
            names = re.split(r"\s*(?:,|\band\b|&)\s*", TIME.split(match.group(1))[0])
            names = [re.sub(r"\s+(?:on|at|in|\|)$", "", name.strip(" ,|·-")).strip() for name in names]
            names = [name for name in names if name and len(name.split()) <= 5 and not name.endswith(":")]
            if names:
                return tuple(names)
    return ()


def _first_date(pattern: re.Pattern[str], lines: list[str]) -> str | None:
    for line in lines:
        match = pattern.search(line)
        if match and (date := parse_date(match.group(1))):
            return date
    return None


def _first_match(pattern: re.Pattern[str], lines: list[str]) -> str | None:
    for line in lines:
        match = pattern.match(line)
        if match:
            return match.group(1).strip()
    return None


def _dateline(lines: list[str]) -> str | None:
    for line in lines:
        match = _DATELINE.match(line) or _DATELINE_LEAD.match(line)
        if match:
            return match.group(1).strip()
    return None


def _summary(lines: list[str]) -> str | None:
    for line in lines[1:30]:
        if len(line.split()) >= 15 and not _BULLET.match(line):
            return line
    return None


def _key_points(lines: list[str]) -> tuple[str, ...]:
    for index, line in enumerate(lines):
        if not _KEY_POINTS.match(line):
            continue
        points = []
        for following in itertools.islice(lines, index + 1, None):
            match = _BULLET.match(following)
            if not match:
                break
            points.append(match.group(1).strip())
        if points:
            return tuple(points)
    return ()


def _read_time(lines: list[str]) -> str | None:
    for line in lines:
        match = _READ_TIME.search(line)
        if match:
            return f"{match.group(1)} min read"
    return None
