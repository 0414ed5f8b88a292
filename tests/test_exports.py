"""Commenting systems' exports: a real WordPress WXR (from ../shared/), and Disqus,
WordPress REST and Coral fixtures written for these tests after the vendors' documents."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from moderation.cli import app
from moderation.parse import iter_pages
from moderation.parse.exports import STATUSES, sniff

runner = CliRunner()
FIXTURES = Path(__file__).parent / "fixtures" / "exports"
WXR = Path(__file__).resolve().parents[2] / "shared" / "pages" / "exports" / "wordpress-theme-unit-test.wxr.xml"


def records(*inputs: Path, arguments: tuple[str, ...] = ()) -> tuple[int, list[dict], str]:
    result = runner.invoke(app, ["parse", *map(str, inputs), *arguments])
    return result.exit_code, [json.loads(line) for line in result.stdout.split("\n") if line], result.stderr


@pytest.mark.shared
@pytest.mark.skipif(not WXR.exists(), reason="needs ../shared/pages/exports/ beside the checkout")
def test_the_wordpress_export_gives_all_33_comments_threaded_with_status_and_article():
    code, rows, _ = records(WXR)
    assert code == 0 and len(rows) == 33
    assert Counter(row["status"] for row in rows) == {"approved": 30, "pending": 3}
    by_id = {row["id"]: row for row in rows}
    replies = [row for row in rows if row["parent_id"]]
    assert len(replies) == 10
    assert all(by_id[row["parent_id"]]["article_url"] == row["article_url"] for row in replies)  # threads stay in their post
    assert all(row["article_title"] and row["article_url"] and row["posted_at"].endswith("Z") for row in rows)
    # The HTML comment reads as text (one quotes "<blockquote>" as a word, escaped in its HTML).
    assert not any(re.search(r"</?(?:p|strong|em|a|ul|ol|li|h\d|table)\b[^>]*>", row["text"]) for row in rows)
    assert max(len(row["text"]) for row in rows) > 2000  # the very long one, whole
    assert sum(1 for row in rows if row["article_text"]) >= 25  # stance has the post's own words


def test_disqus_posts_get_their_threads_parents_and_statuses():
    code, rows, _ = records(FIXTURES / "disqus.xml")
    assert code == 0
    assert [(row["id"], row["status"], row["parent_id"]) for row in rows] == [
        ("9001", "approved", None), ("9002", "approved", "9001"), ("9003", "spam", None), ("9004", "trash", None)]
    assert rows[0]["article_title"] == "Council cuts the early ferry from the winter timetable"
    assert rows[0]["text"] == "The early ferry is the only way the island's nurses reach the hospital on time.\nWho decided this?"
    assert rows[1]["author"] == "guest_4411" and "&" in rows[1]["text"]  # no display name: the username
    assert rows[3]["article_title"] == "Library to open on Sundays"


def test_wordpress_rest_comments_take_their_articles_from_the_posts_beside_them():
    code, rows, _ = records(FIXTURES / "wp-comments.json", FIXTURES / "wp-posts.json")
    assert code == 0 and [row["id"] for row in rows] == ["501", "502", "503"]
    assert rows[0]["article_title"] == rows[1]["article_title"] == "Bus lanes on Main Street: a month on"
    assert rows[0]["article_text"].startswith("A month after the bus lanes opened")
    assert rows[1]["status"] == "pending" and rows[1]["parent_id"] == "501" and rows[1]["posted_at"] == "2026-11-04T10:30:00Z"
    assert rows[2]["article_title"] is None  # post 78 is not among the posts given


def test_coral_comments_keep_story_author_parent_and_status():
    code, rows, _ = records(FIXTURES / "coral.json")
    assert code == 0
    assert [(row["id"], row["author"], row["status"], row["parent_id"]) for row in rows] == [
        ("c-1", "parent_of_two", "approved", None), ("c-2", "wren", "pending", "c-1"), ("c-3", "bot", "trash", None)]
    assert {row["article_title"] for row in rows} == {"Three village schools to merge"}


def test_exports_are_told_by_content_not_by_name(tmp_path):
    renamed = tmp_path / "comments-backup"
    renamed.write_bytes((FIXTURES / "disqus.xml").read_bytes())
    assert sniff(renamed) == "disqus"
    assert sniff(FIXTURES / "coral.json") == sniff(FIXTURES / "wp-comments.json") == "json"
    table = tmp_path / "queue.json"
    table.write_text(json.dumps([{"text": "a queue row, not an export"}]))
    assert sniff(table) is None
    assert len(records(renamed)[1]) == 4


def test_score_status_pending_scores_only_what_waits_for_a_moderator():
    result = runner.invoke(app, ["score", str(FIXTURES / "wp-comments.json"), str(FIXTURES / "wp-posts.json"),
                                 "--status", "pending", "--no-explain"])  # fmt: skip
    rows = [json.loads(line) for line in result.stdout.split("\n") if line]
    assert result.exit_code == 0 and [row["id"] for row in rows] == ["502"]
    assert "left out by --status: approved 2" in result.stderr
    assert rows[0]["scores"]["stance"] is not None  # judged against its post


def test_an_unknown_status_is_a_usage_error():
    result = runner.invoke(app, ["score", str(FIXTURES / "coral.json"), "--status", "published"])
    assert result.exit_code == 2 and all(status in result.stderr for status in STATUSES)


def test_an_xml_bomb_is_refused_in_one_line(tmp_path):
    bomb = tmp_path / "bomb.xml"
    entities = "".join(f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 10))
    bomb.write_text(f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e0 "boom">{entities}]>'
                    '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>&e9;</title></channel></rss>')  # fmt: skip
    code, rows, stderr = records(bomb)
    assert code == 65 and rows == [] and "refused" in stderr and "Traceback" not in stderr


def test_an_export_cut_off_midway_keeps_what_was_read(tmp_path):
    data = (FIXTURES / "disqus.xml").read_bytes()
    cut = tmp_path / "cut.xml"
    cut.write_bytes(data[: data.index(b'<post dsq:id="9003">') + 40])
    code, rows, stderr = records(cut)
    assert code == 65 and [row["id"] for row in rows] == ["9001", "9002"]
    assert "stops being well-formed" in stderr and "Traceback" not in stderr


def test_an_export_with_no_comments_and_json_of_an_unknown_shape(tmp_path):
    empty = tmp_path / "empty.xml"
    empty.write_text('<rss xmlns:wp="https://wordpress.org/export/1.2/"><channel><title>x</title><item><title>a</title></item></channel></rss>')
    code, rows, stderr = records(empty)
    assert code == 0 and rows == [] and "0 comment(s)" in stderr
    odd = tmp_path / "odd.json"
    odd.write_text(json.dumps({"data": {"comments": [{"body": "x", "status": "NONE", "createdAt": 5}]}, "rendered": 1, "post": 2}))
    results = list(iter_pages([str(odd)]))
    assert all(result.error is None for result in results)  # a Coral node with an odd date: read, date unknown
