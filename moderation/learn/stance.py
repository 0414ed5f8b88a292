"""Stance as two decisions: is the comment about the article at all, then which way it leans.

One four-way linear model reads "unrelated" off the same words as "agree": a comment's
own words say little about whether it is about *this* article (on ARC every post appears
both with its own claim and with another one), so the word weights fit the training
claims' topics, and on a new article the unrelated class drowns. Splitting the decision
lets the first stage read only the comment-article features (overlap, shared grams), and
the second stage learn agree / disagree / discuss from related pairs only. On ARC claims
held out from training this lifts macro-F1 from 0.35 to 0.43 (`benchmarks/quality.py`).

Both stages stay linear, so the head keeps the shape the rest of the code relies on:
`coef_` has one row per class in `classes_` order (the unrelated row is the first stage's
weights negated, the others the second stage's), a decision is one sparse product, and an
explanation is a sum of feature weights.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin

if TYPE_CHECKING:
    from moderation.learn.scorer import TwoStage

from moderation.learn.labels import UNRELATED


class RelatedFirst(ClassifierMixin, BaseEstimator):
    """P(unrelated) from a calibrated model on `related_columns`; the other labels share
    the rest, in the proportions a calibrated model fitted on related rows gives them.

    `calibrate=False` skips the sigmoid calibration (three fits more per stage), for the
    cross-validation that only compares regularisation strengths.
    """

    def __init__(self, related_columns: Any = None, C: float = 1.0, related_C: float = 1.0,
                 calibrate: bool = True, random_state: int = 13) -> None:  # fmt: skip
        self.related_columns = related_columns
        self.C = C
        self.related_C = related_C
        self.calibrate = calibrate
        self.random_state = random_state

    def fit(self, X: Any, y: Any, sample_weight: Any = None) -> RelatedFirst:
        """Fit the relatedness stage on every row and the stance stage on related rows."""
        y = np.asarray(y).astype(str)
        self.classes_ = np.asarray(sorted(set(y)))
        if UNRELATED not in self.classes_ or len(self.classes_) < 2:
            raise ValueError(f"RelatedFirst needs {UNRELATED!r} and at least one other label, got {list(self.classes_)}")
        weights = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        columns = self._related_columns(X.shape[1])
        related = y != UNRELATED
        self.related_ = self._model(self.related_C).fit(X[:, columns], related, sample_weight=weights)
        # One related label (a small fold, say) leaves nothing to choose: it takes it all.
        self.stance_ = self._model(self.C).fit(X[related], y[related], sample_weight=weights[related]) \
            if len(self.classes_) > 2 else None  # fmt: skip
        return self._join(X.shape[1])

    @classmethod
    def from_stages(cls, related_columns: Any, related: Any, stance: Any, n_features: int) -> RelatedFirst:
        """The model of two stages fitted elsewhere (out-of-core training fits them by
        `partial_fit`): `related` on the related columns with labels False / True,
        `stance` on related rows with the other labels."""
        model = cls(related_columns)
        model.classes_ = np.asarray(sorted([UNRELATED, *map(str, _linear(stance).classes_)]))
        model.related_, model.stance_ = related, stance
        return model._join(n_features)

    def _join(self, n_features: int) -> RelatedFirst:
        """Both stages' weights as one `coef_` / `intercept_`, a row per class."""
        columns = self._related_columns(n_features)
        first = _linear(self.related_)
        second = None if self.stance_ is None else _linear(self.stance_)
        self.coef_ = np.zeros((len(self.classes_), n_features))
        self.intercept_ = np.zeros(len(self.classes_))
        unrelated = self._unrelated_index()
        self.coef_[unrelated, columns] = -first.coef_[0]
        self.intercept_[unrelated] = -first.intercept_[0]
        if second is None:
            return self
        coef, intercept = second.coef_, second.intercept_
        if len(second.classes_) == 2:
            # A two-class model has one row, for its second class: the first gets its negation.
            coef, intercept = np.vstack([-coef[0], coef[0]]), np.asarray([-intercept[0], intercept[0]])
        for index, label in enumerate(second.classes_):
            where = list(self.classes_).index(str(label))
            self.coef_[where] = coef[index]
            self.intercept_[where] = intercept[index]
        return self

    def decision_function(self, X: Any) -> np.ndarray:
        return np.asarray(X @ self.coef_.T) + self.intercept_

    def predict_proba(self, X: Any) -> np.ndarray:
        return self.proba_from_decision(self.decision_function(X))

    def predict(self, X: Any) -> np.ndarray:
        return self.labels_from_decision(self.decision_function(X))

    def proba_from_decision(self, decision: np.ndarray) -> np.ndarray:
        """Probabilities (in `classes_` order) from `decision_function`'s values."""
        from moderation.learn.scorer import two_stage_proba

        return two_stage_proba(self.stages(), decision)

    def labels_from_decision(self, decision: np.ndarray) -> np.ndarray:
        """The class-balanced stages' choice: unrelated when the first stage says so,
        otherwise the second stage's strongest label."""
        from moderation.learn.scorer import two_stage_labels

        return two_stage_labels(self.classes_, self._unrelated_index(), decision)

    def stages(self) -> TwoStage:
        """Both stages' calibration, as scoring reads it (`scorer.TwoStage`)."""
        from moderation.learn.scorer import TwoStage, sigmoids_of

        stance = None if self.stance_ is None else sigmoids_of(self.stance_)
        return TwoStage(self._unrelated_index(), sigmoids_of(self.related_), stance, self.stance_ is not None)

    def _unrelated_index(self) -> int:
        return list(self.classes_).index(UNRELATED)

    def _related_columns(self, n_features: int) -> np.ndarray:
        if self.related_columns is None:
            return np.arange(n_features)
        return np.asarray(self.related_columns, dtype=np.int64)

    def _model(self, C: float) -> Any:
        from sklearn.calibration import CalibratedClassifierCV
        from sklearn.linear_model import LogisticRegression

        model = LogisticRegression(C=C, class_weight="balanced", max_iter=3000, random_state=self.random_state)
        if not self.calibrate:
            return model
        return CalibratedClassifierCV(model, method="sigmoid", cv=3, ensemble=False)


def _linear(model: Any) -> Any:
    """The logistic regression inside a stage, calibrated or not."""
    return model.calibrated_classifiers_[0].estimator if hasattr(model, "calibrated_classifiers_") else model
