"""`moderation parse` through Typer's runner and as a real process: stdout, stderr, exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

from conftest import FIXTURES, SEEDS
from typer.testing import CliRunner

from moderation.cli import app

runner = CliRunner()


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_parse_directory_prints_one_record_per_comment_with_article_fields():
    result = runner.invoke(app, ["parse", str(SEEDS)])
    assert result.exit_code == 0, result.output
    records = _jsonl(result.stdout)
    assert [r["author"] for r in records] == ["Priya S", "Aman W", "Sarah B", "Vikram M", "Karthik V"]
    assert records[0]["article_dateline"] == "Washington DC"
    assert records[0]["article_comment_policy"]["min_chars"] == 50
    assert "2 page(s) read, 5 comment(s), 0 failed" in result.stderr


def test_articles_mode_one_record_per_page_as_csv():
    result = runner.invoke(app, ["parse", "--articles", "--format", "csv", str(SEEDS)])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 2
    assert {row["comment_count"] for row in rows} == {"0", "5"}


def test_stdin_and_output_file_refuses_overwrite(tmp_path):
    out = tmp_path / "comments.json"
    page = (FIXTURES / "wordpress_thread.html").read_bytes()
    result = runner.invoke(app, ["parse", "-", "-o", str(out), "--format", "json"], input=page)
    assert result.exit_code == 0, result.stderr
    assert [r["author"] for r in json.loads(out.read_text())] == ["Harold Penn", "Marta Ruiz", "K. Mensah"]
    again = runner.invoke(app, ["parse", "-", "-o", str(out)], input=page)
    assert again.exit_code == 73
    assert "exists; pass --force" in again.stderr
    assert runner.invoke(app, ["parse", "-", "-o", str(out), "--force"], input=page).exit_code == 0


def test_bad_pages_are_reported_and_good_pages_still_written(tmp_path):
    binary = tmp_path / "image.html"
    binary.write_bytes(bytes(range(256)) * 20)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(app, ["parse", str(binary), str(empty), str(SEEDS / "004_8629efe3ccf50487.txt"),
                                 str(tmp_path / "missing.html")])
    assert result.exit_code == 65
    assert len(_jsonl(result.stdout)) == 5
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 3
    assert any("binary data" in line for line in errors)
    assert any("empty page" in line for line in errors)
    assert any("no such file" in line for line in errors)
    assert "Traceback" not in result.stderr


def test_only_missing_inputs_exit_66(tmp_path):
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    result = runner.invoke(app, ["parse", str(tmp_path / "missing.html"), str(empty_dir)])
    assert result.exit_code == 66
    assert "directory holds no pages" in result.stderr


def test_python_dash_m_runs_the_cli_as_a_process():
    done = subprocess.run([sys.executable, "-m", "moderation", "parse", str(SEEDS / "004_8629efe3ccf50487.txt")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert len(_jsonl(done.stdout)) == 5
    assert "Traceback" not in done.stderr
