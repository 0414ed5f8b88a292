"""Hash tables looked up a whole array at a time: a batch's tokens and bigrams become
columns through a few vector gathers, not a dictionary lookup each."""

from __future__ import annotations

import numpy as np

from moderation.features.tokens import WORD_BYTES, Spans


class IntTable:
    """A read-only hash table from int64 keys to int64 values, looked up a whole array at
    a time (open addressing, at most a quarter full): a bigram's column in a few vector
    gathers instead of a binary search through every bigram."""

    def __init__(self, keys: np.ndarray, values: np.ndarray) -> None:
        self.bits = max(int(np.ceil(np.log2(max(len(keys), 1) * 4))), 4)
        size = 1 << self.bits
        self.keys = np.full(size, -1, dtype=np.int64)
        self.values = np.full(size, -1, dtype=np.int64)
        slots = self._slots(keys)
        pending = np.arange(len(keys))
        while len(pending):
            free = self.keys[slots[pending]] == -1
            candidates = pending[free]
            taken, first = np.unique(slots[candidates], return_index=True)
            winners = candidates[first]
            self.keys[taken] = keys[winners]
            self.values[taken] = values[winners]
            placed = np.zeros(len(keys), dtype=bool)
            placed[winners] = True
            pending = pending[~placed[pending]]
            slots[pending] = (slots[pending] + 1) & (size - 1)

    def _slots(self, keys: np.ndarray) -> np.ndarray:
        mixed = keys.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
        return (mixed >> np.uint64(64 - self.bits)).astype(np.int64)

    def get(self, keys: np.ndarray) -> np.ndarray:
        """Each key's value, -1 where absent."""
        result = np.full(len(keys), -1, dtype=np.int64)
        slots = self._slots(keys)
        # The first probe settles most keys: it runs on whole arrays, the rest on the few left.
        stored = self.keys[slots]
        hit = stored == keys
        result[hit] = self.values[slots[hit]]
        active = np.flatnonzero(~hit & (stored != -1))
        mask = len(self.keys) - 1
        while len(active):
            probe = (slots[active] + 1) & mask
            slots[active] = probe
            stored = self.keys[probe]
            hit = stored == keys[active]
            result[active[hit]] = self.values[probe[hit]]
            active = active[~hit & (stored != -1)]
        return result


class TokenTable:
    """Token strings to ids, looked up by their bytes (`tokens.Spans`).

    A token of up to 8 bytes is its own key; a longer one's key is a hash, so a found
    key only counts when the token's words and length equal the stored ones: the answer
    is exact. Tokens longer than `WORD_BYTES` are never found here.
    """

    def __init__(self, tokens: list[str], ids: np.ndarray) -> None:
        encoded = [token.encode("utf-8", "surrogatepass") for token in tokens]
        short = [i for i, raw in enumerate(encoded) if 0 < len(raw) <= WORD_BYTES]
        encoded = [encoded[i] for i in short]
        lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
        starts = np.zeros(len(encoded), dtype=np.int64)
        np.cumsum(lengths[:-1] + 1, out=starts[1:])
        spans = Spans(b" ".join(encoded) + b" " * 8, starts, lengths, np.zeros(len(encoded), dtype=np.int64))
        self.words = spans.words
        self.lengths = lengths
        self.ids = np.asarray(ids, dtype=np.int64)[short]
        self.table = IntTable(spans.keys, np.arange(len(encoded)))

    def get(self, spans: Spans) -> np.ndarray:
        """Each token's id, -1 where the table does not hold it."""
        words = spans.words
        found = self.table.get(spans.keys)
        at = np.maximum(found, 0)
        same = (found >= 0) & (self.lengths[at] == spans.lengths) & (self.words[0][at] == words[0])
        longer = np.flatnonzero(same & (spans.lengths > 8))
        same[longer] &= (self.words[1][at[longer]] == words[1][longer]) & (self.words[2][at[longer]] == words[2][longer])
        return np.where(same, self.ids[at], -1)
