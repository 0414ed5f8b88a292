"""The policy registry and the character counts the length rules use."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moderation.errors import ConfigError
from moderation.decide.counting import substantive_length, visible_length
from moderation.decide.policy import SETTINGS, PolicyError, load_policy, make_policy


def test_every_setting_has_help_and_a_valid_default():
    for setting in SETTINGS.values():
        assert setting.help.strip()
    assert make_policy({}).values == {name: s.default for name, s in SETTINGS.items()}


def test_unknown_keys_and_out_of_range_values_are_named(tmp_path):
    with pytest.raises(PolicyError, match="unknown policy setting.*min_charz"):
        make_policy({"min_charz": 10})
    with pytest.raises(PolicyError, match="shouting_share = 1.5 is out of range"):
        make_policy({"shouting_share": 1.5})
    with pytest.raises(PolicyError, match="min_chars must be a whole number"):
        make_policy({"min_chars": 2.5})
    bad = tmp_path / "policy.toml"
    bad.write_text("min_chars = [")
    with pytest.raises(ConfigError, match="not valid TOML"):  # exit 78, as for PolicyError
        load_policy(bad)


def test_policy_file_overrides_defaults_and_changes_the_hash(tmp_path):
    path = tmp_path / "policy.toml"
    path.write_text('min_chars = 20\nbanned_terms = ["spamword"]\n')
    policy = load_policy(path)
    assert policy["min_chars"] == 20 and policy["banned_terms"] == ["spamword"]
    assert policy.hash != load_policy(None).hash


@pytest.mark.parametrize("length", [49, 50, 51])
def test_visible_length_counts_plain_characters(length):
    text = ("abcdefghij" * 6)[:length]
    assert visible_length(f"  {text}  ") == length


@pytest.mark.parametrize("invisible", ["\u200e", "\u00ad", "\u2063", "\u200b", "\u2060", "\ufeff", "\u180e", "\U000e0041",
                                       "\u034f", "\u200d", "\u202e", "\u2066"])  # fmt: skip
def test_invisible_characters_do_not_count_or_split_terms(invisible):
    visible = "This comment says very little at all, truly."  # 45 characters: under a 50 minimum
    padded = invisible.join(visible)
    assert visible_length(padded) == len(visible)
    policy = make_policy({"min_chars": 50, "banned_terms": ["scumbag"]})
    assert [reason.rule for reason in rule_reasons(padded, policy)] == ["min_chars"]
    assert "banned_term" in [reason.rule for reason in rule_reasons(invisible.join("What a scumbag you are, sir") + ".", policy)]


@given(st.text(alphabet=st.characters(categories=["Cf"]), max_size=40), st.text(alphabet="abc de", min_size=1, max_size=40))
def test_no_format_character_adds_to_a_length(noise, text):
    mixed = "".join(a + b for a, b in zip(text, noise.ljust(len(text), "\u200b"), strict=False))
    assert visible_length(mixed) == visible_length(text)


def test_emoji_and_combining_marks_count_once():
    assert visible_length("👍🏽") == 1  # thumbs up with a skin tone: one grapheme
    assert visible_length("👨‍👩‍👧") == 1  # family: a zero-width-joiner sequence
    assert visible_length("e\u0301") == 1  # e with a combining acute accent
    assert visible_length("a\u200bb") == 2  # zero-width space is invisible


def test_inner_whitespace_runs_count_once():
    assert visible_length("a   \n\t b") == 3


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_ascii_text_reads_as_its_words_joined_by_single_spaces(text):
    """Text already in that form is taken as it is, without splitting it."""
    from moderation.decide.counting import visible_text

    assert visible_text.__wrapped__(text) == " ".join(text.split())


def test_padding_does_not_reach_the_minimum():
    padded = "Nice" + "!" * 60
    assert visible_length(padded) == 64
    assert substantive_length(padded) == 5
    assert substantive_length("ok " + "." * 60) == 4
    assert substantive_length("sooooooooooooooooooooooooooooooooooooooooooooooooo good") == 8
    assert substantive_length("spam " * 20) == 4
    real = "The ferry timetable cut will hurt commuters on the island."
    assert substantive_length(real) == visible_length(real)


# --- rules and decisions ---------------------------------------------------------------------

from moderation.decide.moderator import Moderator  # noqa: E402
from moderation.decide.policy import action_of, rule_reasons  # noqa: E402

LONG = "The council's decision on the ferry timetable deserves a proper public consultation."


def test_short_comment_is_rejected_with_an_actionable_reason():
    [reason] = rule_reasons("Too short to say much here.", make_policy({}))
    assert (reason.rule, reason.action, reason.threshold) == ("min_chars", "reject", 50)
    assert reason.message.startswith("27 of 50 characters")


def test_page_policy_applies_unless_the_site_overrides_it():
    text = "x" * 10 + " a bit longer comment"
    assert rule_reasons(text, make_policy({}), page_min=20) == []
    assert rule_reasons(text, make_policy({"override_page_policy": True}), page_min=20)[0].rule == "min_chars"


def test_banned_terms_reject_and_suspect_terms_hold_with_spans():
    policy = make_policy({"banned_terms": ["idiot"], "suspect_terms": ["refund"]})
    reasons = rule_reasons(LONG + " Only an i.d.i.o.t would want a r3fund.", policy)
    assert action_of(reasons) == "reject"
    by_rule = {reason.rule: reason for reason in reasons}
    assert by_rule["banned_term"].matched == "i.d.i.o.t"
    assert by_rule["suspect_term"].matched == "r3fund"


def test_links_shouting_and_max_chars():
    policy = make_policy({"max_links": 1, "max_chars": 200})
    links = rule_reasons(LONG + " see http://a.example/x and www.b.example/y", policy)
    assert [(r.rule, r.action, r.value) for r in links] == [("max_links", "hold", 2, )]
    shouting = rule_reasons(LONG.upper(), policy)
    assert [r.rule for r in shouting] == ["shouting"]
    long = " ".join(f"word{n}" for n in range(60))
    assert [r.rule for r in rule_reasons(long, policy)] == ["max_chars"]


DISTINCT = [
    "Ferry fares should fall once the new pier opens, according to the operator's own plan.",
    "My grandmother took this boat every week for forty years and never once complained.",
    "Has anyone asked the fishermen what the schedule change means for the morning catch?",
]


def test_repeats_and_floods_are_held(default_moderator):
    moderator = Moderator(make_policy({"flood_limit": 3}), model=default_moderator.model)
    first = moderator.decide_many([{"text": LONG, "author": "ana"}])[0]
    again = moderator.decide_many([{"text": LONG + "!", "author": "ana"}])[0]
    other = moderator.decide_many([{"text": LONG, "author": "ben"}])[0]
    assert first["action"] == "publish" and other["action"] == "publish"
    assert again["action"] == "hold" and again["reasons"][0]["rule"] == "repeat"
    results = moderator.decide_many([{"text": text, "author": "cy"} for text in [*DISTINCT, LONG]])
    assert [r["action"] for r in results] == ["publish", "publish", "publish", "hold"]
    assert results[-1]["reasons"][-1]["rule"] == "flood"


def test_rows_in_equal_rows_out_with_errors_kept(default_moderator):
    moderator = default_moderator
    results = moderator.decide_many([{"text": LONG}, {"text": "   "}, {"text": None}, {"text": "short"}])
    assert [r["action"] for r in results] == ["publish", None, None, "reject"]
    assert results[1]["error"] == "empty text"


@pytest.fixture(scope="module")
def default_moderator():
    return Moderator.load()


def test_model_rules_hold_uncivil_and_mark_constructive():
    moderator = Moderator(policy=make_policy({"suspect_terms": []}))  # the model alone, without the default terms
    abusive = moderator.check("You are a brainless moron and an idiot, and so is everyone who agrees with you.")
    assert abusive["action"] in ("hold", "reject")
    assert abusive["reasons"][0]["rule"] == "civility"
    assert abusive["model"].startswith("default@")
    assert abusive["scores"]["civility"]["uncivil"] >= abusive["reasons"][0]["threshold"]


def test_rule_rejections_need_no_model():
    moderator = Moderator.load(model="/nonexistent/model")
    decision = moderator.check("Too short.")
    assert decision["action"] == "reject" and decision["model"] is None


@pytest.mark.parametrize("text", [
    "Nice!!!!!!!! " * 3, "sooooo goooood!!! ?!?! really", "aa!!! bb___cc -- -- --", "spam spam spam spam and eggs",
    "x" * 80, "Well... I think - honestly - it's fine?!", "  lots   of    space\t\there  ", "a!a!a!a!a!a!a!",
    "spam,spam,spam is all I say", "Spam! SPAM? spam. and so on", "a_b a_b a_b then 1 1 1 then done",
])
def test_the_ascii_shortcut_counts_as_the_cluster_loop(text):
    from moderation.decide import counting as rules

    visible = rules.visible_text(text)
    squeezed = rules._REPEATED_WORDS.sub(r"\1", visible)
    count, last, second_last = 0, "", ""
    for cluster in squeezed:
        skip = cluster == last == second_last or (bool(last) and rules._is_padding(cluster) and rules._is_padding(last))
        second_last, last = last, cluster
        count += not skip
    assert rules.substantive_length(text) == count
    assert rules.substantive_length(text.strip() + "é\u0301") == count + 1  # the Unicode path agrees


def test_floods_count_the_comments_own_times_when_the_queue_has_them(default_moderator):
    """Re-scoring an archive in seconds is not a flood; posting within the window is."""
    moderator = Moderator(make_policy({"flood_limit": 3, "flood_seconds": 600}), model=default_moderator.model)
    texts = [*DISTINCT, LONG, DISTINCT[0] + " Also the timetable."]
    daily = moderator.decide_many([{"text": text, "author": "dee", "posted_at": f"2024-03-0{day + 1}T09:00:00Z"}
                                   for day, text in enumerate(texts)])  # fmt: skip
    assert "flood" not in {reason["rule"] for result in daily for reason in result["reasons"]}
    minutes = moderator.decide_many([{"text": text, "author": "eve", "posted_at": f"2024-03-01T09:0{minute}:00+01:00"}
                                     for minute, text in enumerate(texts)])  # fmt: skip
    assert [result["reasons"][-1]["rule"] if result["reasons"] else None for result in minutes][-2:] == ["flood", "flood"]


@pytest.mark.parametrize(("value", "seconds"), [
    ("2024-03-01T09:00:00Z", 1709283600.0), ("2024-03-01T10:00:00+01:00", 1709283600.0),
    ("2024-03-01 09:00:00", 1709283600.0), (1709283600, 1709283600.0), ("1709283600", 1709283600.0),
    ("3 hours ago", None), ("", None), (None, None), (float("nan"), None), ("nan", None), (True, None),
])  # fmt: skip
def test_posted_at_reads_as_epoch_seconds(value, seconds):
    from moderation.decide.moderator import _seconds

    assert _seconds(value) == seconds


@given(st.text(alphabet=st.sampled_from(list("aAbB_1 ,.!?'-\t")), max_size=60))
def test_the_repeated_word_check_sees_what_a_word_search_sees(text):
    from moderation.decide import counting as rules

    words = rules._WORD.findall(text.lower())
    assert rules._has_repeated_word(text) == any(a == b for a, b in zip(words, words[1:]))


def test_a_long_comment_that_opens_with_padding_is_counted_whole():
    """Counting stops at the minimum once the opening reaches it; an opening of padding
    does not decide, or a long comment behind 250 '!' would be rejected as too short."""
    text = "!" * 250 + " This is a perfectly reasonable comment about the ferry budget and the council vote."
    assert substantive_length(text) > 50
    assert substantive_length(text, limit=50) == 50
    spam = "spam " * 60 + "ok then"
    assert substantive_length(spam, limit=50) == substantive_length(spam) < 50


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 400),
       st.lists(st.sampled_from(["spam", "Spam", "ok", "!!!!", "sooooo", "the ferry", "é", "....", "a", "abcdefghij",
                                 "x\u0301", "SPAM,", "ſpam", "ab ab ab ab"]), max_size=120),
       st.integers(1, 80))  # fmt: skip
def test_counting_up_to_a_limit_is_the_whole_count_capped(padding, pieces, limit):
    """Reading only an opening must never change the answer, either way: less would reject
    a long comment behind padding, more would let padding through."""
    text = "!" * padding + " " + " ".join(pieces)
    assert substantive_length(text, limit=limit) == min(substantive_length(text), limit)


def test_a_repeated_word_across_the_opening_counts_once():
    """Padding, a few words, then one word said over and over: wherever the padding puts
    the end of the opening, it must not end inside that run, where two of its words would
    count in full. With 115 '!' this comment had passed a 50-character minimum with 43."""
    for padding in range(300):
        text = "!" * padding + " the quick brown fox jumps over" + " abcdefghij" * 15
        assert substantive_length(text, limit=50) == min(substantive_length(text), 50) < 50, padding
    assert [reason.rule for reason in rule_reasons("!" * 115 + text.lstrip("!"), make_policy({}))] == ["min_chars"]


def test_a_field_of_the_wrong_kind_is_named_before_any_memory_or_model():
    """An author the repeat memory cannot key (a list) or a title that is not text is a
    DataError naming the field; an author given as a whole number is the same author as
    its text."""
    from moderation.errors import DataError

    moderator = Moderator.load(model="/nonexistent/model")
    with pytest.raises(DataError, match="author must be a string or a whole number, got list"):
        moderator.check("Too short.", author=["ana"])
    with pytest.raises(DataError, match="article_title must be a string, got dict"):
        moderator.check("Too short.", article={"title": {"a": 1}})
    assert moderator.check("Too short.", author=7)["action"] == "reject"
    assert [reason["rule"] for reason in moderator.check("Too short.", author="7")["reasons"]] == ["min_chars", "repeat"]


@pytest.mark.parametrize(("text", "held"), [
    ("Only a complete m0r0n would write an article this lazy about the harbour budget.", True),
    ("What a bunch of id!ots running this council, every year the same broken promises.", True),
    ("Shut up, you worthless prick. Nobody cares what you think about the school closures.", True),
    ("You are not an idiot, Councillor, you just have not read the harbour report yet.", False),
    ("I would never call you a moron for backing the plan, but the numbers do not add up.", False),
    ("Someone called my son a 'retard' at school last week and it is disgusting, truly.", False),
    ("The messages quoted here (\"you are a worthless bitch\") made me feel sick. Thank you.", False),
    ("You're not just an idiot. You are a moron, and the article proves it beyond doubt.", True),
])  # fmt: skip
def test_default_suspect_terms_hold_insults_but_not_disowned_ones(text, held):
    reasons = [reason.rule for reason in rule_reasons(text, make_policy({}))]
    assert ("suspect_term" in reasons) is held


def test_a_policy_can_empty_the_default_suspect_terms():
    text = "Only a complete m0r0n would write an article this lazy about the harbour budget."
    assert "suspect_term" not in [reason.rule for reason in rule_reasons(text, make_policy({"suspect_terms": []}))]


def test_spam_signals_hold_reject_or_are_off_by_policy():
    from moderation.decide.moderator import Moderator

    text = "My aunt makes $87 an hour from home on her laptop. Start today at quick-cash-now.example/join, thank me later."
    rules = {policy: [(reason["rule"], reason["action"]) for reason in Moderator(policy=make_policy(
        {"spam_signals": policy, "spam_hold": 1.0, "spam_reject": 1.0})).check(text)["reasons"]]
        for policy in ("hold", "reject", "off")}  # fmt: skip
    assert ("spam_signal", "hold") in rules["hold"] and ("spam_signal", "reject") in rules["reject"]
    assert not [rule for rule, _ in rules["off"] if rule == "spam_signal"]
    cited = "The budget was $4.5 billion this year, see https://www.cbc.ca/news/politics/budget-2016-1.3504283 for the numbers."
    assert not [reason for reason in Moderator().check(cited)["reasons"] if reason["rule"] == "spam_signal"]


def test_a_link_beside_a_spam_score_below_spam_hold_is_held_and_neither_alone():
    from moderation.decide.policy import score_reasons

    pitch = "Knee pain gone in a week with this one trick my physio hates: joint-relief-now.example/offer"
    cited = "The physio shortage is real, see https://www.cbc.ca/news/health/physiotherapy-wait-times-1.7012345 for the figures."
    plain = "Knee pain gone in a week after I finally saw a physio, worth the wait."

    def spam_reasons(text: str, score: float, settings: dict | None = None) -> list:
        scores = {"spam": {"spam": score, "ham": 1 - score}}
        return [reason for reason in score_reasons(scores, make_policy(settings or {}), False, text) if reason.rule == "spam"]

    (held,) = spam_reasons(pitch, 0.43)
    assert held.action == "hold" and held.threshold == 0.4 and "0.43" in held.message
    assert pitch[held.span[0] : held.span[1]].startswith("joint-relief-now.example")
    assert spam_reasons(pitch, 0.39) == [] and spam_reasons(cited, 0.43) == [] and spam_reasons(plain, 0.43) == []
    assert spam_reasons(pitch, 0.43, {"spam_link_hold": 1.0}) == []
    assert [reason.message for reason in spam_reasons(pitch, 0.6)] == ["possibly spam"]  # spam_hold's own, once
    wired = Moderator(policy=make_policy({"spam_link_hold": 0.0, "spam_hold": 1.0, "spam_reject": 1.0})).check(pitch)
    assert [(reason["rule"], reason["action"]) for reason in wired["reasons"] if reason["rule"] == "spam"] == [("spam", "hold")]
