"""The article's metadata on an HTML page: title, site, authors, dates, section, summary.

Each field is taken from the most trusted source that has it: the page's JSON-LD article
node, then microdata and meta tags (read through `html_structured`), then what the page
shows (`<title>`, `<h1>`, bylines, `<time>`). What sits inside the comments is never the
article's: a commenter's name is not a byline, nor a comment's time the publication date.
"""

from __future__ import annotations

import re
from typing import Any

from moderation.parse.common import find_agency, normalize_space, parse_date
from moderation.parse.html_structured import first_meta, ld_names, ld_text
from moderation.parse.tree import TreeFold, any_above, element_text, iter_elements
from moderation.records import Article, CommentPolicy

_AUTHOR_META = ("author", "article:author", "dc.creator", "dc.contributor", "sailthru.author",
                "parsely-author", "byl", "twitter:creator")  # fmt: skip
_PUBLISHED_META = ("article:published_time", "datepublished", "dc.date", "dc.date.issued",
                   "dcterms.created", "date", "pubdate", "publishdate", "publish-date",
                   "sailthru.date", "parsely-pub-date", "og:published_time", "article.published",
                   "published_time", "original-publish-date", "dc.date.created")  # fmt: skip
_MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
                  "last-modified", "article.updated", "lastmod")  # fmt: skip
_BYLINE_CLASS = re.compile(r"byline|author|writer|contributor|(?:^|[-_])by(?:$|[-_])", re.I)
BY_PREFIX = re.compile(r"^\s*(?:by|written by|posted by|von|par|por|di)\s*:?\s+", re.I)
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—»·:]\s+")


def read_article(
    root: Any,
    ld: dict[str, Any],
    metas: dict[str, str],
    policy: CommentPolicy,
    source: str | None,
    url: str | None,
) -> Article:
    """The article's record, each field from the most trusted source that has it."""
    publisher = ld.get("publisher")
    in_comments = any_above(_names_comments)
    authors = ld_names(ld.get("author")) or _meta_authors(metas) or _byline(root, in_comments)
    published = (
        ld_text(ld.get("datePublished"))
        or first_meta(metas, _PUBLISHED_META)
        or _microdata(root, "datePublished", any_above(_is_comment_item))
        or _time_element(root, in_comments)
    )
    modified = ld_text(ld.get("dateModified")) or first_meta(metas, _MODIFIED_META)
    lines = _visible_lines(root, limit=400)
    section = ld_text(ld.get("articleSection")) or metas.get("article:section")
    return Article(
        url=url or metas.get("og:url") or _canonical(root) or ld_text(ld.get("url")),
        site_name=metas.get("og:site_name") or ld_text(publisher) or metas.get("application-name")
        or _site_from_title(root),
        title=_title(root, ld, metas),
        authors=tuple(dict.fromkeys(authors)),
        published=parse_date(published),
        modified=parse_date(modified),
        dateline=ld_text(ld.get("dateline")),
        agency=find_agency(lines),
        section=section,
        summary=ld_text(ld.get("description")) or metas.get("og:description") or metas.get("description"),
        key_points=(),
        read_time=ld_text(ld.get("timeRequired")),
        comment_policy=policy,
        source=source,
    )


def _title(root: Any, ld: dict[str, Any], metas: dict[str, str]) -> str | None:
    page_title = normalize_space(root.findtext(".//title") or "")
    headings = [normalize_space(h.text_content()) for h in root.iter("h1")]
    headings = [h for h in headings if h]
    candidates = [ld_text(ld.get("headline")), metas.get("og:title"), metas.get("twitter:title"),
                  metas.get("dc.title")]  # fmt: skip
    for candidate in candidates:
        if candidate:
            return candidate
    if page_title:
        # Readers expect the headline, not "Headline | Site": drop a site suffix only when
        # a heading on the page confirms which part is the headline.
        for heading in headings:
            if heading == page_title:
                return heading
        parts = _TITLE_SEPARATOR.split(page_title)
        for heading in headings:
            if len(parts) > 1 and heading in parts:
                return heading
        return page_title
    return headings[0] if headings else None


def _site_from_title(root: Any) -> str | None:
    """"Headline | Site": the part of `<title>` that is not the page's `<h1>`."""
    page_title = normalize_space(root.findtext(".//title") or "")
    parts = _TITLE_SEPARATOR.split(page_title)
    if len(parts) != 2:
        return None
    headings = {normalize_space(h.text_content()) for h in root.iter("h1")}
    if parts[0] in headings and len(parts[1].split()) <= 5:
        return parts[1]
    return None


def _meta_authors(metas: dict[str, str]) -> list[str]:
    value = first_meta(metas, _AUTHOR_META)
    if not value or value.startswith("http") or value.startswith("@"):
        return []
    return [name.strip() for name in re.split(r"\s*(?:,|;|\band\b)\s*", value) if name.strip()]


def _byline(root: Any, in_comments: TreeFold) -> list[str]:
    for element in iter_elements(root):
        if element.get("rel") != "author" and element.get("itemprop") != "author":
            marks = f"{element.get('class', '')} {element.get('id', '')}"
            if not _BYLINE_CLASS.search(marks) or in_comments.above(element):
                continue
        elif in_comments.above(element):
            continue
        text = BY_PREFIX.sub("", normalize_space(element.text_content()))
        if 2 < len(text) <= 60 and len(text.split()) <= 6 and not re.search(r"\d{4}|http|@|©", text):
            return [text.strip(" ,|")]
    return []


def _names_comments(element: Any) -> bool:
    """An element whose class, id or item type says it holds comments: what is inside is not the article's."""
    marks = f"{element.get('class', '')} {element.get('id', '')}".lower()
    return "comment" in marks or _is_comment_item(element)


def _is_comment_item(element: Any) -> bool:
    return "Comment" in (element.get("itemtype") or "")


def _time_element(root: Any, in_comments: TreeFold) -> str | None:
    for element in root.iter("time"):
        if in_comments.above(element):
            continue
        value = element.get("datetime") or element.text_content()
        if value and parse_date(value):
            return value
    return None


def _canonical(root: Any) -> str | None:
    for link in root.iter("link"):
        if link.get("rel") == "canonical" and link.get("href"):
            return link.get("href").strip()
    return None


def _microdata(root: Any, prop: str, in_comment_item: TreeFold) -> str | None:
    for element in iter_elements(root):
        if element.get("itemprop") != prop or in_comment_item.above(element):
            continue
        value = element.get("content") or element.get("datetime") or element.text_content()
        if value and value.strip():
            return normalize_space(value)
    return None


def _visible_lines(root: Any, limit: int) -> list[str]:
    body = root.find("body")
    if body is None:
        return []
    lines = element_text(body).splitlines()
    return lines[:limit] + lines[-limit:] if len(lines) > 2 * limit else lines
