"""Trust and safety rules: the language a comment is in, and personal data it shows."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from moderation.decide.language import cache_dir, compact_detector_says_english, detect, load_identifier, looks_english
from moderation.decide.moderator import Moderator
from moderation.decide.personal import find_personal_data
from moderation.decide.policy import make_policy

ROOT = Path(__file__).resolve().parents[1]
LONG = "Thanks, this explains the ferry cuts well and fairly, I think."

EMAILS_AND_PHONES = [
    ("Write to jane.doe@example.org if you saw it happen.", ["jane.doe@example.org"]),
    ("Her address is m.o'neil+news@mail.co.uk, everyone should tell her.", ["o'neil+news@mail.co.uk"]),
    ("Call him on +44 20 7946 0958 and tell him what you think.", ["+44 20 7946 0958"]),
    ("His cell is (202) 555-0147, go ahead and ring it.", ["(202) 555-0147"]),
    ("Phone +1-202-555-0147 or +33 1 42 68 53 00 after six.", ["+1-202-555-0147", "+33 1 42 68 53 00"]),
    ("Try +49 30 901820 or +91 98765 43210 instead.", ["+49 30 901820", "+91 98765 43210"]),
    ("Here it is: 202.555.0147. Make his day.", ["202.555.0147"]),
    ("Call +44 20 7946 0958 ext. 123 before noon.", ["+44 20 7946 0958 ext. 123"]),
    ("Ring 202-555-0147 or, " + "if nobody answers there, " * 8 + "try 202-555-0148.", ["202-555-0147", "202-555-0148"]),
]
NOT_PERSONAL = [
    "In 1998 the budget was $4,500,000; by 2019 it had doubled to $9,000,000.",
    "The final score was 3-1, and the replay on 2026-11-30 drew 12,345 people.",
    "See article 12345 of the 2021-0345 ruling, page 10 of 200, ISBN 978-3-16-148410-0.",
    "Turnout was 61.5% (1,234,567 votes) against 58.2% in 2015 and 2011.",
    "The bus runs at 07:45, 08:15 and 17:30 from stop 4512 on route 109.",
    "Email the council, as the article suggests, or write to your councillor.",
    "Between 1990-2020 house prices rose 250%, from £85,000 to £297,500.",
    "The photo: https://cdn.example.net/v/t1.0-9/1515021_336649663141841_2096897154_n.jpg?oh=d84f proves it.",
]


@pytest.mark.parametrize(("text", "expected"), EMAILS_AND_PHONES)
def test_every_email_and_phone_is_found(text, expected):
    found = [item.text for item in find_personal_data(text)]
    assert all(any(wanted in item or item in wanted for item in found) for wanted in expected), found
    assert len(found) == len(expected)


@pytest.mark.parametrize("text", NOT_PERSONAL)
def test_years_prices_scores_and_numbers_are_not_personal_data(text):
    assert find_personal_data(text) == []


def test_personal_data_holds_with_the_span_or_rejects_or_is_off():
    text = "If you want the real story, call him on +44 20 7946 0958 tonight, he will answer."
    held = Moderator(policy=make_policy({})).check(text)
    reason = next(reason for reason in held["reasons"] if reason["rule"] == "personal_data")
    assert held["action"] == "hold" and text[slice(*reason["span"])] == "+44 20 7946 0958"
    assert Moderator(policy=make_policy({"personal_data": "reject"})).check(text)["action"] == "reject"
    off = Moderator(policy=make_policy({"personal_data": "off"})).check(text)
    assert "personal_data" not in [reason["rule"] for reason in off["reasons"]]


def test_my_language_sentences_are_told_apart():
    with (ROOT / "data" / "languages" / "sentences.tsv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream, delimiter="\t"))
    right = sum(detect(row["text"])[0] == row["language"] for row in rows)
    assert len({row["language"] for row in rows}) == 20 and right / len(rows) >= 0.95


def test_a_comment_in_another_language_is_held_unscored_with_its_language():
    german = Moderator().check("Der Stadtrat sollte die Fahrgastzahlen veröffentlichen, bevor er die Fähre streicht.")
    assert german["action"] == "hold" and german["scores"] is None and german["language"]["code"] == "de"
    assert [reason["rule"] for reason in german["reasons"]] == ["language"] and "de" in german["not_scored"]["all"]
    english = Moderator().check(LONG)
    assert english["language"]["code"] == "en" and english["scores"] is not None


def test_plainly_english_comments_skip_the_detector_and_others_never_do():
    assert looks_english("A classic temper tantrum, he reminded me of Peter Pan, the boy who never matured.")
    assert not looks_english("Great article.")  # too few common words: the detector decides
    with (ROOT / "data" / "languages" / "sentences.tsv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream, delimiter="\t"))
    assert not [row["text"] for row in rows if row["language"] != "en" and looks_english(row["text"])]
    assert not [row["text"] for row in rows if row["language"] != "en" and compact_detector_says_english(row["text"])]
    assert compact_detector_says_english("Typical stock response from sniveling PC Coward, nothing new again.")
    assert not compact_detector_says_english("ok fine")  # too few letters to tell, as `detect` says
    assert Moderator().check("Typical stock response from sniveling PC Coward, nothing new again.")["language"] == {
        "code": "en", "confidence": None}


def test_unsupported_language_settings():
    text = "Der Stadtrat sollte die Fahrgastzahlen veröffentlichen, bevor er die Fähre streicht."
    assert Moderator(policy=make_policy({"unsupported_language": "reject"})).check(text)["action"] == "reject"
    published = Moderator(policy=make_policy({"unsupported_language": "publish"})).check(text)
    assert published["action"] == "publish" and published["scores"] is None
    both = Moderator(policy=make_policy({"languages": ["en", "de"]})).check(text)
    assert both["scores"] is not None  # the site says its models read German: scored


def test_too_short_to_tell_is_not_judged_and_is_scored():
    assert detect("ok lol +1") == (None, None)
    short = Moderator(policy=make_policy({"min_chars": 1})).check("ok lol +1")
    assert short["language"] is None and short["scores"] is not None


def test_a_bad_language_setting_is_exit_78(tmp_path):
    policy = tmp_path / "policy.toml"
    policy.write_text('unsupported_language = "ignore"\n')
    done = subprocess.run([sys.executable, "-m", "moderation", "check", LONG, "--policy", str(policy)], capture_output=True, text=True)
    assert done.returncode == 1 and "unsupported_language must be one of hold, reject, publish" in done.stderr


def test_the_detector_reads_an_unpacked_copy_of_its_model_that_answers_as_the_wheels(tmp_path, monkeypatch):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    with (ROOT / "data" / "languages" / "sentences.tsv").open(encoding="utf-8", newline="") as stream:
        texts = [row["text"] for row in csv.DictReader(stream, delimiter="\t")]
    wheel = [LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True).classify(text) for text in texts]

    def answers(cache: Path) -> list[tuple[str, float]]:
        identifier = load_identifier(cache)
        return [identifier.classify(text) for text in texts]

    assert answers(tmp_path) == wheel  # made the copy
    (copy,) = tmp_path.iterdir()
    assert copy.name.startswith("py3langid-") and copy.suffix == ".npz" and copy.stat().st_size > 10_000_000
    assert answers(tmp_path) == wheel  # read it
    copy.write_bytes(b"damaged")
    assert answers(tmp_path) == wheel and not copy.exists()  # the wheel's model; the damaged copy is dropped
    assert answers(tmp_path) == wheel and copy.stat().st_size > 10_000_000  # and made again
    blocked = tmp_path / "a file"
    blocked.write_text("")
    assert answers(blocked) == wheel  # nowhere to write: the wheel's model
    monkeypatch.setenv("MODERATION_CACHE", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"
