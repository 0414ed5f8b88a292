"""Banned and suspect terms survive the usual disguises but never match inside words."""

from __future__ import annotations

import pytest

from moderation.decide.terms import find_terms


@pytest.mark.parametrize(
    "text",
    ["You IDIOT", "i d i o t", "i.d.i.o.t!", "1d10t", "iiiidiot", "id\u200biot", "\u0456d\u0456ot", "ＩＤＩＯＴ", "idi-ot"],
)
def test_disguised_terms_match_with_their_span(text):
    [match] = find_terms(f"well, {text} indeed", ["idiot"])
    assert match.term == "idiot"
    assert f"well, {text} indeed"[match.start : match.end] == match.text
    assert match.text.replace(" ", "").lower().startswith(("i", "1", "\u0456", "ｉ"))


@pytest.mark.parametrize("text", ["idiotic", "class assignment", "a classic", "Scunthorpe", "passport"])
def test_terms_do_not_match_inside_words(text):
    assert find_terms(text, ["idiot", "ass", "cunt"]) == []


def test_phrases_and_other_scripts():
    assert [m.term for m in find_terms("what a scum-bag", ["scum bag"])] == ["scum bag"]
    assert [m.text for m in find_terms("Это дурак точно", ["дурак"])] == ["дурак"]


def test_no_terms_no_matches():
    assert find_terms("anything", []) == []
