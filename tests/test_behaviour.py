"""The behavioural suite (data/behaviour/): what the shipped models' decisions get right,
capability by capability, kept above floors set below the figures
`benchmarks/behaviour.py` measured (docs/performance.md), and the suite kept apart from
the capability set the models train on."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from conftest import ROOT

BEHAVIOUR = ROOT / "data" / "behaviour"
FLOORS = {
    "default": {"all threats": 0.95, "threat_direct": 0.90, "threat_conditional": 0.90, "threat_veiled": 0.90,
                "negation": 0.80, "quoted_abuse_denounced": 0.85, "identity_neutral": 0.95, "identity_positive": 0.95,
                "obfuscated": 0.85, "plain_insult": 0.95, "civil_disagreement": 0.95},
    "accurate": {"all threats": 0.95, "threat_direct": 0.90, "threat_conditional": 0.90, "threat_veiled": 0.90,
                 "negation": 0.80, "quoted_abuse_denounced": 0.80, "identity_neutral": 0.95, "identity_positive": 0.95,
                 "obfuscated": 0.85, "plain_insult": 0.95, "civil_disagreement": 0.95},
}  # fmt: skip
"""Per capability, the share of cases each model's decision must get right."""


def _cases() -> list[dict]:
    return [json.loads(line) for line in (BEHAVIOUR / "suite.jsonl").read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("model", sorted(FLOORS))
def test_each_capability_stays_above_its_floor(model):
    from moderation.decide.moderator import Moderator
    from moderation.learn.bundle import load

    cases = _cases()
    decisions = Moderator(model=load(model)).decide_many([{"text": case["text"]} for case in cases], explain=False)
    passed: dict[str, list[bool]] = defaultdict(list)
    for case, decision in zip(cases, decisions, strict=True):
        ok = (decision["action"] != "publish") == (case["expected"] == "uncivil")
        passed[case["capability"]].append(ok)
        if case["capability"].startswith("threat"):
            passed["all threats"].append(ok)
    rates = {name: sum(values) / len(values) for name, values in passed.items()}
    below = {name: round(rates[name], 3) for name, floor in FLOORS[model].items() if rates[name] < floor}
    assert not below, f"{model}: below the floor: {below}"


def test_a_threat_is_held_with_a_reason_of_its_own():
    from moderation.decide.moderator import Moderator

    text = "If I ever meet the author of this article I will break his legs. Count on it, and tell him I know where he lives."
    decision = Moderator().check(text)
    assert decision["action"] in ("hold", "reject")
    assert "threat" in [reason["rule"] for reason in decision["reasons"]]
    phrases = [reason for reason in decision["reasons"] if reason["rule"] == "threat_phrase"]
    assert {reason["value"] for reason in phrases} == {"conditional", "veiled"}
    assert [text[slice(*reason["span"])] for reason in phrases][-1] == "I know where he lives"


def test_threat_phrases_hold_reject_or_are_off_by_policy():
    from moderation.decide.moderator import Moderator
    from moderation.decide.policy import make_policy

    text = "We know where you live now, and which school your kids go to. Keep writing, see what happens."
    rules = {policy: [(reason["rule"], reason["action"]) for reason in Moderator(policy=make_policy(
        {"threat_phrases": policy, "threat_hold": 1.0, "threat_reject": 1.0})).check(text)["reasons"]]
        for policy in ("hold", "reject", "off")}  # fmt: skip
    assert ("threat_phrase", "hold") in rules["hold"] and ("threat_phrase", "reject") in rules["reject"]
    assert not [rule for rule, _ in rules["off"] if rule == "threat_phrase"]


def test_the_suite_and_the_training_set_share_no_text_and_no_template():
    """check_overlap.py also rebuilds both files from their generators and compares."""
    done = subprocess.run([sys.executable, str(BEHAVIOUR / "check_overlap.py")], capture_output=True, text=True,
                          cwd=BEHAVIOUR, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "overlap check: passed" in done.stdout


def test_the_training_set_labels_threats_and_civility():
    with (BEHAVIOUR / "capabilities.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert {row["threat"] for row in rows} == {"threat", "not_threat"}
    assert all(row["civility"] == "uncivil" for row in rows if row["threat"] == "threat")
    assert Path(BEHAVIOUR / "suite.jsonl").exists()
