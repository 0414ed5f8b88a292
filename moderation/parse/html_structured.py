"""Structured data an HTML page carries for machines: JSON-LD and meta tags.

Owns finding the JSON-LD nodes (through `@graph` and `mainEntity`), picking the one that
describes the article, reading a node's values as plain text and names, and collecting
the page's `<meta>` tags. The article's metadata (`html_article`) and the comments marked
up in JSON-LD (`html_schemaorg`) both read their values through here, so that a name or
a date is read the same way wherever it appears.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from moderation.parse import deepjson
from moderation.parse.common import normalize_space

ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "blogposting", "liveblogposting", "socialmediaposting", "webpage", "scholarlyarticle",
    "techarticle", "report", "review", "backgroundnewsarticle", "reviewnewsarticle", "posting",
    "discussionforumposting", "creativework", "medicalwebpage", "itempage", "aboutpage",
}  # fmt: skip

# XPath's translate(@type, "LDJSON", "ldjson"): only those letters are folded.
_LOWER_LDJSON = str.maketrans("LDJSON", "ldjson")


def json_ld(root: Any) -> Iterator[dict[str, Any]]:
    """The page's JSON-LD nodes, with those in `@graph` and `mainEntity`; a script that is not JSON is passed over."""
    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or "").translate(_LOWER_LDJSON):
            continue
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = deepjson.loads(raw)
        except ValueError:
            try:
                data = deepjson.loads(re.sub(r"[\x00-\x1f]", " ", raw))
            except ValueError:
                continue
        yield from _flatten_ld(data)


def _flatten_ld(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _flatten_ld(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _flatten_ld(data["@graph"], depth + 1)
        if isinstance(data.get("mainEntity"), dict | list):
            yield from _flatten_ld(data["mainEntity"], depth + 1)


def ld_types(node: dict[str, Any]) -> set[str]:
    """A node's `@type`s, lowercased and without a schema.org prefix, however the page wrote them."""
    kind = node.get("@type", [])
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).rsplit("/", 1)[-1].lower() for k in kinds}


def pick_article(nodes: list[dict[str, Any]]) -> dict[str, Any]:
    """The node describing the article: an article type before a generic page, one with a headline first."""
    ranked = [node for node in nodes if ld_types(node) & ARTICLE_TYPES]
    ranked.sort(key=lambda node: ("webpage" in ld_types(node) or "creativework" in ld_types(node), not node.get("headline")))
    return ranked[0] if ranked else {}


def ld_text(value: Any) -> str | None:
    """A value as one line of text: the first of a list, the name of an object."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or value.get("text")
    if isinstance(value, str | int | float) and str(value).strip():
        return normalize_space(str(value))
    return None


def ld_names(value: Any) -> list[str]:
    """People's names from a value (a name, a Person, or a list of them); links are not names."""
    values = value if isinstance(value, list) else [value]
    names = [ld_text(item) for item in values]
    return [name for name in names if name and not name.startswith("http")]


def meta_tags(root: Any) -> dict[str, str]:
    """Each `<meta>` key (property, name or itemprop, lowercased) with its first non-empty content."""
    metas: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        value = normalize_space(meta.get("content") or "")
        if key and value and key not in metas:
            metas[key] = value
    return metas


def first_meta(metas: dict[str, str], keys: tuple[str, ...]) -> str | None:
    """The value of the first of `keys` the page has, `keys` listed most trusted first."""
    return next((metas[key] for key in keys if metas.get(key)), None)
