"""Bytes to text: BOM first, then the page's own charset declaration, then a safe fallback.

Saved pages lie about their encoding often enough (a Latin-1 page declaring nothing, a
Windows-1252 page declaring ISO-8859-1), so a declared charset that fails to decode is
not trusted, and the last resort, Windows-1252, can decode every byte.
"""

from __future__ import annotations

import codecs
import re

from moderation.errors import ParseError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype|html|head|body|meta|title|div|p|article|section|"
    r"script|link|table|ul|ol|span|a|h[1-6])\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(r"</?(?:html|body|div|p|span|article|section|br|a)\b[^>]*>", re.I)


def looks_binary(data: bytes) -> bool:
    """True for images, archives and other files no page parser should read as text."""
    sample = data[:8192]
    if not sample:
        return False
    if any(sample.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return controls / len(sample) > 0.05


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a `<meta>` tag within its first 4 KB, if any."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes) -> str:
    """Decode a page's bytes; raises ParseError for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    if looks_binary(data):
        raise ParseError("binary data, not a page")
    declared = declared_charset(data)
    candidates = [declared] if declared else []
    # Latin-1 declarations are usually Windows-1252 in practice (the WHATWG rule), and
    # UTF-8 is tried before trusting a declaration that decodes anything at all.
    if declared in ("latin-1", "iso8859-1", "ascii"):
        candidates = ["cp1252"]
    for encoding in [*candidates, "utf-8"]:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("cp1252", errors="replace")


def is_html(text: str) -> bool:
    """Whether text is markup (parse as HTML) rather than a plain-text dump of a page."""
    if _HTML_START.match(text[:2048]):
        return True
    return len(_HTML_TAGS.findall(text[:20000])) >= 5
