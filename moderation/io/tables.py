"""Tables in and out: reading CSV / JSONL / Parquet in one piece or in chunks, writing
them atomically, and the canonical training table (`io.datasets` makes it from the
public datasets).

The canonical table has `text`, optional `article_title` / `article_text` (what stance is
judged against), optional `group` (article or claim id, for grouped splits), optional
`source` (which dataset a row came from) and one column per task: `civility`, `stance`,
`constructive`. `civility_score` (0 to 1) may carry a soft label beside `civility`.
"""

from __future__ import annotations

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
}
"""Each task with the labels the shipped recipes produce (a newsroom may use others)."""

CANONICAL_COLUMNS = ("text", "article_title", "article_text", "group", "source", *TASKS, "civility_score")


def read_table(path: str | Path) -> pd.DataFrame:
    """Read CSV, TSV, JSON Lines or Parquet by extension; a clear DataError otherwise."""
    import pandas as pd

    path = Path(path)
    if not path.exists():
        raise InputMissingError(f"{path}: no such file")
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            return pd.read_parquet(path)
        if suffix in (".jsonl", ".ndjson"):
            return pd.read_json(path, lines=True, dtype=False)
        if suffix == ".json":
            return pd.read_json(path, dtype=False)
        if suffix in (".csv", ".tsv", ".txt"):
            return pd.read_csv(path, sep="\t" if suffix == ".tsv" else ",", dtype=str, keep_default_na=False,
                               na_values=[""], encoding="utf-8")  # fmt: skip
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

    CSV and JSON Lines stream through pandas' chunked readers, Parquet by row batches;
    "-" reads JSON Lines from stdin. Cells of CSV files are kept as written (strings).
    """
    import sys

    import pandas as pd

    if str(path) == "-":
        reader: Any = pd.read_json(sys.stdin, lines=True, dtype=False, chunksize=chunk_rows)
        yield from _guard(reader, "-")
        return
    path = Path(path)
    if not path.exists():
        raise InputMissingError(f"{path}: no such file")
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
        yield from _guard(pd.read_json(path, lines=True, dtype=False, chunksize=chunk_rows), path)
    elif suffix in (".csv", ".tsv"):
        reader = pd.read_csv(path, sep="\t" if suffix == ".tsv" else ",", dtype=str, keep_default_na=False,
                             na_values=[""], encoding="utf-8", chunksize=chunk_rows)  # fmt: skip
        yield from _guard(reader, path)
    else:
        yield read_table(path)


def _guard(reader: Any, path: str | Path) -> Iterator[pd.DataFrame]:
    try:
        yield from reader
    except UnicodeDecodeError as error:
        raise DataError(f"{path}: not UTF-8 (byte {error.start}); re-save it as UTF-8") from error
    except ValueError as error:
        raise DataError(f"{path}: cannot read: {str(error).splitlines()[0]}") from error


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
