"""Plain-text dumps of pages (what a browser's "select all, copy" or innerText gives).

A dump has no markup, so comments are found by their shape: a section header ("Reader
Comments", "14 comments", "3 thoughts on ..."), then blocks that open with a header line
(an avatar initial over a name, "Name · 3 hours ago", "1" then "Name 07.15.12 at 11:59",
"by Name on ...", "Name said:") and run until the next header or the comment form.
"""

from __future__ import annotations

import itertools
import re
import sys
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from moderation.parse.common import (
    MONTHS,
    clean_text,
    find_agency,
    is_boilerplate,
    is_policy_line,
    normalize_space,
    parse_date,
    policy_from_lines,
)
from moderation.records import Article, Comment, ParsedPage

_SECTION_HEADER = re.compile(
    r"^\W*(?:(?:reader|readers'?|user|visitor|your|latest|all|recent)\s+)?"
    r"(?:comments?|responses?|replies|discussion|conversation|reactions?)"
    r"(?:\s*[(\[]?\s*\d+\s*[)\]]?)?\s*:?\W*$"
    r"|^\W*\d+\s+(?:comments?|responses?|replies|thoughts?|reactions?)\b.*$"
    r"|^\W*(?:join|start|read) the (?:conversation|discussion|comments)\W*$"
    r"|^\W*(?:one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:comments?|responses?|thoughts?)\b.*$",
    re.I,
)
_FORM_START = re.compile(
    r"^\W*(?:leave|post|add|write|submit) (?:a|your) (?:comment|reply|response)\W*$|"
    r"^\W*(?:leave a reply|cancel reply|post comment|submit comment)\W*$|"
    r"your email address will not be published|"
    r"^\W*(?:name|email|website)\s*\*?\s*$|"
    r"^\W*(?:you must be logged in|log ?in to (?:post|comment|reply))",
    re.I,
)
_NOISE = re.compile(
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
_TIME = re.compile(
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
_REPLY_LINE = re.compile(r"^(?:replying to|in reply to|reply to|replied to)\s+@?(.{1,40})$", re.I)
_REPLY_TO = re.compile(r"^(?:@\s*([\w.'’ -]{1,40}?)[:,\s]|(?:replying to|in reply to|reply to)\s+@?([\w.'’ -]{1,40}))", re.I)
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


@dataclass(frozen=True)
class _Header:
    author: str | None
    posted_at: str | None
    size: int
    """How many lines the header takes."""


def parse_text(text: str, source: str | None = None) -> ParsedPage:
    """Parse a plain-text page dump into its article and reader comments."""
    lines = [normalize_space(line) for line in clean_text_keep_blanks(text)]
    nonblank = [line for line in lines if line]
    start, end, comment_lines = _find_comment_section(lines)
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
    comments = _comments(comment_lines, article) if comment_lines else []
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
        if 3 <= len(words) <= 30 and not is_boilerplate(candidate) and not _TIME.fullmatch(candidate):
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
            names = re.split(r"\s*(?:,|\band\b|&)\s*", _TIME.split(match.group(1))[0])
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


def _find_comment_section(lines: list[str]) -> tuple[int | None, int | None, list[str]]:
    """The comment section with the most comment text, as (start, end, its lines).

    A section runs from a header line to the comment form (or the end). Dumps repeat
    header-like lines ("2 replies") among the comments, and splitting the rest of the page
    again from each one was quadratic. Sections ending at the same form differ only in
    where they start, so each stretch up to a form is weighed once, backwards, for every
    start at once (`_weights_from`).
    """
    headers = [index for index, line in enumerate(lines)
               if line and _SECTION_HEADER.match(line) and len(line) <= 120]  # fmt: skip
    if not headers:
        return None, None, []
    end_after: dict[int, int] = {}  # index: the first form line after it, or the end
    end = len(lines)
    for index in range(len(lines) - 1, headers[0], -1):
        if _FORM_START.search(lines[index]):
            end = index
        end_after[index - 1] = end
    by_end: dict[int, list[int]] = {}
    for header in headers:
        by_end.setdefault(end_after.get(header, len(lines)), []).append(header)
    weights: dict[int, int] = {}
    for end, starts in by_end.items():
        kept = [(index, line) for index in range(starts[0] + 1, end)
                if (line := lines[index]) and not _NOISE.match(line)]  # fmt: skip
        weight_from = _weights_from([line for _, line in kept])
        position = 0
        for header in starts:
            while position < len(kept) and kept[position][0] <= header:
                position += 1
            weights[header] = weight_from[position]
    best: tuple[int, int | None, int | None] = (0, None, None)
    for header in headers:
        if weights[header] > best[0]:
            best = (weights[header], header, end_after.get(header, len(lines)))
    _weight, start, end = best
    return (start, end, lines[start + 1 : end]) if start is not None else (None, None, [])


def _weights_from(lines: list[str]) -> list[int]:
    """For each position, how much comment text `_split_blocks(lines[position:])` finds
    (the length of its texts added up), all worked out in one backward pass.

    Reading forwards, what a line adds depends only on whether a block is open and has
    text yet (the first line of a block adds its length, later ones a newline more), so
    the weight from a position in each of those three states follows from the weights
    after it.
    """
    headers = _headers(lines)
    # after[state][position]: states 0 no block yet, 1 a block with no text, 2 with text.
    after = [[0] * (len(lines) + 1) for _ in range(3)]
    for position in range(len(lines) - 1, -1, -1):
        line = lines[position]
        header = headers[position]
        if _REPLY_LINE.match(line):
            for state in (0, 1, 2):
                after[state][position] = after[state][position + 1]
            continue
        text = _is_comment_line(line)
        for state in (0, 1, 2):
            if header and (state != 1 or header.size > 1):
                weight = after[1][position + header.size]
            elif state and text:
                weight = len(line) + (state == 2) + after[2][position + 1]
            else:
                weight = after[state][position + 1]
            after[state][position] = weight
    return after[0]


def _is_comment_line(line: str) -> bool:
    return not is_policy_line(line) and not is_boilerplate(line)


def _is_time(line: str) -> bool:
    match = _TIME.search(line)
    return bool(match) and len(line) <= 60 and len(_TIME.sub("", line).split()) <= 3


_NOT_NAME = re.compile(
    rf"^(?:by\s|all$|latest|popular|more\s|top\s|most\s|related|recent|featured|"
    rf"(?:mon|tues|wednes|thurs|fri|satur|sun)day$|(?:{MONTHS})\b)",
    re.I,
)


def _is_name(line: str) -> bool:
    """A commenter's display name: short, no sentence punctuation, not a heading."""
    if not _NAME.match(line) or is_boilerplate(line) or _SECTION_HEADER.match(line):
        return False
    if _NOT_NAME.match(line) or (line.isupper() and len(line) > 3):
        return False
    words = line.split()
    if len(words) > 5 or line[-1] in ".?!:,;":
        return False
    if len(words) == 1:
        return any(ch.isalpha() for ch in line)
    return sum(word[0].isupper() for word in words) >= len(words) - 1


def _headers(lines: list[str]) -> list[_Header | None]:
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
        author = re.split(_SEPARATORS, _TIME.split(line)[0])[0].strip(" ·•|–—-,")
        if author and _is_name(author):
            return _Header(author, _when(line), 1)
    if _is_name(line) and following and _is_time(following):
        return _Header(line, _when(following), 2)
    return None


def _when(text: str | None) -> str | None:
    if not text:
        return None
    match = _TIME.search(text)
    if not match:
        return None
    return parse_date(text) or match.group(0).strip()


def _split_blocks(section: list[str]) -> list[tuple[_Header, str, str | None]]:
    """(header, text, name replied to) for each comment block in a section's lines."""
    lines = [line for line in section if line and not _NOISE.match(line)]
    headers = _headers(lines)
    blocks: list[tuple[_Header, list[str], str | None]] = []
    replying_to: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        reply = _REPLY_LINE.match(line)
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


def _comments(section: list[str], article: Article) -> list[Comment]:
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
