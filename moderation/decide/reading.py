"""What the phrase rules (terms, threats, spam signals) share in reading a comment: a long
comment read a piece at a time, apostrophes and dotted capital I folded span for span, and
whether a place stands inside quotation marks (quoted words are reported, not said)."""

from __future__ import annotations

import re

PIECE_END = re.compile(r"[.!?\n]\s+")


def piece_end(text: str, start: int, piece: int) -> int:
    """Where the piece of `text` read from `start` ends: at the last end of a sentence
    within `piece` characters (or the last space, if none), so that no phrase is cut."""
    if len(text) - start <= piece:
        return len(text)
    last = None
    for last in PIECE_END.finditer(text, start + piece // 2, start + piece):
        pass
    if last is not None:
        return last.end()
    space = text.rfind(" ", start + piece // 2, start + piece)
    return space + 1 if space > 0 else start + piece


REACH = 160
"""How far before its anchor (in characters) what a phrase rule needs there is looked for."""


def phrase_start(lowered: str, before: re.Pattern[str] | None, position: int) -> int | None:
    """Where a phrase whose anchor stands at `position` starts: the start of what `before`
    (a pattern ending at the anchor) finds within `REACH` characters, the anchor itself
    without one, or None when `before` finds nothing there."""
    if before is None:
        return position
    head = before.search(lowered, max(0, position - REACH), position)
    return None if head is None else head.start()


APOSTROPHES = ("\u2019", "\u2018", "\u02bc", "\u00b4", "`", "\uff07")


def straight_apostrophes(text: str) -> str:
    """`text` with every apostrophe as "'" and "İ" (the one letter whose lower case is two
    characters) as "i", so that its lower case keeps every span of `text`."""
    for apostrophe in (*APOSTROPHES, "\u0130"):
        if apostrophe in text:
            text = text.replace(apostrophe, "i" if apostrophe == "\u0130" else "'")
    return text


def inside_quotes(text: str, start: int, end: int, quotes: str, opens_after: str = "([",
                  closes_before: str | None = ".,;:!?)]") -> bool:  # fmt: skip
    """Whether more quotation marks open than close between `start` and `end`. A mark
    opens after a space (or the text's start) or one of `opens_after`, before a non-space;
    it closes an open one after a non-space, before a space or one of `closes_before`
    (None: before anything but a letter or digit). So an apostrophe inside a word
    ("don't") neither opens nor closes."""
    depth = 0
    for index in range(start, end):
        if text[index] not in quotes:
            continue
        before = text[index - 1] if index > 0 else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if (before.isspace() or before in opens_after) and not after.isspace():
            depth += 1
        elif depth and not before.isspace() and (
                not after.isalnum() if closes_before is None else after.isspace() or after in closes_before):  # fmt: skip
            depth -= 1
    return depth > 0
