"""Hash tables looked up a whole array at a time."""

from __future__ import annotations

import numpy as np

from moderation.features import tables
from moderation.features import tokens


def test_the_int_table_finds_every_key_and_nothing_else():
    rng = np.random.default_rng(1)
    keys = np.unique(rng.integers(0, 10**12, size=50_000))
    table = tables.IntTable(keys, np.arange(len(keys)))
    np.testing.assert_array_equal(table.get(keys), np.arange(len(keys)))
    absent = np.setdiff1d(rng.integers(0, 10**12, size=50_000), keys)
    assert (table.get(absent) == -1).all()


def test_the_token_table_finds_exactly_the_tokens_it_holds():
    """Tokens that share their first 8 or 16 bytes, differ only in length, or are past
    `WORD_BYTES` (never held): only an exact match is found."""
    stored = ["a", "ab", "abcdefgh", "abcdefghi", "abcdefghijklmnop", "abcdefghijklmnopq", "x" * 24, "жыэ", "naïve", "don't", "1d10t"]
    table = tables.TokenTable(stored, np.arange(100, 100 + len(stored)))
    asked = [*stored, "abcdefghj", "abcdefghijklmnoq", "abcdefghijklmnopr", "x" * 23, "x" * 25, "abc", "жы", "naive", "b", "x" * 40]
    found = table.get(tokens.spans([" ".join(asked)]))
    expected = [*range(100, 100 + len(stored)), *[-1] * (len(asked) - len(stored))]
    assert found.tolist() == expected


def test_the_token_table_agrees_with_a_dictionary_on_many_tokens():
    rng = np.random.default_rng(2)
    letters = np.asarray(list("abcdefghijklmnopqrstuvwxyzé'"))
    words = sorted({"".join(rng.choice(letters, size=rng.integers(1, 30))).strip("'") or "q" for _ in range(20_000)})
    held = words[::2]
    table = tables.TokenTable(held, np.arange(len(held)))
    index = {word: i for i, word in enumerate(held)}
    found = table.get(tokens.spans(words))
    expected = [index.get(word, -1) if len(word.encode()) <= tokens.WORD_BYTES else -1 for word in words]
    assert found.tolist() == expected


def test_a_key_that_leads_to_another_token_is_not_taken():
    """Keys of tokens past 8 bytes are hashes: as if every asked key collided with the one
    stored token, only that token itself is found."""
    table = tables.TokenTable(["abcdefghijklmnopq"], np.asarray([7]))
    asked = tokens.spans(["abcdefghijklmnopq abcdefghijklmnopr abcdefgh12345678q abcdefghijklmnopq12345678"])
    table.table = tables.IntTable(asked.keys, np.zeros(len(asked.keys), dtype=np.int64))
    assert table.get(asked).tolist() == [7, -1, -1, -1]
