"""What a newcomer meets in the first hour, through the real `moderation` command: outputs
that follow the file name and the umask, spreadsheet-ready CSV, a hook that takes an
article and remembers authors, help that teaches, and a model that says what it is."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
QUEUE = ROOT / "examples" / "queue.csv"
LONG = "Thanks, this explains the ferry cuts well and fairly, I think."


def run(*arguments: str, stdin: str | None = None, cwd: Path | None = None, umask: int | None = None) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "MODERATION_MODEL"}
    env["JOBLIB_MULTIPROCESSING"] = "0"
    preexec = (lambda: os.umask(umask)) if umask is not None else None
    return subprocess.run([sys.executable, "-m", "moderation", *arguments], input=stdin, capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=300, preexec_fn=preexec)  # fmt: skip


def test_the_output_format_follows_the_file_name(tmp_path):
    assert run("score", str(QUEUE), "-o", str(tmp_path / "out.parquet"), "--no-explain").returncode == 0
    assert (tmp_path / "out.parquet").read_bytes()[:4] == b"PAR1"
    assert run("parse", str(SEEDS), "-o", str(tmp_path / "comments.csv")).returncode == 0
    assert (tmp_path / "comments.csv").read_text().startswith("id,author,text")
    conflict = run("score", str(QUEUE), "-o", str(tmp_path / "out.csv"), "--format", "jsonl")
    assert conflict.returncode == 2 and "does not match" in conflict.stderr and not (tmp_path / "out.csv").exists()
    assert run("score", str(QUEUE), "--format", "parquet").returncode == 2
    assert run("score", str(QUEUE), "-o", str(tmp_path / "out.tsv"), "--no-explain").returncode == 0
    assert "\tscores.civility.uncivil\t" in (tmp_path / "out.tsv").read_text().splitlines()[0]
    markdown = run("score", str(QUEUE), "--format", "markdown", "--no-explain")
    assert markdown.stdout.startswith("| id | action | civility | stance | constructive | featured | reason | text |")
    table = run("score", str(QUEUE), "--format", "table", "--no-explain")  # a pipe: no box drawing
    assert "id" in table.stdout and not any(char in table.stdout for char in "┏━│┃└")


def test_the_csv_of_scores_has_a_column_per_score_a_spreadsheet_can_sort(tmp_path):
    assert run("score", str(SEEDS), "-o", str(tmp_path / "out.csv")).returncode == 0
    with (tmp_path / "out.csv").open(newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert rows and {"scores.civility.uncivil", "scores.stance.agree", "predicted.stance", "predicted.threat"} <= set(rows[0])
    assert all(0 <= float(row["scores.civility.uncivil"]) <= 1 for row in rows)
    assert not any(row["reasons"].startswith("[") for row in rows)  # readable text, not JSON


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_outputs_and_models_follow_the_umask(tmp_path):
    assert run("score", str(QUEUE), "-o", str(tmp_path / "out.jsonl"), "--no-explain", umask=0o022).returncode == 0
    assert (tmp_path / "out.jsonl").stat().st_mode & 0o777 == 0o644
    trained = run("train", str(ROOT / "examples" / "labels.csv"), "-o", str(tmp_path / "mine"), "--tasks", "civility", umask=0o027)
    assert trained.returncode == 0, trained.stderr
    assert (tmp_path / "mine").stat().st_mode & 0o777 == 0o750
    assert (tmp_path / "mine" / "meta.json").stat().st_mode & 0o777 == 0o640


def test_check_takes_the_article_as_options():
    without = json.loads(run("check", LONG).stdout)
    assert without["scores"]["stance"] is None and without["not_scored"]
    titled = json.loads(run("check", LONG, "--article-title", "Council cuts the early ferry").stdout)
    assert titled["scores"]["stance"] is not None


def test_check_refuses_unknown_keys_and_reads_broken_json_as_text():
    unknown = run("check", stdin=json.dumps({"text": LONG, "txt": "typo"}))
    assert unknown.returncode == 2 and "unknown key(s) txt" in unknown.stderr and "article_text" in unknown.stderr
    braces = run("check", stdin="{not json, just a comment that starts with a brace about the ferry cuts}")
    assert braces.returncode in (0, 3) and json.loads(braces.stdout)["length"] > 50


def test_check_with_a_state_file_remembers_authors_across_processes(tmp_path):
    state = tmp_path / "hook.sqlite"
    comment = json.dumps({"text": LONG, "author": "ana"})
    first = json.loads(run("check", "--state", str(state), stdin=comment).stdout)
    second = run("check", "--state", str(state), stdin=comment)
    assert "repeat" not in [reason["rule"] for reason in first["reasons"]]
    assert second.returncode == 3 and "repeat" in [reason["rule"] for reason in json.loads(second.stdout)["reasons"]]
    assert run("check", "--state", str(tmp_path), stdin=comment).returncode == 1  # a directory: no decision, hold


def test_explain_summarises_and_refuses_an_empty_comment():
    summary = run("explain", "You are a clueless idiot.", "--format", "text")
    assert summary.returncode == 0 and summary.stdout.startswith("civility: uncivil")
    assert "stance: not scored" in summary.stdout and "for:" in summary.stdout
    assert run("explain", "   ").returncode == 2


def test_help_answers_to_h_and_a_bare_command_exits_0():
    assert run().returncode == 0
    for command in ("score", "check", "parse", "train", "evaluate", "explain", "serve", "info"):
        result = run(command, "-h")
        assert result.returncode == 0 and "Examples:" in result.stdout and "<bool>" not in result.stdout, command


def test_info_names_the_model_its_training_sets_and_their_licences():
    result = run("info", "default")
    assert result.returncode == 0
    assert "CC BY-NC-SA 4.0" in result.stdout and "held out" in result.stdout and "README.md" in result.stdout
    assert run("info", "no-such-model").returncode == 69


def test_a_port_in_use_is_exit_75(tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = run("serve", "-p", str(taken.getsockname()[1]))
    assert result.returncode == 75 and "pick another with -p" in result.stderr


def _on_a_terminal(*arguments: str) -> str:
    """What a command writes to stderr when stderr is a terminal (a pseudo-terminal)."""
    import pty

    leader, follower = pty.openpty()
    env = {key: value for key, value in os.environ.items() if key != "MODERATION_MODEL"}
    done = subprocess.run([sys.executable, "-m", "moderation", *arguments], stdout=subprocess.DEVNULL, stderr=follower,
                          env={**env, "COLUMNS": "120", "TERM": "xterm"}, timeout=300)  # fmt: skip
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert done.returncode == 0
    return b"".join(chunks).decode("utf-8", "replace")


def test_progress_on_a_terminal_shows_rows_of_the_total_the_rate_and_time_left(tmp_path):
    queue = tmp_path / "q.csv"
    queue.write_text("text\n" + "".join(f"Comment number {i} about the ferry timetable and the council's vote.\n" for i in range(12_000)))
    shown = _on_a_terminal("score", str(queue), "--no-explain", "--jobs", "1", "--chunk-rows", "2000", "-o", str(tmp_path / "o.jsonl"))
    import re

    lines = [line for line in re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown).split("\r") if "of ~12,000 rows" in line]
    assert len(lines) >= 3  # redrawn as chunks are done, not once at the end
    assert all(re.search(r"rows/s .*\d:\d\d:\d\d \d:\d\d:\d\d", line) for line in lines[-3:])  # time left, then elapsed, once rich has a rate
    pages = _on_a_terminal("parse", str(SEEDS), "-o", str(tmp_path / "p.jsonl"))
    assert "of ~2 files" in pages


def test_train_on_a_terminal_shows_heads_done_of_how_many(tmp_path):
    shown = _on_a_terminal("train", str(ROOT / "examples" / "labels.csv"), "-o", str(tmp_path / "mine"))
    import re

    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown)
    assert "of ~2 heads" in plain and "heads/s" in plain and "civility: done in" in plain


def test_serve_says_where_it_listens_and_answers_every_error_as_json(tmp_path):
    import socket
    import time

    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "moderation", "serve", "-p", str(port), "--access-log"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(150):
            try:
                if httpx.get(base + "/healthz").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        missing, wrong_method, docs = httpx.get(base + "/nope"), httpx.get(base + "/v1/check"), httpx.get(base + "/docs")
        secret = "A comment whose words must never reach the access log, about the harbour ferry."
        assert httpx.post(base + "/v1/check", json={"text": secret}).status_code == 200
    finally:
        process.terminate()
        stderr = process.communicate(timeout=10)[1]
    assert f"listening on http://127.0.0.1:{port}" in stderr
    assert '"POST /v1/check HTTP/1.1" 200' in stderr and "harbour ferry" not in stderr  # one line per request, no text
    assert (missing.status_code, missing.json()) == (404, {"error": "Not Found"})
    assert wrong_method.status_code == 405 and "error" in wrong_method.json()
    assert docs.status_code == 404  # no API page that would load its scripts from a CDN
