"""The policy registry and the character counts the length rules use."""

from __future__ import annotations

import pytest

from moderation.policy import SETTINGS, PolicyError, load_policy, make_policy, substantive_length, visible_length


def test_every_setting_has_help_and_a_valid_default():
    for setting in SETTINGS.values():
        assert setting.help.strip()
    assert make_policy({}).values == {name: s.default for name, s in SETTINGS.items()}


def test_unknown_keys_and_out_of_range_values_are_named(tmp_path):
    with pytest.raises(PolicyError, match="unknown policy setting.*min_charz"):
        make_policy({"min_charz": 10})
    with pytest.raises(PolicyError, match="shouting_share = 1.5 is out of range"):
        make_policy({"shouting_share": 1.5})
    with pytest.raises(PolicyError, match="min_chars must be a whole number"):
        make_policy({"min_chars": 2.5})
    bad = tmp_path / "policy.toml"
    bad.write_text("min_chars = [")
    with pytest.raises(PolicyError, match="not valid TOML"):
        load_policy(bad)


def test_policy_file_overrides_defaults_and_changes_the_hash(tmp_path):
    path = tmp_path / "policy.toml"
    path.write_text('min_chars = 20\nbanned_terms = ["spamword"]\n')
    policy = load_policy(path)
    assert policy["min_chars"] == 20 and policy["banned_terms"] == ["spamword"]
    assert policy.hash != load_policy(None).hash


@pytest.mark.parametrize("length", [49, 50, 51])
def test_visible_length_counts_plain_characters(length):
    text = ("abcdefghij" * 6)[:length]
    assert visible_length(f"  {text}  ") == length


def test_emoji_and_combining_marks_count_once():
    assert visible_length("👍🏽") == 1  # thumbs up with a skin tone: one grapheme
    assert visible_length("👨‍👩‍👧") == 1  # family: a zero-width-joiner sequence
    assert visible_length("e\u0301") == 1  # e with a combining acute accent
    assert visible_length("a\u200bb") == 2  # zero-width space is invisible


def test_inner_whitespace_runs_count_once():
    assert visible_length("a   \n\t b") == 3


def test_padding_does_not_reach_the_minimum():
    padded = "Nice" + "!" * 60
    assert visible_length(padded) == 64
    assert substantive_length(padded) == 5
    assert substantive_length("ok " + "." * 60) == 4
    assert substantive_length("sooooooooooooooooooooooooooooooooooooooooooooooooo good") == 8
    assert substantive_length("spam " * 20) == 4
    real = "The ferry timetable cut will hurt commuters on the island."
    assert substantive_length(real) == visible_length(real)
