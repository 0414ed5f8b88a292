"""The site's rules: a registry of settings with defaults and help text, and the
model-free checks (length, links, terms, shouting) that are decided first because they
are cheap and need no model.

Pure functions of their inputs: no I/O beyond reading `policy.toml`, no model.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from moderation.errors import ModerationError


class PolicyError(ModerationError):
    """An unknown setting, a value out of range, or an unreadable policy file."""

    exit_code = 78  # EX_CONFIG


@dataclass(frozen=True)
class Setting:
    """One policy setting: its default, what it means, and the values it accepts."""

    name: str
    default: Any
    help: str
    low: float | None = None
    high: float | None = None


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in (
        Setting("min_chars", 50, "Reject comments with fewer user-visible characters than this (see README).", 0, 100_000),
        Setting("max_chars", 5000, "Reject comments with more user-visible characters than this.", 1, 1_000_000),
        Setting("max_links", 2, "Hold comments with more links than this.", 0, 1000),
        Setting("banned_terms", [], "Reject comments containing any of these words or phrases."),
        Setting("suspect_terms", [], "Hold comments containing any of these words or phrases."),
        Setting("shouting_share", 0.7, "Hold comments whose letters are at least this share capitals...", 0.0, 1.0),
        Setting("shouting_min_letters", 20, "...when they have at least this many letters.", 1, 100_000),
    )
}


@dataclass(frozen=True)
class Policy:
    """Validated settings; `hash` identifies them in every decision."""

    values: dict[str, Any] = field(default_factory=lambda: {name: s.default for name, s in SETTINGS.items()})

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    @property
    def hash(self) -> str:
        canonical = json.dumps(self.values, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def make_policy(values: dict[str, Any]) -> Policy:
    """Defaults overlaid with `values`; an unknown key or a bad value is named."""
    unknown = sorted(set(values) - set(SETTINGS))
    if unknown:
        raise PolicyError(f"unknown policy setting(s): {', '.join(unknown)}; known: {', '.join(SETTINGS)}")
    merged = {name: setting.default for name, setting in SETTINGS.items()}
    for name, value in values.items():
        setting = SETTINGS[name]
        if isinstance(setting.default, list):
            if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
                raise PolicyError(f"{name} must be a list of non-empty strings")
        elif isinstance(value, bool) or not isinstance(value, int | float):
            raise PolicyError(f"{name} must be a number, got {value!r}")
        elif isinstance(setting.default, int) and not float(value).is_integer():
            raise PolicyError(f"{name} must be a whole number, got {value!r}")
        elif not setting.low <= value <= setting.high:  # type: ignore[operator]
            raise PolicyError(f"{name} = {value} is out of range ({setting.low} to {setting.high})")
        merged[name] = value
    if merged["min_chars"] > merged["max_chars"]:
        raise PolicyError(f"min_chars ({merged['min_chars']}) is above max_chars ({merged['max_chars']})")
    return Policy(merged)


def load_policy(path: str | Path | None) -> Policy:
    """Read `policy.toml` (or the defaults when no path is given)."""
    import tomllib

    if path is None:
        return Policy()
    try:
        return make_policy(tomllib.loads(Path(path).read_text(encoding="utf-8")))
    except FileNotFoundError as error:
        raise PolicyError(f"{path}: no such policy file") from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise PolicyError(f"{path}: not valid TOML ({error})") from error


# --- counting what a reader sees ----------------------------------------------------------

_GRAPHEME = None


def _graphemes(text: str) -> list[str]:
    global _GRAPHEME
    if _GRAPHEME is None:
        import regex

        _GRAPHEME = regex.compile(r"\X")
    return _GRAPHEME.findall(text)


def visible_text(text: str) -> str:
    """NFC, zero-width characters gone, ends stripped, inner whitespace runs as one space."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub("[\u200b\u2060\ufeff]", "", text)  # joiners (U+200C, U+200D) shape emoji: kept
    return re.sub(r"\s+", " ", text).strip()


def visible_length(text: str) -> int:
    """User-visible characters: grapheme clusters of `visible_text` (an emoji or a letter
    with combining marks counts once)."""
    return len(_graphemes(visible_text(text)))


def substantive_length(text: str) -> int:
    """Visible length with padding squeezed out, so padding cannot reach a minimum.

    A word said three or more times in a row counts once ("spam spam spam"), a character
    repeated three or more times counts twice ("sooooo" as "soo"), and a run of
    punctuation or symbols counts once ("Nice!!!!!!!!" as "Nice!").
    """
    squeezed = re.sub(r"\b(\w+)(?:\W+\1\b){2,}", r"\1", visible_text(text), flags=re.IGNORECASE)
    kept: list[str] = []
    for cluster in _graphemes(squeezed):
        if len(kept) >= 2 and cluster == kept[-1] == kept[-2]:
            continue
        if kept and _is_padding(cluster) and _is_padding(kept[-1]):
            continue
        kept.append(cluster)
    return len(kept)


def _is_padding(cluster: str) -> bool:
    return not any(ch.isalnum() for ch in cluster) and not cluster.isspace()
