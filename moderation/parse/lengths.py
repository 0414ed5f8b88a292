"""The lengths of many elements' text, each summed once in one walk over the page.

`text_lengths` gives `len(element_text(element))` and `link_lengths` the length of
`normalize_space(element.text_content())` and of the part of it inside links, for every
element asked about, without reading any element's text twice: what deciding which
blocks of a long thread are comments needs, at the cost of one pass.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

from moderation.parse.common import without_controls
from moderation.parse.tree import BLOCK_TAGS, DROP_TAGS, element_text, walk

# Asking each comment of a thread for the length of its text reads every reply below it
# again: N squared for a thread nested N deep. These walks sum each element's text once,
# from the leaves up, as summaries that join end to end: (characters outside spaces, words,
# starts with a space, ends with a space) for a run of text, and for text with line breaks
# its first and last runs with the total of the complete lines between.

_Words = tuple[int, int, bool, bool] | None


def _words(text: str | None) -> _Words:
    if not text:
        return None
    words = text.split()
    return (sum(map(len, words)), len(words), text[0].isspace(), text[-1].isspace())


def _join(left: _Words, right: _Words) -> _Words:
    if left is None:
        return right
    if right is None:
        return left
    glued = left[1] and right[1] and not left[3] and not right[2]
    return (left[0] + right[0], left[1] + right[1] - glued, left[2], right[3])


def _spaced_length(words: _Words) -> int:
    """len(normalize_space(text)) from the text's summary."""
    return words[0] + words[1] - 1 if words and words[1] else 0


def link_lengths(root: Any, wanted: dict[Any, int]) -> tuple[list[int], list[int]]:
    """For the elements of `wanted` (element: its index), the length of
    `normalize_space(element.text_content())` and that length summed over the `<a>`
    elements in it (itself included), both by index."""
    totals = [0] * len(wanted)
    linked = [0] * len(wanted)
    stack: list[list[Any]] = []
    for event, element in walk(root):
        if event == "start":
            # text_content() leaves out comments' own text, not their tails.
            text = element.text if isinstance(element.tag, str) else None
            stack.append([_words(_ZERO_WIDTH.sub("", text) if text else None), 0])
            continue
        words, in_links = stack.pop()
        length = _spaced_length(words)
        if element.tag == "a":
            in_links += length
        index = wanted.get(element)
        if index is not None:
            totals[index], linked[index] = length, in_links
        if stack:
            tail = element.tail
            above = stack[-1]
            above[0] = _join(_join(above[0], words), _words(_ZERO_WIDTH.sub("", tail) if tail else None))
            above[1] += in_links
    return totals, linked


_ZERO_WIDTH = re.compile("[\u200b\ufeff]")
_BREAK = re.compile("[\n\u2028\u2029]")  # what str.splitlines() still splits once control characters are gone

# (first run, length of the complete non-blank lines, how many, last run, has a break)
_Lines = tuple[_Words, int, int, _Words, bool] | None


def _lines(text: str) -> _Lines:
    text = without_controls(text)
    if not text:
        return None
    runs = _BREAK.split(text)
    if len(runs) == 1:
        return (_words(text), 0, 0, None, False)
    middle = [_spaced_length(_words(run)) for run in runs[1:-1]]
    return (_words(runs[0]), sum(middle), sum(1 for length in middle if length), _words(runs[-1]), True)


def _join_lines(left: _Lines, right: _Lines) -> _Lines:
    if left is None:
        return right
    if right is None:
        return left
    if not left[4]:
        return (_join(left[0], right[0]), right[1], right[2], right[3], right[4])
    if not right[4]:
        return (left[0], left[1], left[2], _join(left[3], right[0]), True)
    seam = _spaced_length(_join(left[3], right[0]))
    return (left[0], left[1] + right[1] + seam, left[2] + right[2] + (seam > 0), right[3], True)


def _cleaned_length(lines: _Lines) -> int:
    """len(clean_text(text)) from the text's summary: its non-blank lines and the breaks between."""
    if lines is None:
        return 0
    ends = [_spaced_length(lines[0])] + ([_spaced_length(lines[3])] if lines[4] else [])
    count = lines[2] + sum(1 for length in ends if length)
    return lines[1] + sum(ends) + count - 1 if count else 0


_NEWLINE: _Lines = (None, 0, 0, None, True)


def text_lengths(root: Any, wanted: set[Any]) -> dict[Any, int]:
    """`len(element_text(element))` for each element of `wanted` under `root`."""
    lengths: dict[Any, int] = {}
    # Per open element: its text's summary so far, and whether a run of text in it starts
    # with a mark that Unicode composes with what precedes it (NFC over the whole text may
    # then differ from NFC run by run, so that element is measured the slow way).
    stack: list[list[Any]] = []
    for event, element in walk(root):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            lines = _NEWLINE if tag in BLOCK_TAGS else None
            text = element.text if tag else None
            stack.append([_join_lines(lines, _lines(text)) if text else lines, bool(text) and _composes(text[0])])
            continue
        lines, composes = stack.pop()
        if tag in BLOCK_TAGS:
            lines = _join_lines(lines, _NEWLINE)
        if tag in DROP_TAGS or tag == "form":
            lines, composes = None, False
        if element in wanted:
            lengths[element] = len(element_text(element)) if composes else _cleaned_length(lines)
        if stack:
            above = stack[-1]
            tail = element.tail
            above[0] = _join_lines(above[0], lines)
            if tail:
                above[0] = _join_lines(above[0], _lines(tail))
            above[1] = above[1] or composes or bool(tail) and _composes(tail[0])
    return lengths


def _composes(char: str) -> bool:
    """Whether NFC can join `char` to the character before it."""
    if char < "\u0300":
        return False
    first = unicodedata.normalize("NFD", char)[0]
    return unicodedata.combining(first) != 0 or first in _second_starters()


@functools.cache
def _second_starters() -> frozenset[str]:
    """Characters of combining class 0 that NFC still joins to the one before (Hangul vowels
    and finals, some Indic vowel signs): the second half of a two-character decomposition."""
    found = {chr(code) for code in [*range(0x1161, 0x1176), *range(0x11A8, 0x11C3)]}
    for code in range(0xC0, 0x30000):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            second = chr(int(parts[1], 16))
            if unicodedata.combining(second) == 0:
                found.add(second)
    return frozenset(found)
