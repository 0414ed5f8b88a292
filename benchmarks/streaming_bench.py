"""Out-of-core training (`train --streaming`): what it costs in quality, and its memory.

    python benchmarks/streaming_bench.py [--rows 1000000 ...] [--shared ../shared] [--json OUT]

- quality: the split of `quality.py` (80 % of each dataset's groups, seed 13). Both paths
  train on the same training part, in this run, and are scored on the same held-out
  groups: civility ROC-AUC (C3, OLID), stance macro-F1 (ARC) and FNC-1 score,
  constructiveness ROC-AUC (C3).
- memory: `moderation train --streaming` as a process on a Parquet file of ROWS rows
  (the training part repeated), its peak resident memory and time.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from moderation.learn.evaluate import fnc_score
from moderation.learn.bundle import Model
from moderation.learn.streaming import train_streaming
from moderation.learn.train import train

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quality import held_out_split  # noqa: E402  (the same split as the quality benchmark)


def measures(model: Model, held: dict[str, pd.DataFrame]) -> dict[str, float]:
    from sklearn.metrics import f1_score, roc_auc_score

    def proba(task: str, frame: pd.DataFrame, label: str) -> list[float]:
        return model.predict_proba(frame, [task])[task][:, model.labels(task).index(label)]

    out = {}
    for name in ("c3", "olid"):
        rows = held[name].dropna(subset=["civility"])
        out[f"civility ROC-AUC, {name}"] = roc_auc_score(rows["civility"] == "uncivil", proba("civility", rows, "uncivil"))
    arc, fnc = held["arc"], held["fnc1"]
    out["stance macro-F1, ARC"] = f1_score(arc["stance"], model.predict(arc, ["stance"])["stance"][1], average="macro")
    out["stance FNC-1 score"] = fnc_score(list(fnc["stance"]), list(model.predict(fnc, ["stance"])["stance"][1]))
    c3 = held["c3"]
    out["constructive ROC-AUC, c3"] = roc_auc_score(c3["constructive"] == "constructive", proba("constructive", c3, "constructive"))
    return out


def _model(results: dict) -> Model:
    return Model(heads={t: r.pipeline for t, r in results.items()},
                 meta={"tasks": {t: {"labels": r.labels, "threshold": r.threshold} for t, r in results.items()}})  # fmt: skip


def peak_memory(train_part: pd.DataFrame, rows: int, workdir: Path) -> dict[str, float]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    data = workdir / f"history-{rows}.parquet"
    # The training part written again and again, so that 10,000,000 rows never sit in
    # this process's memory either. Row groups of 50,000 rows: Parquet is read a row
    # group at a time, as an archive written for streaming would be laid out.
    table = pa.Table.from_pandas(train_part, preserve_index=False)
    with pq.ParquetWriter(data, table.schema) as writer:
        for start in range(0, rows, len(train_part)):
            writer.write_table(table.slice(0, min(len(train_part), rows - start)), row_group_size=50_000)
    script = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        f"subprocess.run([sys.executable, '-m', 'moderation', 'train', {str(data)!r}, '-o', {str(workdir / 'model')!r}, "
        "'--streaming', '--force'], check=True, stderr=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.perf_counter() - t)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    peak_kb, seconds = done.stdout.split()
    data.unlink()
    return {"rows": rows, "peak_rss_mb": int(peak_kb) / 1024, "seconds": float(seconds)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="*", default=[1_000_000])
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args()
    _parts, train_part, held = held_out_split(Path(args.shared))
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as workdir:
        if not args.skip_quality:
            path = Path(workdir) / "train.parquet"
            train_part.to_parquet(path)
            started = time.perf_counter()
            streamed = measures(_model(train_streaming([str(path)])), held)
            streamed_seconds = time.perf_counter() - started
            started = time.perf_counter()
            in_memory = measures(_model(train(train_part)), held)
            memory_seconds = time.perf_counter() - started
            results["quality"] = {"in_memory": in_memory, "streaming": streamed,
                                  "seconds": {"in_memory": memory_seconds, "streaming": streamed_seconds}}  # fmt: skip
            print(f"| {'held-out measure':<28} | {'in memory':>9} | {'streaming':>9} | {'cost':>7} |")
            print(f"|{'-' * 30}|{'-' * 11}|{'-' * 11}|{'-' * 9}|")
            for measure, value in in_memory.items():
                print(f"| {measure:<28} | {value:>9.3f} | {streamed[measure]:>9.3f} | {streamed[measure] - value:>+7.3f} |")
            print(f"| {'training time (s)':<28} | {memory_seconds:>9.0f} | {streamed_seconds:>9.0f} |         |")
        runs = results["memory"] = [peak_memory(train_part, rows, Path(workdir)) for rows in args.rows]
        for run in runs:
            print(f"| train --streaming, {run['rows']:,} rows | peak RSS {run['peak_rss_mb']:.0f} MB | {run['seconds']:.0f} s |")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
