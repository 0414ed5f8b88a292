"""Writing results: JSON Lines, CSV or JSON, to stdout or atomically to a file.

A file is written under a temporary name in the same directory and renamed into place,
so a crash or a full disk never leaves a half-written result where the old one was.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from moderation.errors import OutputError
from moderation.io.files import user_mode

FORMATS = ("jsonl", "csv", "json")
BY_EXTENSION = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv", ".json": "json", ".parquet": "parquet",
                ".md": "markdown"}  # fmt: skip
"""The format `-o FILE` implies when `--format` is not given."""


def output_format(output: str | None, given: str | None, allowed: tuple[str, ...]) -> str:
    """The format to write: `given`, else the one `output`'s extension names, else JSON
    Lines. A `--format` that contradicts the extension, an extension the command cannot
    write, and Parquet to stdout are usage errors (exit 2), so nothing is written in a
    form the file name does not promise."""
    from moderation.errors import UsageError

    to_stdout = output in (None, "-")
    implied = None if to_stdout else BY_EXTENSION.get(Path(str(output)).suffix.lower())
    if given is not None and implied is not None and given != implied:
        raise UsageError(f"--format {given} does not match {output}; name the file .{given} or leave --format out")
    chosen = given or implied or "jsonl"
    if chosen not in allowed:
        raise UsageError(f"{output}: this command writes {', '.join(allowed)}, not {chosen}")
    if chosen == "parquet" and to_stdout:
        raise UsageError("parquet is written to a file: pass -o FILE.parquet")
    return chosen


@contextlib.contextmanager
def atomic_open(path: str | Path, force: bool = False, mode: str = "w") -> Iterator[IO[Any]]:
    """Open a temporary sibling of `path` for writing; rename it over `path` on success."""
    path = Path(path)
    if path.exists() and not force:
        raise OutputError(f"{path} exists; pass --force to replace it")
    directory = path.parent if str(path.parent) else Path(".")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from error
    try:
        os.chmod(temporary, user_mode(0o666))
        binary = "b" in mode
        with os.fdopen(handle, mode, **({} if binary else {"encoding": "utf-8", "newline": ""})) as stream:
            yield stream
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def flat_decision(record: dict[str, Any], labels: dict[str, list[str]]) -> dict[str, Any]:
    """A decision as a spreadsheet sorts it: one column per score (`scores.civility.uncivil`)
    and per predicted label (`predicted.stance`), the reasons and the tasks not scored as
    readable text, each in the place of the nested field, and the same columns in every
    row (an error row has them empty). `labels` are the model's labels by task."""
    flat: dict[str, Any] = {}
    for key, value in record.items():
        if key == "reasons":
            flat[key] = "; ".join(f"{reason.get('rule')}: {reason.get('message') or reason.get('value')}"
                                  for reason in value or []) or None  # fmt: skip
        elif key == "scores":
            for task, names in labels.items():
                for label in names:
                    flat[f"scores.{task}.{label}"] = ((value or {}).get(task) or {}).get(label)
        elif key == "predicted":
            for task in labels:
                flat[f"predicted.{task}"] = (value or {}).get(task)
        elif key == "not_scored":
            flat[key] = "; ".join(f"{task}: {why}" for task, why in (value or {}).items()) or None
        elif key == "language":
            flat[key] = (value or {}).get("code")
            flat["language_confidence"] = (value or {}).get("confidence")
        else:
            flat[key] = value
    return flat


def _cell(value: Any) -> Any:
    if isinstance(value, list | dict | tuple):
        return json.dumps(value, ensure_ascii=False)
    return value


def jsonl_bytes(records: Iterable[dict[str, Any]]) -> bytes:
    """Records as JSON Lines in UTF-8 (text as is, missing values as null), with orjson: a
    queue's records carry nested scores and explanations, and the standard library's
    encoder spent as long on them as the three models took to score them.

    Bytes, as orjson makes them and a file takes them: made into text, a chunk with one
    emoji became a string of four bytes a character, and decoding and encoding it again
    cost about a tenth of a queue's time."""
    import orjson

    lines = []
    for record in records:
        try:
            lines.append(orjson.dumps(record))
        except TypeError:  # a value orjson does not know (a timestamp, a decimal): as text
            lines.append(json.dumps(record, ensure_ascii=False, default=str).encode())
    return b"\n".join(lines) + b"\n" if lines else b""


def jsonl_text(records: Iterable[dict[str, Any]]) -> str:
    """`jsonl_bytes` as text, for a text stream."""
    return jsonl_bytes(records).decode()


def write_records(records: Iterable[dict[str, Any]], stream: IO[str], fmt: str) -> int:
    """Write records in `fmt`; returns how many were written."""
    count = 0
    if fmt == "jsonl":
        batch: list[dict[str, Any]] = []
        for record in records:
            batch.append(record)
            if len(batch) == 1000:
                stream.write(jsonl_text(batch))
                count += len(batch)
                batch.clear()
        stream.write(jsonl_text(batch))
        count += len(batch)
    elif fmt == "json":
        rows = list(records)
        json.dump(rows, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
        count = len(rows)
    elif fmt in ("csv", "tsv"):
        writer: csv.DictWriter[str] | None = None
        for record in records:
            if writer is None:
                writer = csv.DictWriter(stream, fieldnames=list(record), extrasaction="ignore", lineterminator="\n",
                                        delimiter="\t" if fmt == "tsv" else ",")  # fmt: skip
                writer.writeheader()
            writer.writerow({key: _cell(value) for key, value in record.items()})
            count += 1
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return count


@contextlib.contextmanager
def output_stream(output: str | None, force: bool = False) -> Iterator[IO[str]]:
    """stdout (as UTF-8) when `output` is None or "-", else `output` written atomically."""
    if output in (None, "-"):
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(encoding="utf-8")
        yield sys.stdout
        return
    with atomic_open(output, force=force) as stream:
        yield stream


def emit_bytes(pieces: Iterable[bytes], output: str | None, force: bool = False) -> None:
    """Write UTF-8 already formatted (JSON Lines from worker processes) like `emit`, to a
    file opened for bytes or to stdout's byte stream, so that it is never decoded."""
    if output not in (None, "-"):
        with atomic_open(output, force=force, mode="wb") as stream:
            for piece in pieces:
                stream.write(piece)
        return
    sys.stdout.flush()  # what was written as text goes first
    buffer = getattr(sys.stdout, "buffer", None)
    for piece in pieces:
        if buffer is None:  # a stdout that takes only text
            sys.stdout.write(piece.decode())
        else:
            buffer.write(piece)
    if buffer is not None:
        buffer.flush()


def emit(records: Iterable[dict[str, Any]], output: str | None, fmt: str, force: bool = False) -> int:
    """Write records to `output` (atomically) or to stdout when output is None or "-"."""
    with output_stream(output, force) as stream:
        return write_records(records, stream, fmt)


def parquet_cell(value: Any) -> Any:
    """A value as a Parquet column holds it: scalars as they are, nested values as JSON text."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | dict | tuple):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def parquet_records(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records with every value as `parquet_cell` makes it: done by the worker processes
    that score a queue, so that the process writing the file only builds its tables."""
    return [{key: parquet_cell(value) for key, value in record.items()} for record in records]


def write_parquet(records: Iterable[dict[str, Any]], output: str, force: bool = False, batch_rows: int = 20_000,
                  prepared: bool = False) -> int:  # fmt: skip
    """Stream records into one Parquet file (nested values as JSON text), atomically.
    With `prepared`, the records are `parquet_records` already (the workers that scored
    them made them so) and go into the tables as they are: a second pass here, in the one
    process that writes, cost 4 µs a row."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    count = 0
    with atomic_open(output, force=force, mode="wb") as stream:
        writer = None
        batch: list[dict[str, Any]] = []

        def flush() -> None:
            nonlocal writer
            if not batch:
                return
            rows = batch if prepared else parquet_records(batch)
            if writer is None:
                table = pa.Table.from_pylist(rows)
                # A column empty in the first batch (no article: no stance scores) gets the
                # type it will hold: a score is a float, anything else text.
                schema = pa.schema([pa.field(f.name, pa.float64() if f.name.startswith("scores.") else pa.string())
                                    if pa.types.is_null(f.type) else f for f in table.schema])  # fmt: skip
                writer = pq.ParquetWriter(stream, schema)
            writer.write_table(pa.Table.from_pylist(rows, schema=writer.schema))
            batch.clear()

        for record in records:
            batch.append(record)
            count += 1
            if len(batch) >= batch_rows:
                flush()
        flush()
        if writer is not None:
            writer.close()
    return count
