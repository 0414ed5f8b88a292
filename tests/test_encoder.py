"""The sentence encoder: offline, checked before it is read, and safe on any text."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from moderation.errors import ModelError
from moderation.features.encoder import DIMENSIONS, MANIFEST, Encoder, default_encoder_dir


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    return Encoder.load()


@pytest.fixture(scope="module")
def meaning_model(tmp_path_factory):
    """A small model whose heads also read the encoder: `train --encoder` on the
    hand-written table of tests/fixtures (seconds, not the shared data)."""
    from typer.testing import CliRunner

    from conftest import FIXTURES
    from moderation.cli import app

    directory = tmp_path_factory.mktemp("models") / "meaning"
    result = CliRunner().invoke(app, ["train", str(FIXTURES / "bundle_0.1_training.csv"), "-o", str(directory), "--encoder"])
    assert result.exit_code == 0, result.stderr
    return directory


def test_texts_become_unit_vectors_that_put_like_meanings_together(encoder):
    vectors = encoder.embed([
        "I will find you and break your legs.",
        "Watch your back, I know where you live.",
        "The council approved the new ferry timetable on Tuesday.",
    ])  # fmt: skip
    assert vectors.shape == (3, DIMENSIONS) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    threats, news = vectors[0] @ vectors[1], vectors[0] @ vectors[2]
    assert threats > news + 0.1


def test_an_empty_text_is_a_zero_vector_and_nothing_breaks_on_odd_input(encoder):
    texts = ["", "   ", None, "x" * 1_000_000, "สวัสดีครับ ทุกคน", "🙂🙂🙂", "Ⅻ ﬁ ∑ \u200b\u2063", "a" * 5000 + " word"]
    vectors = encoder.embed(texts)  # type: ignore[arg-type]
    assert vectors.shape == (len(texts), DIMENSIONS)
    assert not np.isnan(vectors).any()
    assert not vectors[:3].any()
    np.testing.assert_allclose(np.linalg.norm(vectors[3:], axis=1), 1.0, atol=1e-3)


def test_a_text_has_one_embedding_whatever_is_encoded_beside_it():
    """The int8 graph scales its activations per run: batched, a comment's embedding (and
    so its decision) would depend on the queue around it."""
    text = "I would never call anyone an idiot, but this tax plan is a mistake for the town."
    alone = Encoder.load().embed([text])
    among = Encoder.load().embed(["Short one.", "x " * 200, text, "Another comment about the ferry timetable and costs."])
    np.testing.assert_array_equal(among[2], alone[0])


def test_each_distinct_text_is_encoded_once(encoder):
    calls = []
    text = "A comment that repeats, as an article's title does across its comments."
    encoder.embed([text, text, text], progress=calls.append)
    encoder.embed([text], progress=calls.append)
    assert sum(calls) <= 1


def test_embeddings_kept_in_a_store_come_back_identical(encoder, tmp_path):
    texts = ["The first stored text, long enough to mean something.", "And a second one about the harbour ferry."]
    first = encoder.embed(texts)
    encoder.keep(tmp_path)
    fresh = Encoder.load()
    assert fresh.remember(tmp_path) >= 2
    calls = []
    np.testing.assert_array_equal(fresh.embed(texts, progress=calls.append), first)
    assert not calls


def _copy(tmp_path):
    target = tmp_path / "encoder"
    shutil.copytree(default_encoder_dir(), target)
    return target


def test_a_missing_encoder_file_is_refused_by_name(tmp_path):
    directory = _copy(tmp_path)
    (directory / "minilm-int8.onnx").unlink()
    with pytest.raises(ModelError, match="model file minilm-int8.onnx is missing"):
        Encoder.load(directory)


def test_an_altered_encoder_file_is_refused(tmp_path):
    directory = _copy(tmp_path)
    with (directory / "tokenizer.json").open("ab") as stream:
        stream.write(b" ")
    with pytest.raises(ModelError, match="sha256 differs"):
        Encoder.load(directory)


@pytest.mark.parametrize("manifest", ["{not json", json.dumps({"files": {}}), json.dumps([1, 2])])
def test_a_malformed_manifest_is_refused(tmp_path, manifest):
    directory = _copy(tmp_path)
    (directory / MANIFEST).write_text(manifest)
    with pytest.raises(ModelError, match="malformed"):
        Encoder.load(directory)


def test_a_directory_without_a_manifest_is_not_an_encoder(tmp_path):
    with pytest.raises(ModelError, match="not an encoder directory"):
        Encoder.load(tmp_path)


def test_a_model_refuses_an_encoder_other_than_its_own(monkeypatch, tmp_path):
    """Features fitted with one encoder would read another's vectors as noise."""
    from moderation.features import encoder as encoders
    from moderation.features.space import FeatureSpace

    space = FeatureSpace(meaning=True)
    space.encoder_ = {"id": "other@000000000000", "sha256": "0" * 64}
    monkeypatch.setattr(encoders, "_SHARED", {})
    with pytest.raises(ModelError, match="trained with encoder other@000000000000"):
        space.encoder()


def test_a_model_with_a_changed_encoder_is_refused_with_one_line(tmp_path, meaning_model):
    """A command line, not a traceback: exit 69 for score, 1 (hold the comment) for check."""
    import os
    import subprocess
    import sys

    directory = _copy(tmp_path)
    with (directory / "minilm-int8.onnx").open("r+b") as stream:
        stream.seek(1000)
        stream.write(b"\x00\x01\x02\x03")
    queue = tmp_path / "queue.csv"
    queue.write_text("text\nA comment long enough to be scored by the model about the ferry timetable.\n")
    env = {**os.environ, "MODERATION_ENCODER": str(directory)}
    score = subprocess.run([sys.executable, "-m", "moderation", "score", str(queue), "--model", str(meaning_model)],
                           capture_output=True, text=True, env=env, timeout=300)  # fmt: skip
    assert score.returncode == 69
    assert score.stderr.strip().count("\n") == 0 and "sha256 differs" in score.stderr
    assert "Traceback" not in score.stderr
    check = subprocess.run([sys.executable, "-m", "moderation", "check", "--model", str(meaning_model),
                            "A comment long enough to be scored by the model, about the ferry timetable."],
                           capture_output=True, text=True, env=env, timeout=300)  # fmt: skip
    assert check.returncode == 1 and "sha256 differs" in check.stderr and "Traceback" not in check.stderr


def test_odd_texts_through_a_model_that_reads_meaning_keep_every_row(meaning_model):
    import pandas as pd

    from moderation.decide.moderator import Moderator

    texts = ["", "x" * 1_000_000, "สวัสดีครับ ทุกคน นี่คือความคิดเห็นที่ยาวพอที่จะผ่านกฎความยาวขั้นต่ำ",
             "🙂" * 60, "A plain comment that is long enough to pass the minimum length rule of the site."]
    frame = pd.DataFrame({"text": texts, "article_title": ["", "Ferry cuts", "", "Ferry cuts", "   "]})
    out = Moderator.load(model=meaning_model).score(frame)
    assert len(out) == len(texts)
    assert out.loc[0, "error"] == "empty text"
    assert all(out.loc[i, "action"] in ("publish", "hold", "reject") for i in range(1, len(texts)))


def test_a_model_that_reads_meaning_records_its_encoder_and_explains_it(meaning_model):
    from moderation.decide.moderator import Moderator
    from moderation.learn.bundle import load

    model = load(meaning_model)
    assert model.meta["encoder"]["sha256"] == Encoder.load().manifest["files"]["model"]["sha256"]
    assert "Pretrained parts" in (meaning_model / "README.md").read_text()
    decision = Moderator(model=model).check("You are not an idiot, but this plan for the ferry is simply wrong.",
                                            article={"title": "Council cuts the ferry"})  # fmt: skip
    assert decision["explain"]  # the decision's own explanation, its top words
    import pandas as pd

    frame = pd.DataFrame({"text": ["You are not an idiot, but this plan for the ferry is simply wrong."], "article_title": ["Council cuts the ferry"]})
    _predictions, explanations = model.predict_explained(frame, explain_top=200, explain_all=True)
    names = [name for by_label in explanations[0].values() for entries in by_label.values() for name, _value in entries]
    assert "[meaning]" in names  # the encoder's 384 columns, summed into one entry
