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
    if any(len(_DIGITS.findall(run.group())) >= MIN_PHONE_DIGITS for run in _NUMBER_RUN.finditer(text)):
        import phonenumbers

        taken = [(item.start, item.end) for item in found] + urls  # digits in a link are the link's
        for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID):
            if not any(start < match.end and match.start < end for start, end in taken):
                found.append(Found("phone", match.start, match.end, match.raw_string))
    return sorted(found, key=lambda item: item.start)


def _within(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(low < end and start < high for low, high in spans)
