"""`moderation check` as a real process: its JSON and its exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

LONG = "The ferry timetable cut will hurt island commuters, and the council should say how it will help."


def check(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "moderation", "check", *args], input=stdin,
                          capture_output=True, text=True, check=False, timeout=120)  # fmt: skip


def test_publish_exits_0_with_the_decision_as_json():
    done = check(LONG)
    assert done.returncode == 0, done.stderr
    decision = json.loads(done.stdout)
    assert decision["action"] == "publish"
    assert set(decision["scores"]) == {"civility", "stance", "constructive", "threat", "spam"}


def test_reject_exits_4_with_the_reason():
    done = check("Too short.")
    assert done.returncode == 4
    assert json.loads(done.stdout)["reasons"][0]["message"].startswith("10 of 50 characters")


def test_hold_exits_3(tmp_path):
    policy = tmp_path / "policy.toml"
    policy.write_text('suspect_terms = ["timetable"]\n')
    done = check(LONG, "--policy", str(policy))
    assert done.returncode == 3
    assert json.loads(done.stdout)["reasons"][0]["rule"] == "suspect_term"


def test_json_on_stdin_with_article():
    payload = {"text": LONG, "author": "ana", "article_title": "Ferry timetable cut", "article_url": "https://x.example/a"}
    done = check(stdin=json.dumps(payload))
    assert done.returncode == 0
    assert json.loads(done.stdout)["action"] == "publish"


def test_plain_text_on_stdin():
    assert check(stdin=LONG + "\n").returncode == 0


@pytest.mark.parametrize(
    ("stdin", "message"),
    [("[" * 40 + "]" * 40, "nested deeper than 32"), ('{"text": "' + LONG + '", "nope": 1}', "unknown key(s) nope"),
     ("[1, 2]", "expected a JSON object"), ("   \n", "empty comment text"),
     ('{"text": ""}', "empty comment text"),
     (json.dumps({"text": LONG, "author": ["ana"]}), "author must be a string or a whole number, got list"),
     (json.dumps({"text": LONG, "article_title": 7}), "article_title must be a string, got int")],
)
def test_usage_errors_exit_2_with_one_line(stdin, message):
    done = check(stdin=stdin)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == ""


def test_undecidable_exits_1_so_the_caller_holds(tmp_path):
    broken = tmp_path / "model"
    broken.mkdir()
    (broken / "model.joblib").write_bytes(b"not a pickle")
    (broken / "meta.json").write_text('{"model_sha256": "0", "tasks": {}}')
    done = check(LONG, "--model", str(broken))
    assert done.returncode == 1
    assert "could not decide, hold the comment" in done.stderr


def test_bad_policy_exits_1_naming_the_key(tmp_path):
    policy = tmp_path / "policy.toml"
    policy.write_text("min_charz = 3\n")
    done = check(LONG, "--policy", str(policy))
    assert done.returncode == 1
    assert "min_charz" in done.stderr


def test_a_megabyte_comment_is_rejected_for_length_not_crashed():
    text = " ".join(f"word{n}" for n in range(150_000))
    assert len(text) > 1_000_000
    done = check(stdin=json.dumps({"text": text}))
    assert done.returncode == 4
    decision = json.loads(done.stdout)
    assert [r["rule"] for r in decision["reasons"]] == ["max_chars"] and decision["scores"] is None
