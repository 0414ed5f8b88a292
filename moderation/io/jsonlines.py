"""JSON from users, decoded safely: nesting is measured before anything recursive runs,
and a JSON Lines queue is read line by line so that one bad line is one error row.

Python's `json` module recurses once per level of nesting: a body of 100,000 brackets
exhausts the interpreter's stack (a `RecursionError`, a traceback, an HTTP 500). No record
this tool reads is deeper than a few levels, so anything deeper than `MAX_DEPTH` is
refused before decoding, by a scan that does not recurse.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from moderation.errors import DataError

if TYPE_CHECKING:
    import pandas as pd

MAX_DEPTH = 32
"""The deepest nesting of arrays and objects accepted in any JSON input (documented in
docs/commands.md); a comment record needs three."""

_STRUCTURE = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


def too_deep(data: bytes, limit: int = MAX_DEPTH) -> bool:
    """Whether `data` nests arrays and objects deeper than `limit` (strings skipped).

    Most inputs hold fewer brackets than the limit and are let through by a count; the
    others are scanned once, token by token, with a counter rather than recursion.
    """
    if data.count(b"[") + data.count(b"{") <= limit:
        return False
    depth = 0
    for match in _STRUCTURE.finditer(data):
        token = match.group()
        if token in (b"[", b"{"):
            depth += 1
            if depth > limit:
                return True
        elif token in (b"]", b"}"):
            depth -= 1
    return False


def loads(data: bytes | str, where: str = "input") -> Any:
    """Decoded JSON, or a `DataError` naming `where` and the problem (too deep, not
    UTF-8, not JSON)."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if too_deep(raw):
        raise DataError(f"{where}: JSON nested deeper than {MAX_DEPTH} levels; refused")
    try:
        return json.loads(raw)
    except UnicodeDecodeError as error:
        raise DataError(f"{where}: not UTF-8 (byte {error.start})") from None
    except ValueError as error:
        raise DataError(f"{where}: invalid JSON: {error}") from None


def record_of(line: bytes, number: int) -> dict[str, Any]:
    """One JSON Lines line as a row: the object itself, or a row whose `parse_error` says
    why the line could not be used (its `text` null, so it is reported, not scored)."""
    try:
        value = loads(line, f"line {number}")
    except DataError as error:
        return {"text": None, "parse_error": str(error)}
    if not isinstance(value, dict):
        return {"text": None, "parse_error": f"line {number}: a JSON object is needed, got {type(value).__name__}"}
    return value


def iter_records(lines: Iterable[bytes], chunk_rows: int) -> Iterator[pd.DataFrame]:
    """Chunks of `chunk_rows` rows from JSON Lines, every non-blank line a row."""
    import pandas as pd

    rows: list[dict[str, Any]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        rows.append(record_of(line, number))
        if len(rows) >= chunk_rows:
            yield pd.DataFrame.from_records(rows)
            rows = []
    if rows:
        yield pd.DataFrame.from_records(rows)
