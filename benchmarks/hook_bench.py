"""The pre-publish hook: `check` process time, `serve` latency under load, `score` memory.

    python benchmarks/hook_bench.py [--runs 15] [--requests 10000] [--rate 100]
                                    [--rows 100000 1000000] [--shared ../shared] [--json OUT]

- check: median wall time of `moderation check TEXT` as a fresh process, beside the peer
  doing the same for one comment (a process that imports alt-profanity-check and calls
  `predict_prob([TEXT])`) and `python -c "import sklearn.linear_model"`, taking turns, in
  one run.
- serve: `moderation serve` on a loopback port, driven at a fixed request rate with single
  comments on /v1/check by `hey` (apt-get install hey) when installed, else by an
  open-loop asyncio client in this process; p50 / p99 / max latency and how many
  requests failed or were lost.
- score: peak resident memory of `moderation score` on queues of N rows (C3 comment texts
  repeated), written to a file, with rules, the model and explanations, in one process
  (`--jobs 1`: the peak of one process is what grows with the queue, if anything).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TEXT = "The ferry timetable cut will hurt island commuters, and the council should say how it will help."


PEER_CHECK = f"from profanity_check import predict_prob; print(predict_prob([{TEXT!r}])[0])"


def check_times(runs: int, model: str | None = None) -> dict[str, float]:
    commands = {
        "check": [sys.executable, "-m", "moderation", "check", TEXT, *(["--model", model] if model else [])],
        "peer": [sys.executable, "-c", PEER_CHECK],
        "sklearn_import": [sys.executable, "-c", "import sklearn.linear_model"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            started = time.perf_counter()
            subprocess.run(command, capture_output=True, check=name != "check")  # check exits 3 or 4 to hold or reject
            times[name].append(time.perf_counter() - started)
    medians = {f"{name}_median_s": statistics.median(values) for name, values in times.items()}
    return {**medians, "ratio": medians["check_median_s"] / medians["peer_median_s"]}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def _drive(url: str, requests: int, rate: float, texts: list[str]) -> dict[str, float]:
    import httpx

    latencies: list[float] = []
    failures = 0
    limits = httpx.Limits(max_connections=200, max_keepalive_connections=200)
    async with httpx.AsyncClient(timeout=10, limits=limits) as client:

        async def one(index: int) -> None:
            nonlocal failures
            started = time.perf_counter()
            try:
                answer = await client.post(url, json={"text": texts[index % len(texts)], "author": f"reader-{index}"})
                if answer.status_code != 200 or "action" not in answer.json():
                    failures += 1
                    return
            except httpx.HTTPError:
                failures += 1
                return
            latencies.append(time.perf_counter() - started)

        tasks = []
        start = time.perf_counter()
        for index in range(requests):
            delay = start + index / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one(index)))
        await asyncio.gather(*tasks)
        elapsed = time.perf_counter() - start
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000 if latencies else float("nan")  # noqa: E731
    return {"requests": requests, "rate_target": rate, "rate_achieved": requests / elapsed, "ok": len(latencies),
            "failed_or_lost": failures + (requests - len(latencies) - failures), "p50_ms": pick(0.50),
            "p99_ms": pick(0.99), "max_ms": latencies[-1] * 1000 if latencies else float("nan")}  # fmt: skip


def _hey(url: str, requests: int, rate: float, workdir: Path, workers: int) -> dict[str, float]:
    """Drive the service with `hey` (a Go load generator, Debian package "hey"): `workers`
    connections, each rate-limited to its share of the target, one comment per request.
    hey's workers tick in step, so the load arrives in bursts of `workers` requests."""
    body = workdir / "body.json"
    body.write_text(json.dumps({"text": TEXT}))
    done = subprocess.run(["hey", "-n", str(requests), "-c", str(workers), "-q", str(rate / workers), "-m", "POST",
                           "-T", "application/json", "-D", str(body), "-t", "10", "-o", "csv", url],
                          capture_output=True, text=True, check=True)  # fmt: skip
    lines = [line.split(",") for line in done.stdout.splitlines()[1:] if line.strip()]
    latencies = sorted(float(line[0]) for line in lines if line[6] == "200")
    elapsed = max(float(line[7]) + float(line[0]) for line in lines) if lines else float("nan")
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000 if latencies else float("nan")  # noqa: E731
    return {"driver": f"hey, {workers} workers", "requests": requests, "rate_target": rate, "rate_achieved": len(lines) / elapsed,
            "ok": len(latencies), "failed_or_lost": requests - len(latencies), "p50_ms": pick(0.50),
            "p99_ms": pick(0.99), "max_ms": latencies[-1] * 1000 if latencies else float("nan")}  # fmt: skip


def serve_latency(requests: int, rate: float, texts: list[str], model: str | None = None,
                  use_hey: bool = True) -> list[dict[str, float]]:  # fmt: skip
    """`use_hey=False` drives it with `texts` in turn (distinct comments) by the asyncio
    client, which a model with an encoder cache needs: hey sends one text over and over."""
    import shutil

    import httpx

    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "moderation", "serve", "--port", str(port), *(["--model", model] if model else [])],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        if use_hey and shutil.which("hey"):
            with tempfile.TemporaryDirectory() as workdir:
                return [_hey(f"{base}/v1/check", requests, rate, Path(workdir), workers) for workers in (4, 10)]
        return [{"driver": "python", **asyncio.run(_drive(f"{base}/v1/check", requests, rate, texts))}]
    finally:
        process.terminate()
        process.wait(timeout=10)


def score_memory(rows: int, texts: list[str], workdir: Path) -> dict[str, float]:
    import pandas as pd

    queue = workdir / f"queue-{rows}.csv"
    chunk = pd.DataFrame({"id": range(len(texts)), "text": texts})
    with queue.open("w") as stream:
        written = 0
        header = True
        while written < rows:
            part = chunk.head(rows - written).assign(id=lambda f: f["id"] + written)
            part.to_csv(stream, index=False, header=header)
            header = False
            written += len(part)
    out = workdir / f"out-{rows}.jsonl"
    script = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        f"subprocess.run([sys.executable, '-m', 'moderation', 'score', {str(queue)!r}, '-o', {str(out)!r}, '--force', '--jobs', '1'], check=True, stderr=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.perf_counter() - t)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    peak_kb, seconds = done.stdout.split()
    out.unlink()
    queue.unlink()
    return {"rows": rows, "peak_rss_mb": int(peak_kb) / 1024, "seconds": float(seconds), "rows_per_s": rows / float(seconds)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=100)
    parser.add_argument("--rows", type=int, nargs="*", default=[100_000, 1_000_000])
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--skip", nargs="*", default=[], choices=["check", "serve", "score"])
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args()
    c3 = Path(args.shared) / "datasets" / "c3" / "c3_train.csv"
    if c3.exists():
        import pandas as pd

        texts = pd.read_csv(c3, usecols=["comment_text"])["comment_text"].dropna().astype(str).tolist()
    else:
        texts = [TEXT]
    results: dict[str, object] = {}
    if "check" not in args.skip:
        results["check"] = check = check_times(args.runs)
        print(f"| check process, median of {args.runs} | {check['check_median_s']:.2f} s | "
              f"alt-profanity-check, one comment: {check['peer_median_s']:.2f} s | ratio {check['ratio']:.2f} | "
              f"python -c 'import sklearn.linear_model': {check['sklearn_import_median_s']:.2f} s |")  # fmt: skip
    if "serve" not in args.skip:
        results["serve"] = runs = serve_latency(args.requests, args.rate, texts)
        for serve in runs:
            print(f"| serve /v1/check at {args.rate:.0f} req/s (achieved {serve['rate_achieved']:.1f}, {serve['driver']}) | "
                  f"p50 {serve['p50_ms']:.1f} ms | p99 {serve['p99_ms']:.1f} ms | max {serve['max_ms']:.1f} ms | "
                  f"{serve['ok']} ok, {serve['failed_or_lost']} failed or lost of {serve['requests']} |")  # fmt: skip
    if "score" not in args.skip:
        with tempfile.TemporaryDirectory() as workdir:
            results["score"] = memory = [score_memory(rows, texts, Path(workdir)) for rows in args.rows]
        for row in memory:
            print(f"| score {row['rows']:,} rows | peak RSS {row['peak_rss_mb']:.0f} MB | {row['seconds']:.0f} s | {row['rows_per_s']:.0f} rows/s |")
        if len(memory) >= 2:
            print(f"| peak memory growth {memory[0]['rows']:,} -> {memory[-1]['rows']:,} rows | "
                  f"{(memory[-1]['peak_rss_mb'] / memory[0]['peak_rss_mb'] - 1) * 100:+.1f} % |")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONWARNINGS", "ignore")
    main()
