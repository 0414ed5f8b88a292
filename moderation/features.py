"""Text features as module-level functions, composed into pipelines by `heads.py`.

Plain functions (not lambdas, not new estimator classes) so that the saved pipelines
pickle by reference and load in any process that has this package.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from typing import Any

import numpy as np

_ZERO_WIDTH = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"})
_LEET_WORD = re.compile(r"\b(?=\w*[a-z])(?=\S*[0-9@$!])[a-z0-9@$!]{3,}\b")
_LEET_HINT = re.compile(r"[a-z][0-9@$!]|[0-9@$!][a-z]")
_REPEATS = re.compile(r"(.)\1{2,}")
_TOKEN = re.compile(r"\b\w[\w']*\b")
_UPPER = re.compile(r"[A-Z\u00c0-\u00de]")
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)")
_REASONING = re.compile(r"\b(?:because|therefore|however|since|evidence|example|instead|reason)\b", re.I)
_SPACED = re.compile(r"(?<!\w)(?:[a-z0-9@$][\s.*_-]){2,}[a-z0-9@$](?!\w)")
_WORD = re.compile(r"[a-z][a-z']+")

# Words that signal a position toward a claim, from the stance-detection literature
# (FNC-1 baseline lexicons, extended with forum-style agreement and hedges).
REFUTING = frozenset(
    "fake fraud hoax false deny denies denied not despite nope doubt doubts bogus debunk debunks debunked "
    "prank retract retracts retracted wrong nonsense ridiculous disagree disagrees never no isn't aren't "
    "doesn't don't can't won't shouldn't myth lie lies lying absurd flawed misleading unfounded".split()
)
HEDGING = frozenset(
    "allegedly reportedly apparently claim claims claimed reports reported says said according might may "
    "could possibly perhaps unconfirmed rumor rumour rumors suggest suggests seems appears maybe unclear "
    "whether question depends however although if".split()
)
AGREEING = frozenset(
    "agree agreed agrees right true exactly absolutely indeed support supports correct yes should must "
    "important good great need needs essential definitely certainly".split()
)
STOP = frozenset(
    "a an the and or but of to in on at for with by from is are was were be been being it its this that "
    "these those as i you he she we they them his her our their my your me us not no so if than then "
    "there here what which who whom how why when where do does did have has had will would can could "
    "should just about into over also more most very".split()
)

PAIR_FEATURES = (
    "overlap_title_share", "overlap_jaccard", "bigram_overlap", "char3_jaccard", "title_in_lead",
    "refuting_rate", "hedging_rate", "agreeing_rate", "question_rate", "negated_overlap", "log_words",
)  # fmt: skip
SHAPE_FEATURES = (
    "log_chars", "log_words", "sentences", "mean_word_length", "caps_share", "exclaim_rate",
    "question_rate", "digit_share", "has_link", "reason_words",
)  # fmt: skip


def _join_spaced(match: re.Match[str]) -> str:
    run = match.group(0)
    joined = re.sub(r"[\s.*_-]", "", run)
    # "1 2 3" stays a list of numbers; "i d 1 0 t" becomes a word.
    return joined if sum(ch.isalpha() for ch in joined) >= 2 else run


def normalize(text: Any) -> str:
    """Undo the usual obfuscations before n-grams see the text.

    Zero-width characters and soft hyphens go, compatibility forms fold (full-width,
    ligatures), letters spaced out ("f u c k") are joined, leetspeak inside a word
    ("sh1t") is mapped back, and runs of one letter ("stuuuupid") shrink to two.
    """
    if not isinstance(text, str):
        text = "" if text is None or (isinstance(text, float) and math.isnan(text)) else str(text)
    text = unicodedata.normalize("NFKC", _ZERO_WIDTH.sub("", text)).lower()
    text = _SPACED.sub(_join_spaced, text)
    if _LEET_HINT.search(text):
        text = _LEET_WORD.sub(lambda match: match.group(0).translate(_LEET), text)
    return _REPEATS.sub(r"\1\1", text)


class Rows:
    """A few rows as plain lists, for callers that must not import pandas (the pre-publish
    check). Offers just what the feature functions read: `columns`, `len()` and a column."""

    def __init__(self, columns: dict[str, list[Any]]) -> None:
        self.data = columns
        self.columns = list(columns)

    def __len__(self) -> int:
        return len(next(iter(self.data.values()), []))

    def column(self, name: str) -> list[Any]:
        return self.data[name]


def _column(frame: Any, name: str) -> list[str]:
    if isinstance(frame, Rows):
        values = frame.data.get(name) or [""] * len(frame)
        return ["" if value is None else str(value) for value in values]
    if hasattr(frame, "columns"):
        if name not in frame.columns:
            return [""] * len(frame)
        return ["" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)
                for value in frame[name].tolist()]  # fmt: skip
    return [str(value) for value in frame]


CACHE_ROWS = 8_192
"""How many texts the per-text caches keep. The heads share a comment's normalised text,
n-grams and profile through these caches, so scoring runs all heads over slices of at
most this many rows (`SLICE_ROWS` in model.py); larger caches only cost memory."""
MAX_CHARS = 20_000
"""Only a comment's first 20,000 characters are read: enough for any real comment, and a
1 MB paste costs no more than a long one."""
LEAD_CHARS = 2_000
"""Stance reads the lead: a position toward the article is taken early, and news bodies
used as training "comments" (FNC-1) run to thousands of words."""


@functools.lru_cache(maxsize=CACHE_ROWS)
def _normalized(text: str) -> str:
    return normalize(text[:MAX_CHARS])


def comment_text(frame: Any) -> list[str]:
    """The normalised comment text of each row (repeated texts are normalised once)."""
    return [_normalized(text) for text in _column(frame, "text")]


@functools.lru_cache(maxsize=CACHE_ROWS)
def _ngrams(text: str) -> tuple[str, ...]:
    tokens = _TOKEN.findall(text)
    return (*tokens, *(f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)))


def word_ngrams(text: str) -> tuple[str, ...]:
    """Word 1- and 2-grams of normalised text; cached, so the heads tokenise a comment once."""
    return _ngrams(text)


def comment_lead(frame: Any) -> list[str]:
    """The normalised first 2,000 characters of each comment, for stance."""
    return [_normalized(text[:LEAD_CHARS]) for text in _column(frame, "text")]


def _article(frame: Any) -> list[str]:
    titles = _column(frame, "article_title")
    bodies = _column(frame, "article_text")
    return [f"{title} {body[:2000]}".strip() for title, body in zip(titles, bodies, strict=True)]


def _content_words(text: str) -> list[str]:
    return [word for word in _WORD.findall(text) if word not in STOP and len(word) > 2]


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@functools.lru_cache(maxsize=2_048)  # a profile holds hundreds of n-grams: keep few
def _comment_profile(comment: str) -> tuple[Any, ...]:
    words = _WORD.findall(comment)
    content = [_stem(w) for w in _content_words(comment)]
    return (
        words,
        frozenset(content),
        frozenset(zip(content, content[1:], strict=False)),
        frozenset(comment[i : i + 3] for i in range(min(max(len(comment) - 2, 0), 600))),
        frozenset(content[:40]),
        max(len(words), 1),
        sum(w in REFUTING for w in words),
        sum(w in HEDGING for w in words),
        sum(w in AGREEING for w in words),
        comment.count("?"),
    )


@functools.lru_cache(maxsize=CACHE_ROWS)
def _article_profile(article: str) -> tuple[Any, ...]:
    words = [_stem(w) for w in _content_words(article)]
    return (
        frozenset(words),
        frozenset(zip(words, words[1:], strict=False)),
        frozenset(article[i : i + 3] for i in range(min(max(len(article) - 2, 0), 600))),
    )


def pair_features(frame: Any) -> np.ndarray:
    """How a comment relates to its article: overlap, and refuting / hedging / agreeing words.

    Nothing here is learned from the articles themselves, which is what lets stance carry
    over to articles and claims never seen in training.
    """
    comments = comment_lead(frame)
    articles = [_normalized(text) for text in _article(frame)]
    rows = np.zeros((len(comments), len(PAIR_FEATURES)), dtype=np.float32)
    for index, (comment, article) in enumerate(zip(comments, articles, strict=True)):
        words, comment_set, bigrams, grams_c, lead, n_words, refuting, hedging, agreeing, questions = (
            _comment_profile(comment)
        )
        title, article_bigrams, grams_a = _article_profile(article)
        shared = title & comment_set
        negated = sum(
            1 for i, w in enumerate(words) if w in REFUTING and any(_stem(n) in title for n in words[i + 1 : i + 4])
        ) if refuting and title else 0
        rows[index] = (
            len(shared) / len(title) if title else 0.0,
            len(shared) / len(title | comment_set) if title or comment_set else 0.0,
            len(bigrams & article_bigrams) / (len(article_bigrams) + 1),
            len(grams_a & grams_c) / (len(grams_a | grams_c) or 1),
            len(title & lead) / len(title) if title else 0.0,
            refuting / n_words * 10,
            hedging / n_words * 10,
            agreeing / n_words * 10,
            questions / n_words * 10,
            negated / n_words * 10,
            math.log1p(len(words)) / 8,
        )
    return rows


@functools.lru_cache(maxsize=CACHE_ROWS)
def _shape(text: str) -> tuple[float, ...]:
    words = text.split()
    n_words = max(len(words), 1)
    letters = len(_LETTER.findall(text))
    return (
        math.log1p(len(text)) / 8,
        math.log1p(len(words)) / 7,
        min(len(_SENTENCE_END.findall(text)), 30) / 10,
        (len(text) - text.count(" ")) / n_words / 10,
        len(_UPPER.findall(text)) / (letters or 1),
        text.count("!") / n_words * 10,
        text.count("?") / n_words * 10,
        len(_DIGIT.findall(text)) / (len(text) or 1),
        float("http" in text or "www." in text),
        len(_REASONING.findall(text)) / n_words * 10,
    )


def shape_features(frame: Any) -> np.ndarray:
    """Length and form: long, reasoned comments are the constructive ones; shouting is not civil."""
    raw = [text[:MAX_CHARS] for text in _column(frame, "text")]
    if not raw:
        return np.zeros((0, len(SHAPE_FEATURES)), dtype=np.float32)
    return np.asarray([_shape(text) for text in raw], dtype=np.float32)
