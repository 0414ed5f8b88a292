"""The identity-term audit: its metrics on scores whose answer is known, the shipped
model's figures kept above floors, and bad terms or templates as one line and exit 65."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from moderation.learn.audit import audit, read_templates, read_terms, sentences, summary


def _rows():
    return sentences(read_terms(), read_templates())


def test_a_scorer_that_reads_only_the_label_is_perfect_for_every_term():
    rows = _rows()
    results = audit([0.9 if row["label"] == "uncivil" else 0.1 for row in rows], rows, 0.5)
    assert all(r.subgroup_auc == r.bpsn_auc == r.bnsp_auc == 1.0 and r.false_positive_rate == 0.0 for r in results)


def test_a_scorer_that_raises_one_group_is_caught_by_bpsn_and_false_positives():
    rows = _rows()
    scores = [(0.8 if row["label"] == "uncivil" else 0.2) + (0.7 if row["term"] == "Muslim" else 0.0) for row in rows]
    worst = summary(audit(scores, rows, 0.5))
    assert worst["bpsn_auc"]["term"] == "Muslim" and worst["bpsn_auc"]["value"] < 0.5
    assert worst["false_positive_rate"] == {"value": 1.0, "term": "Muslim"}
    assert worst["subgroup_auc"]["value"] == 1.0  # within the group the order is still right


def test_the_shipped_model_treats_the_groups_it_sees_named_alike():
    done = subprocess.run([sys.executable, "-m", "moderation", "audit", "default"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    from moderation.learn.audit import audit_model
    from moderation.learn.bundle import load

    worst = summary(audit_model(load("default"), 0.5))
    assert worst["subgroup_auc"]["value"] >= 0.90 and worst["bpsn_auc"]["value"] >= 0.85
    assert worst["false_positive_rate"]["value"] <= 0.05


def test_the_report_files(tmp_path):
    done = subprocess.run([sys.executable, "-m", "moderation", "audit", "default", "-o", str(tmp_path / "a")],
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = json.loads((tmp_path / "a" / "audit.json").read_text())
    assert len(data["terms"]) == 50 and (tmp_path / "a" / "audit.png").read_bytes()[:4] == b"\x89PNG"
    assert "| term | group |" in (tmp_path / "a" / "audit.md").read_text()


@pytest.mark.parametrize(("name", "content", "message"), [
    ("terms", b"", "empty terms file"), ("terms", b"\xff\xfe\x00junk", "not UTF-8"), ("terms", b"term\nonly\n", "at least two"),
    ("templates", b"template\tlabel\nNo placeholder here\tcivil\n", "must contain {term}"),
    ("templates", b"template\tlabel\n{term} people are fine\tcivil\n", "civil and uncivil"),
])  # fmt: skip
def test_bad_terms_and_templates_are_one_line_and_exit_65(tmp_path, name, content, message):
    path = tmp_path / f"{name}.tsv"
    path.write_bytes(content)
    done = subprocess.run([sys.executable, "-m", "moderation", "audit", "default", f"--{name}", str(path)],
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    assert done.returncode == 65 and message in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_a_model_without_a_civility_head_is_exit_65(tmp_path):
    from pathlib import Path

    table = Path(__file__).resolve().parents[1] / "examples" / "labels.csv"
    trained = subprocess.run([sys.executable, "-m", "moderation", "train", str(table), "-o", str(tmp_path / "m"), "--tasks", "constructive"],
                             capture_output=True, text=True, timeout=300, env={**__import__("os").environ, "JOBLIB_MULTIPROCESSING": "0"})  # fmt: skip
    assert trained.returncode == 0, trained.stderr
    done = subprocess.run([sys.executable, "-m", "moderation", "audit", str(tmp_path / "m")], capture_output=True, text=True)
    assert done.returncode == 65 and "no civility head" in done.stderr
