"""The shipped default model: it loads, scores the seed pages, and separates the obvious."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from conftest import ROOT, SEEDS
from typer.testing import CliRunner

from moderation.learn import bundle
from moderation.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def default():
    return bundle.load(ROOT / "models" / "default")


def test_bundle_is_small_and_has_all_five_heads(default):
    assert (ROOT / "models" / "default" / "model.joblib").stat().st_size < 25_000_000
    assert set(default.heads) == {"civility", "stance", "constructive", "threat", "spam"}
    assert default.labels("stance") == ["agree", "disagree", "discuss", "unrelated"]
    card = (ROOT / "models" / "default" / "README.md").read_text()
    assert "Held-out evaluation" in card and "make model" in card


def test_main_command_scores_the_seed_pages():
    result = runner.invoke(app, ["score", str(SEEDS)])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["author"] for r in records] == ["Priya S", "Aman W", "Sarah B", "Vikram M", "Karthik V"]
    for record in records:
        assert set(record["scores"]) == {"civility", "stance", "constructive", "threat", "spam"}
        assert abs(sum(record["scores"]["stance"].values()) - 1) < 1e-3
        assert record["predicted"]["civility"] in ("civil", "uncivil")
        assert record["explain"]["civility"]
        assert record["error"] is None


def test_obvious_abuse_scores_far_above_a_polite_comment(default):
    frame = pd.DataFrame({"text": [
        "You are a f*cking moron and everyone who agrees with you is a brainless idiot.",
        "Thank you for the balanced reporting; I would like to know more about the costs.",
    ]})  # fmt: skip
    uncivil = default.predict_proba(frame, ["civility"])["civility"][:, 1]
    assert uncivil[0] > 0.6 and uncivil[1] < 0.4


def test_obfuscation_does_not_hide_abuse(default):
    plain = pd.DataFrame({"text": ["you are an idiot"]})
    hidden = pd.DataFrame({"text": ["you are an i d 1 0 t"]})
    score = lambda frame: default.predict_proba(frame, ["civility"])["civility"][0, 1]  # noqa: E731
    assert score(hidden) > score(plain) - 0.1


def test_installed_package_finds_its_default_model_from_any_directory(tmp_path):
    """Run from elsewhere, the command imports the installed package (in CI a real
    `pip install .`), so this catches a default model left out of the package."""
    import os
    import subprocess
    import sys

    env = {key: value for key, value in os.environ.items() if key != "MODERATION_MODEL"}
    done = subprocess.run([sys.executable, "-m", "moderation", "score", str(SEEDS), "--no-explain"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, check=False, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 5
