"""Evaluation of a saved model on labelled data: metrics as plain data, then a report.

Metrics per task: accuracy, macro-F1, per-class precision / recall / F1, the confusion
matrix, expected calibration error and, for two-class tasks, ROC-AUC, average precision
and a threshold sweep; for four-way stance also the FNC-1 weighted score.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from moderation.errors import DataError

if TYPE_CHECKING:
    import pandas as pd

    from moderation.learn.bundle import Model

RELATED = ("agree", "disagree", "discuss")


def fnc_score(truth: list[str], predicted: list[str]) -> float:
    """FNC-1's weighted score as a share of the best possible (the official scorer's rule).

    0.25 for telling related from unrelated right; for related pairs, 0.75 more for the
    exact stance.
    """
    score = best = 0.0
    for want, got in zip(truth, predicted, strict=True):
        best += 1.0 if want in RELATED else 0.25
        if want == got:
            score += 0.25
            if want in RELATED:
                score += 0.75
        elif want in RELATED and got in RELATED:
            score += 0.25
    return score / best if best else 0.0


def calibration_error(positive: np.ndarray, probability: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error over equal-width probability bins."""
    edges = np.linspace(0, 1, bins + 1)
    which = np.clip(np.digitize(probability, edges) - 1, 0, bins - 1)
    total = 0.0
    for b in range(bins):
        mask = which == b
        if mask.any():
            total += mask.mean() * abs(positive[mask].mean() - probability[mask].mean())
    return float(total)


def task_metrics(labels: list[str], truth: np.ndarray, proba: np.ndarray, predicted: np.ndarray | None = None) -> dict[str, Any]:
    """All metrics for one task from true labels, probabilities and the labels decided."""
    from sklearn.metrics import (
        accuracy_score,
        average_precision_score,
        confusion_matrix,
        f1_score,
        precision_recall_fscore_support,
        roc_auc_score,
    )

    if predicted is None:
        predicted = np.asarray(labels)[proba.argmax(axis=1)]
    predicted = np.asarray(predicted)
    precision, recall, f1, support = precision_recall_fscore_support(truth, predicted, labels=labels, zero_division=0)
    out: dict[str, Any] = {
        "rows": int(len(truth)),
        "accuracy": float(accuracy_score(truth, predicted)),
        "macro_f1": float(f1_score(truth, predicted, labels=labels, average="macro", zero_division=0)),
        "per_class": {label: {"precision": float(p), "recall": float(r), "f1": float(f), "support": int(s)}
                      for label, p, r, f, s in zip(labels, precision, recall, f1, support, strict=True)},  # fmt: skip
        "labels": labels,
        "confusion_matrix": confusion_matrix(truth, predicted, labels=labels).tolist(),
    }
    top = proba.max(axis=1)
    out["calibration_error"] = calibration_error((predicted == truth).astype(float), top)
    if len(labels) == 2 and len(set(truth)) == 2:
        positive = (truth == labels[1]).astype(int)
        score = proba[:, 1]
        out["positive_label"] = labels[1]
        out["roc_auc"] = float(roc_auc_score(positive, score))
        out["average_precision"] = float(average_precision_score(positive, score))
        out["calibration_error_positive"] = calibration_error(positive.astype(float), score)
        sweep = []
        for threshold in np.round(np.arange(0.1, 0.91, 0.1), 2):
            flagged = score >= threshold
            tp = int((flagged & (positive == 1)).sum())
            precision_t = tp / flagged.sum() if flagged.sum() else 0.0
            recall_t = tp / positive.sum() if positive.sum() else 0.0
            f1_t = 2 * precision_t * recall_t / (precision_t + recall_t) if precision_t + recall_t else 0.0
            sweep.append({"threshold": float(threshold), "precision": precision_t, "recall": recall_t,
                          "f1": f1_t, "flagged_share": float(flagged.mean())})  # fmt: skip
        out["threshold_sweep"] = sweep
    if set(labels) == {"agree", "disagree", "discuss", "unrelated"}:
        out["fnc_weighted_score"] = fnc_score(list(truth), list(predicted))
    return out


def evaluate(model: Model, frame: pd.DataFrame) -> tuple[dict[str, Any], dict[str, tuple[list[str], np.ndarray, np.ndarray]]]:
    """Metrics for every task the model has and the data labels; also the raw predictions."""
    from moderation.learn.train import task_rows

    results: dict[str, Any] = {}
    raw: dict[str, tuple[list[str], np.ndarray, np.ndarray]] = {}
    for task in model.tasks:
        if task not in frame.columns or not frame[task].notna().any():
            continue
        rows, _dropped = task_rows(frame, task)
        labels = model.labels(task)
        unknown = sorted(set(rows[task]) - set(labels))
        if unknown:
            raise DataError(f"{task}: labels {unknown} are not among the model's {labels}")
        proba, decided = model.predict(rows, [task])[task]
        truth = rows[task].to_numpy()
        predicted = np.asarray(decided)
        results[task] = task_metrics(labels, truth, proba, predicted)
        raw[task] = (labels, truth, proba, predicted)
    if not results:
        raise DataError(f"the data labels none of the model's tasks ({', '.join(model.tasks)})")
    return results, raw


ACTED_ON = {"civility": "uncivil", "constructive": "constructive", "threat": "threat", "spam": "spam"}
"""The label a newsroom acts on, per two-label task: its precision-recall curve is drawn."""
POLICY_SETTING = {"civility": "civility_hold", "threat": "threat_hold", "spam": "spam_hold", "constructive": "feature_threshold"}
"""The policy setting a suggested threshold is for."""
MARKED_THRESHOLDS = (0.5, 0.9)


def _save(figure: Any, path: Path) -> Path:
    import matplotlib.pyplot as plt

    temporary = path.with_name(f".{path.name}.tmp")
    figure.savefig(temporary, dpi=110, format="png")
    plt.close(figure)
    temporary.replace(path)
    return path


def suggest_threshold(positive: np.ndarray, probability: np.ndarray, precision: float) -> tuple[float, float, float] | None:
    """The lowest threshold whose precision on these rows reaches `precision`: (threshold,
    its precision, its recall), or None when no threshold does (as spaCy's find-threshold)."""
    from sklearn.metrics import precision_recall_curve

    precisions, recalls, thresholds = precision_recall_curve(positive, probability)
    for value, hit, caught in zip(thresholds, precisions[:-1], recalls[:-1], strict=True):
        if hit >= precision:
            return float(value), float(hit), float(caught)
    return None


def write_report(results: dict[str, Any], raw: dict[str, Any], directory: Path, model_id: str,
                 target_precision: float | None = None) -> list[Path]:  # fmt: skip
    """metrics.json, report.md and PNG plots per task: the confusion matrix, precision-recall
    (of the label a newsroom acts on, with its average precision and the thresholds 0.5
    and 0.9 marked; per class for stance) and reliability (each point with how many
    comments it rests on). With `target_precision`, the thresholds that reach it, also as
    a `policy-suggestion.toml` fragment."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from sklearn.metrics import average_precision_score, precision_recall_curve

    from moderation.io.output import atomic_open

    directory.mkdir(parents=True, exist_ok=True)
    written = []
    lines = [f"# Evaluation of {model_id}", ""]
    suggestions: dict[str, float] = {}
    for task, metrics in results.items():
        labels, truth, proba, predicted = raw[task]
        lines += [f"## {task}", "", f"- rows: {metrics['rows']}", f"- accuracy: {metrics['accuracy']:.3f}",
                  f"- macro-F1: {metrics['macro_f1']:.3f}", f"- calibration error: {metrics['calibration_error']:.3f}"]  # fmt: skip
        for key in ("roc_auc", "average_precision", "fnc_weighted_score"):
            if key in metrics:
                lines.append(f"- {key.replace('_', ' ')}: {metrics[key]:.3f}")
        lines += ["", "| class | precision | recall | F1 | support |", "|---|---|---|---|---|"]
        for label, values in metrics["per_class"].items():
            lines.append(f"| {label} | {values['precision']:.3f} | {values['recall']:.3f} | {values['f1']:.3f} | {values['support']} |")
        figure, axis = plt.subplots(figsize=(5, 4.5), constrained_layout=True)
        matrix = np.asarray(metrics["confusion_matrix"])
        axis.imshow(matrix, cmap="Blues")
        axis.set_xticks(range(len(labels)), labels, rotation=45, ha="right")
        axis.set_yticks(range(len(labels)), labels)
        for (i, j), value in np.ndenumerate(matrix):
            axis.text(j, i, str(value), ha="center", va="center", fontsize=8)
        axis.set_xlabel("predicted")
        axis.set_ylabel("true")
        axis.set_title(f"{task}: confusion matrix", fontsize=10)
        written.append(_save(figure, directory / f"{task}_confusion.png"))
        plots = [f"![confusion matrix]({task}_confusion.png)"]
        figure, axis = plt.subplots(figsize=(5, 4.5), constrained_layout=True)
        acted = [ACTED_ON.get(task, labels[-1])] if len(labels) == 2 else list(labels)
        for label in acted:
            positive = (truth == label).astype(int)
            column = labels.index(label)
            if positive.min() == positive.max():
                continue
            precision, recall, thresholds = precision_recall_curve(positive, proba[:, column])
            axis.plot(recall, precision, label=f"{label} (AP {average_precision_score(positive, proba[:, column]):.2f})")
            if len(labels) == 2:
                for mark in MARKED_THRESHOLDS:
                    at = int(np.searchsorted(thresholds, mark))
                    if at < len(thresholds):
                        axis.scatter([recall[at]], [precision[at]], zorder=3)
                        axis.annotate(f"{mark}", (recall[at], precision[at]), textcoords="offset points", xytext=(4, 4), fontsize=8)
                if target_precision is not None:
                    found = suggest_threshold(positive, proba[:, column], target_precision)
                    if found is None:
                        lines.append(f"- no threshold reaches precision {target_precision} for {label}")
                    else:
                        lines.append(f"- threshold for precision {target_precision} on {label}: {found[0]:.3f} "
                                     f"(precision {found[1]:.3f}, recall {found[2]:.3f})")  # fmt: skip
                        if task in POLICY_SETTING:
                            suggestions[POLICY_SETTING[task]] = round(found[0], 3)
        axis.set_xlabel("recall")
        axis.set_ylabel("precision")
        axis.set_xlim(0, 1.02)
        axis.set_ylim(0, 1.02)
        axis.set_title(f"{task}: precision-recall" + (" (thresholds marked)" if len(labels) == 2 else ", per class"), fontsize=10)
        axis.legend(fontsize=8, loc="lower left")
        written.append(_save(figure, directory / f"{task}_pr.png"))
        plots.append(f"![precision-recall]({task}_pr.png)")
        if len(labels) == 2:
            label = ACTED_ON.get(task, labels[-1])
            series = (label, (truth == label).astype(float), proba[:, labels.index(label)])
        else:
            series = ("top label", (predicted == truth).astype(float), proba.max(axis=1))
        figure, axis = plt.subplots(figsize=(5, 4.5), constrained_layout=True)
        name, outcome, probability = series
        which = np.clip(np.digitize(probability, np.linspace(0, 1, 11)) - 1, 0, 9)
        bins = [b for b in range(10) if (which == b).any()]
        xs = [probability[which == b].mean() for b in bins]
        ys = [outcome[which == b].mean() for b in bins]
        axis.plot(xs, ys, marker="o", label=name)
        for x, y, b in zip(xs, ys, bins, strict=True):
            axis.annotate(str(int((which == b).sum())), (x, y), textcoords="offset points", xytext=(4, -10), fontsize=7)
        axis.plot([0, 1], [0, 1], linestyle="--", color="grey")
        axis.set_xlabel("predicted probability")
        axis.set_ylabel("observed frequency")
        axis.set_title(f"{task}: reliability (comments per point)", fontsize=10)
        axis.legend(fontsize=8)
        written.append(_save(figure, directory / f"{task}_reliability.png"))
        plots.append(f"![reliability]({task}_reliability.png)")
        lines += ["", *plots, ""]
    with atomic_open(directory / "metrics.json", force=True) as stream:
        stream.write(json.dumps({"model": model_id, "tasks": results, "suggested_thresholds": suggestions}, indent=2) + "\n")
    with atomic_open(directory / "report.md", force=True) as stream:
        stream.write("\n".join(lines) + "\n")
    written += [directory / "metrics.json", directory / "report.md"]
    if suggestions:
        with atomic_open(directory / "policy-suggestion.toml", force=True) as stream:
            stream.write(f"# Thresholds reaching precision {target_precision} on the evaluated rows ({model_id}).\n")
            stream.writelines(f"{name} = {value}\n" for name, value in suggestions.items())
        written.append(directory / "policy-suggestion.toml")
    return written


def training_overlap(meta: dict[str, Any], frame: pd.DataFrame, model_path: Path | None = None) -> tuple[int | None, str]:
    """How many of `frame`'s texts the model was trained on, read from the training files
    its metadata names when they are here and unchanged (sha256); (None, why) when they
    cannot be checked. Figures on training rows are not held-out figures."""
    from moderation.io.files import sha256
    from moderation.io.tables import read_table

    seen: set[str] = set()
    for item in meta.get("training_files", []):
        path = Path(item["path"])
        if not path.is_file() and not path.is_absolute() and model_path is not None:
            path = Path(model_path).resolve().parents[1] / path  # made by `make model` in the checkout
        if not path.is_file():
            return None, f"its training file {path} is not here"
        if sha256(path) != item["sha256"]:
            return None, f"its training file {path} changed since"
        seen.update(str(text) for text in read_table(path)["text"].dropna())
    if not meta.get("training_files"):
        return None, "the model names no training files"
    return int(frame["text"].astype(str).isin(seen).sum()), ""


def changed_decisions(first: Model, second: Model, frame: pd.DataFrame, task: str = "civility") -> list[dict[str, Any]]:
    """The rows whose predicted `task` label differs between two models, with both
    labels and probabilities: what adopting the second would change."""
    one, two = first.predict(frame, [task])[task], second.predict(frame, [task])[task]
    labels = first.labels(task)
    out = []
    for index, (a, b) in enumerate(zip(one[1], two[1], strict=True)):
        if a != b:
            out.append({"row": index, "text": str(frame["text"].iloc[index])[:200], "first": str(a), "second": str(b),
                        "first_p": round(float(one[0][index].max()), 3), "second_p": round(float(two[0][index].max()), 3),
                        "truth": frame[task].iloc[index] if task in frame.columns else None, "labels": labels})  # fmt: skip
    return out
