"""Tokens undone from obfuscation, and the features every head reads."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moderation.features import tokens
from moderation.features.grams import as_matrix, char_grams
from moderation.features.inputs import AGREEING, MAX_CHARS, REASONING, REFUTING
from moderation.features.pair import PAIR
from moderation.features.shape import SHAPE, shape_block
from moderation.features.vocabulary import GRAM_TABLE_AFTER
from moderation.learn.heads import TextFeatures

CORPUS = [
    "The ferry timetable cut will hurt commuters who rely on the harbour ferry.",
    "The council should fund the harbour ferry because commuters need it.",
    "You are an idiot and a liar, this is fake news.",
    "What an idiot, total nonsense from the council.",
    "My cat likes sleeping in the sun all afternoon.",
    "Cats sleep in the sun, the ferry is late again.",
    "I agree with the council, the timetable cut is sensible.",
    "This is false, a hoax, and I deny it: the ferry runs.",
]
CORPUS += [f"{text} Really." for text in CORPUS]  # every word in two distinct texts


@pytest.fixture(scope="module")
def fitted() -> TextFeatures:
    return TextFeatures(min_df=2).fit(pd.DataFrame({"text": CORPUS}))


@pytest.mark.parametrize(
    ("obfuscated", "plain"),
    [
        ("i d i o t", ["idiot"]),
        ("i.d.i.o.t", ["idiot"]),
        ("id\u200biot", ["idiot"]),
        ("1d10t", ["idiot"]),
        ("st00pid", ["stoopid"]),
        ("stuuuuupid", ["stuupid"]),
        ("ＩＤＩＯＴ", ["idiot"]),
        ("You're an ID10T!!", ["you're", "an", "idiot"]),
        ("It\u2019s \u2018fine\u2019", ["it's", "fine"]),
    ],
)
def test_tokens_undo_obfuscation(obfuscated, plain):
    assert tokens.tokenize(obfuscated) == plain


def test_ordinary_numbers_are_left_alone():
    assert tokens.tokenize("The 2024 budget rose 15%, 1 2 3") == ["the", "2024", "budget", "rose", "15", "1", "2", "3"]


def test_an_obfuscated_insult_gets_the_plain_words_features(fitted):
    plain = fitted.transform_blocks(pd.DataFrame({"text": ["what an idiot"]}), ("words",))["words"]
    disguised = fitted.transform_blocks(pd.DataFrame({"text": ["WHAT an 1d10t!!!"]}), ("words",))["words"]
    assert (plain != disguised).nnz == 0


def test_unseen_words_still_get_character_grams(fitted):
    grams = as_matrix(fitted.transform_blocks(pd.DataFrame({"text": ["idiotic"]}), ("chars",))["chars"])
    assert grams.nnz > 0
    # ...and a second batch sees the same features for the same text.
    again = as_matrix(fitted.transform_blocks(pd.DataFrame({"text": ["idiotic", "ferries"]}), ("chars",))["chars"])
    np.testing.assert_allclose(again[0].toarray(), grams.toarray(), rtol=1e-6)


def test_pair_features_separate_related_from_unrelated_comments(fitted):
    frame = pd.DataFrame({
        "text": ["The ferry timetable cut will hurt commuters who rely on the harbour ferry.",
                 "My cat likes sleeping in the sun all afternoon."],
        "article_title": ["Harbour ferry timetable cut from May"] * 2,
    })  # fmt: skip
    rows = fitted.transform_blocks(frame, ("pair",))["pair"]
    overlap = PAIR.index("overlap_title_share")
    assert rows[0, overlap] > 0.5 > rows[1, overlap]


def test_refuting_words_are_counted(fitted):
    frame = pd.DataFrame({"text": ["This is false, a hoax, and I deny it."], "article_title": ["Claim"]})
    assert fitted.transform_blocks(frame, ("pair",))["pair"][0, PAIR.index("refuting_rate")] > 0


def test_the_blocks_add_up_to_the_whole_matrix(fitted):
    frame = pd.DataFrame({"text": CORPUS[:5], "article_title": ["Harbour ferry timetable cut"] * 5})
    whole = fitted.transform(frame)
    assert whole.shape == (5, fitted.n_features_out_) == (5, len(fitted.get_feature_names_out()))
    blocks = fitted.transform_blocks(frame)
    for name, part in blocks.items():
        np.testing.assert_allclose(whole[:, fitted.block_columns(name)].toarray(), as_matrix(part).toarray())


def test_character_grams_decide_token_by_token_as_the_matrix_does(fitted):
    frame = pd.DataFrame({"text": ["What an idiotic plan, the ferry", "", "zzyzx ferry ferry"]})
    grams = fitted.transform_blocks(frame, ("chars",))["chars"]
    weights = np.random.default_rng(0).normal(size=(len(fitted.gram_idf_), 2))
    np.testing.assert_allclose(grams.decision(weights, fitted.gram_weights_by_token(weights)),
                               grams.matrix() @ weights, rtol=1e-5, atol=1e-6)  # fmt: skip
    known, new = grams.token_values()
    assert new is not None  # "zzyzx" is a token the features have not met
    by_token = known @ fitted.gram_weights_by_token(weights) + new @ grams.token_weights(weights)
    np.testing.assert_allclose(by_token, grams.matrix() @ weights, rtol=1e-5, atol=1e-6)


def test_features_accept_missing_and_empty_values(fitted):
    frame = pd.DataFrame({"text": ["", None, float("nan")], "article_title": [None, "x", ""]})
    blocks = fitted.transform_blocks(frame)
    assert blocks["shape"].shape == (3, len(SHAPE))
    assert blocks["pair"].shape == (3, len(PAIR))
    assert blocks["words"].nnz == 0
    assert as_matrix(blocks["chars"]).nnz == 0


def test_a_megabyte_comment_is_read_only_up_to_the_cap():
    assert len(tokens.split("word " * 200_000)) == MAX_CHARS // 5


def test_the_fitted_features_pickle_without_what_a_process_learned(fitted):
    import pickle

    fitted.transform(pd.DataFrame({"text": ["a brand new zzyzx word"]}))
    copy = pickle.loads(pickle.dumps(fitted))
    assert "_state" not in copy.__dict__
    frame = pd.DataFrame({"text": ["a brand new zzyzx word", "ferry"]})
    assert (copy.transform(frame) != fitted.transform(frame)).nnz == 0


def test_a_batch_splits_as_its_texts_do_one_by_one():
    """Training's way: the span buffer decoded and split, spaced-out runs joined."""
    texts = ["Hello, World!", "", "i d i o t here", "Ünïcode ＩＤＩＯＴ\u200b text", "a\x02b \x02\x02 c", "x" * 30_000, "1 2 3"]
    for batch in (texts, texts[:3], [texts[3]], [texts[4], texts[0]]):
        found = tokens.spans(batch)
        flat = np.asarray(found.buffer.decode("utf-8", "surrogatepass").split(), dtype=object)
        flat, rows = tokens.with_runs_joined(found, flat, lambda joined: np.asarray(joined, dtype=object))
        per_text = [flat[rows == row].tolist() for row in range(len(batch))]
        assert per_text == [tokens.join_runs(tokens.split(text.replace("\x02", " "))) for text in batch]


ODD_TEXTS = ["Hello, World!", "", "i d i o t here", "Ünïcode ＩＤＩＯＴ\u200b text", "a\x02b \x02\x02 c", "x" * 30_000, "1 2 3",
             "nul\x00inside", "  ", "é à ç ж ы word", "'quoted' don't $100 @you", "\U0001f600 emoji\U0001f600x", "\ud800 lone"]  # fmt: skip


def _spans_per_text(batch: list[str]) -> list[list[str]]:
    found = tokens.spans(batch)
    per_text: list[list[str]] = [[] for _ in batch]
    for index, row in enumerate(found.rows.tolist()):
        per_text[row].append(found.token(index))
    return per_text


def test_spans_are_the_tokens_split_makes():
    for batch in (ODD_TEXTS, ODD_TEXTS[::-1], ODD_TEXTS[:1], [], [""]):
        assert _spans_per_text(batch) == [tokens.split(text.replace("\x02", " ")) for text in batch]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=40), max_size=6))
def test_spans_split_any_text_as_split_does(batch):
    assert _spans_per_text(batch) == [tokens.split(text.replace("\x02", " ")) for text in batch]
    found = tokens.spans(batch)
    names = [found.token(index) for index in range(len(found.starts))]
    assert found.single().tolist() == [len(name) == 1 for name in names]


def test_spaced_runs_are_the_runs_join_runs_can_change():
    batch = ["what an i d i o t", "a b", "c d e f g h", "x 1 2 3 y z", "u s a"]
    found = tokens.spans(batch)
    runs = []

    def joined(words: list[str]) -> np.ndarray:
        runs.append(words)
        return np.asarray(words, dtype=object)

    values = np.asarray([found.token(index) for index in range(len(found.starts))], dtype=object)
    values, rows = tokens.with_runs_joined(found, values, joined)
    # "a b" then "c d e f g h" are two texts: the run stops at the text's end.
    assert runs == [["idiot"], ["cdefgh"], ["x123yz"], ["usa"]]
    assert [values[rows == row].tolist() for row in range(len(batch))] == [
        ["what", "an", "idiot"], ["a", "b"], ["cdefgh"], ["x123yz"], ["usa"]]  # fmt: skip


def test_tokens_are_the_same_alone_and_in_a_batch(fitted):
    texts = ["what an i d i o t", "ferry", "f u c k this ferry", "1 2 3 go"]
    together = fitted.transform(pd.DataFrame({"text": texts}))
    for index, text in enumerate(texts):
        alone = fitted.transform(pd.DataFrame({"text": [text]}))
        np.testing.assert_allclose(alone.toarray(), together[index].toarray(), rtol=1e-6)


def test_a_large_batch_finds_tokens_by_bytes_as_a_small_one_does(fitted):
    """Past `TABLE_AFTER` tokens, known tokens are found in a table of their bytes; each
    text alone goes through the dictionary. Fresh copies, so neither learns from the other."""
    import pickle

    from scipy import sparse

    readable = [text for text in ODD_TEXTS if "\ud800" not in text]  # pandas refuses lone surrogates
    originals = [*CORPUS, *readable, "what an i d i o t", "'The ferry' 1d10t, STUUUPID ferry's"]
    texts = [f"{text} {copy} 5 6" for copy in range(12) for text in originals]  # distinct texts, and new tokens
    large, small = pickle.loads(pickle.dumps(fitted)), pickle.loads(pickle.dumps(fitted))
    together = large.transform(pd.DataFrame({"text": texts}))
    assert "_tokens_by_bytes" in large.__dict__  # the table was used
    alone = sparse.vstack([small.transform(pd.DataFrame({"text": [text]})) for text in texts])
    assert "_tokens_by_bytes" not in small.__dict__
    np.testing.assert_allclose(together.toarray(), alone.toarray(), rtol=1e-6)


def test_new_tokens_grams_are_found_by_bytes_as_the_dictionary_finds_them(fitted):
    """Past `GRAM_TABLE_AFTER` new ASCII tokens, their character grams are found in a
    table of the grams' bytes; one token alone goes through the dictionary. Both give
    `_grams` order with repeats, and leave out grams the vocabulary lacks."""
    import itertools
    import pickle

    fresh = pickle.loads(pickle.dumps(fitted))
    words = ["ferrying", "commuterz", "aaaa", "x", "ab", "idiotically", "harbourmaster", "don't", "ünïcode", "жыэ", "ferry"]
    suffixes = ["", "s", "q", "zz", "ing", "y", "x", "ab", "ferry", "é", "123", "o", "u", "li", "xx", "ed", "er", "est"]
    tokens = ["".join(parts) for parts in itertools.product(words, suffixes, ["", "ly"])]
    assert sum(token.isascii() for token in tokens) >= GRAM_TABLE_AFTER
    together = fresh._new_gram_ids(tokens)
    assert "_grams_by_bytes" in fresh.__dict__  # the table was used
    low, high = fresh.gram_range
    for token, columns in zip(tokens, together, strict=True):
        expected = [fresh.gram_index_[gram] for gram in char_grams(token, low, high) if gram in fresh.gram_index_]
        assert columns.tolist() == expected, token
        assert fresh._new_gram_ids([token])[0].tolist() == expected, token


def test_two_spellings_of_one_unseen_word_are_one_token(fitted):
    """"zorblax" and "'zorblax" fold to one word, which training would count once with two
    occurrences: scoring does too, rather than as two words met once each."""
    import pickle

    fresh = pickle.loads(pickle.dumps(fitted))
    frame = pd.DataFrame({"text": ["the zorblax and 'zorblax ferry", "the zorblax and zorblax ferry"]})
    chars = fresh.transform_blocks(frame, ("chars",))["chars"]
    assert list(chars.new_names) == ["zorblax"]
    matrix = as_matrix(chars).toarray()
    np.testing.assert_allclose(matrix[0], matrix[1], rtol=1e-6)


def test_spaced_out_letters_join_the_same_when_first_met_and_when_known(fitted):
    import pickle

    fresh = pickle.loads(pickle.dumps(fitted))  # a process that has met no new token yet
    frame = pd.DataFrame({"text": ["what the ж ы э ferry", "ж ы э"]})
    first = fresh.transform_blocks(frame, ("words", "chars"))  # the letters are new tokens
    again = fresh.transform_blocks(frame, ("words", "chars"))  # now they have ids
    assert list(first["chars"].new_names) == list(again["chars"].new_names) == ["жыэ"]
    np.testing.assert_allclose(as_matrix(first["chars"]).toarray(), as_matrix(again["chars"]).toarray(), rtol=1e-6)
    assert (first["words"] != again["words"]).nnz == 0


def test_shape_features_count_what_each_text_holds():
    """The batch-wide byte counting against a plain count per text, on texts that are
    empty, non-ASCII, all capitals, and as long as a comment may be."""
    texts = ["", "Hello World! Is it? Yes. ok", "ÉCOLE ÉTÉ!!! 😀 naïve?", "A" * MAX_CHARS, "é" * 40_000 + " Fine. ok",
             "no end punctuation", "www.example.com and http://x.y 123"]  # fmt: skip
    n_words = np.asarray([max(len(text.split()), 1) for text in texts], dtype=np.float32)
    out = shape_block(texts, n_words, np.zeros(len(texts), dtype=np.float32))
    for row, text in enumerate(texts):
        text = text[:MAX_CHARS]
        ascii_letters = [ch for ch in text if ch.isascii() and ch.isalpha()]
        capitals = sum(ch.isupper() for ch in ascii_letters)
        stops = sum(1 for i, ch in enumerate(text) if ch in ".!?" and (i + 1 == len(text) or text[i + 1].isspace()))
        spaces = sum(ch.isascii() and ch.isspace() for ch in text)
        expected = [
            np.log1p(len(text)) / 8,
            np.log1p(n_words[row]) / 7 if text else 0,
            min(stops, 30) / 10,
            (len(text) - spaces) / n_words[row] / 10,
            capitals / max(len(ascii_letters), 1),
            text.count("!") / n_words[row] * 10,
            text.count("?") / n_words[row] * 10,
            sum(ch.isascii() and ch.isdigit() for ch in text) / max(len(text), 1),
            float("http" in text or "www." in text),
            0.0,
        ]
        np.testing.assert_allclose(out[row], expected, rtol=1e-5, atol=1e-6, err_msg=repr(text[:30]))


def test_word_block_is_tf_idf_of_the_vocabulary_n_grams_each_text_holds(fitted):
    """The batch arithmetic against a count per text of its unigrams and bigrams."""
    texts = ["the ferry ferry is late again", "", "a brand new zzyzx word about the ferry", "i d i o t ferry"]
    words = fitted.transform_blocks(pd.DataFrame({"text": texts}), ("words",))["words"].toarray()
    column_of = {name: index for index, name in enumerate(fitted.word_names_)}
    for row, text in enumerate(texts):
        canonical = tokens.tokenize(text)
        grams = canonical + [f"{a} {b}" for a, b in zip(canonical, canonical[1:])]
        expected = np.zeros(len(column_of))
        for gram in set(grams):
            if gram in column_of:
                expected[column_of[gram]] = (1 + np.log(grams.count(gram))) * fitted.word_idf_[column_of[gram]]
        norm = np.linalg.norm(expected)
        np.testing.assert_allclose(words[row], expected / norm if norm else expected, rtol=1e-5, atol=1e-7)


def test_cue_word_rates_count_each_texts_cue_words(fitted):
    texts = ["This is false, a hoax, and I deny it: the ferry runs.", "the ferry is late again", "",
             "I agree with the council, the timetable cut is sensible because commuters need it."]  # fmt: skip
    frame = pd.DataFrame({"text": texts, "article_title": ["Ferry timetable cut"] * len(texts)})
    blocks = fitted.transform_blocks(frame, ("shape", "pair"))
    for row, text in enumerate(texts):
        words = tokens.tokenize(text)
        n = max(len(words), 1)
        known = [word for word in words if word in fitted.index_]  # cue words count once the vocabulary has them
        assert blocks["pair"][row, PAIR.index("refuting_rate")] == pytest.approx(sum(w in REFUTING for w in known) / n * 10)
        assert blocks["pair"][row, PAIR.index("agreeing_rate")] == pytest.approx(sum(w in AGREEING for w in known) / n * 10)
        assert blocks["shape"][row, SHAPE.index("reason_words")] == pytest.approx(sum(w in REASONING for w in known) / n * 10)
    assert blocks["pair"][0, PAIR.index("refuting_rate")] > 0 and blocks["pair"][3, PAIR.index("agreeing_rate")] > 0
