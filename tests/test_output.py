"""Writing results: valid JSON Lines whatever the rows hold, and files replaced atomically."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from moderation.errors import OutputError
from moderation.decide.moderator import table_records
from moderation.io.output import atomic_open, emit_bytes, jsonl_bytes, jsonl_text, write_records


def test_jsonl_keeps_text_as_written_and_missing_values_as_null():
    records = [{"text": "Très bien — 👍", "score": float("nan"), "nested": {"a": [1, 2.5]}}, {"text": None}]
    lines = jsonl_text(records).splitlines()
    assert [json.loads(line) for line in lines] == [{"text": "Très bien — 👍", "score": None, "nested": {"a": [1, 2.5]}},
                                                    {"text": None}]  # fmt: skip
    assert "Très bien — 👍" in lines[0]  # UTF-8 as is, not \u escapes


def test_jsonl_writes_values_json_does_not_know_as_text():
    [line] = jsonl_text([{"when": pd.Timestamp("2026-11-22 10:00"), 3: "integer key"}]).splitlines()
    assert json.loads(line) == {"when": "2026-11-22 10:00:00", "3": "integer key"}


def test_json_lines_go_out_as_bytes_after_what_was_printed(tmp_path):
    """Streamed JSON Lines are written as orjson made them, to a file or to stdout's byte
    stream, after any text already printed to stdout."""
    import subprocess
    import sys

    records = [{"text": "Très bien — 👍"}, {"text": "plain"}]
    expected = jsonl_bytes(records)
    assert expected.decode() == jsonl_text(records)
    out = tmp_path / "out.jsonl"
    emit_bytes([expected[:10], expected[10:]], str(out))
    assert out.read_bytes() == expected
    script = "from moderation.io.output import emit_bytes; print('first'); emit_bytes([b'\\xf0\\x9f\\x91\\x8d\\n'], None)"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, check=True, timeout=60)
    assert done.stdout == "first\n👍\n".encode()


def test_write_records_counts_every_row_across_batches():
    stream = io.StringIO()
    assert write_records(({"n": n} for n in range(2_500)), stream, "jsonl") == 2_500
    assert [json.loads(line)["n"] for line in stream.getvalue().splitlines()] == list(range(2_500))
    assert write_records([], io.StringIO(), "jsonl") == 0


def test_table_records_turn_missing_cells_into_none():
    frame = pd.DataFrame({"text": ["a", None, "c"], "likes": [1.0, float("nan"), 3.0]})
    assert table_records(frame) == [{"text": "a", "likes": 1.0}, {"text": None, "likes": None}, {"text": "c", "likes": 3.0}]


def test_a_failed_write_leaves_the_old_file(tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    with pytest.raises(RuntimeError), atomic_open(target, force=True) as stream:
        stream.write("half")
        raise RuntimeError("disk full")
    assert target.read_text() == "old\n"
    assert list(tmp_path.iterdir()) == [target]
    with pytest.raises(OutputError, match="exists"), atomic_open(target):
        pass
