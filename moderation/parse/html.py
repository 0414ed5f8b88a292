"""HTML pages: article metadata from structured data, comments from the page structure.

Metadata precedence, most trusted first: JSON-LD (NewsArticle and kin, `@graph`),
microdata, OpenGraph / Twitter / Dublin Core / plain meta tags, then the visible page
(`<title>`, `<h1>`, `<time>`, bylines). Comments come from schema.org `Comment` markup
when present, otherwise from comment containers named by the blog and forum engines
(WordPress `commentlist`, Disqus `dsq-comment`, `#comments`, `comment-123` ids...).

This module holds that order; the readers it calls each own one part of the page:
`html_structured` (JSON-LD and meta tags), `html_article` (the article's metadata),
`html_policy` (the comment policy), `html_schemaorg` (comments marked up as schema.org
`Comment`), `html_structure` (comments found by the page's structure) and `html_comment`
(reading one comment item); `tree` builds the element tree they walk.
"""

from __future__ import annotations

import re
from typing import Any

from moderation.parse.html_article import read_article
from moderation.parse.html_policy import read_policy
from moderation.parse.html_schemaorg import comments_from_json_ld, comments_from_microdata
from moderation.parse.html_structure import comments_from_structure
from moderation.parse.html_structured import json_ld, meta_tags, pick_article
from moderation.parse.tree import document, keep_proxies
from moderation.records import Article, ParsedPage


def parse_html(text: str, source: str | None = None, url: str | None = None) -> ParsedPage:
    """Parse an HTML page into its article and reader comments."""
    root = _document(text, source)
    if root is None:
        return ParsedPage(article=Article(source=source, url=url), format="html")
    # Every element keeps its Python proxy until the parse is over. lxml, freeing a proxy,
    # walks up to the nearest ancestor that still has one (to the top of the page if none
    # has): the depth of the thread for each element, minutes for one a few thousand
    # replies deep. With all kept, in document order, each walk stops at the parent, and
    # the list lets them go last first.
    proxies = list(keep_proxies(root))
    structured = list(json_ld(root))
    article_ld = pick_article(structured)
    metas = meta_tags(root)
    policy = read_policy(root)
    article = read_article(root, article_ld, metas, policy, source, url)
    comments = comments_from_json_ld(structured, article) or comments_from_microdata(root, article)
    if not comments:
        comments = comments_from_structure(root, article)
    del proxies
    return ParsedPage(article=article, comments=tuple(comments), format="html")


def _document(text: str, source: str | None = None) -> Any:
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text[:200]) + text[200:]
    if not text.strip():
        return None
    return document(text, source)
