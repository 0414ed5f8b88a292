"""The site's rules: a registry of settings with defaults and help text, and the
model-free checks (length, links, personal data, terms, threat phrases, spam signals,
shouting) that are decided first because they are cheap and need no model.

Pure functions of their inputs: no I/O beyond reading `policy.toml`, no model.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from moderation.errors import ConfigError
from moderation.decide.counting import substantive_length, visible_length
from moderation.decide.terms import SUSPECT_TERMS, disowned, find_terms

if TYPE_CHECKING:
    from moderation.decide.spam_signals import SpamSignal


class PolicyError(ConfigError):
    """An unknown setting, or a value of the wrong type or out of range (exit 78)."""


PHONE_REGIONS = ("US", "CA", "GB", "IE", "AU", "NZ", "IN", "ZA", "NG", "KE", "DE", "FR", "ES", "IT", "NL", "BE", "CH", "AT",
                 "SE", "NO", "DK", "FI", "PL", "PT", "BR", "MX", "AR", "JP", "KR", "SG", "PH")  # fmt: skip


@dataclass(frozen=True)
class Setting:
    """One policy setting: its default, what it means, and the values it accepts."""

    name: str
    default: Any
    help: str
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()
    """For a text setting: the values it accepts (any, when empty)."""


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in (
        Setting("min_chars", 50, "Reject comments with fewer user-visible characters than this (see docs/policy.md).", 0, 100_000),
        Setting("max_chars", 5000, "Reject comments with more user-visible characters than this.", 1, 1_000_000),
        Setting("max_links", 2, "Hold comments with more links than this.", 0, 1000),
        Setting("banned_terms", [], "Reject comments containing any of these words or phrases."),
        Setting("suspect_terms", list(SUSPECT_TERMS), "Hold comments containing any of these words or phrases, unless "
                "negated or quoted (docs/policy.md); [] empties the list."),
        Setting("shouting_share", 0.7, "Hold comments whose letters are at least this share capitals...", 0.0, 1.0),
        Setting("shouting_min_letters", 20, "...when they have at least this many letters.", 1, 100_000),
        Setting("repeat_similarity", 0.9, "Hold a comment this similar (0 to 1) to one of its author's recent ones.", 0.0, 1.0),
        Setting("repeat_window", 20, "How many recent comments per author are remembered for repeats.", 1, 10_000),
        Setting("flood_limit", 10, "Hold an author's comments beyond this many within flood_seconds.", 1, 1_000_000),
        Setting("flood_seconds", 600, "The window for flood_limit, in seconds.", 1, 86_400 * 30),
        Setting("civility_hold", 0.5, "Hold when the incivility probability is at least this.", 0.0, 1.0),
        Setting("civility_reject", 0.9, "Reject when the incivility probability is at least this.", 0.0, 1.0),
        Setting("threat_hold", 0.5, "Hold when the probability that the comment threatens violence is at least this.", 0.0, 1.0),
        Setting("threat_reject", 0.8, "Reject when the probability that the comment threatens violence is at least this.", 0.0, 1.0),
        Setting("threat_phrases", "hold", "Hold (or reject) comments with a phrase that threatens violence or intimidates "
                "(\"I know where you live\"), found by rule beside the threat score; off turns it off.", choices=("hold", "reject", "off")),
        Setting("spam_signals", "hold", "Hold (or reject) comments that read as spam by rule (an income claim, a loan or crypto "
                "pitch, \"subscribe to my channel\", a WhatsApp number...), beside the spam score; off turns it off.",
                choices=("hold", "reject", "off")),
        Setting("spam_hold", 0.5, "Hold when the probability that the comment is spam (offers, promotion, scams) is at least this.", 0.0, 1.0),
        Setting("spam_reject", 0.9, "Reject when the probability that the comment is spam is at least this.", 0.0, 1.0),
        Setting("spam_link_hold", 0.4, "Hold a comment with a link (other than to reporting) when its spam probability is at "
                "least this, though below spam_hold; 1.0 turns it off.", 0.0, 1.0),
        Setting("offtopic_hold", 0.9, "Hold when the probability that the comment is unrelated to its article is at least this.", 0.0, 1.0),
        Setting("feature_threshold", 0.8, "Mark a published comment as a candidate to feature at this constructiveness probability.", 0.0, 1.0),
        Setting("personal_data", "hold", "Hold (or reject) comments that show an e-mail address or a phone number; off turns it off.",
                choices=("hold", "reject", "off")),
        Setting("phone_region", "US", "Where phone numbers written without a country code are read as local (ISO 3166 code).",
                choices=PHONE_REGIONS),
        Setting("languages", ["en"], "The languages the models read (ISO 639-1); a comment in another is not scored."),
        Setting("unsupported_language", "hold", "What happens to a comment in a language not in languages.",
                choices=("hold", "reject", "publish")),
        Setting("override_page_policy", False, "Apply min_chars / max_chars even where a page states its own limits."),
        Setting("fail_open", False, "When scoring fails or times out, publish (true) instead of holding (false)."),
        Setting("timeout_ms", 150, "The HTTP service's time limit for one decision, in milliseconds.", 1, 60_000),
        Setting("max_request_kb", 256, "The HTTP service's cap on a request body, in KiB.", 1, 65_536),
    )
}


@dataclass(frozen=True)
class Policy:
    """Validated settings; `hash` identifies them in every decision."""

    values: dict[str, Any] = field(default_factory=lambda: {name: s.default for name, s in SETTINGS.items()})

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    @functools.cached_property
    def hash(self) -> str:
        """Computed once: every decision carries it."""
        canonical = json.dumps(self.values, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def make_policy(values: dict[str, Any]) -> Policy:
    """Defaults overlaid with `values`; an unknown key or a bad value is named. A float
    that is a whole number is taken for a whole-number setting."""
    unknown = sorted(set(values) - set(SETTINGS))
    if unknown:
        raise PolicyError(f"unknown policy setting(s): {', '.join(unknown)}; known: {', '.join(SETTINGS)}")
    merged = {name: setting.default for name, setting in SETTINGS.items()}
    for name, value in values.items():
        setting = SETTINGS[name]
        if isinstance(setting.default, bool):
            if not isinstance(value, bool):
                raise PolicyError(f"{name} must be true or false, got {value!r}")
        elif isinstance(setting.default, str):
            if not isinstance(value, str) or (setting.choices and value not in setting.choices):
                raise PolicyError(f"{name} must be one of {', '.join(setting.choices)}, got {value!r}")
        elif isinstance(setting.default, list):
            if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
                raise PolicyError(f"{name} must be a list of non-empty strings")
        elif isinstance(value, bool) or not isinstance(value, int | float):
            raise PolicyError(f"{name} must be a number, got {value!r}")
        elif isinstance(setting.default, int) and not float(value).is_integer():
            raise PolicyError(f"{name} must be a whole number, got {value!r}")
        elif not setting.low <= value <= setting.high:  # type: ignore[operator]
            raise PolicyError(f"{name} = {value} is out of range ({setting.low} to {setting.high})")
        elif isinstance(setting.default, int):
            value = int(value)  # 50.0, as TOML users write it, is the whole number 50
        merged[name] = value
    if merged["min_chars"] > merged["max_chars"]:
        raise PolicyError(f"min_chars ({merged['min_chars']}) is above max_chars ({merged['max_chars']})")
    for task in ("civility", "threat", "spam"):
        if merged[f"{task}_hold"] > merged[f"{task}_reject"]:
            raise PolicyError(f"{task}_hold ({merged[f'{task}_hold']}) is above {task}_reject ({merged[f'{task}_reject']})")
    return Policy(merged)


def load_policy(path: str | Path | None) -> Policy:
    """Read `policy.toml` (or the defaults when no path is given)."""
    from moderation.io.files import read_settings

    if path is None:
        return Policy()
    return make_policy(read_settings(path, "policy"))


# --- rules and decisions ---------------------------------------------------------------------

_LINK = re.compile(r"\bhttps?://\S+|\bwww\.\S+|\b[\w-]+\.(?:com|net|org|info|biz|ru|cn|io|co|xyz|top)/\S*", re.I)
ACTION_RANK = {"publish": 0, "hold": 1, "reject": 2}


@dataclass(frozen=True)
class Reason:
    """Why a rule fired: the rule, what it measured, the threshold and what it asks for."""

    rule: str
    action: str
    value: Any
    threshold: Any
    message: str
    span: tuple[int, int] | None = None
    matched: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = {"rule": self.rule, "action": self.action, "value": self.value, "threshold": self.threshold,
                "message": self.message}  # fmt: skip
        if self.span is not None:
            data["span"] = list(self.span)
            data["matched"] = self.matched
        return data


def length_limits(policy: Policy, page_min: int | None = None, page_max: int | None = None) -> tuple[int, int]:
    """The limits in force: a page's own stated limits win unless the site overrides them."""
    if policy["override_page_policy"]:
        return policy["min_chars"], policy["max_chars"]
    return (page_min if page_min is not None else policy["min_chars"],
            page_max if page_max is not None else policy["max_chars"])  # fmt: skip


def rule_reasons(text: str, policy: Policy, page_min: int | None = None, page_max: int | None = None) -> list[Reason]:
    """The model-free rules (docs/policy.md, "How a decision is made")."""
    return rules_and_length(text, policy, page_min, page_max)[0]


def rules_and_length(text: str, policy: Policy, page_min: int | None = None, page_max: int | None = None,
                     suspects_possible: tuple[str, ...] | None = None) -> tuple[list[Reason], int]:  # fmt: skip
    """`rule_reasons` and the comment's `visible_length`, which the rules measure anyway
    and every decision reports. `suspects_possible`, when given, are the suspect terms a
    batch check (`terms.could_match_many`) found could match: only those are looked for."""
    settings = policy.values
    reasons: list[Reason] = []
    min_chars, max_chars = length_limits(policy, page_min, page_max)
    visible = visible_length(text)
    substantive = substantive_length(text, limit=min_chars) if visible >= min_chars else visible
    if substantive < min_chars:
        padded = " once repeated characters are counted once" if substantive < visible else ""
        reasons.append(Reason("min_chars", "reject", substantive, min_chars,
                              f"{substantive} of {min_chars} characters{padded}; please say a little more"))  # fmt: skip
    if visible > max_chars:
        reasons.append(Reason("max_chars", "reject", visible, max_chars,
                              f"{visible} characters, over the limit of {max_chars}"))  # fmt: skip
    if settings["banned_terms"]:
        for match in find_terms(text, settings["banned_terms"]):
            reasons.append(Reason("banned_term", "reject", match.term, None, f"contains a banned term ({match.term})",
                                  (match.start, match.end), match.text))  # fmt: skip
    links = len(_LINK.findall(text)) if "/" in text or "www." in text.lower() else 0  # every link form has one
    if links > settings["max_links"]:
        reasons.append(Reason("max_links", "hold", links, settings["max_links"], f"{links} links, more than {settings['max_links']}"))
    if settings["personal_data"] != "off":
        from moderation.decide.personal import find_personal_data

        for item in find_personal_data(text, settings["phone_region"]):
            what = "an e-mail address" if item.kind == "email" else "a phone number"
            reasons.append(Reason("personal_data", settings["personal_data"], item.kind, None, f"shows {what}",
                                  (item.start, item.end), item.text))  # fmt: skip
    suspects = settings["suspect_terms"] if suspects_possible is None else suspects_possible
    if suspects:
        for match in find_terms(text, suspects):
            if disowned(text, match.start):
                continue
            reasons.append(Reason("suspect_term", "hold", match.term, None, f"contains a term held for review ({match.term})",
                                  (match.start, match.end), match.text))  # fmt: skip
    if settings["threat_phrases"] != "off":
        from moderation.decide.threats import find_threats

        for threat in find_threats(text):
            reasons.append(Reason("threat_phrase", settings["threat_phrases"], threat.kind, None,
                                  f"reads as a {threat.kind} threat ({threat.pattern})", (threat.start, threat.end), threat.text))  # fmt: skip
    if settings["spam_signals"] != "off":
        from moderation.decide.spam_signals import looks_like_spam

        signal = looks_like_spam(text)
        if signal is not None:
            reasons.append(Reason("spam_signal", settings["spam_signals"], signal.kind, None,
                                  f"reads as spam ({signal.pattern})", (signal.start, signal.end), signal.text))  # fmt: skip
    letters, capitals = _letters_and_capitals(text)
    if letters >= settings["shouting_min_letters"]:
        share = capitals / letters
        if share >= settings["shouting_share"]:
            reasons.append(Reason("shouting", "hold", round(share, 3), settings["shouting_share"], "written mostly in capitals"))
    return reasons, visible


_NOT_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())
_NOT_CAPITALS = bytes(c for c in range(128) if not chr(c).isupper())


def _letters_and_capitals(text: str) -> tuple[int, int]:
    if text.isascii():
        raw = text.encode()
        return len(raw.translate(None, _NOT_LETTERS)), len(raw.translate(None, _NOT_CAPITALS))
    letters = "".join(filter(str.isalpha, text))
    return len(letters), sum(map(str.isupper, letters))


_HELD_OR_REJECTED = (("civility", "uncivil", "uncivil"), ("threat", "threat", "a threat of violence"), ("spam", "spam", "spam"))
"""The scores with a hold and a reject threshold (`TASK_hold`, `TASK_reject`): task, the
label whose probability is compared, and what the message calls it."""


def score_reasons(scores: dict[str, dict[str, float]], policy: Policy, has_article: bool, text: str | None = None) -> list[Reason]:
    """The rules on model scores: incivility, threats and spam (hold, reject), off-topic
    (hold); and, given the comment's `text`, a link beside a spam score that leans to spam
    (`spam_link_hold`)."""
    reasons: list[Reason] = []
    for task, label, what in _HELD_OR_REJECTED:
        value = (scores.get(task) or {}).get(label)
        if value is None:
            continue
        if value >= policy[f"{task}_reject"]:
            reasons.append(Reason(task, "reject", value, policy[f"{task}_reject"], f"very likely {what}"))
        elif value >= policy[f"{task}_hold"]:
            reasons.append(Reason(task, "hold", value, policy[f"{task}_hold"], f"possibly {what}"))
        elif task == "spam" and text is not None and value >= policy["spam_link_hold"] and (link := _link_drop(text)) is not None:
            reasons.append(Reason(task, "hold", value, policy["spam_link_hold"], f"possibly spam: a link beside a spam score of {value:.2f}",
                                  (link.start, link.end), link.text))  # fmt: skip
    unrelated = (scores.get("stance") or {}).get("unrelated")
    if has_article and unrelated is not None and unrelated >= policy["offtopic_hold"]:
        reasons.append(Reason("off_topic", "hold", unrelated, policy["offtopic_hold"], "seems unrelated to the article"))
    return reasons


def _link_drop(text: str) -> SpamSignal | None:
    """The first link in `text` that is not to reporting (`spam_signals`), or None.

    A link alone is no spam (readers link to sources), and a spam score between
    `spam_link_hold` and `spam_hold` alone is too unsure; together they were what 21 of the
    third blind set's 48 missed spam comments looked like (docs/performance.md). Only
    comments scored in that band are read for links here."""
    from moderation.decide.spam_signals import find_spam_signals

    return next((signal for signal in find_spam_signals(text) if signal.kind == "link_drop"), None)


def action_of(reasons: list[Reason]) -> str:
    """The strictest action any reason asks for; publish when none fired."""
    if not reasons:  # most comments: 0.1 µs, against 1 µs for `max` over nothing
        return "publish"
    return max((reason.action for reason in reasons), key=ACTION_RANK.__getitem__)
