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

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np

from moderation.errors import ModelError
from moderation.features.arrays import (
    csr,
    doc_freq,
    presence_matrix,
    stable_hash,
    unique,
    unique_counts,
)
from moderation.features.encoder import shared as shared_encoder
from moderation.features.grams import TokenGrams, as_matrix, char_grams, token_display
from moderation.features.inputs import (
    AGREEING,
    HEDGING,
    REASONING,
    REFUTING,
    STOP,
    column,
)
from moderation.features import meaning
from moderation.features.meaning import EARLIEST_SCALES, MEANING_BLOCKS, meaning_blocks
from moderation.features.meaning import block_size as meaning_block_size
from moderation.features.meaning import display_name as meaning_display_name
from moderation.features.pair import PAIR, pair_block, stem
from moderation.features.shape import SHAPE, shape_block
from moderation.features.tokens import fold, with_runs_joined
from moderation.features.tokens import spans as token_spans
from moderation.features.vocabulary import TokenIds
from moderation.features.words import word_block

if TYPE_CHECKING:
    from moderation.features.encoder import Encoder

BLOCKS = ("words", "chars", "shape", "pair")
_CACHES = ("_state", "_names", "_bigram_table", "_is_cue", "_tokens_by_bytes", "_grams_by_bytes", "_encoder")
"""What a process works out from the fitted state when it first needs it: not pickled,
and forgotten when the features are fitted again."""
_PACKED = ("tokens_", "word_names_", "gram_names_")
"""The fitted string arrays, saved as `PackedStrings`."""
_INDEXES = {"index_": "tokens_", "gram_index_": "gram_names_"}
"""Lookups rebuilt from those arrays on load rather than saved."""


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


class FeatureSpace(TokenIds):
    """Fitted once on all training texts and shared by every head.

    Output columns, in order: word 1-2-grams (tf-idf), character 3-5-grams of the words
    (tf-idf), the `SHAPE` features, the `PAIR` features. `block_columns(name)` gives a
    block's column indices, which each head selects.

    `meaning=True` adds the blocks of a pretrained sentence encoder (`features.meaning`):
    the comment's embedding and its relation to the article's. The fitted state records
    which encoder (`encoder_`, its files' hashes); scoring refuses any other.

    `hash_words=0` keeps a vocabulary of the `max_words` most frequent word n-grams, with
    idf. `hash_words=N` hashes every word n-gram into N columns instead (no idf), so that
    training out of core can fit the rest on a sample and still learn every n-gram of
    the whole history.

    Plain Python, so that scoring never imports scikit-learn (1.6 s of a 1.9 s `check`
    process); `heads.TextFeatures` is this as a scikit-learn transformer, for pipelines.
    """

    def __init__(self, max_words: int = 150_000, max_grams: int = 100_000, min_df: int = 2,
                 max_df: float = 0.9, gram_range: tuple[int, int] = (3, 5), hash_words: int = 0,
                 meaning: bool = False) -> None:  # fmt: skip
        self.max_words = max_words
        self.max_grams = max_grams
        self.min_df = min_df
        self.max_df = max_df
        self.gram_range = gram_range
        self.hash_words = hash_words
        self.meaning = meaning

    @property
    def blocks(self) -> tuple[str, ...]:
        """The blocks this space gives, in column order."""
        return BLOCKS + MEANING_BLOCKS if self.meaning else BLOCKS

    def encoder(self) -> Encoder:
        """The sentence encoder the meaning blocks were fitted with, loaded once per
        process; ModelError when the one installed is another (its hash differs)."""
        encoder = self.__dict__.get("_encoder")
        if encoder is None:
            encoder = shared_encoder()
            if self.__dict__.get("encoder_") and encoder.manifest["files"]["model"]["sha256"] != self.encoder_["sha256"]:
                raise ModelError(f"the model was trained with encoder {self.encoder_['id']}, but {encoder.id} is installed")
            self.__dict__["_encoder"] = encoder
        return encoder

    def gram_weights_by_token(self, weights: np.ndarray) -> np.ndarray:
        """Gram weights (grams, outputs) summed over each known token's idf-weighted grams."""
        return np.asarray(self.token_grams_ @ (self.gram_idf_[:, None].astype(np.float64) * weights))


    def __setstate__(self, state: dict[str, Any]) -> None:
        # Bundles written before `hash_words` existed used a vocabulary: the default.
        state.setdefault("hash_words", 0)
        state.setdefault("meaning", False)
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
            elif block in MEANING_BLOCKS:
                cache[block] = np.full(meaning_block_size(block), meaning_display_name(block), dtype=object)
            else:
                cache[block] = np.asarray([f"[{name}]" for name in (SHAPE if block == "shape" else PAIR)], dtype=object)
        return cache[block]

    # ----- fit -------------------------------------------------------------------------

    def fit(self, frame: Any, y: Any = None) -> FeatureSpace:
        """Learn the token, word n-gram and character-gram vocabularies and their idf."""
        import pandas as pd
        from scipy import sparse

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
        token_df = doc_freq(rows, ids, len(tokens))
        # Token types seen in one comment only are left to the character grams.
        keep = token_df >= min(self.min_df, 2)
        remap = np.full(len(tokens) + 1, -1, dtype=np.int64)
        remap[np.flatnonzero(keep)] = np.arange(int(keep.sum()))
        self.tokens_ = tokens[keep]
        self.index_ = {str(token): int(i) for i, token in enumerate(self.tokens_)}
        token_df = token_df[keep]
        ids = remap[ids]
        n_tokens = len(self.tokens_)

        self.token_hash_ = np.asarray([stable_hash(str(token)) for token in self.tokens_], dtype=np.int64)
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
            grams = {gram_ids.setdefault(g, len(gram_ids)) for g in char_grams(str(token), *self.gram_range)}
            indices.extend(grams)
            indptr.append(len(indices))
        token_grams = sparse.csr_matrix((np.ones(len(indices), dtype=np.float32), indices, indptr),
                                        shape=(n_tokens, len(gram_ids)))  # fmt: skip
        presence = presence_matrix(rows, ids, len(texts), n_tokens)
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
        self.stem_ = np.asarray([stems.setdefault(stem(w), len(stems)) for w in words] + [-1], dtype=np.int64)
        self.n_stems_ = len(stems)
        self.cues_ = np.asarray([[w in REFUTING, w in HEDGING, w in AGREEING, w in REASONING] for w in words]
                                + [[False] * 4], dtype=np.float32)  # fmt: skip
        self.n_features_out_ = len(self.word_idf_) + len(self.gram_idf_) + len(SHAPE) + len(PAIR)
        if self.meaning:
            encoder = self.encoder()
            self.encoder_ = {"id": encoder.id, "sha256": encoder.manifest["files"]["model"]["sha256"]}
            self.meaning_scales_ = (meaning.MEANING_SCALE, meaning.PAIR_SCALE)  # a model keeps the scales it was fitted with
            self.n_features_out_ += sum(meaning_block_size(block) for block in MEANING_BLOCKS)
        for cache in _CACHES:
            self.__dict__.pop(cache, None)
        return self

    def _fit_words(self, rows: np.ndarray, ids: np.ndarray, token_df: np.ndarray, n_docs: int) -> None:
        """Word 1- and 2-grams, chosen by document frequency."""
        n_tokens = len(self.tokens_)
        unigram_ok = (token_df >= self.min_df) & (token_df <= self.max_df * n_docs)
        pair = (rows[:-1] == rows[1:]) & (ids[:-1] >= 0) & (ids[1:] >= 0)
        keys = ids[:-1][pair] * n_tokens + ids[1:][pair]
        unique_keys, key_df = unique_counts(unique(rows[:-1][pair] * (n_tokens * n_tokens) + keys) % (n_tokens * n_tokens))
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
        sizes = {"words": len(self.word_idf_), "chars": len(self.gram_idf_), "shape": len(SHAPE), "pair": len(PAIR),
                 **{block: meaning_block_size(block) for block in MEANING_BLOCKS}}  # fmt: skip
        start = 0
        for block in self.blocks:
            if block == name:
                return np.arange(start, start + sizes[block])
            start += sizes[block]
        raise KeyError(name)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        words = self.word_names_ if self.word_names_ is not None else np.asarray([f"#{i}" for i in range(self.hash_words)], dtype=object)
        return np.concatenate([
            words, np.asarray([f"'{g}'" for g in self.gram_names_], dtype=object),
            np.asarray([f"[{f}]" for f in SHAPE], dtype=object), np.asarray([f"[{f}]" for f in PAIR], dtype=object),
            *[np.asarray([f"[{block} {i}]" for i in range(meaning_block_size(block))], dtype=object)
              for block in self.blocks if block in MEANING_BLOCKS],
        ])  # fmt: skip

    def transform(self, frame: Any) -> Any:
        """All blocks side by side, in `blocks` order (scikit-learn's contract)."""
        from scipy import sparse

        blocks = self.transform_blocks(frame, self.blocks)
        return sparse.hstack([as_matrix(blocks[name]) for name in self.blocks], format="csr", dtype=np.float32)

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
            out["words"] = word_block(self, ids, rows, n_unique)
        if "chars" in blocks or "pair" in blocks:
            out["chars"] = self._chars(ids, rows, n_unique, state)
        if "shape" in blocks:
            out["shape"] = shape_block(unique_texts, n_words, cues[:, 3])
        text_grams = out.get("chars")
        if unique_texts is not texts:
            out = {name: block[inverse] for name, block in out.items()}
        if "pair" in blocks:
            out["pair"] = pair_block(self, frame, state, (ids, rows, inverse), n_words[inverse], cues[inverse], text_grams)
        wanted = tuple(block for block in blocks if block in MEANING_BLOCKS)
        if wanted:
            out.update(meaning_blocks(self.encoder(), frame, wanted, getattr(self, "meaning_scales_", EARLIEST_SCALES)))
        return {name: out[name] for name in blocks}

    def _chars(self, ids: np.ndarray, rows: np.ndarray, n: int, state: dict[str, Any]) -> TokenGrams:
        """Character grams: a text's are the grams of its tokens, known or new."""
        from scipy import sparse

        n_known = len(self.tokens_)
        known = ids < n_known
        counts = csr(rows[known], ids[known], (n, n_known))
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
            new_counts = csr(rows[~known], position.ravel(), (n, len(new_ids)))
            new_counts.data = 1 + np.log(new_counts.data)
        squares = counts.multiply(counts) @ self.token_norms_
        if new_counts is not None:
            squares = squares + new_counts.multiply(new_counts) @ (new_grams @ (self.gram_idf_ * self.gram_idf_))
        norm = np.sqrt(np.asarray(squares, dtype=np.float64).ravel())
        norm[norm == 0] = 1.0
        new_names = np.asarray([state["dynamic"][i - n_known] for i in new_ids], dtype=object)
        return TokenGrams(self, counts, new_names, new_counts, new_grams, norm)

    def _grams_of(self, ids: np.ndarray, rows: np.ndarray, n: int) -> Any:
        from scipy import sparse

        n_known = len(self.tokens_)
        known = ids < n_known
        presence = sparse.csr_matrix((np.ones(int(known.sum()), dtype=np.float32), (rows[known], ids[known])), shape=(n, n_known))
        return sparse.csr_matrix(presence @ self.token_grams_)
