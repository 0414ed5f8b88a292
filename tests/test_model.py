"""Training, the saved bundle's integrity checks, scoring, explanations and evaluation."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from conftest import shared_path
from typer.testing import CliRunner

from moderation.learn import bundle
from moderation.cli import app
from moderation.errors import DataError, ModelError
from moderation.learn.train import train

runner = CliRunner()

CIVIL = [
    "Thanks for the clear explanation of the budget, it helped me understand the vote.",
    "I disagree with the council but the article sets out both sides fairly.",
    "Good reporting, I would like to see a follow-up on the costs next year.",
    "The figures in the third paragraph seem off, could the author check them?",
    "This is a thoughtful piece and I learned something about the harbour history.",
    "My family has used that ferry for decades and the new timetable worries us.",
    "Interesting point about fuel costs, though the operator's accounts say otherwise.",
    "I appreciate that the reporter spoke to commuters as well as the company.",
]
UNCIVIL = [
    "You are an idiot and so is everyone who voted for this garbage.",
    "Shut up you stupid moron, nobody cares about your pathetic opinion.",
    "What a load of crap, the writer is a complete idiot.",
    "Only a brainless fool would believe this stupid garbage.",
    "These morons on the council are pathetic losers.",
    "Go away you clown, your comments are stupid as always.",
    "Idiotic article by an idiotic hack, total garbage.",
    "Pathetic, stupid and dishonest, like every idiot here.",
]


@pytest.fixture(scope="module")
def small_table() -> pd.DataFrame:
    rows = [{"text": t, "civility": "civil", "group": f"a{i % 4}"} for i, t in enumerate(CIVIL)]
    rows += [{"text": t, "civility": "uncivil", "group": f"a{i % 4}"} for i, t in enumerate(UNCIVIL)]
    return pd.DataFrame(rows * 3)


@pytest.fixture(scope="module")
def small_model(tmp_path_factory, small_table) -> Path:
    directory = tmp_path_factory.mktemp("models") / "small"
    data = tmp_path_factory.mktemp("data") / "small.csv"
    small_table.to_csv(data, index=False)
    result = runner.invoke(app, ["train", str(data), "-o", str(directory)])
    assert result.exit_code == 0, result.stderr
    return directory


def test_train_writes_bundle_meta_and_card(small_model):
    meta = json.loads((small_model / "meta.json").read_text())
    assert meta["tasks"]["civility"]["labels"] == ["civil", "uncivil"]
    assert meta["tasks"]["civility"]["dropped"]["duplicates"] == 32  # the table is repeated three times
    assert meta["training_files"][0]["sha256"]
    assert meta["model_sha256"] == bundle.sha256(small_model / "model.joblib")
    assert meta["scoring_sha256"] == bundle.sha256(small_model / "scoring.joblib")
    card = (small_model / "README.md").read_text()
    assert "Limitations" in card and "identity terms" in card and "civility" in card


def test_train_refuses_existing_output_without_force(small_model, tmp_path, small_table):
    data = tmp_path / "t.csv"
    small_table.to_csv(data, index=False)
    result = runner.invoke(app, ["train", str(data), "-o", str(small_model)])
    assert result.exit_code == 73
    assert "pass --force" in result.stderr


def test_scores_separate_civil_from_uncivil(small_model):
    loaded = bundle.load(small_model)
    frame = pd.DataFrame({"text": ["You stupid idiot, what garbage.", "Thank you for the careful reporting on the vote."]})
    proba = loaded.predict_proba(frame)["civility"]
    assert proba[0, 1] > proba[1, 1]
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, rtol=1e-6)


def test_explanations_name_the_words(small_model):
    loaded = bundle.load(small_model)
    _scores, explanations = loaded.predict_explained(pd.DataFrame({"text": ["What a stupid idiot."]}))
    reasons = explanations[0]["civility"]["uncivil"]
    words = [name for name, weight in reasons if weight > 0]
    assert any("idiot" in name or "stupid" in name for name in words)


def test_score_cli_keeps_every_row_and_marks_errors(small_model, tmp_path):
    queue = tmp_path / "queue.csv"
    texts = ["You stupid idiot, what a pathetic load of garbage from a moron.", "",
             "Thanks for this article, it explains the ferry budget clearly.", "Too short."]  # fmt: skip
    pd.DataFrame({"comment_id": [1, 2, 3, 4], "text": texts}).to_csv(queue, index=False)
    result = runner.invoke(app, ["score", str(queue), "--model", str(small_model)])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["comment_id"] for r in records] == ["1", "2", "3", "4"]  # CSV cells kept as written
    assert records[1]["error"] == "empty text" and records[1]["scores"] is None and records[1]["action"] is None
    assert set(records[0]["scores"]["civility"]) == {"civil", "uncivil"}
    assert records[0]["explain"]["civility"]
    assert records[0]["scores"]["civility"]["uncivil"] > records[2]["scores"]["civility"]["uncivil"]
    assert records[3]["action"] == "reject" and records[3]["reasons"][0]["rule"] == "min_chars"
    # The default suspect terms name the insults the model also holds.
    assert "4 row(s): error 1, publish 1, reject 2; reasons: suspect_term 2, civility 1, min_chars 1" in result.stderr


def test_score_sorts_by_priority_and_writes_parquet(small_model, tmp_path):
    queue = tmp_path / "queue.jsonl"
    rows = [{"text": "Thanks for this article, it explains the ferry budget clearly and well."},
            {"text": "You stupid idiot, what a pathetic load of garbage from a total moron."},
            {"text": "Nope."}]  # fmt: skip
    queue.write_text("\n".join(json.dumps(row) for row in rows) + "\n")
    out = tmp_path / "decisions.parquet"
    result = runner.invoke(app, ["score", str(queue), "--model", str(small_model), "--sort", "priority",
                                 "--format", "parquet", "-o", str(out), "--chunk-rows", "1"])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    frame = pd.read_parquet(out)
    assert len(frame) == 3
    assert list(frame["action"])[-1] == "publish"  # what needs a human comes first
    assert frame["reasons"].iloc[1].split(":")[0] in ("civility", "min_chars", "suspect_term")  # readable text
    assert frame["scores.civility.uncivil"].iloc[0] > frame["scores.civility.uncivil"].iloc[2]  # the held one above the published


@pytest.mark.parametrize("name", ["model.joblib", "scoring.joblib"])
def test_tampered_model_is_refused(small_model, tmp_path, name):
    copy = tmp_path / "copy"
    shutil.copytree(small_model, copy)
    data = (copy / name).read_bytes()
    (copy / name).write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelError, match="sha256 does not match"):
        bundle.load(copy)
    result = runner.invoke(app, ["explain", "hello there", "--model", str(copy)])
    assert result.exit_code == 69
    assert "refusing to load" in result.stderr and "Traceback" not in result.stderr
    queue = tmp_path / "queue.csv"
    pd.DataFrame({"text": ["Thanks for the careful reporting on the ferry budget, it was clear."] * 3}).to_csv(queue, index=False)
    for jobs in ("1", "2"):  # with workers, this process checks the model without loading it
        out = tmp_path / f"out{jobs}.jsonl"
        result = runner.invoke(app, ["score", str(queue), "--model", str(copy), "--jobs", jobs, "-o", str(out)])
        assert result.exit_code == 69, result.stderr
        assert "refusing to load" in result.stderr and not out.exists()


def test_model_from_another_sklearn_version_is_refused(small_model, tmp_path):
    copy = tmp_path / "old"
    shutil.copytree(small_model, copy)
    meta = json.loads((small_model / "meta.json").read_text())
    meta["versions"]["scikit-learn"] = "0.24.2"
    (copy / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(ModelError, match="scikit-learn 0.24.2"):
        bundle.load(copy)


def test_one_class_and_missing_columns_are_named(tmp_path):
    with pytest.raises(DataError, match="at least two classes"):
        train(pd.DataFrame({"text": ["a b c", "d e f"], "civility": ["civil", "civil"]}))
    with pytest.raises(DataError, match="no label column"):
        train(pd.DataFrame({"text": ["a"]}))
    table = tmp_path / "bad.csv"
    table.write_text("body,label\nhello,civil\n")
    result = runner.invoke(app, ["train", str(table), "-o", str(tmp_path / "m")])
    assert result.exit_code == 65
    assert "missing column(s) text" in result.stderr and "present: body, label" in result.stderr


def test_a_class_too_small_to_calibrate_is_named(tmp_path):
    rows = [{"text": f"{topic} plan comment {n}", "article_title": f"{topic} plan", "stance": stance, "group": f"g{n}"}
            for n, topic in enumerate(["ferry", "bridge", "school", "library", "bus", "park"] * 2)
            for stance in ("agree", "unrelated")]  # fmt: skip
    rows += [{"text": "nonsense, wrong", "article_title": "ferry plan", "stance": "disagree", "group": "g0"},
             {"text": "false and wrong", "article_title": "bus plan", "stance": "disagree", "group": "g4"}]  # fmt: skip
    table = tmp_path / "stance.csv"
    pd.DataFrame(rows).to_csv(table, index=False)
    result = runner.invoke(app, ["train", str(table), "-o", str(tmp_path / "m")])
    assert result.exit_code == 65, result.stderr
    assert "'disagree' has 2" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "m").exists()


def test_non_utf8_csv_is_one_clear_line(tmp_path):
    table = tmp_path / "latin.csv"
    table.write_bytes("text,civility\ncaf\xe9 ol\xe9,civil\n".encode("latin-1"))
    result = runner.invoke(app, ["train", str(table), "-o", str(tmp_path / "m")])
    assert result.exit_code == 65
    assert "not UTF-8" in result.stderr and "Traceback" not in result.stderr


def test_evaluate_writes_metrics_report_and_plots(small_model, tmp_path, small_table):
    data = tmp_path / "eval.csv"
    small_table.to_csv(data, index=False)
    result = runner.invoke(app, ["evaluate", str(small_model), str(data), "-o", str(tmp_path / "report")])
    assert result.exit_code == 0, result.stderr
    metrics = json.loads((tmp_path / "report" / "metrics.json").read_text())["tasks"]["civility"]
    assert {"accuracy", "macro_f1", "roc_auc", "average_precision", "calibration_error", "threshold_sweep"} <= set(metrics)
    for plot in ("civility_confusion.png", "civility_pr.png", "civility_reliability.png"):
        assert (tmp_path / "report" / plot).read_bytes().startswith(b"\x89PNG")


def test_fnc_weighted_score_matches_the_official_rule():
    from moderation.learn.evaluate import fnc_score

    assert fnc_score(["agree", "unrelated"], ["agree", "unrelated"]) == 1.0
    # related-but-wrong stance earns the 0.25 relatedness credit only
    assert fnc_score(["agree"], ["discuss"]) == 0.25
    assert fnc_score(["unrelated"], ["agree"]) == 0.0


def test_constructiveness_generalises_to_unseen_c3_articles():
    """A floor on held-out articles (the benchmark reports the real figure)."""
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupShuffleSplit

    from moderation.io.datasets import prepare

    frame = prepare("c3", [str(shared_path("datasets", "c3"))])
    fit, test = next(GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=0).split(frame, groups=frame["group"]))
    head = train(frame.iloc[fit], tasks=["constructive"])["constructive"].pipeline
    held = frame.iloc[test]
    proba = head.predict_proba(held)[:, list(head.classes_).index("constructive")]
    assert roc_auc_score(held["constructive"] == "constructive", proba) > 0.9


def test_soft_labels_become_two_weighted_examples():
    from moderation.learn.train import soft_examples

    rows = pd.DataFrame({"text": ["a", "b", "c"], "civility": ["civil", "uncivil", "civil"],
                         "civility_score": [0.2, 0.9, float("nan")]})  # fmt: skip
    index, labels, weights = soft_examples(rows, "civility", ["civil", "uncivil"], np.ones(3))
    pairs = sorted(zip(index.tolist(), labels.tolist(), np.round(weights, 3).tolist()))
    assert pairs == [(0, "civil", 0.8), (0, "uncivil", 0.2), (1, "civil", 0.1), (1, "uncivil", 0.9), (2, "civil", 1.0)]


def test_model_from_another_patch_release_loads_with_a_warning(small_model, tmp_path):
    import sklearn

    copy = tmp_path / "patch"
    shutil.copytree(small_model, copy)
    meta = json.loads((small_model / "meta.json").read_text())
    major, minor = sklearn.__version__.split(".")[:2]
    meta["versions"]["scikit-learn"] = f"{major}.{minor}.99"
    (copy / "meta.json").write_text(json.dumps(meta))
    with pytest.warns(UserWarning, match="same minor release"):
        assert bundle.load(copy).heads


def test_the_features_are_saved_once_and_shared_again_on_loading(small_model):
    """The pipelines' file leaves out the fitted features the scoring file holds; loaded,
    every head's pipeline has them back, one transformer for all, and scores as before."""
    import joblib

    saved = joblib.load(small_model / bundle.MODEL_FILE)["heads"]
    assert all(pipeline.named_steps["features"] == "passthrough" for pipeline in saved.values())
    loaded = bundle.load(small_model)
    features = {id(pipeline.named_steps["features"]) for pipeline in loaded.heads.values()}
    assert len(features) == 1
    frame = pd.DataFrame({"text": CIVIL[:2] + UNCIVIL[:2]})
    proba = loaded.heads["civility"].predict_proba(frame)[:, 1]
    np.testing.assert_allclose(proba, loaded.predict_proba(frame)["civility"][:, 1], rtol=0, atol=1e-6)  # float32 matrix
    assert (proba[2:] > proba[:2].max()).all()


def test_heads_that_share_their_features_share_them_in_both_files():
    """The default model's heads read one fitted features object: saved once in the
    scoring file, converted once for it, and given back once to the pipelines."""
    model = bundle.load(None)
    assert len(model.tasks) == 5
    assert len({id(head.features) for head in model.scorers.values()}) == 1
    assert len({id(pipeline.named_steps["features"]) for pipeline in model.heads.values()}) == 1
    assert len({id(head.features) for head in bundle.scoring_form(model.heads).values()}) == 1


def test_the_scikit_learn_release_is_read_without_its_package_metadata(small_model, monkeypatch):
    """Some installs (vendored, frozen) have no package metadata: the release then comes
    from scikit-learn itself, and the model still loads."""
    import importlib.metadata

    def missing(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", missing)
    assert bundle.load(small_model).tasks == ["civility"]


def test_a_bundle_without_its_scoring_file_is_refused(small_model, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(small_model, copy)
    (copy / "scoring.joblib").unlink()
    with pytest.raises(ModelError, match="needs scoring.joblib"):
        bundle.load(copy)


def test_a_bundle_of_format_2_scores_as_its_scoring_file_does(small_model, tmp_path):
    """Bundles written before the scoring file (the pipelines alone) still load, and their
    heads, taken out of the pipelines in memory, give the same answers."""
    import joblib

    old = tmp_path / "format2"
    old.mkdir()
    joblib.dump({"format": 2, "heads": bundle.load(small_model).heads}, old / "model.joblib", compress=3)
    meta = json.loads((small_model / "meta.json").read_text())
    for key in ("scoring_sha256", "scoring_bytes"):
        del meta[key]
    meta.update(format=2, model_sha256=bundle.sha256(old / "model.joblib"))
    (old / "meta.json").write_text(json.dumps(meta))
    frame = pd.DataFrame({"text": CIVIL + UNCIVIL + ["zzyzx qwfp entirely new words here"]})
    new_answers, new_reasons = bundle.load(small_model).predict_explained(frame)
    old_answers, old_reasons = bundle.load(old).predict_explained(frame)
    for task, (proba, labels) in new_answers.items():
        np.testing.assert_array_equal(old_answers[task][0], proba)
        assert old_answers[task][1] == labels
    assert old_reasons == new_reasons


def test_files_that_name_the_features_where_they_used_to_live_still_load():
    """Bundles of format 2 name `moderation.vectorize.TextFeatures`, which is now
    `heads.TextFeatures`; unpickling finds it by that old name."""
    import io
    import pickle

    from moderation.learn.heads import TextFeatures

    assert pickle.Unpickler(io.BytesIO()).find_class("moderation.vectorize", "TextFeatures") is TextFeatures


def test_scoring_never_imports_scikit_learn(small_model, tmp_path):
    """`check` and `score` load the scoring file alone: importing scikit-learn was most of
    a `check` process's time. Evaluation still reads the pipelines, on demand."""
    queue = tmp_path / "queue.csv"
    pd.DataFrame({"text": CIVIL + UNCIVIL, "author": ["a", "b"] * 8}).to_csv(queue, index=False)
    probe = (
        "import runpy, sys\n"
        "sys.argv = ['moderation', *sys.argv[1:]]\n"
        "try:\n    runpy.run_module('moderation', run_name='__main__')\n"
        "except SystemExit as done:\n    assert done.code in (None, 0, 3, 4), done.code\n"
        "print('sklearn' in sys.modules, file=sys.stderr)\n"
    )
    for command in (["check", "--model", str(small_model), "--explain", CIVIL[0]],
                    ["score", str(queue), "--model", str(small_model), "-o", str(tmp_path / "out.jsonl")]):  # fmt: skip
        result = subprocess.run([sys.executable, "-c", probe, *command], capture_output=True, text=True, timeout=120)
        assert result.stderr.strip().splitlines()[-1] == "False", result.stderr
    loaded = bundle.load(small_model)
    assert "civility" in loaded.heads  # the pipelines, read when asked for


def test_pipelines_are_not_read_from_a_bundle_replaced_after_loading(small_model, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(small_model, copy)
    loaded = bundle.load(copy)
    shutil.rmtree(copy)
    shutil.copytree(bundle.DEFAULT_MODEL, copy)
    with pytest.raises(ModelError, match="replaced after this model was loaded"):
        loaded.heads  # noqa: B018


def test_parallel_scoring_gives_the_serial_answers(small_model, tmp_path):
    queue = tmp_path / "queue.csv"
    texts = (CIVIL + UNCIVIL) * 3 + ["", "Too short.", "i d i o t, you are an 1d10t and a m o r o n", "zzyzx qwfp new words here " * 4]
    authors = [f"reader{i % 4}" for i in range(len(texts))]  # repeats and floods by the same readers
    pd.DataFrame({"comment_id": range(len(texts)), "text": texts, "author": authors}).to_csv(queue, index=False)
    outputs = {}
    for jobs in ("1", "2"):
        result = runner.invoke(app, ["score", str(queue), "--model", str(small_model), "--chunk-rows", "7", "--jobs", jobs])
        assert result.exit_code == 0, result.stderr
        outputs[jobs] = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(outputs["1"]) == len(texts)
    assert {reason["rule"] for row in outputs["1"] for reason in row["reasons"] or []} >= {"repeat", "flood"}
    assert outputs["2"] == outputs["1"]


def test_the_dask_engine_decides_as_the_local_engine(small_model, tmp_path):
    pytest.importorskip("distributed", reason="the dask engine needs the dask extra: pip install '.[dask]'")
    queue = tmp_path / "queue.csv"
    texts = (CIVIL + UNCIVIL) * 20 + ["", "Too short.", "i d i o t, you are an 1d10t and a m o r o n"]
    pd.DataFrame({"comment_id": range(len(texts)), "text": texts}).to_csv(queue, index=False)
    local, distributed = tmp_path / "local.parquet", tmp_path / "dask"
    result = runner.invoke(app, ["score", str(queue), "--model", str(small_model), "--format", "parquet", "-o", str(local), "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    from moderation.dask_engine import read_frame, score_dask
    from moderation.decide.policy import Policy

    assert read_frame([str(queue)], blocksize="2KB").npartitions > 1  # several partitions, several workers
    actions = score_dask([str(queue)], str(distributed), str(small_model), Policy(), workers=2, blocksize="2KB")
    assert sum(actions.values()) == len(texts)
    ours = pd.read_parquet(distributed).sort_values("comment_id", key=lambda c: c.astype(int)).reset_index(drop=True)
    theirs = pd.read_parquet(local)
    def cells(frame: pd.DataFrame, column: str) -> list:
        return [None if pd.isna(value) else str(value) for value in frame[column].tolist()]

    for column in ("comment_id", "action", "reasons", "scores.civility.uncivil", "predicted.civility", "explain", "error"):
        assert cells(ours, column) == cells(theirs, column), column
    assert list(ours.columns) == list(theirs.columns)
    refused = runner.invoke(app, ["score", str(queue), "--model", str(small_model), "--engine", "dask", "-o", str(distributed)])
    assert refused.exit_code == 73 and "exists" in refused.stderr


def test_streaming_training_learns_from_chunks_and_scores_like_any_model(tmp_path):
    rows = []
    for group in range(40):  # enough groups for one in ten to be held out
        for i, text in enumerate(CIVIL):
            rows.append({"text": f"{text} (item {group})", "civility": "civil", "group": f"g{group}", "source": "news" if i % 2 else "tweets"})
        for i, text in enumerate(UNCIVIL):
            rows.append({"text": f"{text} (item {group})", "civility": "uncivil", "group": f"g{group}", "source": "news" if i % 2 else "tweets"})
    data = tmp_path / "history.csv"
    pd.DataFrame(rows).to_csv(data, index=False)
    out = tmp_path / "streamed"
    result = runner.invoke(app, ["train", str(data), "-o", str(out), "--streaming", "--chunk-rows", "100", "--epochs", "3"])
    assert result.exit_code == 0, result.stderr
    assert "epoch 3/3" in result.stderr
    meta = json.loads((out / "meta.json").read_text())
    assert meta["tasks"]["civility"]["cross_validation"]["best"] > 0.9
    assert "held-out groups" in (out / "README.md").read_text()
    loaded = bundle.load(out)
    frame = pd.DataFrame({"text": ["You pathetic idiot, what garbage.", "Thanks for the clear reporting on the ferry budget."]})
    proba = loaded.predict_proba(frame)["civility"][:, 1]
    assert proba[0] > proba[1]
    explained = loaded.predict_explained(frame)[1]
    # Hashed n-grams explain with the words of the batch that was scored, each time.
    from moderation.features.tokens import tokenize

    def word_names(row: dict) -> list[str]:
        return [name for pairs in row["civility"].values() for name, _ in pairs if not name.startswith(("'", "["))]

    for text, row in ((frame["text"][0], explained[0]), ("Clown rubbish from a dishonest hack.", None)):
        row = row or loaded.predict_explained(pd.DataFrame({"text": [text]}))[1][0]
        names = word_names(row)
        assert names and all(name and set(name.split()) <= set(tokenize(text)) for name in names), names
    reference = loaded.heads["civility"].predict_proba(frame)
    np.testing.assert_allclose(loaded.predict_proba(frame)["civility"], reference, atol=1e-6)


def test_the_local_dask_cluster_starts_its_workers_without_a_malloc_trim_threshold():
    """With MALLOC_TRIM_THRESHOLD_ set, glibc maps every large array afresh and scoring in
    a Dask worker ran 1.4 to 1.7 times slower; the other settings Dask gives stay."""
    pytest.importorskip("distributed", reason="the dask engine needs the dask extra: pip install '.[dask]'")
    import os

    from distributed import Client

    from moderation.dask_engine import local_cluster

    with local_cluster(1) as cluster, Client(cluster) as client:
        assert set(client.run(lambda: os.environ.get("MALLOC_TRIM_THRESHOLD_")).values()) == {None}
        assert set(client.run(lambda: os.environ.get("OMP_NUM_THREADS")).values()) == {"1"}


def test_the_dask_engine_needs_an_output_directory_and_input_order(small_model, tmp_path):
    queue = tmp_path / "queue.csv"
    pd.DataFrame({"text": CIVIL}).to_csv(queue, index=False)
    result = runner.invoke(app, ["score", str(queue), "--model", str(small_model), "--engine", "dask"])
    assert result.exit_code == 2 and "pass -o DIR" in result.stderr
    result = runner.invoke(app, ["score", str(queue), "--model", str(small_model), "--engine", "dask", "-o", str(tmp_path / "d"), "--sort", "priority"])
    assert result.exit_code == 2 and "input order" in result.stderr


def test_streaming_stance_is_fitted_in_two_stages(tmp_path):
    from moderation.learn.stance import RelatedFirst

    topics = ["ferry timetable change", "harbour bridge tolls", "school lunch budget", "library opening hours",
              "city bus fares", "park tree planting", "river flood defences", "market stall rents"]  # fmt: skip
    leanings = {"agree": "I agree, this is right and exactly what we need", "disagree": "this is wrong, false and nonsense",
                "discuss": "maybe, it is unclear and we will see what happens"}  # fmt: skip
    rows = []
    for group in range(40):
        topic = topics[group % len(topics)]
        other = topics[(group + 3) % len(topics)]
        for stance, words in leanings.items():
            rows.append({"text": f"The {topic} plan: {words} (reader {group})", "article_title": f"Council plans {topic}",
                         "stance": stance, "group": f"g{group}"})  # fmt: skip
        rows.append({"text": f"The {other} plan: {leanings['agree']} (reader {group})", "article_title": f"Council plans {topic}",
                     "stance": "unrelated", "group": f"g{group}"})  # fmt: skip
    data = tmp_path / "stance.csv"
    pd.DataFrame(rows).to_csv(data, index=False)
    out = tmp_path / "streamed"
    result = runner.invoke(app, ["train", str(data), "-o", str(out), "--streaming", "--chunk-rows", "100", "--epochs", "5"])
    assert result.exit_code == 0, result.stderr
    loaded = bundle.load(out)
    assert isinstance(loaded.heads["stance"].named_steps["model"], RelatedFirst)
    frame = pd.DataFrame({"text": ["The city bus fares plan: this is wrong, false and nonsense",
                                   "The park tree planting plan: this is wrong, false and nonsense"],
                          "article_title": ["Council plans city bus fares"] * 2})  # fmt: skip
    proba = loaded.predict_proba(frame)["stance"]
    labels = loaded.labels("stance")
    assert proba[1, labels.index("unrelated")] > proba[0, labels.index("unrelated")]
    assert proba[0, labels.index("disagree")] > proba[0, labels.index("agree")]
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    np.testing.assert_allclose(proba, loaded.heads["stance"].predict_proba(frame)[:, [list(loaded.heads["stance"].classes_).index(label) for label in labels]], atol=1e-9)


def test_loading_leaves_the_model_out_of_full_garbage_collections(small_model):
    import gc

    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    loaded = bundle.load(small_model)
    assert gc.get_freeze_count() > 0
    assert loaded.predict_proba(pd.DataFrame({"text": ["You stupid idiot."]}))["civility"].shape == (1, 2)


def test_a_saved_vocabulary_comes_back_as_it_was(small_model, tmp_path):
    """The features' string arrays are saved packed and their lookups rebuilt on load: a
    save and load gives the same fitted state, and a file written before packing (its
    arrays and lookups saved as they are) still loads to that state."""
    import joblib

    from moderation.features.space import PackedStrings

    loaded = bundle.load(small_model)
    features = loaded.heads["civility"].named_steps["features"]
    assert isinstance(features.__getstate__()["tokens_"], PackedStrings)
    assert "index_" not in features.__getstate__()
    unpacked = dict(vars(features))
    old_style = tmp_path / "old.joblib"
    joblib.dump(unpacked, old_style)
    again = type(features).__new__(type(features))
    again.__setstate__(joblib.load(old_style))
    for restored in (joblib.load(small_model / bundle.SCORING_FILE)["scorers"]["civility"].features, again):
        for key in ("tokens_", "word_names_", "gram_names_"):
            assert restored.__dict__[key].dtype == object
            assert restored.__dict__[key].tolist() == features.__dict__[key].tolist()
        assert restored.index_ == features.index_ and restored.gram_index_ == features.gram_index_
        assert len(restored.index_) > 0


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=12)))
def test_packed_strings_unpack_to_the_same_strings(strings):
    from moderation.features.space import PackedStrings

    packed = PackedStrings.pack(np.asarray(strings, dtype=object))
    assert packed.unpack().tolist() == strings
    assert packed.unpack().dtype == object
