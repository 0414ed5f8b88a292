"""The element tree of an HTML page, and the walks over it that must not recurse.

lxml (libxml2) builds the tree, except where libxml2 would cut the page short: its HTML
parser stops at 256 open elements, 2,048 with `huge_tree`, and then drops the rest of the
page without raising. A thread whose replies nest past that depth lost every comment
below it, with nothing said. Such a page is read again into a tree of any depth
(`deeptree`); should that fail too, the page is read as far as libxml2 got and a
`PageTruncatedWarning` says how much was left.

Every walk here iterates with an explicit stack: the trees this can build are deeper than
Python's recursion limit. The lengths of many elements' text, summed in one walk, are in
`lengths`.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from moderation.parse import PageTruncatedWarning
from moderation.parse.common import clean_text
from moderation.parse.deeptree import deep_document

DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "textarea", "select",
             "button", "input", "head", "object", "embed", "canvas")  # fmt: skip
BLOCK_TAGS = {"p", "div", "li", "br", "dd", "dt", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
              "tr", "section", "article", "header", "footer", "pre", "ul", "ol", "table", "cite"}  # fmt: skip


def document(text: str, source: str | None = None) -> Any:
    """The root `<html>` element of a page, or None when there is no markup to build."""
    parser = lxml_html.HTMLParser(recover=True, remove_comments=True, remove_pis=True, huge_tree=True)
    try:
        root = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        return None
    if not any(error.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for error in parser.error_log):
        return root
    # The standard library's tokenizer raises AssertionError on some bad markup (`<![`
    # followed by no name): bad input, like the rest.
    try:
        return deep_document(text)
    except (ValueError, AssertionError, etree.LxmlError) as error:
        # Start tags in the text (those in scripts and comments too, hence "about").
        written = len(re.findall(r"<[A-Za-z]", text))
        read = sum(1 for _event, _element in etree.iterwalk(root, events=("start",)))
        warnings.warn(
            f"{source or 'page'}: nested deeper than the HTML parser allows, and could not be read in full "
            f"({error}): {max(written - read, 0):,} of about {written:,} elements were dropped",
            PageTruncatedWarning,
            stacklevel=2,
        )
        return root


def keep_proxies(root: Any) -> Iterator[Any]:
    """Every node under `root` in document order, each made while its parent's proxy lives
    (lxml's iterwalk keeps the path; root.iter() does not, and pays the depth per node)."""
    return (element for _event, element in etree.iterwalk(root, events=("start",)))


def walk(root: Any) -> Iterator[tuple[str, Any]]:
    """("start", node) and ("end", node) for every node under `root` in document order,
    as `etree.iterwalk(root, events=("start", "end"))` gives them, in time linear at any depth.

    iterwalk queues the end events of all the elements that close at once and hands them
    out from the front of a list: the end of a thread nested N deep cost N squared moves
    (a second a walk at 60,000 replies). Each open node's proxy stays on the stack here,
    so that the next one's is made and freed next to it.
    """
    open_nodes = [root]
    close = open_nodes.pop
    nodes = root.iter(etree.Element, etree.Entity)  # what iterwalk visits: no comments or PIs
    yield "start", next(nodes)
    for node in nodes:
        parent = node.getparent()
        while open_nodes[-1] is not parent:
            yield "end", close()
        yield "start", node
        open_nodes.append(node)
    while open_nodes:
        yield "end", close()


def element_text(element: Any, skip: tuple[Any, ...] = ()) -> str:
    """Visible text of an element, one line per block, whitespace collapsed.

    Elements in any of the `skip` collections are left out but their tails, which belong
    to the parent, are kept; `element` itself is never skipped.
    """
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _UNREAD:
        return ""
    # The tree is only read: lxml refuses to set back a tail holding a control character.
    parts: list[str] = []
    append = parts.append
    # Runs of parts joined as they come: the text of a whole page is a million small
    # strings, several times the size of the text they make.
    joined: list[str] = []
    if tag in BLOCK_TAGS:
        append("\n")
    if tag and (text := element.text):
        append(text)
    stack = [(element, tag, iter(element))]
    while stack:
        node, node_tag, children = stack[-1]
        for child in children:
            child_tag = child.tag
            if not isinstance(child_tag, str):
                child_tag = ""
            if child_tag in _UNREAD or (skip and any(child in collection for collection in skip)):
                if tail := child.tail:
                    append(tail)
                continue
            if child_tag in BLOCK_TAGS:
                append("\n")
            if child_tag and (text := child.text):
                append(text)
            stack.append((child, child_tag, iter(child)))
            break
        else:
            stack.pop()
            if node_tag in BLOCK_TAGS:
                append("\n")
            if node is not element and (tail := node.tail):  # the element's own tail belongs to its parent
                append(tail)
            if len(parts) > _PARTS_JOINED:
                joined.append("".join(parts))
                parts.clear()
    joined.append("".join(parts))
    return clean_text("".join(joined))


_PARTS_JOINED = 4096
_UNREAD = {*DROP_TAGS, "form"}


class TreeFold:
    """A value carried from the root down to each element, each element's value worked out once.

    `step(element, value_above)` gives an element's value from its parent's (`initial`
    above the root). Asking every comment of a thread nested N deep whether an ancestor
    is a widget walked N ancestors each time, N squared in all; remembering each
    element's value walks every element once. The tree must not change while in use.
    """

    def __init__(self, step: Any, initial: Any = False) -> None:
        self._step = step
        self._initial = initial
        self._known: dict[Any, Any] = {}

    def __call__(self, element: Any) -> Any:
        """The value at `element`, its own step included."""
        path = []
        node = element
        while node is not None and node not in self._known:
            path.append(node)
            node = node.getparent()
        value = self._known[node] if node is not None else self._initial
        for node in reversed(path):
            value = self._step(node, value)
            self._known[node] = value
        return value

    def above(self, element: Any) -> Any:
        """The value at the parent of `element` (`initial` for a root)."""
        parent = element.getparent()
        return self._initial if parent is None else self(parent)


def any_above(test: Any) -> TreeFold:
    """A fold whose `.above(element)` says whether any ancestor of `element` passes `test`."""

    def step(element: Any, above: bool) -> bool:
        return above or bool(test(element))

    return TreeFold(step, False)


# Whole-page searches iterate rather than ask XPath: libxml2 sorts what XPath finds into
# document order by walking up from each node, which costs the depth of the page per
# comparison (seconds for a thread a few thousand replies deep).


def iter_elements(root: Any) -> Iterator[Any]:
    """Every element of the page in document order (what XPath's //* finds)."""
    return (element for element in root.iter() if isinstance(element.tag, str))


def strip_invisible(root: Any) -> Any:
    """The tree without scripts, forms' fields and other invisible parts (removed in place)."""
    etree.strip_elements(root, *DROP_TAGS, etree.Comment, with_tail=False)
    hidden = [
        element
        for element in iter_elements(root)
        if element.get("hidden") is not None or "display:none" in (element.get("style") or "").replace(" ", "")
    ]
    for element in hidden:
        if element.getparent() is not None:
            element.drop_tree()
    return root
