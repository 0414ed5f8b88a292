"""Shared weights across sources: a word only one source uses one way does not steer the model."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.utils.estimator_checks import parametrize_with_checks

from moderation.learn import heads
from moderation.learn.pooling import SharedAcrossSources
from moderation.learn.train import TrainConfig, train_task


@parametrize_with_checks([SharedAcrossSources()])
def test_follows_the_scikit_learn_contract(estimator, check):
    check(estimator)


def two_sources(rows: int = 4000, seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Feature 0 marks uncivil comments in both sources; feature 1 marks them in source
    "news" and marks civil ones in source "tweets" (a word each source uses its own way);
    features 2-5 are noise."""
    generator = np.random.default_rng(seed)
    sources = np.where(np.arange(rows) % 2 == 0, "news", "tweets")
    X = generator.standard_normal((rows, 6))
    sign = np.where(sources == "news", 1.0, -1.0)
    score = 1.5 * X[:, 0] + 2.5 * sign * X[:, 1] + 0.5 * generator.standard_normal(rows)
    return X, np.where(score > 0, "uncivil", "civil"), sources


def test_without_sources_it_is_the_balanced_logistic_regression():
    X, y, _sources = two_sources()
    plain = LogisticRegression(C=0.5, class_weight="balanced", max_iter=3000).fit(X, y)
    for sources in (None, np.full(len(y), "news")):
        pooled = SharedAcrossSources(C=0.5).fit(X, y, sources=sources)
        np.testing.assert_allclose(pooled.coef_, plain.coef_, rtol=1e-6, atol=1e-8)
        np.testing.assert_allclose(pooled.intercept_, plain.intercept_, rtol=1e-6, atol=1e-8)
        assert pooled.sources_ == ([] if sources is None else ["news"])


def test_keeps_what_the_sources_share_and_leaves_what_they_do_not():
    X, y, sources = two_sources()
    pooled = SharedAcrossSources(C=1.0).fit(X, y, sources=sources)
    assert pooled.sources_ == ["news", "tweets"]
    assert pooled.coef_.shape == (1, 6)
    # Feature 1 means opposite things in the two sources: the shared weights leave it
    # to the corrections, and lean on feature 0, which means the same in both.
    assert abs(pooled.coef_[0, 1]) < 0.2 * pooled.coef_[0, 0]
    # On a third source where only feature 0 holds, the shared weights rank as well as
    # the pooled model does, or better.
    generator = np.random.default_rng(5)
    X_new = generator.standard_normal((2000, 6))
    truth = 1.5 * X_new[:, 0] + 0.5 * generator.standard_normal(2000) > 0
    plain = LogisticRegression(C=1.0, class_weight="balanced", max_iter=3000).fit(X, y)
    assert roc_auc_score(truth, pooled.decision_function(X_new)) >= roc_auc_score(truth, plain.decision_function(X_new)) - 1e-3


def test_refuses_sources_of_the_wrong_length():
    X, y, sources = two_sources(200)
    with pytest.raises(ValueError, match="sources has 100 entries for 200 rows"):
        SharedAcrossSources().fit(X, y, sources=sources[:100])


CIVIL = ["Thanks for the careful reporting on the ferry budget.", "I learned a lot about the harbour history here.",
         "The council vote is explained clearly, well done.", "Could the author check the figures in paragraph three?"]  # fmt: skip
UNCIVIL = ["You stupid idiot, this is garbage.", "What a pathetic moron of a writer.",
           "Shut up, nobody cares about your dumb opinion.", "Idiotic hack writing total crap."]  # fmt: skip


@pytest.fixture(scope="module")
def two_source_table() -> pd.DataFrame:
    rows = []
    for source in ("site_a", "site_b"):
        for index, text in enumerate(CIVIL + UNCIVIL):
            label = "civil" if text in CIVIL else "uncivil"
            rows.append({"text": f"{text} ({source} {index})", "civility": label, "group": f"{source}{index % 3}", "source": source})
    return pd.DataFrame(rows * 2)


def test_training_pools_a_head_whose_rows_come_from_two_sources(two_source_table):
    result = train_task(two_source_table, "civility", TrainConfig(n_jobs=1))
    assert isinstance(heads.linear_model(result.pipeline), SharedAcrossSources)
    assert result.cv["pooled_sources"] == ["site_a", "site_b"]
    proba = result.pipeline.predict_proba(pd.DataFrame({"text": ["You pathetic idiot.", "Thanks for the careful reporting."]}))
    assert proba[0, 1] > proba[1, 1]


def test_training_does_not_pool_when_told_not_to_or_with_one_source(two_source_table):
    result = train_task(two_source_table, "civility", TrainConfig(n_jobs=1, pool_sources=False))
    assert type(heads.linear_model(result.pipeline)) is LogisticRegression
    assert "pooled_sources" not in result.cv
    one = two_source_table[two_source_table["source"] == "site_a"]
    result = train_task(one, "civility", TrainConfig(n_jobs=1))
    assert type(heads.linear_model(result.pipeline)) is LogisticRegression


def test_the_setting_is_read_from_a_config_file():
    assert TrainConfig.from_mapping({"pool_sources": False}).pool_sources is False
    assert TrainConfig().pool_sources is True


def test_a_source_weighs_what_its_setting_says_in_its_task_and_the_scale_reaches_the_model(two_source_table):
    table = pd.concat([two_source_table, two_source_table.assign(source="written", group="w",
                                                               civility=np.where(two_source_table["civility"] == "civil", "uncivil", "civil"))])  # fmt: skip
    # A third source that labels every comment the other way round: weighed fully it cancels
    # what the sites teach; weighed a hundredth, the sites' notion stands.
    texts = pd.DataFrame({"text": ["You pathetic idiot.", "Thanks for the careful reporting."]})
    light = train_task(table, "civility", TrainConfig(n_jobs=1, source_weights={"civility": {"written": 0.01}},
                                                      source_scale={"civility": 0.25}))
    proba = light.pipeline.predict_proba(texts)
    assert proba[0, 1] > proba[1, 1]
    assert heads.linear_model(light.pipeline).source_scale == 0.25
    other = train_task(table, "civility", TrainConfig(n_jobs=1, source_weights={"threat": {"written": 0.01}}))
    assert heads.linear_model(other.pipeline).source_scale == 0.5  # a setting for another task changes nothing here
    full = train_task(table, "civility", TrainConfig(n_jobs=1))

    def gap(result):  # how far apart the two comments' P(uncivil) are
        return abs(float(np.diff(result.pipeline.predict_proba(texts)[:, 1])[0]))

    assert gap(full) < gap(light)


def test_source_settings_reach_each_task_they_name_and_are_recorded(two_source_table):
    from moderation.learn.train import train

    table = two_source_table.assign(article_title="Ferry budget",
                                    stance=[("agree", "disagree", "discuss", "unrelated")[i % 4] for i in range(len(two_source_table))])  # fmt: skip
    config = TrainConfig(n_jobs=1, source_weights={"civility": {"site_a": 0.5}, "stance": {"site_b": 0.5}},
                         source_scale={"civility": 0.35})  # fmt: skip
    results = train(table, ["civility", "stance"], config)
    assert results["civility"].cv["source_weights"] == {"site_a": 0.5} and results["civility"].cv["source_scale"] == 0.35
    assert results["stance"].cv["source_weights"] == {"site_b": 0.5} and "source_scale" not in results["stance"].cv


@pytest.mark.parametrize(("setting", "message"), [
    ({"source_weights": {"civility": {"written": 0}}}, "source_weights must name, per task, sources and positive numbers"),
    ({"source_weights": {"civility": 0.3}}, "source_weights must name, per task"),
    ({"source_weights": [0.3]}, "source_weights must be a table keyed by task"),
    ({"source_weights": {"written": {"civility": 0.3}}}, "source_weights: unknown task.s. written; known: civility"),
    ({"source_scale": {"civility": -1}}, "source_scale must give, per task, a positive number"),
    ({"source_scale": 0.35}, "source_scale must be a table keyed by task"),
])  # fmt: skip
def test_source_settings_out_of_range_are_refused_by_name(setting, message):
    from moderation.errors import ConfigError

    with pytest.raises(ConfigError, match=message):
        TrainConfig.from_mapping(setting)
    config = TrainConfig.from_mapping({"source_weights": {"civility": {"written": 0.3}}, "source_scale": {"threat": 0.35}})
    assert (config.source_weights, config.source_scale) == ({"civility": {"written": 0.3}}, {"threat": 0.35})


def test_train_refuses_an_unknown_setting_with_one_line(tmp_path, two_source_table):
    from typer.testing import CliRunner

    from moderation.cli import app

    data, config = tmp_path / "t.csv", tmp_path / "train.toml"
    two_source_table.to_csv(data, index=False)
    config.write_text("pool_source = false\n")
    result = CliRunner().invoke(app, ["train", str(data), "-o", str(tmp_path / "m"), "--config", str(config)])
    assert result.exit_code == 78  # a bad settings file, as for a policy
    assert ("unknown training setting(s): pool_source; known: balance_sources, c_grid, calibrate_on, folds, meaning, n_jobs, "
            "pool_sources, source_scale, source_weights") in result.stderr
    assert not (tmp_path / "m").exists()
