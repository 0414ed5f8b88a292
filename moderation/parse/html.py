"""HTML pages: article metadata from structured data, comments from the page structure.

Metadata precedence, most trusted first: JSON-LD (NewsArticle and kin, `@graph`),
microdata, OpenGraph / Twitter / Dublin Core / plain meta tags, then the visible page
(`<title>`, `<h1>`, `<time>`, bylines). Comments come from schema.org `Comment` markup
when present, otherwise from comment containers named by the blog and forum engines
(WordPress `commentlist`, Disqus `dsq-comment`, `#comments`, `comment-123` ids...).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from moderation.parse.common import (
    clean_text,
    find_agency,
    is_boilerplate,
    is_policy_line,
    normalize_space,
    parse_date,
    policy_from_lines,
)
from moderation.records import Article, Comment, CommentPolicy, ParsedPage

ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "blogposting", "liveblogposting", "socialmediaposting", "webpage", "scholarlyarticle",
    "techarticle", "report", "review", "backgroundnewsarticle", "reviewnewsarticle", "posting",
    "discussionforumposting", "creativework", "medicalwebpage", "itempage", "aboutpage",
}  # fmt: skip
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "textarea", "select",
              "button", "input", "head", "object", "embed", "canvas")  # fmt: skip
_BLOCK_TAGS = {"p", "div", "li", "br", "dd", "dt", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
               "tr", "section", "article", "header", "footer", "pre", "ul", "ol", "table", "cite"}  # fmt: skip

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
    root = _document(text)
    if root is None:
        return ParsedPage(article=Article(source=source, url=url), format="html")
    structured = list(_json_ld(root))
    article_ld = _pick_article(structured)
    metas = _meta_tags(root)
    policy = _policy(root)
    article = _article(root, article_ld, metas, policy, source, url)
    comments = _comments_from_json_ld(structured, article) or _comments_from_microdata(root, article)
    if not comments:
        comments = _comments_from_structure(root, article)
    return ParsedPage(article=article, comments=tuple(comments), format="html")


def _document(text: str) -> Any:
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text[:200]) + text[200:]
    if not text.strip():
        return None
    try:
        parser = lxml_html.HTMLParser(recover=True, remove_comments=True, remove_pis=True)
        return lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        return None


# --- structured data --------------------------------------------------------------------


def _json_ld(root: Any) -> Iterator[dict[str, Any]]:
    for script in root.xpath('//script[contains(translate(@type,"LDJSON","ldjson"),"ld+json")]'):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            try:
                data = json.loads(re.sub(r"[\x00-\x1f]", " ", raw))
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


def _microdata(root: Any, prop: str) -> str | None:
    for element in root.xpath(f'//*[@itemprop="{prop}"]'):
        if element.xpath("ancestor::*[contains(@itemtype,'Comment')]"):
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
    authors = _ld_names(ld.get("author")) or _meta_authors(metas) or _byline(root)
    published = (
        _ld_text(ld.get("datePublished"))
        or _first_meta(metas, _PUBLISHED_META)
        or _microdata(root, "datePublished")
        or _time_element(root)
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


def _byline(root: Any) -> list[str]:
    for element in root.xpath('//*[@rel="author"] | //*[@itemprop="author"] | //*[@class or @id]'):
        if element.get("rel") != "author" and element.get("itemprop") != "author":
            marks = f"{element.get('class', '')} {element.get('id', '')}"
            if not _BYLINE_CLASS.search(marks) or _in_comments(element):
                continue
        elif _in_comments(element):
            continue
        text = _BY_PREFIX.sub("", normalize_space(element.text_content()))
        if 2 < len(text) <= 60 and len(text.split()) <= 6 and not re.search(r"\d{4}|http|@|©", text):
            return [text.strip(" ,|")]
    return []


def _in_comments(element: Any) -> bool:
    for ancestor in element.iterancestors():
        marks = f"{ancestor.get('class', '')} {ancestor.get('id', '')}".lower()
        if "comment" in marks or "itemtype" in ancestor.attrib and "Comment" in ancestor.get("itemtype"):
            return True
    return False


def _time_element(root: Any) -> str | None:
    for element in root.iter("time"):
        if _in_comments(element):
            continue
        value = element.get("datetime") or element.text_content()
        if value and parse_date(value):
            return value
    return None


def _canonical(root: Any) -> str | None:
    for link in root.xpath('//link[@rel="canonical"]'):
        if link.get("href"):
            return link.get("href").strip()
    return None


# --- text helpers -----------------------------------------------------------------------


def _strip(root: Any) -> Any:
    """A copy of the tree without scripts, forms' fields and other invisible parts."""
    etree.strip_elements(root, *_DROP_TAGS, etree.Comment, with_tail=False)
    for element in root.xpath('//*[@hidden or contains(translate(@style," ",""),"display:none")]'):
        if element.getparent() is not None:
            element.drop_tree()
    return root


def element_text(element: Any, skip: set[Any] | frozenset[Any] = frozenset()) -> str:
    """Visible text of an element, one line per block, whitespace collapsed.

    Elements in `skip` are left out but their tails, which belong to the parent, are kept.
    """
    parts: list[str] = []

    def walk(node: Any) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _DROP_TAGS or tag == "form" or node in skip:
            if node.tail and node is not element:
                parts.append(node.tail)
            return
        if tag in _BLOCK_TAGS:
            parts.append("\n")
        if node.text and isinstance(node.tag, str):
            parts.append(node.text)
        for child in node:
            walk(child)
        if tag in _BLOCK_TAGS:
            parts.append("\n")
        if node.tail and node is not element:  # the element's own tail belongs to its parent
            parts.append(node.tail)

    # The tree is only read: lxml refuses to set back a tail holding a control character.
    walk(element)
    return clean_text("".join(parts))


def _visible_lines(root: Any, limit: int) -> list[str]:
    body = root.find("body")
    if body is None:
        return []
    lines = element_text(body).splitlines()
    return lines[:limit] + lines[-limit:] if len(lines) > 2 * limit else lines


def _marks(element: Any) -> tuple[list[str], str]:
    tokens = (element.get("class") or "").split()
    return tokens, (element.get("id") or "").strip()


# --- comment policy ---------------------------------------------------------------------


def _policy(root: Any) -> CommentPolicy:
    lines: list[str] = []
    for element in root.xpath('//*[contains(translate(@class,"COMENT","coment"),"comment") or '
                              'contains(translate(@id,"COMENT","coment"),"comment") or '
                              'contains(translate(@id,"RESPOND","respond"),"respond")]'):
        lines.extend(line for line in element_text(element).splitlines() if is_policy_line(line))
        for field in element.xpath(".//textarea[@minlength or @maxlength]"):
            lines.append(f"minimum {field.get('minlength')} characters" if field.get("minlength") else "")
            lines.append(f"maximum {field.get('maxlength')} characters" if field.get("maxlength") else "")
    return policy_from_lines(list(dict.fromkeys(line for line in lines if line)))


# --- comments ---------------------------------------------------------------------------


def _comments_from_json_ld(nodes: list[dict[str, Any]], article: Article) -> list[Comment]:
    found: list[Comment] = []

    def visit(node: Any, parent_id: str | None) -> None:
        if isinstance(node, list):
            for item in node:
                visit(item, parent_id)
            return
        if not isinstance(node, dict) or "comment" not in _types(node) and "answer" not in _types(node):
            return
        text = _ld_text(node.get("text")) or _ld_text(node.get("description"))
        if not text or is_boilerplate(text):
            return
        comment_id = _ld_text(node.get("@id")) or f"c{len(found) + 1}"
        found.append(Comment(
            id=comment_id, text=text, author=(_ld_names(node.get("author")) or [None])[0],
            posted_at=parse_date(_ld_text(node.get("dateCreated") or node.get("datePublished"))),
            parent_id=parent_id, position=len(found), article=article,
        ))  # fmt: skip
        visit(node.get("comment"), comment_id)

    for node in nodes:
        if "comment" in _types(node):
            if not any(node is other.get("comment") for other in nodes):
                visit(node, None)
        elif isinstance(node.get("comment"), list | dict):
            visit(node["comment"], None)
    return _dedupe(found)


def _comments_from_microdata(root: Any, article: Article) -> list[Comment]:
    items = [el for el in root.xpath('//*[@itemtype]') if el.get("itemtype", "").rstrip("/").endswith("Comment")]
    if not items:
        return []
    _strip(root)
    found = []
    for item in items:
        if item.getparent() is None and item is not root:
            continue
        text_el = item.xpath('.//*[@itemprop="text" or @itemprop="commentText" or @itemprop="description"]')
        text = element_text(text_el[0]) if text_el else element_text(item)
        author_el = item.xpath('.//*[@itemprop="author" or @itemprop="creator"]')
        author = normalize_space(author_el[0].text_content()) if author_el else None
        date_el = item.xpath('.//*[@itemprop="dateCreated" or @itemprop="datePublished" or @itemprop="commentTime"]')
        posted = (date_el[0].get("datetime") or date_el[0].get("content") or date_el[0].text_content()) if date_el else None
        parent = next((anc for anc in item.iterancestors() if anc in items), None)
        found.append((item, text, author or None, parse_date(posted) or (normalize_space(posted) if posted else None), parent))
    ids = {id(item): f"c{index + 1}" for index, (item, *_rest) in enumerate(found)}
    comments = [
        Comment(id=ids[id(item)], text=text, author=author, posted_at=posted,
                parent_id=ids.get(id(parent)) if parent is not None else None, position=index, article=article)
        for index, (item, text, author, posted, parent) in enumerate(found)
        if text and not is_boilerplate(text)
    ]  # fmt: skip
    return _dedupe(comments)


def _is_item(element: Any) -> bool:
    tokens, element_id = _marks(element)
    if element_id and _ITEM_ID.match(element_id):
        return True
    for token in tokens:
        if _ITEM_TOKEN.match(token) and not _NOT_ITEM.search(token.replace("comment", "")):
            return True
    return False


def _in_widget(element: Any) -> bool:
    for ancestor in element.iterancestors():
        tokens, element_id = _marks(ancestor)
        marks = " ".join([*tokens, element_id])
        if _NOT_SECTION_CONTEXT.search(marks) and not any(_SECTION_TOKEN.match(t) for t in [*tokens, element_id]):
            if "comment" in marks.lower() or ancestor.tag in ("aside", "nav") or "widget" in marks.lower():
                return True
        if ancestor.tag in ("aside", "nav") or re.search(r"preview|captcha|error|hidden", marks, re.I):
            return True
    return False


def _comments_from_structure(root: Any, article: Article) -> list[Comment]:
    _strip(root)
    items = [el for el in root.iter() if isinstance(el.tag, str) and el.tag not in ("body", "html") and _is_item(el)]
    items = [el for el in items if not _in_widget(el)]
    comments = _comments_from_items(items, article) if items else []
    if not comments:
        comments = _comments_from_items(_items_in_section(root), article)
    return comments if comments and _plausible(comments) else []


def _comments_from_items(items: list[Any], article: Article) -> list[Comment]:
    if not items:
        return []
    item_set = set(items)
    records: list[tuple[Any, str | None, str | None, str]] = []
    for item in items:
        author, posted, text = _read_item(item, item_set)
        if author is None and posted is None:
            author, posted = _dt_header(item)
        records.append((item, author, posted, text))
    kept = {id(item): index for index, (item, _a, _p, text) in enumerate(records) if _is_comment_text(text, item)}
    representative = _representatives(items, kept)
    comments: list[Comment] = []
    id_of: dict[int, str] = {}
    for item, author, posted, text in records:
        if id(item) not in kept:
            continue
        comment_id = _item_id(item, len(comments))
        id_of[id(item)] = comment_id
        parent_id = None
        for ancestor in item.iterancestors():
            if ancestor in item_set:
                target = ancestor if id(ancestor) in kept else representative.get(id(ancestor))
                if target is not None and target is not item and id(target) in id_of:
                    parent_id = id_of[id(target)]
                    break
        comments.append(Comment(id=comment_id, text=text, author=author, posted_at=posted,
                                parent_id=parent_id, position=len(comments), article=article))  # fmt: skip
    return _dedupe(comments)


def _representatives(items: list[Any], kept: dict[int, int]) -> dict[int, Any]:
    """For a wrapper item with no text of its own, the comment it wraps (its first kept item)."""
    result: dict[int, Any] = {}
    for item in items:
        if id(item) in kept:
            continue
        for descendant in item.iterdescendants():
            if id(descendant) in kept:
                result[id(item)] = descendant
                break
    return result


def _item_id(item: Any, position: int) -> str:
    element_id = (item.get("id") or "").strip()
    return element_id if element_id and _ITEM_ID.match(element_id) else f"c{position + 1}"


def _items_in_section(root: Any) -> list[Any]:
    """Comments inside a comment section whose items carry no telling names.

    The items are the largest group of like siblings (same tag and class, two or more)
    under an element named for comments or responses; a `<dl>` of `<dt>` headers and
    `<dd>` texts counts its `<dd>`s.
    """
    best: list[Any] = []
    best_size = 0
    for section in root.iter():
        if not isinstance(section.tag, str):
            continue
        tokens, element_id = _marks(section)
        marks = " ".join([*tokens, element_id]).lower()
        if not re.search(r"comment|respons|discussion", marks) or _in_widget(section):
            continue
        if _NOT_SECTION_CONTEXT.search(marks) or re.search(r"form|respond|feed|count|policy|preview", marks):
            continue
        for parent in section.iter():
            if not isinstance(parent.tag, str):
                continue
            groups: dict[tuple[str, str], list[Any]] = {}
            for child in parent:
                if isinstance(child.tag, str) and child.tag in ("li", "div", "article", "dd", "section", "table", "blockquote"):
                    groups.setdefault((child.tag, child.get("class") or ""), []).append(child)
            for group in groups.values():
                if len(group) < 2:
                    continue
                size = sum(len(element_text(el)) for el in group)
                if size > best_size:
                    best, best_size = group, size
        if best:
            return best
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
    own = [
        el
        for el in item.iterdescendants()
        if isinstance(el.tag, str) and el not in item_set and not _nested_in(el, item, item_set)
    ]
    author = posted = None
    stamped = next((el for el in own if el.tag == "time" and el.get("datetime")), None)
    if stamped is not None:
        posted = parse_date(stamped.get("datetime"))
    body_parts: list[Any] = []
    skip: list[Any] = []
    for element in own:
        tokens, element_id = _marks(element)
        marks = [*tokens, element_id] if element_id else tokens
        if author is None and (element.tag == "cite" or any(_AUTHOR_PART.search(m) for m in marks) or element.get("itemprop") == "author"):
            name = normalize_space(element.text_content())
            name = _BY_PREFIX.sub("", re.split(r"\s+(?:says|said|wrote)\b|:", name)[0]).strip()
            name = _clean_author(name)
            if name and len(name) <= 60 and len(name.split()) <= 6 and not name.lower().startswith("http"):
                author = name
        if posted is None and (element.tag == "time" or any(_DATE_PART.search(m) for m in marks)):
            raw = element.get("datetime") or element.get("title") or normalize_space(element.text_content())
            if raw and len(raw) <= 120:
                posted = parse_date(raw) or (normalize_space(raw) if re.search(r"\d", raw) else None)
        if any(_BODY_PART.search(m) for m in marks) and not any(_NOISE_PART.search(m) for m in marks):
            if not any(part in element.iterancestors() for part in body_parts):
                body_parts.append(element)
        if any(_NOISE_PART.search(m) for m in marks) and not any(_BODY_PART.search(m) for m in marks):
            skip.append(element)
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


def _nested_in(element: Any, item: Any, item_set: set[Any]) -> bool:
    """Whether `element` belongs to a reply nested inside `item` rather than to `item`."""
    for ancestor in element.iterancestors():
        if ancestor is item:
            return False
        if ancestor in item_set:
            return True
    return False


def _text_without(element: Any, item_set: set[Any], skip: list[Any]) -> str:
    """Text of `element` without its nested replies and action links (their tails stay)."""
    return element_text(element, skip=item_set.union(skip) - {element})


_FURNITURE = re.compile(
    r"\(required\)|fill in your details|you are commenting using|will not be published|"
    r"notify me of|log out|change\s*\)|most active discussions|your email|email address|"
    r"trackbacks?|pingbacks?|no trackbacks|comment rss|feed for this|captcha|loading\.\.\.",
    re.I,
)


def _link_share(element: Any) -> float:
    """Share of an element's text inside links: high for story lists, low for comments."""
    total = len(normalize_space(element.text_content()))
    if not total:
        return 0.0
    linked = sum(len(normalize_space(a.text_content())) for a in element.iter("a"))
    return linked / total


def _is_comment_text(text: str, element: Any) -> bool:
    """Whether an item's text reads like a reader's comment, not section furniture."""
    text = normalize_space(text)
    if len(text) < 2 or is_boilerplate(text) or not any(ch.isalpha() for ch in text):
        return False
    if _FURNITURE.search(text):
        return False
    words = text.split()
    if _link_share(element) > 0.6:
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
