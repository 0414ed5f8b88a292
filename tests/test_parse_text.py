"""The plain-text dump parser: the seed pages and hand-written dumps of other layouts."""

from __future__ import annotations

from conftest import FIXTURES, SEEDS

from moderation.parse import parse_file


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
