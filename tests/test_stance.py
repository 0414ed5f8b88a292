"""The two-stage stance model: its arithmetic is scikit-learn's, stage by stage."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse
from sklearn.base import clone

from moderation.learn.stance import RelatedFirst

RELATED_COLUMNS = np.arange(20, 24)


def pairs(rows: int = 1200, seed: int = 0) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Columns 0-19 stand for a comment's words, 20-23 for its overlap with the article:
    relatedness follows the overlap, the stance among related rows follows the words."""
    generator = np.random.default_rng(seed)
    words = generator.random((rows, 20)) * (generator.random((rows, 20)) < 0.3)
    overlap = generator.random((rows, 4))
    related = overlap[:, 0] + overlap[:, 1] + 0.3 * generator.standard_normal(rows) > 1.0
    lean = np.asarray(["agree", "disagree", "discuss"])[np.argmax(words[:, :3] + 0.2 * generator.random((rows, 3)), axis=1)]
    labels = np.where(related, lean, "unrelated")
    return sparse.csr_matrix(np.hstack([words, overlap])), labels


@pytest.fixture(scope="module")
def fitted() -> tuple[RelatedFirst, sparse.csr_matrix, np.ndarray]:
    X, y = pairs()
    return RelatedFirst(RELATED_COLUMNS, C=2.0).fit(X, y), X, y


def test_probabilities_are_the_stages_own(fitted):
    model, X, _y = fitted
    p_related = model.related_.predict_proba(X[:, RELATED_COLUMNS])[:, list(model.related_.classes_).index(True)]
    expected = np.zeros((X.shape[0], 4))
    expected[:, 3] = 1 - p_related
    expected[:, :3] = model.stance_.predict_proba(X) * p_related[:, None]
    assert list(model.classes_) == ["agree", "disagree", "discuss", "unrelated"]
    np.testing.assert_allclose(model.predict_proba(X), expected, rtol=0, atol=1e-12)
    np.testing.assert_allclose(model.predict_proba(X).sum(axis=1), 1.0)


def test_the_first_stage_reads_only_the_related_columns(fitted):
    model, _X, _y = fitted
    unrelated = list(model.classes_).index("unrelated")
    others = np.setdiff1d(np.arange(24), RELATED_COLUMNS)
    assert np.all(model.coef_[unrelated, others] == 0)
    assert np.any(model.coef_[unrelated, RELATED_COLUMNS] != 0)


def test_labels_come_from_the_balanced_stages(fitted):
    model, X, y = fitted
    labels = model.predict(X)
    first = model.related_.calibrated_classifiers_[0].estimator.predict(X[:, RELATED_COLUMNS])
    assert np.array_equal(labels == "unrelated", ~first)
    held_X, held_y = pairs(seed=1)
    assert np.mean(model.predict(held_X) == held_y) > 0.6


def test_uncalibrated_copy_fits_and_ranks_like_the_calibrated_one(fitted):
    model, X, y = fitted
    bare = clone(model).set_params(calibrate=False).fit(X, y)
    np.testing.assert_allclose(bare.predict_proba(X).sum(axis=1), 1.0)
    assert np.mean(bare.predict(X) == model.predict(X)) > 0.95


def test_refuses_labels_without_unrelated():
    X, y = pairs()
    with pytest.raises(ValueError, match="unrelated"):
        RelatedFirst(RELATED_COLUMNS).fit(X, np.where(y == "unrelated", "discuss", y))


def test_stages_fitted_elsewhere_join_into_the_same_model(fitted):
    model, X, _y = fitted
    joined = RelatedFirst.from_stages(RELATED_COLUMNS, model.related_, model.stance_, X.shape[1])
    assert list(joined.classes_) == list(model.classes_)
    np.testing.assert_array_equal(joined.coef_, model.coef_)
    np.testing.assert_allclose(joined.predict_proba(X), model.predict_proba(X), rtol=0, atol=0)


def test_two_related_labels_use_a_two_class_second_stage():
    X, y = pairs()
    y = np.where(y == "discuss", "agree", y)
    model = RelatedFirst(RELATED_COLUMNS).fit(X, y)
    assert list(model.classes_) == ["agree", "disagree", "unrelated"]
    p_related = model.related_.predict_proba(X[:, RELATED_COLUMNS])[:, 1]
    expected = np.column_stack([model.stance_.predict_proba(X) * p_related[:, None], 1 - p_related])
    np.testing.assert_allclose(model.predict_proba(X), expected, rtol=0, atol=1e-12)
    second = model.stance_.calibrated_classifiers_[0].estimator.predict(X)
    related = model.predict(X) != "unrelated"
    assert np.array_equal(model.predict(X)[related], second[related])


def test_one_related_label_takes_all_the_related_probability():
    X, y = pairs()
    model = RelatedFirst(RELATED_COLUMNS).fit(X, np.where(y == "unrelated", y, "discuss"))
    proba = model.predict_proba(X)
    assert list(model.classes_) == ["discuss", "unrelated"] and model.stance_ is None
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert set(model.predict(X)) == {"discuss", "unrelated"}
