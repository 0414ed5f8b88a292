"""Tokens as every head sees them: lower-cased words split with C string methods, and
obfuscation undone per token type.

A comment's characters are touched by C code only (join, lower, translate, split over a
whole batch); a token seen before then costs one dictionary lookup in `vectorize.py`,
and only a new one is folded (leetspeak, stretched letters, quote marks). Spaced-out
words ("i d i o t") are joined from runs of one-letter tokens.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import numpy as np

from moderation.features import MAX_CHARS

_ZERO_WIDTH = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")
_KEEP = set("'@$")
_ASCII_TABLE = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalnum() and chr(c) not in _KEEP})
_UNICODE_TABLE: dict[int, Any] = {}
_NON_ASCII_MARKS: list[re.Pattern[str]] = []
_ASCII_BYTES_TABLE = bytes(c if c >= 128 or chr(c).isalnum() or chr(c) in "'@$\x02" else 32 for c in range(256))
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
_LEET_CHARS = frozenset("0134579@$")
_STRETCH = re.compile(r"(.)\1{2,}")

def _unicode_table() -> dict[int, Any]:
    """Punctuation, symbols, spaces and controls to spaces (built on first non-ASCII text)."""
    if not _UNICODE_TABLE:
        ranges = [range(0x3000), range(0x3000, 0x3040), range(0xFE30, 0xFF00), range(0x1F000, 0x1FB00)]
        for block in ranges:
            for code in block:
                char = chr(code)
                if unicodedata.category(char)[0] in "PSZC" and char not in _KEEP:
                    _UNICODE_TABLE[code] = " "
        _UNICODE_TABLE[ord("\u2019")] = "'"
        _UNICODE_TABLE[ord("\u2018")] = "'"
    return _UNICODE_TABLE


def split(text: str) -> list[str]:
    """Raw lower-case tokens of one text: letters, digits and the in-word marks ' @ $."""
    text = text[:MAX_CHARS]
    if text.isascii():
        return text.lower().translate(_ASCII_TABLE).split()
    text = unicodedata.normalize("NFKC", _ZERO_WIDTH.sub("", text)).lower()
    return text.translate(_unicode_table()).split()


SEPARATOR = "\x02\x02"
SEPARATOR_ID = -2
_ASCII_BATCH_TABLE = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalnum() and chr(c) not in _KEEP | {"\x02"}})


def split_batch(texts: list[str]) -> list[str]:
    """`split` of every text, in one flat list with `SEPARATOR` between texts (spaced-out
    words are joined afterwards, by `spaced_segments`).

    One join and one pass of C string methods over the whole batch, instead of a few
    calls per text: for short comments the calls cost more than the characters. Only
    the texts with non-ASCII characters get Unicode folding, each on its own.
    """
    if not texts:
        return []
    parts = [text[:MAX_CHARS] if text.isascii() else _fold_unicode(text[:MAX_CHARS]) for text in texts]
    big = " \x02\x02 ".join(parts)
    if big.count("\x02") != 2 * (len(texts) - 1):
        # A text holds the separator's character: split text by text instead.
        return [token for text in texts for token in (*split(text.replace("\x02", " ")), SEPARATOR)][:-1]
    if big.isascii():
        return big.lower().translate(_ASCII_BATCH_TABLE).split()
    # str.translate is fast on ASCII only: translate the ASCII marks on the UTF-8 bytes.
    return big.lower().encode("utf-8", "surrogatepass").translate(_ASCII_BYTES_TABLE).decode("utf-8", "surrogatepass").split()


def _fold_unicode(text: str) -> str:
    """NFKC, zero-width characters out, Unicode punctuation and symbols to spaces."""
    return _non_ascii_marks().sub(_mark, unicodedata.normalize("NFKC", _ZERO_WIDTH.sub("", text)))


def _mark(match: re.Match[str]) -> str:
    return "'" if match.group(0) in "\u2018\u2019" else " "


def _non_ascii_marks() -> re.Pattern[str]:
    if not _NON_ASCII_MARKS:
        codes = sorted(code for code in _unicode_table() if code >= 128)
        ranges, start, previous = [], codes[0], codes[0]
        for code in [*codes[1:], -1]:
            if code != previous + 1:
                ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(previous))}" if previous > start else re.escape(chr(start)))
                start = code
            previous = code
        _NON_ASCII_MARKS.append(re.compile("[" + "".join(ranges) + "\u2018\u2019]"))
    return _NON_ASCII_MARKS[0]


def spaced_segments(flat: list[str], separator: np.ndarray, single: np.ndarray | None = None) -> list[tuple[int, int, list[str]]]:
    """For each text of a flat batch (texts between `separator` marks) with a run of three
    one-character tokens: (start, end, its tokens with the runs joined). Found with array
    operations, since few texts have one. `single` (which tokens are one character) is
    measured here unless the caller knows it."""
    if len(flat) < 3:
        return []
    if single is None:
        single = np.fromiter(map(len, flat), dtype=np.int32, count=len(flat)) == 1
    runs = np.flatnonzero(single[:-2] & single[1:-1] & single[2:])
    if not len(runs):
        return []
    marks = np.flatnonzero(separator)
    bounds = np.concatenate([[-1], marks, [len(flat)]])
    segments = []
    for text in np.unique(np.searchsorted(marks, runs)):
        start, end = int(bounds[text]) + 1, int(bounds[text + 1])
        segments.append((start, end, _join_spaced(flat[start:end])))
    return segments


def join_spaced(flat: list[str], separator: np.ndarray) -> list[str]:
    """A flat batch with every text's spaced-out runs joined (see `spaced_segments`)."""
    segments = spaced_segments(flat, separator)
    if not segments:
        return flat
    pieces, previous = [], 0
    for start, end, tokens in segments:
        pieces += [flat[previous:start], tokens]
        previous = end
    return [token for piece in [*pieces, flat[previous:]] for token in piece]


def fold(token: str) -> str:
    """A token's canonical form: leetspeak inside a word mapped back ("1d10t" is
    "idiot"), letters stretched past two shrunk ("stuuupid" is "stuupid"), quotes off."""
    token = token.strip("'@$") or token
    if not _LEET_CHARS.isdisjoint(token) and any(ch.isalpha() for ch in token):
        token = token.translate(_LEET)
    if len(token) > 2:
        token = _STRETCH.sub(r"\1\1", token)
    return token


def _join_spaced(tokens: list[str]) -> list[str]:
    """Join runs of three or more one-character tokens ("i d i o t") that hold at least
    two letters; "1 2 3" stays a list of numbers."""
    out: list[str] = []
    run: list[str] = []
    for token in [*tokens, ""]:
        if len(token) == 1:
            run.append(token)
            continue
        if len(run) >= 3 and sum(ch.isalpha() for ch in run) >= 2:
            out.append("".join(run))
        else:
            out.extend(run)
        run = []
        if token:
            out.append(token)
    return out


def tokenize(text: str) -> list[str]:
    """The canonical tokens of one text, as the features see them."""
    tokens = split(text)
    if sum(len(token) == 1 for token in tokens) >= 3:
        tokens = _join_spaced(tokens)
    return [fold(token) for token in tokens]
