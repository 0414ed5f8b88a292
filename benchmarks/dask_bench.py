"""The Dask engine's overhead: `score --engine dask` on a two-worker local cluster against
the local engine with two workers, on the same queue, both writing Parquet.

    python benchmarks/dask_bench.py [--rows 1000000] [--shared ../shared] [--json OUT]

The queue is ROWS C3 comment texts (repeated in order) as CSV. Both runs are processes
timed from start to exit; the table gives rows per second and the Dask run's overhead,
and checks that the two outputs hold the same decisions (action, reasons, scores and
explanations of every row).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_bench import c3_texts, run_moderation, write_queue  # noqa: E402


def cells(frame: pd.DataFrame, column: str) -> list[str | None]:
    """A column's values as text, missing ones as None: a rejected comment has no scores,
    and NaN is not equal to itself."""
    return [None if pd.isna(value) else str(value) for value in frame[column].tolist()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args()
    texts = c3_texts(args.shared)
    with tempfile.TemporaryDirectory() as workdir:
        queue = Path(workdir) / "queue.csv"
        write_queue(queue, texts, args.rows)
        local_out, dask_out = Path(workdir) / "local.parquet", Path(workdir) / "dask"
        local = run_moderation(["score", str(queue), "--jobs", "2", "--format", "parquet", "-o", str(local_out)])
        distributed = run_moderation(["score", str(queue), "--engine", "dask", "-o", str(dask_out)])
        columns = ["id", "action", "reasons", "scores.civility.uncivil", "predicted.civility", "explain"]
        ours = pd.read_parquet(dask_out, columns=columns).astype({"id": int}).sort_values("id").reset_index(drop=True)
        theirs = pd.read_parquet(local_out, columns=columns).astype({"id": int})
        same = all(cells(ours, c) == cells(theirs, c) for c in columns)
    overhead = distributed / local - 1
    print(f"| {args.rows:,} C3 comments, Parquet out | rows/s | seconds |")
    print("|---|---|---|")
    print(f"| local engine, --jobs 2 | {args.rows / local:,.0f} | {local:.0f} |")
    print(f"| dask engine, LocalCluster of 2 workers | {args.rows / distributed:,.0f} | {distributed:.0f} |")
    print(f"| dask overhead | {overhead * 100:+.1f} % | decisions identical: {'yes' if same else 'NO'} |")
    if args.json:
        Path(args.json).write_text(json.dumps({"rows": args.rows, "local_s": local, "dask_s": distributed,
                                               "overhead": overhead, "identical": same}, indent=2))  # fmt: skip


if __name__ == "__main__":
    main()
