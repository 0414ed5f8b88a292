"""Hostile and malformed input, command by command: every case ends in one line on stderr
and an exit code from the documented table, never a traceback, and a queue's rows all
come out, scored or marked with their error.

The named cases are the ones users hit (a UTF-16 export, an empty file, a quote never
closed, a broken JSON Lines line, a policy that is a directory, JSON nested 100,000
deep...); the hypothesis strategies then throw arbitrary bytes, lines, TOML values and
model files at the same entry points.
"""

from __future__ import annotations

import codecs
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from moderation.cli import app
from moderation.errors import EXIT_CODES

runner = CliRunner()
DOCUMENTED = {*EXIT_CODES.values(), 1, 3, 4}  # 1, 3, 4: check's no decision, hold, reject
FUZZ = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
COMMENT = "A perfectly ordinary comment about the council's budget vote and the new bus lanes."


def invoke(arguments: list[str], stdin: bytes | None = None):
    result = runner.invoke(app, arguments, input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), (arguments, result.exception)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.exit_code in DOCUMENTED, (result.exit_code, result.stderr)
    if result.exit_code not in (0, 3, 4):
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return result


def scored_rows(tmp_path: Path, queue: Path) -> tuple[int, list[dict]]:
    out = tmp_path / "out.jsonl"
    result = invoke(["score", str(queue), "-o", str(out), "--force", "--no-explain"])
    # JSON Lines ends lines with "\n" only: str.splitlines() would split inside texts too (U+0085, U+2028).
    rows = [json.loads(line) for line in out.read_text().split("\n") if line] if result.exit_code == 0 else []
    return result.exit_code, rows


# ---- queues -------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8-sig"])
def test_a_csv_with_a_byte_order_mark_is_read_in_its_encoding(tmp_path, encoding):
    queue = tmp_path / "q.csv"
    queue.write_bytes(f"text,author\n{COMMENT},reader\n".encode(encoding))
    code, rows = scored_rows(tmp_path, queue)
    assert code == 0 and len(rows) == 1 and rows[0]["text"] == COMMENT and rows[0]["error"] is None


def test_a_csv_in_another_encoding_names_the_first_bad_byte(tmp_path):
    queue = tmp_path / "q.csv"
    queue.write_bytes(b"text\n" + b"ok line\n" * 10 + b"caf\xe9 latin-1\n")
    result = invoke(["score", str(queue)])
    assert result.exit_code == 65 and "byte 88" in result.stderr


@pytest.mark.parametrize("content", [b"", b"\n\n"])
def test_an_empty_csv_is_exit_65(tmp_path, content):
    queue = tmp_path / "q.csv"
    queue.write_bytes(content)
    assert invoke(["score", str(queue)]).exit_code == 65


def test_a_quote_never_closed_marks_the_rest_as_one_error_row_and_keeps_the_rows_before(tmp_path):
    queue = tmp_path / "q.csv"
    queue.write_text(f'text\n"{COMMENT}"\n"{COMMENT}"\n"never closed, {COMMENT}\nmore\n')
    code, rows = scored_rows(tmp_path, queue)
    assert code == 0 and [row["error"] is None for row in rows] == [True, True, False]
    assert "line 4 to the end" in rows[2]["error"]


def test_a_csv_row_with_too_many_cells_is_an_error_row_and_the_rest_is_scored(tmp_path):
    queue = tmp_path / "q.csv"
    queue.write_text(f"text,author\n{COMMENT},a\n{COMMENT},b,extra\n{COMMENT},c\n")
    code, rows = scored_rows(tmp_path, queue)
    assert code == 0 and len(rows) == 3
    assert rows[1]["error"] == "line 3: 3 cells where the header has 2"
    assert rows[0]["author"] == "a" and rows[2]["author"] == "c" and rows[2]["action"] is not None


@pytest.mark.parametrize("bad", [b"42", b'"a string"', b"[1, 2]", b"{broken", b"null", b"\xff\xfe not utf-8",
                                 b"[" * 100_000 + b"]" * 100_000])  # fmt: skip
def test_a_bad_json_lines_line_is_an_error_row_and_the_lines_after_it_are_scored(tmp_path, bad):
    queue = tmp_path / "q.jsonl"
    good = json.dumps({"text": COMMENT}).encode()
    queue.write_bytes(b"\n".join([good, bad, good]) + b"\n")
    code, rows = scored_rows(tmp_path, queue)
    assert code == 0 and len(rows) == 3
    assert rows[0]["error"] is None and rows[2]["error"] is None and rows[2]["action"] is not None
    assert rows[1]["error"].startswith("line 2: ") and rows[1]["action"] is None


def test_stdin_queue_keeps_every_line(tmp_path):
    lines = [json.dumps({"text": COMMENT}), "7", json.dumps({"text": COMMENT})]
    result = invoke(["score", "-", "--no-explain"], stdin=("\n".join(lines) + "\n").encode())
    rows = [json.loads(line) for line in result.stdout.split("\n") if line]
    assert result.exit_code == 0 and [row["error"] is None for row in rows] == [True, False, True]


@FUZZ
@given(lines=st.lists(st.one_of(st.binary(max_size=60), st.builds(lambda t: json.dumps({"text": t}).encode(), st.text(max_size=60))),
                      min_size=1, max_size=12))  # fmt: skip
def test_fuzzed_json_lines_lose_no_row(tmp_path, lines):
    # The first line makes sure the queue has a text column: a queue with none at all is refused (65).
    lines = [json.dumps({"text": COMMENT}).encode()] + [line.replace(b"\n", b" ").replace(b"\r", b" ") for line in lines]
    queue = tmp_path / "q.jsonl"
    queue.write_bytes(b"\n".join(lines) + b"\n")
    code, rows = scored_rows(tmp_path, queue)
    assert code == 0
    assert len(rows) == sum(1 for line in lines if line.strip())


@FUZZ
@given(cells=st.lists(st.lists(st.text(max_size=30), min_size=1, max_size=3), min_size=1, max_size=10))
def test_fuzzed_csv_is_scored_or_refused_in_one_line(tmp_path, cells):
    queue = tmp_path / "q.csv"
    queue.write_text("text,author\n" + "\n".join(",".join(row) for row in cells) + "\n", encoding="utf-8")
    code, rows = scored_rows(tmp_path, queue)
    assert code in (0, 65)


# ---- check, serve's JSON, settings files, models --------------------------------------


def test_check_refuses_json_nested_100000_deep_with_exit_2():
    result = invoke(["check"], stdin=b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")
    assert result.exit_code == 2 and "nested deeper than 32" in result.stderr


def test_a_policy_that_is_a_directory_is_one_line(tmp_path):
    queue = tmp_path / "q.csv"
    queue.write_text(f"text\n{COMMENT}\n")
    result = invoke(["score", str(queue), "--policy", str(tmp_path)])
    assert result.exit_code == 66 and "is a directory" in result.stderr
    assert invoke(["check", COMMENT, "--policy", str(tmp_path)]).exit_code == 1  # check: no decision, hold


@pytest.mark.parametrize(("settings_text", "code"), [
    ("min_chars = 50.0\nrepeat_window = 20.0\n", 0),  # whole-number floats, as TOML users write them
    ("min_chars = 50.5\n", 78), ('min_chars = "fifty"\n', 78), ("min_chars = [\n", 78), ("nonsense = 1\n", 78),
])  # fmt: skip
def test_policy_values_are_taken_or_refused_by_name(tmp_path, settings_text, code):
    policy = tmp_path / "policy.toml"
    policy.write_text(settings_text)
    assert invoke(["check", COMMENT, "--policy", str(policy)]).exit_code in ((0, 3, 4) if code == 0 else (1,))
    queue = tmp_path / "q.csv"
    queue.write_text(f"text\n{COMMENT}\n")
    assert invoke(["score", str(queue), "--policy", str(policy)]).exit_code == code


@pytest.mark.parametrize(("settings_text", "message"), [
    ('folds = "three"\n', "folds must be a whole number"), ("folds = 2.5\n", "folds must be a whole number"),
    ("folds = 1\n", "folds must be 2 or more"), ('c_grid = "1"\n', "c_grid must be"), ("meaning = 1\n", "meaning must be true"),
    ("n_jobs = 0\n", "n_jobs must be"), ("folds = [\n", "not valid TOML"),
])  # fmt: skip
def test_training_settings_of_the_wrong_type_are_exit_78_by_name(tmp_path, settings_text, message):
    config = tmp_path / "train.toml"
    config.write_text(settings_text)
    table = tmp_path / "t.csv"
    table.write_text("text,civility\nyou idiot,uncivil\nthanks,civil\n")
    result = invoke(["train", str(table), "-o", str(tmp_path / "m"), "--config", str(config)])
    assert result.exit_code == 78 and message in result.stderr


def test_evaluate_into_a_file_is_exit_73(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("text,civility\nyou idiot,uncivil\nthanks,civil\n")
    taken = tmp_path / "report.json"
    taken.write_text("{}")
    assert invoke(["evaluate", "default", str(table), "-o", str(taken)]).exit_code == 73


@pytest.fixture(scope="module")
def bundle_copy(tmp_path_factory):
    from moderation.learn.bundle import resolve

    source = resolve("default")
    return lambda name: Path(shutil.copytree(source, tmp_path_factory.mktemp(name) / "model"))


def _rehash(directory: Path) -> None:
    """Make meta.json vouch for whatever the files now hold, as a careless tool would."""
    from moderation.io.files import sha256

    meta = json.loads((directory / "meta.json").read_text())
    for stem in ("model", "scoring"):
        meta[f"{stem}_sha256"] = sha256(directory / f"{stem}.joblib")
        meta[f"{stem}_bytes"] = (directory / f"{stem}.joblib").stat().st_size
    (directory / "meta.json").write_text(json.dumps(meta))


@pytest.mark.parametrize("damage", ["meta_not_json", "meta_a_list", "pickle_of_a_list", "pickle_truncated", "meta_missing"])
def test_a_damaged_model_directory_is_refused_with_exit_69(bundle_copy, damage):
    import joblib

    directory = bundle_copy(damage)
    if damage == "meta_not_json":
        (directory / "meta.json").write_text("{bad")
    elif damage == "meta_a_list":
        (directory / "meta.json").write_text("[1, 2]")
    elif damage == "meta_missing":
        (directory / "meta.json").unlink()
    elif damage == "pickle_of_a_list":
        joblib.dump([1, 2], directory / "model.joblib")
        joblib.dump({"format": 99}, directory / "scoring.joblib")
        _rehash(directory)
    else:
        data = (directory / "scoring.joblib").read_bytes()
        (directory / "scoring.joblib").write_bytes(data[: len(data) // 2])
        _rehash(directory)
    assert invoke(["explain", COMMENT, "--model", str(directory)]).exit_code == 69
    assert invoke(["check", COMMENT, "--model", str(directory)]).exit_code == 1


@FUZZ
@given(data=st.binary(max_size=200))
def test_fuzzed_model_metadata_is_refused_with_exit_69(bundle_copy, data):
    directory = bundle_copy("fuzz")
    (directory / "meta.json").write_bytes(data)
    assert invoke(["explain", COMMENT, "--model", str(directory)]).exit_code in (0, 69)


@FUZZ
@given(value=st.one_of(st.integers(-5, 500), st.floats(allow_nan=True), st.text(max_size=5), st.booleans(),
                       st.lists(st.integers(), max_size=2)),  # fmt: skip
       name=st.sampled_from(["min_chars", "max_chars", "uncivil_hold", "repeat_window", "fail_open", "banned_terms"]))
def test_fuzzed_policy_values_are_taken_or_refused_by_name(tmp_path, name, value):
    policy = tmp_path / "policy.toml"
    policy.write_text(f"{name} = {_toml(value)}\n")
    result = invoke(["score", "-", "--policy", str(policy), "--no-explain"], stdin=json.dumps({"text": COMMENT}).encode())
    assert result.exit_code in (0, 78)
    if result.exit_code == 78:
        assert name in result.stderr or "TOML" in result.stderr


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(repr(value), repr(value))
    return json.dumps(value)


def test_utf16_is_not_mistaken_for_utf32():
    from moderation.io.tables import BYTE_ORDER_MARKS

    marks = [mark for mark, _ in BYTE_ORDER_MARKS]
    assert marks.index(codecs.BOM_UTF32_LE) < marks.index(codecs.BOM_UTF16_LE)
