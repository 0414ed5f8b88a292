"""An HTML page as an lxml tree of any depth, for pages nested deeper than libxml2 reads.

libxml2's HTML parser stops at 2,048 open elements and drops the rest of the page
(`tree.document` notices and comes here). This reads the page with the standard library's
tokenizer into lxml's TreeBuilder instead, with no limit on depth, and with the implied
end tags a comment thread needs (`<p>`, `<li>`, `<dd>`, table cells): the tables of which
start tag closes which open element are here with the builder that applies them.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from lxml import etree
from lxml import html as lxml_html


def deep_document(text: str) -> Any:
    """The page as an lxml tree of any depth, built from the standard library's tokenizer."""
    builder = _DeepTreeBuilder()
    builder.feed(text)
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
# lxml refuses these in text and attribute values (XML 1.0 does not allow them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


class _DeepTreeBuilder(HTMLParser):
    """An HTML tokenizer feeding lxml's TreeBuilder, with no limit on depth."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._tree = etree.TreeBuilder(parser=lxml_html.HTMLParser())
        self._open: list[str] = []
        # Where each tag is open on the stack, so that finding the nearest open <p> or <li>
        # costs the same at any depth (scanning the stack made a deep thread quadratic).
        self._at: dict[str, list[int]] = {}
        self._root = self._tree.start("html", {})
        self._push("html")
        self._tree.start("head", {})
        self._push("head")
        self._body: Any = None

    def _push(self, tag: str) -> None:
        self._at.setdefault(tag, []).append(len(self._open))
        self._open.append(tag)

    def _pop(self) -> None:
        tag = self._open.pop()
        self._at[tag].pop()
        self._tree.end(tag)

    def finish(self) -> Any:
        self.close()
        if self._body is None:
            self._start_body({})
        while self._open:
            self._pop()
        return self._tree.close()

    def _start_body(self, attrs: dict[str, str]) -> None:
        while self._open[-1] != "html":
            self._pop()
        self._body = self._tree.start("body", attrs)
        self._push("body")

    def _pop_until(self, index: int) -> None:
        while len(self._open) > index:
            self._pop()

    def _find_open(self, tags: set[str], stops: set[str]) -> int | None:
        """Where the innermost open element of `tags` is, unless one of `stops` is open inside it."""
        found = max((self._at[tag][-1] for tag in tags if self._at.get(tag)), default=None)
        if found is None:
            return None
        stop = max((self._at[tag][-1] for tag in stops if self._at.get(tag)), default=-1)
        return found if found > stop else None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {_NOT_XML.sub("", name): _NOT_XML.sub("", value or "") for name, value in attrs}
        if tag == "html":
            for name, value in attributes.items():
                _set_attribute(self._root, name, value)
            return
        if tag == "head":
            return
        if tag == "body":
            if self._body is None:
                self._start_body({})
                for name, value in attributes.items():
                    _set_attribute(self._body, name, value)
            else:
                for name, value in attributes.items():
                    _set_attribute(self._body, name, value)
            return
        if self._body is None:
            if tag not in _HEAD_ONLY or self._open[-1] != "head":
                self._start_body({})
        self._imply_ends(tag)
        if not self._start(tag, attributes):
            return
        if tag in _VOID:
            self._tree.end(tag)
        else:
            self._push(tag)

    def _imply_ends(self, tag: str) -> None:
        if tag in _CLOSES_P:
            index = self._find_open({"p"}, _SCOPE)
            if index is not None:
                self._pop_until(index)
        if tag in _IMPLIED_END:
            ends, stops = _IMPLIED_END[tag]
            index = self._find_open(ends, stops)
            if index is not None:
                self._pop_until(index)
        if tag in _HEADINGS and self._open[-1] in _HEADINGS:
            self._pop_until(len(self._open) - 1)

    def _start(self, tag: str, attributes: dict[str, str]) -> bool:
        """Open an element; an attribute lxml cannot hold loses the element its attributes,
        a tag name it cannot hold loses the tag (its content stays)."""
        for attempt in (attributes, {}):
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
        if tag in ("html", "body", "head"):
            return
        index = self._find_open({tag}, set())
        if index is not None and index >= 2:
            self._pop_until(index)

    def handle_data(self, data: str) -> None:
        if self._body is None and self._open[-1] == "head":
            if not data.strip():
                return
            self._start_body({})
        self._tree.data(_NOT_XML.sub("", data))


def _set_attribute(element: Any, name: str, value: str) -> None:
    try:
        element.set(name, value)
    except ValueError:
        pass
