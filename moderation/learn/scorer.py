"""A fitted head as scoring reads it: the shared features, the linear model's weights and
its sigmoid calibration, as arrays, with no scikit-learn object inside.

Scoring had used scikit-learn's fitted estimators only as holders of those arrays (the
arithmetic was already done here, ten times faster than `predict_proba` on one comment),
yet unpickling them imported scikit-learn: 1.6 s of a 1.9 s `check` process, and most of
the start-up of `score`. A model bundle now carries each head in this form too
(`model.SCORING_FILE`), and `check`, `serve` and `score` load only that.
`tests/test_heads.py` holds it equal to scikit-learn's own `predict_proba`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from moderation.features.grams import token_display
from moderation.features.meaning import MEANING_BLOCKS
from moderation.features.meaning import display_name as meaning_display_name
from moderation.features.space import FeatureSpace

Sigmoids = tuple[tuple[np.float64, np.float64], ...]
"""A calibrated stage: scikit-learn's sigmoid calibrators' (a, b), one per output of the
linear model; `None` in their place is an uncalibrated stage (the logistic link)."""


@dataclass(frozen=True)
class TwoStage:
    """The calibration of `stance.RelatedFirst`: its first stage (related or not) and its
    second (which way a related comment leans; `None` when only one label is related)."""

    unrelated: int
    """The column of "unrelated" in `classes`."""
    related: Sigmoids | None
    stance: Sigmoids | None
    has_stance: bool


@dataclass
class HeadScorer:
    """One head: the blocks of `features` it reads and its linear model, calibrated."""

    features: FeatureSpace
    blocks: tuple[str, ...]
    used: tuple[int, ...]
    """Per block, how many of its columns (a prefix) the head reads."""
    coef: np.ndarray
    """(outputs, the head's columns): the linear model's `coef_`."""
    intercept: np.ndarray
    model_classes: np.ndarray
    """The linear model's `classes_`, which its outputs follow."""
    classes: list[str]
    """The calibrated model's labels, the order of the probabilities."""
    sigmoids: Sigmoids | None
    """The calibration of a one-stage head; `None` for a two-stage one."""
    two_stage: TwoStage | None = None


def sigmoids_of(model: Any) -> Sigmoids | None:
    """The sigmoid calibration of a fitted `CalibratedClassifierCV(ensemble=False)`, or
    None for a model fitted without calibration."""
    if not hasattr(model, "calibrated_classifiers_"):
        return None
    # NumPy scalars, not Python floats: times a float32 decision, a Python float gives a
    # float32 product, and scikit-learn's own float64 scalar a float64 one.
    return tuple((np.float64(c.a_), np.float64(c.b_)) for c in model.calibrated_classifiers_[0].calibrators)


def stage_proba(sigmoids: Sigmoids | None, decision: np.ndarray) -> np.ndarray:
    """A stage's probabilities from its linear model's decision values (columns in the
    linear model's `classes_` order; one column for two classes): scikit-learn's sigmoid
    calibration arithmetic, or the logistic link when the stage is not calibrated."""
    from scipy.special import expit, softmax

    if sigmoids is None:
        if decision.shape[1] == 1:
            return np.column_stack([expit(-decision[:, 0]), expit(decision[:, 0])])
        return softmax(decision, axis=1)
    if decision.shape[1] == 1:
        positive = expit(-(sigmoids[0][0] * decision[:, 0] + sigmoids[0][1]))
        return np.column_stack([1.0 - positive, positive])
    proba = np.column_stack([expit(-(a * decision[:, i] + b)) for i, (a, b) in enumerate(sigmoids)])
    total = proba.sum(axis=1, keepdims=True)
    return np.divide(proba, total, out=np.full_like(proba, 1 / proba.shape[1]), where=total != 0)


def block_weights(head: HeadScorer) -> dict[str, Any]:
    """The linear model's weights split by the blocks the head reads: (features, outputs);
    for character grams also their sums per token (see `features.grams.TokenGrams`)."""
    coef = head.coef.T.astype(np.float64)
    weights: dict[str, Any] = {}
    start = 0
    for block, used in zip(head.blocks, head.used, strict=True):
        weight = np.zeros((len(head.features.block_columns(block)), coef.shape[1]))
        weight[:used] = coef[start : start + used]
        weights[block] = (weight, head.features.gram_weights_by_token(weight)) if block == "chars" else weight
        start += used
    return weights


def decision(head: HeadScorer, blocks: dict[str, Any], weights: dict[str, Any]) -> np.ndarray:
    """The linear model's decision function summed block by block: no joined matrix."""
    total = np.zeros((next(iter(blocks.values())).shape[0], len(head.intercept)))
    for block, weight in weights.items():
        if block == "chars":
            total += blocks[block].decision(*weight)
        else:
            total += np.asarray(blocks[block] @ weight)
    return total + head.intercept


def predict(head: HeadScorer, decision: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Calibrated probabilities (in `classes` order) and the balanced model's labels, from
    the linear model's decision values: the arithmetic of scikit-learn's
    `CalibratedClassifierCV(method="sigmoid", ensemble=False)` and of `RelatedFirst`."""
    if head.two_stage is not None:
        return two_stage_proba(head.two_stage, decision), two_stage_labels(head.model_classes, head.two_stage.unrelated, decision)
    proba = stage_proba(head.sigmoids, decision)
    model_classes = [str(label) for label in head.model_classes]
    if model_classes != head.classes:  # scikit-learn gives both the same order; kept in case
        proba = proba[:, [model_classes.index(label) for label in head.classes]]
    if decision.shape[1] == 1:
        labels = head.model_classes[(decision[:, 0] > 0).astype(int)]
    else:
        labels = head.model_classes[decision.argmax(axis=1)]
    proba[(proba > 1.0) & (proba <= 1.0 + 1e-5)] = 1.0
    return proba, labels


def two_stage_proba(stages: TwoStage, decision: np.ndarray) -> np.ndarray:
    """P(unrelated) from the first stage; the other labels share the rest as the second
    stage's calibrated probabilities divide it."""
    unrelated = stages.unrelated
    others = [index for index in range(decision.shape[1]) if index != unrelated]
    p_related = stage_proba(stages.related, -decision[:, [unrelated]])[:, 1]
    proba = np.zeros_like(decision, dtype=float)
    proba[:, unrelated] = 1.0 - p_related
    # The labels are sorted, and so are the second stage's: the other columns line up.
    if not stages.has_stance:
        share = np.ones((len(decision), 1))
    elif len(others) == 2:
        share = stage_proba(stages.stance, decision[:, others[1:]])
    else:
        share = stage_proba(stages.stance, decision[:, others])
    proba[:, others] = share * p_related[:, None]
    return proba


def two_stage_labels(classes: np.ndarray, unrelated: int, decision: np.ndarray) -> np.ndarray:
    """Unrelated when the first stage says so, otherwise the second stage's strongest label."""
    others = np.asarray([index for index in range(len(classes)) if index != unrelated])
    chosen = others[decision[:, others].argmax(axis=1)]
    return classes[np.where(decision[:, unrelated] > 0, unrelated, chosen)]


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


def explain_table(head: HeadScorer, weights: dict[str, Any]) -> ExplainTable:
    """The `ExplainTable` of a head, from its `block_weights`."""
    features = head.features
    coefs, names, hashed_words, start = [], [], None, 0
    for block in head.blocks:
        coefs.append(weights[block][1] if block == "chars" else weights[block])
        names.append(features.display_names("tokens" if block == "chars" else block))
        if block == "words" and features.hash_words:
            hashed_words = (start, start + len(coefs[-1]))
        start += len(coefs[-1])
    coef = _per_label(np.vstack(coefs))
    classes = [str(label) for label in head.model_classes]
    return ExplainTable(classes, coef.ravel(), np.concatenate(names), coef.shape[1], hashed_words)


def _per_label(coef: np.ndarray) -> np.ndarray:
    """(features, outputs) to (features, labels): one output is the second label's."""
    return np.hstack([-coef, coef]) if coef.shape[1] == 1 else coef


def explain(head: HeadScorer, frame: Any, top: int = 8, blocks: dict[str, Any] | None = None,
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

    features = head.features
    if blocks is None:
        blocks = features.transform_blocks(frame, head.blocks)
    if weights is None:
        weights = block_weights(head)
    if table is None:
        table = explain_table(head, weights)
    parts, new_values = [], None
    # The encoder's blocks come last and are explained as one entry each, added below.
    lexical = tuple(block for block in head.blocks if block not in MEANING_BLOCKS)
    for block in lexical:
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
        label_index = np.fromiter(map(position.__getitem__, map(str, per_row)), dtype=np.int64, count=n_rows)
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
        for block in head.blocks[len(lexical):]:
            _add_summed(results, block, per_row, position, blocks[block] @ _per_label(weights[block]), top)
    return results


def _add_summed(results: list[dict[str, list[tuple[str, float]]]], block: str, labels: list[str],
                position: dict[str, int], contributions: np.ndarray, top: int) -> None:  # fmt: skip
    """Each row's explanation of `labels[row]` gains the block's summed contribution (its
    columns mean nothing one by one), and keeps its `top` strongest entries."""
    name = meaning_display_name(block)
    for row, label in enumerate(labels):
        value = round(float(contributions[row, position[str(label)]]), 4)
        if value:
            entries = [*results[row][str(label)], (name, value)]
            entries.sort(key=lambda entry: -abs(entry[1]))
            results[row][str(label)] = entries[:top]
