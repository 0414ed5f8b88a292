"""The comment's shape: length, sentences, capitals, exclamations, digits, links and
reasoning words, counted over a batch's bytes at once."""

from __future__ import annotations

import numpy as np

from moderation.features.inputs import MAX_CHARS

SHAPE = (
    "log_chars", "log_words", "sentences", "mean_word_length", "caps_share", "exclaim_rate",
    "question_rate", "digit_share", "has_link", "reason_words",
)  # fmt: skip

_OTHER, _UPPER, _LOWER, _DIGIT, _BANG, _QUESTION, _STOP, _SPACE = range(8)
_CLASSES = np.zeros(256, dtype=np.uint8)
for _code in range(128):
    _char = chr(_code)
    _CLASSES[_code] = (_UPPER if _char.isupper() else _LOWER if _char.isalpha() else _DIGIT if _char.isdigit()
                       else _BANG if _char == "!" else _QUESTION if _char == "?" else _STOP if _char == "."
                       else _SPACE if _char.isspace() or _code == 0 else _OTHER)  # fmt: skip
_COUNTED = (_UPPER, _LOWER, _DIGIT, _BANG, _QUESTION, _SPACE)
_COUNTERS = np.zeros(256, dtype=np.uint64)
"""Per byte, one added to its class's 16-bit field of a uint64 (four fields) or of a
second one, so that summing two arrays per text counts every class at once. Only ASCII
bytes are counted, and a text has at most `MAX_CHARS` (20,000) of them: no field can
carry into the next."""
_COUNTERS_HIGH = np.zeros(256, dtype=np.uint64)
for _code in range(128):
    if _CLASSES[_code] in _COUNTED:
        _field = _COUNTED.index(_CLASSES[_code])
        (_COUNTERS if _field < 4 else _COUNTERS_HIGH)[_code] = np.uint64(1) << np.uint64(16 * (_field % 4))


def shape_block(texts: list[str], n_words: np.ndarray, reasoning: np.ndarray) -> np.ndarray:
    """Length and form: long, reasoned comments are the constructive ones; shouting is not
    civil. Character classes are counted over the batch's bytes at once (letters, capitals
    and digits of the ASCII range: what shouting and numbers look like)."""
    n = len(texts)
    out = np.zeros((n, len(SHAPE)), dtype=np.float32)
    if not n:
        return out
    texts = [text[:MAX_CHARS] for text in texts]
    big = "\x00".join(texts)
    if big.count("\x00") != n - 1:
        texts = [text.replace("\x00", " ") for text in texts]
        big = "\x00".join(texts)
    raw = big.encode("utf-8", "replace") + b"\x00"
    data = np.frombuffer(raw, dtype=np.uint8)
    ends = np.flatnonzero(data == 0)
    starts = np.concatenate([[0], ends[:-1] + 1])
    low, high = np.add.reduceat(_COUNTERS[data], starts), np.add.reduceat(_COUNTERS_HIGH[data], starts)
    counts = np.zeros((n, 8), dtype=np.float32)
    for field, kind in enumerate(_COUNTED):
        counts[:, kind] = ((low if field < 4 else high) >> np.uint64(16 * (field % 4))) & np.uint64(0xFFFF)
    # A sentence ends at . ! or ? followed by a space or the end of the text.
    classes = _CLASSES[data]
    stops = np.flatnonzero((classes[:-1] >= _BANG) & (classes[:-1] <= _STOP) & (classes[1:] == _SPACE))
    sentences = np.bincount(np.searchsorted(ends, stops), minlength=n).astype(np.float32)
    chars = np.fromiter(map(len, texts), dtype=np.float32, count=n)
    spaces = counts[:, _SPACE] - 1  # every text's bytes end with the 0 that separates them
    letters = counts[:, _UPPER] + counts[:, _LOWER]
    words = n_words.astype(np.float32)
    out[:, 0] = np.log1p(chars) / 8
    out[:, 1] = np.where(chars > 0, np.log1p(words) / 7, 0)
    out[:, 2] = np.minimum(sentences, 30) / 10
    out[:, 3] = (chars - spaces) / words / 10
    out[:, 4] = counts[:, _UPPER] / np.maximum(letters, 1)
    out[:, 5] = counts[:, _BANG] / words * 10
    out[:, 6] = counts[:, _QUESTION] / words * 10
    out[:, 7] = counts[:, _DIGIT] / np.maximum(chars, 1)
    links = [at for needle in (b"http", b"www.") for at in find_all(raw, needle)]
    out[np.searchsorted(ends, links).astype(np.int64), 8] = 1
    out[:, 9] = reasoning / words * 10
    return out


def find_all(data: bytes, needle: bytes) -> list[int]:
    """Where `needle` starts in `data`: one C search per match (links are rare)."""
    found, at = [], data.find(needle)
    while at >= 0:
        found.append(at)
        at = data.find(needle, at + 1)
    return found
