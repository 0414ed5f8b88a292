"""`train --base`: a shipped model adapted to a newsroom's labels keeps what it knew."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from moderation.learn import bundle, heads
from moderation.learn.adapt import _within_one_error, adapt

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "examples" / "labels.csv"
ENV = {**os.environ, "JOBLIB_MULTIPROCESSING": "0"}


def test_the_strongest_penalty_within_one_standard_error_of_the_best_is_kept():
    decisions = {penalty: np.full(4, penalty) for penalty in (1.0, 30.0, 3000.0)}
    noisy = {1.0: (0.80, decisions[1.0], [0.70, 0.80, 0.90]), 30.0: (0.76, decisions[30.0], [0.7, 0.76, 0.82]),
             3000.0: (0.70, decisions[3000.0], [0.69, 0.70, 0.71])}  # fmt: skip
    penalty, out_of_fold = _within_one_error(noisy)  # SE of the best: 0.1 / sqrt(3) = 0.058
    assert penalty == 30.0 and out_of_fold is decisions[30.0]
    sure = {**noisy, 1.0: (0.80, decisions[1.0], [0.80, 0.80, 0.80])}
    assert _within_one_error(sure)[0] == 1.0


def test_the_adapted_heads_start_from_the_base_and_move_only_as_far_as_the_labels_justify():
    base = bundle.load("default")
    frame = pd.read_csv(LABELS)
    results = adapt(base, frame, progress=lambda message: None)
    assert set(results) == set(base.tasks)
    before = heads.linear_model(base.heads["civility"]).coef_
    after = heads.linear_model(results["civility"].pipeline).coef_
    assert after.shape == before.shape and not np.array_equal(after, before)
    assert np.abs(after - before).max() < np.abs(before).max()  # a correction, not a new head
    stance_before = heads.linear_model(base.heads["stance"]).coef_
    assert np.array_equal(heads.linear_model(results["stance"].pipeline).coef_, stance_before)  # unlabelled: kept
    frozen = adapt(base, frame, penalties=(1e12,), progress=lambda message: None)
    assert np.allclose(heads.linear_model(frozen["civility"].pipeline).coef_, before, atol=1e-6)


def test_train_base_writes_a_model_that_scores_and_refuses_what_it_cannot_adapt(tmp_path):
    done = subprocess.run([sys.executable, "-m", "moderation", "train", str(LABELS), "-o", str(tmp_path / "adapted"), "--base", "default"],
                          capture_output=True, text=True, env=ENV, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "civility: adapted with 24 labels" in done.stderr
    meta = json.loads((tmp_path / "adapted" / "meta.json").read_text())
    assert "--base default" in meta["command"] and set(meta["tasks"]) == set(bundle.load("default").tasks)
    check = subprocess.run([sys.executable, "-m", "moderation", "check", "--model", str(tmp_path / "adapted"),
                            "Thanks, this explains the ferry cuts well and fairly, I think."], capture_output=True, text=True)  # fmt: skip
    assert check.returncode == 0 and json.loads(check.stdout)["model"].startswith("adapted@")
    one_class = tmp_path / "civil.csv"
    one_class.write_text("text,civility\nA fine and careful piece about the harbour.,civil\nThanks for the clear report.,civil\n")
    refused = subprocess.run([sys.executable, "-m", "moderation", "train", str(one_class), "-o", str(tmp_path / "x"), "--base", "default"],
                             capture_output=True, text=True, env=ENV)  # fmt: skip
    assert refused.returncode == 65 and "need both civil and uncivil" in refused.stderr
    streaming = subprocess.run([sys.executable, "-m", "moderation", "train", str(LABELS), "-o", str(tmp_path / "y"), "--base", "default",
                                "--streaming"], capture_output=True, text=True, env=ENV)  # fmt: skip
    assert streaming.returncode == 2
