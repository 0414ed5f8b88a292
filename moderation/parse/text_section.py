"""Where the comments are in a plain-text dump: from a section header to the comment form.

A dump may hold several header-like lines ("Reader Comments", "14 comments", and "2
replies" among the comments themselves); the section kept is the one in which the comment
splitter (`text_comments`) finds the most comment text.
"""

from __future__ import annotations

import re

from moderation.parse.common import is_boilerplate, is_policy_line
from moderation.parse.text_comments import NOISE, REPLY_LINE, SECTION_HEADER, comment_headers, signed_weights

_FORM_START = re.compile(
    r"^\W*(?:leave|post|add|write|submit) (?:a|your) (?:comment|reply|response)\W*$|"
    r"^\W*(?:leave a reply|cancel reply|post comment|submit comment)\W*$|"
    r"your email address will not be published|"
    r"^\W*(?:name|email|website)\s*\*?\s*$|"
    r"^\W*(?:you must be logged in|log ?in to (?:post|comment|reply))",
    re.I,
)


def find_comment_section(lines: list[str]) -> tuple[int | None, int | None, list[str]]:
    """The comment section with the most comment text, as (start, end, its lines).

    A section runs from a header line to the comment form (or the end). Dumps repeat
    header-like lines ("2 replies") among the comments, and splitting the rest of the page
    again from each one was quadratic. Sections ending at the same form differ only in
    where they start, so each stretch up to a form is weighed once, backwards, for every
    start at once (`_weights_from`).
    """
    headers = [index for index, line in enumerate(lines)
               if line and SECTION_HEADER.match(line) and len(line) <= 120]  # fmt: skip
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
                if (line := lines[index]) and not NOISE.match(line)]  # fmt: skip
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
    """For each position, how much comment text `text_comments._split_blocks(lines[position:])` finds
    (the length of its texts added up), all worked out in one backward pass.

    Reading forwards, what a line adds depends only on whether a block is open and has
    text yet (the first line of a block adds its length, later ones a newline more), so
    the weight from a position in each of those three states follows from the weights
    after it.
    """
    headers = comment_headers(lines)
    # after[state][position]: states 0 no block yet, 1 a block with no text, 2 with text.
    after = [[0] * (len(lines) + 1) for _ in range(3)]
    for position in range(len(lines) - 1, -1, -1):
        line = lines[position]
        header = headers[position]
        if REPLY_LINE.match(line):
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
    # Comments may instead end in a byline ("Posted by: Name | date"): the split that
    # finds more text wins, as in `text_comments._split_blocks`.
    return [max(pair) for pair in zip(after[0], signed_weights(lines))]


def _is_comment_line(line: str) -> bool:
    return not is_policy_line(line) and not is_boilerplate(line)
