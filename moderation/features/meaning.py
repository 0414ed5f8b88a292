"""What a comment means, and how it bears on its article: the blocks that come from the
pretrained sentence encoder (`features.encoder`), beside the lexical ones.

- `meaning`: the comment's embedding. It reads what n-grams cannot: "you are not an
  idiot" against "you are an idiot", a slur quoted to denounce it, a threat with no rude
  word in it ("I know where you live").
- `pair_meaning`: the comment against its article (title, then summary, key points and
  lead when the record has them): their elementwise product and absolute difference, and
  their cosine. Learned from pairs, not from the articles' own words, so it carries over
  to articles and claims never seen. Zeros when a row has no article.

Both are dense, and scaled down so that a linear head's one regularisation strength
(chosen for the sparse tf-idf blocks) holds them more tightly: 384 dense columns that
every row fills fit the training articles' topics otherwise. At scales 1 and 8 the
accurate tier's stance scored 0.32 macro-F1 on ARC claims never seen, below the lexical
head's 0.43. `MEANING_SCALE` and `PAIR_SCALE` were chosen on a validation split carved
out of the quality benchmark's training part (ARC claims and FNC-1 headlines held apart
by group; never its held-out part): ARC macro-F1 0.483 at (0.12, 0.15), 0.485 at
(0.3, 0.4), 0.484 at (0.6, 0.4), 0.460 at (0.6, 0.8) and 0.459 at (0.3, 0.8), FNC-1 score 0.91
throughout
(`scripts/select_meaning_scales.py`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from moderation.features.encoder import DIMENSIONS
from moderation.features.inputs import column

if TYPE_CHECKING:
    from moderation.features.encoder import Encoder

MEANING_BLOCKS = ("meaning", "pair_meaning")
MEANING_SCALE = 0.3
PAIR_SCALE = 0.4
EARLIEST_SCALES = (1.0, 8.0)
"""The scales of models fitted before a model recorded its own (`meaning_scales_`)."""
ARTICLE_CHARS = 600
"""How much of the article stance reads beyond its title: the lead is what a reader
answers, and the encoder reads 128 word pieces at most."""


def block_size(block: str) -> int:
    return DIMENSIONS if block == "meaning" else 2 * DIMENSIONS + 1


def display_name(block: str) -> str:
    """How an explanation names a block's whole contribution: its 384 or 769 columns mean
    nothing one by one, so they are summed into one entry."""
    return "[meaning]" if block == "meaning" else "[meaning against the article]"


def article_of(title: Any, body: Any) -> str:
    """The text stance reads for an article: its title, then the start of its text (the
    parser puts the summary, key points and lead there)."""
    title = title.strip() if isinstance(title, str) else ""
    body = body.strip() if isinstance(body, str) else ""
    if not body:
        return title
    return f"{title}. {body[:ARTICLE_CHARS]}" if title else body[:ARTICLE_CHARS]


def meaning_blocks(encoder: Encoder, frame: Any, blocks: tuple[str, ...],
                   scales: tuple[float, float] = (MEANING_SCALE, PAIR_SCALE)) -> dict[str, np.ndarray]:  # fmt: skip
    """The requested meaning blocks of every row of `frame` (float32, dense), at the
    `scales` (meaning, pair) the model was fitted with."""
    meaning_scale, pair_scale = scales
    out: dict[str, np.ndarray] = {}
    comments = encoder.embed(column(frame, "text"))
    if "meaning" in blocks:
        out["meaning"] = comments * np.float32(meaning_scale)
    if "pair_meaning" in blocks:
        articles_text = [article_of(title, body) for title, body in
                         zip(column(frame, "article_title"), column(frame, "article_text"), strict=True)]  # fmt: skip
        articles = encoder.embed(articles_text)
        has_article = np.fromiter((bool(text) for text in articles_text), dtype=bool, count=len(articles_text))
        pair = np.zeros((len(articles_text), block_size("pair_meaning")), dtype=np.float32)
        pair[:, :DIMENSIONS] = comments * articles * np.float32(pair_scale * 20)
        pair[:, DIMENSIONS:-1] = np.abs(comments - articles) * np.float32(pair_scale)
        pair[:, -1] = (comments * articles).sum(axis=1) * np.float32(pair_scale)
        pair[~has_article] = 0
        out["pair_meaning"] = pair
    return out
