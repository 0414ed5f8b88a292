"""Tokens as every head sees them: lower-cased words split with C string methods, and
obfuscation undone per token type.

A comment's characters are touched by C code only (join, lower, translate, split over a
whole batch): `spans` leaves a batch's tokens as byte ranges of one buffer. Training
makes a string of every token from it; scoring does not need to, as
`tables.TokenTable` finds the known ones with array operations. Only a token not met
before is folded (leetspeak, stretched letters, quote marks). Spaced-out words
("i d i o t") are joined from runs of one-letter tokens.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

from moderation.features.inputs import MAX_CHARS

_ZERO_WIDTH = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")
_KEEP = set("'@$")
_ASCII_TABLE = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalnum() and chr(c) not in _KEEP})
_UNICODE_TABLE: dict[int, Any] = {}
_NON_ASCII_MARKS: list[re.Pattern[str]] = []
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


_SPAN_TABLE = bytes((c | 0x20 if 65 <= c <= 90 else c) if c >= 128 or chr(c).isalnum() or chr(c) in "'@$" else 32 for c in range(256))
"""Bytes of a UTF-8 batch to what `split` keeps: ASCII letters lowered, the marks that
end words as spaces. Bytes of multi-byte characters pass (`_fold_unicode` has settled
those), so the buffer stays valid UTF-8."""
_WORD_MASKS = np.asarray([(1 << (8 * k)) - 1 for k in range(8)] + [(1 << 64) - 1], dtype=np.uint64)
_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(0x165667B19E3779F9))
WORD_BYTES = 24
"""Tokens up to this many bytes are read as three 64-bit words; longer ones (links,
keyboard mashing) are left to a dictionary of strings."""


@dataclass(frozen=True)
class Spans:
    """Every token of a batch as a range of one buffer: the tokens `split` gives, in order,
    and the text each belongs to, without a string per token."""

    buffer: bytes
    """UTF-8, lower case, a space wherever `split` splits, and 8 spaces of padding."""
    starts: np.ndarray
    lengths: np.ndarray
    """In bytes."""
    rows: np.ndarray
    """Which text of the batch each token is from."""

    def token(self, index: int) -> str:
        start = int(self.starts[index])
        return self.buffer[start : start + int(self.lengths[index])].decode("utf-8", "surrogatepass")

    def single(self) -> np.ndarray:
        """Which tokens are one character: one byte, or one UTF-8 sequence as long as its
        first byte says."""
        lead = np.frombuffer(self.buffer, dtype=np.uint8)[self.starts]
        sequence = 1 + (lead >= 0xC0).astype(np.int64) + (lead >= 0xE0) + (lead >= 0xF0)
        return self.lengths == sequence

    @cached_property
    def words(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each token's first `WORD_BYTES` bytes as three little-endian 64-bit words,
        zero past its end (no token holds a zero byte, so up to 24 bytes the words are
        the token). Read with one unaligned gather per word."""
        view = np.ndarray(shape=(len(self.buffer) - 7,), dtype="<u8", buffer=self.buffer, strides=(1,))
        words = [view[self.starts] & _WORD_MASKS[np.minimum(self.lengths, 8)]]
        for k in (1, 2):
            word = np.zeros(len(self.starts), dtype=np.uint64)
            longer = np.flatnonzero(self.lengths > 8 * k)
            word[longer] = view[self.starts[longer] + 8 * k] & _WORD_MASKS[np.minimum(self.lengths[longer] - 8 * k, 8)]
            words.append(word)
        return words[0], words[1], words[2]

    @cached_property
    def keys(self) -> np.ndarray:
        """A 64-bit key per token: a token of up to 8 bytes is its own key; a longer one's
        mixes its words and length (a hash: whoever looks keys up compares the words)."""
        keys = self.words[0].copy()
        longer = np.flatnonzero(self.lengths > 8)
        if len(longer):
            w0, w1, w2 = (word[longer] for word in self.words)
            with np.errstate(over="ignore"):
                mixed = w0 * _MIX[0] + (w1 ^ (w1 >> np.uint64(29))) * _MIX[1] + (w2 ^ (w2 >> np.uint64(31))) * _MIX[2]
                mixed += self.lengths[longer].astype(np.uint64)
            keys[longer] = mixed ^ (mixed >> np.uint64(32))
        return keys.view(np.int64)


def spans(texts: list[str]) -> Spans:
    """The tokens of every text, as `split` makes them.

    One join and one pass of C string methods over the whole batch, instead of a few
    calls per text: for short comments the calls cost more than the characters. Only
    the texts with non-ASCII characters get Unicode folding, each on its own."""
    parts = [text[:MAX_CHARS].encode("ascii") if text.isascii()
             else _fold_unicode(text[:MAX_CHARS]).lower().encode("utf-8", "surrogatepass") for text in texts]  # fmt: skip
    # Texts are joined by a space, and each text's tokens found from where it starts.
    buffer = b" ".join(parts).translate(_SPAN_TABLE) + b" " * 8
    data = np.frombuffer(buffer, dtype=np.uint8)
    word = data != 32
    starts = np.flatnonzero(word[1:] & ~word[:-1]) + 1
    if len(data) and word[0]:
        starts = np.concatenate([[0], starts])
    ends = np.flatnonzero(word[:-1] & ~word[1:]) + 1
    text_starts = np.zeros(len(parts), dtype=np.int64)
    if parts:
        np.cumsum(np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))[:-1] + 1, out=text_starts[1:])
    per_text = np.diff(np.concatenate([np.searchsorted(starts, text_starts), [len(starts)]]))
    rows = np.repeat(np.arange(len(parts)), per_text)
    return Spans(buffer, starts, ends - starts, rows)


def with_runs_joined(found: Spans, values: np.ndarray, joined: Callable[[list[str]], np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """`values` (one per token of `found`) and the tokens' rows, with each spaced-out run
    ("i d i o t") replaced by `joined` of the tokens `join_runs` makes of it.

    The runs are the longest runs of one-character tokens within a text that are three
    or more long: the only places `join_runs` can change. They are found with array
    operations, since few texts have one, and only their tokens become strings."""
    single, rows = found.single(), found.rows
    at = np.flatnonzero(single)
    breaks = np.flatnonzero((at[1:] != at[:-1] + 1) | (rows[at[1:]] != rows[at[:-1]]))
    first = np.concatenate([[0], breaks + 1])
    last = np.concatenate([breaks, [len(at) - 1]]) if len(at) else first
    long = last - first >= 2
    value_pieces, row_pieces, previous = [], [], 0
    for start, end in zip(at[first[long]].tolist(), (at[last[long]] + 1).tolist(), strict=True):
        tokens = join_runs([found.token(index) for index in range(start, end)])
        value_pieces += [values[previous:start], joined(tokens)]
        row_pieces += [rows[previous:start], np.full(len(tokens), rows[start], dtype=np.int64)]
        previous = end
    if not value_pieces:
        return values, rows
    return np.concatenate([*value_pieces, values[previous:]]), np.concatenate([*row_pieces, rows[previous:]])


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


def fold(token: str) -> str:
    """A token's canonical form: leetspeak inside a word mapped back ("1d10t" is
    "idiot"), letters stretched past two shrunk ("stuuupid" is "stuupid"), quotes off."""
    token = token.strip("'@$") or token
    if not _LEET_CHARS.isdisjoint(token) and any(ch.isalpha() for ch in token):
        token = token.translate(_LEET)
    if len(token) > 2:
        token = _STRETCH.sub(r"\1\1", token)
    return token


def join_runs(tokens: list[str]) -> list[str]:
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
        tokens = join_runs(tokens)
    return [fold(token) for token in tokens]
