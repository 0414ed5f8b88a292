"""`score` throughput: comments per second, beside alt-profanity-check, in one run.

    python benchmarks/score_bench.py [--rows 100000] [--rounds 2] [--shared ../shared] [--json OUT]

A queue of ROWS real comments (the C3 comment texts, repeated in order) is written as
CSV. Each round times, on the same texts:

- alt-profanity-check's `predict_prob` on the list of texts, in this process (no file
  reading or writing: the peer's best case);
- `moderation score QUEUE -o OUT --jobs 1` as a process, on one core: reading, the
  policy, all three heads, explanations, writing JSON Lines, and the process start;
- the same with `--no-explain`;
- the same with `--jobs 2` (both cores of this machine).

The table shows the median of the rounds; the ratio column divides by the peer's rate
of the same round, since this machine's speed drifts between runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = {
    "moderation score, 1 core": ["--jobs", "1"],
    "moderation score, 1 core, no explanations": ["--jobs", "1", "--no-explain"],
    "moderation score, 2 cores": ["--jobs", "2"],
}


def write_queue(path: Path, texts: list[str], rows: int) -> list[str]:
    import pandas as pd

    repeated = [texts[i % len(texts)] for i in range(rows)]
    pd.DataFrame({"id": range(rows), "text": repeated}).to_csv(path, index=False)
    return repeated


def run_moderation(arguments: list[str]) -> float:
    """Seconds that `moderation ARGUMENTS` takes as a process, from start to exit."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "moderation", *arguments], check=True, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def c3_texts(shared: str) -> list[str]:
    """The C3 comment texts, in file order; exits with a message when the data is absent."""
    import pandas as pd

    c3 = Path(shared) / "datasets" / "c3" / "c3_train.csv"
    if not c3.exists():
        sys.exit(f"no C3 data at {c3}: pass --shared")
    return pd.read_csv(c3, usecols=["comment_text"])["comment_text"].dropna().astype(str).tolist()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args()
    texts = c3_texts(args.shared)
    from profanity_check import predict_prob

    rates: dict[str, list[float]] = {"alt-profanity-check predict_prob": []}
    ratios: dict[str, list[float]] = {name: [] for name in RUNS}
    with tempfile.TemporaryDirectory() as workdir:
        queue, out = Path(workdir) / "queue.csv", Path(workdir) / "out.jsonl"
        repeated = write_queue(queue, texts, args.rows)
        for _ in range(args.rounds):
            started = time.perf_counter()
            predict_prob(repeated)
            peer = args.rows / (time.perf_counter() - started)
            rates["alt-profanity-check predict_prob"].append(peer)
            for name, options in RUNS.items():
                rate = args.rows / run_moderation(["score", str(queue), "-o", str(out), "--force", *options])
                rates.setdefault(name, []).append(rate)
                ratios[name].append(rate / peer)
    print(f"| {'what (' + format(args.rows, ',') + ' C3 comments)':<48} | {'comments/s':>10} | {'vs peer, same round':>19} |")
    print(f"|{'-' * 50}|{'-' * 12}|{'-' * 21}|")
    for name, values in rates.items():
        ratio = f"{statistics.median(ratios[name]):.2f}x" if name in ratios else "1.00x"
        print(f"| {name:<48} | {statistics.median(values):>10,.0f} | {ratio:>19} |")
    if args.json:
        Path(args.json).write_text(json.dumps({"rows": args.rows, "rates": rates, "ratios": ratios, "cpus": os.cpu_count()}, indent=2))


if __name__ == "__main__":
    main()
