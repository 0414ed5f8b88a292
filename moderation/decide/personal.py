"""Personal data in a comment: e-mail addresses and phone numbers, which a moderator holds
before they are published (doxxing). URLs are the links rule's business.

Phone numbers are found by `phonenumbers` (Google's libphonenumber): only numbers valid
for their country count, so years, prices, scores and article numbers are not taken for
phones. A number written without a country code is read as local to the policy's
`phone_region`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.)+[A-Za-z]{2,24}(?![\w-])")
_DIGITS = re.compile(r"\d")
_NUMBER_RUN = re.compile(r"\+?\(?\d[\d\s().\-/]{5,22}\d")
"""A stretch of digits and the separators phone numbers use, long enough for one: only a
comment with such a stretch of seven digits or more is handed to `phonenumbers`."""
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
MIN_PHONE_DIGITS = 7


@dataclass(frozen=True)
class Found:
    """One piece of personal data: what kind ("email", "phone"), where, and its text."""

    kind: str
    start: int
    end: int
    text: str


def find_personal_data(text: str, region: str = "US") -> list[Found]:
    """Every e-mail address and phone number in `text`, in order."""
    urls = [(match.start(), match.end()) for match in _URL.finditer(text)] if "/" in text or "www." in text.lower() else []
    found = [Found("email", match.start(), match.end(), match.group()) for match in EMAIL.finditer(text)
             if not _within(match.start(), match.end(), urls)] if "@" in text else []  # fmt: skip
    runs = [run for run in _NUMBER_RUN.finditer(text) if len(_DIGITS.findall(run.group())) >= MIN_PHONE_DIGITS] \
        if _digit_count(text) >= MIN_PHONE_DIGITS else []  # fmt: skip
    if runs:
        import phonenumbers

        taken = [(item.start, item.end) for item in found] + urls  # digits in a link are the link's
        seen: set[int] = set()
        for window_start, window in _windows(text, runs):
            for match in phonenumbers.PhoneNumberMatcher(window, region, leniency=phonenumbers.Leniency.VALID):
                start, end = window_start + match.start, window_start + match.end
                if start not in seen and not any(low < end and start < high for low, high in taken):
                    seen.add(start)
                    found.append(Found("phone", start, end, match.raw_string))
    return sorted(found, key=lambda item: item.start)


WINDOW_CONTEXT = 24
"""Characters kept on each side of a run of digits when it is handed to `phonenumbers`:
room for a country code's "+", an extension ("ext. 12") and the letters around a number
that tell it is not one. Its matcher reads the whole text it is given, at about half a
millisecond for a news comment; a window around each run is what it needs."""


def _windows(text: str, runs: list[re.Match[str]]) -> list[tuple[int, str]]:
    """The runs' windows, merged where they overlap: (start in `text`, window)."""
    spans: list[list[int]] = []
    for run in runs:
        start, end = max(run.start() - WINDOW_CONTEXT, 0), min(run.end() + WINDOW_CONTEXT, len(text))
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    return [(start, text[start:end]) for start, end in spans]


_ASCII_NOT_DIGITS = bytes(code for code in range(128) if not chr(code).isdigit())


def _digit_count(text: str) -> int:
    """How many digits `text` has: most comments have too few for a phone number, and
    counting them is a tenth of the cost of looking for a run of them."""
    return len(text.encode().translate(None, _ASCII_NOT_DIGITS)) if text.isascii() else len(_DIGITS.findall(text))


def _within(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(low < end and start < high for low, high in spans)
