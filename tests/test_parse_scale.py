"""Large and deep pages: every comment is kept, and time grows with the page, not its square.

Timings here are generous floors (several times what this takes on a quiet machine), so
that a return of quadratic work fails while a busy CI machine does not.
"""

from __future__ import annotations

import importlib.util
import json
import time

import pytest
from conftest import ROOT
from lxml import etree

from moderation.parse import PageTruncatedWarning, parse_page
from moderation.parse import deeptree
from moderation.parse import lengths as parse_lengths
from moderation.parse import tree as parse_tree
from moderation.parse.common import normalize_space
from moderation.parse.deepjson import loads


def _bench():
    """benchmarks/parse_scale_bench.py, whose synthetic pages these tests read too."""
    spec = importlib.util.spec_from_file_location("parse_scale_bench", ROOT / "benchmarks" / "parse_scale_bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BENCH = _bench()


def wordpress_comment(number: int, replies: str = "") -> str:
    """One comment as WordPress prints it, with its replies in an <ol class="children">."""
    children = f'<ol class="children">{replies}</ol>' if replies else ""
    return (
        f'<li class="comment" id="comment-{number}"><article id="div-comment-{number}" class="comment-body">'
        f'<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Reader {number}</b></div>'
        f'<div class="comment-metadata"><time datetime="2025-04-11T09:02:00+01:00">April 11, 2025</time></div></footer>'
        f'<div class="comment-content"><p>Comment number {number} says the ferry should run later.</p></div>'
        f'<div class="reply"><a class="comment-reply-link" href="#">Reply</a></div></article>{children}</li>'
    )


def wordpress_page(thread: str) -> str:
    return (
        "<html><head><title>Ferry timetable</title></head><body><h1>Ferry timetable</h1>"
        f'<div id="comments"><ol class="commentlist">{thread}</ol></div></body></html>'
    )


def reply_chain(first: int, depth: int) -> str:
    """`depth` comments numbered from `first`, each a reply to the one before it."""
    # Built from the innermost out: each level wraps the text of the levels below it.
    thread = ""
    for number in range(first + depth - 1, first - 1, -1):
        thread = wordpress_comment(number, thread)
    return thread


def test_a_thread_nested_5000_deep_keeps_all_5003_comments_and_their_parents():
    # libxml2 stops at 256 open elements (2,048 with huge_tree): 128 of these comments
    # were kept and the rest dropped without a word.
    thread = reply_chain(1, 5000) + wordpress_comment(5001, wordpress_comment(5002)) + wordpress_comment(5003)
    page = parse_page(wordpress_page(thread))

    assert len(page.comments) == 5003
    by_id = {comment.id: comment for comment in page.comments}
    assert by_id["div-comment-1"].parent_id is None
    for number in range(2, 5001):
        assert by_id[f"div-comment-{number}"].parent_id == f"div-comment-{number - 1}"
    assert by_id["div-comment-5001"].parent_id is None
    assert by_id["div-comment-5002"].parent_id == "div-comment-5001"
    assert by_id["div-comment-5003"].parent_id is None
    deepest = by_id["div-comment-5000"]
    assert (deepest.author, deepest.posted_at) == ("Reader 5000", "2025-04-11T09:02:00+01:00")
    assert deepest.text == "Comment number 5000 says the ferry should run later."


def test_schema_org_comments_nested_3000_deep_keep_their_thread():
    item = (
        '<div itemprop="comment" itemscope itemtype="https://schema.org/Comment">'
        '<span itemprop="author">Reader {0}</span><p itemprop="text">Reply number {0} to the one above.</p>'
    )
    html = "<html><body><section>" + "".join(item.format(n) for n in range(3000)) + "</div>" * 3000 + "</section></body></html>"
    page = parse_page(html)
    assert len(page.comments) == 3000
    assert all(comment.parent_id == f"c{comment.position}" for comment in page.comments[1:])
    assert page.comments[-1].text == "Reply number 2999 to the one above."


def test_json_ld_comments_nested_3000_deep_keep_their_thread():
    # json.loads recurses, and gave up (RecursionError, a traceback) near 1,000 levels.
    inner = ""
    for number in range(2999, -1, -1):
        replies = f', "comment": [{inner}]' if inner else ""
        inner = f'{{"@type": "Comment", "text": "Reply number {number}.", "author": "R{number}"{replies}}}'
    html = (
        '<html><head><script type="application/ld+json">'
        f'{{"@type": "DiscussionForumPosting", "headline": "Bus lanes", "comment": [{inner}]}}'
        "</script></head><body><p>x</p></body></html>"
    )
    page = parse_page(html)
    assert len(page.comments) == 3000
    assert [c.parent_id for c in page.comments[:3]] == [None, "c1", "c2"]
    assert page.comments[-1].text == "Reply number 2999."


def test_deep_json_decodes_as_json_loads_does():
    text = '{"a": [1, 2.5e3, -0.0, "x\\u00e9", true, null, NaN, {"b": {}}]}'
    assert loads(text) == json.loads(text)
    deep = "[" * 50_000 + "]" * 50_000
    value = loads(deep)
    depth = 0
    while value:
        value, depth = value[0], depth + 1
    assert depth == 49_999
    with pytest.raises(ValueError):
        loads("[" * 50_000 + "]" * 49_999)


def test_a_page_cut_short_by_the_parser_is_reported_with_what_was_dropped(monkeypatch):
    # Should the deep reader fail too, the page is read as far as lxml got, and said so.
    def refuse(text):
        raise ValueError("refused for the test")

    monkeypatch.setattr(parse_tree, "deep_document", refuse)
    with pytest.warns(PageTruncatedWarning, match=r"^deep\.html: .* [\d,]+ of about [\d,]+ elements were dropped"):
        page = parse_page(wordpress_page(reply_chain(1, 1500)), source="deep.html")
    assert 0 < len(page.comments) < 1500


def test_lengths_summed_in_one_walk_equal_those_read_one_element_at_a_time():
    html = (
        "<html><body><div id='c'> Caf<b>e\u0301</b> o<i>\u0301</i>le\u200b <p>a\u2028b \u00a0 c</p><form>hidden "
        "<p>inside</p></form> tail<a href='#'> link <b>text</b></a>\x01<br>x\ty<li>\u1100<span>\u1161</span></li></div></body></html>"
    )
    root = parse_tree.document(html)
    elements = [element for element in root.iter() if isinstance(element.tag, str)]
    lengths = parse_lengths.text_lengths(root, set(elements))
    totals, linked = parse_lengths.link_lengths(root, {element: index for index, element in enumerate(elements)})
    for index, element in enumerate(elements):
        assert lengths[element] == len(parse_tree.element_text(element))
        assert totals[index] == len(normalize_space(element.text_content()))
        assert linked[index] == sum(len(normalize_space(a.text_content())) for a in element.iter("a"))


def _seconds(text: str) -> tuple[float, int]:
    started = time.process_time()
    count = len(parse_page(text).comments)
    return time.process_time() - started, count


def test_8000_comments_parse_in_seconds_not_minutes():
    # Before: 13 s for 8,000 comments, 19.5 minutes for 60,000 (quadratic).
    seconds, count = _seconds(wordpress_page("".join(wordpress_comment(number) for number in range(8000))))
    assert count == 8000
    assert seconds < 20


def test_time_per_comment_does_not_grow_with_the_thread():
    small, small_count = _seconds(wordpress_page("".join(wordpress_comment(n, wordpress_comment(n + 100_000)) for n in range(500))))
    large, large_count = _seconds(wordpress_page("".join(wordpress_comment(n, wordpress_comment(n + 100_000)) for n in range(4000))))
    assert (small_count, large_count) == (1000, 8000)
    # Linear work gives 8x the time for 8x the comments; quadratic gave 64x.
    assert large < 24 * max(small, 0.05)


def text_dump(comments: int) -> str:
    """A page copied as text, whose comments carry "N replies" lines (which read like
    section headers) and answer each other by name (every third answers the one before;
    no name starts another, which would make it the one answered)."""
    lines = ["Library extends weekend hours", "", "By Jane Okafor", "", f"{comments} Comments", ""]
    for number in range(comments):
        if number % 3 == 2:
            lines.append(f"Replying to Reader {number - 1:05d}")
        lines += [f"Reader {number:05d} · 3 hours ago", f"Comment {number} is glad the library opens on Sundays now.",
                  f"{number % 5} replies", "Reply", ""]  # fmt: skip
    return "\n".join([*lines, "Leave a comment"])


def test_a_text_dump_of_8000_comments_keeps_them_all_with_their_replies():
    # Before: every "N replies" line restarted the section split (2,000 comments: 69 s).
    seconds, count = _seconds(text_dump(8000))
    assert count == 8000
    assert seconds < 20
    page = parse_page(text_dump(8000))
    assert page.comments[7997].author == "Reader 07997"
    assert page.comments[7997].parent_id == "c7997"
    assert page.comments[7998].parent_id is None


@pytest.mark.parametrize("shape", [shape for shape in BENCH.SHAPES if shape != "text-dump"])
def test_the_deep_reader_builds_the_tree_the_standard_library_tokenizer_gives(shape):
    # deep_document reads a page with its own tokenizer: the tree must be the one that
    # HTMLParser's tokens, fed to the same builder, give.
    for comments in (1, 40, 2500):
        text = BENCH.page(shape, comments)
        builder = deeptree._DeepTreeBuilder()
        builder.feed(text)
        assert etree.tostring(deeptree.deep_document(text)) == etree.tostring(builder.finish())


def test_a_deep_page_the_standard_library_tokenizer_refuses_is_read_as_far_as_lxml_got():
    # HTMLParser raises AssertionError on "<![" with no name after it: a traceback, before.
    text = wordpress_page(reply_chain(1, 1500).replace("Comment number 1400 ", "Comment number 1400 <![<"))
    with pytest.warns(PageTruncatedWarning, match="expected name token"):
        page = parse_page(text)
    assert 0 < len(page.comments) < 1500


def test_walking_a_tree_gives_iterwalks_events_in_time_linear_in_its_depth():
    root = parse_tree.document("<html><body><div>a<p>b<b>c</b></p><br>d<ul><li>e</li></ul></div><p>f</p></body></html>")
    assert list(parse_tree.walk(root)) == list(etree.iterwalk(root, events=("start", "end")))
    div = root.find("body/div")
    assert list(parse_tree.walk(div)) == list(etree.iterwalk(div, events=("start", "end")))

    def seconds(depth):
        # Every proxy kept, as parse_html keeps them: lxml, freeing one, walks up to the
        # nearest ancestor that has one.
        chain = [etree.Element("div")]
        for _level in range(depth):
            chain.append(etree.SubElement(chain[-1], "div"))
        started = time.process_time()
        for _event in parse_tree.walk(chain[0]):
            pass
        return time.process_time() - started

    # iterwalk hands out the end events of a chain from the front of a list: 16x the
    # time for 4x the depth.
    assert seconds(200_000) < 8 * max(seconds(50_000), 0.01)
