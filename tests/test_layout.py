"""The package's layout: imports follow the flow, old paths and old model files still work,
and no module grows past what one reader can hold."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from conftest import FIXTURES, ROOT

PACKAGE = ROOT / "moderation"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    if not LINT_IMPORTS.exists():
        pytest.skip("import-linter is not installed (it comes with the test extras)")
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=cwd, capture_output=True, text=True,
                          env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"}, timeout=300)  # fmt: skip


def test_imports_follow_the_flow_with_no_circle():
    """pyproject.toml's contracts: each step imports only the steps below it, and no two
    modules of one package import each other, directly or through others."""
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "2 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(("module", "backward"), [
    ("features/inputs.py", "import moderation.decide.policy"),  # against the flow
    ("learn/heads.py", "import moderation.learn.bundle"),  # a circle: bundle imports heads
])  # fmt: skip
def test_the_import_contracts_catch_a_backward_import(tmp_path, module, backward):
    shutil.copytree(PACKAGE, tmp_path / "moderation", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "moderation" / module
    target.write_text(target.read_text() + f"\n\ndef _backward() -> None:\n    {backward}\n")
    result = _lint_imports(tmp_path)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout and "0 broken" not in result.stdout


def test_no_module_is_longer_than_about_400_lines():
    """A module past about 400 lines holds more than one thing; split it by what it holds."""
    long = {str(path.relative_to(PACKAGE)): n for path in PACKAGE.rglob("*.py")
            if (n := len(path.read_text().splitlines())) > 420}  # fmt: skip
    assert not long


def test_the_old_module_paths_still_import_with_a_warning():
    from moderation.decide.moderator import Moderator
    from moderation.features.space import FeatureSpace
    from moderation.learn.heads import TextFeatures

    with pytest.warns(DeprecationWarning, match="moderation.moderator moved to moderation.decide.moderator"):
        from moderation.moderator import Moderator as old_moderator  # noqa: N813
    assert old_moderator is Moderator
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import moderation.vectorize as old_vectorize

    assert old_vectorize.FeatureSpace is FeatureSpace
    assert old_vectorize.TextFeatures is TextFeatures
    with pytest.raises(AttributeError, match="moved to"):
        _ = old_vectorize.no_such_name


def test_a_model_written_before_the_move_loads_and_scores_the_same():
    """tests/fixtures/bundle_0.1 was written by 0.1's flat layout (HOW.md there); its
    pickles name `moderation.vectorize.FeatureSpace` and the like."""
    from moderation.learn import bundle

    directory = FIXTURES / "bundle_0.1"
    expected = json.loads((directory / "expected.json").read_text())
    model = bundle.load(directory)
    frame = pd.DataFrame({"text": expected["texts"], "article_title": expected["article_title"]})
    predictions = model.predict(frame)
    assert set(predictions) == set(expected["predictions"])
    for task, (probabilities, labels) in predictions.items():
        np.testing.assert_allclose(probabilities, expected["predictions"][task]["probabilities"], rtol=0, atol=1e-12)
        # 0.1's labels for stance were the balanced model's, which could contradict the
        # probabilities; the label is now read off them (`Model.decide`).
        assert list(labels) == model.decide(task, np.asarray(expected["predictions"][task]["probabilities"]))
    assert set(model.heads) == set(expected["predictions"])  # the scikit-learn pipelines load too
