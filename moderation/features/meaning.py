"""What a comment means, and how it bears on its article: the blocks that come from the
pretrained sentence encoder (`features.encoder`), beside the lexical ones.

- `meaning`: the comment's embedding. It reads what n-grams cannot: "you are not an
  idiot" against "you are an idiot", a slur quoted to denounce it, a threat with no rude
  word in it ("I know where you live").
- `pair_meaning`: the comment against its article (title, then summary, key points and
  lead when the record has them): their elementwise product and absolute difference, and
  their cosine. Learned from pairs, not from the articles' own words, so it carries over
  to articles and claims never seen. Zeros when a row has no article.

Both are dense and scaled so that a linear head's one regularisation strength suits them
as it suits the unit-length tf-idf blocks: an embedding's 384 values have unit length,
but the product of two of them is some twenty times smaller.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from moderation.features.encoder import DIMENSIONS
from moderation.features.inputs import column

if TYPE_CHECKING:
    from moderation.features.encoder import Encoder

MEANING_BLOCKS = ("meaning", "pair_meaning")
MEANING_SCALE = 1.0
PAIR_SCALE = 8.0
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


def meaning_blocks(encoder: Encoder, frame: Any, blocks: tuple[str, ...]) -> dict[str, np.ndarray]:
    """The requested meaning blocks of every row of `frame` (float32, dense)."""
    out: dict[str, np.ndarray] = {}
    comments = encoder.embed(column(frame, "text"))
    if "meaning" in blocks:
        out["meaning"] = comments * np.float32(MEANING_SCALE)
    if "pair_meaning" in blocks:
        articles_text = [article_of(title, body) for title, body in
                         zip(column(frame, "article_title"), column(frame, "article_text"), strict=True)]  # fmt: skip
        articles = encoder.embed(articles_text)
        has_article = np.fromiter((bool(text) for text in articles_text), dtype=bool, count=len(articles_text))
        pair = np.zeros((len(articles_text), block_size("pair_meaning")), dtype=np.float32)
        pair[:, :DIMENSIONS] = comments * articles * np.float32(PAIR_SCALE * 20)
        pair[:, DIMENSIONS:-1] = np.abs(comments - articles) * np.float32(PAIR_SCALE)
        pair[:, -1] = (comments * articles).sum(axis=1) * np.float32(PAIR_SCALE)
        pair[~has_article] = 0
        out["pair_meaning"] = pair
    return out
