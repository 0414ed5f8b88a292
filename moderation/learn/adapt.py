"""Adapting a shipped model to a newsroom's own labels (`train --base MODEL`).

A newsroom has a few hundred labelled comments, not the data the shipped model learned
from; a model trained on those alone forgets what the shipped one knew. Here each
two-label head keeps the base model's features and weights, and learns only a correction:
a logistic regression whose decision is the base head's plus `X @ delta + shift`, with
`delta` held near zero by an L2 penalty. With few labels the correction stays small and
the head stays the base one; with more it moves toward the newsroom's notion. Its
probabilities are then calibrated on the newsroom's labels (out of fold). Heads the labels
do not cover, and stance (two stages), are kept as they are.
"""

from __future__ import annotations

import copy
from typing import Any

import numpy as np

from moderation.errors import DataError

PENALTIES = (1.0, 3.0, 10.0, 30.0, 300.0, 3_000.0, 30_000.0)
"""The L2 strengths on the correction tried; of those whose corrections, fitted on some of
the newsroom's articles, rank the others' comments within one standard error of the best
(grouped cross-validation on its own labels), the strongest is kept. The strongest keeps
the head nearly the base one; the weakest lets a thousand labels of another notion move
it."""


def correction(matrix: Any, offset: np.ndarray, positive: np.ndarray, penalty: float) -> tuple[np.ndarray, float]:
    """(delta, shift) minimising the mean log-loss of `offset + matrix @ delta + shift`
    plus `penalty / 2 * |delta|^2 / rows` (L-BFGS on the sparse matrix)."""
    from scipy.optimize import minimize

    rows, columns = matrix.shape
    target = positive.astype(float)
    weight = np.where(positive, 0.5 / max(positive.mean(), 1e-9), 0.5 / max(1 - positive.mean(), 1e-9))  # balanced

    def loss(parameters: np.ndarray) -> tuple[float, np.ndarray]:
        delta, shift = parameters[:-1], parameters[-1]
        decision = offset + matrix @ delta + shift
        probability = 1 / (1 + np.exp(-np.clip(decision, -35, 35)))
        error = weight * (probability - target)
        value = float(np.sum(weight * (np.logaddexp(0, decision) - target * decision)) / rows + penalty / 2 * delta @ delta / rows)
        gradient = np.concatenate([matrix.T @ error / rows + penalty * delta / rows, [error.sum() / rows]])
        return value, gradient

    found = minimize(loss, np.zeros(columns + 1), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return found.x[:-1], float(found.x[-1])


def _within_one_error(tried: dict[float, tuple[float, np.ndarray, list[float]]]) -> tuple[float, np.ndarray]:
    """The strongest penalty whose out-of-fold ROC-AUC is within one standard error (over
    the folds) of the best one's, and its out-of-fold decisions: a few hundred labels rank
    a weak penalty first by chance as often as by right, and a weak one moves the head far."""
    best = max(tried, key=lambda candidate: tried[candidate][0])
    folds = tried[best][2]
    error = float(np.std(folds, ddof=1) / np.sqrt(len(folds))) if len(folds) > 1 else 0.0
    chosen = max(candidate for candidate, (score, _, _) in tried.items() if score >= tried[best][0] - error)
    return chosen, tried[chosen][1]


def adapt(base: Any, frame: Any, penalties: tuple[float, ...] = PENALTIES, progress: Any = print) -> dict[str, Any]:
    """`train.TaskResult`s for every head of `base` (a loaded `bundle.Model`): the
    two-label heads `frame` labels, corrected; the others as they were."""
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold

    from moderation.learn import heads
    from moderation.learn.train import TaskResult, _groups, _recalibrate, task_rows

    results: dict[str, Any] = {}
    adapted = 0
    for task, pipeline in base.heads.items():
        info = base.meta["tasks"][task]
        labels = list(info["labels"])
        usable = task in frame.columns and frame[task].notna().any() and len(labels) == 2
        new = copy.deepcopy(pipeline)
        result = TaskResult(pipeline=new, labels=labels, rows=info.get("rows", 0), dropped=info.get("dropped", {}),
                            class_counts=info.get("class_counts", {}), C=info.get("C"), cv=info.get("cross_validation", {}),
                            threshold=info.get("threshold"), seconds=0.0)  # fmt: skip
        results[task] = result
        if not usable:
            continue
        rows, _dropped = task_rows(frame, task)
        unknown = sorted(set(rows[task]) - set(labels))
        if unknown:
            raise DataError(f"{task}: labels {unknown} are not the base model's {labels}")
        positive = (rows[task] == labels[1]).to_numpy()
        if positive.all() or not positive.any():
            raise DataError(f"{task}: the labels need both {labels[0]} and {labels[1]} to adapt the head")
        matrix = heads.transform(new, rows).tocsr()
        linear = heads.linear_model(new)
        offset = np.asarray(matrix @ linear.coef_[0]).ravel() + linear.intercept_[0]
        groups = _groups(rows)
        folds = min(3, len(set(groups)))
        penalty, out_of_fold = max(penalties), np.zeros(len(rows))
        if folds >= 2:
            tried: dict[float, tuple[float, np.ndarray, list[float]]] = {}
            for candidate in penalties:
                trial, fold_scores = np.zeros(len(rows)), []
                for fit, test in GroupKFold(n_splits=folds).split(matrix, positive, groups):
                    part_delta, part_shift = correction(matrix[fit], offset[fit], positive[fit], candidate)
                    trial[test] = offset[test] + matrix[test] @ part_delta + part_shift
                    if 0 < positive[test].sum() < len(test):
                        fold_scores.append(roc_auc_score(positive[test], trial[test]))
                score = roc_auc_score(positive, trial) if 0 < positive.sum() < len(positive) else 0.0
                tried[candidate] = (score, trial, fold_scores)
            penalty, out_of_fold = _within_one_error(tried)
        delta, shift = correction(matrix, offset, positive, penalty)
        linear.coef_ = linear.coef_ + delta[None, :]
        linear.intercept_ = linear.intercept_ + shift
        if folds >= 2 and len(rows) >= 50:
            _recalibrate(new.named_steps["model"], out_of_fold, positive)
        result.rows = len(rows)
        result.class_counts = {label: int((rows[task] == label).sum()) for label in labels}
        held = roc_auc_score(positive, out_of_fold) if folds >= 2 else 0.0
        result.C = 1 / penalty
        result.cv = {"metric": "roc_auc", "best": float(held), "folds": folds,
                     "scheme": f"of the correction (penalty {penalty:g}), over {folds} article folds of the {len(rows)} labels"}  # fmt: skip
        adapted += 1
        progress(f"{task}: adapted with {len(rows)} labels ({int(positive.sum())} {labels[1]}; penalty {penalty:g})")
    if not adapted:
        raise DataError(f"the labels cover none of the base model's two-label heads ({', '.join(base.tasks)})")
    return results
