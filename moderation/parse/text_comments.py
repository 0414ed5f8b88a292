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

from moderation.parse.common import MONTHS, is_boilerplate, is_policy_line, parse_date, parse_timestamp
from moderation.records import Article, Comment

SECTION_HEADER = re.compile(
    r"^\W*(?:(?:reader|readers'?|user|visitor|your|latest|all|recent)\s+)?"
    r"(?:comments?|responses?|replies|discussion|conversation|reactions?)"
    r"(?:\s*[(\[]?\s*\d+\s*[)\]]?)?\s*:?\W*$"
    r"|^\W*\d+\s+(?:comments?|responses?|replies|thoughts?|reactions?|users? responded)\b.*$"
    r"|^\W*(?:post a comment|comments?)\W+\d+\s+(?:comments?|responses?)\b.*$"
    r"|^[^|•·]{0,80}[|•·]\s*\d+\s+(?:comments?|responses?)\W*$"
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
    # "November 2012" is a month in an archive list, not the day a comment was posted.
    rf"\b(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d)(?:,?\s+\d{{4}})?|"
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\.?(?:,?\s+\d{{4}})?|"
    r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b|"
    r"\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?)",
    re.I,
)
_SEPARATORS = r"(?i)\s*(?:[·•|–—-]|,|\bon\b|\bat\b|\bsaid\b|\bsays\b|\bwrote\b)\s*"
_SAID = re.compile(r"^(?:by\s+)?(.{1,60}?)\s+(?:said|says|wrote)(?:\s+(?:on|at)\s+(.+?))?\s*[:,]?\s*$", re.I)
_BY = re.compile(r"^by\s+(.{1,60}?)(?:\s+(?:on|at|[·•|–—-])\s+(.+))?$", re.I)
_AVATAR = re.compile(r"^[A-Z0-9]{1,2}$")
_NUMBER = re.compile(r"^#?\d{1,4}[.)]?$")
_WEEKDAY = re.compile(r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\.?", re.I)
_BARE_TIME = re.compile(r"today|yesterday|just now|\d{1,2}:\d{2}", re.I)
_NUMBERED_TIME = re.compile(r"^#?\d{1,4}[.)]\s+\S")
_NAME = re.compile(r"^[\w@][\w .'’@&()-]{0,39}$")
REPLY_LINE = re.compile(r"^(?:replying to|in reply to|reply to|replied to)\s+@?(.{1,40})$", re.I)
_REPLY_TO = re.compile(r"^(?:@\s*([\w.'’ -]{1,40}?)[:,\s]|(?:replying to|in reply to|reply to)\s+@?([\w.'’ -]{1,40}))", re.I)


@dataclass(frozen=True)
class _Header:
    author: str | None
    posted_at: str | None
    size: int
    """How many lines the header takes."""
    replies_to: str | None = None
    """The name the header says this comment answers ("Ada replied to comment from Felix")."""


def _is_time(line: str, limit: int = 60) -> bool:
    match = TIME.search(line)
    if not match or len(line) > limit:
        return False
    # Separators, the actions beside a time ("Name | November 9, 2012 12:13 AM | Reply")
    # and its "on Thursday, ... at" are not words of a sentence.
    words = [word for word in TIME.sub("", line).split() if any(ch.isalnum() for ch in word)]
    return sum(1 for word in words if not _BESIDE_TIME.fullmatch(word)) <= 3


def is_time_line(line: str) -> bool:
    """A line that is a time, perhaps numbered, and nothing more ("1. December 27th, 2007 7:51 pm")."""
    return _is_time(line) and not re.split(_SEPARATORS, TIME.split(line)[0])[0].strip(" ·•|–—-,#.0123456789")


_BESIDE_TIME = re.compile(
    rf"reply|permalink|link|report|flag|quote|edit|delete|on|at|{_WEEKDAY.pattern},?",
    re.I,
)
_REPLIED = re.compile(
    r"^(.{1,60}?)\s+(?:replied to (?:comment from|the comment of)|in reply to)\s+(.{1,60}?)\s*[|·•–—-]\s*(.+)$", re.I
)


_NOT_NAME = re.compile(
    rf"^(?:by\s|all$|latest|popular|more\s|top\s|most\s|related|recent|featured|"
    rf"(?:updated|posted|pinned|about|sponsored|archives?|just in|news alert|trending)$|"
    rf"(?:mon|tues|wednes|thurs|fri|satur|sun)day$|(?:{MONTHS})\b)",
    re.I,
)


def _is_name(line: str, capitals: bool = True) -> bool:
    """A commenter's display name: short, no sentence punctuation, not a heading; with
    `capitals`, its words capitalised (a lowercase "red bottom heels" is a name only where
    the line says so, after "Posted by" and before a time)."""
    if not _NAME.match(line) or is_boilerplate(line) or SECTION_HEADER.match(line):
        return False
    if _NOT_NAME.match(line) or (line.isupper() and len(line) > 3):
        return False
    words = line.split()
    if len(words) > 5 or line[-1] in ".?!:,;":
        return False
    # "Ana Reyes 304 Recommendations" is a name and a count; "1 Maren" and "Guest 42" are names.
    if any(word.isdigit() for word in words[1:-1]):
        return False
    if len(words) == 1 or not capitals:
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
    if said:
        # "09. Jul, 2012 / Ruth says:": the time may come first.
        when, _, name = said.group(1).rpartition(" / ") if " / " in said.group(1) else ("", "", said.group(1))
        if _is_name(name) and (not when or (len(when) <= 30 and any(ch.isdigit() for ch in when))):
            return _Header(name, _when(said.group(2) or when), 1)
    by = _BY.match(line)
    if by and by.group(2) and _is_name(by.group(1).split(" (")[0]):
        return _Header(by.group(1), _when(by.group(2)), 1)
    replied = _REPLIED.match(line)
    if replied and _is_name(replied.group(1)) and _is_time(replied.group(3)):
        return _Header(replied.group(1), _when(replied.group(3)), 1, replied.group(2).strip())
    if _is_time(line, limit=80):
        author = re.split(_SEPARATORS, TIME.split(line)[0])[0].strip(" ·•|–—-,")
        if _WEEKDAY.fullmatch(author):  # "Thu, 03/14/2024": the day, not a name
            author = ""
        if author and _is_name(author):
            return _Header(author, _when(line), 1)
        # The name after the time ("Thu, 03/14/2024 - 09:12 | 5501 GreenThumb"), but
        # not a time zone ("7:15 PM | EDT").
        parts = re.split(r"\s[|·•]\s", line)
        trailing = re.sub(r"^\d+\s+", "", parts[-1]) if len(parts) > 1 and not TIME.search(parts[-1]) else ""
        if not author and trailing and not trailing.isupper() and _is_name(trailing):
            return _Header(trailing, _when(line), 1)
        # The time above the name ("August 9th, 2012 at 8:38 am", then "Ruth said,").
        if not author and next_header and next_header.size == 1 and next_header.posted_at is None:
            return _Header(next_header.author, _when(line), 2, next_header.replies_to)
        # A number and a time, the name (if any) under the text: "1. December 27th, 2007 7:51 pm".
        if _NUMBERED_TIME.match(line):
            return _Header(None, _when(line), 1)
    # A headline over "2:13" or "Today" is a story list's, not a name over its comment's time.
    if _is_name(line) and following and _is_time(following) and not _BARE_TIME.fullmatch(following):
        return _Header(line, _when(following), 2)
    return None


def _when(text: str | None) -> str | None:
    if not text:
        return None
    match = TIME.search(text)
    if not match:
        return None
    return parse_timestamp(text) or match.group(0).strip()


_SIGNED = re.compile(
    r"^(?:(?:posted|written|submitted|comment(?:ed)?)\s+by\s*:?\s*|[-–—]{1,2}\s*)"
    r"(.{1,60}?)(?:\s*(?:[|·•,]|\bat\b|\bon\b|\b(?=(?:mon|tues|wednes|thurs|fri|satur|sun)day,))\s*(.*))?$",
    re.I,
)


def signature(line: str) -> _Header | None:
    """A byline under a comment's text ("Posted by: Name | October 30, 2012 at 08:58 AM",
    "Posted by Name, Place", "— Name"): the comment is the text above it."""
    match = _SIGNED.match(line)
    if not match:
        return None
    rest = (match.group(2) or "").strip()
    said = line[0].isalpha() and bool(rest) and _is_time(rest)
    name = match.group(1).strip()
    # After "Posted by" and before a time, an initial may end the name ("Leslie W.").
    if not _is_name(name.rstrip(".") if said else name, capitals=not said):
        return None
    if rest and not _is_time(rest) and not _is_name(rest):
        return None
    return _Header(name, _when(rest) if rest else None, 1)


def signed_weights(lines: list[str]) -> list[int]:
    """For each position, how much comment text `_blocks_over_signatures(lines[position:])`
    finds (the length of its texts added up), all worked out in one backward pass."""
    signatures = [signature(line) for line in lines]
    # after[state][position]: states 0 a block with no text yet, 1 with text.
    after = [[0] * (len(lines) + 1) for _ in range(2)]
    weights = [0] * (len(lines) + 1)
    signed = 0
    for position in range(len(lines) - 1, -1, -1):
        line = lines[position]
        if signatures[position]:
            signed += 1
            after[0][position] = after[1][position] = after[0][position + 1]
        elif not signed or REPLY_LINE.match(line) or not _is_comment_line(line):
            after[0][position] = after[0][position + 1] if signed else 0
            after[1][position] = after[1][position + 1] if signed else 0
        else:
            after[1][position] = len(line) + 1 + after[1][position + 1]
            after[0][position] = after[0][position + 1] if _is_time(line) else len(line) + after[1][position + 1]
        weights[position] = after[0][position] if signed >= 2 else 0
    return weights


def _blocks_over_signatures(lines: list[str], timed: bool = False) -> list[tuple[_Header, str, str | None]]:
    """Comment blocks that end in a byline (`signature`), the time above the text when the
    byline has none ("1. December 27th, 2007 7:51 pm", then the text, then "— Name");
    `timed` counts only bylines that give a time."""
    signatures = [signature(line) for line in lines]
    if timed:
        signatures = [found if found and found.posted_at else None for found in signatures]
    # One byline alone is as often a related post's ("Headline", "Posted by Name | date").
    if sum(1 for found in signatures if found) < 2:
        return []
    blocks: list[tuple[_Header, str, str | None]] = []
    body: list[str] = []
    posted: str | None = None
    for line, signed in zip(lines, signatures):
        if signed:
            if body:
                blocks.append((_Header(signed.author, signed.posted_at or posted, 1), "\n".join(body), None))
            body, posted = [], None
        elif REPLY_LINE.match(line) or not _is_comment_line(line):
            continue
        elif not body and _is_time(line):
            posted = _when(line)
        else:
            body.append(line)
    return blocks


def _is_comment_line(line: str) -> bool:
    return not is_policy_line(line) and not is_boilerplate(line)


def _split_blocks(section: list[str]) -> list[tuple[_Header, str, str | None]]:
    """(header, text, name replied to) for each comment block in a section's lines: blocks
    under header lines, or over bylines when those find more text."""
    lines = [line for line in section if line and not NOISE.match(line)]
    under = _blocks_under_headers(lines)
    over = _blocks_over_signatures(lines)
    return over if sum(len(text) for _, text, _ in over) > sum(len(text) for _, text, _ in under) else under


def _blocks_under_headers(lines: list[str]) -> list[tuple[_Header, str, str | None]]:
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
            blocks.append((header, [], header.replies_to or replying_to))
            replying_to = None
            index += header.size
            continue
        signed = signature(line) if blocks and blocks[-1][0].author is None and blocks[-1][1] else None
        if signed:  # the name under the text of a comment whose header had none
            opened, body, target = blocks[-1]
            named = _Header(signed.author, opened.posted_at or signed.posted_at, opened.size, opened.replies_to)
            blocks[-1] = (named, body, target)
        elif blocks and _is_comment_line(line):
            blocks[-1][1].append(line)
        index += 1
    return [(header, "\n".join(body), target) for header, body, target in blocks if body]


def split_comments(section: list[str], article: Article, signed_only: bool = False) -> list[Comment]:
    """The comments in a section's lines; none when no block says enough to be a comment.
    `signed_only` takes only comments that end in a byline with a time ("Posted by: Name |
    Apr 6, 2007 1:11:01 PM")."""
    comments: list[Comment] = []
    if signed_only:
        found = _blocks_over_signatures([line for line in section if line and not NOISE.match(line)], timed=True)
    else:
        found = _split_blocks(section)
    blocks = [block for block in dict.fromkeys(found) if not _is_list(block[1])]
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


def _is_list(text: str) -> bool:
    """A block of many short lines that end without a full stop: a list of links (months
    of an archive, tags, headlines), not what a reader wrote."""
    lines = text.splitlines()
    return len(lines) >= 6 and sum(1 for line in lines if _is_link_like(line)) >= 0.8 * len(lines)


def _is_link_like(line: str) -> bool:
    """A line like a link's: a word or two, or a few mostly capitalised ("October 2012",
    "Latest Media News"); a line of a poem or a shout has its small words."""
    words = line.split()
    if len(words) > 5 or line[-1] in ".!?,;:" or (line.isupper() and len(words) > 1):
        return False
    return len(words) <= 1 or sum(word[0].isupper() or word[0].isdigit() for word in words) * 2 >= len(words) + 1


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
