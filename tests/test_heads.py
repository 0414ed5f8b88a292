"""The fast inference path equals scikit-learn's own, on the shipped model: the heads as
scoring reads them (`scorer.HeadScorer`, from the bundle's scoring file) against the
fitted pipelines."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import ROOT, SEEDS

from moderation.learn import heads
from moderation.learn import bundle
from moderation.learn import scorer
from moderation.parse import parse_file


@pytest.fixture(scope="module")
def comments() -> pd.DataFrame:
    page = parse_file(SEEDS / "004_8629efe3ccf50487.txt")
    texts = [c.text for c in page.comments] + [
        "You are a brainless moron.", "", "Nope", "FAKE NEWS!!! total hoax, nothing of the sort happened",
        "I agree completely with the council, the plan is sensible and overdue.", "x" * 3000,
    ]  # fmt: skip
    return pd.DataFrame({"text": texts, "article_title": [page.article.title] * len(texts)})


@pytest.mark.parametrize("task", ["civility", "stance", "constructive"])
def test_fast_path_equals_sklearn(comments, task):
    loaded = bundle.load(ROOT / "models" / "default")
    pipeline, head = loaded.heads[task], loaded.scorers[task]
    matrix = heads.transform(pipeline, comments)
    reference = pipeline[:-1].transform(comments)
    np.testing.assert_allclose(matrix.toarray(), reference.toarray(), rtol=0, atol=1e-7)
    proba, labels = scorer.predict(head, np.asarray(matrix @ head.coef.T) + head.intercept)
    np.testing.assert_allclose(proba, pipeline.predict_proba(comments), rtol=0, atol=1e-9)
    np.testing.assert_array_equal(labels, heads.linear_model(pipeline).predict(reference))
    assert head.classes == [str(label) for label in pipeline.classes_]
    # Block by block, without joining the blocks: the same up to float rounding.
    blocks = head.features.transform_blocks(comments)
    by_blocks, block_labels = scorer.predict(head, scorer.decision(head, blocks, scorer.block_weights(head)))
    np.testing.assert_allclose(by_blocks, proba, rtol=0, atol=1e-6)
    np.testing.assert_array_equal(block_labels, labels)


def test_scoring_in_slices_gives_the_same_answers(comments, monkeypatch):
    loaded = bundle.load(ROOT / "models" / "default")
    whole, whole_reasons = loaded.predict_explained(comments)
    monkeypatch.setattr(bundle, "SLICE_ROWS", 3)
    sliced, sliced_reasons = loaded.predict_explained(comments)
    for task in whole:
        np.testing.assert_allclose(sliced[task][0], whole[task][0], rtol=0, atol=1e-12)
        assert sliced[task][1] == whole[task][1]
    assert sliced_reasons == whole_reasons


@pytest.mark.parametrize("task", ["civility", "stance", "constructive"])
def test_explanations_add_up_to_the_decision_strongest_first(comments, task, monkeypatch):
    """With nothing left out, a row's contributions for a label sum to the linear model's
    decision for it, less the intercept (for two classes, the second label's, negated for
    the first); shown strongest first, and the top ones are the strongest."""
    monkeypatch.setattr(scorer, "MIN_SHARE", 0.0)
    loaded = bundle.load(ROOT / "models" / "default")
    pipeline, head = loaded.heads[task], loaded.scorers[task]
    model = heads.linear_model(pipeline)
    decision = np.asarray(heads.transform(pipeline, comments) @ model.coef_.T) + model.intercept_
    classes = [str(label) for label in model.classes_]
    full = scorer.explain(head, comments, top=1_000_000)
    top = scorer.explain(head, comments, top=3)
    for row in range(len(comments)):
        for index, label in enumerate(classes):
            if len(classes) == 2:
                expected = (decision[row, 0] - model.intercept_[0]) * (1 if index == 1 else -1)
            else:
                expected = decision[row, index] - model.intercept_[index]
            pairs = full[row][label]
            assert sum(weight for _name, weight in pairs) == pytest.approx(expected, abs=1e-3 + 1e-4 * len(pairs))
            strengths = [abs(weight) for _name, weight in pairs]
            assert strengths == sorted(strengths, reverse=True)
            assert top[row][label] == pairs[:3]


def test_a_word_never_seen_is_explained_by_its_spelling(monkeypatch):
    """Tokens new to the model come after the model's own in an explanation's features;
    their names and weights are the batch's, beside the cached ones of known tokens."""
    monkeypatch.setattr(scorer, "MIN_SHARE", 0.0)
    model = bundle.load(ROOT / "models" / "default")
    frame = pd.DataFrame({"text": ["you total zzidiotzz, and a qqmoronqq too"]})
    full = scorer.explain(model.scorers["civility"], frame, top=1_000_000)
    names = [name for pairs in full[0].values() for name, _weight in pairs]
    assert "'zzidiotzz'" in names and "'qqmoronqq'" in names and "'total'" in names
    # The model's cached table explains the same way.
    cached = model.predict_explained(frame, ["civility"], explain_top=1_000_000, explain_all=True)[1][0]["civility"]
    assert cached == full[0]
