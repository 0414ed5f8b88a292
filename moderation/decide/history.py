"""What the repeat and flood rules remember of each author: recent comments as word pairs
(near copies share most of them) and their times."""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from moderation.decide.terms import without_invisible


@dataclass
class History:
    """Recent comments per author: (time, shingles) for repeats, times for floods."""

    window: int
    seen: dict[str, deque[tuple[float, frozenset[str]]]] = field(default_factory=dict)

    def recent(self, author: str) -> deque[tuple[float, frozenset[str]]]:
        if author not in self.seen:
            self.seen[author] = deque(maxlen=self.window)
        return self.seen[author]


def shingles(text: str) -> frozenset[Any]:
    """Word pairs (w-shingling, w = 2), or the words of a comment shorter than two: near
    copies share most of them, and they cost a fraction of character shingles."""
    words = _WORDS.findall(without_invisible(text).casefold())
    return frozenset(zip(words, words[1:], strict=False)) if len(words) > 1 else frozenset(words)


_WORDS = re.compile(r"\w+")


def could_reach(a: frozenset[Any], b: frozenset[Any], threshold: float) -> bool:
    """Whether two sets' sizes allow a Jaccard similarity of `threshold` at all."""
    small, large = sorted((len(a), len(b)))
    return large > 0 and small >= threshold * large


def jaccard(a: frozenset[Any], b: frozenset[Any]) -> float:
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)
