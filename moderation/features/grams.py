"""Character grams of the words: the gram block of a batch kept as token counts
(`TokenGrams`), and how explanations name a token's grams."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from moderation.features.space import FeatureSpace


def char_grams(token: str, low: int, high: int) -> list[str]:
    padded = f" {token} "
    return [padded[i : i + n] for n in range(low, high + 1) for i in range(len(padded) - n + 1)]


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
