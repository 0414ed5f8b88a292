"""`score` throughput: comments per second, beside alt-profanity-check, in one run.

    python benchmarks/score_bench.py [--rows 100000] [--rounds 2] [--distinct] [--shared ../shared] [--json OUT]

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

With `--distinct` the queue is instead every distinct text of the shared comments and
posts (C3 comments, ARC's reader posts, OLID's and Davidson's tweets: 50,859, 191
characters on average), once each: most of their words are met for the first time, as
in an archive, where C3 repeated meets them once in ten rows. Only the first table is
printed then.

A second table says where one comment's time goes, in this process on the C3 texts
themselves (best of 3 per part, no profiler, each with the garbage collector paused as
`score` pauses it): the heads, their explanations, the policy's rules, the rest of a
decision, writing JSON Lines, and `predict_prob` (collector running, as it runs); and what
a process spends before its first comment (imports, model load: `score` of a one-row
queue, best of 3), spread over ROWS comments.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

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


DISTINCT_SOURCES = (("c3/c3_train.csv", ",", "comment_text"), ("arc/arc_bodies.csv", ",", "articleBody"),
                    ("olid/olid-training-v1.0.tsv", "\t", "tweet"), ("davidson/labeled_data.csv", ",", "tweet"))  # fmt: skip


def distinct_texts(shared: str) -> list[str]:
    """Every distinct comment and post text of the shared data sets, in file order."""
    import pandas as pd

    texts: list[str] = []
    for name, separator, column in DISTINCT_SOURCES:
        path = Path(shared) / "datasets" / name
        if not path.exists():
            sys.exit(f"no data at {path}: pass --shared")
        texts += pd.read_csv(path, sep=separator, usecols=[column])[column].dropna().astype(str).tolist()
    return list(dict.fromkeys(texts))


def breakdown(texts: list[str]) -> dict[str, float]:
    """Microseconds per comment for each part of `score`, in this process."""
    import pandas as pd
    from profanity_check import predict_prob

    from moderation.features.inputs import Rows
    from moderation.decide.moderator import Moderator, collection_paused
    from moderation.io.output import jsonl_bytes
    from moderation.decide.policy import rule_reasons

    moderator = Moderator.load(None)
    model = moderator.model
    frame = pd.DataFrame({"text": texts})
    rows = Rows({"text": texts, "article_title": [""] * len(texts), "article_text": [""] * len(texts)})
    records = moderator.score_records(frame)

    def best(work: Any, paused: bool = True) -> float:
        """Best of 3; with the garbage collector paused, as `score` decides a batch."""
        times = []
        for _ in range(3):
            with collection_paused() if paused else contextlib.nullcontext():
                started = time.perf_counter()
                work()
                times.append(time.perf_counter() - started)
        return min(times) / len(texts) * 1e6

    heads = best(lambda: model.predict_explained(rows, explain_top=0))
    explained = best(lambda: model.predict_explained(rows, explain_top=6))
    rules = best(lambda: [rule_reasons(text, moderator.policy) for text in texts])
    decisions = best(lambda: moderator.score_records(frame))
    return {
        "three heads": heads,
        "their explanations": explained - heads,
        "policy rules": rules,
        "the rest of a decision": decisions - explained - rules,
        "JSON Lines": best(lambda: jsonl_bytes(records)),
        "alt-profanity-check predict_prob": best(lambda: predict_prob(texts), paused=False),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--distinct", action="store_true", help="every distinct text of the shared data once (ignores --rows)")
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args()
    texts = distinct_texts(args.shared) if args.distinct else c3_texts(args.shared)
    if args.distinct:
        args.rows = len(texts)
    what = "distinct texts" if args.distinct else "C3 comments"
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
    print(f"| {'what (' + format(args.rows, ',') + ' ' + what + ')':<48} | {'comments/s':>10} | {'vs peer, same round':>19} |")
    print(f"|{'-' * 50}|{'-' * 12}|{'-' * 21}|")
    for name, values in rates.items():
        ratio = f"{statistics.median(ratios[name]):.2f}x" if name in ratios else "1.00x"
        print(f"| {name:<48} | {statistics.median(values):>10,.0f} | {ratio:>19} |")
    if args.distinct:
        if args.json:
            Path(args.json).write_text(json.dumps({"rows": args.rows, "distinct": True, "rates": rates, "ratios": ratios,
                                                   "cpus": os.cpu_count()}, indent=2))  # fmt: skip
        return
    parts = breakdown(texts)
    with tempfile.TemporaryDirectory() as workdir:
        one, out = Path(workdir) / "one.csv", Path(workdir) / "out.jsonl"
        write_queue(one, texts, 1)
        start_up = min(run_moderation(["score", str(one), "-o", str(out), "--force", "--jobs", "1"]) for _ in range(3))
    parts[f"process start-up ({start_up:.2f} s) over {args.rows:,} comments"] = start_up / args.rows * 1e6
    print()
    print(f"| {'one comment, in process (' + format(len(texts), ',') + ' C3 comments)':<48} | {'µs':>10} |")
    print(f"|{'-' * 50}|{'-' * 12}|")
    for name, micros in parts.items():
        print(f"| {name:<48} | {micros:>10.1f} |")
    if args.json:
        Path(args.json).write_text(json.dumps({"rows": args.rows, "rates": rates, "ratios": ratios, "microseconds": parts,
                                               "cpus": os.cpu_count()}, indent=2))  # fmt: skip


if __name__ == "__main__":
    main()
