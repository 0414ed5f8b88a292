"""`evaluate` says when it is shown its own training rows, and compares two models."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "JOBLIB_MULTIPROCESSING": "0"}


def run(*arguments: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "moderation", *arguments], capture_output=True, text=True, cwd=cwd, env=ENV, timeout=300)


def test_evaluate_warns_on_training_rows_and_compares_two_models(tmp_path):
    labels, held = ROOT / "examples" / "labels.csv", ROOT / "examples" / "held-out.csv"
    assert run("train", str(labels), "-o", "mine", "--tasks", "civility", cwd=tmp_path).returncode == 0
    on_training = run("evaluate", "mine", str(labels), "-o", "r1", cwd=tmp_path)
    rows = sum(1 for _ in labels.open()) - 1
    assert on_training.returncode == 0 and f"{rows} of {rows} rows were in mine@" in on_training.stderr
    on_held_out = run("evaluate", "mine", str(held), "-o", "r2", cwd=tmp_path)
    assert on_held_out.returncode == 0 and "warning" not in on_held_out.stderr
    compared = run("evaluate", "default", str(held), "-o", "both", "--compare", "mine", cwd=tmp_path)
    assert compared.returncode == 0, compared.stderr
    changes = json.loads((tmp_path / "both" / "changes.json").read_text())
    assert changes["second"].startswith("mine@") and isinstance(changes["changed"], list)
    assert (tmp_path / "both" / "default").is_dir() and (tmp_path / "both" / "mine").is_dir()


def test_target_precision_writes_a_policy_fragment_that_loads(tmp_path):
    done = run("evaluate", "default", str(ROOT / "examples" / "held-out.csv"), "-o", "r", "--target-precision", "0.75", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    from moderation.decide.policy import load_policy

    fragment = tmp_path / "r" / "policy-suggestion.toml"
    policy = load_policy(fragment)
    assert 0 < policy["civility_hold"] <= 1
    assert "threshold for precision 0.75 on uncivil" in (tmp_path / "r" / "report.md").read_text()
    for name in ("civility_pr.png", "civility_reliability.png", "civility_confusion.png"):
        assert (tmp_path / "r" / name).read_bytes()[:4] == b"\x89PNG"
