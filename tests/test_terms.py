"""Banned and suspect terms survive the usual disguises but never match inside words."""

from __future__ import annotations

import pytest

from moderation.decide.terms import SUSPECT_TERMS, could_match_many, find_terms


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


BATCH = [
    "You IDIOT", "i d i o t", "id!ot", "1d10t", "@sshole", "a$$hole", "iiiidiot", "id\u200biot", "\u0456d\u0456ot", "ＩＤＩＯＴ",
    "what a m o r o n!!", "\u2018moron\u2019 \u2026 and \u201closer\u201d", "a closer look", "suspicious", "", "x",
    "nul\0idiot", "shut! up", "dumb-ass", "piece of shit and a shithead", "Это дурак точно", "café idiot",
    "A perfectly civil comment about the ferry timetable, with no insult in it at all.",
]


def test_the_batch_check_finds_what_the_full_search_finds():
    # The batch check joins ASCII texts: each must still get exactly its own terms, and a
    # search with only those finds what a search with every term finds.
    texts = BATCH * 3 + list(reversed(BATCH))
    possible = could_match_many(texts, SUSPECT_TERMS)
    assert len(possible) == len(texts)
    for text, terms in zip(texts, possible, strict=True):
        full = find_terms(text, SUSPECT_TERMS)
        assert set(match.term for match in full) <= set(terms), text
        assert (find_terms(text, terms) if terms else []) == full, text
    assert possible[texts.index("a closer look")] == ("loser",)  # a candidate, then no match
    assert find_terms("a closer look", SUSPECT_TERMS) == []
    assert could_match_many(["idiot"], []) == [()]
