"""Training out of core (`moderation train --streaming`): for moderation histories larger
than memory.

The data is read in chunks, several times, and never held whole. What needs a vocabulary
that is not word n-grams (character grams, the cue words and stems of the stance
features) is fitted on a sample of the first rows. Word n-grams are hashed
(`TextFeatures(hash_words=...)`), so every n-gram of the whole history is learnt. Each head
is a logistic regression fitted by stochastic gradient descent (`SGDClassifier.partial_fit`),
with class weights from a first pass over the labels; stance with an unrelated label is
two of them, the stages of `stance.RelatedFirst`. One group in ten (article or claim,
else the text) is held out: it calibrates the probabilities and gives the metrics in
`meta.json`.

Against the in-memory path this gives up idf weighting, the vocabulary's choice of
n-grams, soft labels and the choice of regularisation by grouped cross-validation.
`benchmarks/streaming_bench.py` measures what that costs on the same held-out groups.
"""

from __future__ import annotations

import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import numpy as np

from moderation.errors import DataError
from moderation.io.tables import TASKS
from moderation.learn.train import TaskResult, balanced, sources_of

if TYPE_CHECKING:
    import pandas as pd

CHUNK_ROWS = 20_000
SAMPLE_ROWS = 100_000
HASH_WORDS = 2**20
HELD_OUT_EVERY = 10
MAX_HELD_OUT = 20_000
"""At most this many held-out rows per task are kept (in memory) for calibration."""


def _chunks(paths: list[str], chunk_rows: int) -> Iterator[pd.DataFrame]:
    from moderation.io.tables import iter_table, require_columns

    for path in paths:
        for frame in iter_table(path, chunk_rows):
            require_columns(frame, ("text",), str(path))
            texts = frame["text"]
            yield frame[texts.notna() & texts.astype(str).str.strip().ne("")].reset_index(drop=True)


def _labels(frame: pd.DataFrame, task: str) -> pd.Series:
    if task not in frame.columns:
        return frame["text"].iloc[:0]
    labels = frame[task]
    return labels[labels.notna() & labels.astype(str).str.strip().ne("")].astype(str).str.strip()


def _held_out(frame: pd.DataFrame) -> np.ndarray:
    """One group in `HELD_OUT_EVERY`, by a hash that is the same in every run."""
    keys = frame["group"] if "group" in frame.columns else frame["text"]
    keys = keys.fillna(frame["text"]).astype(str)
    return np.fromiter((zlib.crc32(key.encode()) % HELD_OUT_EVERY == 0 for key in keys), dtype=bool, count=len(keys))


def train_streaming(
    paths: list[str],
    tasks: list[str] | None = None,
    progress: Callable[[str], None] = lambda message: None,
    chunk_rows: int = CHUNK_ROWS,
    epochs: int = 2,
    hash_words: int = HASH_WORDS,
    alpha: float = 2e-6,
) -> dict[str, TaskResult]:
    """Fit a head for each task the files label, reading them `epochs` + 1 times."""
    import pandas as pd
    from sklearn.linear_model import SGDClassifier

    from moderation.learn import heads
    from moderation.learn.heads import TextFeatures

    started = time.perf_counter()
    counts: dict[str, Counter[str]] = {task: Counter() for task in TASKS}
    sources: dict[str, Counter[str]] = {task: Counter() for task in TASKS}
    sample: dict[str, None] = {}
    sampled = total = 0
    for frame in _chunks(paths, chunk_rows):
        total += len(frame)
        row_sources = sources_of(frame)
        for task in TASKS:
            labels = _labels(frame, task)
            counts[task].update(labels.tolist())
            if row_sources is not None:
                sources[task].update(row_sources[labels.index.to_numpy()].tolist())
        if sampled < SAMPLE_ROWS:
            # Only the distinct texts: the vocabulary is fitted on them alone.
            texts = frame["text"].head(SAMPLE_ROWS - sampled).astype(str).tolist()
            sampled += len(texts)
            sample.update(dict.fromkeys(texts))
    available = [task for task in TASKS if len(counts[task]) >= 2]
    if tasks:
        missing = [task for task in tasks if task not in available]
        if missing:
            raise DataError(f"no labels with two classes for task(s) {', '.join(missing)}; the data has: {', '.join(available) or 'none'}")
        available = list(tasks)
    if not available:
        raise DataError(f"no label column with two classes; expected one of {', '.join(TASKS)}")
    progress(f"streaming: {total} rows; fitting the sample vocabulary on {sampled} rows")
    features = TextFeatures(hash_words=hash_words).fit(pd.DataFrame({"text": list(sample)}))
    del sample

    labels_of = {task: _ordered(task, counts[task]) for task in available}
    class_weight = {task: balanced(counts[task]) for task in available}
    source_weight = {task: balanced(sources[task]) for task in available}

    def sgd() -> SGDClassifier:
        return SGDClassifier(loss="log_loss", alpha=alpha, random_state=heads.RANDOM_STATE)

    models = {task: sgd() for task in available}
    shells = {task: heads.assemble(features, task, models[task]) for task in available}
    # Stance with an unrelated label is fitted in two stages, as in memory (`stance.py`):
    # relatedness on the comment-article columns, then the other labels on related rows.
    stages = {task: (heads.block_positions(features, task, "pair"), sgd(), sgd()) for task in available
              if heads.two_stage(task, labels_of[task])}  # fmt: skip
    stage_weights = {task: _stage_weights(counts[task]) for task in stages}
    needed = tuple(dict.fromkeys(block for task in available for block in heads.blocks_for(task)))
    held: dict[str, list[pd.DataFrame]] = {task: [] for task in available}
    held_rows = dict.fromkeys(available, 0)
    for epoch in range(epochs):
        seen = 0
        for frame in _chunks(paths, chunk_rows):
            out = _held_out(frame)
            row_sources = sources_of(frame)
            blocks = features.transform_blocks(frame, needed)
            for task in available:
                labels = _labels(frame, task)
                position = labels.index.to_numpy()
                train = position[~out[position]]
                if epoch == 0 and held_rows[task] < MAX_HELD_OUT:
                    columns = [c for c in ("text", "article_title", "article_text", "group", task) if c in frame.columns]
                    kept = frame.iloc[position[out[position]]][columns].head(MAX_HELD_OUT - held_rows[task])
                    held[task].append(kept)
                    held_rows[task] += len(kept)
                if not len(train):
                    continue
                # Only the labelled rows' features are built: a news body is long.
                matrix = heads.transform(shells[task], None, {name: blocks[name][train] for name in heads.head_block_names(shells[task])})
                y = labels.loc[train].to_numpy()
                weight = np.ones(len(y))
                if source_weight[task] and row_sources is not None:
                    weight *= np.asarray([source_weight[task].get(source, 1.0) for source in row_sources[train].tolist()])
                if task in stages:
                    _fit_stages(stages[task], matrix, y, weight, stage_weights[task])
                    continue
                weight *= np.asarray([class_weight[task][label] for label in y])
                models[task].partial_fit(matrix, y, classes=np.asarray(labels_of[task], dtype=object), sample_weight=weight)
            seen += len(frame)
            progress(f"streaming: epoch {epoch + 1}/{epochs}, {seen} of {total} rows")
    return {task: _finish(task, features, stages.get(task, models[task]), held[task], labels_of[task], counts[task], started, progress)
            for task in available}  # fmt: skip


def _stage_weights(counts: Counter[str]) -> tuple[dict[bool, float], dict[str, float]]:
    """The balanced weights of the two stance stages, from the whole history's counts:
    related against unrelated, and among the related labels."""
    from moderation.learn.stance import UNRELATED

    related = balanced({False: counts[UNRELATED], True: sum(n for label, n in counts.items() if label != UNRELATED)})
    return related, balanced({label: n for label, n in counts.items() if label != UNRELATED})


def _fit_stages(stages: tuple[np.ndarray, Any, Any], matrix: Any, y: np.ndarray, weight: np.ndarray,
                stage_weights: tuple[dict[bool, float], dict[str, float]]) -> None:  # fmt: skip
    """One chunk for both stance stages: every row teaches relatedness, related rows the rest."""
    from moderation.learn.stance import UNRELATED

    columns, related_model, stance_model = stages
    related_weight, others = stage_weights
    related = y != UNRELATED
    related_model.partial_fit(matrix[:, columns], related, classes=np.asarray([False, True]),
                              sample_weight=weight * np.where(related, related_weight[True], related_weight[False]))  # fmt: skip
    if related.any():
        stance_model.partial_fit(matrix[related], y[related], classes=np.asarray(sorted(others), dtype=object),
                                 sample_weight=weight[related] * np.asarray([others[label] for label in y[related]]))  # fmt: skip


def _ordered(task: str, counts: Counter[str]) -> list[str]:
    labels = sorted(counts)
    known = TASKS.get(task)
    if known and set(labels) <= set(known):
        labels = [label for label in known if label in set(labels)]
    return labels


def _finish(task: str, features: Any, model: Any, held: list[pd.DataFrame], labels: list[str], counts: Counter[str],
            started: float, progress: Callable[[str], None]) -> TaskResult:  # fmt: skip
    """Calibrate on the held-out groups and measure there (sigmoid calibration is
    monotone, so ROC-AUC and the balanced decisions' macro-F1 are those of the model)."""
    import pandas as pd
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.frozen import FrozenEstimator

    from moderation.learn import heads
    from moderation.learn.train import _score

    rows = pd.concat(held, ignore_index=True) if held else pd.DataFrame()
    truth = _labels(rows, task).to_numpy() if len(rows) else np.asarray([])
    if len(set(truth)) < len(labels):
        raise DataError(f"{task}: the held-out groups (one in {HELD_OUT_EVERY}) lack a class; add data or groups")
    from scipy import sparse

    shell = heads.assemble(features, task, model[1] if isinstance(model, tuple) else model)
    matrix = sparse.vstack([heads.transform(shell, rows.iloc[start : start + 5_000]) for start in range(0, len(rows), 5_000)],
                           format="csr")  # fmt: skip

    def calibrate(estimator: Any, X: Any, y: np.ndarray) -> Any:
        return CalibratedClassifierCV(FrozenEstimator(estimator), method="sigmoid", ensemble=False).fit(X, y)

    if isinstance(model, tuple):
        from moderation.learn.stance import UNRELATED, RelatedFirst

        columns, related_model, stance_model = model
        related = truth != UNRELATED
        calibrated = RelatedFirst.from_stages(columns, calibrate(related_model, matrix[:, columns], related),
                                              calibrate(stance_model, matrix[related], truth[related]), matrix.shape[1])  # fmt: skip
        predicted = calibrated.predict(matrix)
        proba = np.eye(len(labels))[[labels.index(label) for label in predicted]]
    else:
        calibrated = calibrate(model, matrix, truth)
        order = [list(model.classes_).index(label) for label in labels]
        if len(labels) == 2:
            proba = calibrated.predict_proba(matrix)[:, order]
        else:
            proba = np.eye(len(labels))[np.argmax(model.decision_function(matrix)[:, order], axis=1)]
    pipeline = heads.assemble(features, task, calibrated)
    value = _score(labels, truth, proba)
    metric = "roc_auc" if len(labels) == 2 else "macro_f1"
    progress(f"{task}: held-out {metric} {value:.3f} on {len(truth)} rows")
    return TaskResult(
        pipeline=pipeline, labels=labels, rows=sum(counts.values()), dropped={},
        class_counts=dict(counts), C=None, threshold=0.5 if len(labels) == 2 else None,
        cv={"metric": metric, "best": round(value, 4), "folds": 1, "grouped_by": "group",
            "scheme": f"on held-out groups (one in {HELD_OUT_EVERY}, {len(truth)} rows), streaming SGD"},
        seconds=time.perf_counter() - started,
    )  # fmt: skip
