"""The features every head of a training run shares, fitted once on all of its texts; with
the encoder, every distinct comment and article encoded first (and kept in a store
between runs)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from moderation.learn.heads import TextFeatures


def fit_features(frame: pd.DataFrame, progress: Callable[[str], None] = lambda message: None, meaning: bool = False,
                 store: Path | None = None) -> tuple[TextFeatures, Any]:  # fmt: skip
    """The shared features fitted on every text of `frame`, and `frame`'s feature matrix.
    With `meaning`, every text and article is encoded first (those in `store` are read
    from it, and the store is written back)."""
    from moderation.learn.heads import TextFeatures

    started = time.perf_counter()
    progress(f"features: {len(frame)} texts")
    text_features = TextFeatures(meaning=meaning)
    if meaning:
        _encode_all(text_features, frame, progress, store)
    text_features.fit(frame)
    matrix = text_features.transform(frame)
    progress(f"features: {len(text_features.word_idf_)} word n-grams, {len(text_features.gram_idf_)} character grams "
             f"in {time.perf_counter() - started:.0f}s")  # fmt: skip
    return text_features, matrix


def _encode_all(text_features: TextFeatures, frame: pd.DataFrame, progress: Callable[[str], None], store: Path | None) -> None:
    """Every distinct comment and article of `frame` through the encoder once, with a
    progress line every 5,000 texts; the embeddings stay in its cache for the fit."""
    from moderation.features.inputs import column
    from moderation.features.meaning import article_of

    encoder = text_features.encoder()
    encoder.unbounded = True
    if store is not None:
        progress(f"encoder: {encoder.remember(store)} embeddings read from {store}")
    texts = list(dict.fromkeys(column(frame, "text")))
    texts += list(dict.fromkeys(article_of(title, body) for title, body in
                                zip(column(frame, "article_title"), column(frame, "article_text"), strict=True)))  # fmt: skip
    done = [0, time.perf_counter()]

    def tick(count: int) -> None:
        done[0] += count
        if done[0] // 5000 != (done[0] - count) // 5000:
            progress(f"encoder: {done[0]:,} texts encoded ({done[0] / (time.perf_counter() - done[1]):.0f}/s)")

    encoder.embed(texts, progress=tick)
    progress(f"encoder: {len(texts):,} distinct texts, {done[0]:,} newly encoded")
    if store is not None:
        encoder.keep(store)
