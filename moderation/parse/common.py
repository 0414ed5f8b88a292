"""Heuristics both page parsers share: dates, comment policies, boilerplate, agencies.

Everything here works on plain strings so the text-dump and HTML parsers agree on what
a policy line or a "Comments are closed" notice is.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

from moderation.records import CommentPolicy

MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_MONTH_NUMBER = {
    name: index % 12 + 1
    for index, name in enumerate(
        "january february march april may june july august september october november "
        "december jan feb mar apr may jun jul aug sep oct nov dec".split()
    )
}
_MONTH_NUMBER["sept"] = 9
_ISO_DATE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?"
    r"(Z|[+-]\d{2}:?\d{2})?)?"
)
_MONTH_FIRST = re.compile(rf"\b({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_DAY_FIRST = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS})\.?,?\s+(\d{{4}})\b", re.I)
# "09/21/2012" (TypePad's footers): read only when one of the two numbers is above 12, so
# that the order is certain; "03/04/2012" stays unread.
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")

KNOWN_AGENCIES = (
    "ANI", "PTI", "IANS", "UNI", "AP", "AFP", "Reuters", "Associated Press", "Agence France-Presse",
    "Bloomberg", "dpa", "EFE", "ANSA", "Xinhua", "TASS", "Kyodo", "Yonhap", "CNA", "PA",
    "AAP", "Canadian Press", "NNA", "APA", "Anadolu",
)  # fmt: skip
_AGENCY_RE = "|".join(re.escape(name) for name in sorted(KNOWN_AGENCIES, key=len, reverse=True))
_AGENCY_LINE = re.compile(rf"^\s*(?:[-–—]\s*|\(\s*|source:\s*|with inputs from\s+)({_AGENCY_RE})\s*\)?\.?\s*$", re.I)
_AGENCY_DATELINE = re.compile(rf"\(({_AGENCY_RE})\)\s*[-–—:]", re.I)

_MIN_CHARS = re.compile(
    r"\b(?:minimum|min\.?|at least)\s*(?:of\s*)?(?:length\s*(?:of|:)?\s*)?(\d{1,5})\s*(?:characters|chars)\b"
    r"|\b(\d{1,5})\s*(?:characters|chars)\s*(?:minimum|min\b)",
    re.I,
)
_MAX_CHARS = re.compile(
    r"\b(?:maximum|max\.?|up to|no more than|limit(?:ed)? (?:of|to))\s*(?:of\s*)?(\d{1,6})\s*(?:characters|chars)\b"
    r"|\b(\d{1,6})\s*(?:characters|chars)\s*(?:maximum|max\b|left|remaining)",
    re.I,
)
_COUNTER = re.compile(r"^\s*(?:.*\s)?0\s*/\s*(\d{1,6})\s*$")
_MODERATED = re.compile(
    r"comments? (?:are|is|will be|may be) (?:pre-?)?(?:moderated|reviewed)|"
    r"(?:moderated|reviewed) before (?:they|it|comments?) (?:are |is )?(?:published|appear)|"
    r"awaiting moderation|subject to moderation|moderation policy",
    re.I,
)
_GUIDELINE = re.compile(
    r"\b(?:respectful|on[- ]topic|civil(?:ity)?|courteous|personal attacks|abusive|offensive|"
    r"community (?:guidelines|standards)|house rules|comment(?:ing)? (?:policy|guidelines|rules)|"
    r"be (?:kind|nice|polite))\b",
    re.I,
)
_COMMENTISH = re.compile(r"\b(?:comments?|commenting|discussions?|replies|posts?|readers?)\b", re.I)
# A policy line has one of these, in some case: what _MIN_CHARS, _MAX_CHARS, _COUNTER,
# _MODERATED or _GUIDELINE needs to match. One search in an ASCII line, lowered, rules out
# most lines several times faster than those patterns (re.I also folds "ſ" into "s" and
# the Kelvin sign into "k", which lower() does not: other lines take the patterns).
_POLICY_WORDS = re.compile(
    "char|/|moderat|review|respectful|topic|civil|courteous|attacks|abusive|offensive|community|rules|polic|"
    "guideline|be kind|be nice|be polite"
)

BOILERPLATE = re.compile(
    r"^\s*(?:"
    r"comments? (?:are|is) (?:now )?(?:closed|disabled|turned off|off)|"
    r"(?:no|0|zero) (?:comments?|responses?|replies)(?: yet)?|"
    r"be the first to comment|"
    r"leave a (?:comment|reply|response)|post a comment|add (?:a|your) comment|write a comment|"
    r"(?:you must be |please )?(?:log(?:ged)? ?in|sign ?in|register)(?: to| in to)? (?:post|comment|reply|leave)|"
    r"join the (?:discussion|conversation)|"
    r"subscribe|sign up for|newsletter|"
    r"(?:load|show|view) (?:more|all) comments?|"
    r"\d+ (?:comments?|responses?|replies)|"
    r"(?:reply|like|report|share|flag|quote|permalink|edit|delete)(?: ?\(\d+\))?"
    r")\s*[.!:…]*\s*$",
    re.I,
)


LEAD_CHARS = 1000
"""How much of an article's own text an export's record carries (`article_text`): stance
reads the title and the lead, and the body would be repeated in every comment's record."""
_ASCII_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def normalize_space(text: str) -> str:
    """Collapse runs of whitespace (including NBSP and zero-width characters)."""
    # str.split() splits on exactly the characters re's \s matches (NBSP among them), and
    # is several times faster than re.sub on the million lines of a large thread.
    return " ".join(text.replace("\u200b", "").replace("\ufeff", "").split())


def without_controls(text: str) -> str:
    """NFC, with control characters (but newlines and tabs) dropped."""
    text = unicodedata.normalize("NFC", text)
    if text.isascii():
        # The same characters as the test below, found by one regular expression instead
        # of a Python step per character (most of the time a page took).
        return _ASCII_CONTROL.sub("", text)
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")


def clean_text(text: str) -> str:
    """NFC, no control characters, paragraphs kept as single newlines."""
    text = without_controls(text)
    lines = [normalize_space(line) for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def parse_date(text: str | None) -> str | None:
    """ISO 8601 from the date forms pages use; None when nothing date-like is found.

    A bare date stays a date ("2026-01-30"); a timestamp keeps its time and offset.
    """
    if not text:
        return None
    text = text.strip()
    match = _ISO_DATE.search(text)
    if match:
        year, month, day, hour, minute, second, offset = match.groups()
        if not _valid(int(year), int(month), int(day)):
            return None
        if hour is None:
            return f"{year}-{month}-{day}"
        stamp = f"{year}-{month}-{day}T{hour}:{minute}:{second or '00'}"
        if offset:
            stamp += "Z" if offset == "Z" else f"{offset[:3]}:{offset[-2:]}"
        return stamp
    for pattern, order in ((_MONTH_FIRST, "mdy"), (_DAY_FIRST, "dmy")):
        match = pattern.search(text)
        if match:
            parts = dict(zip(order, match.groups()))
            year, month, day = int(parts["y"]), _MONTH_NUMBER[parts["m"].lower()], int(parts["d"])
            if _valid(year, month, day):
                return f"{year:04d}-{month:02d}-{day:02d}"
    match = _NUMERIC_DATE.search(text)
    if match:
        first, second, year = (int(part) for part in match.groups())
        if (first > 12) != (second > 12):
            month, day = (second, first) if first > 12 else (first, second)
            if _valid(year, month, day):
                return f"{year:04d}-{month:02d}-{day:02d}"
    return None


_CLOCK = re.compile(r"\b(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])?\.?m?\b", re.I)


def parse_timestamp(text: str | None) -> str | None:
    """`parse_date`, with the time of day a comment's header gives beside a written-out
    date ("December 27th, 2007 7:51 pm" is "2007-12-27T19:51:00", in the site's time)."""
    stamp = parse_date(text)
    if not stamp or "T" in stamp or not text:
        return stamp
    clock = _CLOCK.search(text)
    if not clock:
        return stamp
    hour, minute = int(clock.group(1)), int(clock.group(2))
    half = (clock.group(4) or "").lower()
    if half:
        if not 1 <= hour <= 12:
            return stamp
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        return stamp
    return f"{stamp}T{hour:02d}:{minute:02d}:{clock.group(3) or '00'}"


def utc_stamp(value: object) -> str | None:
    """ISO 8601 in UTC from a timestamp an export gives in GMT without saying so
    (WordPress's "2007-09-04 00:49:28"): `parse_date`, with "Z" added to a time that names
    no zone; None for anything not text."""
    stamp = parse_date(value) if isinstance(value, str) else None
    return f"{stamp}Z" if stamp and "T" in stamp and not stamp.endswith("Z") and "+" not in stamp[10:] else stamp


def _valid(year: int, month: int, day: int) -> bool:
    try:
        datetime(year, month, day)
    except ValueError:
        return False
    return 1990 <= year <= 2100


def find_agency(lines: list[str]) -> str | None:
    """A wire agency credited on its own line ("- ANI", "(Reuters)") or in a dateline."""
    for line in reversed(lines):
        match = _AGENCY_LINE.match(line)
        if match:
            return _canonical_agency(match.group(1))
    for line in lines:
        match = _AGENCY_DATELINE.search(line)
        if match:
            return _canonical_agency(match.group(1))
    return None


def _canonical_agency(name: str) -> str:
    for known in KNOWN_AGENCIES:
        if known.lower() == name.lower():
            return known
    return name


def is_boilerplate(text: str) -> bool:
    """True for comment-section furniture that is not a reader's comment."""
    text = normalize_space(text)
    if not text:
        return True
    return bool(BOILERPLATE.match(text))


def policy_from_lines(lines: list[str]) -> CommentPolicy:
    """Read a comment policy from the lines of a comment section (or a whole page)."""
    min_chars = max_chars = None
    moderated = None
    guidelines: dict[str, None] = {}  # in order, each once (a list's `in` made many lines quadratic)
    for line in lines:
        if min_chars is None and (match := _MIN_CHARS.search(line)):
            min_chars = int(match.group(1) or match.group(2))
        if max_chars is None and (match := _MAX_CHARS.search(line)):
            max_chars = int(match.group(1) or match.group(2))
        if max_chars is None and (match := _COUNTER.match(line)) and min_chars is None:
            max_chars = int(match.group(1))
        if _MODERATED.search(line):
            moderated = True
        if _GUIDELINE.search(line) and _COMMENTISH.search(line) and len(line) < 600:
            guidelines[line] = None
    return CommentPolicy(
        min_chars=min_chars,
        max_chars=max_chars,
        moderated=moderated,
        guidelines=" ".join(guidelines) or None,
    )


def is_policy_line(line: str) -> bool:
    """A line that states comment rules rather than being a comment."""
    if len(line) > 400:
        return False
    # Asked of every line of a thread, nearly all of which have none of the words below.
    if line.isascii() and not _POLICY_WORDS.search(line.lower()):
        return False
    if _MIN_CHARS.search(line) or _MAX_CHARS.search(line) or _COUNTER.match(line):
        return True
    if _MODERATED.search(line):
        return True
    return bool(_GUIDELINE.search(line) and _COMMENTISH.search(line) and re.search(
        r"\b(?:please|we welcome|keep|must|should|do not|don't|avoid|will be removed|reserve)\b",
        line,
        re.I,
    ))


_BLOCK_TAGS = ("p", "div", "br", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "tr")


def fragment_text(body: str | None) -> str:
    """What a reader sees of an HTML fragment (a comment's or a post's body in an export):
    block elements and line breaks as new lines, tags and entities gone, then `clean_text`.
    Text without markup is only cleaned."""
    if not body:
        return ""
    if "<" not in body and "&" not in body:
        return clean_text(body)
    from lxml import etree
    from lxml import html as lxml_html

    try:
        fragment = lxml_html.fragment_fromstring(body, create_parent="div")
    except (etree.ParserError, ValueError):  # markup lxml cannot make a tree of: keep the words
        return clean_text(re.sub(r"<[^>]{0,200}>", " ", body))
    for element in fragment.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    for element in list(fragment.iter("script", "style")):
        element.drop_tree()
    return clean_text(fragment.text_content())
