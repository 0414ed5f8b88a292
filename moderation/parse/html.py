"""HTML pages: article metadata from structured data, comments from the page structure.

Metadata precedence, most trusted first: JSON-LD (NewsArticle and kin, `@graph`),
microdata, OpenGraph / Twitter / Dublin Core / plain meta tags, then the visible page
(`<title>`, `<h1>`, `<time>`, bylines). Comments come from schema.org `Comment` markup
when present, otherwise from comment containers named by the blog and forum engines
(WordPress `commentlist`, Disqus `dsq-comment`, `#comments`, `comment-123` ids...).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import Any

from lxml import etree

from moderation.parse import deepjson
from moderation.parse.common import (
    find_agency,
    is_boilerplate,
    is_policy_line,
    normalize_space,
    parse_date,
    policy_from_lines,
)
from moderation.parse.lengths import link_lengths, text_lengths
from moderation.parse.tree import (
    BLOCK_TAGS,
    DROP_TAGS,
    TreeFold,
    any_above,
    document,
    element_text,
    keep_proxies,
)
from moderation.records import Article, Comment, CommentPolicy, ParsedPage

ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "blogposting", "liveblogposting", "socialmediaposting", "webpage", "scholarlyarticle",
    "techarticle", "report", "review", "backgroundnewsarticle", "reviewnewsarticle", "posting",
    "discussionforumposting", "creativework", "medicalwebpage", "itempage", "aboutpage",
}  # fmt: skip

# A comment *item* is the repeated unit, one per comment. Parts of an item (its author,
# date, text) and section furniture (forms, counts, widgets) have names that also contain
# "comment", hence the exclusion list.
_ITEM_TOKEN = re.compile(
    r"^(?:(?:[a-z]+[-_]?)?comment(?:[-_]?(?:item|entry|wrap|wrapper|container|block|box|"
    r"thread|single|main|holder|li|div))?|commentitem|commententry|single[-_]comment|"
    r"dsq-comment|comment-\d+|li-comment-\d+|comment_\d+|c\d{3,}|"
    r"(?:even|odd)?[-_]?comment[-_]?(?:even|odd)|reply|post-reply|user-comment|usercomment)$",
    re.I,
)
_ITEM_ID = re.compile(r"^(?:li-|div-|dsq-)?comment[-_]?(?:\d+|[0-9a-f]{6,})$|^c\d{4,}$|^comment-[\w-]{4,}$", re.I)
_NOT_ITEM = re.compile(
    r"form|respond|reply-?link|reply-?to|count|num|number|meta|author|avatar|date|time|title|"
    r"status|link|button|rss|feed|polic|closed|header|footer|nav|pag(?:e|ination)|recent|widget|"
    r"share|toggle|spinner|error|nonce|parent|post_?id|vote|rating|like|flag|action|tools?|"
    r"content|text|body|message|subscri|login|sign|register|tab|popular|latest|top|sidebar|"
    r"bubble|icon|label|total|bar|heading|intro|notes?|submit|cancel|field|input|preview|"
    r"allowed|tags|edit|list|lists|section|area|sort|filter|moderat|pending|anchor|permalink|"
    r"replies|children|depth|level|pixie|open|more|load|trackback|pingback|ping|separator|"
    r"track|widget|hidden|noscript|js|ajax|placeholder|template|sub$|by-|entry-?count",
    re.I,
)
_SECTION_TOKEN = re.compile(
    r"^(?:comments?|commentlist|comment-?list|comments-?(?:area|section|container|wrap|wrapper|"
    r"list|block|content|main|holder)|dsq-comments|disqus_thread|responses|discussion|"
    r"article-comments|user-comments|reader-comments|comment_list|comments_list|thread)$",
    re.I,
)
_NOT_SECTION_CONTEXT = re.compile(r"recent|widget|sidebar|popular|latest|most|footer|related|nav|menu", re.I)
_AUTHOR_PART = re.compile(r"(?:^|[-_])(?:author|fn|user(?:name)?|name|nick(?:name)?|commenter|poster|by|byline)(?:$|[-_])", re.I)
_DATE_PART = re.compile(r"(?:^|[-_])(?:date|time|timestamp|posted|published|meta|when|ago)(?:$|[-_])", re.I)
_BODY_PART = re.compile(
    r"(?:^|[-_])(?:content|text|body|message|entry|comment-?text|commenttext|commentbody|"
    r"comment_?content|dsq-comment-message|post-?body|post-?message)(?:$|[-_])|^(?:commenttext|commentbody|commentext|comment_text|comment_body|comment-text|comment-body|comment-content|comment_content)$",
    re.I,
)
_NOISE_PART = re.compile(r"reply|action|tool|vote|rating|like|flag|share|footer|report|permalink|edit", re.I)
_AUTHOR_META = ("author", "article:author", "dc.creator", "dc.contributor", "sailthru.author",
                "parsely-author", "byl", "twitter:creator")  # fmt: skip
_PUBLISHED_META = ("article:published_time", "datepublished", "dc.date", "dc.date.issued",
                   "dcterms.created", "date", "pubdate", "publishdate", "publish-date",
                   "sailthru.date", "parsely-pub-date", "og:published_time", "article.published",
                   "published_time", "original-publish-date", "dc.date.created")  # fmt: skip
_MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
                  "last-modified", "article.updated", "lastmod")  # fmt: skip
_BYLINE_CLASS = re.compile(r"byline|author|writer|contributor|(?:^|[-_])by(?:$|[-_])", re.I)
_BY_PREFIX = re.compile(r"^\s*(?:by|written by|posted by|von|par|por|di)\s*:?\s+", re.I)
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—»·:]\s+")


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
    structured = list(_json_ld(root))
    article_ld = _pick_article(structured)
    metas = _meta_tags(root)
    policy = _policy(root)
    article = _article(root, article_ld, metas, policy, source, url)
    comments = _comments_from_json_ld(structured, article) or _comments_from_microdata(root, article)
    if not comments:
        comments = _comments_from_structure(root, article)
    del proxies
    return ParsedPage(article=article, comments=tuple(comments), format="html")


def _document(text: str, source: str | None = None) -> Any:
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text[:200]) + text[200:]
    if not text.strip():
        return None
    return document(text, source)


# --- structured data --------------------------------------------------------------------


def _json_ld(root: Any) -> Iterator[dict[str, Any]]:
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


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type", [])
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).rsplit("/", 1)[-1].lower() for k in kinds}


def _pick_article(nodes: list[dict[str, Any]]) -> dict[str, Any]:
    ranked = [node for node in nodes if _types(node) & ARTICLE_TYPES]
    ranked.sort(key=lambda node: ("webpage" in _types(node) or "creativework" in _types(node), not node.get("headline")))
    return ranked[0] if ranked else {}


def _ld_text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or value.get("text")
    if isinstance(value, str | int | float) and str(value).strip():
        return normalize_space(str(value))
    return None


def _ld_names(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    names = [_ld_text(item) for item in values]
    return [name for name in names if name and not name.startswith("http")]


def _meta_tags(root: Any) -> dict[str, str]:
    metas: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        value = normalize_space(meta.get("content") or "")
        if key and value and key not in metas:
            metas[key] = value
    return metas


def _first_meta(metas: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((metas[key] for key in keys if metas.get(key)), None)


def _microdata(root: Any, prop: str, in_comment_item: TreeFold) -> str | None:
    for element in _elements(root):
        if element.get("itemprop") != prop or in_comment_item.above(element):
            continue
        value = element.get("content") or element.get("datetime") or element.text_content()
        if value and value.strip():
            return normalize_space(value)
    return None


# --- article ----------------------------------------------------------------------------


def _article(
    root: Any,
    ld: dict[str, Any],
    metas: dict[str, str],
    policy: CommentPolicy,
    source: str | None,
    url: str | None,
) -> Article:
    publisher = ld.get("publisher")
    in_comments = any_above(_names_comments)
    authors = _ld_names(ld.get("author")) or _meta_authors(metas) or _byline(root, in_comments)
    published = (
        _ld_text(ld.get("datePublished"))
        or _first_meta(metas, _PUBLISHED_META)
        or _microdata(root, "datePublished", any_above(_is_comment_item))
        or _time_element(root, in_comments)
    )
    modified = _ld_text(ld.get("dateModified")) or _first_meta(metas, _MODIFIED_META)
    lines = _visible_lines(root, limit=400)
    section = _ld_text(ld.get("articleSection")) or metas.get("article:section")
    return Article(
        url=url or metas.get("og:url") or _canonical(root) or _ld_text(ld.get("url")),
        site_name=metas.get("og:site_name") or _ld_text(publisher) or metas.get("application-name")
        or _site_from_title(root),
        title=_title(root, ld, metas),
        authors=tuple(dict.fromkeys(authors)),
        published=parse_date(published),
        modified=parse_date(modified),
        dateline=_ld_text(ld.get("dateline")),
        agency=find_agency(lines),
        section=section,
        summary=_ld_text(ld.get("description")) or metas.get("og:description") or metas.get("description"),
        key_points=(),
        read_time=_ld_text(ld.get("timeRequired")),
        comment_policy=policy,
        source=source,
    )


def _title(root: Any, ld: dict[str, Any], metas: dict[str, str]) -> str | None:
    page_title = normalize_space(root.findtext(".//title") or "")
    headings = [normalize_space(h.text_content()) for h in root.iter("h1")]
    headings = [h for h in headings if h]
    candidates = [_ld_text(ld.get("headline")), metas.get("og:title"), metas.get("twitter:title"),
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
    value = _first_meta(metas, _AUTHOR_META)
    if not value or value.startswith("http") or value.startswith("@"):
        return []
    return [name.strip() for name in re.split(r"\s*(?:,|;|\band\b)\s*", value) if name.strip()]


def _byline(root: Any, in_comments: TreeFold) -> list[str]:
    for element in _elements(root):
        if element.get("rel") != "author" and element.get("itemprop") != "author":
            marks = f"{element.get('class', '')} {element.get('id', '')}"
            if not _BYLINE_CLASS.search(marks) or in_comments.above(element):
                continue
        elif in_comments.above(element):
            continue
        text = _BY_PREFIX.sub("", normalize_space(element.text_content()))
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


# --- text helpers -----------------------------------------------------------------------


def _strip(root: Any) -> Any:
    """A copy of the tree without scripts, forms' fields and other invisible parts."""
    etree.strip_elements(root, *DROP_TAGS, etree.Comment, with_tail=False)
    hidden = [
        element
        for element in _elements(root)
        if element.get("hidden") is not None or "display:none" in (element.get("style") or "").replace(" ", "")
    ]
    for element in hidden:
        if element.getparent() is not None:
            element.drop_tree()
    return root


def _visible_lines(root: Any, limit: int) -> list[str]:
    body = root.find("body")
    if body is None:
        return []
    lines = element_text(body).splitlines()
    return lines[:limit] + lines[-limit:] if len(lines) > 2 * limit else lines


# Whole-page searches iterate rather than ask XPath: libxml2 sorts what XPath finds into
# document order by walking up from each node, which costs the depth of the page per
# comparison (seconds for a thread a few thousand replies deep).


def _elements(root: Any) -> Iterator[Any]:
    """Every element of the page in document order (what XPath's //* finds)."""
    return (element for element in root.iter() if isinstance(element.tag, str))


# XPath's translate(@class, "COMENT", "coment"): only those letters are folded.
_LOWER_COMMENT = str.maketrans("COMENT", "coment")
_LOWER_RESPOND = str.maketrans("RESPOND", "respond")
_LOWER_LDJSON = str.maketrans("LDJSON", "ldjson")


def _marks(element: Any) -> tuple[list[str], str]:
    tokens = (element.get("class") or "").split()
    return tokens, (element.get("id") or "").strip()


# --- comment policy ---------------------------------------------------------------------


def _policy(root: Any) -> CommentPolicy:
    elements = [
        element
        for element in _elements(root)
        if "comment" in (element.get("class") or "").translate(_LOWER_COMMENT)
        or "comment" in (element.get("id") or "").translate(_LOWER_COMMENT)
        or "respond" in (element.get("id") or "").translate(_LOWER_RESPOND)
    ]
    named = set(elements)

    def reads_blocks_below(element: Any, above: bool) -> bool:
        # A named element's text holds every line of a block inside it, unless something
        # between them is left out of the text (a form, a script...).
        return element.tag not in DROP_TAGS and element.tag != "form" and (above or element in named)

    def outermost_named(element: Any, above: Any) -> Any:
        return above if above is not None or element not in named else element

    covered = TreeFold(reads_blocks_below, False)
    owner = TreeFold(outermost_named, None)
    # A field's limits used to be listed under every named element around it; only the
    # first listing, under the outermost, survived the de-duplication below.
    fields: dict[Any, list[Any]] = {}
    for field in root.iter("textarea"):
        if field.get("minlength") is None and field.get("maxlength") is None:
            continue
        outermost = owner.above(field)
        if outermost is not None:
            fields.setdefault(outermost, []).append(field)
    lines: list[str] = []
    judged: dict[str, bool] = {}  # "Reply", "says:"... come once per comment
    for element in elements:
        # A block already read as part of a named element around it adds no new line:
        # reading it again made a thread nested N deep cost N squared.
        if not (element.tag in BLOCK_TAGS and covered.above(element)):
            for line in element_text(element).splitlines():
                verdict = judged.get(line)
                if verdict is None:
                    verdict = judged[line] = is_policy_line(line)
                if verdict:
                    lines.append(line)
        for field in fields.get(element, ()):
            lines.append(f"minimum {field.get('minlength')} characters" if field.get("minlength") else "")
            lines.append(f"maximum {field.get('maxlength')} characters" if field.get("maxlength") else "")
    return policy_from_lines(list(dict.fromkeys(line for line in lines if line)))


# --- comments ---------------------------------------------------------------------------


def _comments_from_json_ld(nodes: list[dict[str, Any]], article: Article) -> list[Comment]:
    found: list[Comment] = []
    nested = {id(other.get("comment")) for other in nodes}
    # Depth first, in document order, with a stack: replies can nest deeper than Python recurses.
    pending: list[tuple[Any, str | None]] = []
    for node in reversed(nodes):
        if "comment" in _types(node):
            if id(node) not in nested:
                pending.append((node, None))
        elif isinstance(node.get("comment"), list | dict):
            pending.append((node["comment"], None))
    while pending:
        node, parent_id = pending.pop()
        if isinstance(node, list):
            pending.extend((item, parent_id) for item in reversed(node))
            continue
        if not isinstance(node, dict) or "comment" not in _types(node) and "answer" not in _types(node):
            continue
        text = _ld_text(node.get("text")) or _ld_text(node.get("description"))
        if not text or is_boilerplate(text):
            continue
        comment_id = _ld_text(node.get("@id")) or f"c{len(found) + 1}"
        found.append(Comment(
            id=comment_id, text=text, author=(_ld_names(node.get("author")) or [None])[0],
            posted_at=parse_date(_ld_text(node.get("dateCreated") or node.get("datePublished"))),
            parent_id=parent_id, position=len(found), article=article,
        ))  # fmt: skip
        pending.append((node.get("comment"), comment_id))
    return _dedupe(found)


_ITEM_PROPS = {
    "text": {"text", "commentText", "description"},
    "author": {"author", "creator"},
    "date": {"dateCreated", "datePublished", "commentTime"},
}


def _comments_from_microdata(root: Any, article: Article) -> list[Comment]:
    items = [el for el in _elements(root) if (el.get("itemtype") or "").rstrip("/").endswith("Comment")]
    if not items:
        return []
    _strip(root)
    first, parents = _survey_microdata(items)
    found = []
    for item in items:
        if item.getparent() is None and item is not root:
            continue
        text_el, author_el, date_el = (first[kind].get(item) for kind in _ITEM_PROPS)
        text = element_text(text_el) if text_el is not None else element_text(item)
        author = normalize_space(author_el.text_content()) if author_el is not None else None
        posted = (date_el.get("datetime") or date_el.get("content") or date_el.text_content()) if date_el is not None else None
        parent = parents.get(item)
        found.append((item, text, author or None, parse_date(posted) or (normalize_space(posted) if posted else None), parent))
    ids = {id(item): f"c{index + 1}" for index, (item, *_rest) in enumerate(found)}
    comments = [
        Comment(id=ids[id(item)], text=text, author=author, posted_at=posted,
                parent_id=ids.get(id(parent)) if parent is not None else None, position=index, article=article)
        for index, (item, text, author, posted, parent) in enumerate(found)
        if text and not is_boilerplate(text)
    ]  # fmt: skip
    return _dedupe(comments)


def _survey_microdata(items: list[Any]) -> tuple[dict[str, dict[Any, Any]], dict[Any, Any]]:
    """For each item, its first descendant carrying each kind of property, and its nearest item ancestor.

    One walk over the trees holding the items: asking each item with XPath searched its
    whole subtree, every reply nested under it included. Items cut off by `_strip` keep
    the ancestors they still have, as XPath saw them.
    """
    item_set = set(items)
    first: dict[str, dict[Any, Any]] = {kind: {} for kind in _ITEM_PROPS}
    parents: dict[Any, Any] = {}
    for top in _tops(items):
        open_items: list[Any] = []
        # Open items still without a descendant of each kind; on the stack in nesting order.
        waiting: dict[str, list[Any]] = {kind: [] for kind in _ITEM_PROPS}
        for event, element in etree.iterwalk(top, events=("start", "end")):
            if event == "start":
                prop = element.get("itemprop")
                if prop:
                    for kind, props in _ITEM_PROPS.items():
                        if prop in props and waiting[kind]:
                            for item in waiting[kind]:
                                first[kind][item] = element
                            waiting[kind].clear()
                if element in item_set:
                    parents[element] = open_items[-1] if open_items else None
                    open_items.append(element)
                    for stack in waiting.values():
                        stack.append(element)
            elif open_items and open_items[-1] is element:
                open_items.pop()
                for stack in waiting.values():
                    if stack and stack[-1] is element:
                        stack.pop()
    return first, parents


def _tops(elements: list[Any]) -> list[Any]:
    """The roots of the trees holding `elements`: the page's, and any subtree cut off from it."""
    top_of: dict[Any, Any] = {}
    tops: list[Any] = []
    for element in elements:
        path = []
        node = element
        while node not in top_of:
            path.append(node)
            parent = node.getparent()
            if parent is None:
                top_of[node] = node
                tops.append(node)
                break
            node = parent
        top = top_of[node]
        for visited in path:
            top_of[visited] = top
    return tops


def _is_item(element: Any) -> bool:
    tokens, element_id = _marks(element)
    if element_id and _ITEM_ID.match(element_id):
        return True
    return any(_is_item_token(token) for token in tokens)


# Class names repeat on every comment of a thread: each is judged once (a page's share of
# the regular-expression work was most of its time).
@functools.lru_cache(maxsize=4096)
def _is_item_token(token: str) -> bool:
    return bool(_ITEM_TOKEN.match(token)) and not _NOT_ITEM.search(token.replace("comment", ""))


@functools.lru_cache(maxsize=4096)
def _part_kinds(mark: str) -> tuple[bool, bool, bool, bool]:
    """Whether a class name or id marks an author, a date, a comment's body, or noise."""
    return (
        bool(_AUTHOR_PART.search(mark)),
        bool(_DATE_PART.search(mark)),
        bool(_BODY_PART.search(mark)),
        bool(_NOISE_PART.search(mark)),
    )


def _is_widget(element: Any) -> bool:
    """A sidebar, navigation, preview or error box: items inside it are not the page's thread."""
    tokens, element_id = _marks(element)
    marks = " ".join([*tokens, element_id])
    if _NOT_SECTION_CONTEXT.search(marks) and not any(_SECTION_TOKEN.match(t) for t in [*tokens, element_id]):
        if "comment" in marks.lower() or element.tag in ("aside", "nav") or "widget" in marks.lower():
            return True
    return element.tag in ("aside", "nav") or bool(re.search(r"preview|captcha|error|hidden", marks, re.I))


def _comments_from_structure(root: Any, article: Article) -> list[Comment]:
    _strip(root)
    in_widget = any_above(_is_widget)
    items = [el for el in root.iter() if isinstance(el.tag, str) and el.tag not in ("body", "html") and _is_item(el)]
    items = [el for el in items if not in_widget.above(el)]
    comments = _comments_from_items(root, items, article) if items else []
    if not comments:
        comments = _comments_from_items(root, _items_in_section(root, in_widget), article)
    return comments if comments and _plausible(comments) else []


def _comments_from_items(root: Any, items: list[Any], article: Article) -> list[Comment]:
    if not items:
        return []
    item_set = set(items)
    records: list[tuple[Any, str | None, str | None, str]] = []
    for item in items:
        author, posted, text = _read_item(item, item_set)
        if author is None and posted is None:
            author, posted = _dt_header(item)
        records.append((item, author, posted, text))
    tree = _ItemTree(root, items)
    kept = {index for index, (_item, _a, _p, text) in enumerate(records) if _is_comment_text(text, tree.link_share(index))}
    representative = tree.representatives(kept)
    comments: list[Comment] = []
    id_of: dict[int, str] = {}
    for index, (item, author, posted, text) in enumerate(records):
        if index not in kept:
            continue
        comment_id = _item_id(item, len(comments))
        id_of[index] = comment_id
        parent_id = None
        ancestor = tree.parent[index]
        while ancestor is not None:
            target = ancestor if ancestor in kept else representative.get(ancestor)
            if target is not None and target != index and target in id_of:
                parent_id = id_of[target]
                break
            ancestor = tree.parent[ancestor]
        comments.append(Comment(id=comment_id, text=text, author=author, posted_at=posted,
                                parent_id=parent_id, position=len(comments), article=article))  # fmt: skip
    return _dedupe(comments)


class _ItemTree:
    """How the items of a page nest, and how much of each one's text sits in links.

    One walk over the page: asking each item for its ancestors, its descendants and its
    text read a thread nested N deep N times over.
    """

    def __init__(self, root: Any, items: list[Any]) -> None:
        index_of = {item: index for index, item in enumerate(items)}
        self.parent: list[int | None] = [None] * len(items)
        """The nearest item around each item (by index)."""
        self._rank = [0] * len(items)
        self._end = [0] * len(items)
        # An item's descendants among the items are those ranked (in document order)
        # after it and before its end.
        self._by_rank: list[int] = []
        open_items: list[int] = []
        for event, element in etree.iterwalk(root, events=("start", "end"), tag=None):
            index = index_of.get(element)
            if index is None:
                continue
            if event == "start":
                self.parent[index] = open_items[-1] if open_items else None
                self._rank[index] = len(self._by_rank)
                self._by_rank.append(index)
                open_items.append(index)
            else:
                open_items.pop()
                self._end[index] = len(self._by_rank)
        self._totals, self._linked = link_lengths(root, index_of)

    def link_share(self, index: int) -> float:
        """Share of an item's text inside links: high for story lists, low for comments."""
        total = self._totals[index]
        return self._linked[index] / total if total else 0.0

    def representatives(self, kept: set[int]) -> dict[int, int]:
        """For a wrapper item with no text of its own, the comment it wraps (its first kept item)."""
        kept_ranks = sorted(self._rank[index] for index in kept)
        result: dict[int, int] = {}
        for index, rank in enumerate(self._rank):
            if index in kept:
                continue
            position = bisect_right(kept_ranks, rank)
            if position < len(kept_ranks) and kept_ranks[position] < self._end[index]:
                result[index] = self._by_rank[kept_ranks[position]]
        return result


def _item_id(item: Any, position: int) -> str:
    element_id = (item.get("id") or "").strip()
    return element_id if element_id and _ITEM_ID.match(element_id) else f"c{position + 1}"


_GROUP_TAGS = ("li", "div", "article", "dd", "section", "table", "blockquote")


def _items_in_section(root: Any, in_widget: TreeFold) -> list[Any]:
    """Comments inside a comment section whose items carry no telling names.

    The items are the largest group of like siblings (same tag and class, two or more)
    under an element named for comments or responses; a `<dl>` of `<dt>` headers and
    `<dd>` texts counts its `<dd>`s.
    """
    walk = etree.iterwalk(root, events=("start",))
    for _event, section in walk:
        if not isinstance(section.tag, str):
            continue
        tokens, element_id = _marks(section)
        marks = " ".join([*tokens, element_id]).lower()
        if not re.search(r"comment|respons|discussion", marks) or in_widget.above(section):
            continue
        if _NOT_SECTION_CONTEXT.search(marks) or re.search(r"form|respond|feed|count|policy|preview", marks):
            continue
        best = _largest_group(section)
        if best:
            return best
        # Every group inside was weighed and found empty: no section inside can do better.
        walk.skip_subtree()
    return []


def _largest_group(section: Any) -> list[Any]:
    """The group of two or more like siblings with the most text under `section` (the first of equals)."""
    groups: list[list[Any]] = []
    for parent in section.iter():
        if not isinstance(parent.tag, str):
            continue
        by_kind: dict[tuple[str, str], list[Any]] = {}
        for child in parent:
            if isinstance(child.tag, str) and child.tag in _GROUP_TAGS:
                by_kind.setdefault((child.tag, child.get("class") or ""), []).append(child)
        groups.extend(group for group in by_kind.values() if len(group) >= 2)
    if not groups:
        return []
    lengths = text_lengths(section, {element for group in groups for element in group})
    best: list[Any] = []
    best_size = 0
    for group in groups:
        size = sum(lengths[element] for element in group)
        if size > best_size:
            best, best_size = group, size
    return best


def _dt_header(item: Any) -> tuple[str | None, str | None]:
    """Author and time from the `<dt>` that heads a `<dd>` comment ("1. Name - date")."""
    header = item.getprevious()
    if item.tag != "dd" or header is None or header.tag != "dt":
        return None, None
    text = re.sub(r"^\s*#?\d+[.)]?\s*", "", normalize_space(header.text_content()))
    parts = re.split(r"\s+[-–—|·]\s+|\s+(?:said|says|wrote|on)\b", text, maxsplit=1)
    author = parts[0].strip() or None
    posted = parse_date(text) if len(parts) > 1 else None
    return author, posted


def _read_item(item: Any, item_set: set[Any]) -> tuple[str | None, str | None, str]:
    """Author, time and text of one comment item, ignoring nested replies."""
    own, own_end = _own_elements(item, item_set)
    author = posted = None
    stamped = next((el for el in own if el.tag == "time" and el.get("datetime")), None)
    if stamped is not None:
        posted = parse_date(stamped.get("datetime"))
    body_parts: list[Any] = []
    last_part = -1
    skip: set[Any] = set()
    for position, element in enumerate(own):
        tokens, element_id = _marks(element)
        is_author = is_date = is_body = is_noise = False
        for mark in [*tokens, element_id] if element_id else tokens:
            kinds = _part_kinds(mark)
            is_author, is_date, is_body, is_noise = (
                is_author or kinds[0], is_date or kinds[1], is_body or kinds[2], is_noise or kinds[3]
            )
        if author is None and (element.tag == "cite" or is_author or element.get("itemprop") == "author"):
            name = normalize_space(element.text_content())
            name = _BY_PREFIX.sub("", re.split(r"\s+(?:says|said|wrote)\b|:", name)[0]).strip()
            name = _clean_author(name)
            if name and len(name) <= 60 and len(name.split()) <= 6 and not name.lower().startswith("http"):
                author = name
        if posted is None and (element.tag == "time" or is_date):
            raw = element.get("datetime") or element.get("title") or normalize_space(element.text_content())
            if raw and len(raw) <= 120:
                posted = parse_date(raw) or (normalize_space(raw) if re.search(r"\d", raw) else None)
        if is_body and not is_noise:
            # Parts come in document order, so a part holding this element is the last one.
            if not (body_parts and position < own_end[last_part]):
                body_parts.append(element)
                last_part = position
        if is_noise and not is_body:
            skip.add(element)
    if body_parts:
        text = "\n".join(_text_without(part, item_set, skip) for part in body_parts)
    else:
        text = _text_without(item, item_set, skip)
        if author:
            lines = text.splitlines()
            text = "\n".join(line for line in lines if normalize_space(line) != author)
    text = "\n".join(line for line in text.splitlines() if not is_boilerplate(line) and not is_policy_line(line))
    return author, posted, text.strip()


_AUTHOR_TAIL = re.compile(
    r"\s*(?:\||·|•|\s[-–—]\s|\bon\b|\bat\b|\bposted\b|\blog in\b|\breply\b|\d{1,4}[./:-]\d{1,2}|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)).*$",
    re.I,
)


def _clean_author(name: str) -> str:
    """The name alone from "Name | Posted at 12:45", "- Name", "Name 07.23.12 at 14:56"."""
    name = _AUTHOR_TAIL.sub("", name.strip(" -–—|·:"))
    return name.strip(" -–—|·:,")


def _own_elements(item: Any, item_set: set[Any]) -> tuple[list[Any], list[int]]:
    """The elements of `item` in document order, without the replies nested in it, and
    for each the position in that list where its own subtree ends."""
    own: list[Any] = []
    ends: list[int] = []
    stack: list[tuple[int, Any]] = [(-1, iter(item))]
    while stack:
        position, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if position >= 0:
                ends[position] = len(own)
            continue
        if child in item_set or not isinstance(child.tag, str):
            continue
        own.append(child)
        ends.append(0)
        stack.append((len(own) - 1, iter(child)))
    return own, ends


def _text_without(element: Any, item_set: set[Any], skip: set[Any]) -> str:
    """Text of `element` without its nested replies and action links (their tails stay)."""
    return element_text(element, skip=(item_set, skip))


_FURNITURE = re.compile(
    r"\(required\)|fill in your details|you are commenting using|will not be published|"
    r"notify me of|log out|change\s*\)|most active discussions|your email|email address|"
    r"trackbacks?|pingbacks?|no trackbacks|comment rss|feed for this|captcha|loading\.\.\.",
    re.I,
)


def _is_comment_text(text: str, link_share: float) -> bool:
    """Whether an item's text reads like a reader's comment, not section furniture."""
    text = normalize_space(text)
    if len(text) < 2 or is_boilerplate(text) or not any(ch.isalpha() for ch in text):
        return False
    if _FURNITURE.search(text):
        return False
    words = text.split()
    if link_share > 0.6:
        return False
    return not (len(words) <= 8 and re.search(r"comment|respon|discussion|thread|contribute", text, re.I))


def _plausible(comments: list[Comment]) -> bool:
    """Whether a page's comments together look like a discussion rather than a stray box.

    One or two short anonymous, undated snippets are far more often a widget than a
    thread; real threads carry a name or a date, or say enough.
    """
    if any(comment.author or comment.posted_at for comment in comments):
        return True
    return sum(len(comment.text.split()) for comment in comments) >= 40


def _dedupe(comments: list[Comment]) -> list[Comment]:
    """Drop a comment whose text is wholly inside another (a wrapper read twice)."""
    seen: set[tuple[str | None, str]] = set()
    result: list[Comment] = []
    for comment in comments:
        key = (comment.author, comment.text)
        if key in seen:
            continue
        seen.add(key)
        result.append(comment)
    return result
