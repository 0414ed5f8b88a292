"""Scores for a table of comments: every input row comes out, scored or with its error.

`scores` is `{task: {label: probability}}` and `explain` is `{task: {label: [[feature,
weight], ...]}}` for the label each head ranks first, so a moderator sees why.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from moderation.errors import DataError

if TYPE_CHECKING:
    import pandas as pd

    from moderation.model import Model

TABLE_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet"}


def _clean(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        try:
            return value.item()
        except (ValueError, AttributeError):
            return value
    return value


def score_frame(model: Model, frame: pd.DataFrame, explain: bool = True, top: int = 6) -> list[dict[str, Any]]:
    """One record per row of `frame`: its own columns plus `scores`, `explain`, `error`."""
    if "text" not in frame.columns:
        raise DataError(f"no 'text' column to score; present: {', '.join(map(str, frame.columns))}")
    texts = frame["text"]
    usable = texts.notna() & texts.astype(str).str.strip().ne("")
    records = [{key: _clean(value) for key, value in row.items()} for row in frame.to_dict(orient="records")]
    positions = [index for index, ok in enumerate(usable.tolist()) if ok]
    if positions:
        subset = frame.iloc[positions].copy()
        subset["text"] = subset["text"].astype(str)
        predictions = model.predict(subset)
        probabilities = {task: proba for task, (proba, _labels) in predictions.items()}
        decided = {task: labels for task, (_proba, labels) in predictions.items()}
        explanations = model.explain(subset, top=top) if explain else None
        for offset, index in enumerate(positions):
            scores = {
                task: {label: round(float(p), 4) for label, p in zip(model.labels(task), proba[offset], strict=True)}
                for task, proba in probabilities.items()
            }
            records[index]["scores"] = scores
            records[index]["predicted"] = {task: decided[task][offset] for task in decided}
            if explanations is not None:
                records[index]["explain"] = {
                    task: {top_label: explanations[offset][task][top_label]}
                    for task, labels in scores.items()
                    for top_label in [max(labels, key=labels.get)]
                }
            records[index]["error"] = None
    for index, ok in enumerate(usable.tolist()):
        if not ok:
            reason = records[index].get("parse_error") or "empty text"
            records[index].update(scores=None, predicted=None, explain=None, error=reason)
    return records


def frames_from_inputs(inputs: list[str], chunk_rows: int = 20_000) -> Iterator[pd.DataFrame]:
    """Tables are read as they are; pages are parsed to one row per comment."""
    import pandas as pd

    from moderation.data import read_table
    from moderation.parse import iter_pages

    pages: list[str] = []
    for name in inputs:
        if name != "-" and Path(name).suffix.lower() in TABLE_SUFFIXES and not Path(name).is_dir():
            frame = read_table(name)
            for start in range(0, max(len(frame), 1), chunk_rows):
                yield frame.iloc[start : start + chunk_rows]
        else:
            pages.append(name)
    if pages:
        rows = []
        for result in iter_pages(pages):
            if result.page is None:
                rows.append({"article_source": result.source, "text": None, "parse_error": result.error})
                continue
            for comment in result.page.comments:
                rows.append(comment.to_dict())
        if rows:
            yield pd.DataFrame(rows)
