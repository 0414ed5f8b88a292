"""The training settings a newsroom may set (`moderation train --config FILE`): a registry of
keys with their defaults and checks, so that a key misspelt or out of range is refused by
name before any training starts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from moderation.errors import ConfigError
from moderation.io.tables import TASKS

C_GRID = (0.5, 2.0)
"""Regularisation strengths tried per head; small on purpose, to keep training in minutes."""
TASK_C_GRID = {"stance": (0.5, 2.0, 8.0)}
"""Stance's second stage learns from few related pairs and may want weaker
regularisation; the grouped cross-validation decides (on the shared data it picks 8)."""
CV_FOLDS = 3

SETTINGS = ("c_grid", "folds", "balance_sources", "pool_sources", "n_jobs", "meaning", "calibrate_on", "source_weights",
            "source_scale")
"""The keys a `--config` file may set; the training settings table of docs/models.md lists each."""


@dataclass
class TrainConfig:
    """Knobs a newsroom may set in a `--config` TOML file (all optional)."""

    c_grid: tuple[float, ...] | None = None
    """None: `TASK_C_GRID` for the task, else `C_GRID`."""
    folds: int = CV_FOLDS
    balance_sources: bool = True
    pool_sources: bool = True
    """With rows from two or more sources, keep only the weights they share
    (`pooling.SharedAcrossSources`)."""
    n_jobs: int = -1
    meaning: bool = False
    """Add the sentence encoder's blocks (`features.meaning`) to every head."""
    calibrate_on: tuple[str, ...] = ()
    """Sources (values of `source`) whose rows alone fit a two-label head's calibration,
    from the grouped cross-validation's out-of-fold scores: trained on news comments and
    tweets, a probability should still mean what it says on news comments. Empty: the
    head's own cross-validated calibration on all its rows."""
    source_weights: dict[str, dict[str, float]] = field(default_factory=dict)
    """Per task, a factor on the weight of a source's rows (values of `source`), after each
    source is given the same total (`balance_sources`): `{"civility": {"capabilities": 0.1}}`
    makes the set written for the purpose weigh a tenth of a dataset in the civility head,
    so that it teaches its capabilities without pulling the head away from the comments of
    real sites, and leaves the threat head, whose only threats it holds, as it was."""
    source_scale: dict[str, float] = field(default_factory=dict)
    """Per task, how large each source's copy of the features is when sources are pooled
    (`pooling.SOURCE_SCALE` for a task not named): smaller, the shared weights carry more."""
    embeddings_store: Path | None = None
    """Where the encoder keeps the embeddings of training texts between runs, so that
    `make model` encodes each text of the shared data once, not at every rebuild."""
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> TrainConfig:
        """Settings from a `--config` TOML table; a setting of the wrong type or out of
        range is refused by name (`ConfigError`, exit 78). A float that is a whole
        number (`folds = 3.0`) counts as that number, as TOML users write it."""
        unknown = sorted(set(data) - set(SETTINGS))
        if unknown:
            raise ConfigError(f"unknown training setting(s): {', '.join(unknown)}; known: {', '.join(sorted(SETTINGS))}")
        config = cls()
        if "c_grid" in data:
            value = data["c_grid"]
            if not isinstance(value, list) or not value or not all(_number(item) and item > 0 for item in value):
                raise ConfigError(f"c_grid must be a non-empty list of positive numbers, got {value!r}")
            config.c_grid = tuple(float(item) for item in value)
        if "folds" in data:
            config.folds = _whole("folds", data["folds"], low=2)
        if "n_jobs" in data:
            config.n_jobs = _whole("n_jobs", data["n_jobs"], low=-1)
            if config.n_jobs == 0:
                raise ConfigError("n_jobs must be a number of processes, or -1 for one per core; got 0")
        for name in ("balance_sources", "pool_sources", "meaning"):
            if name in data:
                if not isinstance(data[name], bool):
                    raise ConfigError(f"{name} must be true or false, got {data[name]!r}")
                setattr(config, name, data[name])
        if "source_weights" in data:
            value = _per_task("source_weights", data["source_weights"])
            if not all(isinstance(table, dict) and all(isinstance(name, str) and _number(item) and item > 0 for name, item in table.items())
                       for table in value.values()):  # fmt: skip
                raise ConfigError(f"source_weights must name, per task, sources and positive numbers "
                                  f"(source_weights.civility = {{capabilities = 0.1}}), got {value!r}")  # fmt: skip
            config.source_weights = {task: {name: float(item) for name, item in table.items()} for task, table in value.items()}
        if "source_scale" in data:
            value = _per_task("source_scale", data["source_scale"])
            if not all(_number(item) and item > 0 for item in value.values()):
                raise ConfigError(f"source_scale must give, per task, a positive number (source_scale.civility = 0.35), got {value!r}")
            config.source_scale = {task: float(item) for task, item in value.items()}
        if "calibrate_on" in data:
            value = data["calibrate_on"]
            if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
                raise ConfigError(f"calibrate_on must be a list of source names, got {value!r}")
            config.calibrate_on = tuple(value)
        return config


def _per_task(name: str, value: Any) -> dict[str, Any]:
    """A setting given per task: a table whose keys are task names."""
    if not isinstance(value, dict) or not value:
        raise ConfigError(f"{name} must be a table keyed by task ({', '.join(TASKS)}), got {value!r}")
    unknown = sorted(set(value) - set(TASKS))
    if unknown:
        raise ConfigError(f"{name}: unknown task(s) {', '.join(map(str, unknown))}; known: {', '.join(TASKS)}")
    return value


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _whole(name: str, value: Any, low: int) -> int:
    """An integer setting: an int, or a float that is a whole number."""
    if not _number(value) or value != int(value):
        raise ConfigError(f"{name} must be a whole number, got {value!r}")
    if value < low:
        raise ConfigError(f"{name} must be {low} or more, got {value!r}")
    return int(value)
