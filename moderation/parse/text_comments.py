"""A text dump's comment section split into comments: who wrote each, when, and to whom.

A comment opens with a header line or two (an avatar initial over a name, "Name · 3
hours ago", a number then "Name 07.15.12 at 11:59", "by Name on ...", "Name said:") and
runs to the next header; Reply / Like / Report lines are dropped, and "Replying to Name"
or "@Name" links a reply to the earliest comment by that name. Owns the patterns of
those lines, including the section headers, which a commenter's name must not be.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from dataclasses import dataclass

from moderation.parse.common import MONTHS, is_boilerplate, is_policy_line, parse_date
from moderation.records import Article, Comment

SECTION_HEADER = re.compile(
    r"^\W*(?:(?:reader|readers'?|user|visitor|your|latest|all|recent)\s+)?"
    r"(?:comments?|responses?|replies|discussion|conversation|reactions?)"
    r"(?:\s*[(\[]?\s*\d+\s*[)\]]?)?\s*:?\W*$"
    r"|^\W*\d+\s+(?:comments?|responses?|replies|thoughts?|reactions?)\b.*$"
    r"|^\W*(?:join|start|read) the (?:conversation|discussion|comments)\W*$"
    r"|^\W*(?:one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:comments?|responses?|thoughts?)\b.*$",
    re.I,
)
NOISE = re.compile(
    r"^\W*(?:reply|replies|like|likes|liked|unlike|report|report abuse|flag|share|quote|"
    r"permalink|link|edit|delete|vote|upvote|downvote|recommend|helpful|"
    r"reply\s*↓|view replies|hide replies|show replies|\d+\s*(?:likes?|replies|points?|votes?)|"
    r"[↑↓▲▼+−-]?\s*\d+|log in to reply)(?:\s*\(\d+\))?\W*$",
    re.I,
)
_RELATIVE_TIME = (
    r"(?:\d+|an?|one)\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|"
    r"years?|[smhdwy])\s+ago|just now|yesterday|today"
)
TIME = re.compile(
    rf"(?:{_RELATIVE_TIME}|"
    rf"\b(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|"
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\.?(?:,?\s+\d{{4}})?|"
    r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b|"
    r"\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?)",
    re.I,
)
_SEPARATORS = r"\s*(?:[·•|–—-]|,|\bon\b|\bat\b|\bsaid\b|\bsays\b|\bwrote\b)\s*"
_SAID = re.compile(r"^(?:by\s+)?(.{1,60}?)\s+(?:said|says|wrote)(?:\s+(?:on|at)\s+(.+?))?\s*:?\s*$", re.I)
_BY = re.compile(r"^by\s+(.{1,60}?)(?:\s+(?:on|at|[·•|–—-])\s+(.+))?$", re.I)
_AVATAR = re.compile(r"^[A-Z0-9]{1,2}$")
_NUMBER = re.compile(r"^#?\d{1,4}[.)]?$")
_NAME = re.compile(r"^[\w@][\w .'’@&()-]{0,39}$")
REPLY_LINE = re.compile(r"^(?:replying to|in reply to|reply to|replied to)\s+@?(.{1,40})$", re.I)
_REPLY_TO = re.compile(r"^(?:@\s*([\w.'’ -]{1,40}?)[:,\s]|(?:replying to|in reply to|reply to)\s+@?([\w.'’ -]{1,40}))", re.I)


@dataclass(frozen=True)
class _Header:
    author: str | None
    posted_at: str | None
    size: int
    """How many lines the header takes."""


def _is_time(line: str) -> bool:
    match = TIME.search(line)
    return bool(match) and len(line) <= 60 and len(TIME.sub("", line).split()) <= 3


_NOT_NAME = re.compile(
    rf"^(?:by\s|all$|latest|popular|more\s|top\s|most\s|related|recent|featured|"
    rf"(?:mon|tues|wednes|thurs|fri|satur|sun)day$|(?:{MONTHS})\b)",
    re.I,
)


def _is_name(line: str) -> bool:
    """A commenter's display name: short, no sentence punctuation, not a heading."""
    if not _NAME.match(line) or is_boilerplate(line) or SECTION_HEADER.match(line):
        return False
    if _NOT_NAME.match(line) or (line.isupper() and len(line) > 3):
        return False
    words = line.split()
    if len(words) > 5 or line[-1] in ".?!:,;":
        return False
    if len(words) == 1:
        return any(ch.isalpha() for ch in line)
    return sum(word[0].isupper() for word in words) >= len(words) - 1


def comment_headers(lines: list[str]) -> list[_Header | None]:
    """Whether a comment block opens at each line (blank lines already dropped).

    Worked out from the last line up: a numbered header is the header on the line after
    its number, so a run of number lines was a recursion (and a quadratic one) before.
    """
    headers: list[_Header | None] = [None] * len(lines)
    for index in range(len(lines) - 1, -1, -1):
        headers[index] = _header_at(lines, index, headers[index + 1] if index + 1 < len(lines) else None)
    return headers


def _header_at(lines: list[str], index: int, next_header: _Header | None) -> _Header | None:
    """Whether a comment block opens at `lines[index]`, given the answer for the next line."""
    line = lines[index]
    following = lines[index + 1] if index + 1 < len(lines) else ""
    after = lines[index + 2] if index + 2 < len(lines) else ""
    if _NUMBER.match(line) and following:
        inner = next_header
        if inner:
            return _Header(inner.author, inner.posted_at, inner.size + 1)
        if _is_name(following) and after and not _is_name(after):
            return _Header(following, None, 2)
        return None
    if _AVATAR.match(line) and _is_name(following) and following[0].upper() == line[0]:
        if after and _is_time(after):
            return _Header(following, parse_date(after) or after, 3)
        return _Header(following, None, 2)
    said = _SAID.match(line)
    if said and _is_name(said.group(1)):
        return _Header(said.group(1), _when(said.group(2)), 1)
    by = _BY.match(line)
    if by and by.group(2) and _is_name(by.group(1).split(" (")[0]):
        return _Header(by.group(1), _when(by.group(2)), 1)
    if _is_time(line) and len(line) <= 80:
        author = re.split(_SEPARATORS, TIME.split(line)[0])[0].strip(" ·•|–—-,")
        if author and _is_name(author):
            return _Header(author, _when(line), 1)
    if _is_name(line) and following and _is_time(following):
        return _Header(line, _when(following), 2)
    return None


def _when(text: str | None) -> str | None:
    if not text:
        return None
    match = TIME.search(text)
    if not match:
        return None
    return parse_date(text) or match.group(0).strip()


def _split_blocks(section: list[str]) -> list[tuple[_Header, str, str | None]]:
    """(header, text, name replied to) for each comment block in a section's lines."""
    lines = [line for line in section if line and not NOISE.match(line)]
    headers = comment_headers(lines)
    blocks: list[tuple[_Header, list[str], str | None]] = []
    replying_to: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        reply = REPLY_LINE.match(line)
        if reply:
            replying_to = reply.group(1).strip()
            index += 1
            continue
        header = headers[index]
        if header and (not blocks or blocks[-1][1] or header.size > 1):
            blocks.append((header, [], replying_to))
            replying_to = None
            index += header.size
            continue
        if blocks and not is_policy_line(line) and not is_boilerplate(line):
            blocks[-1][1].append(line)
        index += 1
    return [(header, "\n".join(body), target) for header, body, target in blocks if body]


def split_comments(section: list[str], article: Article) -> list[Comment]:
    """The comments in a section's lines; none when no block says enough to be a comment."""
    comments: list[Comment] = []
    blocks = list(dict.fromkeys(_split_blocks(section)))
    if not any(len(text.split()) >= 4 for _, text, _ in blocks):
        return []
    authors = _Authors([header.author.lower() if header.author else None for header, _, _ in blocks])
    for position, (header, text, replying_to) in enumerate(blocks):
        comment_id = f"c{position + 1}"
        parent_id = None
        reply = _REPLY_TO.match(text)
        if replying_to or reply:
            target = (replying_to or reply.group(1) or reply.group(2) or "").strip().lower()
            parent_id = authors.first_matching(target, before=position)
        comments.append(
            Comment(
                id=comment_id,
                author=header.author,
                text=text,
                posted_at=header.posted_at,
                parent_id=parent_id,
                position=position,
                article=article,
            )
        )
    return comments


class _Authors:
    """Whom a reply answers: the earliest commenter whose name starts the reply's target
    name, or starts with it ("@Dana" answers "Dana Whitfield").

    Trying every earlier commenter for every reply was quadratic in a long thread. Here a
    name that is a prefix of the target is looked up prefix by prefix, and the names the
    target is a prefix of form one run of the sorted names, whose earliest is found in a
    tree of minima.
    """

    def __init__(self, names: list[str | None]) -> None:
        self._first: dict[str, int] = {}  # name: position of its first comment
        for position, name in enumerate(names):
            if name:
                self._first.setdefault(name, position)
        self._sorted = sorted(self._first)
        self._size = len(self._sorted)
        # _minimum[size + i] is the first position of the i-th name in sorted order; each
        # node above holds the smaller of its two children.
        self._minimum = [0] * self._size + [self._first[name] for name in self._sorted]
        for node in range(self._size - 1, 0, -1):
            self._minimum[node] = min(self._minimum[2 * node], self._minimum[2 * node + 1])

    def first_matching(self, target: str, before: int) -> str | None:
        """The comment id of the earliest name matching `target` among comments before `before`."""
        best = min((self._first.get(target[:length], before) for length in range(1, len(target) + 1)), default=before)
        low = bisect_left(self._sorted, target)
        high = bisect_left(self._sorted, _after_prefix(target)) if target.strip("\U0010ffff") else self._size
        best = min(best, self._lowest(low, high))
        return f"c{best + 1}" if best < before else None

    def _lowest(self, low: int, high: int) -> int:
        """The smallest first position among sorted names low to high (not included)."""
        result = sys.maxsize
        low += self._size
        high += self._size
        while low < high:
            if low & 1:
                result = min(result, self._minimum[low])
                low += 1
            if high & 1:
                high -= 1
                result = min(result, self._minimum[high])
            low //= 2
            high //= 2
        return result


def _after_prefix(prefix: str) -> str:
    """The least string greater than every string that starts with `prefix`."""
    stripped = prefix.rstrip("\U0010ffff")
    return stripped[:-1] + chr(ord(stripped[-1]) + 1)
