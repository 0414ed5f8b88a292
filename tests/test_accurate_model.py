"""The shipped accurate tier (`--model accurate`): the encoder's heads, its card, and what
it reads that the fast tier does not."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from moderation.learn import bundle

ROOT = bundle.DEFAULT_MODEL.parent


@pytest.fixture(scope="module")
def accurate():
    return bundle.load("accurate")


def test_it_ships_with_every_head_the_encoder_and_its_card(accurate):
    assert set(accurate.heads) == {"civility", "stance", "constructive", "threat", "spam"}
    meta = accurate.meta
    assert meta["encoder"]["sha256"] == json.loads((ROOT / "encoder" / "encoder.json").read_text())["files"]["model"]["sha256"]
    card = (ROOT / "accurate" / "README.md").read_text()
    assert "Held-out evaluation" in card and "Pretrained parts" in card and "Identity-term audit" in card
    figures = {row["metric"] + " " + row["data"]: row["value"] for row in meta["heldout"]["rows"]}
    stance = next(value for key, value in figures.items() if key.startswith("stance macro-F1") and "ARC" in key)
    assert stance >= 0.50  # the figure it ships with: the must-hold of the encoder issue


def test_model_accurate_scores_stance_against_the_article():
    done = subprocess.run([sys.executable, "-m", "moderation", "check", "--model", "accurate", "--article-title",
                           "Council cuts the early ferry from the winter timetable",
                           "The early ferry is the only way the island's nurses reach the hospital on time."],
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    decision = json.loads(done.stdout)
    assert done.returncode == 0, done.stderr
    assert decision["model"].startswith("accurate@") and decision["predicted"]["stance"] != "unrelated"


def test_the_accurate_tier_holds_a_threat_without_a_rude_word():
    text = "If I ever meet the author of this article I will break his legs. Count on it, and tell him I know where he lives."
    done = subprocess.run([sys.executable, "-m", "moderation", "check", "--model", "accurate", text], capture_output=True, text=True)
    decision = json.loads(done.stdout)
    assert decision["action"] in ("hold", "reject") and "threat" in [reason["rule"] for reason in decision["reasons"]]
