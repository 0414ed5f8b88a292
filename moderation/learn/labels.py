"""A head's label, read off its probabilities: the one rule `predicted` follows, so that a
label never contradicts the scores printed beside it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from moderation.learn.scorer import TwoStage

UNRELATED = "unrelated"
"""The stance label of a comment that is not about its article (`stance.RelatedFirst`)."""


def decide(labels: list[str], info: dict[str, Any], proba: Any, stages: TwoStage | None = None) -> list[str]:
    """Each row's label from its probabilities (in `labels(task)` order): for two
    labels, the second when its probability reaches the task's threshold; for more,
    the label most raised above its base rate (probability divided by the label's
    share of the training rows); and a two-stage head (stance) in its two steps:
    "unrelated" when P(related) is below the probability its calibration gives at
    the first stage's boundary, else the related label highest above its own
    boundary value. Calibrated probabilities keep the training priors, so a plain
    argmax would bury the rare stances under "unrelated"; the boundaries are where
    the class-balanced stages, which the cross-validation chose, change their mind."""
    if len(labels) == 2:
        threshold = info.get("threshold") or 0.5
        return [labels[1] if p >= threshold else labels[0] for p in proba[:, 1].tolist()]
    counts = info.get("class_counts") or {}
    shares = np.asarray([counts.get(label, 0) for label in labels], dtype=float)
    shares = shares / shares.sum() if shares.sum() > 0 else np.full(len(labels), 1 / len(labels))
    lift = proba / np.maximum(shares, 1e-9)
    boundary = boundaries(stages) if UNRELATED in labels else None
    if boundary is None:
        return [labels[i] for i in lift.argmax(axis=1).tolist()]
    # Stance decides as its two stages do: first whether the comment is about the
    # article at all, then which way it leans, each against the probability its
    # calibration gives where the class-balanced stage is undecided.
    related_at, leaning_at = boundary
    unrelated = labels.index(UNRELATED)
    others = [i for i in range(len(labels)) if i != unrelated]
    is_unrelated = 1.0 - proba[:, unrelated] < related_at
    related = proba[:, others]
    if leaning_at is None:
        leaning = np.asarray(others)[related.argmax(axis=1)]
    elif len(others) == 2:
        share = related[:, 1] / np.maximum(related.sum(axis=1), 1e-12)
        leaning = np.where(share >= leaning_at[0], others[1], others[0])
    else:
        leaning = np.asarray(others)[(related / np.asarray(leaning_at)).argmax(axis=1)]
    return [labels[i] for i in np.where(is_unrelated, unrelated, leaning).tolist()]


def boundaries(stages: TwoStage | None) -> tuple[float, list[float] | None] | None:
    """For a two-stage head: the calibrated P(related) at the first stage's zero
    decision, and each related label's calibrated value at the second stage's zero
    decision (one value, the second label's share, when two labels are related)."""
    from scipy.special import expit

    if stages is None or stages.related is None:
        return None
    related_at = float(expit(-stages.related[0][1]))
    leaning_at = None if stages.stance is None else [float(expit(-b)) for _a, b in stages.stance]
    return related_at, leaning_at
