"""Tokens to ids: known tokens by array lookups of their bytes, new ones learned once
per process with their character grams. `FeatureSpace` inherits this."""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np

from moderation.features.arrays import stable_hash
from moderation.features.grams import char_grams
from moderation.features.tables import TokenTable
from moderation.features.tokens import Spans, fold, with_runs_joined
from moderation.features.tokens import spans as token_spans

TABLE_AFTER = 2_000
"""Batches of at least this many tokens look known tokens up in a `TokenTable`, built on
first need (a few tens of milliseconds); smaller ones, such as a pre-publish check of one
comment, look tokens up only in the dictionaries of tokens met before."""
GRAM_TABLE_AFTER = 200
"""Batches with at least this many new ASCII tokens find those tokens' character grams
in a `TokenTable` of the grams, built on first need (a few tens of milliseconds);
smaller ones, such as a pre-publish check of one comment, look each gram up in the
dictionary of grams."""
MAX_DYNAMIC = 200_000
"""How many token types unseen in training are remembered between batches (with their
character grams); past this the memory starts again, so a stream of junk cannot grow it."""


class TokenIds:
    """The id of every token of a batch, for a fitted `FeatureSpace` (`tokens_`, `index_`,
    `gram_names_`, `gram_index_`, `gram_range`). Holds no state of its own: what a process
    learns of new tokens lives in `_runtime()`'s state, which is not pickled."""

    def _runtime(self, fresh_if_full: bool = True) -> dict[str, Any]:
        """What this process has learned about new tokens; not part of the fitted state."""
        state = self.__dict__.get("_state")
        if state is None or (fresh_if_full and len(state["dynamic"]) > MAX_DYNAMIC):
            import threading

            state = {"ids": {}, "short": {}, "dynamic": [], "dynamic_index": {}, "dynamic_grams": [], "dynamic_hash": [],
                     "lock": threading.Lock()}  # fmt: skip
            self.__dict__["_state"] = state
        return state

    def _token_ids(self, texts: list[str], state: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
        """Per token of every text, its id (known tokens below `len(tokens_)`, new ones
        above, remembered with their character grams) and its row."""
        spans = token_spans(texts)
        ids = np.full(len(spans.starts), -1, dtype=np.int64)
        if len(ids) >= TABLE_AFTER:
            ids = self._token_table().get(spans)
        missing = np.flatnonzero(ids < 0)
        # Up to 8 bytes a token is its key: those met before need no string.
        short = missing[spans.lengths[missing] <= 8]
        by_key = state["short"]
        ids[short] = np.fromiter(map(by_key.get, spans.keys[short].tolist(), itertools.repeat(-1)),
                                 dtype=np.int64, count=len(short))  # fmt: skip
        rest = missing[ids[missing] < 0]
        if len(rest):
            ids[rest] = self._ids([spans.token(index) for index in rest.tolist()], state)
            short = rest[spans.lengths[rest] <= 8]
            by_key.update(zip(spans.keys[short].tolist(), ids[short].tolist(), strict=True))
        return with_runs_joined(spans, ids, lambda joined: self._ids(joined, state))

    def _token_table(self) -> TokenTable:
        """The known tokens by their bytes, for raw tokens that are already canonical
        (most are; "'the" and "1d10t" are not, and go through `_id`)."""
        table = self.__dict__.get("_tokens_by_bytes")
        if table is None:
            tokens = [str(token) for token in self.tokens_]
            canonical = [i for i, token in enumerate(tokens) if fold(token) == token]
            table = self.__dict__["_tokens_by_bytes"] = TokenTable([tokens[i] for i in canonical], np.asarray(canonical, dtype=np.int64))
        return table

    def _ids(self, raws: list[str], state: dict[str, Any]) -> np.ndarray:
        """The ids of raw tokens that no array lookup found: remembered ones, and new ones
        learned (`_learn`) all at once."""
        remembered = state["ids"]
        found = list(map(remembered.get, raws))
        if None in found:
            with state["lock"]:
                self._learn([raw for raw, known in zip(raws, found, strict=True) if known is None], state)
            found = list(map(remembered.get, raws))
        return np.asarray(found, dtype=np.int64)

    def _learn(self, raws: list[str], state: dict[str, Any]) -> None:
        """Remember the ids of raw tokens not met before: a known token's when their
        canonical form is one, else a new id per new canonical form (two spellings of one
        unseen word are one token, as in training), with its character grams.

        The grams of a batch's new tokens are looked up in one pass (`_new_gram_ids`):
        on texts never seen before, learning new tokens had been a tenth of `score`'s
        time, at 25 µs a token (11 µs now). Ids are published last, so a reader without
        the lock never meets an id whose grams are not there yet."""
        remembered, dynamic_index = state["ids"], state["dynamic_index"]
        learned: dict[str, int] = {}
        new: list[str] = []
        for raw in raws:
            if raw in remembered or raw in learned:
                continue
            canonical = fold(raw)
            known = self.index_.get(canonical)
            if known is None:
                known = dynamic_index.get(canonical)
            if known is None:
                known = dynamic_index[canonical] = len(self.tokens_) + len(state["dynamic"]) + len(new)
                new.append(canonical)
            learned[raw] = known
        if new:
            state["dynamic_grams"].extend(self._new_gram_ids(new))
            state["dynamic_hash"].extend(map(stable_hash, new))
            state["dynamic"].extend(new)
        remembered.update(learned)

    def _new_gram_ids(self, tokens: list[str]) -> list[np.ndarray]:
        """Each token's character-gram columns, in `_grams` order (by length, then
        position; repeats kept), the grams not in the vocabulary left out.

        A batch's ASCII tokens have their grams laid out as byte ranges of one buffer and
        found all at once (`tables.TokenTable`), instead of a string and a dictionary
        lookup per gram, which had been most of the cost of a new token."""
        low, high = self.gram_range
        columns: list[np.ndarray | None] = [None] * len(tokens)
        plain = [i for i, token in enumerate(tokens) if token.isascii()]
        if len(plain) >= GRAM_TABLE_AFTER:
            padded = [f" {tokens[i]} ".encode() for i in plain]
            lengths = np.fromiter(map(len, padded), dtype=np.int64, count=len(padded))
            offsets = np.concatenate([[0], np.cumsum(lengths[:-1])])
            owners, starts, sizes = [], [], []
            for n in range(low, high + 1):
                count = np.maximum(lengths - n + 1, 0)
                owner = np.repeat(np.arange(len(padded)), count)
                owners.append(owner)
                starts.append(offsets[owner] + np.arange(len(owner)) - np.repeat(np.cumsum(count) - count, count))
                sizes.append(np.full(len(owner), n, dtype=np.int64))
            owner = np.concatenate(owners)
            order = np.argsort(owner, kind="stable")  # by token, keeping (length, position)
            owner = owner[order]
            grams = Spans(b"".join(padded) + b" " * 8, np.concatenate(starts)[order], np.concatenate(sizes)[order], owner)
            found = self._gram_table().get(grams)
            kept = found >= 0
            per_token = np.bincount(owner[kept], minlength=len(padded))
            for i, part in zip(plain, np.split(found[kept], np.cumsum(per_token)[:-1]), strict=True):
                columns[i] = part
        for i, token in enumerate(tokens):
            if columns[i] is None:
                known = map(self.gram_index_.get, char_grams(token, low, high), itertools.repeat(-1))
                columns[i] = np.asarray([column for column in known if column >= 0], dtype=np.int64)
        return columns  # type: ignore[return-value]  (every None was replaced)

    def _gram_table(self) -> TokenTable:
        """The character grams by their bytes."""
        table = self.__dict__.get("_grams_by_bytes")
        if table is None:
            names = [str(name) for name in self.gram_names_]
            table = self.__dict__["_grams_by_bytes"] = TokenTable(names, np.arange(len(names), dtype=np.int64))
        return table
