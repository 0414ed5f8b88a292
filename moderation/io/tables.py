"""Tables in and out: reading CSV / JSONL / Parquet in one piece or in chunks, writing
them atomically, and the canonical training table (`io.datasets` makes it from the
public datasets).

The canonical table has `text`, optional `article_title` / `article_text` (what stance is
judged against), optional `group` (article or claim id, for grouped splits), optional
`source` (which dataset a row came from) and one column per task: `civility`, `stance`,
`constructive`. `civility_score` (0 to 1) may carry a soft label beside `civility`.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from moderation.errors import DataError, InputMissingError

if TYPE_CHECKING:
    import pandas as pd

TASKS: dict[str, tuple[str, ...]] = {
    "civility": ("civil", "uncivil"),
    "stance": ("agree", "disagree", "discuss", "unrelated"),
    "constructive": ("constructive", "not_constructive"),
    "threat": ("not_threat", "threat"),
    "spam": ("ham", "spam"),
}
"""Each task with the labels the shipped recipes produce (a newsroom may use others)."""

CANONICAL_COLUMNS = ("text", "article_title", "article_text", "group", "source", *TASKS, "civility_score")


def read_table(path: str | Path) -> pd.DataFrame:
    """Read CSV, TSV, JSON Lines or Parquet by extension; a clear DataError otherwise."""
    import pandas as pd

    path = Path(path)
    _require_file(path)
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv", ".jsonl", ".ndjson"):
        frames = list(iter_table(path, 1 << 30))
        if not frames:  # JSON Lines with no lines
            return pd.DataFrame()
        return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    try:
        if suffix == ".parquet":
            return pd.read_parquet(path)
        if suffix == ".json":
            return pd.read_json(path, dtype=False)
        if suffix == ".txt":
            return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
    except UnicodeDecodeError as error:
        raise DataError(f"{path}: not UTF-8 (byte {error.start}); re-save it as UTF-8") from error
    except (ValueError, OSError) as error:
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise DataError(f"{path}: cannot read as {suffix.lstrip('.') or 'a table'}: {first}") from error
    except Exception as error:  # pyarrow and the C parser raise their own types
        raise DataError(f"{path}: cannot read: {str(error).splitlines()[0] if str(error) else error!r}") from error
    raise DataError(f"{path}: unknown table format {suffix or '(none)'}; use .csv, .tsv, .jsonl or .parquet")


def iter_table(path: str | Path, chunk_rows: int = 20_000) -> Iterator[pd.DataFrame]:
    """Read a queue in chunks of `chunk_rows`, so memory does not grow with the file.

    CSV streams through pandas' chunked reader (cells kept as written, strings; UTF-16
    and UTF-32 read as such when a byte-order mark says so), JSON Lines line by line,
    Parquet by row batches; "-" reads JSON Lines from stdin. A JSON Lines line or a CSV
    row that cannot be read comes out as a row with `parse_error` set, so every row in
    has a row out (`read_csv_rows`, `jsonlines.iter_records`).
    """
    import sys

    from moderation.io.jsonlines import iter_records

    if str(path) == "-":
        yield from iter_records(sys.stdin.buffer, chunk_rows)
        return
    path = Path(path)
    _require_file(path)
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        import pyarrow.parquet as pq

        try:
            # pre_buffer (pyarrow's default) keeps every range it has read until the file
            # is closed: reading a 600,000-row archive held 400 MB more at its end.
            for batch in pq.ParquetFile(path, pre_buffer=False).iter_batches(batch_size=chunk_rows):
                yield batch.to_pandas()
        except Exception as error:
            raise DataError(f"{path}: cannot read as parquet: {str(error).splitlines()[0]}") from error
    elif suffix in (".jsonl", ".ndjson"):
        with path.open("rb") as stream:
            yield from iter_records(stream, chunk_rows)
    elif suffix in (".csv", ".tsv"):
        yield from read_csv_rows(path, chunk_rows)
    else:
        yield read_table(path)


def encoding_of(path: Path) -> str:
    """The text encoding a file's byte-order mark names; UTF-8 when it has none."""
    with path.open("rb") as stream:
        start = stream.read(4)
    for mark, encoding in BYTE_ORDER_MARKS:
        if start.startswith(mark):
            return encoding
    return "utf-8"


BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16's, which they begin with
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
    (codecs.BOM_UTF8, "utf-8-sig"),
)  # fmt: skip


def read_csv_rows(path: Path, chunk_rows: int) -> Iterator[pd.DataFrame]:
    """A CSV or TSV file in chunks, by pandas' C parser; from the first row it cannot
    split (a row with too many cells, a quote never closed) on, by Python's `csv`
    module, which reads the rest row by row and marks each row it cannot use."""
    import pandas as pd

    if path.stat().st_size == 0:
        raise DataError(f"{path}: empty file; a table needs a header row naming its columns (text at least)")
    encoding = encoding_of(path)
    sep = "\t" if path.suffix.lower() == ".tsv" else ","
    done = 0
    try:
        reader = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, na_values=[""], encoding=encoding,
                             chunksize=chunk_rows)  # fmt: skip
        for frame in reader:
            done += len(frame)
            yield frame
        return
    except UnicodeDecodeError:
        raise DataError(f"{path}: not {encoding.upper()} (byte {first_undecodable(path, encoding)}); "
                        "re-save it as UTF-8") from None  # fmt: skip
    except pd.errors.EmptyDataError:
        raise DataError(f"{path}: no header row; a table needs one naming its columns (text at least)") from None
    except pd.errors.ParserError:
        pass  # the rows from `done` on are read below, one by one
    yield from _csv_rows_one_by_one(path, encoding, sep, done, chunk_rows)


def _csv_rows_one_by_one(path: Path, encoding: str, sep: str, skip: int, chunk_rows: int) -> Iterator[pd.DataFrame]:
    import csv

    import pandas as pd

    with path.open(newline="", encoding=encoding) as stream:
        records = csv.reader(stream, delimiter=sep, strict=True)
        header = next(records)
        rows: list[dict[str, Any]] = []
        seen = 0
        while True:
            line = records.line_num + 1
            try:
                cells = next(records)
            except StopIteration:
                break
            except csv.Error as error:
                rows.append({"text": None, "parse_error": f"line {line} to the end: {error} (a quote never closed?)"})
                break
            if not cells:
                continue
            seen += 1
            if seen <= skip:
                continue
            if len(cells) != len(header):
                rows.append({"text": None, "parse_error": f"line {line}: {len(cells)} cells where the header has {len(header)}"})
            else:
                rows.append({name: cell or None for name, cell in zip(header, cells, strict=True)})
            if len(rows) >= chunk_rows:
                yield pd.DataFrame.from_records(rows)
                rows = []
    if rows:
        yield pd.DataFrame.from_records(rows)


def first_undecodable(path: Path, encoding: str = "utf-8") -> int:
    """The file offset of the first byte that does not decode, for the error message."""
    decoder = codecs.getincrementaldecoder(encoding)()
    offset = 0
    with path.open("rb") as stream:
        while block := stream.read(1 << 20):
            try:
                decoder.decode(block)
            except UnicodeDecodeError as error:
                return offset + error.start
            offset += len(block)
    return offset


def _require_file(path: Path) -> None:
    if not path.exists():
        raise InputMissingError(f"{path}: no such file")
    if path.is_dir():
        raise InputMissingError(f"{path}: is a directory; a table file is needed here")


def require_columns(frame: pd.DataFrame, columns: tuple[str, ...], where: str) -> None:
    """Name the missing columns and the ones present, so the fix is obvious."""
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise DataError(f"{where}: missing column(s) {', '.join(missing)}; present: {', '.join(map(str, frame.columns))}")


def load_training(paths: list[str]) -> pd.DataFrame:
    """Read and stack canonical tables; every file must have a `text` column."""
    import pandas as pd

    frames = []
    for path in paths:
        frame = read_table(path)
        require_columns(frame, ("text",), str(path))
        if "source" not in frame.columns:
            frame["source"] = Path(path).stem
        frames.append(frame)
    if not frames:
        raise InputMissingError("no training data given")
    return pd.concat(frames, ignore_index=True)


def write_table(frame: pd.DataFrame, path: str | Path, force: bool = False) -> None:
    """Write by extension, atomically (CSV, JSON Lines or Parquet)."""
    from moderation.io.output import atomic_open

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".jsonl", ".parquet"):
        raise DataError(f"{path}: write .csv, .jsonl or .parquet")
    with atomic_open(path, force=force, mode="wb" if suffix == ".parquet" else "w") as stream:
        if suffix == ".parquet":
            frame.to_parquet(stream, index=False)
        elif suffix == ".jsonl":
            frame.to_json(stream, orient="records", lines=True, force_ascii=False)
        else:
            frame.to_csv(stream, index=False)
