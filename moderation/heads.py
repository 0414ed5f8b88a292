"""One scikit-learn Pipeline per task: features and a calibrated linear model together.

Linear models keep every score explainable as a sum of word weights, train in seconds on
two cores, and score thousands of comments per second; sigmoid calibration on top makes
the probabilities mean what they say, so thresholds in a site's policy are meaningful.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer

from moderation.vectorize import TextFeatures, token_display

RANDOM_STATE = 13

HEAD_BLOCKS = {
    "civility": ("words", "chars", "shape"),
    "constructive": ("words", "shape"),
    "stance": ("words", "pair"),
}
"""Which feature blocks (see `vectorize.BLOCKS`) each head reads. A task a newsroom adds
reads the comment's own words, character grams and shape."""
OTHER_BLOCKS = ("words", "chars", "shape")


HEAD_LIMITS = {"stance": {"words": 40_000}}
"""Stance reads only the 40,000 most frequent word n-grams (columns are in frequency
order): its signal is in the comment-article features and common cue words, and the
four-class model trains in a third of the time."""


def blocks_for(task: str) -> tuple[str, ...]:
    return HEAD_BLOCKS.get(task, OTHER_BLOCKS)


def head_columns(text_features: TextFeatures, task: str) -> np.ndarray:
    """The shared features' columns a head reads."""
    limits = HEAD_LIMITS.get(task, {})
    return np.concatenate([text_features.block_columns(block)[: limits.get(block)] for block in blocks_for(task)])


def select_columns(matrix: Any, columns: np.ndarray, blocks: tuple[str, ...] = ()) -> Any:
    """The columns a head reads out of the shared features (`blocks` names them)."""
    return matrix[:, columns]


def assemble(text_features: TextFeatures, task: str, model: Any) -> Pipeline:
    """A head's pipeline: the shared (already fitted) features, its blocks, its model."""
    columns = head_columns(text_features, task)
    select = FunctionTransformer(select_columns, kw_args={"columns": columns, "blocks": blocks_for(task)}, accept_sparse=True)
    return Pipeline([("features", text_features), ("select", select), ("model", model)])


def classifier(C: float, text_features: TextFeatures | None = None, task: str = "", labels: Sequence[str] = (),
               calibrate: bool = True, pool_sources: bool = False) -> Any:  # fmt: skip
    """Balanced logistic regression, sigmoid-calibrated on held-out folds of the training
    data; for stance with an unrelated label, the two-stage `stance.RelatedFirst` (its
    first stage reads the comment-article block). With `pool_sources`, the regression
    keeps only the weights its rows' sources share (`pooling.SharedAcrossSources`; fit it
    with `sources=`). Without `calibrate`, the bare model, for the cross-validation that
    compares values of C."""
    from moderation.pooling import SharedAcrossSources
    from moderation.stance import RelatedFirst

    if text_features is not None and two_stage(task, labels):
        return RelatedFirst(block_positions(text_features, task, "pair"), C=C, calibrate=calibrate, random_state=RANDOM_STATE)
    if pool_sources:
        model: Any = SharedAcrossSources(C=C, random_state=RANDOM_STATE)
    else:
        model = LogisticRegression(C=C, class_weight="balanced", max_iter=3000, random_state=RANDOM_STATE)
    if not calibrate:
        return model
    return CalibratedClassifierCV(model, method="sigmoid", cv=3, ensemble=False, n_jobs=-1)


def two_stage(task: str, labels: Sequence[str]) -> bool:
    """Whether a head is fitted as `stance.RelatedFirst`: it reads the comment-article
    block, and its labels are "unrelated" and at least two others."""
    from moderation.stance import UNRELATED

    return "pair" in blocks_for(task) and UNRELATED in labels and len(labels) >= 3


def block_positions(text_features: TextFeatures, task: str, block: str) -> np.ndarray:
    """Where a block's columns sit in the head's own matrix."""
    limits = HEAD_LIMITS.get(task, {})
    start = 0
    for name in blocks_for(task):
        size = len(text_features.block_columns(name)[: limits.get(name)])
        if name == block:
            return np.arange(start, start + size)
        start += size
    return np.arange(0)


def linear_model(pipeline: Pipeline) -> Any:
    """The fitted linear model inside a head, for its weights (`coef_`, `intercept_`,
    `classes_`): the calibrated logistic regression, or the two-stage stance model."""
    model = pipeline.named_steps["model"]
    if hasattr(model, "proba_from_decision"):
        return model
    return model.calibrated_classifiers_[0].estimator


def transform(pipeline: Pipeline, frame: Any, blocks: dict[str, Any] | None = None) -> Any:
    """The head's feature matrix: `pipeline[:-1].transform(frame)`, built from only the
    blocks the head reads (pass `blocks` when they are already computed)."""
    from scipy import sparse

    from moderation.vectorize import as_matrix

    head_blocks = head_block_names(pipeline)
    if blocks is None:
        blocks = pipeline.named_steps["features"].transform_blocks(frame, head_blocks)
    parts = [as_matrix(blocks[name])[:, : _used(pipeline, name)] for name in head_blocks]
    return sparse.hstack(parts, format="csr", dtype=np.float32)


def _used(pipeline: Pipeline, block: str) -> int:
    """How many of a block's columns (a prefix) the head reads."""
    columns = pipeline.named_steps["select"].kw_args["columns"]
    block_columns = pipeline.named_steps["features"].block_columns(block)
    return int(np.count_nonzero((columns >= block_columns[0]) & (columns <= block_columns[-1]))) if len(block_columns) else 0


def head_block_names(pipeline: Pipeline) -> tuple[str, ...]:
    """The blocks a head reads, in column order."""
    return tuple(pipeline.named_steps["select"].kw_args["blocks"])


def block_weights(pipeline: Pipeline) -> dict[str, Any]:
    """The linear model's weights split by the blocks the head reads: (features, outputs);
    for character grams also their sums per token (see `vectorize.TokenGrams`)."""
    features = pipeline.named_steps["features"]
    coef = linear_model(pipeline).coef_.T.astype(np.float64)
    weights: dict[str, Any] = {}
    start = 0
    for block in head_block_names(pipeline):
        block_columns = features.block_columns(block)
        used = _used(pipeline, block)
        weight = np.zeros((len(block_columns), coef.shape[1]))
        weight[:used] = coef[start : start + used]
        weights[block] = (weight, features.gram_weights_by_token(weight)) if block == "chars" else weight
        start += used
    return weights


def decision(pipeline: Pipeline, blocks: dict[str, Any], weights: dict[str, Any]) -> np.ndarray:
    """The linear model's decision function summed block by block: no joined matrix."""
    model = linear_model(pipeline)
    total = np.zeros((_rows(blocks), len(model.intercept_)))
    for block, weight in weights.items():
        if block == "chars":
            total += blocks[block].decision(*weight)
        else:
            total += np.asarray(blocks[block] @ weight)
    return total + model.intercept_


def _rows(blocks: dict[str, Any]) -> int:
    return next(iter(blocks.values())).shape[0]


def predict(pipeline: Pipeline, matrix: Any = None, decision_values: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Calibrated probabilities (in `classes_` order) and the balanced model's labels.

    The arithmetic of `CalibratedClassifierCV(method="sigmoid", ensemble=False)`, done
    directly on the fitted linear model and sigmoid calibrators: a linear model's
    decision is one sparse product, and sklearn's input checks around it cost ten times
    that for a single comment. `tests/test_heads.py` holds it equal to sklearn's own
    `predict_proba`; loading refuses a model from another scikit-learn version.
    """
    from scipy.special import expit

    model = linear_model(pipeline)
    decision = np.asarray(matrix @ model.coef_.T) + model.intercept_ if decision_values is None else decision_values
    if hasattr(model, "proba_from_decision"):
        return model.proba_from_decision(decision), model.labels_from_decision(decision)
    calibrated = pipeline.named_steps["model"].calibrated_classifiers_[0]
    classes = list(pipeline.named_steps["model"].classes_)
    proba = np.zeros((decision.shape[0], len(classes)))
    if len(classes) == 2:
        [calibrator] = calibrated.calibrators
        proba[:, 1] = expit(-(calibrator.a_ * decision[:, 0] + calibrator.b_))
        proba[:, 0] = 1.0 - proba[:, 1]
        labels = np.asarray(model.classes_)[(decision[:, 0] > 0).astype(int)]
    else:
        for index, calibrator in enumerate(calibrated.calibrators):
            proba[:, classes.index(model.classes_[index])] = expit(-(calibrator.a_ * decision[:, index] + calibrator.b_))
        total = proba.sum(axis=1, keepdims=True)
        proba = np.divide(proba, total, out=np.full_like(proba, 1 / len(classes)), where=total != 0)
        labels = np.asarray(model.classes_)[decision.argmax(axis=1)]
    proba[(proba > 1.0) & (proba <= 1.0 + 1e-5)] = 1.0
    return proba, labels


MIN_SHARE = 0.05
"""Explanations leave out features pushing less than 5 % as hard as the strongest one in
the same comment: they change nothing a reader would act on, and sorting them is most of
what explaining a queue costs."""


@dataclass(frozen=True)
class ExplainTable:
    """What explaining a head needs that no batch changes: the weight of every feature for
    every label, flat, and the features' display names (new tokens of a batch come after
    them). Built once per head: it is as large as the vocabulary, and building it for
    each comment had been most of the time of a single pre-publish check."""

    classes: list[str]
    coef: np.ndarray
    """(features, labels) flattened; a two-class head's weights, negated for the first label."""
    names: np.ndarray
    n_outputs: int
    hashed_words: tuple[int, int] | None = None
    """Where hashed word n-grams sit (out-of-core models): the n-grams of the latest batch
    name those columns, so their names are read when explaining."""


def explain_table(pipeline: Pipeline, weights: dict[str, Any]) -> ExplainTable:
    """The `ExplainTable` of a head, from its `block_weights`."""
    features = pipeline.named_steps["features"]
    coefs, names, hashed_words, start = [], [], None, 0
    for block in head_block_names(pipeline):
        coefs.append(weights[block][1] if block == "chars" else weights[block])
        names.append(features.display_names("tokens" if block == "chars" else block))
        if block == "words" and features.hash_words:
            hashed_words = (start, start + len(coefs[-1]))
        start += len(coefs[-1])
    coef = _per_label(np.vstack(coefs))
    classes = [str(label) for label in linear_model(pipeline).classes_]
    return ExplainTable(classes, coef.ravel(), np.concatenate(names), coef.shape[1], hashed_words)


def _per_label(coef: np.ndarray) -> np.ndarray:
    """(features, outputs) to (features, labels): one output is the second label's."""
    return np.hstack([-coef, coef]) if coef.shape[1] == 1 else coef


def explain(pipeline: Pipeline, frame: Any, top: int = 8, blocks: dict[str, Any] | None = None,
            labels: list[str] | None = None, weights: dict[str, Any] | None = None,
            table: ExplainTable | None = None) -> list[dict[str, list[tuple[str, float]]]]:  # fmt: skip
    """Per row, per label: the features that pushed that label's score up or down most.

    Each contribution is the feature value times the model's weight for the label (for a
    two-class head the second label's weights, negated for the first), in log-odds.
    Character grams are reported per word, in quotes: the word's spelling's share.
    Pass `blocks`, `weights` and `table` when already computed, and `labels` (one per
    row) to explain only that label of each row, which is what a decision shows.
    """
    from scipy import sparse

    features = pipeline.named_steps["features"]
    if blocks is None:
        blocks = features.transform_blocks(frame, head_block_names(pipeline))
    if weights is None:
        weights = block_weights(pipeline)
    if table is None:
        table = explain_table(pipeline, weights)
    parts, new_values = [], None
    for block in head_block_names(pipeline):
        if block == "chars":
            known, new_values = blocks[block].token_values()
            parts.append(known)
        else:
            parts.append(sparse.csr_matrix(blocks[block], dtype=np.float64))
    # This batch's new tokens come last, so the table's part stays as it is.
    new_coef, new_names = np.zeros(0), np.zeros(0, dtype=object)
    if new_values is not None:
        parts.append(new_values)
        new_coef = _per_label(blocks["chars"].token_weights(weights["chars"][0])).ravel()
        new_names = token_display(blocks["chars"].new_names)
    matrix = sparse.hstack(parts, format="csr")
    n_fixed = len(table.names)
    classes, n_outputs = table.classes, table.n_outputs
    n_rows = matrix.shape[0]
    indices = matrix.indices.astype(np.int64)
    fixed = indices < n_fixed
    new_at = np.flatnonzero(~fixed)
    wanted = [labels] if labels is not None else [[label] * n_rows for label in classes]
    results: list[dict[str, list[tuple[str, float]]]] = [{} for _ in range(n_rows)]
    counts = np.diff(matrix.indptr)
    row_of = np.repeat(np.arange(n_rows), counts)
    position = {label: index for index, label in enumerate(classes)}
    for per_row in wanted:
        label_index = np.fromiter((position[str(label)] for label in per_row), dtype=np.int64, count=n_rows)
        # A flat gather (feature * outputs + label) is a third of the cost of coef[label, feature].
        label_of = label_index[row_of]
        weight = table.coef.take(np.where(fixed, indices, 0) * n_outputs + label_of)
        weight[new_at] = new_coef.take((indices[new_at] - n_fixed) * n_outputs + label_of[new_at])
        contributions = matrix.data * weight
        strength = np.abs(contributions)
        strongest = np.zeros(n_rows)
        nonempty = counts > 0
        if nonempty.any():
            strongest[nonempty] = np.maximum.reduceat(strength, matrix.indptr[:-1][nonempty])
        chosen = np.flatnonzero((strength > 0) & (strength >= MIN_SHARE * strongest[row_of]))
        # Strongest first within each row: one sort of the row plus a fraction below 1/2
        # that falls as the strength rises (five times faster than `np.lexsort`).
        chosen_rows = row_of[chosen]
        chosen = chosen[np.argsort(chosen_rows + 0.5 * (1.0 - strength[chosen] / strongest[chosen_rows]), kind="stable")]
        rows = row_of[chosen]
        rank = np.arange(len(chosen)) - np.searchsorted(rows, rows)
        chosen, rows = chosen[rank < top], rows[rank < top]
        # One Python step per row, not per feature: each row's pairs are a slice.
        features_chosen = indices[chosen]
        in_table = features_chosen < n_fixed
        chosen_names = np.empty(len(chosen), dtype=object)
        chosen_names[in_table] = table.names[features_chosen[in_table]]
        chosen_names[~in_table] = new_names[features_chosen[~in_table] - n_fixed]
        if table.hashed_words is not None:
            start, end = table.hashed_words
            hashed = (features_chosen >= start) & (features_chosen < end)
            chosen_names[hashed] = features.display_names("words")[features_chosen[hashed] - start]
        pairs = list(zip(chosen_names.tolist(), np.round(contributions[chosen], 4).tolist(), strict=True))
        bounds = np.searchsorted(rows, np.arange(n_rows + 1)).tolist()
        names_of_rows = np.asarray(classes, dtype=object)[label_index].tolist()
        for row, (label, start, end) in enumerate(zip(names_of_rows, bounds, bounds[1:], strict=False)):
            results[row][label] = pairs[start:end]
    return results
