"""Banned and suspect terms, matched the way people dodge filters.

Text and terms are both folded to a "skeleton": compatibility forms (full-width letters,
ligatures), case, zero-width characters, look-alike letters from other scripts
(Cyrillic "а", Greek "ο") and leetspeak ("1d10t") are undone. A term then matches with
any run of spaces or punctuation between its letters ("i d i o t", "i.d.i.o.t") and
each letter repeated ("iiidiot"), but only as a whole word in any script, so "class"
never matches "ass". Every match maps back to its span in the original text.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from moderation.decide.reading import inside_quotes



@lru_cache(maxsize=1)
def _invisible_pattern() -> Any:
    import regex

    # Every default-ignorable code point and format character (soft hyphen, direction
    # marks, invisible separators, tags...), but a zero-width joiner right after an
    # emoji, where it joins the next one into one picture ("family" emoji).
    return regex.compile(r"[[\p{Default_Ignorable_Code_Point}\p{Cf}]--[\u200d]]"
                         r"|(?<![\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f])\u200d", flags=regex.V1)  # fmt: skip


def without_invisible(text: str) -> str:
    """`text` without the characters no reader sees, so that they can neither pad a
    length nor split a listed term ("id\u00adiot")."""
    if text.isascii():
        return text
    return _invisible_pattern().sub("", text)


@lru_cache(maxsize=8192)
def invisible(char: str) -> bool:
    """Whether one character is dropped by `without_invisible` wherever it stands."""
    return char != "\u200d" and _invisible_pattern().fullmatch(char) is not None

_HOMOGLYPHS = str.maketrans({
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
    "һ": "h", "ԁ": "d", "ɡ": "g", "к": "k", "м": "m", "т": "t", "в": "b", "н": "h",
    "α": "a", "ο": "o", "ρ": "p", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "τ": "t", "υ": "u", "χ": "x",
})  # fmt: skip
_ASCII_BANG = re.compile(r"(?<=[A-Za-z])!(?=[A-Za-z])")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g", "@": "a", "$": "s"})


def skeleton(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters the index it came from in `text`.

    ASCII folds to itself but for case and leetspeak, character for character, so runs of
    it are folded by two C calls; only the other characters (accents, look-alikes from
    other scripts, full-width forms, invisible ones) go through the loop."""
    if text.isascii():
        return _fold_ascii(text), list(range(len(text)))
    chars: list[str] = []
    origin: list[int] = []
    position = 0
    for run in _NON_ASCII.finditer(text):
        if run.start() > position:
            chars.append(_fold_ascii(text[position : run.start()]))
            origin.extend(range(position, run.start()))
        for index in range(run.start(), run.end()):
            char = text[index]
            if char == "\u200d" or invisible(char):
                continue
            folded = unicodedata.normalize("NFKC", char).casefold().translate(_HOMOGLYPHS).translate(_LEET)
            folded = "".join(ch for ch in unicodedata.normalize("NFD", folded) if not unicodedata.combining(ch))
            chars.append(folded)
            origin.extend([index] * len(folded))
        position = run.end()
    if position < len(text):
        chars.append(_fold_ascii(text[position:]))
        origin.extend(range(position, len(text)))
    return "".join(chars), origin


def _fold_ascii(text: str) -> str:
    """ASCII as `skeleton` folds it: lower case, leetspeak read, "id!ot" as "idiot"."""
    return _ASCII_BANG.sub("i", text).lower().translate(_LEET)


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


@dataclass(frozen=True)
class Match:
    """A term found in a comment: the term as configured and where it stands."""

    term: str
    start: int
    end: int
    text: str


@lru_cache(maxsize=64)
def _usable(terms: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(term for term in terms if any(ch.isalnum() for ch in skeleton(term)[0]))


_NOT_WORD = re.compile(r"[\W_]+")
_RUNS = re.compile(r"(.)\1+")


_ASCII_NOT_WORD = str.maketrans("", "", "".join(chr(c) for c in range(128) if not chr(c).isalnum()))


def _letters(folded: str) -> str:
    """The folded text's letters and digits only: what a match of a term leaves of it
    (its pattern allows anything else between its letters)."""
    letters = folded.translate(_ASCII_NOT_WORD)
    return letters if letters.isascii() else _NOT_WORD.sub("", letters)


def _squashed(folded: str) -> str:
    """Letters only, each run of one letter as one: what every match of a term leaves of
    it (its pattern allows anything but letters between its letters, and repeats)."""
    return _RUNS.sub(r"\1", _letters(folded))


@lru_cache(maxsize=64)
def _squashed_terms(terms: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(term for term in {_squashed(skeleton(term)[0]) for term in terms} if term)


def _could_match(folded: str, terms: tuple[str, ...]) -> bool:
    """A necessary condition for any match, checked by substring search: the full
    expression, which tries every position of the text, runs only on the few comments
    that pass."""
    squashed = _squashed(folded)
    return any(term in squashed for term in _squashed_terms(terms))


def could_match_many(texts: list[str], terms: list[str] | tuple[str, ...]) -> list[tuple[str, ...]]:
    """`_could_match` for a batch of texts at once: for each, the terms that could match
    it (most often none), in the order given. `find_terms` with only those finds what it
    finds with all of them, at a fraction of the cost: a term that cannot match changes
    nothing, and the expression of all the terms is slow to run.

    Per comment, folding and squashing cost more than everything else the rules do
    (about 40 µs of a news comment); here the batch's ASCII texts (and those whose only
    other characters are punctuation) are joined and folded, squashed and searched by a
    few C calls for the whole batch. The answer is the per-text one, exactly.
    """
    usable = _usable(tuple(terms))
    by_squashed = _terms_by_squashed(usable)
    found: list[set[str]] = [set() for _ in texts]
    rows: list[int] = []
    pieces: list[str] = []
    for index, text in enumerate(texts):
        if not text.isascii():
            text = text.translate(_PUNCTUATION_AS_SPACE)
        if not text.isascii() or "\0" in text:  # one at a time, as `_could_match` does
            squashed = _squashed(skeleton(text)[0]).encode()
            found[index].update(term for key, terms_of in by_squashed.items() if key in squashed for term in terms_of)
            continue
        rows.append(index)
        pieces.append(_ASCII_BANG.sub("i", text) if "!" in text else text)
    if rows and by_squashed:
        _search_joined(pieces, rows, by_squashed, found)
    return [tuple(term for term in usable if term in terms_of) if terms_of else () for terms_of in found]


@lru_cache(maxsize=64)
def _terms_by_squashed(usable: tuple[str, ...]) -> dict[bytes, list[str]]:
    by_squashed: dict[bytes, list[str]] = {}
    for term in usable:
        key = _squashed(skeleton(term)[0]).encode()
        if key:
            by_squashed.setdefault(key, []).append(term)
    return by_squashed


def _search_joined(pieces: list[str], rows: list[int], by_squashed: dict[bytes, list[str]], found: list[set[str]]) -> None:
    """Adds to `found[rows[i]]` the terms whose squashed form is in `pieces[i]` squashed
    (ASCII texts without NUL): the pieces are folded, squashed and searched as one."""
    import numpy as np

    # NUL separates the texts; it survives the folding, and a run of it is never squashed.
    letters = "\0".join(pieces).encode().lower().translate(_BYTES_LEET, _BYTES_NOT_WORD)
    codes = np.frombuffer(letters, np.uint8)
    keep = np.empty(len(codes), bool)
    keep[:1] = True
    np.not_equal(codes[1:], codes[:-1], out=keep[1:])
    keep[1:] |= codes[1:] == 0
    squashed = codes[keep].tobytes()
    ends: list[int] | None = None
    for key, terms_of in by_squashed.items():
        position = squashed.find(key)
        while position >= 0:
            if ends is None:
                ends = list(itertools.accumulate(len(piece) + 1 for piece in squashed.split(b"\0")))
            row = bisect.bisect_right(ends, position)
            found[rows[row]].update(terms_of)
            position = squashed.find(key, ends[row])


_BYTES_LEET = bytes.maketrans(b"01345789@$", b"oieastbgas")
_BYTES_NOT_WORD = bytes(code for code in range(1, 128) if not chr(code).isalnum() and chr(code) not in "@$")
"""What the folding drops (NUL aside). `bytes.translate` drops before it maps, so the two
symbols leetspeak reads as letters are kept to be mapped."""
_PUNCTUATION_AS_SPACE = {
    code: " " for code in [*range(0x2000, 0x2070), 0xAB, 0xBB, 0xB7, 0x25BA, 0x2022]
    if unicodedata.category(chr(code))[0] in "PZS" and not any(ch.isalnum() for ch in unicodedata.normalize("NFKC", chr(code)))
}
"""General punctuation, spaces and a few bullets and quotes: they fold to nothing a term
is made of, so a text whose only non-ASCII characters are these is searched as ASCII."""


@lru_cache(maxsize=64)
def _compiled(terms: tuple[str, ...]) -> Any:
    import regex

    alternatives = []
    for term in terms:
        letters = [ch for ch in skeleton(term)[0] if not ch.isspace() and (ch.isalnum() or ch == "'")]
        if not letters:
            continue
        body = r"[\W_]*".join(f"(?:{regex.escape(ch)})+" for ch in letters)
        alternatives.append(body + r"(?:e?s)?")  # and its plural: "idiots", "bitches"
    if not alternatives:
        return None
    pattern = r"(?<![\w])(?:" + "|".join(f"({body})" for body in alternatives) + r")(?![\w])"
    return regex.compile(pattern, regex.UNICODE)


def find_terms(text: str, terms: list[str] | tuple[str, ...]) -> list[Match]:
    """Every whole-word occurrence of any term in `text`, however disguised."""
    if not terms:
        return []
    usable = _usable(tuple(terms))
    pattern = _compiled(usable)
    if pattern is None or not text:
        return []
    if not _could_match(_fold_ascii(text) if text.isascii() else skeleton(text)[0], usable):
        return []
    folded, origin = skeleton(text)
    found = []
    for match in pattern.finditer(folded):
        group = next(i for i, value in enumerate(match.groups()) if value is not None)
        start, end = origin[match.start()], origin[match.end() - 1] + 1
        found.append(Match(term=usable[group], start=start, end=end, text=text[start:end]))
    return found


SUSPECT_TERMS = (
    "idiot", "moron", "imbecile", "cretin", "halfwit", "dumbass", "jackass", "asshole", "arsehole", "dickhead", "prick",
    "bastard", "bitch", "scumbag", "shithead", "piece of shit", "douchebag", "twat", "wanker", "loser", "retard", "cunt",
    "fuck you", "go to hell", "shut up", "faggot", "nigger", "kike", "spic", "chink", "tranny",
)
"""The default suspect terms: the most common English insults and slurs, matched through
spacing, leetspeak and look-alike letters as every term is (`terms`), so a fresh install
holds "y0u 1d10t" on the rules alone. A site edits the list in its policy, or empties it
(`suspect_terms = []`)."""


_CLAUSE_END = re.compile(r"[.!?;:\n]")
_NEGATION = re.compile(r"\b(?:not|never|no|nobody|none|nor|neither|without|no one)\b|n't\b|\bnot\b", re.IGNORECASE)
_QUOTES = "'\"\u201c\u201d\u2018\u2019"
NEGATION_WORDS = 6
"""How far back (in words, within the clause) a "not", "never" or "n't" disowns a term."""


def disowned(text: str, start: int) -> bool:
    """Whether the suspect term at `start` is negated ("you are not an idiot", "I would
    never call you a moron") or quoted ("someone called my son a 'retard'"), in which case
    it is not held for it: the civility model still reads the whole comment."""
    clause_start = max((match.end() for match in _CLAUSE_END.finditer(text, 0, start)), default=0)
    before = text[clause_start:start]
    if inside_quotes(text, clause_start, start, _QUOTES):
        return True
    window = " ".join(before.split()[-NEGATION_WORDS:])
    return _NEGATION.search(window) is not None
