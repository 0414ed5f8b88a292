"""The two tiers' speed targets, each beside its peer or its bound, in one run.

    python benchmarks/tier_bench.py [--rows 50000] [--accurate-rows 2000] [--rounds 3]
                                    [--requests 600] [--runs 7] [--shared ../shared] [--json OUT]

- fast tier, whole processes on the same CSV of ROWS C3 comments: `moderation score
  QUEUE -o OUT.jsonl` (the default model, every head, explanations, as a user runs it,
  and again with `--no-explain`, since the peer explains nothing) against a process that reads the CSV with pandas, runs alt-profanity-check's
  `predict_prob` and writes the probabilities as CSV; alternating rounds, medians, and
  the median of the per-round ratios.
- accurate tier (`--accurate-model DIR`, a model trained with `--encoder`): `moderation score QUEUE --model DIR` as a process on ACCURATE_ROWS
  C3 comments with a title each (C3 has no titles: each C3 article gets one FNC-1
  headline, so every comment is read against an article as on a news site); a `check`
  process (median of RUNS); `serve --model DIR` driven at 10 requests a second with
  distinct C3 comments (p50 / p99 / max, failures); the encoder's files on disk.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hook_bench import check_times, serve_latency  # noqa: E402

PEER = """
import sys
import pandas as pd
from profanity_check import predict_prob
frame = pd.read_csv(sys.argv[1])
frame["uncivil"] = predict_prob(frame["text"].astype(str).tolist())
frame[["id", "uncivil"]].to_csv(sys.argv[2], index=False)
"""


def c3_with_titles(shared: Path) -> Any:
    """C3 comments, each with an FNC-1 headline standing in for its article's title."""
    import pandas as pd

    c3 = pd.read_csv(shared / "datasets" / "c3" / "c3_train.csv")
    headlines = pd.read_csv(shared / "datasets" / "fnc1" / "train_stances.csv")["Headline"].drop_duplicates().tolist()
    articles = {article: headlines[i % len(headlines)] for i, article in enumerate(c3["article_id"].drop_duplicates())}
    return pd.DataFrame({"text": c3["comment_text"].astype(str), "article_title": c3["article_id"].map(articles)})


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def fast_tier(frame: Any, rows: int, rounds: int, workdir: Path) -> dict[str, Any]:
    queue = workdir / "fast.csv"
    texts = frame["text"].tolist()
    frame_rows = {"id": range(rows), "text": [texts[i % len(texts)] for i in range(rows)]}
    __import__("pandas").DataFrame(frame_rows).to_csv(queue, index=False)
    command = [sys.executable, "-m", "moderation", "score", str(queue), "-o", str(workdir / "out.jsonl"), "--force"]
    ours, bare, peer = [], [], []
    for _ in range(rounds):
        ours.append(rows / timed(command))
        bare.append(rows / timed([*command, "--no-explain"]))
        peer.append(rows / timed([sys.executable, "-c", PEER, str(queue), str(workdir / "peer.csv")]))
    return {"rows": rows, "ours_per_s": statistics.median(ours), "peer_per_s": statistics.median(peer),
            "ratio": statistics.median(o / p for o, p in zip(ours, peer, strict=True)),
            "no_explain_per_s": statistics.median(bare),
            "no_explain_ratio": statistics.median(o / p for o, p in zip(bare, peer, strict=True))}  # fmt: skip


def accurate_tier(frame: Any, rows: int, rounds: int, requests: int, runs: int, workdir: Path, model: str) -> dict[str, Any]:
    queue = workdir / "accurate.csv"
    frame.head(rows).to_csv(queue, index=False)
    rates = [rows / timed([sys.executable, "-m", "moderation", "score", str(queue), "--model", model,
                           "-o", str(workdir / "accurate.jsonl"), "--force"]) for _ in range(rounds)]  # fmt: skip
    from moderation.features.encoder import default_encoder_dir

    encoder = default_encoder_dir()
    return {
        "rows": rows,
        "score_per_s": statistics.median(rates),
        "check": check_times(runs, model=model),
        "serve": serve_latency(requests, 10.0, frame["text"].tolist()[-5000:], model=model, use_hey=False)[0],
        "encoder_mb": sum(path.stat().st_size for path in encoder.iterdir() if path.is_file()) / 1e6,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--accurate-rows", type=int, default=2_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--skip", nargs="*", default=[], choices=["fast", "accurate"])
    parser.add_argument("--accurate-model", default="accurate", help="the accurate tier: the shipped one, or a model directory trained with --encoder")
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args()
    frame = c3_with_titles(Path(args.shared))
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as scratch:
        workdir = Path(scratch)
        if "fast" not in args.skip:
            results["fast"] = fast_tier(frame, args.rows, args.rounds, workdir)
        if "accurate" not in args.skip:
            results["accurate"] = accurate_tier(frame, args.accurate_rows, args.rounds, args.requests, args.runs, workdir,
                                                args.accurate_model)
    print("| target | measured | bound or peer |")
    print("|---|---|---|")
    if "fast" in results:
        fast = results["fast"]
        print(f"| fast: `score` process, {fast['rows']:,} C3 comments, comments/s | {fast['ours_per_s']:,.0f} "
              f"| peer process (pandas + predict_prob + CSV) {fast['peer_per_s']:,.0f}; ratio {fast['ratio']:.2f} (>= 1) |")  # fmt: skip
        print(f"| fast: the same with `--no-explain` (probabilities, labels and reasons, as the peer gives no words) "
              f"| {fast['no_explain_per_s']:,.0f} | ratio {fast['no_explain_ratio']:.2f} |")  # fmt: skip
    if "accurate" in results:
        accurate = results["accurate"]
        serve = accurate["serve"]
        print(f"| accurate: `score` process, {accurate['rows']:,} C3 comments with titles, comments/s | {accurate['score_per_s']:,.0f} | >= 100 |")
        print(f"| accurate: `check` process, median of {args.runs} (s) | {accurate['check']['check_median_s']:.2f} "
              f"| <= 2; peer {accurate['check']['peer_median_s']:.2f} |")  # fmt: skip
        print(f"| accurate: `serve` at 10 req/s, {serve['requests']} distinct comments: p50 / p99 / max (ms) "
              f"| {serve['p50_ms']:.1f} / {serve['p99_ms']:.1f} / {serve['max_ms']:.1f}, {serve['failed_or_lost']} failed | p99 <= 100 |")  # fmt: skip
        print(f"| accurate: encoder files (MB) | {accurate['encoder_mb']:.1f} | <= 40 |")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
