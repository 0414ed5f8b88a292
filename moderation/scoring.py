"""The rows to score: queues read in chunks (memory stays flat on millions of rows), and
pages parsed to one row per comment with their article's fields and stated policy; and
the chunks scored, here or in worker processes.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from moderation.moderator import Moderator
    from moderation.policy import Policy, Reason

TABLE_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet"}


def frames_from_inputs(inputs: list[str], chunk_rows: int = 20_000) -> Iterator[pd.DataFrame]:
    """Tables are read as they are; pages are parsed to one row per comment."""
    import pandas as pd

    from moderation.data import iter_table
    from moderation.parse import iter_pages

    pages: list[str] = []
    for name in inputs:
        if name == "-" or (Path(name).suffix.lower() in TABLE_SUFFIXES and not Path(name).is_dir()):
            yield from iter_table(name, chunk_rows)
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


@dataclass
class Scored:
    """One chunk's decisions: as records, or already written as JSON Lines (`text`) when
    that is the output, so that worker processes do the writing work too."""

    rows: int
    records: list[dict[str, Any]] | None
    text: str | None
    actions: Counter[str]
    rules: Counter[str]

    def __len__(self) -> int:
        return self.rows


def score_records(frames: Iterator[pd.DataFrame], moderator: Moderator, explain: bool = True,
                  jobs: int = 1, as_jsonl: bool = False) -> Iterator[Scored]:  # fmt: skip
    """Each chunk's rows with their decisions, in input order.

    With `jobs` other than 1, chunks are scored in that many worker processes (-1: one
    per core), each loading the model once. The repeat and flood memory stays here, in
    input order, so the decisions are exactly those of the serial path.
    """
    frames = iter(frames)
    first = next(frames, None)
    second = next(frames, None) if first is not None else None
    frames = itertools.chain([frame for frame in (first, second) if frame is not None], frames)
    if jobs == 1 or second is None:
        # One chunk: starting workers (each loading the model) would cost more than it saves.
        for frame in frames:
            yield _scored(moderator.score_records(frame, explain=explain), as_jsonl)
        return
    from joblib import Parallel, delayed

    model_dir = str(moderator.model_dir) if moderator.model_dir is not None else None

    def tasks() -> Iterator[Any]:
        for frame in frames:
            yield delayed(_score_chunk)(frame, model_dir, moderator.policy, explain, _history(moderator, frame), as_jsonl)

    with Parallel(n_jobs=jobs, return_as="generator", pre_dispatch="2*n_jobs") as parallel:
        yield from parallel(tasks())


_WORKER: dict[tuple[str | None, str], Moderator] = {}


def worker_moderator(model_dir: str | None, policy: Policy) -> Moderator:
    """The moderator of this worker process (joblib or Dask), loaded on its first chunk
    and kept for the next ones while the model and policy stay the same."""
    from moderation.moderator import Moderator

    key = (model_dir, policy.hash)
    if key not in _WORKER:
        _WORKER.clear()
        _WORKER[key] = Moderator(policy=policy, model_dir=model_dir)
    return _WORKER[key]


def _score_chunk(frame: pd.DataFrame, model_dir: str | None, policy: Policy, explain: bool,
                 history: list[list[Reason]], as_jsonl: bool) -> Scored:  # fmt: skip
    """One chunk in a worker process."""
    return _scored(worker_moderator(model_dir, policy).score_records(frame, explain=explain, history=history), as_jsonl)


def _history(moderator: Moderator, frame: pd.DataFrame) -> list[list[Reason]]:
    """The repeat and flood reasons of a chunk, taken here in input order. Only rows with
    an author have any, and only their text, author and time are read."""
    from moderation.moderator import rows_for_decisions

    if "author" not in frame.columns:
        return [[] for _ in range(len(frame))]
    columns = ["text", "author"] + (["posted_at"] if "posted_at" in frame.columns else [])
    return moderator.history_reasons(rows_for_decisions(frame[columns]))


def _scored(records: list[dict[str, Any]], as_jsonl: bool) -> Scored:
    """A chunk's records, counted, and written as JSON Lines when that is the output."""
    from moderation.output import jsonl_text

    actions = Counter(record["action"] or "error" for record in records)
    rules = Counter(reason["rule"] for record in records for reason in record["reasons"] or [])
    if as_jsonl:
        return Scored(len(records), None, jsonl_text(records), actions, rules)
    return Scored(len(records), records, None, actions, rules)
