"""Comments found by an HTML page's structure, when no schema.org markup names them.

The comment items are the elements the blog and forum engines name for one comment
(WordPress `li.comment`, `#comment-123`, Disqus `dsq-comment`...), outside sidebars and
widgets; failing those, the largest group of like siblings inside an element named for
comments or responses; failing those, paragraphs each ended by a byline with a time, read
as a text dump's comments are (`text_comments`). Owns finding the items, joining a header
item to the text item after it, how they nest into a thread (a reply's parent is the
nearest kept item around it), and whether what was found together looks like a
discussion. Each item is read by `html_comment`.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from typing import Any

from lxml import etree

from moderation.parse.common import MONTHS
from moderation.parse.html_comment import byline_beside, class_and_id, dedupe, dt_header, is_comment_text, read_item
from moderation.parse.lengths import link_lengths, text_lengths
from moderation.parse.tree import TreeFold, any_above, element_text, strip_invisible, walk
from moderation.records import Article, Comment

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


def comments_from_structure(root: Any, article: Article) -> list[Comment]:
    """Comments from the items the engines name, else from a comment section's repeated blocks.

    Leaves the tree without its invisible parts (`strip_invisible`).
    """
    strip_invisible(root)
    in_widget = any_above(_is_widget)
    items = [el for el in root.iter() if isinstance(el.tag, str) and el.tag not in ("body", "html") and _is_item(el)]
    items = _without_parts([el for el in items if not in_widget.above(el)])
    comments = _comments_from_items(root, items, article) if items else []
    if not comments:
        comments = _comments_from_items(root, _items_in_section(root, in_widget), article)
    if not comments:
        comments = _comments_over_bylines(root, article)
    return comments if comments and _plausible(comments) else []


_BYLINE_WORDS = re.compile(r"(?:posted|written|submitted|comment(?:ed)?)\s+by", re.I)


def _comments_over_bylines(root: Any, article: Article) -> list[Comment]:
    """Comments written as plain paragraphs, each ended by a byline paragraph ("Posted by:
    Name | Apr 6, 2007 1:11:01 PM"), as old blog engines wrote them: one comment is then
    several blocks with no element of its own. Read as a text dump's would be."""
    from moderation.parse.text_comments import split_comments
    from moderation.parse.text_section import find_comment_section

    body = root.find("body")
    # libxml2's own text of the page, searched first: reading it line by line is most of
    # the time of a page without comments, and a timed byline says "by".
    if body is None or not _BYLINE_WORDS.search(etree.tostring(body, method="text", encoding="unicode")):
        return []
    _start, _end, section = find_comment_section(element_text(body).splitlines())
    return split_comments(section, article, signed_only=True) if section else []


def _without_parts(items: list[Any]) -> list[Any]:
    """The items without those whose id names a part of the item around them (TypePad's
    `comment-6a00…-content` inside `comment-6a00…`, and a span repeating that id): read as
    comments of their own, they leave the byline beside them to no one."""
    ids = {element_id for item in items if (element_id := (item.get("id") or "").strip())}
    kept = []
    for item in items:
        element_id = (item.get("id") or "").strip()
        owner, _, part = element_id.rpartition("-")
        # A word names a part ("-content"); a number may name a reply ("comment-12-3").
        if part.isalpha() and owner in ids and _inside_item_named(item, owner):
            continue
        kept.append(item)
    return kept


def _inside_item_named(element: Any, element_id: str) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.get("id") == element_id:
            return True
        parent = parent.getparent()
    return False


def _is_item(element: Any) -> bool:
    if element.tag in _NOT_ITEM_TAGS:
        return False
    tokens, element_id = class_and_id(element)
    if element_id and _ITEM_ID.match(element_id):
        if _NUMBERED.search(element_id) or not _NOT_ITEM.search(element_id.replace("comment", "")):
            return True
    return any(_is_item_token(token) for token in tokens)


# An icon or a link named "comment" points at the thread; it never holds a comment.
_NOT_ITEM_TAGS = frozenset({"img", "a", "br", "hr", "label", "form", "fieldset", "time", "abbr", "cite", "strong", "em",
                            "b", "i"})  # fmt: skip
# An id with a number names one comment, or a part of it; without one ("comment-form-
# comment", "comment-box-header") it names the section's furniture.
_NUMBERED = re.compile(r"\d")


# Class names repeat on every comment of a thread: each is judged once (a page's share of
# the regular-expression work was most of its time).
@functools.lru_cache(maxsize=4096)
def _is_item_token(token: str) -> bool:
    return bool(_ITEM_TOKEN.match(token)) and not _NOT_ITEM.search(token.replace("comment", ""))


def _is_widget(element: Any) -> bool:
    """A sidebar, navigation, preview or error box, a form or a popup: items inside it are
    not the page's thread."""
    tokens, element_id = class_and_id(element)
    marks = " ".join([*tokens, element_id])
    if _NOT_SECTION_CONTEXT.search(marks) and not any(_SECTION_TOKEN.match(t) for t in [*tokens, element_id]):
        if "comment" in marks.lower() or element.tag in ("aside", "nav") or "widget" in marks.lower():
            return True
    # A form's fields and a popup's templates are named like comments, but hold none.
    return element.tag in ("aside", "nav", "form") or bool(_WIDGET_MARK.search(marks))


_WIDGET_MARK = re.compile(r"preview|captcha|error|hidden|popup|modal|dialog|lightbox", re.I)


def _comments_from_items(root: Any, items: list[Any], article: Article) -> list[Comment]:
    if not items:
        return []
    item_set = set(items)
    records: list[tuple[Any, str | None, str | None, str]] = []
    for item in items:
        author, posted, text = read_item(item, item_set)
        if author is None and posted is None and item.getprevious() not in item_set:  # an item itself: joined below
            author, posted = dt_header(item)
        if author is None:
            author, beside = byline_beside(item, item_set)
            posted = posted or beside
        records.append((item, author, posted, text))
    named_by = _join_split_items(items, records)
    tree = _ItemTree(root, items)
    kept = {index for index, (_item, _a, _p, text) in enumerate(records) if is_comment_text(text, tree.link_share(index))}
    representative = tree.representatives(kept)
    comments: list[Comment] = []
    id_of: dict[int, str] = {}
    for index, (item, author, posted, text) in enumerate(records):
        if index not in kept:
            continue
        comment_id = _item_id(named_by.get(index, item), len(comments))
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
    return dedupe(comments)


def _join_split_items(items: list[Any], records: list[tuple[Any, str | None, str | None, str]]) -> dict[int, Any]:
    """One comment read as two items, a header (name, time, number) and then its text
    (a `<dt>` and its `<dd>`, or two sibling blocks), made one: the text's record takes
    the header's name and time, the header's record loses its text. Gives, for each text
    so joined, the header item, whose id names the comment."""
    named_by: dict[int, Any] = {}
    for index, (item, author, posted, text) in enumerate(records):
        if not (author or posted) or not _only_header(text, author):
            continue
        following = item.getnext()
        if following is None:
            continue
        for later in range(index + 1, min(index + 4, len(records))):
            body_item, body_author, body_posted, body_text = records[later]
            if not _is_within(body_item, following, levels=3):
                break
            if body_text and not (body_author or body_posted):
                records[later] = (body_item, author, posted, body_text)
                records[index] = (item, author, posted, "")
                named_by[later] = item
                break
    return named_by


_DATE_WORD = re.compile(rf"(?:{MONTHS}|am|pm|at|on|st|nd|rd|th|says|said|wrote|posted|by|permalink)", re.I)


def _only_header(text: str, author: str | None) -> bool:
    """Whether an item's text is no more than its name, time and number."""
    rest = text.replace(author, " ") if author else text
    return sum(1 for word in re.findall(r"[^\W\d_]+", rest) if not _DATE_WORD.fullmatch(word)) <= 2


def _is_within(element: Any, ancestor: Any, levels: int) -> bool:
    for _ in range(levels + 1):
        if element is None:
            return False
        if element is ancestor:
            return True
        element = element.getparent()
    return False


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
        for event, element in walk(root):
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
        tokens, element_id = class_and_id(section)
        marks = " ".join([*tokens, element_id]).lower()
        # Classes on <html> and <body> name the page's features ("feature_livecomments"),
        # not a section: the largest group under them is the page's layout.
        if section.tag in ("html", "body") or not re.search(r"comment|respons|discussion", marks):
            continue
        if in_widget.above(section) or _is_widget(section):
            walk.skip_subtree()
            continue
        if _NOT_SECTION_CONTEXT.search(marks) or re.search(r"form|respond|feed|count|policy|preview", marks):
            continue
        best = _largest_group(section, in_widget)
        if best:
            return best
        # Every group inside was weighed and found empty: no section inside can do better.
        walk.skip_subtree()
    return []


def _largest_group(section: Any, in_widget: TreeFold) -> list[Any]:
    """The group of two or more like siblings with the most text under `section` (the first
    of equals), none inside a widget or a form."""
    groups: list[list[Any]] = []
    for parent in section.iter():
        if not isinstance(parent.tag, str) or in_widget(parent):
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


def _plausible(comments: list[Comment]) -> bool:
    """Whether a page's comments together look like a discussion rather than a stray box.

    One or two short anonymous, undated snippets are far more often a widget than a
    thread; real threads carry a name or a date, or say enough.
    """
    if any(comment.author or comment.posted_at for comment in comments):
        return True
    return sum(len(comment.text.split()) for comment in comments) >= 40
