"""Text normalisation against obfuscation, and the comment-versus-article features."""

from __future__ import annotations

import pandas as pd
import pytest

from moderation import features


@pytest.mark.parametrize(
    ("obfuscated", "plain"),
    [
        ("i d i o t", "idiot"),
        ("i.d.i.o.t", "idiot"),
        ("id\u200biot", "idiot"),
        ("1d10t", "idiot"),
        ("st00pid", "stoopid"),
        ("stuuuuupid", "stuupid"),
        ("ＩＤＩＯＴ", "idiot"),
    ],
)
def test_normalize_undoes_obfuscation(obfuscated, plain):
    assert features.normalize(obfuscated) == plain


def test_normalize_leaves_ordinary_numbers_alone():
    assert features.normalize("The 2024 budget rose 15%") == "the 2024 budget rose 15%"


def test_pair_features_separate_related_from_unrelated_comments():
    frame = pd.DataFrame({
        "text": ["The ferry timetable cut will hurt commuters who rely on the harbour ferry.",
                 "My cat likes sleeping in the sun all afternoon."],
        "article_title": ["Harbour ferry timetable cut from May"] * 2,
    })  # fmt: skip
    rows = features.pair_features(frame)
    overlap = features.PAIR_FEATURES.index("overlap_title_share")
    assert rows[0, overlap] > 0.5 > rows[1, overlap]


def test_refuting_words_are_counted():
    frame = pd.DataFrame({"text": ["This is false, a hoax, and I deny it."], "article_title": ["Claim"]})
    assert features.pair_features(frame)[0, features.PAIR_FEATURES.index("refuting_rate")] > 0


def test_features_accept_missing_and_empty_values():
    frame = pd.DataFrame({"text": ["", None, float("nan")]})
    assert features.shape_features(frame).shape == (3, len(features.SHAPE_FEATURES))
    assert features.pair_features(frame).shape == (3, len(features.PAIR_FEATURES))
    assert features.comment_text(frame) == ["", "", ""]


def test_a_megabyte_comment_is_read_only_up_to_the_cap():
    frame = pd.DataFrame({"text": ["word " * 200_000]})
    assert len(features.comment_text(frame)[0]) <= features.MAX_CHARS
