"""The rows to score: queues read in chunks (memory stays flat on millions of rows), and
pages parsed to one row per comment with their article's fields and stated policy; and
the chunks scored, here or in worker processes.
"""

from __future__ import annotations

import itertools
import os
import sys
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from moderation.decide.moderator import Moderator
    from moderation.decide.policy import Policy, Reason

TABLE_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet"}


def frames_from_inputs(inputs: list[str], chunk_rows: int = 20_000) -> Iterator[pd.DataFrame]:
    """Tables are read as they are; pages and commenting systems' exports (a `.json` file
    is a table unless its content is an export) are parsed to one row per comment."""
    import pandas as pd

    from moderation.io.tables import iter_table
    from moderation.parse import iter_pages

    from moderation.parse.exports import sniff

    pages: list[str] = []
    for name in inputs:
        suffix = Path(name).suffix.lower()
        if name == "-" or (suffix in TABLE_SUFFIXES and not Path(name).is_dir() and not (suffix == ".json" and sniff(name))):
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


def with_status(frames: Iterator[pd.DataFrame], statuses: set[str], skipped: Counter[str]) -> Iterator[pd.DataFrame]:
    """Only the rows whose `status` is one of `statuses` (`score --status`); the others
    are counted in `skipped` by status ("none" for rows without one), so the summary
    says what was left out."""
    for frame in frames:
        if "status" not in frame.columns:
            skipped["none"] += len(frame)
            continue
        keep = frame["status"].isin(statuses)
        for value, count in frame.loc[~keep, "status"].fillna("none").value_counts().items():
            skipped[str(value)] += int(count)
        if keep.any():
            yield frame[keep].reset_index(drop=True)


def estimate_rows(inputs: list[str]) -> int | None:
    """About how many rows the inputs hold, for a progress line's time left: Parquet's
    own count, JSON Lines' lines, CSV's lines (more than its rows when cells hold line
    breaks); None when a page, a directory or stdin is among them."""
    total = 0
    for name in inputs:
        path = Path(name)
        suffix = path.suffix.lower()
        if name == "-" or not path.is_file() or suffix not in (".csv", ".tsv", ".jsonl", ".ndjson", ".parquet"):
            return None
        try:
            if suffix == ".parquet":
                import pyarrow.parquet as pq

                total += pq.ParquetFile(path).metadata.num_rows
                continue
            with path.open("rb") as stream:
                lines = sum(block.count(b"\n") for block in iter(lambda: stream.read(1 << 20), b""))
        except (OSError, ValueError):
            return None
        total += max(0, lines - (1 if suffix in (".csv", ".tsv") else 0))
    return total or None


FORMS = ("records", "jsonl", "parquet")
"""What a chunk's decisions come back as: records; JSON Lines, as UTF-8; records with nested
values as JSON text, ready for a Parquet table. The last two let the worker processes do
the output's work too."""


@dataclass
class Scored:
    """One chunk's decisions: records, or their JSON Lines as UTF-8 `lines` (see `FORMS`)."""

    rows: int
    records: list[dict[str, Any]] | None
    lines: bytes | None
    actions: Counter[str]
    rules: Counter[str]

    def __len__(self) -> int:
        return self.rows


def score_records(frames: Iterator[pd.DataFrame], moderator: Moderator, explain: bool = True,
                  jobs: int = 1, form: str = "records") -> Iterator[Scored]:  # fmt: skip
    """Each chunk's rows with their decisions, in input order, in `form` (see `FORMS`).

    With `jobs` other than 1, chunks are scored in that many worker processes (-1: one
    per core; see `worker_count`). The repeat and flood memory stays here, in input
    order, so the decisions are exactly those of the serial path.
    """
    frames = iter(frames)
    first = next(frames, None)
    second = next(frames, None) if first is not None else None
    frames = itertools.chain([frame for frame in (first, second) if frame is not None], frames)
    if jobs == 1 or second is None:
        # One chunk: starting workers would cost more than it saves.
        for frame in frames:
            yield _scored(moderator.score_records(frame, explain=explain), form, moderator)
        return
    yield from _in_workers(frames, moderator, explain, worker_count(jobs), form)


WORKERS_FORK = sys.platform == "linux"
"""Whether worker processes start as copies of this one, with its libraries and model
loaded (on Linux). On macOS, where forking a process with these libraries loaded is not
safe, and on Windows, which cannot fork, a worker is a new interpreter."""


def worker_count(jobs: int) -> int:
    """`jobs` as a number of processes: negative counts back from one per core (-1 is one
    per core, -2 all but one), as joblib does."""
    if jobs > 0:
        return jobs
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(cores + 1 + jobs, 1)


def _in_workers(frames: Iterator[pd.DataFrame], moderator: Moderator, explain: bool, jobs: int,
                form: str) -> Iterator[Scored]:  # fmt: skip
    """Chunks scored in `jobs` worker processes and given back in input order, with at
    most two per worker read ahead, so memory stays flat on any length of queue.

    Where workers fork, the model is loaded here once and every worker starts with it:
    nothing to import or load, which had been about a sixth of the time of a 100,000-row
    queue on two cores. Elsewhere each worker loads its own copy with its first chunk.
    """
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from moderation.errors import WorkerError

    model_dir = str(moderator.model_dir) if moderator.model_dir is not None else None
    if WORKERS_FORK:
        moderator.model  # noqa: B018  (loaded before the workers fork)
        _WORKER.clear()
        _WORKER[(model_dir, moderator.policy.hash)] = moderator
    context = multiprocessing.get_context("fork" if WORKERS_FORK else "spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=keep_freed_memory) as pool:
        pending: deque[Future[Scored]] = deque()
        try:
            for frame in frames:
                history = _history(moderator, frame)
                pending.append(pool.submit(_score_chunk, frame, model_dir, moderator.policy, explain, history, form))
                if len(pending) >= 2 * jobs:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        except BrokenProcessPool as error:
            raise WorkerError("a worker process died while scoring (killed, or out of memory?); "
                              "try fewer --jobs or a smaller --chunk-rows") from error
        finally:
            for future in pending:
                future.cancel()


def keep_freed_memory() -> None:
    """Have a worker process's C library keep the memory a chunk frees for the next one
    (glibc: no trimming of the heap, blocks up to 32 MB taken from it).

    Each chunk builds and frees arrays of tens of megabytes (the character grams' sparse
    matrix, the explanations'), and glibc handed such memory back to the system only to
    take it again, page by page, for the next chunk. The two workers of a 50,000-comment
    queue on two cores took 300,000 page faults and over a second of system time; keeping
    the memory leaves 140,000 and half a second, and the queue takes 4 % less time. A
    worker then holds its largest chunk's memory until it ends; this process is left as
    it is."""
    if sys.platform != "linux":
        return
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # a C library without it: left as it is
        return
    mallopt(M_TRIM_THRESHOLD, 1 << 30)
    mallopt(M_MMAP_THRESHOLD, 32 << 20)  # glibc's largest


M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
"""glibc's `mallopt` parameters (malloc.h)."""


_WORKER: dict[tuple[str | None, str], Moderator] = {}


def worker_moderator(model_dir: str | None, policy: Policy) -> Moderator:
    """The moderator of this worker process (local or Dask), loaded on its first chunk
    (or inherited, when the worker forked) and kept for the next ones while the model
    and policy stay the same."""
    from moderation.decide.moderator import Moderator

    key = (model_dir, policy.hash)
    if key not in _WORKER:
        _WORKER.clear()
        _WORKER[key] = Moderator(policy=policy, model_dir=model_dir)
    return _WORKER[key]


def _score_chunk(frame: pd.DataFrame, model_dir: str | None, policy: Policy, explain: bool,
                 history: list[list[Reason]], form: str) -> Scored:  # fmt: skip
    """One chunk in a worker process."""
    moderator = worker_moderator(model_dir, policy)
    return _scored(moderator.score_records(frame, explain=explain, history=history), form, moderator)


def _history(moderator: Moderator, frame: pd.DataFrame) -> list[list[Reason]]:
    """The repeat and flood reasons of a chunk, taken here in input order. Only rows with
    an author have any, and only their text, author and time are read."""
    from moderation.decide.moderator import rows_for_decisions

    if "author" not in frame.columns:
        return [[] for _ in range(len(frame))]
    columns = ["text", "author"] + (["posted_at"] if "posted_at" in frame.columns else [])
    return moderator.history_reasons(rows_for_decisions(frame[columns]))


def _scored(records: list[dict[str, Any]], form: str, moderator: Moderator) -> Scored:
    """A chunk's records, counted, and put in `form` (Parquet's flattened to a column per
    score, as a spreadsheet or a dataframe reads them best: `output.flat_decision`)."""
    from moderation.io.output import flat_decision, jsonl_bytes, parquet_records

    actions = Counter(record["action"] or "error" for record in records)
    rules = Counter(reason["rule"] for record in records for reason in record["reasons"] or [])
    if form == "jsonl":
        return Scored(len(records), None, jsonl_bytes(records), actions, rules)
    if form == "parquet":
        labels = moderator.model.task_labels()
        return Scored(len(records), parquet_records([flat_decision(record, labels) for record in records]), None, actions, rules)
    return Scored(len(records), records, None, actions, rules)
