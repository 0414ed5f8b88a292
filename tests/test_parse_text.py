"""The plain-text dump parser: the seed pages and hand-written dumps of other layouts."""

from __future__ import annotations

from conftest import FIXTURES, SEEDS

from moderation.parse import parse_file, parse_page


def test_seed_with_comments_reads_article_and_every_comment():
    page = parse_file(SEEDS / "004_8629efe3ccf50487.txt")
    article = page.article
    assert page.format == "text"
    assert article.title.startswith("Trump Claims Russia-Ukraine Peace")
    assert article.dateline == "Washington DC"
    assert article.agency == "ANI"
    assert article.read_time == "3 min read"
    assert len(article.key_points) == 5
    assert article.key_points[0] == "Trump reveals direct call with Putin"
    assert [c.author for c in page.comments] == ["Priya S", "Aman W", "Sarah B", "Vikram M", "Karthik V"]
    assert page.comments[0].text.startswith("Asking for a temporary halt")
    assert page.comments[-1].text.endswith("Jai Hind.")
    assert all("Reader Comments" not in c.text and "Leave a Comment" not in c.text for c in page.comments)
    assert article.comment_policy.min_chars == 50
    assert "respectful and on-topic" in article.comment_policy.guidelines
    assert [c.position for c in page.comments] == [0, 1, 2, 3, 4]
    assert all(c.article is article for c in page.comments)


def test_seed_without_comments():
    page = parse_file(SEEDS / "000_a4cca1dba13b2568.txt")
    assert page.article.title == "Zelenskyy Invites Putin to Kyiv as Russia-Ukraine War Intensifies"
    assert page.article.modified == "2026-01-30"
    assert "USnewsSphere" in page.article.site_name
    assert page.comments == ()


def test_name_dot_time_blocks_with_noise_lines_and_replies():
    page = parse_file(FIXTURES / "dump_name_time.txt")
    assert [c.author for c in page.comments] == ["Tomasz Kowal", "Dana Whitfield", "Ruth Abara"]
    assert [c.posted_at for c in page.comments] == ["3 hours ago", "2 hours ago", "1 hour ago"]
    assert all(not any(word in c.text for word in ("Reply", "Like (", "Report")) for c in page.comments)
    assert page.comments[2].parent_id == page.comments[1].id
    assert page.article.authors == ("Jane Okafor",)
    assert page.article.published == "2025-03-03"
    assert page.article.comment_policy.min_chars == 20
    assert page.article.comment_policy.moderated is True


def test_numbered_comments_under_a_count_header():
    page = parse_file(FIXTURES / "dump_numbered.txt")
    assert page.article.title == "Why my tomatoes split this year"
    assert page.article.authors == ("Sam",)
    assert [c.author for c in page.comments] == ["Priyanka Rao", "Old Gardener", "Sam"]
    assert page.comments[1].text == "Mulch helps too, it keeps the soil moisture even between waterings."


def test_said_and_wrote_headers():
    page = parse_file(FIXTURES / "dump_said.txt")
    assert [c.author for c in page.comments] == ["Marguerite", "B. Osei"]
    assert page.comments[0].posted_at == "2024-05-05"
    assert page.article.comment_policy.max_chars == 500


def test_closed_comments_and_newsletter_are_not_comments():
    page = parse_file(FIXTURES / "dump_no_comments.txt")
    assert page.comments == ()
    assert page.article.modified == "2025-02-12"


def test_avatar_initial_blocks_with_handles_and_at_replies():
    page = parse_file(FIXTURES / "dump_avatar.txt")
    assert [c.author for c in page.comments] == ["Marek Z", "Jo Ann T", "dev_null"]
    assert page.comments[2].parent_id == page.comments[0].id
    assert page.comments[1].text == "To be fair, the contractor went bankrupt in spring. Finding another one quickly is not easy."


OLD_LAYOUT = """The lamp-lighters of Amsterdam

by Pieter on December 27, 2007

A short history of the men who lit the city's lamps by hand.

3 Responses to "The lamp-lighters of Amsterdam"

1. December 27th, 2007 7:51 pm

My grandfather was one of them. He said the winter evenings were the worst.

He carried a ladder all the way from the Jordaan every night.

— Anneke

2. December 28th, 2007 9:02 am

Lovely piece. Is there a museum that keeps one of the old poles?

Posted by Marcus Brandt, Utrecht

3. December 28th, 2007 11:15 am

Thank you both. Anneke, I would love to hear more about your grandfather.

— Pieter

Leave a Reply

Name (required)
"""


def test_numbered_times_over_the_text_and_bylines_under_it():
    page = parse_page(OLD_LAYOUT)
    assert [c.author for c in page.comments] == ["Anneke", "Marcus Brandt", "Pieter"]
    assert [c.posted_at for c in page.comments] == ["2007-12-27T19:51:00", "2007-12-28T09:02:00", "2007-12-28T11:15:00"]
    first = page.comments[0]
    assert first.text == (
        "My grandfather was one of them. He said the winter evenings were the worst.\n"
        "He carried a ladder all the way from the Jordaan every night."
    )
    assert all("December" not in c.text and "Posted by" not in c.text and "—" not in c.text for c in page.comments)


def test_bylines_under_the_text_alone_split_the_comments():
    dump = """Ferry fares and the island budget

Posted on March 4, 2024 at 8:10 AM

Comments

Fares went up twice last year already.

Nobody on the island was asked.

Posted by: Hanne Vik | March 4, 2024 at 9:02 AM

A season ticket would help the people who cross every day.

Posted by: Colm R at March 4, 2024 9:31 AM

Post a comment
"""
    page = parse_page(dump)
    assert [(c.author, c.posted_at) for c in page.comments] == [
        ("Hanne Vik", "2024-03-04T09:02:00"),
        ("Colm R", "2024-03-04T09:31:00"),
    ]
    assert page.comments[0].text == "Fares went up twice last year already.\nNobody on the island was asked."


def test_one_byline_alone_is_not_a_thread():
    dump = """Photos of the week

Comments

Harbour lights switched on for the winter

Posted by Lena Berg | October 3, 2024
"""
    assert parse_page(dump).comments == ()


def test_name_time_reply_lines_and_replied_to_headers():
    dump = """The new bridge, reviewed

2 Comments

Ada Krol | May 18, 2024 12:20 AM | Reply

I have not crossed it yet, but the photos make me want to.

Felix Moreau replied to comment from Ada Krol | May 18, 2024 10:05 AM | Reply

Cross it at dusk, when the lamps come on.

Leave a comment
"""
    page = parse_page(dump)
    assert [c.author for c in page.comments] == ["Ada Krol", "Felix Moreau"]
    assert page.comments[0].posted_at == "2024-05-18T00:20:00"
    assert page.comments[1].parent_id == page.comments[0].id
    assert "Reply" not in page.comments[1].text


def test_archive_months_and_link_lists_are_not_comments():
    months = "\n".join(f"{month} 2012" for month in ("October", "September", "August", "July", "June", "May", "April"))
    dump = f"""A post with no comments

The post's one paragraph says what it has to say.

Recent Comments

Archives

November 2012

{months}

Tags

Video
Videos
WordPress
wordpress news
WordPress Themes
Plugins
"""
    assert parse_page(dump).comments == ()


def test_the_name_after_the_time_when_a_weekday_comes_first():
    dump = """Allotment prices this season

3 comments

Thu, 03/14/2024 - 09:12 | 5501 GreenThumb

Plots by the river went first this year.

Thu, 03/14/2024 - 09:40 | 5502 Marrow Fan

The waiting list is shorter than it was.

Post new comment
"""
    assert [c.author for c in parse_page(dump).comments] == ["GreenThumb", "Marrow Fan"]


def test_dates_written_in_numbers_are_read_only_when_their_order_is_certain():
    from moderation.parse.common import parse_timestamp

    assert parse_timestamp("09/21/2012 at 09:38 PM") == "2012-09-21T21:38:00"
    assert parse_timestamp("21.09.2012 09:38") == "2012-09-21T09:38:00"
    assert parse_timestamp("03/04/2012 10:00") is None  # March 4th or April 3rd


def test_bylines_after_posted_by_take_lowercase_names_initials_and_weekdays():
    from moderation.parse.text_comments import signature

    assert signature("Posted by: marry john on Oct 31, 2012 6:44:07 AM").author == "marry john"
    assert signature("Posted by: Leslie W. | May 19, 2012 at 08:36 PM").author == "Leslie W."
    rina = signature("Posted by: Rina Rao.  Thursday, November 08, 2012 at 06:20 PM")
    assert (rina.author, rina.posted_at) == ("Rina Rao.", "2012-11-08T18:20:00")
    # Without "Posted by" and a time, a lowercase phrase after a dash is text, not a name.
    assert signature("-- the end of the day, at 5 pm") is None
    assert signature("— and so on") is None
