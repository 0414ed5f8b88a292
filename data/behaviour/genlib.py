"""Shared helpers for make_suite.py, make_train.py and check_overlap.py.

A template is a str.format pattern whose fields name filler lists ("{harm}") or index
into a filler that is a dict ("{t[s]}", "{t[o]}"), so that coordinated words (a target
and its pronouns) are filled together. Every case records the id of its template.
"""

from __future__ import annotations

import itertools
import math
import re
import string
from dataclasses import dataclass
from random import Random

MIN_CHARS = 50


@dataclass(frozen=True)
class Template:
    id: str
    capability: str
    pattern: str
    count: int


def slots(pattern: str) -> list[str]:
    """The filler lists a pattern reads, in order of first use."""
    names: list[str] = []
    for _literal, field, _spec, _conv in string.Formatter().parse(pattern):
        if field is None:
            continue
        base = re.split(r"[\[.]", field, maxsplit=1)[0]
        if base not in names:
            names.append(base)
    return names


def skeleton(pattern: str) -> str:
    """The pattern with every field replaced by one placeholder: what 'the same template'
    means when comparing the suite with the training set."""
    return re.sub(r"\{[^{}]*\}", "{}", pattern)


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def expand(templates: list[Template], fillers: dict[str, dict[str, list]], seed: int) -> list[dict]:
    """`count` distinct texts per template, the filler combinations drawn with one seeded
    generator in template order (so the output depends only on the inputs and the seed)."""
    rng = Random(seed)
    out: list[dict] = []
    seen: set[str] = set()
    for template in templates:
        pool = fillers[template.capability]
        names = slots(template.pattern)
        for name in names:
            if name not in pool:
                raise KeyError(f"{template.id}: no filler list {name!r} for {template.capability}")
        sizes = [len(pool[name]) for name in names]
        total = math.prod(sizes)
        if total <= 20_000:
            combos = list(itertools.product(*(range(n) for n in sizes)))
            rng.shuffle(combos)
        else:
            combos = (tuple(rng.randrange(n) for n in sizes) for _ in range(200_000))
        made = 0
        for combo in combos:
            values = {name: pool[name][i] for name, i in zip(names, combo)}
            text = _first_upper(template.pattern.format(**values))
            text = re.sub(r"\s+", " ", text).strip()
            key = text.casefold()
            if key in seen:
                continue
            seen.add(key)
            out.append({"capability": template.capability, "text": text, "template": template.id,
                        "fillers": {name: values[name] for name in names}})
            made += 1
            if made == template.count:
                break
        if made < template.count:
            raise ValueError(f"{template.id}: only {made} distinct texts of {template.count} asked")
    return out


def visible_length(text: str) -> int:
    """The site's own count of a comment's characters when the project is installed
    (padding and repeats counted as `moderation` counts them), else len()."""
    try:
        from moderation.policy import substantive_length
    except ImportError:  # the generators run without the project too
        return len(text.strip())
    return substantive_length(text)


TOKEN = re.compile(r"[a-z0-9']+")


def tokens(text: str) -> frozenset[str]:
    return frozenset(TOKEN.findall(text.casefold()))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def filler_strings(value) -> list[str]:
    """Every string inside a filler (a dict filler gives each of its values)."""
    if isinstance(value, dict):
        return [v for v in value.values() if isinstance(v, str)]
    return [value]
