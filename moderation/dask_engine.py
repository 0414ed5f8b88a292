"""`score --engine dask`: the same decisions over a Dask DataFrame, partition by
partition, on a local cluster or on an existing one by address.

Reach for it when an archive is larger than one machine scores in the time you have
(tens of millions of rows re-scored after a policy change) and a Dask cluster is at hand;
on one machine the local engine (`--jobs`) does the same with less overhead. Inputs are
CSV, JSON Lines or Parquet files (a glob or a directory of Parquet partitions too);
the output is a directory of Parquet partitions, flattened (a column per score) as the
local engine writes Parquet.

The repeat and flood rules remember an author's comments within a partition: decisions
equal the local engine's when no author's comments span partitions (partition an
archive by author, or by thread, to keep it so).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from moderation.errors import DataError, InputMissingError, OutputError
from moderation.io.files import user_mode

if TYPE_CHECKING:
    import pandas as pd

    from moderation.decide.policy import Policy

def read_frame(inputs: list[str], blocksize: str = "32MB") -> Any:
    """One Dask DataFrame over the input files, CSV cells kept as written (strings)."""
    import dask.dataframe as dd

    parts = []
    for name in inputs:
        path = Path(name)
        if not any(ch in name for ch in "*?[") and not path.exists():
            raise InputMissingError(f"{name}: no such file")
        suffix = path.suffix.lower()
        if suffix == ".parquet" or path.is_dir():
            parts.append(dd.read_parquet(name))
        elif suffix in (".csv", ".tsv"):
            parts.append(dd.read_csv(name, sep="\t" if suffix == ".tsv" else ",", dtype=str, keep_default_na=False,
                                     na_values=[""], blocksize=blocksize))  # fmt: skip
        elif suffix in (".jsonl", ".ndjson"):
            parts.append(dd.read_json(name, lines=True, dtype=False, blocksize=blocksize))
        else:
            raise DataError(f"{name}: the dask engine reads .csv, .tsv, .jsonl and .parquet queues")
    from moderation.decide.moderator import require_text

    frame = parts[0] if len(parts) == 1 else dd.concat(parts)
    require_text(frame.columns)
    return frame


def score_partition(frame: pd.DataFrame, model_dir: str | None, policy: Policy, explain: bool,
                    labels: dict[str, list[str]]) -> pd.DataFrame:  # fmt: skip
    """One partition's rows with their decisions, flattened as the local engine's Parquet
    is (a column per score; `io.output.flat_decision`); a worker keeps its moderator."""
    import pandas as pd

    from moderation.batch import worker_moderator
    from moderation.io.output import flat_decision, parquet_cell

    records = worker_moderator(model_dir, policy).score_records(frame.reset_index(drop=True), explain=explain)
    flat = pd.DataFrame([flat_decision(record, labels) for record in records], columns=_columns(frame.columns, labels))
    for column in flat.columns:
        if column.startswith("scores."):
            flat[column] = pd.to_numeric(flat[column], errors="coerce").astype("float64")
        elif column == "featured":
            flat[column] = flat[column].fillna(False).astype(bool)
        elif column == "length":
            flat[column] = pd.array(flat[column], dtype="Int64")
        elif column not in frame.columns:
            flat[column] = pd.Series([parquet_cell(value) for value in flat[column]], dtype=object).astype("string")
    return flat


def _columns(inputs: Any, labels: dict[str, list[str]]) -> list[str]:
    """The flattened decision's columns after the input's, in `flat_decision`'s order."""
    from moderation.decide.moderator import OUTPUT_COLUMNS
    from moderation.io.output import flat_decision

    empty = {column: None for column in OUTPUT_COLUMNS}
    return [*inputs, *[key for key in flat_decision(empty, labels) if key not in set(inputs)]]


def _meta(frame: Any, labels: dict[str, list[str]]) -> pd.DataFrame:
    import pandas as pd

    meta = frame._meta.copy()
    for column in _columns(frame.columns, labels):
        if column in frame.columns:
            continue
        if column.startswith("scores."):
            meta[column] = pd.Series([], dtype="float64")
        elif column == "featured":
            meta[column] = pd.Series([], dtype=bool)
        elif column == "length":
            meta[column] = pd.Series([], dtype="Int64")
        else:
            meta[column] = pd.Series([], dtype="string")
    return meta


def local_cluster(workers: int) -> Any:
    """A `LocalCluster` of `workers` single-threaded worker processes, started without
    MALLOC_TRIM_THRESHOLD_.

    Dask's nanny sets that variable for its workers. Setting any of glibc's malloc
    tunables turns off its adaptive mmap threshold, so every large NumPy array is mapped
    and unmapped afresh: scoring ran 1.4 to 1.7 times slower in such a worker than in a
    plain process. Workers of a cluster started elsewhere keep their own environment
    (see docs/large-archives.md).
    """
    import dask
    from distributed import LocalCluster

    environ = {key: value for key, value in dask.config.get("distributed.nanny.pre-spawn-environ", {}).items()
               if key != "MALLOC_TRIM_THRESHOLD_"}  # fmt: skip
    with dask.config.set({"distributed.nanny.pre-spawn-environ": environ}):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)


def score_dask(inputs: list[str], output: str, model_dir: str | None, policy: Policy, explain: bool = True,
               scheduler: str | None = None, force: bool = False, workers: int | None = None,
               blocksize: str = "32MB") -> Counter[str]:  # fmt: skip
    """Score every row into Parquet partitions under `output` (a directory, replaced only
    with `force`, written beside it and renamed into place); the count of each action."""
    target = Path(output)
    if target.exists() and not force:
        raise OutputError(f"{target}: exists; pass --force to replace it")
    if not target.parent.exists() or not os.access(target.parent, os.W_OK):
        raise OutputError(f"{target.parent}: not a writable directory")
    from distributed import Client

    frame = read_frame(inputs, blocksize)
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = local_cluster(workers or os.cpu_count() or 1)
        client = Client(cluster)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    staging.chmod(user_mode(0o777))  # mkdtemp makes it private; the output is not
    try:
        from moderation.learn.bundle import load

        model = load(model_dir)
        labels = model.task_labels()
        scored = frame.map_partitions(score_partition, model_dir, policy, explain, labels, meta=_meta(frame, labels))
        scored.to_parquet(staging, write_index=False)
        import dask.dataframe as dd

        actions = Counter(dd.read_parquet(staging, columns=["action"])["action"].fillna("error").value_counts().compute().to_dict())
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
        return actions
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
        client.close()
        if cluster is not None:
            cluster.close()
