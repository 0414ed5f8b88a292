"""How a comment relates to its article: word, stem-bigram and character-gram overlap,
the article's words in the comment's lead, and the cue words of refuting, hedging and
agreeing. Nothing here is learned from the articles themselves, which is what lets stance
carry over to articles and claims never seen."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from moderation.features.arrays import expand, member, pair_codes, rank_in_group, unique
from moderation.features.inputs import column

if TYPE_CHECKING:
    from moderation.features.grams import TokenGrams
    from moderation.features.space import FeatureSpace

PAIR = (
    "overlap_title_share", "overlap_jaccard", "bigram_overlap", "char_gram_jaccard", "title_in_lead",
    "refuting_rate", "hedging_rate", "agreeing_rate", "question_rate", "negated_overlap", "log_words",
)  # fmt: skip
LEAD_WORDS = 40


def stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def pair_block(space: FeatureSpace, frame: Any, state: dict[str, Any], tokens: tuple[np.ndarray, np.ndarray, np.ndarray],
          n_words: np.ndarray, cues: np.ndarray, comment_grams: TokenGrams) -> np.ndarray:  # fmt: skip
    # `comment_grams` is per distinct text (`text_of` maps rows to them).
    """The `PAIR` features. Nothing here is learned from the articles themselves,
    which is what lets stance carry over to articles and claims never seen.

    Sets of (row, stem) are int64 codes, so every overlap is one sorted-array test.
    """
    ids, text_rows, text_of = tokens
    texts = column(frame, "text")
    n = len(texts)
    out = np.zeros((n, len(PAIR)), dtype=np.float32)
    out[:, PAIR.index("refuting_rate")] = cues[:, 0] / n_words * 10
    out[:, PAIR.index("hedging_rate")] = cues[:, 1] / n_words * 10
    out[:, PAIR.index("agreeing_rate")] = cues[:, 2] / n_words * 10
    out[:, PAIR.index("question_rate")] = np.asarray([t.count("?") for t in texts], dtype=np.float32) / n_words * 10
    out[:, PAIR.index("log_words")] = np.log1p(n_words) / 8
    titles = column(frame, "article_title")
    bodies = column(frame, "article_text")
    articles = [f"{title} {body[:2000]}".strip() for title, body in zip(titles, bodies, strict=True)]
    if not any(articles):
        return out
    distinct: dict[str, int] = {}
    article_of = np.fromiter((distinct.setdefault(a, len(distinct)) for a in articles), dtype=np.int64, count=n)
    a_ids, a_rows = space._token_ids(list(distinct), state)
    n_known = len(space.tokens_)
    stems = np.int64(space.n_stems_ + 1)
    square = stems * stems

    def content(token_ids: np.ndarray, token_rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        safe = np.where(token_ids < n_known, token_ids, n_known)
        keep = space.content_[safe]
        return space.stem_[safe][keep], token_rows[keep], np.flatnonzero(keep)

    # Per distinct text and per distinct article: stems, leading stems, stem bigrams.
    c_stems, c_rows, c_positions = content(ids, text_rows)
    rank = rank_in_group(c_rows)
    text_sets = unique(c_rows * stems + c_stems)
    lead_sets = unique((c_rows * stems + c_stems)[rank < LEAD_WORDS])
    text_pairs = unique(pair_codes(c_stems, c_rows, stems))
    s_stems, s_rows, _ = content(a_ids, a_rows)
    article_sets = unique(s_rows * stems + s_stems)
    article_pairs = unique(pair_codes(s_stems, s_rows, stems))
    # Refuting words followed within three tokens by a content word: (text, stem).
    safe = np.where(ids < n_known, ids, n_known)
    refuting = space.cues_[safe, 0] > 0
    negated_codes = []
    follows = np.zeros(len(ids), dtype=bool)
    follows[c_positions] = True
    for step in (1, 2, 3):
        if len(ids) > step:
            hit = refuting[:-step] & follows[step:] & (text_rows[:-step] == text_rows[step:])
            where = np.flatnonzero(hit) + step
            negated_codes.append(text_rows[where] * stems + space.stem_[safe[where]])
    negated_sets = np.concatenate(negated_codes) if negated_codes else np.zeros(0, dtype=np.int64)

    # Each row's text sets against its article's: expand both to rows, then test.
    def per_row(codes: np.ndarray, modulus: np.int64, owner_of_row: np.ndarray, owners: int) -> tuple[np.ndarray, np.ndarray]:
        return expand(codes // modulus, codes % modulus, owners, owner_of_row)

    a_row, a_value = per_row(article_sets, stems, article_of, len(distinct))
    a_codes = a_row * stems + a_value
    t_row, t_value = per_row(text_sets, stems, text_of, int(text_of.max(initial=-1)) + 1)
    shared = np.bincount(t_row[member(t_row * stems + t_value, a_codes)], minlength=n).astype(np.float32)
    title_size = np.bincount(a_row, minlength=n).astype(np.float32)
    comment_size = np.bincount(t_row, minlength=n).astype(np.float32)
    union = title_size + comment_size - shared
    out[:, PAIR.index("overlap_title_share")] = shared / np.maximum(title_size, 1)
    out[:, PAIR.index("overlap_jaccard")] = shared / np.maximum(union, 1)
    l_row, l_value = per_row(lead_sets, stems, text_of, int(text_of.max(initial=-1)) + 1)
    lead_shared = np.bincount(l_row[member(l_row * stems + l_value, a_codes)], minlength=n)
    out[:, PAIR.index("title_in_lead")] = lead_shared / np.maximum(title_size, 1)
    ap_row, ap_value = per_row(article_pairs, square, article_of, len(distinct))
    tp_row, tp_value = per_row(text_pairs, square, text_of, int(text_of.max(initial=-1)) + 1)
    bigram_shared = np.bincount(tp_row[member(tp_row * square + tp_value, ap_row * square + ap_value)], minlength=n)
    out[:, PAIR.index("bigram_overlap")] = bigram_shared / (np.bincount(ap_row, minlength=n) + 1)
    negated_sets = unique(negated_sets)
    ng_row, ng_value = per_row(negated_sets, stems, text_of, int(text_of.max(initial=-1)) + 1)
    out[:, PAIR.index("negated_overlap")] = np.bincount(ng_row[member(ng_row * stems + ng_value, a_codes)], minlength=n) / n_words * 10
    # Character-gram overlap with the article: the article's grams (few: titles and
    # leads) looked up in its text's gram set, never a text's grams copied per row.
    text_presence = comment_grams.presence()
    n_grams = np.int64(max(text_presence.shape[1], 1))
    text_rows_of_grams = np.repeat(np.arange(text_presence.shape[0]), np.diff(text_presence.indptr))
    text_gram_codes = unique(text_rows_of_grams * n_grams + text_presence.indices)
    article_presence = space._grams_of(a_ids, a_rows, len(distinct))
    owners = np.repeat(np.arange(article_presence.shape[0]), np.diff(article_presence.indptr))
    order = np.argsort(owners, kind="stable")
    g_row, g_value = expand(owners[order], article_presence.indices[order].astype(np.int64), len(distinct), article_of)
    both = np.bincount(g_row[member(text_of[g_row] * n_grams + g_value, text_gram_codes)], minlength=n)
    either = np.diff(text_presence.indptr)[text_of] + np.diff(article_presence.indptr)[article_of] - both
    out[:, PAIR.index("char_gram_jaccard")] = both / np.maximum(either, 1)
    return out
