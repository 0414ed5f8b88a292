"""All heads' features from one pass over the text: word n-grams, character grams of
the words, the comment's shape, and how it relates to its article.

Why one pass: tokenising is most of what a linear text model costs, and three heads
each tokenising the same comment (and scanning its characters for n-grams) made
scoring thirty times slower than a one-head profanity filter. Here a batch is split
once with C string methods, its tokens become integer ids by array lookups of their
bytes (`tables.TokenTable`; a dictionary for the few not met before), and everything
after that (bigrams, character grams, overlap with the article, tf-idf weighting) is
array arithmetic over the whole batch. Tokens come from `tokens.py`.
"""

from __future__ import annotations

import itertools
import zlib
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np

from moderation.features import AGREEING, HEDGING, MAX_CHARS, REASONING, REFUTING, STOP, column
from moderation.tables import IntTable, TokenTable
from moderation.tokens import Spans, fold, with_runs_joined
from moderation.tokens import spans as token_spans

SHAPE = (
    "log_chars", "log_words", "sentences", "mean_word_length", "caps_share", "exclaim_rate",
    "question_rate", "digit_share", "has_link", "reason_words",
)  # fmt: skip
PAIR = (
    "overlap_title_share", "overlap_jaccard", "bigram_overlap", "char_gram_jaccard", "title_in_lead",
    "refuting_rate", "hedging_rate", "agreeing_rate", "question_rate", "negated_overlap", "log_words",
)  # fmt: skip
BLOCKS = ("words", "chars", "shape", "pair")
LEAD_WORDS = 40
_CACHES = ("_state", "_names", "_bigram_table", "_is_cue", "_tokens_by_bytes", "_grams_by_bytes")
"""What a process works out from the fitted state when it first needs it: not pickled,
and forgotten when the features are fitted again."""
_PACKED = ("tokens_", "word_names_", "gram_names_")
"""The fitted string arrays, saved as `PackedStrings`."""
_INDEXES = {"index_": "tokens_", "gram_index_": "gram_names_"}
"""Lookups rebuilt from those arrays on load rather than saved."""

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


def _grams(token: str, low: int, high: int) -> list[str]:
    padded = f" {token} "
    return [padded[i : i + n] for n in range(low, high + 1) for i in range(len(padded) - n + 1)]


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _csr(rows: np.ndarray, columns: np.ndarray, shape: tuple[int, int]) -> Any:
    """Counts of (row, column) pairs as a CSR matrix with sorted, summed entries.

    Rows come in order (tokens are read text by text), so the row pointers are counts and
    the pairs already lie in CSR order: built as CSR directly, this is 40 % faster than
    scipy's conversion from coordinates, which sorts them all again."""
    from scipy import sparse

    if len(rows) > 1 and not (rows[1:] >= rows[:-1]).all():
        matrix = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, columns)), shape=shape)
    else:
        indptr = np.zeros(shape[0] + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=shape[0]), out=indptr[1:])
        matrix = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), columns, indptr), shape=shape)
    matrix.sum_duplicates()
    return matrix


def _l2(matrix: Any) -> Any:
    """Rows scaled to unit length, in place."""
    counts = np.diff(matrix.indptr)
    nonempty = counts > 0
    sums = np.ones(matrix.shape[0])
    if nonempty.any():
        sums[nonempty] = np.add.reduceat(matrix.data * matrix.data, matrix.indptr[:-1][nonempty], dtype=np.float64)
    matrix.data /= np.repeat(np.sqrt(sums), counts).astype(matrix.data.dtype)
    return matrix


@dataclass
class TokenGrams:
    """The character-gram block of a batch, kept as token counts until someone needs it.

    A text's grams are the sum of its tokens' grams (tf-idf weighted), scaled by the
    length those would have if tokens shared no grams. That scale makes the block linear
    in its tokens, so a linear model's decision on it is a per-token weight (the gram
    weights summed over each token type, computed once) and needs no text-by-gram
    matrix: most of what character n-grams used to cost. It also makes each token's
    share of a score exact, which is what explanations show.
    """

    features: FeatureSpace
    counts: Any
    """(texts, known tokens): 1 + log of each token's count."""
    new_names: np.ndarray
    new_counts: Any
    """(texts, this batch's new tokens), or None."""
    new_grams: Any
    norm: np.ndarray

    @property
    def shape(self) -> tuple[int, int]:
        return self.counts.shape[0], len(self.features.gram_idf_)

    def __getitem__(self, rows: np.ndarray) -> TokenGrams:
        new_counts = None if self.new_counts is None else self.new_counts[rows]
        return TokenGrams(self.features, self.counts[rows], self.new_names, new_counts, self.new_grams, self.norm[rows])

    def _gram_counts(self) -> Any:
        """(texts, grams): each gram's weighted count over the text's tokens."""
        from scipy import sparse

        grams = self.counts @ self.features.token_grams_
        if self.new_counts is not None:
            grams = grams + self.new_counts @ self.new_grams
        return sparse.csr_matrix(grams, dtype=np.float32)

    def matrix(self) -> Any:
        """The block as a (texts, grams) matrix."""
        grams = self._gram_counts()
        grams.data *= self.features.gram_idf_[grams.indices]
        grams.data /= np.repeat(self.norm, np.diff(grams.indptr)).astype(np.float32)
        return grams

    def presence(self) -> Any:
        """Which grams each text has (1 or absent)."""
        grams = self._gram_counts()
        grams.data[:] = 1
        return grams

    def token_values(self) -> tuple[Any, Any]:
        """Per-token values: (texts, known tokens), and (texts, this batch's new tokens) or
        None. Times the tokens' weights (`FeatureSpace.gram_weights_by_token` for known
        tokens, `token_weights` for new ones) they give the block's decision token by
        token, which is what explanations show."""
        from scipy import sparse

        scaled = []
        for counts in (self.counts, self.new_counts):
            if counts is None:
                scaled.append(None)
                continue
            values = sparse.csr_matrix(counts, dtype=np.float64)
            values.data /= np.repeat(self.norm, np.diff(values.indptr))
            scaled.append(values)
        return scaled[0], scaled[1]

    def token_weights(self, weights: np.ndarray) -> np.ndarray:
        """Weights (this batch's new tokens, outputs) from gram weights `weights`: each new
        token's grams summed, as `FeatureSpace.gram_weights_by_token` does for known ones."""
        if self.new_counts is None:
            return np.zeros((0, weights.shape[1]))
        return np.asarray(self.new_grams @ (self.features.gram_idf_[:, None].astype(np.float64) * weights))

    def decision(self, weights: np.ndarray, known: np.ndarray) -> np.ndarray:
        """`matrix() @ weights`, from the per-token weights."""
        decision = self.counts @ known
        if self.new_counts is not None:
            decision = decision + self.new_counts @ (self.new_grams @ (self.features.gram_idf_[:, None].astype(np.float64) * weights))
        return np.asarray(decision) / self.norm[:, None]


def token_display(tokens: Any) -> np.ndarray:
    """How explanations name a token's character grams: the token in quotes."""
    return np.asarray([f"'{token}'" for token in tokens], dtype=object)


def as_matrix(block: Any) -> Any:
    """A block as a sparse matrix, whatever form `transform_blocks` gave it."""
    from scipy import sparse

    return block.matrix() if isinstance(block, TokenGrams) else sparse.csr_matrix(block)


@dataclass(frozen=True)
class PackedStrings:
    """An array of strings as one text and their lengths, as a model file holds it.

    joblib reads a model file with Python's pure-Python unpickler, which spent 0.6 to
    0.8 s, over a quarter of a `check` process, on the default model's 280,000 vocabulary
    strings one at a time; one text and one integer array take milliseconds, and the
    lookups built from the strings are rebuilt in less time than reading them took."""

    text: str
    lengths: np.ndarray

    @classmethod
    def pack(cls, strings: np.ndarray) -> PackedStrings:
        values = [str(value) for value in strings.tolist()]
        return cls("".join(values), np.fromiter(map(len, values), dtype=np.int64, count=len(values)))

    def unpack(self) -> np.ndarray:
        ends = np.cumsum(self.lengths).tolist()
        starts = [0, *ends[:-1]] if ends else []
        text = self.text
        return np.asarray([text[start:end] for start, end in zip(starts, ends, strict=True)], dtype=object)


_Space = TypeVar("_Space", bound="FeatureSpace")


class FeatureSpace:
    """Fitted once on all training texts and shared by every head.

    Output columns, in order: word 1-2-grams (tf-idf), character 3-5-grams of the words
    (tf-idf), the `SHAPE` features, the `PAIR` features. `block_columns(name)` gives a
    block's column indices, which each head selects.

    `hash_words=0` keeps a vocabulary of the `max_words` most frequent word n-grams, with
    idf. `hash_words=N` hashes every word n-gram into N columns instead (no idf), so that
    training out of core can fit the rest on a sample and still learn every n-gram of
    the whole history.

    Plain Python, so that scoring never imports scikit-learn (1.6 s of a 1.9 s `check`
    process); `heads.TextFeatures` is this as a scikit-learn transformer, for pipelines.
    """

    def __init__(self, max_words: int = 150_000, max_grams: int = 100_000, min_df: int = 2,
                 max_df: float = 0.9, gram_range: tuple[int, int] = (3, 5), hash_words: int = 0) -> None:  # fmt: skip
        self.max_words = max_words
        self.max_grams = max_grams
        self.min_df = min_df
        self.max_df = max_df
        self.gram_range = gram_range
        self.hash_words = hash_words

    def gram_weights_by_token(self, weights: np.ndarray) -> np.ndarray:
        """Gram weights (grams, outputs) summed over each known token's idf-weighted grams."""
        return np.asarray(self.token_grams_ @ (self.gram_idf_[:, None].astype(np.float64) * weights))

    # ----- tokens to ids ---------------------------------------------------------------

    def _runtime(self, fresh_if_full: bool = True) -> dict[str, Any]:
        """What this process has learned about new tokens; not part of the fitted state."""
        state = self.__dict__.get("_state")
        if state is None or (fresh_if_full and len(state["dynamic"]) > MAX_DYNAMIC):
            import threading

            state = {"ids": {}, "short": {}, "dynamic": [], "dynamic_index": {}, "dynamic_grams": [], "dynamic_hash": [],
                     "lock": threading.Lock()}  # fmt: skip
            self.__dict__["_state"] = state
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        # Bundles written before `hash_words` existed used a vocabulary: the default.
        state.setdefault("hash_words", 0)
        for key in _PACKED:
            if isinstance(state.get(key), PackedStrings):
                state[key] = state[key].unpack()
        for index, names in _INDEXES.items():
            if index not in state and state.get(names) is not None:
                state[index] = dict(zip(state[names].tolist(), range(len(state[names])), strict=True))
        parent = getattr(super(), "__setstate__", None)  # scikit-learn's, in `heads.TextFeatures`
        if parent is None:
            self.__dict__.update(state)
        else:
            parent(state)

    def __getstate__(self) -> dict[str, Any]:
        state = {key: value for key, value in self.__dict__.items() if key not in _CACHES and key not in _INDEXES}
        for key in _PACKED:
            if state.get(key) is not None:
                state[key] = PackedStrings.pack(state[key])
        return state

    def fitted_as(self, kind: type[_Space]) -> _Space:
        """This fitted state (sharing its arrays, not its caches) in an object of `kind`:
        a `FeatureSpace` itself for a file that loads without scikit-learn, or
        `heads.TextFeatures` for a pipeline."""
        space = kind.__new__(kind)
        space.__dict__.update({key: value for key, value in self.__dict__.items() if key not in _CACHES})
        return space

    def display_names(self, block: str) -> np.ndarray:
        """Names to show in explanations: words and bigrams as they are, a token's
        character grams as the token in quotes, other features in brackets."""
        cache = self.__dict__.setdefault("_names", {})
        if block not in cache:
            if block == "words" and self.hash_words:
                return self._runtime(fresh_if_full=False).get("hash_names", np.full(self.hash_words, "", dtype=object))
            if block == "words":
                cache[block] = self.word_names_
            elif block == "tokens":
                cache[block] = token_display(self.tokens_)
            else:
                cache[block] = np.asarray([f"[{name}]" for name in (SHAPE if block == "shape" else PAIR)], dtype=object)
        return cache[block]

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
            state["dynamic_hash"].extend(map(_stable_hash, new))
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
                known = map(self.gram_index_.get, _grams(token, low, high), itertools.repeat(-1))
                columns[i] = np.asarray([column for column in known if column >= 0], dtype=np.int64)
        return columns  # type: ignore[return-value]  (every None was replaced)

    def _gram_table(self) -> TokenTable:
        """The character grams by their bytes."""
        table = self.__dict__.get("_grams_by_bytes")
        if table is None:
            names = [str(name) for name in self.gram_names_]
            table = self.__dict__["_grams_by_bytes"] = TokenTable(names, np.arange(len(names), dtype=np.int64))
        return table

    # ----- fit -------------------------------------------------------------------------

    def fit(self, frame: Any, y: Any = None) -> FeatureSpace:
        """Learn the token, word n-gram and character-gram vocabularies and their idf."""
        from scipy import sparse

        import pandas as pd

        # Each distinct text counts once: a news body paired with thirty headlines is
        # one document, not thirty.
        texts = list(dict.fromkeys(column(frame, "text")))
        n_docs = max(len(texts), 1)
        # Fold each distinct raw token once, then number the canonical forms.
        found = token_spans(texts)
        # The buffer holds the tokens between spaces: one decode and split make them all.
        flat = np.asarray(found.buffer.decode("utf-8", "surrogatepass").split(), dtype=object)
        flat, rows = with_runs_joined(found, flat, lambda joined: np.asarray(joined, dtype=object))
        raw_codes, raw_tokens = pd.factorize(pd.Series(flat, dtype=object), sort=False)
        ids, canonical = pd.factorize(pd.Series([fold(t) for t in raw_tokens], dtype=object), sort=False)
        ids = np.asarray(ids, dtype=np.int64)[raw_codes]
        tokens = np.asarray(canonical, dtype=object)
        token_df = _doc_freq(rows, ids, len(tokens))
        # Token types seen in one comment only are left to the character grams.
        keep = token_df >= min(self.min_df, 2)
        remap = np.full(len(tokens) + 1, -1, dtype=np.int64)
        remap[np.flatnonzero(keep)] = np.arange(int(keep.sum()))
        self.tokens_ = tokens[keep]
        self.index_ = {str(token): int(i) for i, token in enumerate(self.tokens_)}
        token_df = token_df[keep]
        ids = remap[ids]
        n_tokens = len(self.tokens_)

        self.token_hash_ = np.asarray([_stable_hash(str(token)) for token in self.tokens_], dtype=np.int64)
        if self.hash_words:
            self.word_idf_ = np.ones(self.hash_words, dtype=np.float32)
            self.unigram_columns_ = np.full(n_tokens + 1, -1, dtype=np.int64)
            self.bigram_keys_ = self.bigram_columns_ = np.zeros(0, dtype=np.int64)
            self.word_names_ = None
        else:
            self._fit_words(rows, ids, token_df, n_docs)

        # Character grams of each token type, chosen by the documents they appear in.
        gram_ids: dict[str, int] = {}
        indptr, indices = [0], []
        for token in self.tokens_:
            grams = {gram_ids.setdefault(g, len(gram_ids)) for g in _grams(str(token), *self.gram_range)}
            indices.extend(grams)
            indptr.append(len(indices))
        token_grams = sparse.csr_matrix((np.ones(len(indices), dtype=np.float32), indices, indptr),
                                        shape=(n_tokens, len(gram_ids)))  # fmt: skip
        presence = _presence(rows, ids, len(texts), n_tokens)
        gram_df = np.zeros(len(gram_ids), dtype=np.int64)
        for start in range(0, len(texts), 20_000):
            block = presence[start : start + 20_000] @ token_grams
            gram_df += np.bincount(block.indices, minlength=len(gram_ids))
        ok = np.flatnonzero((gram_df >= max(self.min_df, 3)) & (gram_df <= self.max_df * n_docs))
        ok = ok[np.lexsort((ok, -gram_df[ok]))][: self.max_grams]
        gram_names = np.asarray(list(gram_ids), dtype=object)
        self.gram_names_ = gram_names[ok]
        self.gram_index_ = {str(g): int(i) for i, g in enumerate(self.gram_names_)}
        self.token_grams_ = token_grams[:, ok].tocsr()
        self.gram_idf_ = (np.log((1 + n_docs) / (1 + gram_df[ok])) + 1).astype(np.float32)
        self.token_norms_ = np.asarray(self.token_grams_ @ (self.gram_idf_.astype(np.float64) ** 2)).ravel()

        # Token classes the shape and pair features count.
        words = [str(t) for t in self.tokens_]
        self.content_ = np.asarray([w.isalpha() and len(w) > 2 and w not in STOP for w in words] + [False])
        stems: dict[str, int] = {}
        self.stem_ = np.asarray([stems.setdefault(_stem(w), len(stems)) for w in words] + [-1], dtype=np.int64)
        self.n_stems_ = len(stems)
        self.cues_ = np.asarray([[w in REFUTING, w in HEDGING, w in AGREEING, w in REASONING] for w in words]
                                + [[False] * 4], dtype=np.float32)  # fmt: skip
        self.n_features_out_ = len(self.word_idf_) + len(self.gram_idf_) + len(SHAPE) + len(PAIR)
        for cache in _CACHES:
            self.__dict__.pop(cache, None)
        return self

    def _fit_words(self, rows: np.ndarray, ids: np.ndarray, token_df: np.ndarray, n_docs: int) -> None:
        """Word 1- and 2-grams, chosen by document frequency."""
        n_tokens = len(self.tokens_)
        unigram_ok = (token_df >= self.min_df) & (token_df <= self.max_df * n_docs)
        pair = (rows[:-1] == rows[1:]) & (ids[:-1] >= 0) & (ids[1:] >= 0)
        keys = ids[:-1][pair] * n_tokens + ids[1:][pair]
        unique_keys, key_df = _unique_counts(_unique(rows[:-1][pair] * (n_tokens * n_tokens) + keys) % (n_tokens * n_tokens))
        bigram_ok = (key_df >= self.min_df) & (key_df <= self.max_df * n_docs)
        candidates_df = np.concatenate([token_df[unigram_ok], key_df[bigram_ok]])
        candidates = np.concatenate([np.flatnonzero(unigram_ok), -1 - np.flatnonzero(bigram_ok)])
        order = np.lexsort((candidates, -candidates_df))[: self.max_words]
        chosen, chosen_df = candidates[order], candidates_df[order]
        self.unigram_columns_ = np.full(n_tokens + 1, -1, dtype=np.int64)
        is_unigram = chosen >= 0
        self.unigram_columns_[chosen[is_unigram]] = np.flatnonzero(is_unigram)
        bigram_positions = -1 - chosen[~is_unigram]
        bigram_keys = unique_keys[bigram_positions]
        sort = np.argsort(bigram_keys)
        self.bigram_keys_ = bigram_keys[sort]
        self.bigram_columns_ = np.flatnonzero(~is_unigram)[sort]
        self.word_idf_ = (np.log((1 + n_docs) / (1 + chosen_df)) + 1).astype(np.float32)
        names = [str(self.tokens_[i]) if i >= 0 else "" for i in chosen]
        for position, key in zip(np.flatnonzero(~is_unigram), bigram_keys, strict=True):
            names[position] = f"{self.tokens_[key // n_tokens]} {self.tokens_[key % n_tokens]}"
        self.word_names_ = np.asarray(names, dtype=object)

    # ----- transform -------------------------------------------------------------------

    def block_columns(self, name: str) -> np.ndarray:
        """The column indices of one block of the output (see `BLOCKS`)."""
        sizes = {"words": len(self.word_idf_), "chars": len(self.gram_idf_), "shape": len(SHAPE), "pair": len(PAIR)}
        start = 0
        for block in BLOCKS:
            if block == name:
                return np.arange(start, start + sizes[block])
            start += sizes[block]
        raise KeyError(name)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        words = self.word_names_ if self.word_names_ is not None else np.asarray([f"#{i}" for i in range(self.hash_words)], dtype=object)
        return np.concatenate([
            words, np.asarray([f"'{g}'" for g in self.gram_names_], dtype=object),
            np.asarray([f"[{f}]" for f in SHAPE], dtype=object), np.asarray([f"[{f}]" for f in PAIR], dtype=object),
        ])  # fmt: skip

    def transform(self, frame: Any) -> Any:
        """All blocks side by side, in `BLOCKS` order (scikit-learn's contract)."""
        from scipy import sparse

        blocks = self.transform_blocks(frame)
        return sparse.hstack([as_matrix(blocks[name]) for name in BLOCKS], format="csr", dtype=np.float32)

    def transform_blocks(self, frame: Any, blocks: tuple[str, ...] = BLOCKS) -> dict[str, Any]:
        """The requested blocks, each on its own: sparse for words and grams, dense
        arrays for shape and pair. Heads read the blocks they use without joining them.

        Each distinct text is read once (a training set pairs one news body with many
        headlines; a queue repeats spam), and its rows share the result.
        """
        texts = column(frame, "text")
        distinct: dict[str, int] = {}
        inverse = np.fromiter((distinct.setdefault(text, len(distinct)) for text in texts), dtype=np.int64, count=len(texts))
        unique_texts = list(distinct) if len(distinct) < len(texts) else texts
        state = self._runtime()
        ids, rows = self._token_ids(unique_texts, state)
        n_unique = len(unique_texts)
        n_words = np.maximum(np.bincount(rows, minlength=n_unique), 1).astype(np.float32)
        n_known = len(self.tokens_)
        safe = np.where(ids < n_known, ids, n_known)
        cues = np.zeros((n_unique, 4), dtype=np.float32)
        # Cue words are a few percent of the tokens: count those alone.
        is_cue = self.__dict__.get("_is_cue")
        if is_cue is None:
            is_cue = self.__dict__["_is_cue"] = self.cues_.any(axis=1)
        cue = np.flatnonzero(is_cue[safe])
        for k in range(4):
            cues[:, k] = np.bincount(rows[cue], weights=self.cues_[safe[cue], k], minlength=n_unique)
        out: dict[str, Any] = {}
        if "words" in blocks:
            out["words"] = self._words(ids, rows, n_unique)
        if "chars" in blocks or "pair" in blocks:
            out["chars"] = self._chars(ids, rows, n_unique, state)
        if "shape" in blocks:
            out["shape"] = _shape(unique_texts, n_words, cues[:, 3])
        text_grams = out.get("chars")
        if unique_texts is not texts:
            out = {name: block[inverse] for name, block in out.items()}
        if "pair" in blocks:
            out["pair"] = self._pair(frame, state, (ids, rows, inverse), n_words[inverse], cues[inverse], text_grams)
        return {name: out[name] for name in blocks}

    def _words(self, ids: np.ndarray, rows: np.ndarray, n: int) -> Any:
        """Word 1- and 2-grams, tf-idf weighted (sublinear tf), unit length."""
        if self.hash_words:
            return self._hashed_words(ids, rows, n)
        n_known = len(self.tokens_)
        known = ids < n_known
        # Per token position, its unigram's column and the column of the bigram it starts
        # (-1 for none), side by side: the pairs stay in row order.
        columns = np.full((len(ids), 2), -1, dtype=np.int64)
        columns[:, 0] = self.unigram_columns_[np.where(known, ids, n_known)]
        if len(ids) > 1 and len(self.bigram_keys_):
            pair = (rows[:-1] == rows[1:]) & known[:-1] & known[1:]
            keys = ids[:-1][pair] * n_known + ids[1:][pair]
            table = self.__dict__.get("_bigram_table")
            if table is None:
                table = self.__dict__["_bigram_table"] = IntTable(self.bigram_keys_, self.bigram_columns_)
            columns[:-1, 1][pair] = table.get(keys)
        columns = columns.ravel()
        hit = columns >= 0
        words = _csr(np.repeat(rows, 2)[hit], columns[hit], (n, len(self.word_idf_)))
        words.data = (1 + np.log(words.data)) * self.word_idf_[words.indices]
        return _l2(words)

    def _hashed_words(self, ids: np.ndarray, rows: np.ndarray, n: int) -> Any:
        """Word 1- and 2-grams hashed into `hash_words` columns (sublinear tf, unit length).
        The last batch's n-grams name their columns, for explanations."""
        state = self._runtime(fresh_if_full=False)
        hashes = np.concatenate([self.token_hash_, np.asarray(state["dynamic_hash"], dtype=np.int64)])[ids]
        same = rows[:-1] == rows[1:]
        unigrams = hashes % self.hash_words
        bigrams = ((hashes[:-1][same] * 1_000_003) ^ hashes[1:][same]) % self.hash_words
        words = _csr(np.concatenate([rows, rows[:-1][same]]), np.concatenate([unigrams, bigrams]), (n, self.hash_words))
        words.data = 1 + np.log(words.data)
        names = state.get("hash_names")
        if names is None:
            names = state["hash_names"] = np.full(self.hash_words, "", dtype=object)
        strings = np.concatenate([self.tokens_, np.asarray(state["dynamic"], dtype=object)])[ids]
        names[unigrams] = strings
        names[bigrams] = strings[:-1][same] + " " + strings[1:][same]
        return _l2(words)

    def _chars(self, ids: np.ndarray, rows: np.ndarray, n: int, state: dict[str, Any]) -> TokenGrams:
        """Character grams: a text's are the grams of its tokens, known or new."""
        from scipy import sparse

        n_known = len(self.tokens_)
        known = ids < n_known
        counts = _csr(rows[known], ids[known], (n, n_known))
        counts.data = 1 + np.log(counts.data)
        new_ids = np.zeros(0, dtype=np.int64)
        new_counts = new_grams = None
        if not known.all():
            new_ids, position = np.unique(ids[~known], return_inverse=True)  # few: hashing is fine
            extra = state["dynamic_grams"]
            lists = [extra[i - n_known] for i in new_ids]
            indptr = np.concatenate([[0], np.cumsum([len(g) for g in lists])])
            new_grams = sparse.csr_matrix((np.ones(indptr[-1], dtype=np.float32), np.concatenate(lists), indptr),
                                          shape=(len(new_ids), len(self.gram_idf_)))  # fmt: skip
            new_counts = _csr(rows[~known], position.ravel(), (n, len(new_ids)))
            new_counts.data = 1 + np.log(new_counts.data)
        squares = counts.multiply(counts) @ self.token_norms_
        if new_counts is not None:
            squares = squares + new_counts.multiply(new_counts) @ (new_grams @ (self.gram_idf_ * self.gram_idf_))
        norm = np.sqrt(np.asarray(squares, dtype=np.float64).ravel())
        norm[norm == 0] = 1.0
        new_names = np.asarray([state["dynamic"][i - n_known] for i in new_ids], dtype=object)
        return TokenGrams(self, counts, new_names, new_counts, new_grams, norm)

    def _pair(self, frame: Any, state: dict[str, Any], tokens: tuple[np.ndarray, np.ndarray, np.ndarray],
              n_words: np.ndarray, cues: np.ndarray, comment_grams: TokenGrams) -> np.ndarray:  # fmt: skip
        # `comment_grams` is per distinct text (`text_of` maps rows to them).
        """The `PAIR` features. Nothing here is learned from the articles themselves,
        which is what lets stance carry over to articles and claims never seen.

        Sets of (row, stem) are int64 codes, so every overlap is one sorted-array test.
        """
        ids, text_rows, text_of = tokens
        texts = column(frame, "text")
        n = len(texts)
        out = np.zeros((n, len(PAIR)), dtype=np.float32)
        out[:, PAIR.index("refuting_rate")] = cues[:, 0] / n_words * 10
        out[:, PAIR.index("hedging_rate")] = cues[:, 1] / n_words * 10
        out[:, PAIR.index("agreeing_rate")] = cues[:, 2] / n_words * 10
        out[:, PAIR.index("question_rate")] = np.asarray([t.count("?") for t in texts], dtype=np.float32) / n_words * 10
        out[:, PAIR.index("log_words")] = np.log1p(n_words) / 8
        titles = column(frame, "article_title")
        bodies = column(frame, "article_text")
        articles = [f"{title} {body[:2000]}".strip() for title, body in zip(titles, bodies, strict=True)]
        if not any(articles):
            return out
        distinct: dict[str, int] = {}
        article_of = np.fromiter((distinct.setdefault(a, len(distinct)) for a in articles), dtype=np.int64, count=n)
        a_ids, a_rows = self._token_ids(list(distinct), state)
        n_known = len(self.tokens_)
        stems = np.int64(self.n_stems_ + 1)
        square = stems * stems

        def content(token_ids: np.ndarray, token_rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
            safe = np.where(token_ids < n_known, token_ids, n_known)
            keep = self.content_[safe]
            return self.stem_[safe][keep], token_rows[keep], np.flatnonzero(keep)

        # Per distinct text and per distinct article: stems, leading stems, stem bigrams.
        c_stems, c_rows, c_positions = content(ids, text_rows)
        rank = _rank_in_group(c_rows)
        text_sets = _unique(c_rows * stems + c_stems)
        lead_sets = _unique((c_rows * stems + c_stems)[rank < LEAD_WORDS])
        text_pairs = _unique(_pair_codes(c_stems, c_rows, stems))
        s_stems, s_rows, _ = content(a_ids, a_rows)
        article_sets = _unique(s_rows * stems + s_stems)
        article_pairs = _unique(_pair_codes(s_stems, s_rows, stems))
        # Refuting words followed within three tokens by a content word: (text, stem).
        safe = np.where(ids < n_known, ids, n_known)
        refuting = self.cues_[safe, 0] > 0
        negated_codes = []
        follows = np.zeros(len(ids), dtype=bool)
        follows[c_positions] = True
        for step in (1, 2, 3):
            if len(ids) > step:
                hit = refuting[:-step] & follows[step:] & (text_rows[:-step] == text_rows[step:])
                where = np.flatnonzero(hit) + step
                negated_codes.append(text_rows[where] * stems + self.stem_[safe[where]])
        negated_sets = np.concatenate(negated_codes) if negated_codes else np.zeros(0, dtype=np.int64)

        # Each row's text sets against its article's: expand both to rows, then test.
        def per_row(codes: np.ndarray, modulus: np.int64, owner_of_row: np.ndarray, owners: int) -> tuple[np.ndarray, np.ndarray]:
            return _expand(codes // modulus, codes % modulus, owners, owner_of_row)

        a_row, a_value = per_row(article_sets, stems, article_of, len(distinct))
        a_codes = a_row * stems + a_value
        t_row, t_value = per_row(text_sets, stems, text_of, int(text_of.max(initial=-1)) + 1)
        shared = np.bincount(t_row[_member(t_row * stems + t_value, a_codes)], minlength=n).astype(np.float32)
        title_size = np.bincount(a_row, minlength=n).astype(np.float32)
        comment_size = np.bincount(t_row, minlength=n).astype(np.float32)
        union = title_size + comment_size - shared
        out[:, PAIR.index("overlap_title_share")] = shared / np.maximum(title_size, 1)
        out[:, PAIR.index("overlap_jaccard")] = shared / np.maximum(union, 1)
        l_row, l_value = per_row(lead_sets, stems, text_of, int(text_of.max(initial=-1)) + 1)
        lead_shared = np.bincount(l_row[_member(l_row * stems + l_value, a_codes)], minlength=n)
        out[:, PAIR.index("title_in_lead")] = lead_shared / np.maximum(title_size, 1)
        ap_row, ap_value = per_row(article_pairs, square, article_of, len(distinct))
        tp_row, tp_value = per_row(text_pairs, square, text_of, int(text_of.max(initial=-1)) + 1)
        bigram_shared = np.bincount(tp_row[_member(tp_row * square + tp_value, ap_row * square + ap_value)], minlength=n)
        out[:, PAIR.index("bigram_overlap")] = bigram_shared / (np.bincount(ap_row, minlength=n) + 1)
        negated_sets = _unique(negated_sets)
        ng_row, ng_value = per_row(negated_sets, stems, text_of, int(text_of.max(initial=-1)) + 1)
        out[:, PAIR.index("negated_overlap")] = np.bincount(ng_row[_member(ng_row * stems + ng_value, a_codes)], minlength=n) / n_words * 10
        # Character-gram overlap with the article: the article's grams (few: titles and
        # leads) looked up in its text's gram set, never a text's grams copied per row.
        text_presence = comment_grams.presence()
        n_grams = np.int64(max(text_presence.shape[1], 1))
        text_rows_of_grams = np.repeat(np.arange(text_presence.shape[0]), np.diff(text_presence.indptr))
        text_gram_codes = _unique(text_rows_of_grams * n_grams + text_presence.indices)
        article_presence = self._grams_of(a_ids, a_rows, len(distinct))
        owners = np.repeat(np.arange(article_presence.shape[0]), np.diff(article_presence.indptr))
        order = np.argsort(owners, kind="stable")
        g_row, g_value = _expand(owners[order], article_presence.indices[order].astype(np.int64), len(distinct), article_of)
        both = np.bincount(g_row[_member(text_of[g_row] * n_grams + g_value, text_gram_codes)], minlength=n)
        either = np.diff(text_presence.indptr)[text_of] + np.diff(article_presence.indptr)[article_of] - both
        out[:, PAIR.index("char_gram_jaccard")] = both / np.maximum(either, 1)
        return out

    def _grams_of(self, ids: np.ndarray, rows: np.ndarray, n: int) -> Any:
        from scipy import sparse

        n_known = len(self.tokens_)
        known = ids < n_known
        presence = sparse.csr_matrix((np.ones(int(known.sum()), dtype=np.float32), (rows[known], ids[known])), shape=(n, n_known))
        return sparse.csr_matrix(presence @ self.token_grams_)


def _unique(codes: np.ndarray) -> np.ndarray:
    """Sorted distinct values: by sorting, which is faster here than NumPy's hashing `unique`."""
    codes = np.sort(codes)
    return codes[np.concatenate([[True], codes[1:] != codes[:-1]])] if len(codes) else codes


def _unique_counts(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted distinct values and how often each occurs."""
    codes = np.sort(codes)
    if not len(codes):
        return codes, np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.concatenate([[True], codes[1:] != codes[:-1]]))
    return codes[starts], np.diff(np.concatenate([starts, [len(codes)]]))


def _member(codes: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
    """Which `codes` are in `sorted_set` (sorted, distinct)."""
    if not len(sorted_set):
        return np.zeros(len(codes), dtype=bool)
    where = np.minimum(np.searchsorted(sorted_set, codes), len(sorted_set) - 1)
    return sorted_set[where] == codes


def _rank_in_group(groups: np.ndarray) -> np.ndarray:
    """Position of each element within its run of equal (sorted) group values."""
    if not len(groups):
        return groups
    starts = np.concatenate([[True], groups[1:] != groups[:-1]])
    first = np.maximum.accumulate(np.where(starts, np.arange(len(groups)), 0))
    return np.arange(len(groups)) - first


def _expand(owners: np.ndarray, values: np.ndarray, n_owners: int, owner_of_row: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Give each row a copy of its owner's values (owners sorted): (row, value) arrays."""
    per_owner = np.bincount(owners, minlength=n_owners)
    starts = np.concatenate([[0], np.cumsum(per_owner)])
    sizes = per_owner[owner_of_row]
    row = np.repeat(np.arange(len(owner_of_row)), sizes)
    offsets = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    return row, values[starts[owner_of_row][row] + offsets]


def _stable_hash(token: str) -> int:
    """The same number for the same token in every process (Python's `hash` is salted)."""
    return zlib.crc32(token.encode("utf-8", "surrogatepass"))


def _pair_codes(stems: np.ndarray, rows: np.ndarray, n_stems: int) -> np.ndarray:
    same = rows[:-1] == rows[1:]
    return rows[:-1][same] * (n_stems * n_stems) + stems[:-1][same] * n_stems + stems[1:][same]


def _doc_freq(rows: np.ndarray, ids: np.ndarray, n_ids: int) -> np.ndarray:
    pairs = _unique(rows * n_ids + ids)
    return np.bincount(pairs % n_ids, minlength=n_ids)


def _presence(rows: np.ndarray, ids: np.ndarray, n_rows: int, n_ids: int) -> Any:
    from scipy import sparse

    keep = ids >= 0
    matrix = sparse.csr_matrix((np.ones(int(keep.sum()), dtype=np.float32), (rows[keep], ids[keep])), shape=(n_rows, n_ids))
    matrix.sum_duplicates()
    matrix.data[:] = 1
    return matrix


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


def _shape(texts: list[str], n_words: np.ndarray, reasoning: np.ndarray) -> np.ndarray:
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
    links = [at for needle in (b"http", b"www.") for at in _find_all(raw, needle)]
    out[np.searchsorted(ends, links).astype(np.int64), 8] = 1
    out[:, 9] = reasoning / words * 10
    return out


def _find_all(data: bytes, needle: bytes) -> list[int]:
    """Where `needle` starts in `data`: one C search per match (links are rare)."""
    found, at = [], data.find(needle)
    while at >= 0:
        found.append(at)
        at = data.find(needle, at + 1)
    return found


def __getattr__(name: str) -> Any:
    """`TextFeatures`, which model files written before `FeatureSpace` existed name here,
    from where it now lives (importing scikit-learn only then)."""
    if name == "TextFeatures":
        from moderation.heads import TextFeatures

        return TextFeatures
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
