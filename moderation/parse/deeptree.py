"""An HTML page as an lxml tree of any depth, for pages nested deeper than libxml2 reads.

libxml2's HTML parser stops at 2,048 open elements and drops the rest of the page
(`tree.document` notices and comes here). This reads the page with the standard library's
tokenizer (through `htmltokens`, which gives its tokens faster) into lxml's TreeBuilder
instead, with no limit on depth, and with the implied end tags a comment thread needs
(`<p>`, `<li>`, `<dd>`, table cells): the tables of which start tag closes which open
element are here with the builder that applies them. The builder's own work per tag
costs the same at any depth.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from moderation.parse.htmltokens import PageTokenizer


def deep_document(text: str) -> Any:
    """The page as an lxml tree of any depth, built from the standard library's tokenizer."""
    builder = _DeepTreeBuilder()
    builder.read(text)
    return builder.finish()


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
         "source", "track", "wbr", "basefont", "bgsound", "frame", "isindex"}  # fmt: skip
_HEAD_ONLY = {"title", "meta", "link", "base", "script", "style"}
_CLOSES_P = {"address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
             "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
             "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "table",
             "ul", "dd", "dt"}  # fmt: skip
_SCOPE = {"html", "table", "td", "th", "caption", "marquee", "object", "applet", "template", "button"}
# For a start tag, which open element it ends, and which open elements stop the search
# (HTML's "implied end tags", as far as comment threads and their tables need them).
_IMPLIED_END = {
    "li": ({"li"}, _SCOPE | {"ol", "ul"}),
    "dd": ({"dd", "dt"}, _SCOPE | {"dl"}),
    "dt": ({"dd", "dt"}, _SCOPE | {"dl"}),
    "tr": ({"tr", "td", "th"}, {"html", "table", "tbody", "thead", "tfoot"}),
    "td": ({"td", "th"}, {"html", "table", "tr"}),
    "th": ({"td", "th"}, {"html", "table", "tr"}),
    "tbody": ({"tbody", "thead", "tfoot", "tr", "td", "th"}, {"html", "table"}),
    "thead": ({"tbody", "thead", "tfoot", "tr", "td", "th"}, {"html", "table"}),
    "tfoot": ({"tbody", "thead", "tfoot", "tr", "td", "th"}, {"html", "table"}),
    "option": ({"option"}, {"html", "select", "datalist", "optgroup"}),
    "optgroup": ({"option", "optgroup"}, {"html", "select"}),
    "a": ({"a"}, _SCOPE),
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_DOCUMENT_TAGS = {"html", "head", "body"}
# lxml refuses these in text and attribute values (XML 1.0 does not allow them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


class _DeepTreeBuilder(PageTokenizer):
    """An HTML tokenizer feeding lxml's TreeBuilder, with no limit on depth."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._tree = etree.TreeBuilder(parser=lxml_html.HTMLParser())
        self._open: list[str] = []
        # Where each tag is open on the stack, so that finding the nearest open <p> or <li>
        # costs the same at any depth (scanning the stack made a deep thread quadratic).
        self._at: defaultdict[str, list[int]] = defaultdict(list)
        self._root = self._tree.start("html", {})
        self._push("html")
        self._tree.start("head", {})
        self._push("head")
        self._body: Any = None

    def _push(self, tag: str) -> None:
        self._at[tag].append(len(self._open))
        self._open.append(tag)

    def finish(self) -> Any:
        self.close()
        if self._body is None:
            self._start_body({})
        self._pop_until(0)
        return self._tree.close()

    def _start_body(self, attrs: dict[str, str]) -> None:
        self._pop_until(1)  # to <html>
        self._body = self._tree.start("body", attrs)
        self._push("body")

    def _pop_until(self, index: int) -> None:
        """Close the open elements from the innermost to the one at `index` on the stack."""
        opened, at, end = self._open, self._at, self._tree.end
        while len(opened) > index:
            tag = opened.pop()
            at[tag].pop()
            end(tag)

    def _innermost(self, tags: set[str]) -> int:
        """Where on the stack the innermost open element of `tags` is; -1 if none is open."""
        at = self._at
        found = -1
        for tag in tags:
            places = at.get(tag)
            if places and places[-1] > found:
                found = places[-1]
        return found

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DOCUMENT_TAGS:
            self._document_tag(tag, attrs)
            return
        if self._body is None and (tag not in _HEAD_ONLY or self._open[-1] != "head"):
            self._start_body({})
        self._imply_ends(tag)
        # lxml refuses a value with any character `_NOT_XML` finds: the attributes are
        # cleaned only when they are refused (most never need it).
        try:
            self._tree.start(tag, {name: value or "" for name, value in attrs} if attrs else {})
        except ValueError:
            if not self._start_cleaned(tag, attrs):
                return
        if tag in _VOID:
            self._tree.end(tag)
        else:
            self._push(tag)

    def _document_tag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """`<html>` and `<body>` give their attributes to the elements made for them; `<head>`,
        made at the start, is ignored."""
        if tag == "head":
            return
        if tag == "body" and self._body is None:
            self._start_body({})
        for name, value in _cleaned(attrs).items():
            _set_attribute(self._root if tag == "html" else self._body, name, value)

    def _imply_ends(self, tag: str) -> None:
        if tag in _CLOSES_P:
            places = self._at.get("p")
            if places and places[-1] > self._innermost(_SCOPE):
                self._pop_until(places[-1])
        implied = _IMPLIED_END.get(tag)
        if implied is not None:
            found = self._innermost(implied[0])
            if found >= 0 and found > self._innermost(implied[1]):
                self._pop_until(found)
        if tag in _HEADINGS and self._open[-1] in _HEADINGS:
            self._pop_until(len(self._open) - 1)

    def _start_cleaned(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """Open an element lxml refused: without the characters it cannot hold, else without
        attributes; a tag name it cannot hold loses the tag (its content stays)."""
        for attempt in (_cleaned(attrs), {}):
            try:
                self._tree.start(tag, attempt)
            except ValueError:
                continue
            return True
        return False

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # `<div/>` opens a div in HTML; only void elements end at once.
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _DOCUMENT_TAGS:
            return
        places = self._at.get(tag)
        if places and places[-1] >= 2:
            self._pop_until(places[-1])

    def handle_data(self, data: str) -> None:
        if self._body is None and self._open[-1] == "head":
            if not data.strip():
                return
            self._start_body({})
        self._tree.data(_NOT_XML.sub("", data))


def _cleaned(attrs: list[tuple[str, str | None]]) -> dict[str, str]:
    return {_NOT_XML.sub("", name): _NOT_XML.sub("", value or "") for name, value in attrs}


def _set_attribute(element: Any, name: str, value: str) -> None:
    try:
        element.set(name, value)
    except ValueError:
        pass
