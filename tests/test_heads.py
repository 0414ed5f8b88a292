"""The fast inference path equals scikit-learn's own, on the shipped model."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import ROOT, SEEDS

from moderation import heads
from moderation import model as bundle
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
    pipeline = bundle.load(ROOT / "models" / "default").heads[task]
    matrix = heads.transform(pipeline, comments)
    reference = pipeline[:-1].transform(comments)
    np.testing.assert_allclose(matrix.toarray(), reference.toarray(), rtol=0, atol=1e-7)
    proba, labels = heads.predict(pipeline, matrix)
    np.testing.assert_allclose(proba, pipeline.predict_proba(comments), rtol=0, atol=1e-9)
    np.testing.assert_array_equal(labels, heads.linear_model(pipeline).predict(reference))
    # Block by block, without joining the blocks: the same up to float rounding.
    blocks = pipeline.named_steps["features"].transform_blocks(comments)
    by_blocks, block_labels = heads.predict(pipeline, decision_values=heads.decision(pipeline, blocks, heads.block_weights(pipeline)))
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
