"""The word block: word 1- and 2-grams, tf-idf weighted (sublinear tf), unit length, from a
batch's token ids; or, for out-of-core models, hashed into a fixed number of columns."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from moderation.features.arrays import csr, l2_rows
from moderation.features.tables import IntTable

if TYPE_CHECKING:
    from moderation.features.space import FeatureSpace


def word_block(space: FeatureSpace, ids: np.ndarray, rows: np.ndarray, n: int) -> Any:
    """Word 1- and 2-grams, tf-idf weighted (sublinear tf), unit length."""
    if space.hash_words:
        return _hashed(space, ids, rows, n)
    n_known = len(space.tokens_)
    known = ids < n_known
    # Per token position, its unigram's column and the column of the bigram it starts
    # (-1 for none), side by side: the pairs stay in row order.
    columns = np.full((len(ids), 2), -1, dtype=np.int64)
    columns[:, 0] = space.unigram_columns_[np.where(known, ids, n_known)]
    if len(ids) > 1 and len(space.bigram_keys_):
        pair = (rows[:-1] == rows[1:]) & known[:-1] & known[1:]
        keys = ids[:-1][pair] * n_known + ids[1:][pair]
        table = space.__dict__.get("_bigram_table")
        if table is None:
            table = space.__dict__["_bigram_table"] = IntTable(space.bigram_keys_, space.bigram_columns_)
        columns[:-1, 1][pair] = table.get(keys)
    columns = columns.ravel()
    hit = columns >= 0
    words = csr(np.repeat(rows, 2)[hit], columns[hit], (n, len(space.word_idf_)))
    words.data = (1 + np.log(words.data)) * space.word_idf_[words.indices]
    return l2_rows(words)

def _hashed(space: FeatureSpace, ids: np.ndarray, rows: np.ndarray, n: int) -> Any:
    """Word 1- and 2-grams hashed into `hash_words` columns (sublinear tf, unit length).
    The last batch's n-grams name their columns, for explanations."""
    state = space._runtime(fresh_if_full=False)
    hashes = np.concatenate([space.token_hash_, np.asarray(state["dynamic_hash"], dtype=np.int64)])[ids]
    same = rows[:-1] == rows[1:]
    unigrams = hashes % space.hash_words
    bigrams = ((hashes[:-1][same] * 1_000_003) ^ hashes[1:][same]) % space.hash_words
    words = csr(np.concatenate([rows, rows[:-1][same]]), np.concatenate([unigrams, bigrams]), (n, space.hash_words))
    words.data = 1 + np.log(words.data)
    names = state.get("hash_names")
    if names is None:
        names = state["hash_names"] = np.full(space.hash_words, "", dtype=object)
    strings = np.concatenate([space.tokens_, np.asarray(state["dynamic"], dtype=object)])[ids]
    names[unigrams] = strings
    names[bigrams] = strings[:-1][same] + " " + strings[1:][same]
    return l2_rows(words)
