"""The moderation desk under load, through its real HTTP server.

    python benchmarks/desk_bench.py [--comments 10000] [--actions 1000]

- Opening the queue page of a 10,000-comment desk (after scoring: the comments are
  inserted as `score` writes them), median of five loads.
- One action's round trip (POST /api/decide), p50 and p99 of 300.
- Two moderators acting at once, `--actions` each, from two threads with their own HTTP
  clients: decisions stored, lost, duplicated.

Targets (the desk issue): the page under 1 s, an action under 100 ms at p99, nothing lost.
There is no peer: Coral's queue is a hosted service.
"""

from __future__ import annotations

import argparse
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--comments", type=int, default=10_000)
    parser.add_argument("--actions", type=int, default=1_000)
    args = parser.parse_args()
    import httpx

    from moderation.desk.store import DeskStore

    with tempfile.TemporaryDirectory() as workdir:
        path = Path(workdir) / "desk.sqlite"
        store = DeskStore(path)
        store.add([{"id": str(i), "text": f"Comment {i} on the ferry timetable and the council's budget vote.", "author": f"r{i % 300}",
                    "article_title": f"Article {i % 40}", "action": ("hold", "publish", "reject")[i % 3], "reasons": [],
                    "scores": {"civility": {"civil": 1 - (i % 97) / 97, "uncivil": (i % 97) / 97}},
                    "explain": {"civility": {"uncivil": [["'ferry'", 0.4]]}}, "model": "bench", "policy_hash": "bench"}
                   for i in range(args.comments)])  # fmt: skip
        store.close()
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = subprocess.Popen([sys.executable, "-m", "moderation", "desk", "--db", str(path), "-p", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    page = httpx.get(base + "/")
                    break
                except httpx.TransportError:
                    time.sleep(0.2)
            csrf = page.text.split('name="csrf-token" content="', 1)[1].split('"', 1)[0]
            loads = []
            for _ in range(5):
                started = time.perf_counter()
                httpx.get(base + "/").raise_for_status()
                loads.append(time.perf_counter() - started)
            headers = {"x-csrf-token": csrf}
            trips = []
            with httpx.Client(headers=headers) as client:
                for n in range(300):
                    started = time.perf_counter()
                    client.post(base + "/api/decide", json={"comment_id": 1 + n, "kind": "skip"}).raise_for_status()
                    trips.append(time.perf_counter() - started)
            failures: list[str] = []

            def moderate(offset: int) -> None:
                with httpx.Client(headers=headers) as client:
                    for n in range(args.actions):
                        answer = client.post(base + "/api/decide", json={"comment_id": 1 + (offset + n) % args.comments, "kind": "hold"})
                        if answer.status_code != 200:
                            failures.append(answer.text)

            before = sqlite3.connect(path).execute("SELECT COUNT(*) FROM decisions").fetchone()[0]
            threads = [threading.Thread(target=moderate, args=(offset,)) for offset in (0, 5_000)]
            started = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            both = time.perf_counter() - started
            stored, distinct = sqlite3.connect(path).execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM decisions").fetchone()
        finally:
            server.terminate()
            server.wait(timeout=10)
    trips.sort()
    print("| measure | value | target |")
    print("|---|---|---|")
    print(f"| queue page of {args.comments:,} comments, median of 5 (s) | {statistics.median(loads):.3f} | < 1 |")
    print(f"| one action's round trip, p50 / p99 of 300 (ms) | {trips[150] * 1000:.1f} / {trips[296] * 1000:.1f} | p99 < 100 |")
    print(f"| two moderators, {args.actions:,} actions each at once: stored / lost / duplicated | "
          f"{stored - before:,} / {2 * args.actions - (stored - before) - len(failures):,} / {stored - distinct} (refused {len(failures)}; "
          f"{both:.1f} s) | {2 * args.actions:,} / 0 / 0 |")  # fmt: skip


if __name__ == "__main__":
    main()
