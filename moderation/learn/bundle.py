"""The saved model bundle: `model.joblib` (every head), `meta.json` and a generated card.

Pickles run code when loaded (joblib says so on `load`), so a bundle is loaded only after
its file matches the sha256 recorded in `meta.json` and the running scikit-learn is of the
minor release that wrote it. Only load bundles you or this project made.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from moderation.errors import ModelError, OutputError
from moderation.features.inputs import rows_slice
from moderation.io.files import sha256, user_mode
from moderation.learn.card import (
    CARD_FILE,
    META_FILE,
    MODEL_FILE,
    SCORING_FILE,
    card,
    encoder_entry,
    versions,
)
from moderation.learn.labels import decide

if TYPE_CHECKING:
    import pandas as pd

    from moderation.learn.scorer import HeadScorer
    from moderation.learn.train import TaskResult

SLICE_ROWS = 4_096
"""Rows scored by all heads at a time: large enough that the array work per slice costs
little per row, small enough that memory stays flat however long the queue."""
FORMAT_VERSION = 3
"""3 adds `SCORING_FILE`; bundles of format 2 (the pipelines alone) still load."""
DEFAULT_MODEL = Path(__file__).resolve().parents[2] / "models" / "default"
"""The checkout's models/default; an installed package finds its copy as package data."""


SHIPPED = {"default": "default", "fast": "default", "accurate": "accurate"}
"""The shipped models by the names `--model` takes: `default` (also `fast`) is the lexical
tier, `accurate` the one that also reads the sentence encoder (docs/models.md)."""


def resolve(name: str | Path | None) -> Path:
    """A model directory from what a user typed: a shipped model's name (`SHIPPED`), unless
    a directory of that name exists here, else a path; None is the default model."""
    if not name:
        return default_model_dir()
    path = Path(name)
    if str(name) in SHIPPED and not path.exists():
        return shipped_dir(SHIPPED[str(name)])
    return path


def shipped_dir(name: str) -> Path:
    """A shipped model: the checkout's models/NAME, or the installed package's copy."""
    if (DEFAULT_MODEL.parent / name / MODEL_FILE).exists():
        return DEFAULT_MODEL.parent / name
    from importlib.resources import files

    return Path(str(files("moderation._models") / name))


def default_model_dir() -> Path:
    """`MODERATION_MODEL` if set, else the default model shipped with the package."""
    if os.environ.get("MODERATION_MODEL"):
        return resolve(os.environ["MODERATION_MODEL"])
    return shipped_dir("default")


class Model:
    """A loaded bundle: each task's `scorer.HeadScorer`, which is all that scoring reads,
    its fitted scikit-learn pipeline (read from the bundle when first asked for: only
    evaluation and tests compare against it), and the metadata it was saved with."""

    def __init__(self, meta: dict[str, Any], heads: dict[str, Any] | None = None,
                 scorers: dict[str, HeadScorer] | None = None, path: Path | None = None) -> None:  # fmt: skip
        if heads is None and scorers is None:
            raise ValueError("a Model needs its heads, its scorers or both")
        self.meta = meta
        self.path = path
        self._heads = heads
        self._scorers = scorers
        self._weights: dict[str, Any] = {}
        self._explain: dict[str, Any] = {}

    @functools.cached_property
    def id(self) -> str:
        """Named in every decision, so worked out once."""
        return f"{self.meta.get('name', 'model')}@{self.meta.get('model_sha256', '')[:12]}"

    @property
    def tasks(self) -> list[str]:
        return list(self.scorers)

    @property
    def scorers(self) -> dict[str, HeadScorer]:
        """Per task, the head as scoring reads it: from the bundle's `SCORING_FILE`, or
        taken out of the pipelines (a bundle of format 2, or a model just trained)."""
        if self._scorers is None:
            from moderation.learn.heads import head_scorer

            self._scorers = {task: head_scorer(pipeline) for task, pipeline in self.heads.items()}
        return self._scorers

    @property
    def heads(self) -> dict[str, Any]:
        """Per task, the fitted scikit-learn `Pipeline`: read from `MODEL_FILE` on first
        use, after the same checks as `load`, and given back the features it shares with
        the scorers."""
        if self._heads is None:
            if self.path is None:
                raise ModelError("this model has no pipelines and no bundle to read them from")
            directory, meta = verify(self.path)
            if meta["model_sha256"] != self.meta.get("model_sha256"):
                raise ModelError(f"{directory}: the bundle was replaced after this model was loaded; load it again")
            heads = _read(directory / MODEL_FILE, {FORMAT_VERSION}, "heads")
            self._heads = _with_features(heads, self.scorers)
        return self._heads

    def labels(self, task: str) -> list[str]:
        return list(self.meta["tasks"][task]["labels"])

    def task_labels(self) -> dict[str, list[str]]:  # as `io.output.flat_decision` lays out its columns
        return {task: self.labels(task) for task in self.tasks}

    def predict(self, frame: pd.DataFrame, tasks: list[str] | None = None) -> dict[str, tuple[Any, list[str]]]:
        """See `predict_explained`; this is it without explanations."""
        return self.predict_explained(frame, tasks, explain_top=0)[0]

    def predict_explained(
        self, frame: pd.DataFrame, tasks: list[str] | None = None, explain_top: int = 6, explain_all: bool = False
    ) -> tuple[dict[str, tuple[Any, list[str]]], list[dict[str, Any]] | None]:
        """`_predict_slice` over slices of `SLICE_ROWS` rows, joined. Explanations are for
        each row's most probable label per task, or for every label with `explain_all`."""
        import numpy as np

        if len(frame) <= SLICE_ROWS:
            return self._predict_slice(frame, tasks, explain_top, explain_all)
        parts = [self._predict_slice(rows_slice(frame, start, start + SLICE_ROWS), tasks, explain_top, explain_all)
                 for start in range(0, len(frame), SLICE_ROWS)]  # fmt: skip
        joined = {task: (np.vstack([part[0][task][0] for part in parts]), [label for part in parts for label in part[0][task][1]])
                  for task in parts[0][0]}  # fmt: skip
        explanations = [row for part in parts for row in part[1]] if explain_top else None
        return joined, explanations

    def _predict_slice(
        self, frame: pd.DataFrame, tasks: list[str] | None = None, explain_top: int = 6, explain_all: bool = False
    ) -> tuple[dict[str, tuple[Any, list[str]]], list[dict[str, Any]] | None]:
        """Per task: calibrated probabilities (rows, labels) in `labels(task)` order, and
        the label each row gets.

        The label is read off the probabilities, so it never contradicts them (`decide`):
        two classes, the second label when its probability reaches the recorded
        threshold; more, the label whose probability stands highest above its share of
        the training rows.

        With `explain_top`, also the explanations (per row, per task), computed from the
        same features, which saves a second pass over the text.
        """
        from moderation.learn import scorer as scoring

        chosen = {task: head for task, head in self.scorers.items() if tasks is None or task in tasks}
        # Heads sharing one features object tokenise the slice once, for the union of
        # the blocks they read.
        computed: dict[int, dict[str, Any]] = {}
        for head in chosen.values():
            needed = tuple(dict.fromkeys(block for other in chosen.values() if other.features is head.features
                                         for block in other.blocks))  # fmt: skip
            if id(head.features) not in computed:
                computed[id(head.features)] = head.features.transform_blocks(frame, needed)
        out = {}
        per_task = {}
        for task, head in chosen.items():
            labels = self.labels(task)
            blocks = computed[id(head.features)]
            weights = self._weights.get(task)
            if weights is None:
                weights = self._weights[task] = scoring.block_weights(head)
            proba, _balanced = scoring.predict(head, scoring.decision(head, blocks, weights))
            proba = proba[:, [head.classes.index(label) for label in labels]]
            decided = self.decide(task, proba)
            out[task] = (proba, decided)
            if explain_top:
                top_labels = None if explain_all else decided
                table = self._explain.get(task)
                if table is None:
                    table = self._explain[task] = scoring.explain_table(head, weights)
                per_task[task] = scoring.explain(head, frame, explain_top, blocks, top_labels, weights, table)
        if not explain_top:
            return out, None
        return out, [{task: per_task[task][row] for task in per_task} for row in range(len(frame))]

    def decide(self, task: str, proba: Any) -> list[str]:
        """Each row's label from its probabilities (in `labels(task)` order): the rule of
        `labels.decide`."""
        stages = self.scorers[task].two_stage if task in self.scorers else None
        return decide(self.labels(task), self.meta["tasks"][task], proba, stages)

    def predict_proba(self, frame: pd.DataFrame, tasks: list[str] | None = None) -> dict[str, Any]:
        """Per task, calibrated probabilities of shape (rows, labels) in `labels(task)` order."""
        return {task: proba for task, (proba, _labels) in self.predict(frame, tasks).items()}


def save(
    results: dict[str, TaskResult],
    directory: str | Path,
    training_files: list[str],
    force: bool = False,
    extra_meta: dict[str, Any] | None = None,
) -> Path:
    """Write the bundle into `directory` all at once: a temporary sibling, then a rename."""
    import joblib

    directory = Path(directory)
    if directory.exists() and not force:
        raise OutputError(f"{directory} exists; pass --force to replace it")
    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{directory.name}.", dir=directory.parent))
    try:
        staging.chmod(user_mode(0o777))  # mkdtemp makes it private; a model directory is not
        heads = {task: result.pipeline for task, result in results.items()}
        joblib.dump({"format": FORMAT_VERSION, "scorers": scoring_form(heads)}, staging / SCORING_FILE, compress=3)
        joblib.dump({"format": FORMAT_VERSION, "heads": _without_features(heads)}, staging / MODEL_FILE, compress=3)
        meta = {
            "name": directory.name,
            "format": FORMAT_VERSION,
            "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "versions": versions(),
            "model_sha256": sha256(staging / MODEL_FILE),
            "model_bytes": (staging / MODEL_FILE).stat().st_size,
            "scoring_sha256": sha256(staging / SCORING_FILE),
            "scoring_bytes": (staging / SCORING_FILE).stat().st_size,
            "training_files": [{"path": str(path), "sha256": sha256(Path(path))} for path in training_files],
            "encoder": encoder_entry(heads),
            "tasks": {
                task: {
                    "labels": result.labels,
                    "rows": result.rows,
                    "class_counts": result.class_counts,
                    "dropped": result.dropped,
                    "C": result.C,
                    "threshold": result.threshold,
                    "cross_validation": result.cv,
                    "seconds": round(result.seconds, 1),
                }
                for task, result in results.items()
            },
            **(extra_meta or {}),
        }
        if "civility" in results:
            meta["audit"] = _audit(heads, meta)
        (staging / META_FILE).write_text(json.dumps(meta, indent=2) + "\n")
        (staging / CARD_FILE).write_text(card(meta))
        if directory.exists():
            backup = directory.with_name(f".{directory.name}.old")
            shutil.rmtree(backup, ignore_errors=True)
            directory.rename(backup)
            staging.rename(directory)
            shutil.rmtree(backup, ignore_errors=True)
        else:
            staging.rename(directory)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return directory


def _audit(heads: dict[str, Any], meta: dict[str, Any]) -> dict[str, Any]:
    """The identity-term audit (`learn.audit`) every saved model's card reports."""
    from moderation.learn.audit import DEFAULT_THRESHOLD, audit_model, summary

    model = Model(heads=heads, meta=meta)
    return {"threshold": DEFAULT_THRESHOLD, **summary(audit_model(model, DEFAULT_THRESHOLD))}


def scoring_form(heads: dict[str, Any]) -> dict[str, HeadScorer]:
    """Each pipeline as a `scorer.HeadScorer`, the heads sharing one plain
    `features.space.FeatureSpace` as their pipelines share one `heads.TextFeatures`."""
    from moderation.features.space import FeatureSpace
    from moderation.learn.heads import head_scorer

    plain = _shared_as({task: pipeline.named_steps["features"] for task, pipeline in heads.items()}, FeatureSpace)
    return {task: head_scorer(pipeline, plain[task]) for task, pipeline in heads.items()}


def _without_features(heads: dict[str, Any]) -> dict[str, Any]:
    """The pipelines with a placeholder for their fitted features, which the scoring file
    holds: saved twice, they had been 4 of the default model's 14 MB."""
    from sklearn.pipeline import Pipeline

    return {task: Pipeline([("features", "passthrough"), *pipeline.steps[1:]]) for task, pipeline in heads.items()}


def _with_features(heads: dict[str, Any], scorers: dict[str, HeadScorer]) -> dict[str, Any]:
    """The pipelines of `_without_features` with their features back: each scorer's, as a
    scikit-learn transformer (one for all heads that share them)."""
    from moderation.learn.heads import TextFeatures

    transformers = _shared_as({task: scorers[task].features for task in heads}, TextFeatures)
    for task, pipeline in heads.items():
        pipeline.steps[0] = ("features", transformers[task])
    return heads


def _shared_as(features: dict[str, Any], kind: type) -> dict[str, Any]:
    """Each task's fitted features as an object of `kind` (`FeatureSpace.fitted_as`): one
    for all the tasks that share them, as they were shared before."""
    converted: dict[int, Any] = {}
    for value in features.values():
        if id(value) not in converted:
            converted[id(value)] = value.fitted_as(kind)
    return {task: converted[id(value)] for task, value in features.items()}


def load(directory: str | Path | None = None) -> Model:
    """Load a bundle after checking its hashes and library version; ModelError otherwise.

    Only what scoring reads is loaded (`SCORING_FILE`; the pipelines of a bundle of
    format 2): the pipelines of a newer bundle are read when first asked for."""
    directory, meta = verify(directory)
    if "scoring_sha256" in meta:
        model = Model(meta, scorers=_read(directory / SCORING_FILE, {FORMAT_VERSION}, "scorers"), path=directory)
    else:
        model = Model(meta, heads=_read(directory / MODEL_FILE, {2}, "heads"), path=directory)
    _settle()
    return model


def _read(path: Path, formats: set[int], key: str) -> Any:
    """`key` of the bundle file at `path`, or ModelError when it is not one of `formats`."""
    import joblib

    try:
        bundle = joblib.load(path)
    except Exception as error:  # a corrupt pickle raises many types
        raise ModelError(f"{path}: cannot load ({type(error).__name__})") from error
    if not isinstance(bundle, dict) or bundle.get("format") not in formats or key not in bundle:
        raise ModelError(f"{path}: not a model bundle of format {' or '.join(map(str, sorted(formats)))}")
    return bundle[key]


def verify(directory: str | Path | None = None) -> tuple[Path, dict[str, Any]]:
    """The checks `load` makes before unpickling (metadata, the sha256 of each file, the
    scikit-learn release): (directory, metadata), or ModelError. A process that hands
    the scoring to workers checks the model this way and leaves loading it to them."""
    directory = resolve(directory)
    meta_path, model_path = directory / META_FILE, directory / MODEL_FILE
    if not meta_path.exists() or not model_path.exists():
        raise ModelError(f"{directory}: not a model directory (needs {MODEL_FILE} and {META_FILE})")
    try:
        meta = json.loads(meta_path.read_text())
    except ValueError as error:
        raise ModelError(f"{meta_path}: unreadable metadata ({error})") from error
    if not isinstance(meta, dict) or "model_sha256" not in meta or "tasks" not in meta:
        raise ModelError(f"{meta_path}: metadata lacks model_sha256 or tasks")
    files = [(model_path, meta["model_sha256"])]
    if "scoring_sha256" in meta:
        files.append((directory / SCORING_FILE, meta["scoring_sha256"]))
    for path, recorded in files:
        if not path.exists():
            raise ModelError(f"{directory}: not a model directory (needs {path.name}, which meta.json records)")
        if sha256(path) != recorded:
            raise ModelError(f"{path}: sha256 does not match meta.json; the file was changed or truncated, refusing to load it")
    running = _installed_sklearn()
    wrote = meta.get("versions", {}).get("scikit-learn")
    if _minor(wrote) != _minor(running):
        raise ModelError(
            f"{directory}: written by scikit-learn {wrote}, this is {running}; "
            f"install scikit-learn=={wrote} or retrain with `moderation train`"
        )
    if wrote != running:
        import warnings

        warnings.warn(f"{directory}: written by scikit-learn {wrote}, loading with {running} "
                      "(same minor release)", stacklevel=3)  # fmt: skip
    return directory, meta


def _installed_sklearn() -> str:
    """The installed scikit-learn release, read from its package metadata: scoring never
    imports scikit-learn, and importing it only to read its version took 1.6 s."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("scikit-learn")
    except PackageNotFoundError:  # installed without metadata (vendored, frozen)
        import sklearn

        return sklearn.__version__


def _settle() -> None:
    """Leave what is alive now (the imported libraries and the model just loaded) out of
    the garbage collector's full passes.

    Scoring a queue makes many small objects (records, reasons, explanations), which sets
    off full collections; each one walked every object of pandas, scikit-learn and the
    model again: 16 % of `score`'s time on 9,606 C3 comments, and freezing makes it 20 %
    faster. Frozen objects are still freed when nothing refers to them; only reference
    cycles among them stay, which suits what a process loads once and keeps.
    """
    import gc

    gc.freeze()


def _minor(version: str | None) -> tuple[str, ...]:
    """Major and minor release: scikit-learn keeps estimators' pickled state within one
    minor release, and changes it between them."""
    return tuple((version or "").split(".")[:2])
