"""What a reader sees of a comment, counted: its visible length (grapheme clusters, invisible
characters gone) and its substantive length (padding squeezed out), which the length rules
(`policy.rules_and_length`) compare with the site's limits (docs/policy.md, "Counting
characters")."""

from __future__ import annotations

import functools
import operator
import re
import unicodedata
from typing import Any

from moderation.decide.terms import without_invisible


@functools.lru_cache(maxsize=1)
def _grapheme_pattern() -> Any:
    r"""Extended grapheme clusters (`\X`), compiled on first use: `regex` is not needed
    by commands that never count characters."""
    import regex

    return regex.compile(r"\X")


def _graphemes(text: str) -> list[str]:
    return _grapheme_pattern().findall(text)


@functools.lru_cache(maxsize=16)
def visible_text(text: str) -> str:
    """NFC, invisible characters gone (`terms.without_invisible`), ends stripped, inner
    whitespace runs as one space.

    Remembered for the last few texts: a decision asks for the visible and the
    substantive length of the same comment, and both start here."""
    if text.isascii():  # the same, for text that cannot need the rest
        if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
            return text  # no whitespace but single spaces within: most comments as they come
        return " ".join(text.split())
    text = without_invisible(unicodedata.normalize("NFC", text))
    return re.sub(r"\s+", " ", text).strip()


def visible_length(text: str) -> int:
    """User-visible characters: grapheme clusters of `visible_text` (an emoji or a letter
    with combining marks counts once)."""
    visible = visible_text(text)
    # ASCII has no combining marks or joiners: every character is a cluster.
    return len(_graphemes(visible)) if not visible.isascii() and _joins_clusters(visible) else len(visible)


def _joins_clusters(text: str) -> bool:
    """Whether any character can join a neighbour into one cluster (marks, joiners, Hangul
    jamo, regional indicators...); without one, every character is its own cluster."""
    return _cluster_joiner().search(text) is not None


@functools.lru_cache(maxsize=1)
def _cluster_joiner() -> Any:
    import regex

    return regex.compile(r"[^\p{GCB=Other}\p{GCB=Control}\p{GCB=CR}\p{GCB=LF}]")


def substantive_length(text: str, limit: int | None = None) -> int:
    """Visible length with padding squeezed out, so padding cannot reach a minimum.

    A word said three or more times in a row counts once ("spam spam spam"), a character
    repeated three or more times counts twice ("sooooo" as "soo"), and a run of
    punctuation or symbols counts once ("Nice!!!!!!!!" as "Nice!"). With `limit`, counting
    stops there, and the result is `min(substantive_length(text), limit)`: the minimum-
    length rule only needs to know whether the limit is reached, and an opening of the
    text nearly always tells (cut by `_opening`, so that it never counts more than the
    whole would); squeezing costs in proportion to what it reads.
    """
    visible = visible_text(text)
    if limit is not None:
        size = limit + OPENING_SLACK
        while size < len(visible):  # an opening of padding does not decide: read 4 times as far
            opening = _opening(visible, size)
            if opening and _squeezed_length(opening, limit) >= limit:
                return limit
            size *= 4
    return _squeezed_length(visible, limit)


OPENING_SLACK = 30
"""How far past the limit an opening reaches: the squeezing seldom takes more than this
from an opening of real words, and the opening must also end on a safe cut."""


def _opening(visible: str, size: int) -> str:
    """The longest start of `visible`, of at most `size` characters, that counts as it
    does within the whole text: cut at a space between two words of ASCII letters and
    digits (no run of characters or of padding, and no grapheme cluster, reaches across)
    that differ (no run of a repeated word does either). A run that a careless cut left
    whole counts in full in the opening but once in the text: "...! w w | w w" had
    counted 50 where the whole counts 43. Empty when no such cut exists."""
    end = visible.rfind(" ", 0, size + 1)
    while end > 0:
        start = visible.rfind(" ", 0, end)
        following = visible.find(" ", end + 1)
        before, after = visible[start + 1 : end], visible[end + 1 : following if following >= 0 else len(visible)]
        if before.isascii() and after.isascii() and before.isalnum() and after.isalnum() and before.lower() != after.lower():
            return visible[:end]
        end = start
    return ""


def _squeezed_length(visible: str, limit: int | None) -> int:
    squeezed = _REPEATED_WORDS.sub(r"\1", visible) if _has_repeated_word(visible) else visible
    if squeezed.isascii():
        # Characters are clusters: the same two rules as the loop below, as substitutions,
        # made only where a search finds a run: most comments have none, and a search
        # costs a third to a half of a substitution that finds nothing.
        if _CHARACTER_RUN.search(squeezed):
            squeezed = _CHARACTER_RUN.sub(r"\1\1", squeezed)
        if _ASCII_PADDING_RUN.search(squeezed):
            squeezed = _ASCII_PADDING_RUN.sub(r"\1", squeezed)
        return len(squeezed) if limit is None else min(len(squeezed), limit)
    simple = not _joins_clusters(squeezed)
    clusters = squeezed if simple else (match.group() for match in _grapheme_pattern().finditer(squeezed))
    count = 0
    last = second_last = ""
    for cluster in clusters:
        repeated = cluster == last == second_last
        padding_run = bool(last) and _is_padding(cluster) and _is_padding(last)
        second_last, last = last, cluster
        if repeated or padding_run:
            continue
        count += 1
        if limit is not None and count >= limit:
            break
    return count


_REPEATED_WORDS = re.compile(r"\b(\w+)(?:\W+\1\b){2,}", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_ASCII_WORDS = bytes(ord(chr(c).lower()) if c < 128 and (chr(c).isalnum() or chr(c) == "_") else 32 for c in range(256))
"""ASCII word characters lower-cased, everything else a space: `bytes.split` then gives
what `_WORD.findall(text.lower())` gives for ASCII text, at a third of the cost."""


def _has_repeated_word(text: str) -> bool:
    """Whether a word follows itself: what `_REPEATED_WORDS` needs before it can match,
    and it is slow to search for that with nothing to find."""
    words = text.encode().translate(_ASCII_WORDS).split() if text.isascii() else _WORD.findall(text.lower())
    return any(map(operator.eq, words, words[1:]))


_CHARACTER_RUN = re.compile(r"(.)\1\1+")
_ASCII_PADDING_RUN = re.compile(r"([^A-Za-z0-9\s])[^A-Za-z0-9\s]+")


def _is_padding(cluster: str) -> bool:
    return not any(ch.isalnum() for ch in cluster) and not cluster.isspace()
