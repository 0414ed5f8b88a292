"""The element tree of an HTML page, and the walks over it that must not recurse.

lxml (libxml2) builds the tree, except where libxml2 would cut the page short: its HTML
parser stops at 256 open elements, 2,048 with `huge_tree`, and then drops the rest of the
page without raising. A thread whose replies nest past that depth lost every comment
below it, with nothing said. Such a page is read again by the standard library's
tokenizer into an lxml tree of any depth (`_DeepTreeBuilder`), with the implied end tags
a comment thread needs (`<p>`, `<li>`, `<dd>`, table cells); should that fail too, the
page is read as far as libxml2 got and a `PageTruncatedWarning` says how much was left.

Every walk here iterates with an explicit stack: the trees this can build are deeper than
Python's recursion limit.
"""

from __future__ import annotations

import functools
import re
import unicodedata
import warnings
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from moderation.parse import PageTruncatedWarning
from moderation.parse.common import clean_text

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
    try:
        return deep_document(text)
    except (ValueError, etree.LxmlError) as error:
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


# --- walks ------------------------------------------------------------------------------


def keep_proxies(root: Any) -> Iterator[Any]:
    """Every node under `root` in document order, each made while its parent's proxy lives
    (lxml's iterwalk keeps the path; root.iter() does not, and pays the depth per node)."""
    return (element for _event, element in etree.iterwalk(root, events=("start",)))


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
    if tag in BLOCK_TAGS:
        append("\n")
    if element.text and tag:
        append(element.text)
    stack = [(element, tag, iter(element))]
    while stack:
        node, node_tag, children = stack[-1]
        for child in children:
            child_tag = child.tag
            if not isinstance(child_tag, str):
                child_tag = ""
            if child_tag in _UNREAD or (skip and any(child in collection for collection in skip)):
                if child.tail:
                    append(child.tail)
                continue
            if child_tag in BLOCK_TAGS:
                append("\n")
            if child.text and child_tag:
                append(child.text)
            stack.append((child, child_tag, iter(child)))
            break
        else:
            stack.pop()
            if node_tag in BLOCK_TAGS:
                append("\n")
            if node.tail and node is not element:  # the element's own tail belongs to its parent
                append(node.tail)
    return clean_text("".join(parts))


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


# --- lengths of many elements' text in one walk -----------------------------------------
#
# Asking each comment of a thread for the length of its text reads every reply below it
# again: N squared for a thread nested N deep. These walks sum each element's text once,
# from the leaves up, as summaries that join end to end: (characters outside spaces, words,
# starts with a space, ends with a space) for a run of text, and for text with line breaks
# its first and last runs with the total of the complete lines between.

_Words = tuple[int, int, bool, bool] | None


def _words(text: str | None) -> _Words:
    if not text:
        return None
    words = text.split()
    return (sum(map(len, words)), len(words), text[0].isspace(), text[-1].isspace())


def _join(left: _Words, right: _Words) -> _Words:
    if left is None:
        return right
    if right is None:
        return left
    glued = left[1] and right[1] and not left[3] and not right[2]
    return (left[0] + right[0], left[1] + right[1] - glued, left[2], right[3])


def _spaced_length(words: _Words) -> int:
    """len(normalize_space(text)) from the text's summary."""
    return words[0] + words[1] - 1 if words and words[1] else 0


def link_lengths(root: Any, wanted: dict[Any, int]) -> tuple[list[int], list[int]]:
    """For the elements of `wanted` (element: its index), the length of
    `normalize_space(element.text_content())` and that length summed over the `<a>`
    elements in it (itself included), both by index."""
    totals = [0] * len(wanted)
    linked = [0] * len(wanted)
    stack: list[list[Any]] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            # text_content() leaves out comments' own text, not their tails.
            text = element.text if isinstance(element.tag, str) else None
            stack.append([_words(_ZERO_WIDTH.sub("", text) if text else None), 0])
            continue
        words, in_links = stack.pop()
        length = _spaced_length(words)
        if element.tag == "a":
            in_links += length
        index = wanted.get(element)
        if index is not None:
            totals[index], linked[index] = length, in_links
        if stack:
            tail = element.tail
            above = stack[-1]
            above[0] = _join(_join(above[0], words), _words(_ZERO_WIDTH.sub("", tail) if tail else None))
            above[1] += in_links
    return totals, linked


_ZERO_WIDTH = re.compile("[\u200b\ufeff]")
_BREAK = re.compile("[\n\u2028\u2029]")  # what str.splitlines() still splits once control characters are gone
_CONTROL_ASCII = re.compile("[\x00-\x08\x0b-\x1f\x7f]")

# (first run, length of the complete non-blank lines, how many, last run, has a break)
_Lines = tuple[_Words, int, int, _Words, bool] | None


def _lines(text: str) -> _Lines:
    text = unicodedata.normalize("NFC", text)
    if text.isascii():
        text = _CONTROL_ASCII.sub("", text)
    else:
        text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    if not text:
        return None
    runs = _BREAK.split(text)
    if len(runs) == 1:
        return (_words(text), 0, 0, None, False)
    middle = [_spaced_length(_words(run)) for run in runs[1:-1]]
    return (_words(runs[0]), sum(middle), sum(1 for length in middle if length), _words(runs[-1]), True)


def _join_lines(left: _Lines, right: _Lines) -> _Lines:
    if left is None:
        return right
    if right is None:
        return left
    if not left[4]:
        return (_join(left[0], right[0]), right[1], right[2], right[3], right[4])
    if not right[4]:
        return (left[0], left[1], left[2], _join(left[3], right[0]), True)
    seam = _spaced_length(_join(left[3], right[0]))
    return (left[0], left[1] + right[1] + seam, left[2] + right[2] + (seam > 0), right[3], True)


def _cleaned_length(lines: _Lines) -> int:
    """len(clean_text(text)) from the text's summary: its non-blank lines and the breaks between."""
    if lines is None:
        return 0
    ends = [_spaced_length(lines[0])] + ([_spaced_length(lines[3])] if lines[4] else [])
    count = lines[2] + sum(1 for length in ends if length)
    return lines[1] + sum(ends) + count - 1 if count else 0


_NEWLINE: _Lines = (None, 0, 0, None, True)


def text_lengths(root: Any, wanted: set[Any]) -> dict[Any, int]:
    """`len(element_text(element))` for each element of `wanted` under `root`."""
    lengths: dict[Any, int] = {}
    # Per open element: its text's summary so far, and whether a run of text in it starts
    # with a mark that Unicode composes with what precedes it (NFC over the whole text may
    # then differ from NFC run by run, so that element is measured the slow way).
    stack: list[list[Any]] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            lines = _NEWLINE if tag in BLOCK_TAGS else None
            text = element.text if tag else None
            stack.append([_join_lines(lines, _lines(text)) if text else lines, bool(text) and _composes(text[0])])
            continue
        lines, composes = stack.pop()
        if tag in BLOCK_TAGS:
            lines = _join_lines(lines, _NEWLINE)
        if tag in DROP_TAGS or tag == "form":
            lines, composes = None, False
        if element in wanted:
            lengths[element] = len(element_text(element)) if composes else _cleaned_length(lines)
        if stack:
            above = stack[-1]
            tail = element.tail
            above[0] = _join_lines(above[0], lines)
            if tail:
                above[0] = _join_lines(above[0], _lines(tail))
            above[1] = above[1] or composes or bool(tail) and _composes(tail[0])
    return lengths


def _composes(char: str) -> bool:
    """Whether NFC can join `char` to the character before it."""
    if char < "\u0300":
        return False
    first = unicodedata.normalize("NFD", char)[0]
    return unicodedata.combining(first) != 0 or first in _second_starters()


@functools.cache
def _second_starters() -> frozenset[str]:
    """Characters of combining class 0 that NFC still joins to the one before (Hangul vowels
    and finals, some Indic vowel signs): the second half of a two-character decomposition."""
    found = {chr(code) for code in [*range(0x1161, 0x1176), *range(0x11A8, 0x11C3)]}
    for code in range(0xC0, 0x30000):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            second = chr(int(parts[1], 16))
            if unicodedata.combining(second) == 0:
                found.add(second)
    return frozenset(found)
