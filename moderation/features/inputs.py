"""What the features read: the columns of a frame (pandas or plain lists) and the cue
words of stance and reasoning. The features themselves are in `space.py` and its blocks.
"""

from __future__ import annotations

import math
from typing import Any

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

REASONING = frozenset("because therefore however since evidence example instead reason".split())

MAX_CHARS = 20_000
"""Only a comment's first 20,000 characters are read: enough for any real comment, and a
1 MB paste costs no more than a long one."""


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


def rows_slice(frame: Any, start: int, end: int) -> Any:
    """Rows `start` to `end` of a pandas frame or of `Rows`."""
    if isinstance(frame, Rows):
        return Rows({name: values[start:end] for name, values in frame.data.items()})
    return frame.iloc[start:end]


def column(frame: Any, name: str) -> list[str]:
    """One column as strings, missing values and absent columns read as empty."""
    if isinstance(frame, Rows):
        values = frame.data.get(name) or [""] * len(frame)
        return ["" if value is None else str(value) for value in values]
    if hasattr(frame, "columns"):
        if name not in frame.columns:
            return [""] * len(frame)
        return ["" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)
                for value in frame[name].tolist()]  # fmt: skip
    return [str(value) for value in frame]


