"""Training: one head per task the data has labels for, hyperparameters chosen by
cross-validation grouped by article or claim, so the scores recorded are for articles the
model has not seen (the normal case for a newsroom: every day brings new articles).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from moderation.errors import DataError
from moderation.io.tables import TASKS
from moderation.learn.settings import C_GRID, TASK_C_GRID, TrainConfig
from moderation.learn.shared_features import fit_features

if TYPE_CHECKING:
    import pandas as pd
    from sklearn.pipeline import Pipeline

    from moderation.learn.heads import TextFeatures

MIN_CLASS_ROWS = 3
"""Sigmoid calibration is fitted on 3 stratified folds, each of which needs every class."""


@dataclass
class TaskResult:
    """A fitted head with what training learned about it."""

    pipeline: Pipeline
    labels: list[str]
    rows: int
    dropped: dict[str, int]
    class_counts: dict[str, int]
    C: float
    cv: dict[str, Any]
    threshold: float | None
    seconds: float


UNPOOLED_TASKS = ("spam",)
"""Heads fitted on all their sources together even with `pool_sources`: spam's news
source (C3) has no spam in it, so no spam word is shared by every source and pooling kept
none (recall 0.07 on a YouTube video held out, against 0.87 unpooled)."""

def tasks_in(frame: pd.DataFrame) -> list[str]:
    """The tasks this table has a label column for."""
    return [task for task in TASKS if task in frame.columns and frame[task].notna().any()]


def task_rows(frame: pd.DataFrame, task: str) -> tuple[pd.DataFrame, dict[str, int]]:
    """The rows usable for `task`: labelled, non-empty text, no exact duplicates; their
    positions in `frame` are in the `_position` column."""
    dropped: dict[str, int] = {}
    frame = frame.reset_index(drop=True)
    rows = frame[frame[task].notna() & frame[task].astype(str).str.strip().ne("")]
    texts = rows["text"]
    empty = texts.isna() | texts.astype(str).str.strip().eq("")
    dropped["empty_text"] = int(empty.sum())
    rows = rows[~empty].copy()
    rows[task] = rows[task].astype(str).str.strip()
    key = [column for column in ("text", "article_title", task) if column in rows.columns]
    before = len(rows)
    rows = rows.drop_duplicates(subset=key)
    dropped["duplicates"] = before - len(rows)
    rows["_position"] = rows.index
    return rows.reset_index(drop=True), dropped


def _groups(rows: pd.DataFrame) -> np.ndarray:
    if "group" in rows.columns and rows["group"].notna().all():
        return rows["group"].astype(str).to_numpy()
    return np.arange(len(rows)).astype(str)


def sources_of(rows: pd.DataFrame) -> np.ndarray | None:
    """Each row's source (dataset or site), or None when the data does not say."""
    if "source" not in rows.columns:
        return None
    return rows["source"].fillna("?").astype(str).to_numpy()


def balanced(counts: Mapping[Any, int]) -> dict[Any, float]:
    """scikit-learn's "balanced" weight of each class or source, from how many rows each
    has: total / (kinds x count), so every kind weighs the same in all."""
    total = sum(counts.values())
    return {kind: total / (len(counts) * n) for kind, n in counts.items()}


def source_weights(sources: np.ndarray | None, n_rows: int) -> np.ndarray:
    """Each row's weight that gives every source (`sources_of`) the same total, so 25,000
    tweets do not drown 9,000 news comments; all ones when the data names no sources."""
    if sources is None:
        return np.ones(n_rows)
    names, codes, counts = np.unique(sources, return_inverse=True, return_counts=True)
    weight = balanced(dict(zip(names.tolist(), counts.tolist(), strict=True)))
    return np.asarray([weight[name] for name in names.tolist()])[codes]


def _score(task_labels: list[str], truth: np.ndarray, proba: np.ndarray) -> float:
    from sklearn.metrics import f1_score, roc_auc_score

    if len(task_labels) == 2:
        return float(roc_auc_score(truth == task_labels[1], proba[:, 1]))
    return float(f1_score(truth, np.asarray(task_labels)[proba.argmax(axis=1)], average="macro"))


def soft_examples(rows: pd.DataFrame, task: str, labels: list[str], weights: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The examples to fit: (row index, label, weight) per example.

    A row with a soft label `{task}_score` (0 to 1, 0.5 at the hard cut) is fitted twice,
    as the second label with weight score and as the first with weight 1 - score, so a
    comment that half the annotators found toxic teaches half as much as a clear one.
    """
    index = np.arange(len(rows))
    truth = rows[task].to_numpy()
    column = f"{task}_score"
    if len(labels) != 2 or column not in rows.columns:
        return index, truth, weights
    score = np.asarray(rows[column].astype(float).to_numpy(), dtype=float)
    soft = ~np.isnan(score)
    if not soft.any():
        return index, truth, weights
    score = np.clip(np.nan_to_num(score), 0.0, 1.0)
    first_labels = np.where(soft, labels[1], truth)
    first_weights = np.where(soft, weights * score, weights)
    return (
        np.concatenate([index, index[soft]]),
        np.concatenate([first_labels, np.full(int(soft.sum()), labels[0], dtype=object)]),
        np.concatenate([first_weights, weights[soft] * (1 - score[soft])]),
    )


def _fold_score(template: Any, matrix: Any, truth: np.ndarray, examples: tuple[np.ndarray, np.ndarray, np.ndarray],
                labels: list[str], train_index: np.ndarray, test_index: np.ndarray,
                sources: np.ndarray | None = None) -> tuple[float, np.ndarray | None]:  # fmt: skip
    """The grouped-CV score of an uncalibrated copy of `template` fitted on one fold:
    ROC-AUC for two classes, macro-F1 of the balanced model's labels for more; and for two
    classes the fold's decision values (for `classes_[1]`), out of fold. `sources`
    (per row) is passed on to a model that pools sources."""
    from sklearn.base import clone
    from sklearn.metrics import f1_score

    rows, fit_labels, fit_weights = examples
    chosen = np.isin(rows, train_index) & (fit_weights > 0)
    extra = {} if sources is None else {"sources": sources[rows[chosen]]}
    model = clone(template).fit(matrix[rows[chosen]], fit_labels[chosen], sample_weight=fit_weights[chosen], **extra)
    if len(labels) > 2:
        return float(f1_score(truth[test_index], model.predict(matrix[test_index]), average="macro")), None
    proba = model.predict_proba(matrix[test_index])
    order = [list(model.classes_).index(label) for label in labels]
    # The decision for `classes_[1]`, which a sigmoid calibration maps to its probability.
    decision = np.asarray(model.decision_function(matrix[test_index])).ravel()
    return _score(labels, truth[test_index], proba[:, order]), decision


def train_task(
    frame: pd.DataFrame,
    task: str,
    config: TrainConfig | None = None,
    progress: Callable[[str], None] = lambda message: None,
    shared: tuple[TextFeatures, Any] | None = None,
) -> TaskResult:
    """Fit one head; raises DataError when the labels cannot train a classifier.

    `shared` is the features fitted on all of `frame` and their matrix, when several
    heads are trained together: they then tokenise every text once, and share one
    vocabulary in the saved bundle.
    """
    from joblib import Parallel, delayed
    from sklearn.model_selection import GroupKFold

    from moderation.learn import heads

    config = config or TrainConfig()
    started = time.perf_counter()
    rows, dropped = task_rows(frame, task)
    labels = sorted(rows[task].unique())
    if len(labels) < 2:
        found = labels[0] if labels else "none"
        raise DataError(f"{task}: needs at least two classes to train, found only {found!r}")
    counts = rows[task].value_counts()
    rare = {str(label): int(n) for label, n in counts.items() if n < MIN_CLASS_ROWS}
    if rare:
        found = ", ".join(f"{label!r} has {n}" for label, n in rare.items())
        raise DataError(f"{task}: every class needs at least {MIN_CLASS_ROWS} rows (calibration is cross-validated); {found}")
    known = TASKS.get(task)
    if known and set(labels) <= set(known):
        labels = [label for label in known if label in set(labels)]
    truth = rows[task].to_numpy()
    groups = _groups(rows)
    sources = sources_of(rows)
    weights = source_weights(sources if config.balance_sources else None, len(rows))
    source_factors = config.source_weights.get(task, {})
    if source_factors and sources is not None:
        weights = weights * np.asarray([source_factors.get(source, 1.0) for source in sources])
    folds = min(config.folds, len(set(groups)))
    if folds < 2:
        raise DataError(f"{task}: needs rows from at least two groups (articles or claims) to cross-validate")

    class_counts = {str(label): int(n) for label, n in counts.items()}
    progress(f"{task}: {len(rows)} rows, classes {class_counts}")
    text_features, full = shared if shared is not None else fit_features(frame, progress)
    columns = heads.head_columns(text_features, task)
    matrix = full[rows["_position"].to_numpy()][:, columns]
    factors = heads.column_factors(text_features, task)
    if factors is not None:
        matrix = heads.scale_columns(matrix, factors)
    examples = soft_examples(rows, task, labels, weights)
    pool = config.pool_sources and sources is not None and len(set(sources)) > 1 and not heads.two_stage(task, labels) \
        and task not in UNPOOLED_TASKS  # fmt: skip
    pooled = sources if pool else None
    splitter = GroupKFold(n_splits=folds)
    folds_list = list(splitter.split(matrix, truth, groups))
    grid = config.c_grid or TASK_C_GRID.get(task, C_GRID)
    jobs = [(C, train_index, test_index) for C in grid for train_index, test_index in folds_list]
    # Folds are independent fits of a single-threaded solver: run them on every core.
    try:
        fold_results = Parallel(n_jobs=config.n_jobs)(
            delayed(_fold_score)(heads.classifier(C, text_features, task, labels, calibrate=False, pool_sources=pool,
                                                 source_scale=config.source_scale.get(task)), matrix,
                                 truth, examples, labels, train_index, test_index, pooled)  # fmt: skip
            for C, train_index, test_index in jobs
        )
    except ValueError as error:  # a fold whose training part lacks a class the model needs
        raise DataError(f"{task}: cannot fit a cross-validation fold ({str(error).splitlines()[0]}); "
                        "add labelled rows or spread each class over more groups") from error  # fmt: skip
    scores: dict[float, list[float]] = {}
    out_of_fold: dict[float, np.ndarray] = {}
    for (C, _train, test_index), (value, decision) in zip(jobs, fold_results, strict=True):
        scores.setdefault(C, []).append(value)
        if decision is not None:
            out_of_fold.setdefault(C, np.zeros(len(rows)))[test_index] = decision
    for C, fold_scores in scores.items():
        progress(f"{task}: C={C} grouped-CV {'ROC-AUC' if len(labels) == 2 else 'macro-F1'} {np.mean(fold_scores):.3f}")
    best_C = max(scores, key=lambda C: np.mean(scores[C]))

    model = heads.classifier(best_C, text_features, task, labels, pool_sources=pool, source_scale=config.source_scale.get(task))
    example_rows, example_labels, example_weights = examples
    keep = example_weights > 0
    extra = {} if pooled is None else {"sources": pooled[example_rows[keep]]}
    model.fit(matrix[example_rows[keep]], example_labels[keep], sample_weight=example_weights[keep], **extra)
    calibrated_on = None
    if config.calibrate_on and len(labels) == 2 and sources is not None and best_C in out_of_fold:
        chosen = np.isin(sources, config.calibrate_on)
        if chosen.sum() >= 50 and len(set(truth[chosen])) == 2:
            _recalibrate(model, out_of_fold[best_C][chosen], truth[chosen] == str(model.classes_[1]))
            calibrated_on = {"sources": sorted(set(sources[chosen])), "rows": int(chosen.sum())}
            progress(f"{task}: calibrated on {calibrated_on['rows']} rows of {', '.join(calibrated_on['sources'])}")
    # The features are already fitted: the pipeline joins them to the fitted model.
    pipeline = heads.assemble(text_features, task, model)
    metric = "roc_auc" if len(labels) == 2 else "macro_f1"
    cv = {
        "metric": metric,
        "folds": folds,
        "grouped_by": "group" if "group" in rows.columns else "row",
        "by_C": {str(C): round(float(np.mean(values)), 4) for C, values in scores.items()},
        "best": round(float(np.mean(scores[best_C])), 4),
        "best_folds": [round(value, 4) for value in scores[best_C]],
    }
    if pooled is not None:
        cv["pooled_sources"] = sorted(set(pooled))
        if task in config.source_scale:
            cv["source_scale"] = config.source_scale[task]
    if source_factors and sources is not None:
        cv["source_weights"] = {source: factor for source, factor in source_factors.items() if source in set(sources)}
    if calibrated_on is not None:
        cv["calibrated_on"] = calibrated_on
    seconds = time.perf_counter() - started
    progress(f"{task}: done in {seconds:.0f}s (C={best_C})")
    return TaskResult(
        pipeline=pipeline,
        labels=labels,
        rows=len(rows),
        dropped=dropped,
        class_counts=class_counts,
        C=best_C,
        cv=cv,
        threshold=0.5 if len(labels) == 2 else None,
        seconds=seconds,
    )


def _recalibrate(model: Any, decision: np.ndarray, positive: np.ndarray) -> None:
    """Refit a calibrated head's sigmoid on these (out-of-fold) decisions and outcomes:
    Platt's fit, written where scikit-learn's own calibrator keeps it (p = 1 / (1 +
    exp(a * decision + b)))."""
    from sklearn.linear_model import LogisticRegression

    platt = LogisticRegression(C=1e6, max_iter=1000).fit(decision.reshape(-1, 1), positive)
    calibrator = model.calibrated_classifiers_[0].calibrators[0]
    calibrator.a_ = np.float64(-platt.coef_[0, 0])  # as scikit-learn keeps it: see scorer.sigmoids_of
    calibrator.b_ = np.float64(-platt.intercept_[0])


def train(
    frame: pd.DataFrame,
    tasks: list[str] | None = None,
    config: TrainConfig | None = None,
    progress: Callable[[str], None] = lambda message: None,
) -> dict[str, TaskResult]:
    """Fit every requested task the data has labels for."""
    available = tasks_in(frame)
    if tasks:
        missing = [task for task in tasks if task not in available]
        if missing:
            raise DataError(f"no labels for task(s) {', '.join(missing)}; the data has labels for: {', '.join(available) or 'none'}")
    else:
        tasks = available
    if not tasks:
        raise DataError(f"no label column; expected one of {', '.join(TASKS)}; present: {', '.join(map(str, frame.columns))}")
    config = config or TrainConfig()
    shared = fit_features(frame, progress, meaning=config.meaning, store=config.embeddings_store)
    return {task: train_task(frame, task, config, progress, shared) for task in tasks}
