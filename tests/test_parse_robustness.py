"""Random and mangled input never raises anything but the documented ParseError, and the
fast HTML tokenizer reads whatever it is given exactly as the standard library's does."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, SEEDS, shared_path
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moderation.errors import ParseError
from moderation.parse import parse_page
from moderation.parse.decode import decode
from moderation.parse.htmltokens import PageTokenizer

SAMPLES = [
    (FIXTURES / "wordpress_thread.html").read_bytes(),
    (SEEDS / "004_8629efe3ccf50487.txt").read_bytes(),
    (FIXTURES / "microdata_comments.html").read_bytes(),
]


def _parse_or_documented_error(data: bytes | str) -> None:
    try:
        page = parse_page(data)
    except ParseError:
        return
    for comment in page.comments:
        assert isinstance(comment.text, str) and comment.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4000))
def test_random_bytes(data):
    _parse_or_documented_error(data)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=3000))
def test_random_text(text):
    _parse_or_documented_error(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SAMPLES), st.data())
def test_mangled_real_pages(sample, data):
    """Cut, splice and corrupt real pages: truncations and garbage inside tags."""
    start = data.draw(st.integers(0, len(sample)))
    end = data.draw(st.integers(start, len(sample)))
    junk = data.draw(st.binary(max_size=200))
    mangled = sample[:start] + junk + sample[end:]
    _parse_or_documented_error(mangled)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["<div class='comment'>", "</div>", "<li id='comment-1'>", "<ol class='commentlist'>",
                                 "<p>", "text words here", "Reply", "<time datetime='2020-01-01'>", "<!--", "-->",
                                 "<script type='application/ld+json'>{\"@type\":\"Comment\",", "</script>", "\x00"]),
                max_size=60))
def test_random_comment_markup(parts):
    _parse_or_documented_error("<html><body>" + "".join(parts))


class _Recorder(PageTokenizer):
    """Every handler call, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.calls: list[tuple[object, ...]] = []

    def handle_starttag(self, tag, attrs):
        self.calls.append(("start", tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.calls.append(("start-end", tag, attrs))

    def handle_endtag(self, tag):
        self.calls.append(("end", tag))

    def handle_data(self, data):
        self.calls.append(("data", data))

    def handle_comment(self, data):
        self.calls.append(("comment", data))

    def handle_decl(self, decl):
        self.calls.append(("decl", decl))

    def handle_pi(self, data):
        self.calls.append(("pi", data))

    def unknown_decl(self, data):
        self.calls.append(("unknown decl", data))


def _calls(text: str, fast: bool) -> list[tuple[object, ...]]:
    recorder = _Recorder()
    try:
        if fast:
            recorder.read(text)
        else:
            recorder.feed(text)
        recorder.close()
    except AssertionError as error:  # HTMLParser's own, on `<![` with no name after it
        recorder.calls.append(("raised", str(error)))
    return recorder.calls


def _reads_as_htmlparser(text: str) -> None:
    assert _calls(text, fast=True) == _calls(text, fast=False)


HOSTILE_MARKUP = [
    "<p>unclosed <div>tags <li>everywhere", "<input checked disabled>", "<DIV CLASS='X'>Upper</DIV>", "<a/>",
    "<a />", "<a href=x/>", "<br/><br /><br//>", "<a title='&amp;&lt;&#12;&bogus;'>e</a>", "a < b and c<d", "x<",
    "<", "&", "a &amp", "&#", "<p>&amp</p>", "<![CDATA[x<y]]>", "<![<", "\x00<p>\x00nul\x01</p>", "<a\x00>",
    "<!-- unterminated", "<!---->", "<!-->", "<!--->", "<!-- a -- b -->", "<!-- a --->", "<!-- a --!>",
    "<!--[if IE]><p>x</p><![endif]-->", "</p>", "<p>x</p></p>", "</a b>", "</ a>", "</>", "</div\n>",
    "<script>if (a < b) document.write('</div>')</script>", "<script>x</script >y", "<script>never closed",
    "<script src=a/>after</script>", "<style>p{}</STYLE>", "<title>a<b>c</title>", "<textarea><p></textarea>",
    "<svg viewBox='0 0 1 1'><title>t<b></title><foreignObject/></svg>", "<math><mi>x</mi></math>",
    "<a b='1'c='2'>", "<a b = 'x' >", "<a b==c>", "<a =b>", "<a b= >", "<a\tb\n=\r'c'\f>", "<a\x0bb>",
    "<a b\xa0c>", "<a b=\"c>d\">", "<a b=c\"d>", "<img src=x alt=>", "<p/x>", "<a b/c>", "<x-y:z.w_1 a-b:c=1>",
    "<?php echo 1 ?>", "<!DOCTYPE html><html>", "<!doctype html", "<!ELEMENT x>", "<a b='",
    "<td><tr><li><dd>", "<a href=#>&nbsp;&copy;&#8217;&#x201c;</a>", "<p>\r\n\t </p>",
]  # fmt: skip


@pytest.mark.parametrize("markup", HOSTILE_MARKUP)
def test_the_fast_tokenizer_reads_hostile_markup_as_htmlparser_does(markup):
    _reads_as_htmlparser(markup)
    _reads_as_htmlparser(f"<html><body><div class='c'>{markup} tail</div><p id=x>after</p></body></html>")


_PIECES = ["<", ">", "/", "!", "-", "--", "<!--", "-->", "=", "'", '"', " ", "\t", "\n", "\f", "a", "p", "div",
           "script", "title", "svg", "&", "&amp;", "&#12;", "&lt", ";", "x", "\x00", "\x0b", "\xa0", "?", "[",
           "]", "DOCTYPE", "</", "/>"]  # fmt: skip
_TAG_NAMES = st.sampled_from(["a", "div", "P", "li", "x-y", "fb:like", "br", "script", "style", "title", "svg", "td"])
_ATTRIBUTES = st.tuples(
    st.sampled_from([" ", "\t", "\n", "  ", "\f", "/", "\x0b", ""]),
    st.sampled_from(["class", "ID", "href", "data-x", "a.b", "@x", 'x"y']),
    st.sampled_from(["", "=x", "='a b'", '="a>b"', "=a/", "=&amp;", "='&#12;'", '=""', "= 'x' ", "=a'b"]),
)


@st.composite
def _tags(draw):
    attributes = "".join("".join(parts) for parts in draw(st.lists(_ATTRIBUTES, max_size=4)))
    return (draw(st.sampled_from(["<", "</"])) + draw(_TAG_NAMES) + attributes
            + draw(st.sampled_from(["", " ", "/"])) + draw(st.sampled_from([">", ">", "", "x"])))  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_tags(), st.sampled_from(_PIECES)), max_size=30))
def test_the_fast_tokenizer_reads_random_markup_as_htmlparser_does(parts):
    _reads_as_htmlparser("".join(parts))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_the_fast_tokenizer_reads_random_text_as_htmlparser_does(text):
    _reads_as_htmlparser(text)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SAMPLES), st.data())
def test_the_fast_tokenizer_reads_mangled_pages_as_htmlparser_does(sample, data):
    text = sample.decode("utf-8", "replace")
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    _reads_as_htmlparser(text[:start] + data.draw(st.text(max_size=100)) + text[end:])


def test_the_fast_tokenizer_reads_saved_pages_as_htmlparser_does():
    pages = sorted(shared_path("pages").rglob("*.html"))
    for path in pages[::6]:  # every page takes 12 s; all of them agreed when this was written
        _reads_as_htmlparser(decode(path.read_bytes()))
