"""The HTML parser: structured metadata, comment threads, boilerplate and encodings."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from conftest import FIXTURES, shared_path

from moderation.parse import parse_file, parse_page
from moderation.parse.decode import decode


def test_wordpress_thread_with_reply_policy_and_metadata():
    page = parse_file(FIXTURES / "wordpress_thread.html")
    article = page.article
    assert article.title == "Harbour ferry timetable cut from May"
    assert article.site_name == "Coastline Gazette"
    assert article.authors == ("Imogen Hale",)
    assert article.published == "2025-04-11T08:30:00+01:00"
    assert article.modified == "2025-04-12T10:00:00+01:00"
    assert article.section == "Local"
    authors = [c.author for c in page.comments]
    assert authors == ["Harold Penn", "Marta Ruiz", "K. Mensah"]
    first, reply, third = page.comments
    assert reply.parent_id == first.id and first.parent_id is None and third.parent_id is None
    assert first.posted_at == "2025-04-11T09:02:00+01:00"
    assert "Reply" not in first.text and "Marta" not in first.text
    assert first.text == "Four crossings is not enough for people who commute to the mainland for work."
    policy = article.comment_policy
    assert (policy.min_chars, policy.max_chars, policy.moderated) == (30, 2000, True)
    assert "respectful and on-topic" in policy.guidelines


def test_schema_org_microdata_comments_keep_their_thread():
    page = parse_file(FIXTURES / "microdata_comments.html")
    assert [c.author for c in page.comments] == ["Lena", "Piotr"]
    assert page.comments[1].parent_id == page.comments[0].id
    assert page.comments[0].posted_at == "2024-11-02T10:00:00Z"
    assert page.article.authors == ("Ola Berg",)
    assert page.article.published == "2024-11-02"


def test_json_ld_comments():
    html = """<html><head><script type="application/ld+json">
    {"@type": "DiscussionForumPosting", "headline": "Bus lanes",
     "comment": [{"@type": "Comment", "text": "They save me ten minutes a day.", "author": {"name": "Ade"},
                  "dateCreated": "2025-01-02T03:04:05Z",
                  "comment": [{"@type": "Comment", "text": "Not on my route they do not.", "author": "Bo"}]}]}
    </script></head><body><p>x</p></body></html>"""
    page = parse_page(html)
    assert page.article.title == "Bus lanes"
    assert [(c.author, c.parent_id) for c in page.comments] == [("Ade", None), ("Bo", page.comments[0].id)]


def test_boilerplate_only_page_has_no_comments():
    page = parse_file(FIXTURES / "closed_comments.html")
    assert page.comments == ()
    assert page.article.title == "Tide tables for the week"


@pytest.mark.parametrize("name", ["cp1252_page.html", "latin1_page.html"])
def test_legacy_encodings_decode_by_declaration(name):
    page = parse_file(FIXTURES / name)
    assert page.article.title == "Café owners protest the new terrace fees"
    assert page.article.site_name == "Le Quartier"
    assert page.comments[0].author == "Renée"
    assert "café" in page.comments[0].text


def test_undeclared_latin1_falls_back_without_losing_text():
    page = parse_page("<html><body><h1>Caf\xe9 news</h1></body></html>".encode("latin-1"))
    assert page.article.title == "Café news"


def test_utf16_with_bom():
    page = parse_page("<html><head><title>Über uns heute</title></head><body></body></html>".encode("utf-16"))
    assert page.article.title == "Über uns heute"


def test_broken_html_still_parses():
    page = parse_page(b"<html><body><div id='comments'><div class='comment'><span class='comment-author'>Al"
                      b"</span><p>This unclosed comment still says something useful about the story<div>")
    assert page.comments and page.comments[0].author == "Al"


def test_twenty_megabyte_page():
    filler = "<p>" + "word " * 40 + "</p>\n"
    big = ("<html><head><title>A very long page indeed</title></head><body>" + filler * 100_000 + "</body></html>").encode()
    assert len(big) > 20_000_000
    page = parse_page(big)
    assert page.article.title == "A very long page indeed"
    assert page.comments == ()


TOKEN = re.compile(r"\w+")
MARKER = re.compile(r"^[ \t]*[!@#$%^&*()][!@#$%^&*() \t]{3,}COMMENTS[ \t]*$", re.M)


def test_dragnet_comment_extraction_floor():
    """A floor on real pages, a quarter of dragnet's (no part of it is held out: issue 20's
    fixes were made looking at its pages); the benchmark reports the real figure."""
    dragnet = shared_path("pages", "dragnet")
    overlap = found = gold_total = false_alarms = no_gold = 0
    for html in sorted((dragnet / "HTML").glob("*.html"))[::4]:
        # Some gold files are UTF-16, some end lines with CRLF: read them as the benchmark does.
        corrected = decode((dragnet / "Corrected" / f"{html.name}.corrected.txt").read_bytes())
        corrected = corrected.replace("\r\n", "\n").replace("\r", "\n")
        match = MARKER.search(corrected)
        gold = corrected[match.end():] if match else ""
        page = parse_page(html.read_bytes())
        text = " ".join(f"{c.author or ''} {c.text}" for c in page.comments)
        got, want = Counter(TOKEN.findall(text.lower())), Counter(TOKEN.findall(gold.lower()))
        overlap += sum((got & want).values())
        found += sum(got.values())
        gold_total += sum(want.values())
        if not gold.strip():
            no_gold += 1
            false_alarms += bool(page.comments)
    precision, recall = overlap / found, overlap / gold_total
    assert precision > 0.85 and recall > 0.8
    assert false_alarms / no_gold < 0.1


def test_header_and_text_items_make_one_comment():
    html = """<html><body><h1>Mending old quarrels</h1><p>The post.</p>
    <dl id="comment_list">
      <dt class="comment even" id="comment-4101"><span class="comment_num"><a href="#comment-4101">1</a></span>
        <span class="comment_author"><a href="http://example.org/">Tomasz Wren</a></span>
        <span class="comment_time">June 2, 2024 at 3:15 pm</span></dt>
      <dd class="comment even"><div class="format_text" id="comment-body-4101">
        <p>Start with the small quarrels; the big ones soften on their own.</p>
        <p class="reply"><a class="comment-reply-link" href="#respond">Reply</a></p></div></dd>
      <dt class="comment odd" id="comment-4102"><span class="comment_author">Ines</span>
        <span class="comment_time">June 3, 2024 at 6:40 am</span></dt>
      <dd class="comment odd"><div class="format_text" id="comment-body-4102">
        <p>What if the other side never asks?</p></div></dd>
    </dl></body></html>"""
    comments = parse_page(html).comments
    assert [(c.id, c.author, c.posted_at) for c in comments] == [
        ("comment-4101", "Tomasz Wren", "2024-06-02T15:15:00"),
        ("comment-4102", "Ines", "2024-06-03T06:40:00"),
    ]
    assert comments[0].text == "Start with the small quarrels; the big ones soften on their own."


def test_numbered_time_block_and_byline_under_the_text():
    html = """<html><body><h1>The lamp-lighters</h1><p>The post.</p><ol class="commentlist">
      <li class="comment" id="comment-11"><p>1. December 27th, 2007 7:51 pm</p>
        <p>My grandfather was one of them. He said the winter evenings were the worst.</p>
        <p>He carried a ladder all the way from the Jordaan every night.</p><p>Posted by Anneke, Haarlem</p></li>
      <li class="comment" id="comment-12"><p>2. December 28th, 2007 9:02 am</p>
        <p>Lovely piece. Is there a museum that keeps one of the old poles?</p><p>— Marcus Brandt</p></li>
    </ol></body></html>"""
    comments = parse_page(html).comments
    assert [(c.author, c.posted_at) for c in comments] == [
        ("Anneke", "2007-12-27T19:51:00"),
        ("Marcus Brandt", "2007-12-28T09:02:00"),
    ]
    assert comments[0].text == (
        "My grandfather was one of them. He said the winter evenings were the worst.\n"
        "He carried a ladder all the way from the Jordaan every night."
    )


LONG = "Words about the site that run on long enough to pass for what a reader might write in a thread. " * 3


@pytest.mark.parametrize(
    "furniture",
    [
        # a page's feature flags on <body>, naming comments, over an article of several blocks
        '<body class="feature_livecomments"><div id="header">Site</div><div id="page">{article}</div><div id="x">Footer</div>',
        # the comment form's parts, named comment-form-*, inside a form
        '<body><div id="page">{article}</div><div id="comments"><form id="commentform">'
        '<div id="comment-form-details"><p>Email (kept private)</p><p>{long}</p></div>'
        '<div id="comment-form-guest"><p>Website</p><p>{long}</p></div></form></div>',
        # a popup's notice boxes, named commentBox
        '<body><div id="page">{article}</div><div class="userPopup popupBox">'
        '<div class="commentBox">Your name is shown beside what you write. {long}</div>'
        '<div class="commentBox">Your account is paused for now. {long}</div></div>',
        # an icon named for comments in the article's header
        '<body><div class="post-meta"><img class="icon comment" src="c.png"> 12</div><div id="page">{article}</div>',
    ],
)
def test_page_furniture_named_for_comments_is_not_a_comment(furniture):
    article = "".join(f"<p>Paragraph {n} of the article, long enough to be read as the story itself.</p>" for n in range(6))
    page = parse_page(f"<html>{furniture.format(article=article, long=LONG)}</body></html>")
    assert page.comments == ()


def test_comments_as_plain_paragraphs_each_ended_by_a_byline():
    html = """<html><body><h1>Back, and what comes next</h1><p>The post.</p>
    <h2><a id="comments"></a>Comments</h2>
    <a id="c1001"></a>
    <p>1. Keep the archive online; it is still the best reference I know.</p>
    <p>2. Would you consider a newsletter?</p>
    <p class="posted">Posted by: <a href="http://example.org/~oskar">Oskar Lind</a> | Apr 3, 2007 9:05:12 AM</p>
    <a id="c1002"></a>
    <p>Welcome back. The forum idea sounds right to me.</p>
    <p class="posted">Posted by: <a href="http://example.org/">Priya Nand</a> | Apr 3, 2007 9:47:30 PM</p>
    <p>The comments to this entry are closed.</p></body></html>"""
    comments = parse_page(html).comments
    assert [(c.author, c.posted_at) for c in comments] == [
        ("Oskar Lind", "2007-04-03T09:05:12"),
        ("Priya Nand", "2007-04-03T21:47:30"),
    ]
    assert comments[0].text == (
        "1. Keep the archive online; it is still the best reference I know.\n2. Would you consider a newsletter?"
    )


def test_a_byline_in_a_footer_beside_the_text_names_the_comment():
    # TypePad: the item's text is in `comment-<id>-content` (and a span repeating that id),
    # its byline in a footer beside it, with a lowercase name and a numeric date.
    html = """<html><body><h1>Brands as publishers</h1><p>The post.</p><div class="comments-content">
      <div class="comment comment-odd" id="comment-6a00d8341c57a853ef017ee3af2f7b970d">
        <div class="comment-content" id="comment-6a00d8341c57a853ef017ee3af2f7b970d-content">
          <span id="comment-6a00d8341c57a853ef017ee3af2f7b970d-content"><p>Very much agree with the above.</p></span></div>
        <p class="comment-footer">Posted by: <a href="http://example.org">red bottom heels</a> |
          <a href="#c1">09/21/2012 at 09:38 PM</a></p></div>
      <div class="comment comment-even" id="comment-6a00d8341c57a853ef017d3c3c0c15970c">
        <div class="comment-content" id="comment-6a00d8341c57a853ef017d3c3c0c15970c-content">
          <span id="comment-6a00d8341c57a853ef017d3c3c0c15970c-content"><p>Owned media is the point here.</p></span></div>
        <p class="comment-footer">Posted by: <a href="http://example.org">Leslie W.</a> |
          <a href="#c2">October 30, 2012 at 08:58 AM</a></p></div>
    </div></body></html>"""
    comments = parse_page(html).comments
    assert [(c.id, c.author, c.posted_at, c.text) for c in comments] == [
        ("comment-6a00d8341c57a853ef017ee3af2f7b970d", "red bottom heels", "2012-09-21T21:38:00", "Very much agree with the above."),
        ("comment-6a00d8341c57a853ef017d3c3c0c15970c", "Leslie W.", "2012-10-30T08:58:00", "Owned media is the point here."),
    ]


def test_a_byline_just_after_the_item_names_it():
    # Movable Type: `<div id="c973096">` holds the text, `p.posted` after it the byline.
    html = """<html><body><h1>How terrorist groups end</h1><p>The post.</p><h2 id="comments">Comments</h2>
      <div class="commentbody"><a name="c973096"></a><div id="c973096"><p>Stay the course, then.</p></div>
        <p class="posted">Posted by: Riccardo Cabeza at <a href="#c973096">November  9, 2012  7:49 AM</a></p></div>
      <div class="commentbody"><a name="c973108"></a><div id="c973108"><p>Or read the field manual.</p></div>
        <p class="posted">Posted by: Jeff at <a href="#c973108">November  9, 2012  8:01 AM</a></p></div>
    </body></html>"""
    comments = parse_page(html).comments
    assert [(c.author, c.posted_at, c.text) for c in comments] == [
        ("Riccardo Cabeza", "2012-11-09T07:49:00", "Stay the course, then."),
        ("Jeff", "2012-11-09T08:01:00", "Or read the field manual."),
    ]


def test_a_reply_whose_id_extends_its_parents_is_a_comment_of_its_own():
    html = """<html><body><h1>Ferry cuts</h1><p>The post.</p><div id="comments">
      <div class="comment" id="comment-12"><p class="author">Ana</p><p>Four crossings are not enough for commuters.</p>
        <div class="comment" id="comment-12-3"><p class="author">Ben</p><p>They were never enough, even before the cuts.</p></div>
      </div></div></body></html>"""
    comments = parse_page(html).comments
    assert [(c.id, c.author, c.parent_id) for c in comments] == [("comment-12", "Ana", None), ("comment-12-3", "Ben", "comment-12")]
