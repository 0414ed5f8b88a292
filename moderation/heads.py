"""One scikit-learn Pipeline per task: features and a calibrated linear model together.

Linear models keep every score explainable as a sum of word weights, train in seconds on
two cores, and score thousands of comments per second; sigmoid calibration on top makes
the probabilities mean what they say, so thresholds in a site's policy are meaningful.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer

from moderation import features

RANDOM_STATE = 13


def _words(max_features: int) -> TfidfVectorizer:
    return TfidfVectorizer(analyzer=features.word_ngrams, min_df=2, max_df=0.9, max_features=max_features,
                           sublinear_tf=True, dtype=np.float32)  # fmt: skip


def _chars(max_features: int) -> TfidfVectorizer:
    return TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=3, max_features=max_features,
                           sublinear_tf=True, dtype=np.float32)  # fmt: skip


def _text_part(name: str, vectorizer: TfidfVectorizer, reader: Any = features.comment_text) -> tuple[str, Pipeline]:
    return name, Pipeline([("text", FunctionTransformer(reader)), ("tfidf", vectorizer)])


def feature_union(task: str) -> FeatureUnion:
    """The features each task reads (see `features.py` for what each part means)."""
    if task == "civility":
        parts = [_text_part("words", _words(60_000)), _text_part("chars", _chars(120_000)),
                 ("shape", FunctionTransformer(features.shape_features))]  # fmt: skip
    elif task == "constructive":
        parts = [_text_part("words", _words(40_000)), ("shape", FunctionTransformer(features.shape_features))]
    elif task == "stance":
        parts = [_text_part("words", _words(40_000), features.comment_lead),
                 ("pair", FunctionTransformer(features.pair_features))]  # fmt: skip
    else:
        parts = [_text_part("words", _words(50_000)), _text_part("chars", _chars(80_000))]
    return FeatureUnion(parts)


def classifier(C: float) -> CalibratedClassifierCV:
    """Balanced logistic regression, sigmoid-calibrated on held-out folds of the training data."""
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=3000, random_state=RANDOM_STATE)
    return CalibratedClassifierCV(model, method="sigmoid", cv=3, ensemble=False, n_jobs=-1)


def linear_model(pipeline: Pipeline) -> LogisticRegression:
    """The fitted logistic regression inside a calibrated head, for its weights."""
    calibrated = pipeline.named_steps["model"]
    return calibrated.calibrated_classifiers_[0].estimator


def feature_names(pipeline: Pipeline) -> np.ndarray:
    """Readable names for every column the features step produces."""
    names: list[str] = []
    for name, part in pipeline.named_steps["features"].transformer_list:
        if isinstance(part, Pipeline):
            vocabulary = part.named_steps["tfidf"].get_feature_names_out()
            names.extend(f"'{term}'" if name == "chars" else term for term in vocabulary)
        elif name == "pair":
            names.extend(f"[{feature}]" for feature in features.PAIR_FEATURES)
        elif name == "shape":
            names.extend(f"[{feature}]" for feature in features.SHAPE_FEATURES)
    return np.asarray(names, dtype=object)


def transform(pipeline: Pipeline, frame: Any) -> Any:
    """The features step's output, computed part by part.

    Equal to `pipeline.named_steps["features"].transform(frame)`, without FeatureUnion's
    per-call job dispatch, which costs more than the features of one short comment.
    """
    from scipy import sparse

    blocks = [part.transform(frame) for _name, part in pipeline.named_steps["features"].transformer_list]
    return sparse.hstack([block if sparse.issparse(block) else sparse.csr_matrix(block) for block in blocks], format="csr")


def predict(pipeline: Pipeline, matrix: Any) -> tuple[np.ndarray, np.ndarray]:
    """Calibrated probabilities (in `classes_` order) and the balanced model's labels.

    The arithmetic of `CalibratedClassifierCV(method="sigmoid", ensemble=False)`, done
    directly on the fitted linear model and sigmoid calibrators: a linear model's
    decision is one sparse product, and sklearn's input checks around it cost ten times
    that for a single comment. `tests/test_heads.py` holds it equal to sklearn's own
    `predict_proba`; loading refuses a model from another scikit-learn version.
    """
    from scipy.special import expit

    calibrated = pipeline.named_steps["model"].calibrated_classifiers_[0]
    model = calibrated.estimator
    decision = np.asarray(matrix @ model.coef_.T) + model.intercept_
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


def compact(pipeline: Pipeline) -> Pipeline:
    """Store vocabularies with plain ints: NumPy integer values make a pickled vocabulary
    of 250,000 terms take three times as long to load, which the pre-publish check pays."""
    for _name, part in pipeline.named_steps["features"].transformer_list:
        if isinstance(part, Pipeline):
            vectorizer = part.named_steps["tfidf"]
            vectorizer.vocabulary_ = {term: int(index) for term, index in vectorizer.vocabulary_.items()}
    return pipeline


def explain(pipeline: Pipeline, frame: Any, top: int = 8, matrix: Any = None) -> list[dict[str, list[tuple[str, float]]]]:
    """Per row, per label: the features that pushed that label's score up or down most.

    Each contribution is the feature value times the model's weight for the label (for a
    two-class head the second label's weights, negated for the first), in log-odds.
    Pass `matrix` when the features are already computed.
    """
    if matrix is None:
        matrix = pipeline.named_steps["features"].transform(frame)
    matrix = matrix.tocsr()
    model = linear_model(pipeline)
    names = getattr(pipeline, "_feature_names_cache", None)
    if names is None:
        names = feature_names(pipeline)
        pipeline._feature_names_cache = names
    classes = list(model.classes_)
    coef = model.coef_
    if coef.shape[0] == 1:
        coef = np.vstack([-coef[0], coef[0]])
    results = []
    for row in range(matrix.shape[0]):
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        columns, values = matrix.indices[start:end], matrix.data[start:end]
        per_label = {}
        for k, label in enumerate(classes):
            contributions = values * coef[k, columns]
            order = np.argsort(-np.abs(contributions))[:top]
            per_label[str(label)] = [(str(names[columns[i]]), round(float(contributions[i]), 4))
                                     for i in order if contributions[i] != 0]  # fmt: skip
        results.append(per_label)
    return results
