"""The standard library's HTML tokenizer, several times faster on a whole page.

`html.parser.HTMLParser` takes each tag apart with several regular expressions and a
Python step per attribute, and counts the lines of every piece of text it passes: most of
the time a page nested too deep for libxml2 took to read (`deeptree`). `PageTokenizer.read`
makes the same calls to the same handlers for a whole page. One regular expression finds
the next tag, end tag, comment or doctype in the plain forms that make up nearly all of a
page; anything else (odd spacing, a character reference in an attribute, a tag cut short,
a `<?`, the content of a `<script>`, `<svg>` and `<math>`) is handed to HTMLParser's own
code for that one token, or for the rest of the page where reading a token depends on
what follows it.

The plain forms are those every Python version reads alike. Newer versions unescape
attribute values by other rules, treat `<title>` as raw text and track what is inside
`<svg>` and `<math>` from tag to tag; those parts are always the running HTMLParser's.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

_SPACE = "[ \t\n\r\f]"
# An attribute as HTMLParser reads it, narrowed to forms no Python version reads otherwise:
# a name, and a quoted or unquoted value after one "=" (spaces around it allowed), without
# "&". Names and values end where HTMLParser's do, at a space or one of /=> (a bare value
# runs to a space or ">", slashes included).
_ATTRIBUTE = rf"""[^\s/>"'=<]++(?:{_SPACE}*+={_SPACE}*+(?:"[^"]*+"|'[^']*+'|[^\s>"'=][^\s>]*+))?+"""
_NAME = "[a-zA-Z][-.:_a-zA-Z0-9]*+"
_TOKEN = re.compile(
    rf"<(?:({_NAME})((?>(?:{_SPACE}++{_ATTRIBUTE})*)){_SPACE}*+(/?)>"  # 1-3: a start tag
    rf"|/({_NAME})>"  # 4: an end tag
    r"|!--(?![->])([^-]*+(?:-[^-]++)*+)-->"  # 5: a comment with no "--" inside
    r"|!([dD][oO][cC][tT][yY][pP][eE][^>]*+)>"  # 6: a doctype
    r"|)"  # "<" starting anything else: HTMLParser's own code reads it
)
_ATTRIBUTES = re.compile(
    rf"""([^\s/>"'=<]+)(?:{_SPACE}*(=){_SPACE}*(?:"([^"]*)"|'([^']*)'|([^\s>"'=][^\s>]*)))?"""
)
_START_TAG_OPEN = re.compile("<[a-zA-Z]")
# Start tags whose reading changes how what follows is read, in some Python version: raw
# text (the running HTMLParser decides which), and foreign content.
_READ_BY_HTMLPARSER = {"script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes",
                       "noscript", "plaintext", "svg", "math"}  # fmt: skip
_ATTRIBUTES_KEPT = 2048


class PageTokenizer(HTMLParser):
    """An HTMLParser (with `convert_charrefs`) that also reads a whole page at once, faster."""

    def read(self, text: str) -> None:
        """Read a whole page: `read(text)` then `close()` make the handler calls `feed(text)`
        then `close()` make, in the same order and with the same arguments. For a parser
        that has not been fed yet."""
        # HTMLParser's own code, called on a token, reads the page from here.
        self.rawdata = text
        data, start, end = self.handle_data, self.handle_starttag, self.handle_endtag
        search = _TOKEN.search
        # Newer HTMLParsers keep the open <svg> and <math> elements here: while there are
        # any, every tag is theirs to read.
        foreign = getattr(self, "_open_elements", ())
        # The attributes of a tag as HTMLParser lists them, by their text: most repeat from
        # comment to comment. Emptied when full, so that ids and links, never seen twice,
        # cannot make it grow with the page.
        known_attributes: dict[str, tuple[tuple[str, str | None], ...]] = {}
        position = 0
        while (match := search(text, position)) is not None:
            at = match.start()
            if position < at:
                chunk = text[position:at]
                data(unescape(chunk) if "&" in chunk else chunk)
            position = match.end()
            kind = match.lastindex
            if kind == 3:
                tag, attributes, closed = match.group(1, 2, 3)
                tag = tag.lower()
                if tag in _READ_BY_HTMLPARSER or foreign or "&" in attributes:
                    position = self._read_by_htmlparser(at)
                    if position < 0:
                        return
                    continue
                if not attributes:
                    pairs = []
                elif (known := known_attributes.get(attributes)) is not None:
                    pairs = list(known)
                else:
                    pairs = _attributes(attributes)
                    if len(known_attributes) >= _ATTRIBUTES_KEPT:
                        known_attributes.clear()
                    known_attributes[attributes] = tuple(pairs)
                if closed:
                    self.handle_startendtag(tag, pairs)
                else:
                    start(tag, pairs)
            elif kind == 4 and not foreign:
                end(match.group(4).lower())
            elif kind == 5:
                self.handle_comment(match.group(5))
            elif kind == 6:
                self.handle_decl(match.group(6))
            else:  # an end tag in foreign content, or "<" starting anything but the above
                position = self._read_by_htmlparser(at)
                if position < 0:
                    return
        if position < len(text):
            data(unescape(text[position:]))
        self.rawdata = ""

    def _read_by_htmlparser(self, at: int) -> int:
        """Read the token at `at` as HTMLParser's `goahead` does; where it ends, or -1 when
        the rest of the page has been read (fed, to be closed) by HTMLParser instead."""
        text = self.rawdata
        if _START_TAG_OPEN.match(text, at):
            end = self.parse_starttag(at)
        elif text.startswith("</", at):
            end = self.parse_endtag(at)
        elif text.startswith("<!--", at):
            end = self.parse_comment(at)
        elif text.startswith("<?", at):
            end = self.parse_pi(at)
        elif text.startswith("<!", at):
            end = self.parse_html_declaration(at)
        elif at + 1 < len(text):
            self.handle_data("<")
            end = at + 1
        else:
            end = -1
        if end < 0:
            # Unfinished: HTMLParser reads it by what follows, as far as the end of the page.
            self.rawdata = ""
            self.feed(text[at:])
            return -1
        if self.cdata_elem is None:
            return end
        return self._read_raw_text(text, end)

    def _read_raw_text(self, text: str, start: int) -> int:
        """Read a script's (or other raw text element's) content and end tag, from `start`;
        where they end, or -1 as `_read_by_htmlparser`.

        When nothing before the first `</name>` could end the element in any Python
        version, HTMLParser is given only that far; otherwise the rest of the page.
        """
        name = self.cdata_elem
        close = f"</{name}>"
        found = re.compile(rf"</\s*{re.escape(name)}", re.I).search(text, start)
        end = found.start() + len(close) if found else -1
        if found and text[found.start() : end].lower() == close:
            self.rawdata = text[start:end]
            self.goahead(0)
            if not self.rawdata and self.cdata_elem is None:
                self.rawdata = text
                return end
            self.feed(text[end:])
        else:
            self.rawdata = ""
            self.feed(text[start:])
        return -1


def _attributes(text: str) -> list[tuple[str, str | None]]:
    """A start tag's attributes (none with "&") as HTMLParser lists them: names in lower
    case, None for a name without a value."""
    return [
        (name.lower(), double + single + bare if equals else None)
        for name, equals, double, single, bare in _ATTRIBUTES.findall(text)
    ]
