"""Queues scored in chunks, here or in worker processes, with every row kept."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from moderation import batch as scoring
from moderation.cli import app

runner = CliRunner()

TEXTS = [
    "Thanks for the clear explanation of the budget, it helped me understand the vote.",
    "You are an idiot and so is everyone who voted for this garbage, shut up already.",
    "Too short.",
    "",
    "The figures in the third paragraph seem off, could the author check them please?",
    "i d i o t, you are an 1d10t and a m o r o n, go away from this comment section",
    "My family has used that ferry for decades and the new timetable worries us all.",
]


def _queue(tmp_path: Path) -> Path:
    texts = TEXTS * 4
    queue = tmp_path / "queue.csv"
    pd.DataFrame({"comment_id": range(len(texts)), "text": texts, "author": [f"r{i % 3}" for i in range(len(texts))]}).to_csv(queue, index=False)
    return queue


def test_worker_count_counts_back_from_the_cores():
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert scoring.worker_count(3) == 3
    assert scoring.worker_count(-1) == cores
    assert scoring.worker_count(-2) == max(cores - 1, 1)
    assert scoring.worker_count(-1000) == 1


@pytest.mark.skipif(sys.platform != "linux", reason="glibc's mallopt: the setting does nothing elsewhere")
def test_workers_keep_the_memory_a_chunk_frees(tmp_path):
    """A process that calls `keep_freed_memory` keeps the 20 MB it frees (the next chunk
    reuses them); one that does not hands them back to the system."""
    import subprocess

    script = tmp_path / "freed.py"
    script.write_text(
        "import os, sys\n"
        "from moderation.batch import keep_freed_memory\n"
        "if sys.argv[1] == 'keep':\n    keep_freed_memory()\n    keep_freed_memory()  # twice, without harm\n"
        "def rss():\n    return int(open('/proc/self/statm').read().split()[1]) * os.sysconf('SC_PAGE_SIZE')\n"
        "data = b'x' * (20 << 20)\nheld = rss()\ndel data\nprint((held - rss()) >> 20)\n"
    )
    returned = {mode: int(subprocess.run([sys.executable, str(script), mode], capture_output=True, text=True, check=True).stdout)
                for mode in ("keep", "plain")}  # fmt: skip
    assert returned["plain"] >= 15 and returned["keep"] <= 2


@pytest.mark.parametrize("fork", [True, False], ids=["forked workers", "new interpreters"])
def test_workers_decide_as_this_process_does(tmp_path, monkeypatch, fork):
    """Forked workers start with this process's model; new interpreters (macOS, Windows)
    load their own. Both give the serial answers, in input order."""
    if fork and not scoring.WORKERS_FORK:
        pytest.skip("workers fork on Linux only")
    monkeypatch.setattr(scoring, "WORKERS_FORK", fork)
    queue = _queue(tmp_path)
    outputs = {}
    for jobs in ("1", "2"):
        result = runner.invoke(app, ["score", str(queue), "--chunk-rows", "5", "--jobs", jobs])
        assert result.exit_code == 0, result.stderr
        outputs[jobs] = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["comment_id"] for row in outputs["2"]] == [str(i) for i in range(len(TEXTS) * 4)]  # ids are kept as text
    assert outputs["2"] == outputs["1"]


def _die(*args: object) -> None:
    os._exit(3)


@pytest.mark.skipif(not scoring.WORKERS_FORK, reason="a forked worker inherits the replaced chunk scorer; a new interpreter would not")
def test_a_worker_that_dies_is_one_line_and_exit_71_with_nothing_written(tmp_path, monkeypatch):
    monkeypatch.setattr(scoring, "_score_chunk", _die)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["score", str(_queue(tmp_path)), "--chunk-rows", "5", "--jobs", "2", "-o", str(out)])
    assert result.exit_code == 71, result.stderr
    assert "a worker process died" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists() and not list(tmp_path.glob("*.tmp*"))


def test_jobs_zero_is_refused_before_any_work(tmp_path):
    result = runner.invoke(app, ["score", str(_queue(tmp_path)), "--jobs", "0"])
    assert result.exit_code == 2
    assert "--jobs 0" in result.stderr


def test_a_parquet_queue_from_workers_is_the_file_one_process_writes(tmp_path):
    """With Parquet out, workers flatten the decisions (a column per score, the other
    nested values as JSON text); the file is the same."""
    queue = _queue(tmp_path)
    tables = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.parquet"
        result = runner.invoke(app, ["score", str(queue), "--chunk-rows", "5", "--jobs", jobs, "--format", "parquet", "-o", str(out)])
        assert result.exit_code == 0, result.stderr
        tables[jobs] = pd.read_parquet(out)
    assert len(tables["2"]) == len(TEXTS) * 4
    assert tables["2"]["scores.civility.uncivil"].dropna().between(0, 1).all()  # a column per score
    assert json.loads(tables["2"]["explain"].dropna().iloc[0])["civility"]  # the rest as JSON text
    pd.testing.assert_frame_equal(tables["2"], tables["1"])


def test_the_progress_line_runs_no_thread_for_forked_workers_to_inherit(monkeypatch):
    """Workers fork while the progress line is shown; a refresh thread holding stderr's
    lock at that moment would leave it held in every worker."""
    import sys
    import threading

    from moderation import cli

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    before = threading.active_count()
    counts = [threading.active_count() for _chunk in cli.scoring._with_progress(iter([[1, 2], [3]]), ["-"])]
    assert counts == [before, before]


def test_table_records_keep_every_cell_and_make_missing_ones_none():
    import io

    from moderation.decide.moderator import table_records

    csv = "id,text,n,x,when\n1,hello,3,1.5,2024-01-01\n2,,4,,\n3,world,,2.5,2024-02-01\n"
    frame = pd.read_csv(io.StringIO(csv), parse_dates=["when"])
    frame["label"] = pd.array(["a", None, "c"], dtype="string[pyarrow]")  # missing as pd.NA
    records = table_records(frame)
    assert [record["text"] for record in records] == ["hello", None, "world"]
    assert [record["x"] for record in records] == [1.5, None, 2.5]
    assert [record["label"] for record in records] == ["a", None, "c"]
    assert records[1]["when"] is None and records[0]["when"] == pd.Timestamp("2024-01-01")
    assert records[2]["n"] is None and records[0]["id"] == 1 and type(records[0]["id"]) is int
    assert records[0] == {key: value for key, value in frame.to_dict(orient="records")[0].items()}


def test_deciding_a_batch_leaves_no_cycles_and_the_collector_as_it_was(tmp_path):
    """Batches are decided with cyclic collection paused (`collection_paused`), which is
    only sound while deciding makes no reference cycles: none found after a batch with
    authors, articles, explanations and errors, and the collector runs again after."""
    import gc

    from moderation.decide.moderator import Moderator

    frame = pd.read_csv(_queue(tmp_path)).assign(article_title="Ferry timetable changes approved by council")
    moderator = Moderator.load(None)
    moderator.score_records(frame.head(3))  # first-use caches and imports are not the batch's
    gc.collect()
    assert gc.isenabled()
    try:
        gc.disable()
        records = moderator.score_records(frame)
        table = moderator.score(frame)
        assert not gc.isenabled()  # a caller's choice is kept
        del records, table
        assert gc.collect() == 0
    finally:
        gc.enable()
    moderator.score_records(frame)
    assert gc.isenabled()
