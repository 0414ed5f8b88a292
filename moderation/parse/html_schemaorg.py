"""Comments a page marks up as schema.org `Comment`, in JSON-LD or in microdata.

The most trusted source of comments: when a page names them so, each comment's text,
author, date and the comment it replies to are read from the markup, and the page's
structure (`html_structure`) is not consulted. Replies nest as deep as the thread does,
so every walk here keeps its own stack rather than recursing.
"""

from __future__ import annotations

from typing import Any

from moderation.parse.common import is_boilerplate, normalize_space, parse_date
from moderation.parse.html_comment import dedupe
from moderation.parse.html_structured import ld_names, ld_text, ld_types
from moderation.parse.tree import element_text, iter_elements, strip_invisible, walk
from moderation.records import Article, Comment


def comments_from_json_ld(nodes: list[dict[str, Any]], article: Article) -> list[Comment]:
    """Comments (and answers) among the page's JSON-LD nodes, in document order, replies under their parents."""
    found: list[Comment] = []
    nested = {id(other.get("comment")) for other in nodes}
    # Depth first, in document order, with a stack: replies can nest deeper than Python recurses.
    pending: list[tuple[Any, str | None]] = []
    for node in reversed(nodes):
        if "comment" in ld_types(node):
            if id(node) not in nested:
                pending.append((node, None))
        elif isinstance(node.get("comment"), list | dict):
            pending.append((node["comment"], None))
    while pending:
        node, parent_id = pending.pop()
        if isinstance(node, list):
            pending.extend((item, parent_id) for item in reversed(node))
            continue
        if not isinstance(node, dict) or "comment" not in ld_types(node) and "answer" not in ld_types(node):
            continue
        text = ld_text(node.get("text")) or ld_text(node.get("description"))
        if not text or is_boilerplate(text):
            continue
        comment_id = ld_text(node.get("@id")) or f"c{len(found) + 1}"
        found.append(Comment(
            id=comment_id, text=text, author=(ld_names(node.get("author")) or [None])[0],
            posted_at=parse_date(ld_text(node.get("dateCreated") or node.get("datePublished"))),
            parent_id=parent_id, position=len(found), article=article,
        ))  # fmt: skip
        pending.append((node.get("comment"), comment_id))
    return dedupe(found)


_ITEM_PROPS = {
    "text": {"text", "commentText", "description"},
    "author": {"author", "creator"},
    "date": {"dateCreated", "datePublished", "commentTime"},
}


def comments_from_microdata(root: Any, article: Article) -> list[Comment]:
    """Comments marked with a schema.org `Comment` itemtype; a reply is the item nearest around it."""
    items = [el for el in iter_elements(root) if (el.get("itemtype") or "").rstrip("/").endswith("Comment")]
    if not items:
        return []
    strip_invisible(root)
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
    return dedupe(comments)


def _survey_microdata(items: list[Any]) -> tuple[dict[str, dict[Any, Any]], dict[Any, Any]]:
    """For each item, its first descendant carrying each kind of property, and its nearest item ancestor.

    One walk over the trees holding the items: asking each item with XPath searched its
    whole subtree, every reply nested under it included. Items cut off by `strip_invisible` keep
    the ancestors they still have, as XPath saw them.
    """
    item_set = set(items)
    first: dict[str, dict[Any, Any]] = {kind: {} for kind in _ITEM_PROPS}
    parents: dict[Any, Any] = {}
    for top in _tops(items):
        open_items: list[Any] = []
        # Open items still without a descendant of each kind; on the stack in nesting order.
        waiting: dict[str, list[Any]] = {kind: [] for kind in _ITEM_PROPS}
        for event, element in walk(top):
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
