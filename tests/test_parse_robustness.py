"""Random and mangled input never raises anything but the documented ParseError."""

from __future__ import annotations

from conftest import FIXTURES, SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moderation.errors import ParseError
from moderation.parse import parse_page

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
